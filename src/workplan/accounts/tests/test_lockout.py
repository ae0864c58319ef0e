"""Repeated wrong passwords from one address lock that account at that address; the right
password is refused there until the lock ends or an administrator unlocks it."""

import pytest
from django.conf import settings
from django.urls import reverse

from workplan.audit.models import AuditRecord

pytestmark = pytest.mark.django_db


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_account_locks_at_the_address_after_the_failure_limit_and_refuses_the_right_password(
    client, liaison
):
    for _ in range(settings.WORKPLAN_LOGIN_FAILURE_LIMIT - 1):
        assert sign_in(client, "liaison", "wrong").status_code == 200
    locked = sign_in(client, "liaison", "wrong")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "已被锁定" in page
    assert "系统管理员" in page
    assert "30 分钟" in page
    refused = sign_in(client, "liaison", "pw-liaison-1")
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_owner_signs_in_from_another_address_while_the_attackers_address_is_locked(
    client, liaison
):
    for _ in range(settings.WORKPLAN_LOGIN_FAILURE_LIMIT):
        sign_in(client, "liaison", "wrong", address="10.6.6.6")
    assert sign_in(client, "liaison", "pw-liaison-1", address="10.0.0.2").status_code == 302
    assert client.session["_auth_user_id"] == str(liaison.pk)


def test_administrator_unlocks_and_the_right_password_works_again(client, liaison, admin_user):
    for _ in range(settings.WORKPLAN_LOGIN_FAILURE_LIMIT):
        sign_in(client, "liaison", "wrong", address="10.0.0.3")
    admin_client = client.__class__()
    admin_client.force_login(admin_user)
    response = admin_client.post(reverse("accounts:user-unlock", args=[liaison.pk]), follow=True)
    assert "已解锁" in response.content.decode()
    [record] = AuditRecord.objects.filter(actor=admin_user, object_id=str(liaison.pk))
    assert record.changes == [{"field": "locked", "before": True, "after": False}]
    assert sign_in(client, "liaison", "pw-liaison-1", address="10.0.0.3").status_code == 302


def test_administrator_unlocking_an_account_that_is_not_locked_is_told_so(
    client, liaison, admin_user
):
    client.force_login(admin_user)
    response = client.post(reverse("accounts:user-unlock", args=[liaison.pk]), follow=True)
    assert "未被锁定" in response.content.decode()
    assert not AuditRecord.objects.filter(actor=admin_user, object_id=str(liaison.pk)).exists()


def test_a_wrong_password_says_so_in_chinese(client, liaison):
    page = sign_in(client, "liaison", "wrong").content.decode()
    assert "不匹配" in page


def test_the_admin_sites_sign_in_page_is_the_one_with_the_lock_out(client, liaison):
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "liaison", "password": "wrong"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("login") + "?next=/admin/"
    assert "_auth_user_id" not in client.session
