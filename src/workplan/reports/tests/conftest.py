"""A plan whose June 2024 reports from 教务处 were accepted: what the report tests read."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from workplan.progress.actions import (
    ReportData,
    do_accept_report,
    do_save_report,
    do_start_report,
    do_submit_report,
)  # fmt: skip
from workplan.progress.queries import duties
from workplan.progress.tests.factories import make_reporting_plan
from workplan.supervision.lights import do_recompute_lights

SHANGHAI = ZoneInfo("Asia/Shanghai")


def plan_with_reports(department, liaison, month: int, data: ReportData, *, accept_by=None):
    """Build the example-shaped plan (no parser) and file 教务处's reports for `month` of 2024
    on the 20th (accepted by `accept_by` if given); lights as on the 28th."""
    plan = make_reporting_plan()
    period = plan.periods.get(opens_on=date(2024, month, 1))
    for duty in duties(plan, period, {department.pk}):
        report = do_start_report(duty.task, department, period, duty.role, by=liaison)
        do_save_report(report, data, read_version=None, by=liaison)
        do_submit_report(report, by=liaison, now=datetime(2024, month, 20, tzinfo=SHANGHAI))
        if accept_by is not None:
            do_accept_report(report, by=accept_by)
    do_recompute_lights(plan, date(2024, month, 28))
    return plan


@pytest.fixture
def plan(department, liaison, supervisor):
    data = ReportData("on_track", 60, "完成课程标准修订", "实训经费不足", "推进教材建设")
    return plan_with_reports(department, liaison, 6, data, accept_by=supervisor)
