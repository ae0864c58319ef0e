"""What supervision does when an app below it sends one of its hooks."""

from django.db.models import Count

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
