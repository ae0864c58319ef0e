"""Reads behind the report pages and files."""

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from workplan.plans.models import Plan
from workplan.progress.models import ProgressReport, ReportingPeriod
from workplan.reports.models import DEFAULT_ISSUER, Letterhead


def reportable_periods(plan: Plan) -> QuerySet[ReportingPeriod]:
    """The periods a progress report can be written for, latest first: those closed by today
    in which someone reported (a report of a period nobody reported in would be empty)."""
    return (
        plan.periods.filter(due_on__lt=timezone.localdate())
        .filter(
            Exists(ProgressReport.objects.filter(period=OuterRef("pk"), submitted_at__isnull=False))
        )
        .order_by("-due_on")
    )


def reportable_period(plan: Plan, period_id: str) -> ReportingPeriod | None:
    """Return the period named by `period_id` if the dashboard offers it, the latest one it
    offers when none is named, None otherwise: a link naming another (not yet closed, nobody
    reported, another plan's, nonsense) is not quietly given a different one."""
    periods = reportable_periods(plan)
    if not period_id:
        return periods.first()
    return periods.filter(pk=period_id).first() if period_id.isdecimal() else None


def letterhead_of(plan: Plan) -> Letterhead:
    """Return the plan's letterhead, or an unsaved one signed by the default office."""
    return Letterhead.objects.filter(plan=plan).first() or Letterhead(
        plan=plan, issuer=DEFAULT_ISSUER
    )
