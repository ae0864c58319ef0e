"""A lock ends early when the owner sets a new password from the e-mailed link, or when an
administrator clears it from the command line; both are in the audit trail."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from workplan.audit.models import AuditRecord

pytestmark = pytest.mark.django_db


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def lock(username):
    for _ in range(5):
        sign_in(Client(), username, "wrong")
    assert sign_in(Client(), username, f"pw-{username}-1").status_code == 429


def test_owner_setting_a_new_password_from_the_link_is_unlocked(liaison):
    lock("liaison")
    client = Client()
    uid = urlsafe_base64_encode(force_bytes(liaison.pk))
    token = default_token_generator.make_token(liaison)
    form = client.get(reverse("password_reset_confirm", args=[uid, token]), follow=True)
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Qiu-Shi-2026!", "new_password2": "Qiu-Shi-2026!"},
        REMOTE_ADDR="10.0.0.1",
    )
    assert done.status_code == 302
    assert sign_in(Client(), "liaison", "Qiu-Shi-2026!").status_code == 302
    [record] = AuditRecord.objects.filter(object_id=str(liaison.pk), changes__0__field="password")
    assert {"field": "locked", "before": True, "after": False} in record.changes
    assert record.actor == liaison


def test_a_new_password_logs_out_the_accounts_other_sessions(liaison):
    elsewhere = Client()
    elsewhere.force_login(liaison)
    assert elsewhere.get(reverse("plans:plan-list")).status_code == 200
    client = Client()
    uid = urlsafe_base64_encode(force_bytes(liaison.pk))
    token = default_token_generator.make_token(liaison)
    form = client.get(reverse("password_reset_confirm", args=[uid, token]), follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Qiu-Shi-2026!", "new_password2": "Qiu-Shi-2026!"},
    )
    assert elsewhere.get(reverse("plans:plan-list"))["Location"].startswith(reverse("login"))


def test_administrator_unlocks_an_account_from_the_command_line(liaison, capsys):
    lock("liaison")
    call_command("unlock_sign_in", "--user", "liaison")
    assert "liaison" in capsys.readouterr().out
    assert sign_in(Client(), "liaison", "pw-liaison-1").status_code == 302
    [record] = AuditRecord.objects.filter(object_id=str(liaison.pk), changes__0__field="locked")
    assert record.actor is None


def test_administrator_clears_an_address_from_the_command_line(liaison, head):
    lock("liaison")
    lock("head")
    call_command("unlock_sign_in", "--address", "10.0.0.1")
    assert sign_in(Client(), "liaison", "pw-liaison-1").status_code == 302
    assert sign_in(Client(), "head", "pw-head-1").status_code == 302
    assert AuditRecord.objects.filter(changes__0__field="locked").count() == 2


def test_administrator_clears_every_lock_from_the_command_line(liaison):
    lock("liaison")
    call_command("unlock_sign_in", "--all")
    assert sign_in(Client(), "liaison", "pw-liaison-1").status_code == 302


def test_the_command_refuses_to_guess_what_to_clear():
    with pytest.raises(CommandError):
        call_command("unlock_sign_in")
