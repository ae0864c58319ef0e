"""A 督办通知 with a bad department, deadline or requirement is refused, naming the field."""

import pytest
from django.urls import reverse

from workplan.supervision.models import Notice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]


def issue(client, task, department, **values):
    client.cookies["django_language"] = "en"
    data = {"department": department, "requirement": "请报送课程建设方案。", **values}
    return client.post(reverse("supervision:notice-issue", args=[task.pk]), data, follow=True)


def test_a_reply_deadline_in_the_past_is_refused(client, task, supervisor, department):
    client.force_login(supervisor)
    page = issue(client, task, department.pk, reply_due="2020-01-01").content.decode()
    assert "Reply by: 2020-01-01 has passed; choose today or a later day." in page
    assert not Notice.objects.exists()


def test_the_refusal_in_chinese_names_the_reply_deadline_once(client, task, supervisor, department):
    client.force_login(supervisor)
    data = {"department": department.pk, "requirement": "请报送。", "reply_due": "2020-01-01"}
    url = reverse("supervision:notice-issue", args=[task.pk])
    page = client.post(url, data, follow=True).content.decode()
    assert "回复期限：2020-01-01 已过；请选择今天或以后的日期。" in page
    assert "回复期限：回复期限" not in page


def test_an_impossible_reply_deadline_is_refused_not_dropped(client, task, supervisor, department):
    client.force_login(supervisor)
    page = issue(client, task, department.pk, reply_due="2026-02-30").content.decode()
    assert "Reply by: Enter a valid date." in page
    assert not Notice.objects.exists()


def test_a_requirement_over_2000_characters_is_refused(client, task, supervisor, department):
    client.force_login(supervisor)
    page = issue(client, task, department.pk, requirement="要" * 50_000).content.decode()
    assert "Requirement: At most 2000 characters are allowed here; this text has 50000." in page
    assert not Notice.objects.exists()


@pytest.mark.parametrize("value", ["abc", "²", "1.5", ""])
def test_a_department_that_is_not_an_id_is_a_form_error(client, task, supervisor, value):
    client.force_login(supervisor)
    response = issue(client, task, value)
    assert response.status_code == 200
    assert "Department: " in response.content.decode()
    assert not Notice.objects.exists()


def test_a_notice_due_today_is_sent(client, task, supervisor, department):
    client.force_login(supervisor)
    issue(client, task, department.pk, reply_due="2024-06-20")
    assert Notice.objects.get().reply_due.isoformat() == "2024-06-20"
