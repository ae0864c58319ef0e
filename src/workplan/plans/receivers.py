"""What plans does when an app below it sends one of its hooks (connected in
PlansConfig.ready())."""

from django.db.models import Count, Q
from django.utils.translation import ngettext

from workplan.audit.records import record_changed, record_deleted
from workplan.org.merging import MergeLine
from workplan.plans.models import Assignment
from workplan.plans.years import open_plans


def _scope(assignment: Assignment) -> str:
    if assignment.task_id:
        return f"plans.task:{assignment.task_id}"
    return f"plans.keypoint:{assignment.key_point_id}"


def _open_assignments(department, today):
    plans = open_plans(today)
    return Assignment.objects.filter(department=department).filter(
        Q(task__key_point__plan__in=plans) | Q(key_point__plan__in=plans)
    )


def _split(source, target, today) -> tuple[list, dict]:
    """Return the source's assignments in running plans and, for those where the target is
    assigned too, the target's assignment on the same task or key point."""
    moving = list(_open_assignments(source, today).order_by("pk"))
    theirs = {
        (a.task_id, a.key_point_id): a
        for a in Assignment.objects.filter(department=target).filter(
            Q(task__in=[a.task_id for a in moving if a.task_id])
            | Q(key_point__in=[a.key_point_id for a in moving if a.key_point_id])
        )
    }
    return moving, theirs


def preview_assignments(sender, *, source, target, today, **kwargs) -> list[MergeLine]:
    """Answer `org.hooks.previewing_merge`: the assignments that would move."""
    moving, theirs = _split(source, target, today)
    lines = []
    if moving:
        lines.append(
            MergeLine(
                ngettext(
                    "{n} assignment to a task or key point of a running plan will pass to {name}.",
                    "{n} assignments to tasks or key points of running plans will pass to {name}.",
                    len(moving),
                ).format(n=len(moving), name=target.name)
            )
        )
    both = sum(1 for a in moving if (a.task_id, a.key_point_id) in theirs)
    if both:
        lines.append(
            MergeLine(
                ngettext(
                    "On {n} task or key point both are assigned: {name} keeps its assignment "
                    "(as lead if either led).",
                    "On {n} tasks or key points both are assigned: {name} keeps its assignment "
                    "(as lead if either led).",
                    both,
                ).format(n=both, name=target.name)
            )
        )
    return lines


def move_assignments(sender, *, source, target, today, by, **kwargs) -> list[MergeLine]:
    """Answer `org.hooks.departments_merged`: the source's assignments in running plans pass to
    the target; where the target is assigned too, it keeps one assignment, as lead if either
    led."""
    moving, theirs = _split(source, target, today)
    for assignment in moving:
        kept = theirs.get((assignment.task_id, assignment.key_point_id))
        if kept is None:
            record_changed(
                assignment,
                [("department", source.name, target.name)],
                by=by,
                scope=_scope(assignment),
            )
            assignment.department = target
            assignment.save(update_fields=["department"])
            continue
        if assignment.role == Assignment.Role.LEAD and kept.role != Assignment.Role.LEAD:
            record_changed(kept, [("role", kept.role, assignment.role)], by=by, scope=_scope(kept))
            kept.role = assignment.role
            kept.save(update_fields=["role"])
        record_deleted(assignment, by=by, scope=_scope(assignment))
        assignment.delete()
    if not moving:
        return []
    return [
        MergeLine(
            ngettext(
                "{n} assignment passed to {name}.", "{n} assignments passed to {name}.", len(moving)
            ).format(n=len(moving), name=target.name)
        )
    ]


def count_group_tasks(sender, *, group_ids, today, **kwargs) -> dict[int, int]:
    """Answer `org.hooks.counting_group_uses`: the tasks of running plans each group is
    assigned to, directly or through its key point (one query)."""
    plans = open_plans(today)
    rows = (
        Assignment.objects.filter(group__in=group_ids)
        .filter(Q(task__key_point__plan__in=plans) | Q(key_point__plan__in=plans))
        .values_list("group")
        .annotate(
            direct=Count("task", distinct=True), inherited=Count("key_point__tasks", distinct=True)
        )
        .order_by()
    )
    return {group_id: direct + inherited for group_id, direct, inherited in rows}
