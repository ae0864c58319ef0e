"""Supervision data for tests: a reporting plan whose reports came in and whose lights are set."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from workplan.progress.actions import ReportData
from workplan.progress.models import ProgressReport
from workplan.progress.queries import duties
from workplan.progress.tests.factories import make_report, make_reporting_plan
from workplan.supervision.lights import do_recompute_lights

SHANGHAI = ZoneInfo("Asia/Shanghai")


def make_plan_with_reports(department, liaison, month: int, data: ReportData, *, accept_by=None):
    """Return the example-shaped reporting plan (no parser) with `department`'s reports for
    `month` of 2024 filed on the 20th (accepted by `accept_by` if given); lights as on the 28th."""
    plan = make_reporting_plan()
    period = plan.periods.get(opens_on=date(2024, month, 1))
    state = ProgressReport.State.SUBMITTED if accept_by is None else ProgressReport.State.ACCEPTED
    for duty in duties(plan, period, {department.pk}):
        make_report(
            duty.task, department, period, role=duty.role, state=state, data=data, by=liaison,
            now=datetime(2024, month, 20, tzinfo=SHANGHAI), reviewer=accept_by,
        )  # fmt: skip
    do_recompute_lights(plan, date(2024, month, 28))
    return plan
