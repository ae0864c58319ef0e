"""Reads for sign-in."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q

from workplan.accounts.lockout import Failure, Rules, Verdict, decide, login_key
from workplan.accounts.models import LoginFailure, User


def login_rules() -> Rules:
    """Return the lock-out figures from the settings."""
    return Rules(
        pair_limit=settings.WORKPLAN_LOGIN_FAILURE_LIMIT,
        lock=timedelta(minutes=settings.WORKPLAN_LOCKOUT_MINUTES),
        account_free=settings.WORKPLAN_ACCOUNT_FAILURES_BEFORE_DELAY,
        address_free=settings.WORKPLAN_ADDRESS_FAILURES_BEFORE_DELAY,
        longest_wait=timedelta(seconds=settings.WORKPLAN_LONGEST_LOGIN_DELAY_SECONDS),
    )


def login_verdict(username: str, address: str, *, now: datetime, known_device: bool) -> Verdict:
    """Return whether a sign-in as `username` from `address` may be checked now."""
    rules = login_rules()
    # A lock in force was caused within the lock time, by failures within the lock time before it.
    since = now - 2 * rules.lock
    rows = LoginFailure.objects.filter(
        Q(username=login_key(username)) | Q(address=address), at__gt=since
    ).values_list("username", "address", "at")
    return decide(
        [Failure(*row) for row in rows],
        username=username,
        address=address,
        now=now,
        rules=rules,
        known_device=known_device,
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
