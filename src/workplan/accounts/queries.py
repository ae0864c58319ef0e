"""Reads for sign-in."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q

from workplan.accounts.lockout import Failure, Rules, Verdict, decide, login_key
from workplan.accounts.models import LoginFailure


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
