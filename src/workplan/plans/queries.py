"""Reads of plans, with everything a page shows fetched in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from workplan.accounts.models import User
from workplan.core.roles import Role
from workplan.org.models import Department
from workplan.plans import hooks
from workplan.plans.leaders import leaders_by_name, point_problem, task_problem
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


def school_leaders() -> QuerySet[User]:
    """Return the active school leaders, whom a key point or task may name as leader in charge."""
    return (
        User.objects.filter(role_grants__role=Role.LEADER, is_active=True)
        .distinct()
        .order_by("full_name")
    )


def school_leaders_by_name() -> dict[str, list[User]]:
    """Return the active school leaders grouped by their name as a document would write it."""
    return leaders_by_name(school_leaders())


def with_leader_problems(key_points) -> list[KeyPoint]:
    """Return the key points (tasks prefetched), each of them and of their tasks given
    `leader_problem`: why the leader in charge the document names is not set ("" if it is)."""
    key_points = list(key_points)
    named = any(kp.leaders for kp in key_points) or any(
        task.leaders for kp in key_points for task in kp.tasks.all()
    )
    by_name = school_leaders_by_name() if named else {}
    for key_point in key_points:
        key_point.leader_problem = point_problem(key_point, by_name)
        for task in key_point.tasks.all():
            task.leader_problem = task_problem(task, key_point, by_name)
    return key_points


def task_leader_problem(task: Task) -> str:
    """Return why the leader in charge named for the task (its own, or else its key point's) is
    not set ("" if it is)."""
    key_point = task.key_point
    if task.leaders and task.leaders[:1] != key_point.leaders[:1]:
        return task_problem(task, key_point, school_leaders_by_name()) if not task.leader_id else ""
    if key_point.leader_id or not key_point.leaders:
        return ""
    return point_problem(key_point, school_leaders_by_name())


def leader_problems(plan: Plan) -> list[str]:
    """Return each key point and task of `plan` whose named leader in charge is not set, and why."""
    problems = []
    for key_point in with_leader_problems(key_points_for_plan(plan)):
        if key_point.leader_problem:
            problems.append(
                _("Key point {number}: {problem}").format(
                    number=key_point.number, problem=key_point.leader_problem
                )
            )
        for task in key_point.tasks.all():
            if task.leader_problem:
                problems.append(
                    _("Task {code}: {problem}").format(
                        code=f"{key_point.number}.{task.number}", problem=task.leader_problem
                    )
                )
    return problems


def school_leader(typed_id: str) -> User | None:
    """Return the active school leader whose id a form sent, or None (not an id, not a leader)."""
    return school_leaders().filter(pk=typed_id).first() if typed_id.isdecimal() else None


def key_point_of(plan, typed_id: str):
    """Return the key point of `plan` whose id a form sent, or None (not an id, not this plan's)."""
    return plan.key_points.filter(pk=typed_id).first() if typed_id.isdecimal() else None


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


@dataclass
class RecordedWork:
    """What a task carries that deleting it would destroy: the record of work done on it."""

    reports: int = 0
    evidence: int = 0
    notices: int = 0
    instructions: int = 0
    extensions: int = 0

    def __bool__(self) -> bool:
        return any((self.reports, self.evidence, self.notices, self.instructions, self.extensions))

    def __add__(self, other: RecordedWork) -> RecordedWork:
        return RecordedWork(
            self.reports + other.reports,
            self.evidence + other.evidence,
            self.notices + other.notices,
            self.instructions + other.instructions,
            self.extensions + other.extensions,
        )

    def describe(self) -> str:
        """Return the counts in words, such as "9 progress reports, 2 evidence files"."""
        counts = [
            (self.reports, ngettext("%(count)d progress report", "%(count)d progress reports", self.reports)),
            (self.evidence, ngettext("%(count)d evidence file", "%(count)d evidence files", self.evidence)),
            (self.notices, ngettext("%(count)d notice", "%(count)d notices", self.notices)),
            (self.instructions, ngettext("%(count)d instruction", "%(count)d instructions", self.instructions)),
            (self.extensions, ngettext("%(count)d extension request", "%(count)d extension requests", self.extensions)),
        ]  # fmt: skip
        separator = pgettext("between items of a list", ", ")
        return separator.join(words % {"count": n} for n, words in counts if n)


def recorded_work(task_ids) -> dict[int, RecordedWork]:
    """Return, for each of the tasks that carries any, the work recorded on it: the apps that
    record work on tasks answer `hooks.count_recorded_work` with their counts."""
    task_ids = list(task_ids)
    work: dict[int, RecordedWork] = {}
    for _receiver, counts in hooks.count_recorded_work.send(sender=Task, task_ids=task_ids):
        for field, per_task in counts.items():
            for task_id, count in per_task.items():
                setattr(work.setdefault(task_id, RecordedWork()), field, count)
    return work


@dataclass
class FollowUps:
    """What is left to do before an imported plan runs by itself: departments nobody can sign
    in for, key points and tasks with no leader in charge, deadlines that were not understood."""

    departments_without_accounts: list[Department]
    key_points_without_leader: list[KeyPoint]
    tasks_without_leader: int  # neither a leader of their own nor their key point's
    leaders_named: list[str]  # named in the document for those, matched to no account
    tasks_deadline_unread: list[Task]

    def __bool__(self) -> bool:
        return bool(
            self.departments_without_accounts
            or self.key_points_without_leader
            or self.tasks_without_leader
            or self.tasks_deadline_unread
        )

    def lines(self) -> list[str]:
        """Return the follow-ups as sentences, for the command line."""
        separator = "、"
        lines = []
        if departments := self.departments_without_accounts:
            lines.append(
                _(
                    "Departments without any user account ({count}): {names}. Nobody can report "
                    "for them until the administrator creates their accounts."
                ).format(count=len(departments), names=separator.join(d.name for d in departments))
            )
        if points := self.key_points_without_leader:
            lines.append(
                _("Key points without a leader in charge ({count}): {numbers}.").format(
                    count=len(points), numbers=separator.join(str(p.number) for p in points)
                )
            )
        if self.tasks_without_leader:
            lines.append(
                _(
                    "Tasks without a leader in charge, of their own or of their key point: "
                    "{count}. Assign them in the task table."
                ).format(count=self.tasks_without_leader)
            )
        if self.leaders_named:
            lines.append(
                _("Leaders the document names but who have no leader account: {names}.").format(
                    names=separator.join(self.leaders_named)
                )
            )
        if tasks := self.tasks_deadline_unread:
            lines.append(
                _(
                    "Tasks whose deadline could not be read ({count}): {codes}. Check them in the "
                    "task table."
                ).format(count=len(tasks), codes=separator.join(t.code for t in tasks))
            )
        return lines


def plan_follow_ups(plan: Plan) -> FollowUps:
    """Return what is left to do on `plan` after its import (a fixed number of queries)."""
    assigned = Assignment.objects.filter(
        Q(key_point__plan=plan) | Q(task__key_point__plan=plan), department=OuterRef("pk")
    )
    has_account = User.objects.filter(departments=OuterRef("pk"), is_active=True)
    departments = list(
        Department.objects.filter(Exists(assigned)).exclude(Exists(has_account)).order_by("name")
    )
    points = list(plan.key_points.filter(leader__isnull=True).order_by("number"))
    orphans = list(
        Task.objects.filter(
            key_point__plan=plan, leader__isnull=True, key_point__leader__isnull=True
        ).values_list("leaders", "key_point__leaders")
    )
    named = []
    for own, inherited in [*orphans, *((p.leaders, []) for p in points)]:
        for name in own or inherited:
            if name not in named:
                named.append(name)
    unread = list(
        Task.objects.filter(key_point__plan=plan, deadline_unread=True)
        .select_related("key_point")
        .order_by("key_point__number", "number")
    )
    return FollowUps(departments, points, len(orphans), named, unread)
