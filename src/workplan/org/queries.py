"""Reads of the department registry."""

from django.db.models import Count, Prefetch, QuerySet

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
