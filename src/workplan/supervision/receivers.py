"""What supervision does when an app below it sends one of its hooks (connected in
SupervisionConfig.ready())."""

from django.db.models import Count

from workplan.supervision.actions import do_settle_notices
from workplan.supervision.lights import do_recompute_lights
from workplan.supervision.models import ExtensionRequest, Instruction, Notice


def _per_task(queryset) -> dict[int, int]:
    return dict(queryset.values_list("task").annotate(n=Count("pk")).order_by())


def count_supervision_records(sender, *, task_ids, **kwargs) -> dict[str, dict[int, int]]:
    """Answer `plans.hooks.count_recorded_work`: the tasks' notices, instructions and
    extension requests."""
    return {
        "notices": _per_task(Notice.objects.filter(task__in=task_ids)),
        "instructions": _per_task(Instruction.objects.filter(task__in=task_ids)),
        "extensions": _per_task(ExtensionRequest.objects.filter(task__in=task_ids)),
    }


def settle_notices(sender, *, report, by, **kwargs) -> None:
    """Answer `progress.hooks.report_submitted`: close a reminder or 催办 about the report's
    period the moment the department's last report for it is in, not at the next scan."""
    do_settle_notices(period=report.period, department=report.department)


def recompute_lights(sender, *, schedule, today, by, **kwargs) -> None:
    """Answer `progress.hooks.schedule_updated`: recompute every light of the plan."""
    do_recompute_lights(schedule.plan, today)


def periods_with_notices(sender, *, periods, **kwargs) -> set[int]:
    """Answer `progress.hooks.periods_in_use`: the periods a notice was sent about stay, as
    the notice does."""
    return set(Notice.objects.filter(period__in=periods).values_list("period_id", flat=True))
