"""The 工作台: what each person has to do now, read from every app for the plans still running.

A plan is running (and on the workbench) while its year has not ended, or while the due day of
one of its periods is less than a month past: a year's last report is written in January. The
plans of finished years are left to the plan list, so their old returns and notices never mix
with this year's.

Every count here is one query whatever the number of plans, tasks or departments, so the
navigation badge (`todo_count`) can be drawn on every page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from workplan.accounts.models import User
from workplan.core.roles import Role, is_supervisor, member_department_ids
from workplan.org.models import Department
from workplan.plans.models import Assignment, KeyPoint, Plan, Task
from workplan.progress.models import ProgressReport, ReportingPeriod
from workplan.progress.queries import (
    closed_before,
    duty_counts,
    last_closed_period,
    waiting_for_review,
)
from workplan.supervision.models import ExtensionRequest, Instruction, Notice, TaskLight

# How long after a period's due day a finished year's plan stays on the workbench.
LATE_REPORTING = timedelta(days=31)
# Rows a workbench list shows before it points to the full page.
SHOWN = 8
State = ProgressReport.State
FILED = (State.SUBMITTED, State.ACCEPTED)


def running_plans(today: date) -> QuerySet[Plan]:
    """Return the plans with reporting under way on `today` (see the module's doc)."""
    recent = ReportingPeriod.objects.filter(plan=OuterRef("pk"), due_on__gte=today - LATE_REPORTING)
    return (
        Plan.objects.filter(schedule__isnull=False)
        .filter(Q(year__gte=today.year) | Exists(recent))
        .order_by("-year", "pk")
    )


def _tasks_of(department_ids, plans, role: str | None = None) -> QuerySet[Task]:
    """Return the tasks of `plans` one of the departments reports on (as `role`, if given): its
    own assignment on the task, or its key point's when the task has none (the rule of
    `progress.queries.duties`)."""
    mine = Q(department_id__in=department_ids) & (Q(role=role) if role else Q())
    own = Assignment.objects.filter(mine, task=OuterRef("pk"))
    point = Assignment.objects.filter(mine, key_point=OuterRef("key_point"))
    has_own = Assignment.objects.filter(task=OuterRef("pk"))
    return Task.objects.filter(key_point__plan__in=plans).filter(
        Exists(own) | (~Exists(has_own) & Exists(point))
    )


# ---------------------------------------------------------------------------------------------
# A department's workbench (liaison and head)


@dataclass
class DueGroup:
    """A department's reports for one period that are not yet filed."""

    plan: Plan
    period: ReportingPeriod
    department: Department
    rows: list[Task]  # the first SHOWN tasks still to report, each with `role` and `report_id`
    count: int  # how many are still to report
    total: int  # how many the department reports on in this period
    days: int  # days left until the due day (negative: days overdue)
    # Reports are filed for the period open now; once the next period opens, what an earlier
    # one lacks stays 未报送 (counted late) and is shown without a form to open.
    fillable: bool = True

    @property
    def overdue(self) -> bool:
        return self.days < 0

    @property
    def days_over(self) -> int:
        return -self.days


def _due_group(plan, period, department, today, *, fillable: bool) -> DueGroup | None:
    tasks = _tasks_of([department.pk], [plan]).exclude(closed_before(period))
    reports = ProgressReport.objects.filter(
        task=OuterRef("pk"), department=department, period=period
    )
    role = Subquery(
        Assignment.objects.filter(
            Q(task=OuterRef("pk")) | Q(task__isnull=True, key_point=OuterRef("key_point")),
            department=department,
        ).values("role")[:1]
    )
    tasks = tasks.annotate(
        role=role,
        report_id=Subquery(reports.values("pk")[:1]),
        report_state=Subquery(reports.values("state")[:1]),
    )
    figures = tasks.aggregate(
        total=Count("pk"), filed=Count("pk", filter=Q(Exists(reports.filter(state__in=FILED))))
    )
    count = figures["total"] - figures["filed"]
    if not count:
        return None
    waiting = ~Exists(reports.filter(state__in=(*FILED, State.AWAITING_APPROVAL)))
    rows = list(
        tasks.filter(waiting)
        .select_related("key_point")
        .order_by("key_point__number", "number")[:SHOWN]
    )
    return DueGroup(
        plan,
        period,
        department,
        rows,
        count,
        figures["total"],
        (period.due_on - today).days,
        fillable,
    )


def _reporting_periods(plan, today) -> list[ReportingPeriod]:
    """Return the periods a department may still owe a report for: the one open now, and the
    last one already due if that is another."""
    periods = []
    current = plan.periods.filter(opens_on__lte=today).order_by("-opens_on").first()
    due = last_closed_period(plan, today)
    for period in (due, current):
        if period is not None and not period.closed and period not in periods:
            periods.append(period)
    return periods


@dataclass
class DepartmentDesk:
    departments: list[Department]
    due: list[DueGroup] = field(default_factory=list)
    returned: list[ProgressReport] = field(default_factory=list)
    approvals: list[ProgressReport] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    instructions: list[Instruction] = field(default_factory=list)
    dashboards: list[tuple[Plan, Department]] = field(default_factory=list)


def department_desk(user, today: date) -> DepartmentDesk:
    """Return what the user's departments have to do: reports due this period and overdue,
    reports sent back, reports waiting for the head's approval (heads), 督办通知 to answer and
    leaders' 批示 to answer."""
    departments = list(
        Department.objects.filter(pk__in=member_department_ids(user)).order_by("name")
    )
    plans = list(running_plans(today))
    desk = DepartmentDesk(departments)
    for plan in plans:
        periods = _reporting_periods(plan, today)
        for period in periods:
            for department in departments:
                fillable = period == periods[-1] and period.opens_on <= today
                group = _due_group(plan, period, department, today, fillable=fillable)
                if group is not None:
                    desk.due.append(group)
        desk.dashboards += [(plan, department) for department in departments]
    desk.due.sort(key=lambda g: g.period.due_on)
    mine = ProgressReport.objects.filter(
        department__in=departments, period__plan__in=plans
    ).select_related("task__key_point", "period", "department")
    desk.returned = list(mine.filter(state=State.RETURNED).order_by("period__due_on")[:SHOWN])
    if user.has_role(Role.HEAD):
        desk.approvals = list(
            mine.filter(state=State.AWAITING_APPROVAL).order_by("submitted_at")[:SHOWN]
        )
    desk.notices = list(
        _open_notices()
        .filter(department__in=departments, plan__in=plans)
        .select_related("task", "department")
        .order_by("reply_due", "created_at")[:SHOWN]
    )
    desk.instructions = list(
        _unanswered_instructions()
        .filter(task__in=_led_tasks(departments, plans))
        .select_related("task", "leader")
        .order_by("created_at")[:SHOWN]
    )
    return desk


def _open_notices() -> QuerySet[Notice]:
    return Notice.objects.filter(state=Notice.State.OPEN)


def _unanswered_instructions() -> QuerySet[Instruction]:
    return Instruction.objects.filter(answered_at__isnull=True)


def _led_tasks(departments, plans) -> QuerySet[Task]:
    """Return the tasks of `plans` that one of `departments` leads."""
    return _tasks_of([d.pk for d in departments], plans, Assignment.Role.LEAD)


# ---------------------------------------------------------------------------------------------
# The supervision office's workbench


@dataclass
class Missing:
    """A department's reports missing for the last period that fell due."""

    plan: Plan
    period: ReportingPeriod
    department: Department
    count: int

    @property
    def days_over(self) -> int:
        return (timezone.localdate() - self.period.due_on).days


@dataclass
class OfficeDesk:
    waiting_review: int
    missing: list[Missing]
    missing_total: int
    missing_more: list[Missing]  # the departments beyond the first SHOWN
    notices_overdue: list[Notice]
    notices_overdue_count: int
    instructions: list[Instruction]
    instructions_unanswered: int
    extensions: list[ExtensionRequest]
    extensions_count: int
    without_accounts: list[Department]


def office_desk(today: date) -> OfficeDesk:
    """Return what the supervision office has to act on across the running plans."""
    plans = list(running_plans(today))
    missing = []
    for plan in plans:
        period = last_closed_period(plan, today)
        if period is not None:
            missing += _missing_reports(plan, period)
    missing.sort(key=lambda m: (-m.count, m.department.name))
    overdue = _open_notices().filter(plan__in=plans, reply_due__lt=today)
    instructions = Instruction.objects.filter(task__key_point__plan__in=plans)
    extensions = ExtensionRequest.objects.filter(
        task__key_point__plan__in=plans, state=ExtensionRequest.State.PENDING
    )
    return OfficeDesk(
        waiting_review=waiting_for_review().filter(period__plan__in=plans).count(),
        missing=missing[:SHOWN],
        missing_total=sum(m.count for m in missing),
        missing_more=missing[SHOWN:],
        notices_overdue=list(
            overdue.select_related("department", "task").order_by("reply_due")[:SHOWN]
        ),
        notices_overdue_count=overdue.count(),
        # The newest 批示 first: the office passes them on and follows their answers.
        instructions=list(
            instructions.select_related("task", "leader").order_by("-created_at")[:SHOWN]
        ),
        instructions_unanswered=instructions.filter(answered_at__isnull=True).count(),
        extensions=list(
            extensions.select_related("task", "department").order_by("created_at")[:SHOWN]
        ),
        extensions_count=extensions.count(),
        without_accounts=_departments_without_accounts(plans),
    )


def _missing_reports(plan, period) -> list[Missing]:
    """Return, per department, how many of its reports for `period` are not filed, counted by
    the database (the duties of `duty_counts`, less the reports filed)."""
    owed: dict[int, int] = {}
    for (department_id, _role), n in duty_counts(plan, period).items():
        owed[department_id] = owed.get(department_id, 0) + n
    filed = (
        ProgressReport.objects.filter(period=period, state__in=FILED)
        .values_list("department_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for department_id, n in filed:
        owed[department_id] = owed.get(department_id, 0) - n
    counts = {pk: n for pk, n in owed.items() if n > 0}
    departments = Department.objects.in_bulk(counts)
    return [Missing(plan, period, departments[pk], n) for pk, n in counts.items()]


def _departments_without_accounts(plans) -> list[Department]:
    assigned = Assignment.objects.filter(
        Q(key_point__plan__in=plans) | Q(task__key_point__plan__in=plans), department=OuterRef("pk")
    )
    has_account = User.objects.filter(departments=OuterRef("pk"), is_active=True)
    return list(
        Department.objects.filter(Exists(assigned), is_active=True)
        .exclude(Exists(has_account))
        .order_by("name")
    )


# ---------------------------------------------------------------------------------------------
# A school leader's workbench


@dataclass
class PointLights:
    key_point: KeyPoint
    counts: dict[str, int]  # light → tasks

    @property
    def cells(self) -> list[tuple[str, str, int]]:
        """Return (light, its label, tasks) for each light some task has, worst first."""
        Light = TaskLight.Light
        order = (Light.RED, Light.YELLOW, Light.BLUE, Light.GREEN)
        return [
            (light.value, light.label, self.counts[light])
            for light in order
            if self.counts.get(light)
        ]


@dataclass
class LeaderDesk:
    plans: list[Plan]
    points: list[PointLights]
    extensions: list[ExtensionRequest]
    unanswered: list[Instruction]
    unanswered_count: int
    answered: list[Instruction]
    answered_count: int


def _leader_tasks(user, plans) -> QuerySet[Task]:
    """Return the tasks whose leader in charge is `user`: their own, or their key point's."""
    return Task.objects.filter(key_point__plan__in=plans).filter(
        Q(leader=user) | Q(leader__isnull=True, key_point__leader=user)
    )


def leader_desk(user, today: date) -> LeaderDesk:
    """Return the leader's key points with their tasks' lights this period, the extension
    requests waiting for the leader's decision and the leader's 批示, answered or not."""
    plans = list(running_plans(today))
    tasks = _leader_tasks(user, plans)
    current = ReportingPeriod.objects.filter(
        plan=OuterRef("task__key_point__plan"), opens_on__lte=today
    ).order_by("-opens_on")
    lights = (
        TaskLight.objects.filter(task__in=tasks, period=Subquery(current.values("pk")[:1]))
        .values("task__key_point", "light")
        .annotate(n=Count("pk"))
    )
    per_point: dict[int, dict[str, int]] = {}
    for row in lights:
        per_point.setdefault(row["task__key_point"], {})[row["light"]] = row["n"]
    points = (
        KeyPoint.objects.filter(Exists(tasks.filter(key_point=OuterRef("pk"))))
        .select_related("plan")
        .order_by("-plan__year", "number")
    )
    extensions = ExtensionRequest.objects.filter(
        task__in=tasks, state=ExtensionRequest.State.PENDING
    ).select_related("task", "department")
    given = Instruction.objects.filter(leader=user, task__key_point__plan__in=plans)
    unanswered = given.filter(answered_at__isnull=True)
    answered = given.filter(answered_at__isnull=False)
    return LeaderDesk(
        plans=plans,
        points=[PointLights(p, per_point.get(p.pk, {})) for p in points],
        extensions=list(extensions.order_by("created_at")),
        unanswered=list(unanswered.select_related("task").order_by("created_at")[:SHOWN]),
        unanswered_count=unanswered.count(),
        answered=list(
            answered.select_related("task", "answered_by").order_by("-answered_at")[:SHOWN]
        ),
        answered_count=answered.count(),
    )


# ---------------------------------------------------------------------------------------------
# The badge


def todo_count(user, today: date | None = None) -> int:
    """Return how many things wait for `user` to act on: the number on the 工作台 link.

    Department people: reports of running plans sent back, waiting for their approval (heads),
    notices to answer and 批示 to answer. The office: reports to review, notices past their
    reply date, extension requests not yet decided. Leaders: extension requests to decide."""
    if not user.is_authenticated:
        return 0
    today = today or timezone.localdate()
    plans = running_plans(today)
    count = 0
    departments = member_department_ids(user)
    if departments:
        states = [State.RETURNED] + ([State.AWAITING_APPROVAL] if user.has_role(Role.HEAD) else [])
        count += ProgressReport.objects.filter(
            department__in=departments, period__plan__in=plans, state__in=states
        ).count()
        count += _open_notices().filter(department__in=departments, plan__in=plans).count()
        led = _led_tasks([Department(pk=pk) for pk in departments], plans)
        count += _unanswered_instructions().filter(task__in=led).count()
    if is_supervisor(user):
        count += waiting_for_review().filter(period__plan__in=plans).count()
        count += _open_notices().filter(plan__in=plans, reply_due__lt=today).count()
    if user.has_role(Role.LEADER):
        count += ExtensionRequest.objects.filter(
            task__in=_leader_tasks(user, plans), state=ExtensionRequest.State.PENDING
        ).count()
    return count
