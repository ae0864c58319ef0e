"""平均完成比例 follows one stated rule: the average of the tasks reported for the period, the
unreported counted apart; the headline and the key points' figures agree, on the dashboard and
in the 落实情况报告."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from workplan.progress.actions import ReportData
from workplan.progress.models import ProgressReport
from workplan.progress.tests.factories import make_report, make_reporting_plan
from workplan.reports.completion import progress_figures
from workplan.reports.progress_report import build_progress_report

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def plan(department, liaison):
    """One task of 63-ish reported at 70 % (4.1, led by 教务处), every other one missing."""
    plan = make_reporting_plan()
    june = plan.periods.get(opens_on=date(2024, 6, 1))
    task = plan.key_points.get(number=4).tasks.get(number=1)
    make_report(
        task, department, june, role=ProgressReport.Role.LEAD,
        state=ProgressReport.State.SUBMITTED, data=ReportData("on_track", 70, "推进中", "", ""),
        by=liaison, now=datetime(2024, 6, 20, tzinfo=SHANGHAI),
    )  # fmt: skip
    return plan


def test_headline_is_the_sum_of_the_key_points_figures(plan):
    figures = progress_figures(plan, plan.periods.get(opens_on=date(2024, 6, 1)))
    reported = sum(p.reported for p in figures.points)
    assert reported == figures.reported == 1
    assert figures.percent == round(sum(p.total for p in figures.points) / reported) == 70
    assert figures.missing == sum(p.missing for p in figures.points) == figures.tasks - 1
    by_number = {p.number: p for p in figures.points}
    assert by_number[4].percent == 70  # the reported task's key point says 70 %, not 0 %
    assert all(p.percent is None for n, p in by_number.items() if n != 4)


def test_dashboard_states_the_rule_and_agrees_with_its_key_points(client, leader, plan):
    client.force_login(leader)
    with time_machine.travel("2024-07-10 10:00 +08:00"):
        response = client.get(reverse("reports:dashboard", args=[plan.pk]))
    data, page = response.context["d"], response.content.decode()
    points = data["per_point"]
    assert data["completion"] == 70
    assert [p["percent"] for p in points if p["percent"] is not None] == [70]
    missing = sum(p["missing"] for p in points)
    assert missing == sum(p["tasks"] for p in points) - 1
    rule = re.search(r'<p class="hint" id="completion-rule">(.*?)</p>', page, re.S).group(1)
    assert "平均完成比例 = 2024年6月已报送的 1 项任务的平均进度" in rule
    assert f"未报送的 {missing} 项任务不计入" in rule
    assert '<td class="num">—</td>' in page  # a key point nobody reported on is no 0 %
    assert ">0%</td>" not in page and ">70%</td>" in page
    assert re.search(rf'<span class="big">{missing}</span>2024年6月未报送（逾期15天）', page)


def test_the_report_states_the_rule_and_each_key_point_agrees_with_it(plan):
    with time_machine.travel("2024-07-10 10:00 +08:00"):
        report = build_progress_report(plan, plan.periods.get(opens_on=date(2024, 6, 1)))
    figures = progress_figures(plan, plan.periods.get(opens_on=date(2024, 6, 1)))
    assert (
        f"平均完成比例70%（已报送1项任务的平均进度，已办结任务计100%；"
        f"未报送{figures.missing}项不计入）" in report.overview
    )
    assert [s.number for s in report.sections] == [p.number for p in figures.points]
    summaries = {s.number: s.summary for s in report.sections}
    assert summaries[4] == "本要点共5项任务，已报送1项，平均完成比例70%；未报送4项（已逾期15天）。"
    assert summaries[1].endswith("本期均未报送进展（已逾期15天）。")
    told = [int(n) for s in summaries.values() for n in re.findall(r"未报送(\d+)项", s)]
    alone = [p.tasks for p in figures.points if p.percent is None]
    assert sum(told) + sum(alone) == figures.missing


def test_a_task_closed_earlier_counts_as_100_in_its_key_point_and_the_headline(
    client, leader, supervisor, department, liaison, plan
):
    point = plan.key_points.get(number=4)
    for month, number, data in (
        (7, 2, ReportData("done", 100, "已建成", "", "")),
        (8, 1, ReportData("on_track", 40, "推进中", "", "")),
    ):
        make_report(
            point.tasks.get(number=number), department,
            plan.periods.get(opens_on=date(2024, month, 1)), role=ProgressReport.Role.LEAD,
            state=ProgressReport.State.ACCEPTED, data=data, by=liaison, reviewer=supervisor,
            now=datetime(2024, month, 20, tzinfo=SHANGHAI),
        )  # fmt: skip
    client.force_login(leader)
    with time_machine.travel("2024-09-10 10:00 +08:00"):
        data = client.get(reverse("reports:dashboard", args=[plan.pk])).context["d"]
        report = build_progress_report(plan, plan.periods.get(opens_on=date(2024, 8, 1)))
    (four,) = [p for p in data["per_point"] if p["number"] == 4]
    # 4.2 closed in July (100 %) and 4.1 at 40 % in August: 70 % for both the point and the plan.
    assert (four["percent"], four["reported"], data["completion"]) == (70, 2, 70)
    (section,) = [s for s in report.sections if s.number == 4]
    assert section.summary.startswith("本要点共5项任务，已报送2项，平均完成比例70%；未报送3项")
    assert "平均完成比例70%（已报送2项任务的平均进度" in report.overview
