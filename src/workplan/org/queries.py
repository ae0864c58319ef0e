"""Reads of the department registry."""

from django.db.models import Count, Prefetch, QuerySet
from django.utils.timezone import localdate
from django.utils.translation import ngettext

from workplan.org import hooks
from workplan.org.merging import MergeLine, collect
from workplan.org.models import Department, DepartmentAlias, DepartmentGroup


def registry_names() -> dict[str, str]:
    """Return every known department name and alias mapped to its canonical name."""
    names = dict(Department.objects.values_list("name", "name"))
    names.update(DepartmentAlias.objects.values_list("name", "department__name"))
    return names


def departments_for_registry() -> QuerySet[Department]:
    """Return all departments with their aliases and groups, ready for the registry page."""
    return Department.objects.prefetch_related(
        Prefetch("aliases", queryset=DepartmentAlias.objects.order_by("name")),
        Prefetch("groups", queryset=DepartmentGroup.objects.order_by("name")),
    )


def groups_for_registry() -> QuerySet[DepartmentGroup]:
    """Return all collective terms with their member departments."""
    return DepartmentGroup.objects.annotate(member_count=Count("members")).prefetch_related(
        Prefetch("members", queryset=Department.objects.order_by("name"))
    )


def active_departments() -> QuerySet[Department]:
    """Return the departments in use, by name: those a list or filter offers to choose from."""
    return Department.objects.filter(is_active=True)


def department_name(department_id: int) -> str | None:
    """Return the name of the department with this id, None if there is none."""
    return Department.objects.filter(pk=department_id).values_list("name", flat=True).first()


def merge_preview(source: Department, target: Department, today) -> list[MergeLine]:
    """Return what merging `source` into `target` would move, as each app above says it."""
    lines = collect(
        hooks.previewing_merge.send(sender=Department, source=source, target=target, today=today)
    )
    aliases = source.aliases.count()
    if aliases:
        lines.append(
            MergeLine(
                ngettext("{n} short name will move.", "{n} short names will move.", aliases).format(
                    n=aliases
                )
            )
        )
    return lines


def empty_groups_in_use(groups=None, today=None) -> list[tuple[DepartmentGroup, int]]:
    """Return the collective terms with no member that tasks of running plans are assigned to,
    with how many tasks: a notice or reminder to such a group reaches nobody. `groups`, if
    given, are those of `groups_for_registry()` already read (no query for them again)."""
    if groups is None:
        groups = groups_for_registry()
    empty = [g for g in groups if not g.member_count]
    if not empty:
        return []
    uses: dict[int, int] = {}
    responses = hooks.counting_group_uses.send(
        sender=DepartmentGroup, group_ids=[g.pk for g in empty], today=today or localdate()
    )
    for _receiver, counts in responses:
        for group_id, n in (counts or {}).items():
            uses[group_id] = uses.get(group_id, 0) + n
    return [(g, uses[g.pk]) for g in empty if uses.get(g.pk)]


def empty_group_names(names) -> list[str]:
    """Return those of the collective terms named (or given) that have no member, by name: a
    task assigned to one of them reaches no department through it."""
    names = {getattr(n, "name", n) for n in names}
    # One query whatever is named: the registry's empty groups are few, and a page costs the
    # same whether its tasks name groups or not.
    empty = DepartmentGroup.objects.filter(members__isnull=True).values_list("name", flat=True)
    return sorted(name for name in empty if name in names)
