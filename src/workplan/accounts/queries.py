"""Reads for sign-in and the account pages."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils.crypto import constant_time_compare

from workplan.accounts.lockout import Failure, Rules, Verdict, decide, login_key
from workplan.accounts.models import DeviceToken, LoginFailure, RoleGrant, User
from workplan.org.models import Department


def login_rules() -> Rules:
    """Return the lock-out figures from the settings."""
    return Rules(
        pair_limit=settings.WORKPLAN_LOGIN_FAILURE_LIMIT,
        lock=timedelta(minutes=settings.WORKPLAN_LOCKOUT_MINUTES),
        account_free=settings.WORKPLAN_ACCOUNT_FAILURES_BEFORE_DELAY,
        address_free=settings.WORKPLAN_ADDRESS_FAILURES_BEFORE_DELAY,
        longest_wait=timedelta(seconds=settings.WORKPLAN_LONGEST_LOGIN_DELAY_SECONDS),
    )


def device_token(token: str, username: str, *, now: datetime) -> DeviceToken | None:
    """Return the device token the browser presents if it is valid for signing in as
    `username` now; a forged, expired, revoked or other account's token is None (no token)."""
    if not token or len(token) > 100:
        return None
    device = (
        DeviceToken.objects.select_related("user")
        .filter(token_hash=DeviceToken.digest(token), last_used__gt=now - DeviceToken.LIFETIME)
        .first()
    )
    if (
        device is None
        or not device.user.is_active
        or login_key(device.user.get_username()) != login_key(username)
        or not constant_time_compare(device.password_stamp, DeviceToken.stamp(device.user))
    ):
        return None
    return device


def device_failure_times(device: DeviceToken, *, now: datetime) -> list[datetime]:
    """Return when the wrong passwords made with `device` within the lock time were made."""
    since = now - login_rules().lock
    return list(device.failures.filter(at__gt=since).values_list("at", flat=True))


def login_verdict(
    username: str, address: str, *, now: datetime, device: DeviceToken | None
) -> Verdict:
    """Return whether a sign-in as `username` from `address`, with the browser's valid
    device token for that account if it has one, may be checked now."""
    rules = login_rules()
    # A lock in force was caused within the lock time, by failures within the lock time before it.
    since = now - 2 * rules.lock
    rows = LoginFailure.objects.filter(
        Q(username=login_key(username)) | Q(address=address), at__gt=since, device=None
    ).values_list("username", "address", "at")
    return decide(
        [Failure(*row) for row in rows],
        username=username,
        address=address,
        now=now,
        rules=rules,
        device_failures=None if device is None else device_failure_times(device, now=now),
    )


def accounts_by_login_key(keys: set[str]) -> dict[str, User]:
    """Return the accounts whose login names sign in under `keys` (see lockout.login_key),
    by key. Compared in Python: the database knows neither NFKC nor casefolding."""
    names = User.objects.values_list("pk", "username")
    pks = {pk: login_key(name) for pk, name in names if login_key(name) in keys}
    return {pks[user.pk]: user for user in User.objects.filter(pk__in=pks)}


def account_named(username: str) -> User | None:
    """Return the account `username` signs in as, or would clash with, if there is one."""
    key = login_key(username)
    return accounts_by_login_key({key}).get(key)


def users_for_admin() -> QuerySet[User]:
    """Return every account, active ones first, with its departments and roles fetched."""
    return User.objects.prefetch_related(
        Prefetch("departments", queryset=Department.objects.order_by("name")),
        Prefetch("role_grants", queryset=RoleGrant.objects.order_by("role")),
    ).order_by("-is_active", "username")
