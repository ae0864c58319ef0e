"""Reporting data for tests: `make_reporting_plan` (a plan with its monthly periods),
and `make_report`, filed through the actions so each step has its audit row."""

from workplan.accounts.tests.factories import make_user
from workplan.core.roles import Role
from workplan.org.models import Department
from workplan.plans.models import Plan
from workplan.plans.tests.factories import make_example_plan, make_key_point, make_task
from workplan.progress.actions import (
    ReportData,
    do_accept_report,
    do_return_report,
    do_save_report,
    do_set_up_schedule,
    do_start_report,
    do_submit_report,
)
from workplan.progress.models import ProgressReport
from workplan.progress.queries import lead_department_ids

State = ProgressReport.State


def make_reporting_plan(**overrides) -> Plan:
    """Return the example-shaped plan (2024) with monthly reporting due on the 25th."""
    plan = make_example_plan(**overrides)
    do_set_up_schedule(plan)
    return plan


def _liaison_of(department):
    found = department.people.filter(role_grants__role=Role.LIAISON).first()
    return found or make_user(f"liaison-{department.pk}", [Role.LIAISON], [department])


def make_report(
    task=None,
    department=None,
    period=None,
    *,
    role=None,
    state=State.DRAFT,
    data: ReportData | None = None,
    by=None,
    now=None,
    reviewer=None,
    comment="",
) -> ProgressReport:
    """Return a department's report on a task, taken to `state` (draft, submitted, accepted or
    returned) through the actions. By default: a task of a new plan, its lead department, the
    plan's first period, filed by that department's liaison (made if it has none) and reviewed
    by `reviewer` (a supervisor, made if needed)."""
    if task is None:
        task = make_task(make_key_point(lead=[department or "教务处"]))
    plan = task.key_point.plan
    if department is None:
        department = Department.objects.get(pk=lead_department_ids(task)[0])
    if period is None:
        do_set_up_schedule(plan)
        period = plan.periods.order_by("opens_on").first()
    if role is None:
        lead = department.pk in lead_department_ids(task)
        role = ProgressReport.Role.LEAD if lead else ProgressReport.Role.CO
    by = by or _liaison_of(department)
    report = do_start_report(task, department, period, role, by=by)
    if state == State.DRAFT:
        return report
    data = data or ReportData("on_track", 50, "按计划推进。", "", "")
    do_save_report(report, data, read_version=None, by=by)
    do_submit_report(report, by=by, now=now)
    if state in (State.ACCEPTED, State.RETURNED):
        reviewer = reviewer or make_user(None, [Role.SUPERVISOR])
        if state == State.ACCEPTED:
            do_accept_report(report, comment, by=reviewer)
        else:
            do_return_report(report, comment or "请补充。", by=reviewer)
    report.refresh_from_db()
    return report
