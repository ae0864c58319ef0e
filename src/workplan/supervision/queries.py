"""What the task page shows of supervision: notices, instructions, extension requests, and
which of their forms the reader may use (the page itself is composed in pages.queries)."""

from dataclasses import dataclass

from django.db.models import Exists, Prefetch, Q
from django.utils.translation import gettext

from workplan.accounts.models import User
from workplan.core.roles import Role, is_supervisor
from workplan.org.models import Department
from workplan.plans.models import Assignment, Task
from workplan.progress.models import ProgressReport
from workplan.progress.queries import done_reports, duties, last_closed_period
from workplan.supervision.access import (
    leads_task,
    may_decide_extension,
    notices_visible_to,
)
from workplan.supervision.models import Notice, ReplyFile


def supervision_context(user, task) -> dict:
    in_lead = leads_task(user, task)
    notices = (
        notices_visible_to(user)
        .filter(task=task)
        .select_related("department", "replied_by", "signed_by")
        .prefetch_related("files")
    )
    return {
        "notices": notices,
        "instructions": task.instructions.select_related("leader", "answered_by").prefetch_related(
            "files"
        ),
        "extensions": task.extension_requests.select_related(
            "department", "requested_by", "decided_by"
        ),
        "may_issue_notice": is_supervisor(user),
        "notice_departments": _notice_departments(task) if is_supervisor(user) else [],
        "may_instruct": user.has_role(Role.LEADER),
        "may_answer": in_lead,
        "may_request_extension": in_lead,
        "may_decide_extension": may_decide_extension(user, task),
        "user_department_ids": user.department_ids,
    }


def _notice_departments(task) -> list[tuple[str, list[Department]]]:
    """Return the departments a notice may go to: the task's own (lead, then co) first, then the
    rest — a notice sometimes goes to a department the task does not name, such as 财务处."""
    assignments = Assignment.objects.filter(task=task, department__isnull=False)
    if not Assignment.objects.filter(task=task).exists():
        assignments = Assignment.objects.filter(
            key_point_id=task.key_point_id, department__isnull=False
        )
    ordered = [a.department_id for a in assignments.order_by("-role", "pk")]  # lead before co
    active = {d.pk: d for d in Department.objects.filter(is_active=True)}
    own = [active[pk] for pk in dict.fromkeys(ordered) if pk in active]
    others = [d for pk, d in active.items() if pk not in set(ordered)]
    return [(gettext("This task's departments"), own), (gettext("Other departments"), others)]


def missing_tasks(plan, period, department) -> list:
    """Return the tasks `department` has not yet submitted its report on for `period`."""
    submitted = {ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED}
    return [
        d.task
        for d in duties(plan, period, {department.pk})
        if d.report is None or d.report.state not in submitted
    ]


def notices_for(user):
    """Return the notices `user` may read, newest first, with what their list shows."""
    return notices_visible_to(user).select_related("department", "task__key_point", "period")


def departments_with_people(department_ids) -> set[int]:
    """Return those of `department_ids` with an active liaison or head, who can be told."""
    return set(
        User.objects.filter(
            departments__in=department_ids,
            role_grants__role__in=[Role.HEAD, Role.LIAISON],
            is_active=True,
        ).values_list("departments", flat=True)
    ) & set(department_ids)


def orders_for(user, *, state: str = "", department_id: int | None = None, overdue_on=None):
    """Return the 督办单 `user` may read, newest number first, narrowed by state, department
    and (with `overdue_on`, a date) replies late on that day, with what the list shows."""
    orders = (
        notices_visible_to(user)
        .filter(kind=Notice.Kind.NOTICE)
        .select_related("department", "task__key_point", "plan", "signed_by", "replied_by")
        .order_by("-year", "-number", "-pk")
    )
    if state:
        orders = orders.filter(state=state)
    if department_id:
        orders = orders.filter(department_id=department_id)
    if overdue_on is not None:
        orders = orders.filter(
            reply_due__lt=overdue_on, state__in=[Notice.State.OPEN, Notice.State.SIGNED]
        )
    return orders


def order_detail(notice_id: int):
    """Return the notice with everything its page and printout show."""
    return (
        Notice.objects.select_related(
            "department",
            "task__key_point",
            "plan",
            "period",
            "signed_by",
            "replied_by",
            "issued_by",
        )
        .prefetch_related(Prefetch("files", ReplyFile.objects.select_related("uploaded_by")))
        .get(pk=notice_id)
    )


@dataclass
class MissingReports:
    department: Department
    missing: int
    has_people: bool


@dataclass
class OverdueTask:
    task: Task
    leads: list[Department]
    reachable: bool


def late_reports(plan, today) -> tuple[object, list[MissingReports]]:
    """Return the last period whose reports were due, and the departments still missing some
    of them (how many, and whether anyone there has an account to be chased)."""
    period = last_closed_period(plan, today)
    if period is None:
        return None, []
    submitted = {ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED}
    counts: dict[int, int] = {}
    for duty in duties(plan, period):
        if duty.report is None or duty.report.state not in submitted:
            counts[duty.department_id] = counts.get(duty.department_id, 0) + 1
    reachable = departments_with_people(list(counts))
    departments = Department.objects.filter(pk__in=counts).order_by("name")
    return period, [MissingReports(d, counts[d.pk], d.pk in reachable) for d in departments]


def lead_departments_of(tasks) -> dict[int, list[Department]]:
    """Return task id → its lead departments (its own, or else its key point's), in a fixed
    number of queries whatever the number of tasks."""
    ids = [t.pk for t in tasks]
    assignments = Assignment.objects.filter(
        Q(task__in=ids) | Q(key_point__in={t.key_point_id for t in tasks}, task__isnull=True)
    ).select_related("department")
    own: dict[int, list] = {}
    points: dict[int, list] = {}
    for a in assignments.order_by("position", "pk"):
        if a.task_id:
            own.setdefault(a.task_id, []).append(a)
        else:
            points.setdefault(a.key_point_id, []).append(a)
    result = {}
    for task in tasks:
        chosen = own[task.pk] if task.pk in own else points.get(task.key_point_id, [])
        result[task.pk] = [
            a.department for a in chosen if a.role == Assignment.Role.LEAD and a.department
        ]
    return result


def overdue_tasks(plan, today) -> list[OverdueTask]:
    """Return the plan's tasks past their due date and not accepted as complete, with their
    lead departments and whether any of them has someone to chase."""
    tasks = list(
        Task.objects.filter(key_point__plan=plan, due_date__lt=today)
        .exclude(Exists(done_reports("pk")))
        .select_related("key_point")
        .order_by("key_point__number", "number")
    )
    leads = lead_departments_of(tasks)
    reachable = departments_with_people({d.pk for ds in leads.values() for d in ds})
    return [OverdueTask(t, leads[t.pk], any(d.pk in reachable for d in leads[t.pk])) for t in tasks]
