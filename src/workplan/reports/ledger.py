"""The 督办台账: every task with its latest report, light and open notices, and a summary per
department — read in a fixed number of queries whatever the plan's size."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from workplan.org.models import Department
from workplan.plans.table import TableRow, table_rows
from workplan.progress.models import ProgressReport
from workplan.progress.queries import current_period, duties
from workplan.supervision.lights import light_reason_text
from workplan.supervision.models import Instruction, Notice, TaskLight


@dataclass
class LedgerRow:
    row: TableRow
    report: ProgressReport | None
    light: TaskLight | None
    open_notices: list[Notice] = field(default_factory=list)
    instructions: list[Instruction] = field(default_factory=list)

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
    result = [
        LedgerRow(
            row,
            latest.get(row.task.pk),
            lights.get(row.task.pk),
            notices[row.task.pk],
            instructions[row.task.pk],
        )
        for row in rows
    ]
    return result, _summary(plan, rows, lights, period, today)


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


def _summary(plan, rows, lights, period, today) -> list[DepartmentSummary]:
    by_name = {d.name: d for d in Department.objects.all()}
    summaries: dict[str, DepartmentSummary] = {}

    def entry(name):
        return summaries.setdefault(name, DepartmentSummary(by_name[name]))

    for row in rows:
        light = lights.get(row.task.pk)
        for name in row.lead:
            summary = entry(name)
            summary.lead_tasks += 1
            if light and light.light == TaskLight.Light.RED:
                summary.red += 1
            elif light and light.light == TaskLight.Light.YELLOW:
                summary.yellow += 1
        for name in row.co:
            entry(name).co_tasks += 1
    closed = plan.periods.filter(due_on__lt=today).order_by("-due_on").first()
    if closed is not None:
        by_id = {d.pk: d.name for d in by_name.values()}
        for duty in duties(plan, closed):
            summary = entry(by_id[duty.department_id])
            summary.due += 1
            report = duty.report
            if report is None or report.submitted_at is None:
                summary.missing += 1
            elif report.late:
                summary.late += 1
            else:
                summary.on_time += 1
        returned = ProgressReport.objects.filter(
            period__plan=plan, versions__decision="returned"
        ).values_list("department__name", flat=True)
        for name in returned:
            entry(name).returned += 1
    return sorted(summaries.values(), key=lambda s: (-s.lead_tasks, s.department.name))
