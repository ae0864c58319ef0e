// Draws the dashboard's charts from the JSON the page carries; every chart also has a table.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("dashboard-data").textContent);
  var colours = { green: "#2e9d4a", blue: "#2f6fd6", yellow: "#f0c419", red: "#d23a2f" };
  var names = { green: "绿灯", blue: "蓝灯", yellow: "黄灯", red: "红灯" };
  var lights = ["green", "blue", "yellow", "red"];

  function draw(name, option, onClick) {
    var element = document.querySelector('[data-chart="' + name + '"]');
    if (!element || !window.echarts) { return; }
    var chart = window.echarts.init(element);
    chart.setOption(option);
    if (onClick) { chart.on("click", onClick); }
    window.addEventListener("resize", function () { chart.resize(); });
  }

  draw("points", {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 40, right: 16, bottom: 30, top: 32 },
    xAxis: { type: "category", data: data.points.map(function (p) { return p.number + "." + p.title.slice(0, 6); }) },
    yAxis: { type: "value", minInterval: 1 },
    series: lights.map(function (light) {
      return { name: names[light], type: "bar", stack: "lights", itemStyle: { color: colours[light] },
               data: data.points.map(function (p) { return p[light]; }) };
    })
  }, function (event) {
    var point = data.points[event.dataIndex];
    var light = lights[event.seriesIndex];
    window.location.href = data.tableUrl + "?point=" + point.number + "&light=" + light;
  });

  draw("trend", {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 40, right: 16, bottom: 30, top: 32 },
    xAxis: { type: "category", data: data.trend.map(function (t) { return t.period; }) },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: "按时", type: "line", data: data.trend.map(function (t) { return t.on_time; }), itemStyle: { color: "#2e9d4a" } },
      { name: "逾期", type: "line", data: data.trend.map(function (t) { return t.late; }), itemStyle: { color: "#f0c419" } },
      { name: "未报", type: "line", data: data.trend.map(function (t) { return t.missing; }), itemStyle: { color: "#d23a2f" } }
    ]
  });
}());
