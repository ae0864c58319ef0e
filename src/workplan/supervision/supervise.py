"""The periodic scan: recompute lights, and create the reminders and chases due at a moment."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from workplan.org.models import Department
from workplan.plans.models import Plan
from workplan.progress.queries import duties, last_closed_period
from workplan.supervision.actions import do_settle_notices
from workplan.supervision.lights import do_recompute_lights
from workplan.supervision.models import Notice
from workplan.supervision.queries import missing_tasks
from workplan.supervision.tasks import send_notice_email

REMIND_DAYS_BEFORE = 3
CHASE_FOR_DAYS = 60


@dataclass
class SupervisionRun:
    lights: dict[str, int] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    settled: list[Notice] = field(default_factory=list)


def chase_level(days_late: int) -> int:
    """Return who is chased: the liaison first, the head after a week, the leader after two."""
    if days_late >= 14:
        return Notice.Level.LEADER
    if days_late >= 7:
        return Notice.Level.HEAD
    return Notice.Level.LIAISON


def _create(notice: Notice) -> bool:
    """Create the notice unless one with its key exists (another run got there first)."""
    try:
        with transaction.atomic():
            notice.save()
    except IntegrityError:
        return False
    transaction.on_commit(lambda: send_notice_email.enqueue(notice.pk))
    return True


def supervise(at: datetime | None = None) -> SupervisionRun:
    """Close the reminders and chases their reports have settled, recompute lights and queue
    the reminders and chases due at `at` (default: now)."""
    at = at or timezone.now()
    today = timezone.localdate(at)
    run = SupervisionRun(settled=do_settle_notices())
    for plan in Plan.objects.filter(schedule__isnull=False).select_related("schedule"):
        run.lights.update(do_recompute_lights(plan, today))
        # Remind about the period coming due, and chase only the last one that closed: older
        # gaps already show in the lights, and one chase per department is what people read.
        upcoming = (
            plan.periods.filter(opens_on__lte=today, due_on__gte=today, closed=False)
            .order_by("due_on")
            .first()
        )
        closed = last_closed_period(plan, today)
        for period in [p for p in (upcoming, closed) if p is not None]:
            days = (today - period.due_on).days
            if -REMIND_DAYS_BEFORE <= days <= 0:
                kind, level, stage = (
                    Notice.Kind.REMINDER,
                    Notice.Level.LIAISON,
                    ("day" if days == 0 else "before"),
                )
            elif 0 < days <= CHASE_FOR_DAYS:
                kind, level = Notice.Kind.CHASE, chase_level(days)
                stage = f"level{level}"
            else:
                continue
            department_ids = sorted({d.department_id for d in duties(plan, period)})
            for department in Department.objects.filter(pk__in=department_ids):
                tasks = missing_tasks(plan, period, department)
                if not tasks:
                    continue
                requirement = (
                    _("Please submit the reports of {period} on {count} tasks by {due}.")
                    if kind == Notice.Kind.REMINDER
                    else _(
                        "The reports of {period} on {count} tasks were due on {due} and have not been submitted."
                    )
                ).format(period=period.label, count=len(tasks), due=period.due_on.isoformat())
                notice = Notice(
                    kind=kind,
                    plan=plan,
                    department=department,
                    period=period,
                    level=level,
                    requirement=requirement,
                    key=f"{kind}:{period.pk}:{department.pk}:{stage}",
                )
                with transaction.atomic():
                    if _create(notice):
                        run.notices.append(notice)
    return run
