"""Every change to accounts: one transaction each, with its audit record."""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from axes.utils import reset as axes_reset
from django.contrib.auth.forms import PasswordResetForm
from django.db import transaction
from django.utils.translation import gettext as _

from workplan.accounts.models import Role, RoleGrant, User
from workplan.audit.records import record_changed, record_created
from workplan.org.models import Department


class AccountRefused(Exception):
    """The account would share its login name with another, differing at most in case."""


def _role_labels(roles: Iterable[str]) -> list[str]:
    return [str(Role(r).label) for r in sorted(roles)]


def _department_names(departments: Iterable[Department]) -> list[str]:
    return sorted(d.name for d in departments)


@transaction.atomic
def do_create_user(
    *,
    username: str,
    full_name: str,
    email: str,
    departments: Iterable[Department],
    roles: Iterable[str],
    by,
    password: str | None = None,
) -> User:
    """Return a new account; AccountRefused if another's login name differs from it only in
    case. Without a password it gets an unguessable one: the person sets their own through the
    e-mailed link."""
    clash = User.objects.filter(username__iexact=username).first()
    if clash is not None:
        raise AccountRefused(
            _("The login name “{value}” is already used by the account “{other}”.").format(
                value=username, other=clash.username
            )
        )
    user = User(username=username, full_name=full_name, email=email)
    user.set_password(password or secrets.token_urlsafe(32))
    user.save()
    departments, roles = list(departments), sorted(set(roles))
    user.departments.set(departments)
    RoleGrant.objects.bulk_create(RoleGrant(user=user, role=role) for role in roles)
    record_created(
        user,
        by=by,
        fields=["username", "full_name", "email"],
        extra=[
            ("departments", None, _department_names(departments)),
            ("roles", None, _role_labels(roles)),
        ],
    )
    return user


@transaction.atomic
def do_update_user(
    user: User,
    *,
    full_name: str,
    email: str,
    departments: Iterable[Department],
    roles: Iterable[str],
    by,
) -> User:
    """Return `user` with new name, e-mail, departments and roles; one audit record."""
    before = {
        "full_name": user.full_name,
        "email": user.email,
        "departments": _department_names(user.departments.all()),
        "roles": _role_labels(user.role_grants.values_list("role", flat=True)),
    }
    departments, roles = list(departments), sorted(set(roles))
    user.full_name, user.email = full_name, email
    user.save(update_fields=["full_name", "email"])
    user.departments.set(departments)
    RoleGrant.objects.filter(user=user).exclude(role__in=roles).delete()
    held = set(RoleGrant.objects.filter(user=user).values_list("role", flat=True))
    RoleGrant.objects.bulk_create(RoleGrant(user=user, role=r) for r in roles if r not in held)
    after = {
        "full_name": full_name,
        "email": email,
        "departments": _department_names(departments),
        "roles": _role_labels(roles),
    }
    record_changed(user, [(f, before[f], after[f]) for f in before], by=by)
    user.__dict__.pop("roles", None)
    user.__dict__.pop("department_ids", None)
    return user


@transaction.atomic
def do_set_user_active(user: User, active: bool, *, by) -> User:
    """Return `user` activated or deactivated. Accounts are never deleted, so history keeps names."""
    if user.is_active != active:
        record_changed(user, [("is_active", user.is_active, active)], by=by)
        user.is_active = active
        user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def do_unlock_user(user: User, *, by) -> int:
    """Return how many failed-login records were cleared to unlock `user`."""
    cleared = axes_reset(username=user.username)
    if cleared:
        record_changed(user, [("locked", True, False)], by=by)
    return cleared


class _OnePersonResetForm(PasswordResetForm):
    """Django's reset form finds every account with the address; this one mails one person."""

    def __init__(self, user: User):
        super().__init__({"email": user.email})
        self.user = user

    def get_users(self, email):
        if self.user.is_active and self.user.has_usable_password():
            yield self.user


def do_send_password_link(user: User, *, request, invitation: bool = False) -> None:
    """E-mail `user`, and only `user`, a link to set a new password (after the transaction
    commits); another account with the same address gets nothing."""
    if not user.email:
        return
    template = (
        "registration/invitation_email" if invitation else "registration/password_reset_email"
    )
    form = _OnePersonResetForm(user)
    if form.is_valid():
        transaction.on_commit(
            lambda: form.save(
                request=request,
                subject_template_name=f"{template}_subject.txt",
                email_template_name=f"{template}.txt",
                use_https=request.is_secure(),
            )
        )
