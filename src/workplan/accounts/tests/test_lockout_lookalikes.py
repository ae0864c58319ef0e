"""Django signs in `ａｄｍｉｎ` (full-width), `𝒂𝒅𝒎𝒊𝒏` (mathematical italic) and the like as
`admin` (NFKC): wrong guesses in those spellings count against `admin` too."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from workplan.accounts.actions import AccountRefused
from workplan.accounts.lockout import login_key
from workplan.accounts.models import User
from workplan.accounts.tests.factories import make_user
from workplan.accounts.tests.test_account_sheet import sheet, upload

pytestmark = pytest.mark.django_db

ATTACKER = "10.0.0.1"
SPELLINGS = ["ａｄｍｉｎ", "𝒂𝒅𝒎𝒊𝒏", "ａdmin", "ⓐdmin", "adｍiｎ"]


def sign_in(client, username, password, address=ATTACKER):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_a_lookalike_spelling_signs_in_as_the_account(admin_user):
    client = Client()
    assert sign_in(client, "𝒂𝒅𝒎𝒊𝒏", "pw-admin-1", address="10.0.0.9").status_code == 302
    assert client.session["_auth_user_id"] == str(admin_user.pk)


def test_attacker_guessing_in_five_lookalike_spellings_is_locked_for_every_spelling(admin_user):
    answers = [sign_in(Client(), name, "guess").status_code for name in SPELLINGS]
    assert answers == [200, 200, 200, 200, 429]
    for name in [*SPELLINGS, "admin", "Admin"]:
        assert sign_in(Client(), name, "pw-admin-1").status_code == 429, name


def test_attacker_spreading_lookalike_spellings_over_many_addresses_must_wait(admin_user):
    with time_machine.travel(datetime(2026, 3, 2, 1, 0, tzinfo=UTC), tick=False):
        for n in range(11):
            name = SPELLINGS[n % len(SPELLINGS)]
            assert sign_in(Client(), name, "guess", address=f"198.51.100.{n}").status_code == 200
        refused = sign_in(Client(), "admin", "pw-admin-1", address="198.51.100.99")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "2"


def test_failures_are_counted_under_the_name_the_sign_in_uses():
    assert {login_key(name) for name in [*SPELLINGS, " ADMIN ", "admin\u3000"]} == {"admin"}
    assert login_key("STRASSE") == login_key("straße")
    for name in ["ﬁ", "ǅ", "𝒂𝒅𝒎𝒊𝒏", "ΣΑΣ", "ᾼ"]:
        assert login_key(login_key(name)) == login_key(name)


def test_an_account_whose_name_signs_in_as_another_cannot_be_made(admin_user):
    with pytest.raises(AccountRefused):
        make_user("ａｄｍｉｎ")


def test_a_lookalike_name_in_an_account_list_is_refused(client, admin_user):
    client.force_login(admin_user)
    client.cookies["django_language"] = "en"
    response = upload(client, sheet(("冒名", "ａｄｍｉｎ", "", "", "")))
    assert response.status_code == 400
    assert "“ａｄｍｉｎ”" in response.content.decode()
    assert not User.objects.filter(username="ａｄｍｉｎ").exists()
