"""签收: a 督办单 is signed for by its department's liaison or head, who and when kept and
audited; nobody else sees it to sign, read-only roles are refused, and a reply signs for it."""

import pytest
from django.urls import reverse

from workplan.audit.models import AuditRecord
from workplan.supervision.actions import do_issue_notice
from workplan.supervision.models import Notice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]


@pytest.fixture
def order(task, department, supervisor):
    return do_issue_notice(task, department, "请报送课程建设方案。", None, by=supervisor)


def sign(client, user, order):
    client.force_login(user)
    return client.post(reverse("supervision:notice-sign", args=[order.pk]), follow=True)


def test_liaison_signs_for_the_notice_and_the_page_says_who_and_when(client, liaison, order):
    page = sign(client, liaison, order).content.decode()
    order.refresh_from_db()
    assert (order.state, order.signed_by) == (Notice.State.SIGNED, liaison)
    assert "您已签收督字〔2024〕第1号。" in page
    assert "已签收" in page and "2024-06-20 10:00" in page
    record = AuditRecord.objects.filter(
        object_type="supervision.notice", object_id=str(order.pk)
    ).latest("id")
    assert record.actor == liaison
    assert {"field": "state", "before": "open", "after": "signed"} in record.changes
    assert {"field": "signed_by", "before": None, "after": "liaison"} in record.changes


def test_the_head_may_sign_too(client, head, order):
    sign(client, head, order)
    assert Notice.objects.get().signed_by == head


def test_another_department_gets_404(client, outsider, order):
    assert sign(client, outsider, order).status_code == 404
    assert Notice.objects.get().state == Notice.State.OPEN


@pytest.mark.parametrize("role", ["leader", "auditor", "supervisor", "admin_user"])
def test_read_only_roles_get_403(client, request, order, role):
    assert sign(client, request.getfixturevalue(role), order).status_code == 403
    assert Notice.objects.get().signed_by is None


def test_signing_twice_says_it_is_signed_already(client, liaison, head, order):
    sign(client, liaison, order)
    page = sign(client, head, order).content.decode()
    assert "该督办单已是“已签收”状态。" in page
    assert Notice.objects.get().signed_by == liaison


def test_signing_needs_post(client, liaison, order):
    client.force_login(liaison)
    assert client.get(reverse("supervision:notice-sign", args=[order.pk])).status_code == 405


def test_a_reply_before_signing_signs_for_it(client, liaison, order):
    client.force_login(liaison)
    client.post(reverse("supervision:notice-reply", args=[order.pk]), {"reply": "已报送。"})
    order.refresh_from_db()
    assert (order.state, order.signed_by, order.replied_by) == ("replied", liaison, liaison)


def test_the_department_page_of_the_notice_offers_signing(client, liaison, order):
    client.force_login(liaison)
    page = client.get(reverse("supervision:notice", args=[order.pk])).content.decode()
    assert "督字〔2024〕第1号" in page and "签收" in page and "已发出" in page
