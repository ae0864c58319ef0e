// Draws the dashboard's charts from the JSON the page carries; every chart also has a table.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("dashboard-data").textContent);
  var colours = { green: "#2e9d4a", blue: "#2f6fd6", yellow: "#f0c419", red: "#d23a2f" };
  var names = data.labels;
  var lights = ["green", "blue", "yellow", "red"];
  var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  // Charts draw their words in the page's own fonts, and punctuate as the page's language does.
  var font = window.getComputedStyle(document.body).fontFamily;
  var colon = /^zh/i.test(document.documentElement.lang) ? "：" : ": ";

  // Tooltips are drawn on the canvas (richText): an HTML tooltip sets inline styles, which the
  // page's Content-Security-Policy (style-src 'self') refuses, losing its colour dots.
  function finish(option) {
    option.animation = !still;
    option.textStyle = { fontFamily: font };
    if (option.tooltip) {
      option.tooltip.renderMode = "richText";
      option.tooltip.confine = true;  // kept inside the chart, which fits the screen
      option.tooltip.textStyle = { fontFamily: font };
    }
    return option;
  }

  // Canvas text reads "{name|text}" as a styled run; a zero-width space after each brace keeps
  // a title that happens to contain one as it is written.
  function plain(text) {
    return String(text).replace(/\{/g, "{\u200b");
  }

  // Canvas text does not wrap: a long key point title is broken into lines that fit a phone.
  function lines(text, width) {
    var chars = Array.from(text), out = [];
    for (var i = 0; i < chars.length; i += width) { out.push(chars.slice(i, i + width).join("")); }
    return out.join("\n");
  }

  // `option(narrow)` gives the chart for a phone-sized box (legend scrolls on one line, key
  // points labelled by number only) or a wider one; the choice is made again on resize.
  function draw(name, option, onClick) {
    var element = document.querySelector('[data-chart="' + name + '"]');
    if (!element || !window.echarts) { return; }
    var chart = window.echarts.init(element);
    var narrow = element.clientWidth < 560;
    chart.setOption(finish(option(narrow)));
    if (onClick) { chart.on("click", onClick); }
    window.addEventListener("resize", function () {
      if ((element.clientWidth < 560) !== narrow) {
        narrow = !narrow;
        chart.setOption(finish(option(narrow)), true);
      }
      chart.resize();
    });
  }

  // The tooltip names the key point in full, one line per series after its colour dot.
  function pointTooltip(items) {
    var point = data.points[items[0].dataIndex];
    return [plain(lines(point.number + ". " + point.title, 22))].concat(items.map(function (item) {
      var unit = item.seriesIndex >= lights.length ? "%" : "";
      // A key point nobody reported on has no average: say so, not "null%".
      return item.marker + plain(item.seriesName) + colon + (item.value == null ? "—" : item.value + unit);
    })).join("\n");
  }

  draw("points", function (narrow) { return {
    tooltip: { trigger: "axis", formatter: pointTooltip },
    legend: { top: 0, type: narrow ? "scroll" : "plain" },
    grid: { left: 40, right: 44, bottom: 44, top: 32 },
    xAxis: { type: "category", axisLabel: { interval: 0 }, data: data.points.map(function (p) {
      return narrow ? String(p.number) : p.number + "\n" + (p.title.length > 5 ? p.title.slice(0, 5) + "…" : p.title);
    }) },
    yAxis: [{ type: "value", minInterval: 1 },
            { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" }, splitLine: { show: false } }],
    series: lights.map(function (light) {
      return { name: names[light], type: "bar", stack: "lights", itemStyle: { color: colours[light] },
               data: data.points.map(function (p) { return p[light]; }) };
    }).concat([{ name: names.percent, type: "line", yAxisIndex: 1, itemStyle: { color: "#555" },
                 data: data.points.map(function (p) { return p.percent; }) }])
  }; }, function (event) {
    if (event.seriesIndex >= lights.length) { return; }
    var point = data.points[event.dataIndex];
    var light = lights[event.seriesIndex];
    window.location.href = data.tableUrl + "?point=" + point.number + "&light=" + light;
  });

  draw("trend", function (narrow) { return {
    tooltip: { trigger: "axis" },
    legend: { top: 0, type: narrow ? "scroll" : "plain" },
    grid: { left: 40, right: 16, bottom: 30, top: 32 },
    xAxis: { type: "category", data: data.trend.map(function (t) { return t.period; }) },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: names.on_time, type: "line", data: data.trend.map(function (t) { return t.on_time; }), itemStyle: { color: "#2e9d4a" } },
      { name: names.late, type: "line", data: data.trend.map(function (t) { return t.late; }), itemStyle: { color: "#f0c419" } },
      { name: names.missing, type: "line", data: data.trend.map(function (t) { return t.missing; }), itemStyle: { color: "#d23a2f" } }
    ]
  }; });
}());
