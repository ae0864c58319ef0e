"""The 督办台账 xlsx: every task with its latest report and light, and a summary per department."""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from workplan.plans.models import Plan
from workplan.plans.tests.factories import make_large_plan
from workplan.progress.actions import (
    ReportData,
    do_save_report,
    do_set_up_schedule,
    do_start_report,
    do_submit_report,
)
from workplan.reports.ledger import ledger
from workplan.supervision.tests.factories import make_plan_with_reports

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def plan(department, other_department, liaison):
    data = ReportData("on_track", 80, "十二月进展", "缺少场地", "")
    return make_plan_with_reports(department, liaison, 12, data)


def test_ledger_lists_tasks_with_reports_lights_and_a_department_summary(client, supervisor, plan):
    client.force_login(supervisor)
    response = client.get(reverse("reports:ledger", args=[plan.pk]))
    book = load_workbook(io.BytesIO(response.content))
    tasks = book["督办台账"]
    rows = [r for r in tasks.iter_rows(min_row=3, values_only=True) if r[0]]
    assert len(rows) == 50
    by_code = {r[0]: r for r in rows}
    assert by_code["4.1"][7].startswith("正常推进（待审核）") and by_code["4.1"][8] == 0.8
    assert "十二月进展" in by_code["4.1"][11]
    assert by_code["1.1"][7].startswith("2024年12月未报送（逾期")
    assert {r[9] for r in rows} <= {"绿灯", "蓝灯", "黄灯", "红灯"}
    summary = {r[0]: r for r in book["部门汇总"].iter_rows(min_row=3, values_only=True) if r[0]}
    assert summary["教务处"][1] == 5  # leads key point 4's five tasks


def test_ledger_is_hidden_from_departments(client, liaison, plan):
    client.force_login(liaison)
    assert client.get(reverse("reports:ledger", args=[plan.pk])).status_code == 404


def test_ledger_uses_a_fixed_number_of_queries(client, supervisor, plan):
    client.force_login(supervisor)

    def count(p):
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("reports:ledger", args=[p.pk]))
        return len(queries)

    small = count(plan)
    make_large_plan(year=2021)
    big = Plan.objects.get(year=2021)
    do_set_up_schedule(big)
    assert count(big) == small


def test_command_line_export(plan, tmp_path, capsys):
    path = tmp_path / "台账.xlsx"
    call_command("ledger", "2024", "-o", str(path))
    assert load_workbook(path).sheetnames == ["督办台账", "部门汇总"]


def test_ledger_shows_each_tasks_latest_lead_report(plan, department, liaison):
    """November's report is older than December's; a co department's later report does not
    replace the lead's."""

    task = plan.key_points.get(number=4).tasks.get(number=1)
    november = plan.periods.get(opens_on=date(2024, 11, 1))
    older = do_start_report(task, department, november, "lead", by=liaison)
    do_save_report(
        older, ReportData("on_track", 50, "十一月进展", "", ""), read_version=None, by=liaison
    )
    do_submit_report(older, by=liaison, now=datetime(2024, 11, 20, tzinfo=SHANGHAI))
    rows, _ = ledger(plan, today=date(2024, 12, 28))
    (row,) = [r for r in rows if r.row.task == task]
    assert row.report.progress == "十二月进展" and row.report.percent == 80
    co_only = [r for r in rows if department.name in r.row.co and department.name not in r.row.lead]
    assert co_only and all(r.report is None for r in co_only)  # only 教务处's co reports exist


def test_sheets_have_filters_titles_and_a_total_row(client, supervisor, plan):
    client.force_login(supervisor)
    book = load_workbook(io.BytesIO(client.get(reverse("reports:ledger", args=[plan.pk])).content))
    tasks, departments = book["督办台账"], book["部门汇总"]
    assert tasks.auto_filter.ref == "A2:O52"  # header row over the 50 tasks
    assert departments["A1"].value.startswith("江城职业技术学院2024年工作要点督办台账部门汇总（")
    rows = list(departments.iter_rows(min_row=3, values_only=True))
    *each, total = rows
    assert departments.auto_filter.ref == f"A2:J{2 + len(each)}"  # the total stays outside
    assert total[0] == "合计"
    assert list(total[1:]) == [sum(r[i] for r in each) for i in range(1, 10)]
    assert total[1] > 0
