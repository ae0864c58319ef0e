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


def active_departments() -> QuerySet[Department]:
    """Return the departments in use, by name: those a list or filter offers to choose from."""
    return Department.objects.filter(is_active=True)


def department_name(department_id: int) -> str | None:
    """Return the name of the department with this id, None if there is none."""
    return Department.objects.filter(pk=department_id).values_list("name", flat=True).first()
