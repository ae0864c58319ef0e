"""The sign-in lock-out rules alone, on plain data with a fixed clock."""

from datetime import UTC, datetime, timedelta

from workplan.accounts.lockout import Failure, Rules, decide, device_spent, login_key

RULES = Rules(
    pair_limit=5,
    lock=timedelta(minutes=30),
    account_free=10,
    address_free=30,
    longest_wait=timedelta(minutes=5),
)
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def fails(username: str, address: str, *minutes: float) -> list[Failure]:
    return [Failure(username, address, at(m)) for m in minutes]


FIVE_PAST = at(5)


def verdict(failures, *, username="admin", address="10.0.0.1", now=FIVE_PAST, device=None):
    return decide(
        failures, username=username, address=address, now=now, rules=RULES, device_failures=device
    )


def test_four_wrong_passwords_do_not_lock():
    assert verdict(fails("admin", "10.0.0.1", 0, 1, 2, 3)).allowed


def test_the_fifth_locks_the_pair_for_the_lock_time_counted_from_it():
    result = verdict(fails("admin", "10.0.0.1", 0, 1, 2, 3, 4))
    assert not result.allowed
    assert result.locked_until == at(34)


def test_the_lock_ends_at_its_fixed_time():
    assert verdict(fails("admin", "10.0.0.1", 0, 1, 2, 3, 4), now=at(34)).allowed


def test_a_failure_recorded_during_the_lock_does_not_extend_it():
    failures = fails("admin", "10.0.0.1", 0, 1, 2, 3, 4, 20, 33)
    assert verdict(failures, now=at(33.5)).locked_until == at(34)
    assert verdict(failures, now=at(34)).allowed


def test_failures_spread_wider_than_the_lock_time_do_not_lock():
    assert verdict(fails("admin", "10.0.0.1", 0, 10, 20, 30, 40), now=at(41)).allowed


def test_a_locked_pair_does_not_concern_another_address():
    assert verdict(fails("admin", "10.0.0.1", 0, 1, 2, 3, 4), address="10.0.0.2").allowed


def test_a_locked_pair_does_not_concern_another_account_at_that_address():
    assert verdict(fails("admin", "10.0.0.1", 0, 1, 2, 3, 4), username="liaison").allowed


def test_login_names_are_compared_without_case():
    assert login_key(" Admin ") == login_key("admin")
    assert not verdict(fails("admin", "10.0.0.1", 0, 1, 2, 3, 4), username="ADMIN").allowed


def many_addresses(count: int, minute: float = 0) -> list[Failure]:
    return [Failure("admin", f"10.1.0.{i}", at(minute)) for i in range(count)]


def test_an_account_attacked_from_many_addresses_waits_longer_each_time_but_is_never_locked():
    waits = [
        verdict(many_addresses(n), address="10.2.0.1", now=at(0)).wait_seconds
        for n in (10, 11, 12, 13, 20, 200)
    ]
    assert waits == [0, 2, 4, 8, 300, 300]
    assert all(
        verdict(many_addresses(n), address="10.2.0.1", now=at(0)).locked_until is None
        for n in (11, 200)
    )


def test_the_wait_is_counted_from_the_latest_failure():
    failures = many_addresses(12)
    assert verdict(failures, now=T0 + timedelta(seconds=1)).wait_seconds == 3
    assert verdict(failures, now=T0 + timedelta(seconds=4)).allowed


def test_failures_older_than_the_lock_time_no_longer_slow_the_account():
    assert verdict(many_addresses(50, minute=0), now=at(31)).allowed


def test_a_browser_with_a_device_token_is_not_slowed():
    result = verdict(many_addresses(50), address="10.2.0.1", now=at(0), device=[])
    assert result.allowed


def test_a_browser_with_a_device_token_signs_in_at_a_locked_pair():
    failures = fails("admin", "10.0.0.1", 0, 1, 2, 3, 4)
    assert not verdict(failures).allowed
    assert verdict(failures, device=[at(1), at(2), at(3), at(4)]).allowed


def test_a_device_token_with_five_recent_failures_is_spent_and_judged_like_any_browser():
    spent = [at(0), at(1), at(2), at(3), at(4)]
    assert device_spent(spent, now=at(5), rules=RULES)
    assert verdict(fails("admin", "10.0.0.1", 0, 1, 2, 3, 4), device=spent).locked_until == at(34)
    assert verdict([], device=spent).allowed


def test_a_device_tokens_failures_older_than_the_lock_time_are_forgotten():
    assert not device_spent([at(0), at(1), at(2), at(3), at(4)], now=at(31), rules=RULES)


def test_colleagues_behind_one_address_do_not_slow_one_another():
    failures = [Failure(f"user{i}", "10.0.0.1", at(0)) for i in range(RULES.address_free)]
    assert verdict(failures, username="head", now=at(0)).allowed


def test_an_address_failing_on_many_accounts_is_slowed():
    failures = [Failure(f"user{i}", "10.0.0.1", at(0)) for i in range(RULES.address_free + 3)]
    result = verdict(failures, username="head", now=at(0))
    assert result.wait_seconds == 8
    assert result.reason == "address"
    assert result.locked_until is None
