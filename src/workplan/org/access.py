"""Who may see or change the registry. Everyone signed in may read it; the supervision office
and administrators change it; a department's own head and liaison keep its contact details."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from workplan.core.roles import belongs_to, is_admin, is_supervisor
from workplan.org.models import Department, DepartmentAlias, DepartmentGroup


def may_change_registry(user) -> bool:
    return is_supervisor(user) or is_admin(user)


def may_change_contact(user, department) -> bool:
    """The registry's keepers and the department's own people keep its contact details."""
    return may_change_registry(user) or belongs_to(user, department.pk)


def access_department(
    user, department_id: int, *, contact: bool = False, write: bool = False
) -> Department:
    """Return the department `user` may read (or, with `contact`, whose contact details they
    may change; with `write`, whose registry entry they may change); Http404 if missing,
    PermissionDenied if readable but not theirs to change."""
    department = get_object_or_404(Department, pk=department_id)
    if contact and not may_change_contact(user, department):
        raise PermissionDenied
    if write and not may_change_registry(user):
        raise PermissionDenied
    return department


def access_alias(user, alias_id: int) -> DepartmentAlias:
    """Return the 简称 `user` may remove; Http404 if missing, PermissionDenied if not theirs."""
    alias = get_object_or_404(DepartmentAlias.objects.select_related("department"), pk=alias_id)
    if not may_change_registry(user):
        raise PermissionDenied
    return alias


def access_group(user, group_id: int, *, write: bool = False) -> DepartmentGroup:
    """Return the collective term `user` may read or, with `write`, change."""
    group = get_object_or_404(DepartmentGroup, pk=group_id)
    if write and not may_change_registry(user):
        raise PermissionDenied
    return group
