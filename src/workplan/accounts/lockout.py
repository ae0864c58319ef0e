"""The sign-in lock-out rules: plain data in, a verdict out (no database, no clock of its own).

- A (login name, address) pair is locked after `pair_limit` wrong passwords within `lock`; the
  lock ends `lock` after the failure that caused it. Attempts while locked are refused without
  checking the password and are not recorded, so they cannot extend it.
- A login name is never locked as a whole: once it has had more than `account_free` wrong
  passwords within `lock` (from anywhere), every further attempt must wait 2, 4, 8 … seconds
  (at most `longest_wait`) after the latest one. Nobody can lock a colleague out.
- An address is slowed the same way once more than `address_free` wrong passwords came from it
  within `lock`, whatever the accounts: generous, because a whole office may share one address.
- A browser presenting a valid device token for the account (one issued when that account
  signed in there: OWASP's device cookies) is judged on that token's own wrong passwords only:
  neither the pair lock nor the waits apply to it, so guesses from elsewhere, even from the same
  address, cannot keep the owner out. Its wrong passwords count against the token alone; the
  `pair_limit`-th within `lock` spends it (the caller deletes it), and the browser is then
  judged like any other.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Failure:
    """One wrong password: for which login name, from which address, when."""

    username: str
    address: str
    at: datetime


@dataclass(frozen=True)
class Rules:
    pair_limit: int
    lock: timedelta
    account_free: int
    address_free: int
    longest_wait: timedelta


@dataclass(frozen=True)
class Verdict:
    """Whether an attempt may be checked now: refused while `locked_until` is set or
    `wait_seconds` is positive; `reason` says whose failures made it wait."""

    locked_until: datetime | None = None
    wait_seconds: int = 0
    reason: str = ""

    @property
    def allowed(self) -> bool:
        return self.locked_until is None and self.wait_seconds <= 0


def login_key(username: str) -> str:
    """Return the one form of a login name that failures are counted and names compared under.

    The sign-in form normalises what is typed with NFKC (Django's UsernameField), so `ａｄｍｉｎ`
    and `𝒂𝒅𝒎𝒊𝒏` sign in as `admin`; names are also unique without case. The second NFKC makes
    the key stable: casefolding can undo a normalisation, and a key must map to itself."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", username).casefold())
    return folded.strip()[:150]


def pair_locked_until(times: Iterable[datetime], *, now: datetime, rules: Rules) -> datetime | None:
    """Return when the pair's lock ends, or None if it is not locked at `now`."""
    counted: list[datetime] = []
    until = None
    for at in sorted(times):
        if until is not None and at < until:
            continue  # a failure recorded during the lock (two requests at once) is ignored
        counted.append(at)
        recent = [t for t in counted if t > at - rules.lock]
        if len(recent) >= rules.pair_limit:
            until = at + rules.lock
    return until if until is not None and now < until else None


def wait_after(times: Iterable[datetime], *, free: int, now: datetime, rules: Rules) -> int:
    """Return the seconds still to wait after failures beyond `free` within the lock time."""
    recent = sorted(t for t in times if now - rules.lock < t <= now)
    beyond = len(recent) - free
    if beyond <= 0:
        return 0
    wait = min(2.0 ** min(beyond, 32), rules.longest_wait.total_seconds())
    return max(0, math.ceil((recent[-1] + timedelta(seconds=wait) - now).total_seconds()))


def device_spent(times: Iterable[datetime], *, now: datetime, rules: Rules) -> bool:
    """Return whether a device token has had `pair_limit` wrong passwords within the lock time."""
    return sum(1 for t in times if now - rules.lock < t <= now) >= rules.pair_limit


def decide(
    failures: Iterable[Failure],
    *,
    username: str,
    address: str,
    now: datetime,
    rules: Rules,
    device_failures: Iterable[datetime] | None = None,
) -> Verdict:
    """Return whether a sign-in as `username` from `address` may be checked at `now`.

    `failures` are those made without a device token; `device_failures` are the times of the
    wrong passwords made with the valid device token presented for this account, None without
    one."""
    if device_failures is not None and not device_spent(device_failures, now=now, rules=rules):
        return Verdict()
    key = login_key(username)
    failures = list(failures)
    pair = [f.at for f in failures if login_key(f.username) == key and f.address == address]
    until = pair_locked_until(pair, now=now, rules=rules)
    if until is not None:
        return Verdict(locked_until=until, reason="pair")
    account = [f.at for f in failures if login_key(f.username) == key]
    wait = wait_after(account, free=rules.account_free, now=now, rules=rules)
    if wait:
        return Verdict(wait_seconds=wait, reason="account")
    from_address = [f.at for f in failures if f.address == address]
    wait = wait_after(from_address, free=rules.address_free, now=now, rules=rules)
    if wait:
        return Verdict(wait_seconds=wait, reason="address")
    return Verdict()
