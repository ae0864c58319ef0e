"""Repeated wrong passwords lock the account; the right one is refused until it is unlocked."""

import pytest
from django.conf import settings
from django.urls import reverse

from workplan.audit.models import AuditRecord

pytestmark = pytest.mark.django_db


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_account_locks_after_the_failure_limit_and_refuses_the_right_password(client, liaison):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "liaison", "wrong").status_code == 200
    locked = sign_in(client, "liaison", "wrong")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "账户已被锁定" in page or "已被锁定" in page
    assert "系统管理员" in page
    # From another address too: the account itself is locked.
    refused = sign_in(client, "liaison", "pw-liaison-1", address="10.0.0.2")
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session


def test_address_locks_after_failures_on_many_accounts(client, liaison, head):
    for name in ["a", "b", "c", "d", "e"][: settings.AXES_FAILURE_LIMIT]:
        sign_in(client, name, "wrong", address="10.9.9.9")
    assert sign_in(client, "head", "pw-head-1", address="10.9.9.9").status_code == 429
    assert sign_in(client, "head", "pw-head-1", address="10.9.9.8").status_code == 302


def test_administrator_unlocks_and_the_right_password_works_again(client, liaison, admin_user):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "liaison", "wrong", address="10.0.0.3")
    admin_client = client.__class__()
    admin_client.force_login(admin_user)
    response = admin_client.post(reverse("accounts:user-unlock", args=[liaison.pk]), follow=True)
    assert "已解锁" in response.content.decode()
    [record] = AuditRecord.objects.filter(actor=admin_user, object_id=str(liaison.pk))
    assert record.changes == [{"field": "locked", "before": True, "after": False}]
    assert sign_in(client, "liaison", "pw-liaison-1", address="10.0.0.4").status_code == 302


def test_a_wrong_password_says_so_in_chinese(client, liaison):
    page = sign_in(client, "liaison", "wrong").content.decode()
    assert "用户名和密码不匹配" in page or "不匹配" in page
