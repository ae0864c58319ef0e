"""Supervision's answers to progress's hooks (connected in SupervisionConfig.ready())."""

from workplan.supervision.actions import do_settle_notices
from workplan.supervision.lights import do_recompute_lights
from workplan.supervision.models import Notice


def settle_notices(sender, *, report, by, **kwargs) -> None:
    """Close a reminder or 催办 about the report's period the moment the department's last
    report for it is in, rather than at the next hourly scan."""
    do_settle_notices(period=report.period, department=report.department)


def recompute_lights(sender, *, schedule, today, by, **kwargs) -> None:
    """Recompute every light of the plan under its new settings."""
    do_recompute_lights(schedule.plan, today)


def periods_with_notices(sender, *, periods, **kwargs) -> set[int]:
    """Return the ids of the periods a notice was sent about: they stay, as the notice does."""
    return set(Notice.objects.filter(period__in=periods).values_list("period_id", flat=True))
