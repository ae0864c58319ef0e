"""What supervision does when an app below it sends one of its hooks (connected in
SupervisionConfig.ready())."""

from django.db.models import Count
from django.utils.translation import ngettext

from workplan.audit.records import record_changed
from workplan.org.merging import MergeLine
from workplan.plans.years import open_plans
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


def _merge_rows(source, today):
    plans = open_plans(today)
    notices = list(Notice.objects.filter(department=source, plan__in=plans))
    requests = list(
        ExtensionRequest.objects.filter(department=source, task__key_point__plan__in=plans)
    )
    return notices, requests


def preview_notices(sender, *, source, target, today, **kwargs) -> list[MergeLine]:
    """Answer `org.hooks.previewing_merge`: the notices and extension requests that would pass."""
    notices, requests = _merge_rows(source, today)
    n = len(notices) + len(requests)
    if not n:
        return []
    return [
        MergeLine(
            ngettext(
                "{n} notice or extension request of a running plan will pass to {name}.",
                "{n} notices and extension requests of running plans will pass to {name}.",
                n,
            ).format(n=n, name=target.name)
        )
    ]


def move_notices(sender, *, source, target, today, by, **kwargs) -> list[MergeLine]:
    """Answer `org.hooks.departments_merged`: the source's notices and extension requests in
    running plans pass to the target. An automatic reminder's key names its department: it is
    written for the target, or dropped where the target already had that reminder (the
    target's row keeps the scan from sending it twice)."""
    notices, requests = _merge_rows(source, today)
    old, new = f":{source.pk}:", f":{target.pk}:"
    keys = {n.key.replace(old, new) for n in notices if n.key}
    taken = set(Notice.objects.filter(key__in=keys).values_list("key", flat=True))
    for notice in notices:
        record_changed(
            notice,
            [("department", source.name, target.name)],
            by=by,
            scope=f"plans.task:{notice.task_id}" if notice.task_id else None,
        )
        notice.department = target
        if notice.key:
            key = notice.key.replace(old, new)
            notice.key = None if key in taken else key
        notice.save(update_fields=["department", "key"])
    for request in requests:
        record_changed(
            request,
            [("department", source.name, target.name)],
            by=by,
            scope=f"plans.task:{request.task_id}",
        )
    ExtensionRequest.objects.filter(pk__in=[r.pk for r in requests]).update(department=target)
    n = len(notices) + len(requests)
    if not n:
        return []
    return [
        MergeLine(
            ngettext(
                "{n} notice or extension request passed to {name}.",
                "{n} notices and extension requests passed to {name}.",
                n,
            ).format(n=n, name=target.name)
        )
    ]
