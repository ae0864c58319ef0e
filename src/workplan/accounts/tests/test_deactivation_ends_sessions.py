"""Deactivating an account ends its sessions and forgets its browsers for good: reactivating
it later does not bring an old session cookie or device token back to life."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from workplan.accounts.models import DeviceToken

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    assert client.get(reverse("plans:plan-list")).status_code == 200
    return client


def set_active(admin_user, person, active: bool):
    admin = Client()
    admin.force_login(admin_user)
    name = "accounts:user-reactivate" if active else "accounts:user-deactivate"
    assert admin.post(reverse(name, args=[person.pk])).status_code == 302


def test_deactivated_users_session_is_sent_to_the_sign_in_page(admin_user, liaison):
    old = signed_in(liaison)
    set_active(admin_user, liaison, False)
    assert old.get(reverse("plans:plan-list"))["Location"].startswith(reverse("login"))


def test_reactivated_user_must_sign_in_again(admin_user, liaison):
    old = signed_in(liaison)
    set_active(admin_user, liaison, False)
    set_active(admin_user, liaison, True)
    assert old.get(reverse("plans:plan-list"))["Location"].startswith(reverse("login"))


def test_deactivation_deletes_only_that_users_sessions(admin_user, liaison, head):
    signed_in(liaison), signed_in(liaison)
    colleague = signed_in(head)
    before = Session.objects.count()
    set_active(admin_user, liaison, False)
    assert Session.objects.count() == before - 2 + 1  # the administrator's own session
    assert colleague.get(reverse("plans:plan-list")).status_code == 200


def test_deactivation_forgets_the_users_browsers(admin_user, liaison):
    browser = Client()
    browser.post(reverse("login"), {"username": "liaison", "password": "pw-liaison-1"})
    assert DeviceToken.objects.filter(user=liaison).exists()
    set_active(admin_user, liaison, False)
    set_active(admin_user, liaison, True)
    assert not DeviceToken.objects.filter(user=liaison).exists()
    for _ in range(5):
        Client().post(reverse("login"), {"username": "liaison", "password": "wrong"})
    again = browser.post(reverse("login"), {"username": "liaison", "password": "pw-liaison-1"})
    assert again.status_code == 429
