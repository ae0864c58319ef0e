"""Compute and store every task's light for the current period (rules in rules.py)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from workplan.plans.models import Assignment, Task
from workplan.progress.models import ProgressReport
from workplan.progress.queries import duties, last_closed_period
from workplan.supervision.models import TaskLight
from workplan.supervision.rules import (
    Light,
    LightRules,
    Reason,
    TaskState,
    department_light,
    light_for,
)


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time.max, tzinfo=timezone.get_current_timezone())


@transaction.atomic
def do_recompute_lights(plan, today: date) -> dict[str, int]:
    """Return how many tasks have each light after recomputing them for the current period."""
    schedule = getattr(plan, "schedule", None)
    periods = list(plan.periods.filter(opens_on__lte=today).order_by("opens_on"))
    if schedule is None or not periods:
        return {}
    rules = LightRules(lag_points=schedule.lag_points, near_days=schedule.near_days)
    current = periods[-1]
    previous = periods[-2] if len(periods) > 1 else None
    # A period closed at the import was never asked for: a missing report there says nothing.
    closed = [p for p in periods if p.due_on < today and not p.closed]
    last_closed = closed[-1] if closed else None

    reports = list(
        ProgressReport.objects.filter(
            task__key_point__plan=plan, period__opens_on__lte=today
        ).select_related("period")
    )
    latest: dict[int, ProgressReport] = {}
    for report in sorted(reports, key=lambda r: r.period.opens_on):
        if report.role == ProgressReport.Role.LEAD and report.submitted_at is not None:
            latest[report.task_id] = report
    on_time = {
        (r.task_id, r.department_id)
        for r in reports
        if last_closed
        and r.period_id == last_closed.pk
        and r.submitted_at
        and r.submitted_at <= _end_of(last_closed.due_on)
    }
    lead_duties: dict[int, list[int]] = {}
    if last_closed is not None:
        for duty in duties(plan, last_closed):
            if duty.role == Assignment.Role.LEAD:
                lead_duties.setdefault(duty.task.pk, []).append(duty.department_id)
    yellow_before = set()
    if previous is not None:
        yellow_before = set(
            TaskLight.objects.filter(
                period=previous, light__in=[TaskLight.Light.YELLOW, TaskLight.Light.RED]
            )
            .exclude(reason=Reason.OVERDUE)
            .values_list("task_id", flat=True)
        )
    existing = {light.task_id: light for light in TaskLight.objects.filter(period=current)}
    counts: dict[str, int] = {}
    to_create, to_update = [], []
    for task in Task.objects.filter(key_point__plan=plan):
        report = latest.get(task.pk)
        missing = any((task.pk, d) not in on_time for d in lead_duties.get(task.pk, []))
        verdict = light_for(
            TaskState(
                today=today,
                starts_on=date(plan.year, 1, 1),
                due_on=task.due_date,
                percent=report.percent if report else None,
                # Completed counts once the office has accepted the report that says so.
                done=bool(
                    report
                    and report.status == ProgressReport.Status.DONE
                    and report.state == ProgressReport.State.ACCEPTED
                ),
                report_missing=missing,
                yellow_last_period=task.pk in yellow_before,
            ),
            rules,
        )
        values = {
            "light": str(verdict.light),
            "reason": str(verdict.reason),
            "expected": verdict.expected,
            "percent": report.percent if report else None,
        }
        counts[values["light"]] = counts.get(values["light"], 0) + 1
        light = existing.get(task.pk)
        if light is None:
            to_create.append(TaskLight(task=task, period=current, **values))
        else:
            for field, value in values.items():
                setattr(light, field, value)
            to_update.append(light)
    TaskLight.objects.bulk_create(to_create)
    TaskLight.objects.bulk_update(to_update, ["light", "reason", "expected", "percent"])
    return counts


def current_lights(plan, today: date | None = None, *, tasks=None) -> dict[int, TaskLight]:
    """Return task id → its light in the current period, for `tasks` only if given (one query)."""
    today = today or timezone.localdate()
    period = plan.periods.filter(opens_on__lte=today).order_by("-opens_on").first()
    if period is None:
        return {}
    lights = TaskLight.objects.filter(period=period)
    if tasks is not None:
        lights = lights.filter(task__in=tasks)
    return {light.task_id: light for light in lights}


def department_lights(plan, department_id: int, today: date | None = None) -> dict[int, tuple]:
    """Return task id → (light, reason) as the department sees its tasks, lead or co: each
    task's current light, turned yellow where the department's own report for the last closed
    period did not come in by its due day (a fixed number of queries)."""
    today = today or timezone.localdate()
    lights = current_lights(plan, today)
    closed = last_closed_period(plan, today)
    late_or_missing = set()
    if closed is not None:
        for duty in duties(plan, closed, {department_id}):
            filed = duty.report.submitted_at if duty.report else None
            if filed is None or filed > _end_of(closed.due_on):
                late_or_missing.add(duty.task.pk)
    result = {}
    for task_id, light in lights.items():
        shown, reason = department_light(Light(light.light), task_id in late_or_missing)
        result[task_id] = (str(shown), str(reason or light.reason))
    return result
