"""Signing in to one's own account must not wipe the failures at someone else's; colleagues
behind one address (an office's NAT) must not lock one another out."""

import pytest
from django.test import Client
from django.urls import reverse

from workplan.accounts.tests.factories import make_user

pytestmark = pytest.mark.django_db

OFFICE = "10.0.0.1"


def sign_in(client, username, password, address=OFFICE):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_attacker_signing_in_to_their_own_account_between_guesses_is_still_locked_out(
    client, admin_user, outsider
):
    answers = []
    for _ in range(5):
        answers += [sign_in(client, "admin", f"guess-{n}").status_code for n in range(4)]
        sign_in(client, "outsider", "pw-outsider-1")
    assert answers[:4] == [200] * 4
    assert answers[4] == 429  # the fifth wrong guess at admin, despite the good login between
    assert set(answers[5:]) == {429}
    assert sign_in(Client(), "admin", "pw-admin-1").status_code == 429


def test_the_attackers_good_login_leaves_the_failures_at_other_accounts_in_place(
    client, admin_user, outsider
):
    for _ in range(4):
        sign_in(client, "admin", "guess")
    assert sign_in(client, "outsider", "pw-outsider-1").status_code == 302
    assert sign_in(client, "admin", "guess").status_code == 429


def test_a_good_login_clears_the_owners_own_failures_at_that_address(client, liaison):
    for _ in range(4):
        sign_in(client, "liaison", "typo")
    assert sign_in(client, "liaison", "pw-liaison-1").status_code == 302
    for _ in range(4):
        assert sign_in(client, "liaison", "typo").status_code == 200


def test_wrong_passwords_from_one_address_do_not_stop_the_right_one_from_another(client, liaison):
    for _ in range(5):
        sign_in(client, "liaison", "wrong", address="192.0.2.7")
    assert sign_in(Client(), "liaison", "pw-liaison-1", address="10.0.0.2").status_code == 302


def test_colleague_behind_the_same_address_signs_in_while_another_is_locked(liaison, head):
    for _ in range(5):
        sign_in(Client(), "liaison", "wrong")
    assert sign_in(Client(), "liaison", "pw-liaison-1").status_code == 429
    assert sign_in(Client(), "head", "pw-head-1").status_code == 302


def test_a_whole_office_mistyping_its_passwords_does_not_lock_a_colleague(
    department, head, liaison
):

    staff = [make_user(f"staff{n}", departments=[department]) for n in range(8)]
    for person in staff:
        for _ in range(3):
            assert sign_in(Client(), person.username, "typo").status_code == 200
    assert sign_in(Client(), "head", "pw-head-1").status_code == 302
    assert sign_in(Client(), "staff0", "pw-staff0-1").status_code == 302
