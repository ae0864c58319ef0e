"""Reads for progress reporting."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from workplan.audit.models import AuditRecord
from workplan.core.roles import member_department_ids
from workplan.org.models import Department
from workplan.plans.models import Assignment, Plan, Task
from workplan.progress.models import ProgressReport, ReportingPeriod, Schedule


def lead_department_ids(task: Task) -> list[int]:
    """Return the ids of the task's lead departments (its own, or else its key point's)."""
    own = list(
        Assignment.objects.filter(
            task=task, role=Assignment.Role.LEAD, department__isnull=False
        ).values_list("department_id", flat=True)
    )
    if own or Assignment.objects.filter(task=task).exists():
        return own
    return list(
        Assignment.objects.filter(
            key_point_id=task.key_point_id, role=Assignment.Role.LEAD, department__isnull=False
        ).values_list("department_id", flat=True)
    )


def tasks_led_by(department_ids) -> QuerySet[Task]:
    """Return the tasks any of `department_ids` leads, by the rule of `lead_department_ids`
    (the task's own assignments, or else its key point's), as one query."""
    own_lead = Assignment.objects.filter(
        task=OuterRef("pk"), role=Assignment.Role.LEAD, department_id__in=department_ids
    )
    point_lead = Assignment.objects.filter(
        key_point=OuterRef("key_point"), role=Assignment.Role.LEAD, department_id__in=department_ids
    )
    has_own = Assignment.objects.filter(task=OuterRef("pk"))
    return Task.objects.filter(Exists(own_lead) | (~Exists(has_own) & Exists(point_lead)))


def scheduled_plans() -> QuerySet[Plan]:
    """Return the plans with a reporting schedule (and so dashboards), latest year first."""
    return Plan.objects.filter(schedule__isnull=False).order_by("-year")


def current_period(plan, today=None) -> ReportingPeriod | None:
    """Return the period being reported on `today`: the latest that has opened."""
    today = today or timezone.localdate()
    return plan.periods.filter(opens_on__lte=today).order_by("-opens_on").first()


def last_closed_period(plan, today) -> ReportingPeriod | None:
    """Return the latest period whose due day is before `today`: the one chased and counted.
    Periods closed when the plan was imported are neither: nobody was asked to report on them."""
    return plan.periods.filter(due_on__lt=today, closed=False).order_by("-due_on").first()


@dataclass
class Duty:
    """A task a department must report on in a period, and its report if one exists."""

    task: Task
    department_id: int
    role: str
    report: ProgressReport | None

    @property
    def role_label(self) -> str:
        """Return the department's part in the task as the reader's language says it."""
        return Assignment.Role(self.role).label


def done_reports(task_ref: str):
    """The accepted lead reports saying the task (`OuterRef(task_ref)`) is complete."""
    return ProgressReport.objects.filter(
        task=OuterRef(task_ref),
        role=ProgressReport.Role.LEAD,
        status=ProgressReport.Status.DONE,
        state=ProgressReport.State.ACCEPTED,
    )


def closed_before(period, task_ref: str = "pk") -> Exists:
    """Whether the task was 办结 before `period`: the office accepted a lead report saying it
    was complete in an earlier period. Such a task is 销号 — nobody reports on it any more."""
    return Exists(done_reports(task_ref).filter(period__opens_on__lt=period.opens_on))


def completion(plan, period) -> dict[str, int]:
    """Return the figures of `period` that the dashboard and the written report both give:
    the lead reports filed in it (`filed`, of which `late`), the tasks complete so far
    (`done`: accepted as complete in this period or an earlier one — 办结, counted for the
    year, not the month) and the average progress (`percent`) of the period's lead reports,
    where a task closed earlier, which no longer reports, counts as 100 %."""
    filed = ProgressReport.objects.filter(
        period=period, role=ProgressReport.Role.LEAD, submitted_at__isnull=False
    ).aggregate(
        filed=Count("id"),
        late=Count("id", filter=Q(late=True)),
        percents=Count("percent"),
        total=Sum("percent"),
    )
    tasks = Task.objects.filter(key_point__plan=plan).aggregate(
        done=Count(
            "pk", filter=Exists(done_reports("pk").filter(period__opens_on__lte=period.opens_on))
        ),
        closed_earlier=Count("pk", filter=closed_before(period)),
    )
    weight = filed["percents"] + tasks["closed_earlier"]
    total = (filed["total"] or 0) + 100 * tasks["closed_earlier"]
    return {
        "filed": filed["filed"],
        "late": filed["late"],
        "done": tasks["done"],
        "percent": round(total / weight) if weight else 0,
    }


def duties(plan, period, department_ids=None) -> list[Duty]:
    """Return every (task, department) that reports in `period`: lead and co departments of
    each task (its own assignments, or else its key point's), with their reports — except for
    tasks closed (办结销号) before the period."""
    tasks = (
        Task.objects.filter(key_point__plan=plan)
        .exclude(closed_before(period))
        .select_related("key_point")
        .prefetch_related("assignments")
    )
    point_assignments = Assignment.objects.filter(key_point__plan=plan, department__isnull=False)
    reports = ProgressReport.objects.filter(period=period).select_related("department")
    if department_ids is not None:
        # A department's page reads its own duties, not the whole plan's.
        own = Assignment.objects.filter(task=OuterRef("pk"), department_id__in=department_ids)
        point = Assignment.objects.filter(
            key_point=OuterRef("key_point"), department_id__in=department_ids
        )
        has_own = Assignment.objects.filter(task=OuterRef("pk"))
        tasks = tasks.filter(Exists(own) | (~Exists(has_own) & Exists(point)))
        point_assignments = point_assignments.filter(department_id__in=department_ids)
        reports = reports.filter(department_id__in=department_ids)
    by_point: dict[int, list[Assignment]] = {}
    for assignment in point_assignments:
        by_point.setdefault(assignment.key_point_id, []).append(assignment)
    reports = {(r.task_id, r.department_id): r for r in reports}
    result = []
    for task in tasks.order_by("key_point__number", "number"):
        own = [a for a in task.assignments.all() if a.department_id]
        chosen = own if task.assignments.all() else by_point.get(task.key_point_id, [])
        for assignment in chosen:
            if department_ids is not None and assignment.department_id not in department_ids:
                continue
            report = reports.get((task.pk, assignment.department_id))
            result.append(Duty(task, assignment.department_id, assignment.role, report))
    return result


def duty_counts(plan, period=None) -> dict[tuple[int, str], int]:
    """Return (department id, role) → how many tasks that department reports on in `period`
    (or is responsible for at all, without a period), counted by the database: tasks' own
    department assignments, plus their key point's for every task that has no assignments of
    its own (the same pairs as `duties`)."""
    orphans = Task.objects.filter(key_point__plan=plan).filter(
        ~Exists(Assignment.objects.filter(task=OuterRef("pk")))
    )
    own = Assignment.objects.filter(task__key_point__plan=plan, department__isnull=False)
    if period is not None:
        orphans = orphans.exclude(closed_before(period))
        own = own.exclude(closed_before(period, "task"))
    inherited = Assignment.objects.filter(
        key_point__plan=plan, department__isnull=False, key_point__tasks__in=orphans
    )
    counts: dict[tuple[int, str], int] = {}
    for rows in (own, inherited):
        for department_id, role, n in (
            rows.values_list("department_id", "role").annotate(n=Count("id")).order_by()
        ):
            counts[department_id, role] = counts.get((department_id, role), 0) + n
    return counts


def duty_counts_by_period(plan, periods) -> dict[int, int]:
    """Return period id → len(duties(plan, period)) for many periods in two queries: duties
    are counted by the date their task was closed (None: still open), then summed per period."""
    closed_on = Subquery(
        done_reports("pk").order_by("period__opens_on").values("period__opens_on")[:1]
    )
    tasks = Task.objects.filter(key_point__plan=plan).annotate(closed_on=closed_on)
    own = (
        tasks.filter(assignments__department__isnull=False)
        .values("closed_on")
        .annotate(n=Count("assignments"))
        .order_by()
    )
    inherited = (
        tasks.filter(~Exists(Assignment.objects.filter(task=OuterRef("pk"))))
        .filter(key_point__assignments__department__isnull=False)
        .values("closed_on")
        .annotate(n=Count("key_point__assignments"))
        .order_by()
    )
    by_closing: dict = {}
    for rows in (own, inherited):
        for row in rows:
            by_closing[row["closed_on"]] = by_closing.get(row["closed_on"], 0) + row["n"]
    return {
        period.pk: sum(
            n for closed, n in by_closing.items() if closed is None or closed >= period.opens_on
        )
        for period in periods
    }


SUBMITTED_STATES = {ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED}


@dataclass
class Return:
    """Who sent a report back, when, and why."""

    by: str
    at: object
    reason: str


def last_return(report: ProgressReport) -> Return | None:
    """Return the latest sending back of `report` — by the office, or by the department head
    before it reached the office — read from the audit trail, where both are recorded."""
    records = AuditRecord.objects.filter(
        object_type=report._meta.label_lower, object_id=str(report.pk), action="change"
    ).order_by("-id")
    for record in records[:50]:
        changes = {c["field"]: c for c in record.changes}
        if changes.get("state", {}).get("after") == ProgressReport.State.RETURNED:
            return Return(record.actor_name, record.at, changes.get("comment", {}).get("after", ""))
    return None


def departments_of(user) -> QuerySet[Department]:
    """Return the departments `user` reports for (as their head or liaison), by name: the same
    rule the report pages check, so a supervisor who is also listed in a department is not
    offered reports they may not open."""
    return Department.objects.filter(pk__in=member_department_ids(user)).order_by("name")


def current_periods() -> list[tuple[Plan, ReportingPeriod]]:
    """Return (plan, period being reported) for every plan with reporting under way."""
    current = ((plan, current_period(plan)) for plan in Plan.objects.filter(schedule__isnull=False))
    return [(plan, period) for plan, period in current if period is not None]


def unfinished_reports(departments) -> QuerySet[ProgressReport]:
    """Return the departments' reports still theirs to finish (drafts, returned, waiting for
    the head), oldest period first."""
    State = ProgressReport.State
    return (
        ProgressReport.objects.filter(
            department__in=departments,
            state__in=[State.RETURNED, State.DRAFT, State.AWAITING_APPROVAL],
        )
        .select_related("task__key_point", "period", "department")
        .order_by("period__opens_on")
    )


def contributions(report: ProgressReport, *, among) -> QuerySet[ProgressReport]:
    """Return the other departments' reports on the report's task and period, of `among`."""
    return (
        among.filter(task=report.task, period=report.period)
        .exclude(pk=report.pk)
        .select_related("department")
        .prefetch_related("department__names")  # the name each bore when it reported
    )


def versions(report: ProgressReport):
    """Return the report's submitted versions with who submitted, approved and decided."""
    return report.versions.select_related("submitted_by", "approved_by", "decided_by")


