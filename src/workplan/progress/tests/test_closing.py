"""办结销号: once the office accepts a lead report saying a task is complete, nobody reports on
that task in later periods — lists, counts and reminders all agree."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from workplan.progress.actions import (
    ReportData,
    do_accept_report,
    do_return_report,
    do_save_report,
    do_start_report,
    do_submit_report,
)  # fmt: skip
from workplan.progress.models import ProgressReport
from workplan.progress.queries import duties, duty_counts, duty_counts_by_period

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def report_done(plan, task, department, month, by):
    period = plan.periods.get(opens_on=date(2024, month, 1))
    report = do_start_report(task, department, period, ProgressReport.Role.LEAD, by=by)
    do_save_report(report, ReportData("done", 100, "已建成。", "", ""), read_version=None, by=by)
    do_submit_report(report, by=by, now=datetime(2024, month, 20, tzinfo=SHANGHAI))
    return report


def test_a_task_accepted_as_complete_leaves_the_later_periods(
    plan, department, liaison, supervisor
):
    task = plan.key_points.get(number=4).tasks.get(number=1)  # 教务处 leads
    june, july = (plan.periods.get(opens_on=date(2024, m, 1)) for m in (6, 7))
    before = len(duties(plan, july))
    report = report_done(plan, task, department, 6, liaison)
    assert task in {d.task for d in duties(plan, july)}  # not yet accepted: still reported on
    do_accept_report(report, by=supervisor)

    later = duties(plan, july)
    assert task not in {d.task for d in later}
    assert task in {d.task for d in duties(plan, june)}  # the period it was closed in keeps it
    pairs = before - len(later)
    assert pairs >= 1
    assert sum(duty_counts(plan, july).values()) == len(later)
    assert (
        duty_counts(plan, july)[department.pk, ProgressReport.Role.LEAD] == 4
    )  # 教务处 leads five tasks
    assert (
        duty_counts(plan)[department.pk, ProgressReport.Role.LEAD] == 5
    )  # still responsible for all five
    assert duty_counts_by_period(plan, [june, july]) == {june.pk: before, july.pk: len(later)}


def test_a_returned_completion_does_not_close_the_task(plan, department, liaison, supervisor):
    task = plan.key_points.get(number=4).tasks.get(number=1)
    report = report_done(plan, task, department, 6, liaison)
    do_return_report(report, "请附验收材料。", by=supervisor)
    july = plan.periods.get(opens_on=date(2024, 7, 1))
    assert task in {d.task for d in duties(plan, july)}
