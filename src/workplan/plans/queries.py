"""Reads of plans, with everything a page shows fetched in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet

from workplan.org.models import Department
from workplan.plans.models import Assignment, KeyPoint, Plan, Task

_ASSIGNMENTS = Prefetch(
    "assignments",
    queryset=Assignment.objects.select_related("department", "group").order_by("position"),
)


def plans_for_list() -> QuerySet[Plan]:
    """Return every plan with its counts of key points and tasks."""
    return Plan.objects.annotate(
        point_count=Count("key_points", distinct=True),
        task_count=Count("key_points__tasks", distinct=True),
    ).select_related("created_by")


def key_points_for_plan(plan: Plan) -> QuerySet[KeyPoint]:
    """Return the plan's key points with their tasks and all assignments prefetched."""
    return plan.key_points.prefetch_related(
        _ASSIGNMENTS,
        Prefetch("tasks", queryset=Task.objects.order_by("number").prefetch_related(_ASSIGNMENTS)),
    )


@dataclass
class DepartmentTask:
    """A task a department works on, and whether it leads or co-operates."""

    task: Task
    role: str


def tasks_of_department(department: Department) -> list[DepartmentTask]:
    """Return the department's tasks across plans: its own task assignments, and the tasks of
    key points assigned to it that have no assignments of their own."""
    has_own = Exists(Assignment.objects.filter(task=OuterRef("pk")))
    inherited = Assignment.objects.filter(
        department=department, key_point__isnull=False
    ).prefetch_related(
        Prefetch(
            "key_point__tasks",
            queryset=Task.objects.annotate(has_own=has_own)
            .filter(has_own=False)
            .select_related("key_point__plan"),
        )
    )
    direct = Assignment.objects.filter(department=department, task__isnull=False).select_related(
        "task__key_point__plan"
    )
    rows = [DepartmentTask(task, a.role) for a in inherited for task in a.key_point.tasks.all()]
    rows += [DepartmentTask(a.task, a.role) for a in direct]
    rows.sort(
        key=lambda r: (
            -r.task.key_point.plan.year,
            r.task.key_point.plan_id,
            r.task.key_point.number,
            r.task.number,
        )
    )
    return rows
