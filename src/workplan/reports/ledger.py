"""The 督办台账: every task with its latest report, light and open notices, and a summary per
department — read in a fixed number of queries whatever the plan's size."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from workplan.org.models import Department
from workplan.plans.models import Assignment
from workplan.plans.table import TableRow, table_rows
from workplan.progress.models import ProgressReport, ReportingPeriod, ReportVersion
from workplan.progress.queries import current_period, duties, duty_counts, last_closed_period
from workplan.reports.dashboard import lead_light_matrix
from workplan.supervision.models import Instruction, Notice, TaskLight, light_reason_text


@dataclass
class LedgerRow:
    row: TableRow
    report: ProgressReport | None
    light: TaskLight | None
    open_notices: list[Notice] = field(default_factory=list)
    instructions: list[Instruction] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # departments with no report for…
    missing_period: ReportingPeriod | None = None  # …the last closed period, due…
    days_overdue: int = 0  # …this many days ago

    @property
    def light_reason(self) -> str:
        return light_reason_text(self.light.reason) if self.light else ""


@dataclass
class DepartmentSummary:
    department: Department
    lead_tasks: int = 0
    co_tasks: int = 0
    due: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0
    returned: int = 0
    red: int = 0
    yellow: int = 0


def ledger(plan, today=None) -> tuple[list[LedgerRow], list[DepartmentSummary]]:
    """Return the ledger rows and the per-department summary for the current period."""
    today = today or timezone.localdate()
    rows = table_rows(plan)
    latest = {report.task_id: report for report in latest_lead_reports(plan)}
    period = current_period(plan, today)
    lights = (
        {light.task_id: light for light in TaskLight.objects.filter(period=period)}
        if period
        else {}
    )
    notices = defaultdict(list)
    for notice in (
        Notice.objects.filter(plan=plan, task__isnull=False)
        .exclude(state=Notice.State.CLOSED)
        .select_related("department")
    ):
        notices[notice.task_id].append(notice)
    instructions = defaultdict(list)
    for instruction in Instruction.objects.filter(task__key_point__plan=plan).select_related(
        "leader"
    ):
        instructions[instruction.task_id].append(instruction)
    closed = last_closed_period(plan, today)
    missing = missing_reports(plan, closed) if closed else {}
    result = [
        LedgerRow(
            row,
            latest.get(row.task.pk),
            lights.get(row.task.pk),
            notices[row.task.pk],
            instructions[row.task.pk],
            missing.get(row.task.pk, []),
            closed,
            (today - closed.due_on).days if closed else 0,
        )
        for row in rows
    ]
    return result, _summary(plan, lights, period, today)


def missing_reports(plan, period) -> dict[int, list[str]]:
    """Return task id → the departments (lead first) that filed nothing for `period`."""
    absent = [
        duty
        for duty in duties(plan, period)
        if duty.report is None or duty.report.submitted_at is None
    ]
    names = dict(
        Department.objects.filter(pk__in={d.department_id for d in absent}).values_list(
            "pk", "name"
        )
    )
    missing: dict[int, list[str]] = defaultdict(list)
    for duty in sorted(absent, key=lambda d: d.role != Assignment.Role.LEAD):
        missing[duty.task.pk].append(names[duty.department_id])
    return missing


def latest_lead_reports(plan):
    """Return each task's latest submitted lead report, chosen by the database (a window
    function), not by reading the whole year's reports."""
    return (
        ProgressReport.objects.filter(
            task__key_point__plan=plan,
            submitted_at__isnull=False,
            role=ProgressReport.Role.LEAD,
        )
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("task_id"),
                order_by=[F("period__opens_on").desc(), F("submitted_at").desc(), F("pk").desc()],
            )
        )
        .filter(rank=1)
        .select_related("period", "department")
    )


def _summary(plan, lights, period, today) -> list[DepartmentSummary]:
    """Count per department in the database: lead and co tasks, the last closed period's duties
    reported on time, late or not at all, returned reports, red and yellow lead tasks."""
    counts = duty_counts(plan)  # every task, closed or not
    department_ids = {department_id for department_id, _role in counts}
    summaries = {
        d.pk: DepartmentSummary(d) for d in Department.objects.filter(pk__in=department_ids)
    }
    for (department_id, role), n in counts.items():
        if role == Assignment.Role.LEAD:
            summaries[department_id].lead_tasks += n
        else:
            summaries[department_id].co_tasks += n
    if period is not None:
        matrix, _names = lead_light_matrix(TaskLight.objects.filter(period=period))
        for department_id, points in matrix.items():
            for cell in points.values():
                summaries[department_id].red += cell[TaskLight.Light.RED]
                summaries[department_id].yellow += cell[TaskLight.Light.YELLOW]
    closed = last_closed_period(plan, today)
    if closed is not None:
        submitted = (
            ProgressReport.objects.filter(period=closed, submitted_at__isnull=False)
            .values_list("department_id")
            .annotate(
                on_time=Count("id", filter=Q(late=False)), late=Count("id", filter=Q(late=True))
            )
            .order_by()
        )
        reported = {pk: (on_time, late) for pk, on_time, late in submitted}
        due: dict[int, int] = {}
        for (department_id, _role), n in duty_counts(plan, closed).items():
            due[department_id] = due.get(department_id, 0) + n
        for pk, summary in summaries.items():
            summary.due = due.get(pk, 0)  # tasks closed before that period no longer report
            summary.on_time, summary.late = reported.get(pk, (0, 0))
            summary.missing = max(0, summary.due - summary.on_time - summary.late)
        returned = (
            ProgressReport.objects.filter(
                period__plan=plan, versions__decision=ReportVersion.Decision.RETURNED
            )
            .values_list("department_id")
            .annotate(n=Count("id"))
            .order_by()
        )
        for pk, n in returned:
            if pk in summaries:
                summaries[pk].returned += n
    return sorted(summaries.values(), key=lambda s: (-s.lead_tasks, s.department.name))
