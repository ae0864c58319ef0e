"""Figures for the leadership dashboard, aggregated in SQL where the database can do it."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Avg, Count, Q

from workplan.plans.table import table_rows
from workplan.progress.models import ProgressReport
from workplan.progress.queries import current_period, duties
from workplan.supervision.models import Instruction, TaskLight

LIGHTS = ["green", "blue", "yellow", "red"]


def dashboard(plan, today) -> dict:
    """Return everything the dashboard shows for `plan` on `today`."""
    period = current_period(plan, today)
    lights = TaskLight.objects.filter(period=period)
    by_light = dict(lights.values_list("light").annotate(n=Count("id")))
    per_point = defaultdict(lambda: dict.fromkeys(LIGHTS, 0))
    titles = {}
    for number, title, light, n in (
        lights.values_list("task__key_point__number", "task__key_point__title", "light")
        .annotate(n=Count("id"))
        .order_by("task__key_point__number")
    ):
        per_point[number][light] = n
        titles[number] = title
    closed = plan.periods.filter(due_on__lt=today).order_by("-due_on").first()
    completion = (
        ProgressReport.objects.filter(
            period=closed, role="lead", submitted_at__isnull=False
        ).aggregate(average=Avg("percent"), done=Count("id", filter=Q(status="done")))
        if closed
        else {"average": None, "done": 0}
    )
    expected = len(duties(plan, period)) if period else 0
    trend = []
    for label, on_time, late in (
        ProgressReport.objects.filter(
            period__plan=plan, period__due_on__lt=today, submitted_at__isnull=False
        )
        .values_list("period__label")
        .annotate(on_time=Count("id", filter=Q(late=False)), late=Count("id", filter=Q(late=True)))
        .order_by("period__opens_on")
    ):
        trend.append(
            {
                "period": label,
                "on_time": on_time,
                "late": late,
                "missing": max(0, expected - on_time - late),
            }
        )
    light_of = dict(lights.values_list("task_id", "light"))
    matrix = defaultdict(lambda: defaultdict(lambda: dict.fromkeys(LIGHTS, 0)))
    for row in table_rows(plan):
        light = light_of.get(row.task.pk)
        for name in row.lead:
            if light:
                matrix[name][row.task.key_point.number][light] += 1
    return {
        "period": period,
        "by_light": {light: by_light.get(light, 0) for light in LIGHTS},
        "task_count": sum(by_light.values()),
        "per_point": [{"number": n, "title": titles[n], **per_point[n]} for n in sorted(per_point)],
        "completion": round(completion["average"] or 0),
        "done": completion["done"],
        "trend": trend,
        "matrix": [
            (dept, [matrix[dept].get(n, {}) for n in sorted(per_point)]) for dept in sorted(matrix)
        ],
        "point_numbers": sorted(per_point),
        "overdue": lights.filter(light="red").select_related("task__key_point")[:30],
        "returned": ProgressReport.objects.filter(
            period__plan=plan, state="returned"
        ).select_related("task__key_point", "department", "period")[:30],
        "instructions": Instruction.objects.filter(
            task__key_point__plan=plan, answer=""
        ).select_related("leader", "task__key_point")[:30],
    }


def on_time_ranking(plan, today) -> list[tuple[str, int, int]]:
    """Return (department, on-time reports, reports due) for the last closed period, best first."""
    closed = plan.periods.filter(due_on__lt=today).order_by("-due_on").first()
    if closed is None:
        return []
    due: dict[int, int] = defaultdict(int)
    for duty in duties(plan, closed):
        due[duty.department_id] += 1
    on_time = dict(
        ProgressReport.objects.filter(period=closed, submitted_at__isnull=False, late=False)
        .values_list("department_id")
        .annotate(n=Count("id"))
    )
    from workplan.org.models import Department

    names = dict(Department.objects.filter(pk__in=due).values_list("pk", "name"))
    rows = [(names[d], on_time.get(d, 0), n) for d, n in due.items()]
    return sorted(rows, key=lambda r: (-(r[1] / r[2]), r[0]))


def department_dashboard(plan, department, today) -> dict:
    """Return what a department needs to see: its tasks and lights, this period's reports,
    what was returned, open notices and unanswered 批示."""
    from workplan.supervision.models import Notice

    period = current_period(plan, today)
    lights = (
        dict(TaskLight.objects.filter(period=period).values_list("task_id", "light"))
        if period
        else {}
    )
    lead, co = [], []
    for row in table_rows(plan):
        row.light_value = lights.get(row.task.pk)
        if department.name in row.lead:
            lead.append(row)
        elif department.name in row.co:
            co.append(row)
    this_period = duties(plan, period, {department.pk}) if period else []
    return {
        "period": period,
        "lead": lead,
        "co": co,
        "duties": this_period,
        "returned": ProgressReport.objects.filter(
            period__plan=plan, department=department, state="returned"
        ).select_related("task__key_point", "period"),
        "notices": Notice.objects.filter(plan=plan, department=department)
        .exclude(state="closed")
        .select_related("task__key_point"),
        "instructions": Instruction.objects.filter(
            task__key_point__plan=plan, answer="", task__in=[r.task for r in lead]
        ).select_related("leader", "task__key_point"),
    }
