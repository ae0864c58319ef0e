"""An account's e-mail address and login name belong to it alone, whatever the case."""

import pytest
from django.urls import reverse

from workplan.accounts.actions import AccountRefused
from workplan.accounts.tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_administrator_cannot_give_an_account_anothers_email(client, admin_user, liaison):
    client.force_login(admin_user)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("accounts:user-edit", args=[liaison.pk]),
        {"full_name": "陈老师", "email": "Admin@Example.edu.cn", "roles": ["liaison"]},
    )
    assert response.status_code == 200
    assert "is already the e-mail address of the account “admin”" in response.content.decode()
    liaison.refresh_from_db()
    assert liaison.email == "liaison@example.edu.cn"


def test_an_account_keeps_its_own_email_when_saved(client, admin_user, liaison):
    client.force_login(admin_user)
    response = client.post(
        reverse("accounts:user-edit", args=[liaison.pk]),
        {"full_name": "陈老师", "email": "LIAISON@example.edu.cn", "roles": ["liaison"]},
    )
    assert response.status_code == 302


def test_a_login_name_differing_only_in_case_is_refused(liaison):
    with pytest.raises(AccountRefused, match="“liaison”"):
        make_user("Liaison")
