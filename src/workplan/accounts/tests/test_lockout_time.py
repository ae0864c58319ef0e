"""With a frozen clock: a lock ends a fixed time after the failure that caused it, whatever is
tried meanwhile; an account guessed at from many addresses is slowed, never locked."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_attempts_during_a_lock_do_not_extend_it(client, liaison, settings):
    settings.WORKPLAN_LOCKOUT_MINUTES = 1
    with time_machine.travel(START, tick=False) as clock:
        for _ in range(5):
            sign_in(client, "liaison", "wrong")
        for _ in range(5):  # a minute of tries, the right password among them
            clock.shift(timedelta(seconds=11))
            assert sign_in(client, "liaison", "pw-liaison-1").status_code == 429
        clock.shift(timedelta(seconds=5))  # 60 s after the fifth failure
        assert sign_in(client, "liaison", "pw-liaison-1").status_code == 302


def test_the_locked_page_says_when_the_lock_ends(client, liaison):
    with time_machine.travel(START, tick=False) as clock:
        for _ in range(5):
            sign_in(client, "liaison", "wrong")
        clock.shift(timedelta(minutes=20))
        page = sign_in(client, "liaison", "wrong").content.decode()
    assert "10 分钟" in page


def test_an_account_guessed_at_from_many_addresses_is_slowed_but_never_locked(liaison):
    with time_machine.travel(START, tick=False) as clock:
        for n in range(11):
            assert (
                sign_in(Client(), "liaison", "guess", address=f"198.51.100.{n}").status_code == 200
            )
        waits = []
        for n in range(11, 15):
            refused = sign_in(Client(), "liaison", "pw-liaison-1", address=f"198.51.100.{n}")
            assert refused.status_code == 429
            waits.append(int(refused["Retry-After"]))
            clock.shift(timedelta(seconds=waits[-1]))
            assert (
                sign_in(Client(), "liaison", "guess", address=f"198.51.100.{n}").status_code == 200
            )
        assert waits == [2, 4, 8, 16]
        clock.shift(timedelta(seconds=32))
        assert sign_in(Client(), "liaison", "pw-liaison-1", address="10.0.0.9").status_code == 302


def test_the_wait_is_explained_in_chinese_with_its_seconds(liaison):
    with time_machine.travel(START, tick=False):
        for n in range(11):
            sign_in(Client(), "liaison", "guess", address=f"198.51.100.{n}")
        refused = sign_in(Client(), "liaison", "guess", address="198.51.100.99")
    page = refused.content.decode()
    assert refused.status_code == 429
    assert "请在 2 秒后再试" in page


def test_the_owners_own_browser_is_not_slowed_by_guesses_from_elsewhere(client, liaison):
    with time_machine.travel(START, tick=False):
        assert sign_in(client, "liaison", "pw-liaison-1").status_code == 302
        for n in range(30):
            sign_in(Client(), "liaison", "guess", address=f"198.51.100.{n}")
        assert sign_in(Client(), "liaison", "pw-liaison-1").status_code == 429
        assert sign_in(client, "liaison", "pw-liaison-1").status_code == 302