def waiting_for_review() -> QuerySet[ProgressReport]:
    """Return the reports submitted to the office and not yet accepted or returned."""
    return ProgressReport.objects.filter(state=ProgressReport.State.SUBMITTED)


def schedule_of(plan) -> Schedule | None:
    """Return the plan's reporting settings, or None before reporting is set up."""
    return Schedule.objects.filter(plan=plan).first()


def evidence_of(report: ProgressReport, evidence_id: int):
    """Return the file attached to `report` with this id, or None (another report's, or gone)."""
    return report.evidence.filter(pk=evidence_id).first()


def previous_report(task, department, period) -> ProgressReport | None:
    """Return the department's report on `task` for the latest period before `period`."""
    return (
        ProgressReport.objects.filter(
            task=task, department=department, period__opens_on__lt=period.opens_on
        )
        .order_by("-period__opens_on")
        .first()
    )


def periods_with_reports(plan) -> QuerySet[ReportingPeriod]:
    """Return the plan's periods by date, each with `filed`, whether a report (of any state) is
    filed in it: such a period can no longer be changed or removed."""
    filed = ProgressReport.objects.filter(period=OuterRef("pk"))
    return plan.periods.annotate(filed=Exists(filed)).order_by("opens_on")


def report_to_repeat(task, department, period) -> ProgressReport | None:
    """Return the department's latest report on `task` from a period before `period` that was
    sent on (not a draft): what 本期无变化 submits again, or None on a
    duty's first report, when there is nothing to repeat."""
    return (
        ProgressReport.objects.filter(
            task=task, department=department, period__opens_on__lt=period.opens_on
        )
        # Every report past the draft was submitted, so it says what was done.
        .exclude(state=ProgressReport.State.DRAFT)
        .order_by("-period__opens_on")
        .first()
    )


def schedule_set_up_summary(schedule: Schedule) -> str:
    """Return the sentence telling whoever imported a plan what reporting it got: monthly, due
    on the schedule's day, and how many periods were closed because they were already over."""
    closed = schedule.plan.periods.filter(closed=True).count()
    if closed:
        return ngettext(
            "Monthly reporting periods were set up, each due on day {day} of its month; "
            "the {count} period that had ended before the import is closed.",
            "Monthly reporting periods were set up, each due on day {day} of its month; "
            "the {count} periods that had ended before the import are closed.",
            closed,
        ).format(day=schedule.due_day, count=closed)
    return _("Monthly reporting periods were set up, each due on day {day} of its month.").format(
        day=schedule.due_day
    )
