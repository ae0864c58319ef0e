"""Every change to accounts: one transaction each, with its audit record."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.contrib.auth.forms import PasswordResetForm
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils.translation import gettext as _

from workplan.accounts.importing import AccountRow
from workplan.accounts.lockout import device_spent, login_key
from workplan.accounts.models import DeviceToken, LoginFailure, RoleGrant, User, UserSession
from workplan.accounts.queries import (
    account_named,
    accounts_by_login_key,
    device_failure_times,
    login_rules,
)
from workplan.audit.records import record_changed, record_created
from workplan.core.roles import Role
from workplan.org.models import Department


class AccountRefused(Exception):
    """The account would sign in as another: their login names differ at most in case or in
    full-width and similar look-alike letters."""


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
    """Return a new account; AccountRefused if its login name would sign in as another's
    (differing in case, or full-width letters for plain ones: lockout.login_key). Without a password it gets an unguessable one: the person sets their own through the
    e-mailed link."""
    username = User.normalize_username(username)  # as the sign-in form will read it
    clash = account_named(username)
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
    """Return `user` activated or deactivated. Accounts are never deleted, so history keeps names.
    Deactivating ends the user's sessions and forgets their browsers: reactivating the account
    later does not bring either back."""
    if user.is_active != active:
        record_changed(user, [("is_active", user.is_active, active)], by=by)
        user.is_active = active
        user.save(update_fields=["is_active"])
    if not active:
        do_end_sessions(user)
        DeviceToken.objects.filter(user=user).delete()
    return user


def do_track_session(user: User, session_key: str | None) -> None:
    """Note that the session `session_key` (just signed in) belongs to `user`."""
    if session_key and Session.objects.filter(pk=session_key).exists():
        UserSession.objects.update_or_create(session_id=session_key, defaults={"user": user})


def track_signed_in_session(sender, request, user, **kwargs) -> None:
    """Receive Django's user_logged_in signal (connected in AccountsConfig.ready)."""
    do_track_session(user, request.session.session_key)


def do_end_sessions(user: User) -> int:
    """Return how many of `user`'s sessions were deleted (those signed in since sessions were
    tracked at sign-in: UserSession)."""
    mine = UserSession.objects.filter(user=user).values("session_id")
    deleted, _counts = Session.objects.filter(pk__in=mine).delete()
    return deleted


# Failures are kept a day for whoever investigates an attack; the rules read only the last hour.
LOGIN_FAILURES_KEPT = timedelta(days=1)


@transaction.atomic
def do_record_login_failure(
    username: str, address: str, *, at: datetime, device: DeviceToken | None = None
) -> bool:
    """Record one wrong password for `username` from `address` (with the browser's valid
    `device` token, if any), dropping expired ones; return whether it spent the token, which
    is then deleted: a stolen token gives at most as many guesses as the lock-out limit."""
    LoginFailure.objects.filter(at__lt=at - LOGIN_FAILURES_KEPT).delete()
    LoginFailure.objects.create(username=login_key(username), address=address, at=at, device=device)
    if device is None or not device_spent(
        device_failure_times(device, now=at), now=at, rules=login_rules()
    ):
        return False
    device.delete()
    return True


def do_forget_login_failures(user: User, address: str) -> None:
    """Forget the wrong passwords for `user` from `address` after they signed in from there
    without a device token; those at other accounts, at this account from other addresses,
    and those made with device tokens stay counted."""
    LoginFailure.objects.filter(
        username=login_key(user.get_username()), address=address, device=None
    ).delete()


@transaction.atomic
def do_remember_device(user: User, device: DeviceToken | None, *, at: datetime) -> str | None:
    """Remember the browser `user` just signed in with: return a new random token for its
    cookie, or None when it already holds the valid `device`, whose wrong passwords are then
    forgotten. Drops tokens unused for their lifetime and the user's oldest beyond a few."""
    DeviceToken.objects.filter(last_used__lte=at - DeviceToken.LIFETIME).delete()
    if device is not None:
        device.failures.all().delete()
        device.last_used = at
        device.save(update_fields=["last_used"])
        return None
    token = secrets.token_urlsafe(32)
    DeviceToken.objects.create(
        user=user,
        token_hash=DeviceToken.digest(token),
        password_stamp=DeviceToken.stamp(user),
        created=at,
        last_used=at,
    )
    kept = DeviceToken.objects.filter(user=user).order_by("-last_used", "-pk")
    stale = kept.values_list("pk", flat=True)[DeviceToken.KEPT_PER_USER :]
    DeviceToken.objects.filter(pk__in=list(stale)).delete()
    return token


@transaction.atomic
def do_clear_login_failures(*, username: str | None = None, address: str | None = None, by) -> int:
    """Return how many wrong-password records were cleared for `username`, `address`, or (with
    neither) everyone, recording for each account concerned that it was unlocked."""
    failures = LoginFailure.objects.all()
    if username is not None:
        failures = failures.filter(username=login_key(username))
    if address is not None:
        failures = failures.filter(address=address)
    names = set(failures.values_list("username", flat=True))
    cleared, _counts = failures.delete()
    accounts = accounts_by_login_key(names)
    for name in sorted(accounts):
        record_changed(accounts[name], [("locked", True, False)], by=by)
    return cleared


def do_unlock_user(user: User, *, by) -> int:
    """Return how many failed-login records were cleared to unlock `user` at every address."""
    return do_clear_login_failures(username=user.get_username(), by=by)


@transaction.atomic
def do_reset_password(user: User, password: str) -> User:
    """Return `user` with the new password they set from the e-mailed link, which also unlocks
    them (the link proved the mailbox is theirs) and forgets the browsers they signed in with.
    The new password ends their other sessions (Django checks each against the password's hash)."""
    user.set_password(password)
    user.save()
    cleared, _counts = LoginFailure.objects.filter(
        username=login_key(user.get_username()), device=None
    ).delete()
    DeviceToken.objects.filter(user=user).delete()  # with their failures
    changes = [("password", "", _("(reset by e-mail link)"))]
    if cleared:
        changes.append(("locked", True, False))
    record_changed(user, changes, by=user)
    return user


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


@transaction.atomic
def do_import_accounts(rows: Iterable[AccountRow], *, by, request) -> list[User]:
    """Return the accounts made from an account sheet's rows, all of them or none (AccountRefused
    if one clashes with an account made since the sheet was read); each with an e-mail address
    is sent a link to set a password once they are saved."""
    users = []
    for row in rows:
        user = do_create_user(
            username=row.username,
            full_name=row.full_name,
            email=row.email,
            departments=row.departments,
            roles=row.roles,
            by=by,
        )
        do_send_password_link(user, request=request, invitation=True)
        users.append(user)
    return users
