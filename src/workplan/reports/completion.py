"""平均完成比例, computed key point by key point so that the headline is their sum.

One rule everywhere (dashboard, department page, 落实情况报告): the average is that of the tasks
reported for the period — a task's figure is its lead reports' progress, or 100 % when it was
closed (办结) in an earlier period and reports no more; tasks with no lead report for the
period are 未报送, counted and named, but not in the average.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Value

from workplan.plans.models import Task
from workplan.progress.models import ProgressReport
from workplan.progress.queries import closed_before


@dataclass
class PointProgress:
    """The figures of one key point for a period."""

    number: int
    title: str
    tasks: int = 0
    reported: int = 0
    total: float = 0.0  # the reported tasks' progress added up, in percent points

    @property
    def missing(self) -> int:
        return self.tasks - self.reported

    @property
    def percent(self) -> int | None:
        """Return the reported tasks' average progress, None when none was reported."""
        return round(self.total / self.reported) if self.reported else None


@dataclass
class ProgressFigures:
    """The figures of a plan for a period: each key point's, and their sum."""

    period: object
    points: list[PointProgress] = field(default_factory=list)

    @property
    def tasks(self) -> int:
        return sum(p.tasks for p in self.points)

    @property
    def reported(self) -> int:
        return sum(p.reported for p in self.points)

    @property
    def missing(self) -> int:
        return sum(p.missing for p in self.points)

    @property
    def percent(self) -> int | None:
        """Return the average of every reported task, None when none was reported."""
        reported = self.reported
        return round(sum(p.total for p in self.points) / reported) if reported else None


def progress_figures(plan, period) -> ProgressFigures:
    """Return the plan's figures for `period` (three queries, whatever the plan's size); with
    no period yet, every task is counted and none reported."""
    points = {
        number: PointProgress(number, title)
        for number, title in plan.key_points.order_by("number").values_list("number", "title")
    }
    percents: dict[int, list[int]] = {}
    tasks = Task.objects.filter(key_point__plan=plan)
    if period is None:
        tasks = tasks.annotate(closed=Value(False))
    else:
        tasks = tasks.annotate(closed=closed_before(period))
        for task_id, percent in ProgressReport.objects.filter(
            period=period, role=ProgressReport.Role.LEAD, submitted_at__isnull=False
        ).values_list("task_id", "percent"):
            percents.setdefault(task_id, []).append(percent)
    for task_id, number, closed in tasks.values_list("pk", "key_point__number", "closed"):
        point = points[number]
        point.tasks += 1
        if closed:
            point.reported += 1
            point.total += 100
        elif task_id in percents:
            point.reported += 1
            point.total += sum(percents[task_id]) / len(percents[task_id])
    return ProgressFigures(period, list(points.values()))
