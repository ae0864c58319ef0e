"""Figures for the leadership dashboard, aggregated in SQL where the database can do it."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, Q, Subquery

from workplan.org.models import Department
from workplan.plans.models import Assignment
from workplan.plans.table import table_rows
from workplan.progress.models import ProgressReport, ReportVersion, period_label
from workplan.progress.queries import (
    completion,
    current_period,
    duties,
    duty_counts,
    duty_counts_by_period,
    last_closed_period,
)
from workplan.reports.completion import progress_figures
from workplan.supervision.lights import department_lights
from workplan.supervision.models import Instruction, Notice, TaskLight, light_reason_text

LIGHTS = TaskLight.Light.values  # green, blue, yellow, red: the order the charts show


def dashboard(plan, today) -> dict:
    """Return everything the dashboard shows for `plan` on `today`."""
    period = current_period(plan, today)
    lights = TaskLight.objects.filter(period=period)
    by_light = dict(lights.values_list("light").annotate(n=Count("id")))
    per_point = defaultdict(lambda: dict.fromkeys(LIGHTS, 0))
    for number, light, n in (
        lights.values_list("task__key_point__number", "light").annotate(n=Count("id")).order_by()
    ):
        per_point[number][light] = n
    closed = last_closed_period(plan, today)
    figures = completion(plan, closed) if closed else {"done": 0}
    # The headline and each key point's average come from the same figures (reports/completion.py).
    progress = progress_figures(plan, closed)
    closed_periods = list(plan.periods.filter(due_on__lt=today))
    expected = duty_counts_by_period(plan, closed_periods)
    trend = []
    for period_id, label, opens_on, due_on, on_time, late in (
        ProgressReport.objects.filter(
            period__plan=plan, period__due_on__lt=today, submitted_at__isnull=False
        )
        .values_list("period_id", "period__label", "period__opens_on", "period__due_on")
        .annotate(on_time=Count("id", filter=Q(late=False)), late=Count("id", filter=Q(late=True)))
        .order_by("period__opens_on")
    ):
        trend.append(
            {
                "period": period_label(label, opens_on, due_on),
                "on_time": on_time,
                "late": late,
                "missing": max(0, expected[period_id] - on_time - late),
            }
        )
    matrix, departments = lead_light_matrix(lights)
    points = [p.number for p in progress.points if p.number in per_point]
    return {
        "period": period,
        "by_light": {light: by_light.get(light, 0) for light in LIGHTS},
        "task_count": sum(by_light.values()),
        "per_point": [
            {
                "number": p.number,
                "title": p.title,
                "percent": p.percent,
                "tasks": p.tasks,
                "reported": p.reported,
                "missing": p.missing,
                **per_point[p.number],
            }
            for p in progress.points
        ],
        "closed": closed,
        "progress": progress,
        "days_overdue": (today - closed.due_on).days if closed else 0,
        "completion": progress.percent,
        "done": figures["done"],
        "trend": trend,
        "matrix": [
            (pk, name, [(n, matrix[pk].get(n)) for n in points]) for pk, name in departments
        ],
        "point_numbers": points,
        "red": lights.filter(light=TaskLight.Light.RED)
        .select_related("task__key_point")
        .order_by("task__key_point__number", "task__number")[:30],
        "returned": ProgressReport.objects.filter(
            period__plan=plan, state=ProgressReport.State.RETURNED
        ).select_related("task__key_point", "department", "period")[:30],
        "instructions": Instruction.objects.filter(
            task__key_point__plan=plan, answer=""
        ).select_related("leader", "task__key_point")[:30],
    }


def lead_light_matrix(lights) -> tuple[dict, list[tuple[int, str]]]:
    """Count lights by lead department and key point in SQL: a task's own lead departments, or
    its key point's when the task has no assignments of its own (as the task table shows)."""
    own = lights.filter(
        task__assignments__role=Assignment.Role.LEAD, task__assignments__department__isnull=False
    ).values_list(
        "task__assignments__department_id",
        "task__assignments__department__name",
        "task__key_point__number",
        "light",
    )
    inherited = (
        lights.filter(~Exists(Assignment.objects.filter(task=OuterRef("task"))))
        .filter(
            task__key_point__assignments__role=Assignment.Role.LEAD,
            task__key_point__assignments__department__isnull=False,
        )
        .values_list(
            "task__key_point__assignments__department_id",
            "task__key_point__assignments__department__name",
            "task__key_point__number",
            "light",
        )
    )
    matrix: dict = defaultdict(lambda: defaultdict(lambda: dict.fromkeys(LIGHTS, 0)))
    names = {}
    for rows in (own, inherited):
        for pk, name, number, light, n in rows.annotate(n=Count("id")).order_by():
            matrix[pk][number][light] += n
            names[pk] = name
    return matrix, sorted(names.items(), key=lambda item: item[1])


