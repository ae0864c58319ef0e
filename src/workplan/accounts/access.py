"""Who may manage accounts, and the role tests every app's access rules are built from."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from workplan.accounts.models import Role, User

# Everyone who may see the whole institution's data, including the audit trail.
OVERSEERS = (Role.ADMIN, Role.AUDITOR)


def is_admin(user) -> bool:
    return user.is_authenticated and user.has_role(Role.ADMIN)


def is_supervisor(user) -> bool:
    return user.is_authenticated and user.has_role(Role.SUPERVISOR)


def may_see_audit_trail(user) -> bool:
    return user.is_authenticated and user.has_role(*OVERSEERS)


def belongs_to(user, department_id: int) -> bool:
    """Return whether `user` is one of the department's own people (head or liaison)."""
    return (
        user.is_authenticated
        and user.has_role(Role.HEAD, Role.LIAISON)
        and department_id in user.department_ids
    )


def member_department_ids(user) -> frozenset[int]:
    """Return the departments `user` acts for as one of their own people (head or liaison)."""
    if not (user.is_authenticated and user.has_role(Role.HEAD, Role.LIAISON)):
        return frozenset()
    return user.department_ids


def check_admin(user) -> None:
    """Raise Http404 unless `user` administers accounts: others do not learn the pages exist."""
    if not is_admin(user):
        raise Http404


def access_user(actor, user_id: int) -> User:
    """Return the account `actor` may manage, or raise Http404."""
    check_admin(actor)
    return get_object_or_404(User, pk=user_id)
