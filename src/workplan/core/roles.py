"""The roles people hold, and the role tests every app's access rules are built from.

They sit in core, below every app that checks a role (audit, org, accounts and above); they work
on any user object that has `is_authenticated`, `has_role()` and `department_ids`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a person does in the system; one person may hold several."""

    ADMIN = "admin", _("Administrator")
    SUPERVISOR = "supervisor", _("Supervision office")
    LEADER = "leader", _("School leader")
    HEAD = "head", _("Department head")
    LIAISON = "liaison", _("Department liaison")
    AUDITOR = "auditor", _("Discipline inspection / audit")


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