def on_time_ranking(plan, today) -> list[tuple[str, int, int]]:
    """Return (department, on-time reports, reports due) for the last closed period, best first."""
    closed = last_closed_period(plan, today)
    if closed is None:
        return []
    due: dict[int, int] = defaultdict(int)
    for (department_id, _role), n in duty_counts(plan, closed).items():
        due[department_id] += n
    on_time = dict(
        ProgressReport.objects.filter(period=closed, submitted_at__isnull=False, late=False)
        .values_list("department_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    names = dict(Department.objects.filter(pk__in=due).values_list("pk", "name"))
    rows = [(names[d], min(on_time.get(d, 0), n), n) for d, n in due.items()]
    return sorted(rows, key=lambda r: (-(r[1] / r[2]), r[0]))


def department_dashboard(plan, department, today) -> dict:
    """Return what a department needs to see: its tasks and lights, this period's reports,
    what was returned, open notices and unanswered 批示."""
    period = current_period(plan, today)
    # The department's own light: a task it co-operates on is not green while its own report
    # is missing (supervision.rules.department_light).
    lights = department_lights(plan, department.pk, today)
    lead, co = [], []
    for row in table_rows(plan):
        row.light_value, reason = lights.get(row.task.pk, ("", ""))
        row.light_label = TaskLight.Light(row.light_value).label if row.light_value else ""
        row.light_reason = light_reason_text(reason) if reason else ""
        if department.name in row.lead:
            lead.append(row)
        elif department.name in row.co:
            co.append(row)
    this_period = duties(plan, period, {department.pk}) if period else []
    for duty in this_period:
        duty.days_left = max(0, (period.due_on - today).days)
        duty.days_overdue = max(0, (today - period.due_on).days)
    closed = last_closed_period(plan, today)
    missing = []
    if closed is not None and closed != period:
        missing = [
            duty
            for duty in duties(plan, closed, {department.pk})
            if duty.report is None or duty.report.submitted_at is None
        ]
    return {
        "period": period,
        "lead": lead,
        "co": co,
        "duties": this_period,
        "closed": closed,
        "missing": missing,
        "days_overdue": (today - closed.due_on).days if closed else 0,
        "returned": ProgressReport.objects.filter(
            period__plan=plan, department=department, state=ProgressReport.State.RETURNED
        )
        .annotate(  # the office's reason, from the version it returned
            return_comment=Subquery(
                ReportVersion.objects.filter(
                    report=OuterRef("pk"), decision=ReportVersion.Decision.RETURNED
                )
                .order_by("-number")
                .values("comment")[:1]
            )
        )
        .select_related("task__key_point", "period"),
        "notices": Notice.objects.filter(plan=plan, department=department)
        .exclude(state=Notice.State.CLOSED)
        .select_related("task__key_point"),
        "instructions": Instruction.objects.filter(
            task__key_point__plan=plan, answer="", task__in=[r.task for r in lead]
        ).select_related("leader", "task__key_point"),
    }
