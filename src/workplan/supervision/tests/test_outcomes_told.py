"""People hear the outcome of what they asked: the department of its 延期申请 (with the
leader's reason for refusing), the issuer of a notice's reply, the leader of an answer to a
批示, and whoever decides or closes sees it confirmed on the page."""

from datetime import date

import pytest
from django.urls import reverse

from workplan.notifications.models import Notification
from workplan.supervision.actions import do_give_instruction, do_issue_notice, do_request_extension
from workplan.supervision.models import ExtensionRequest

pytestmark = pytest.mark.django_db


def success_messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"] if m.level_tag == "success"]


@pytest.fixture
def extension(june_20, task, department, liaison):
    return do_request_extension(task, department, date(2024, 9, 30), "等待上级文件。", by=liaison)


@pytest.fixture
def notice(june_20, task, department, supervisor):
    return do_issue_notice(task, department, "请报送课程建设方案。", None, by=supervisor)


def decide(client, extension, **data):
    url = reverse("supervision:extension-decide", args=[extension.pk])
    return client.post(url, data, follow=True)


def test_leader_approving_sees_it_confirmed_and_the_department_is_told(
    client, leader, liaison, head, extension
):
    client.force_login(leader)
    response = decide(client, extension, decision="approve")
    assert any("2024-09-30" in m and "教务处" in m for m in success_messages(response))
    for person in (liaison, head):
        told = Notification.objects.get(user=person)
        assert told.values == {"code": extension.task.code, "date": "2024-09-30"}
        assert told.url == f"/tasks/{extension.task_id}/"


def test_refusal_reason_is_kept_shown_with_the_request_and_sent(client, leader, liaison, extension):
    client.force_login(leader)
    response = decide(client, extension, decision="refuse", reason="请在本年度内完成。")
    extension.refresh_from_db()
    assert (extension.state, extension.decision_reason) == ("refused", "请在本年度内完成。")
    assert success_messages(response)
    assert "请在本年度内完成。" in response.content.decode()  # on the task page, with the request
    assert "请在本年度内完成。" in Notification.objects.get(user=liaison).shown_text


def test_refusing_without_a_reason_still_tells_the_department(client, leader, liaison, extension):
    client.force_login(leader)
    decide(client, extension, decision="refuse")
    assert ExtensionRequest.objects.get().state == "refused"
    assert Notification.objects.get(user=liaison).values == {"code": extension.task.code}


def test_a_decision_that_is_neither_is_refused(client, leader, liaison, extension):
    client.force_login(leader)
    decide(client, extension, decision="maybe")
    assert ExtensionRequest.objects.get().state == "pending"
    assert not Notification.objects.filter(user=liaison).exists()


def test_issuer_is_told_of_the_reply(client, supervisor, liaison, notice):
    client.force_login(liaison)
    client.post(reverse("supervision:notice-reply", args=[notice.pk]), {"reply": "方案已报送。"})
    told = Notification.objects.get(user=supervisor)
    assert "方案已报送。" in told.shown_text and told.url == f"/supervision/notices/{notice.pk}/"


def test_leader_is_told_of_the_answer(client, leader, liaison, task):
    instruction = do_give_instruction(task, "要抓紧推进。", by=leader)
    client.force_login(liaison)
    url = reverse("supervision:instruction-answer", args=[instruction.pk])
    client.post(url, {"answer": "已部署落实。"})
    told = Notification.objects.get(user=leader)
    assert "已部署落实。" in told.shown_text and "教务处" in told.shown_text


def test_closing_a_notice_asks_first_and_is_confirmed(client, supervisor, notice):
    client.force_login(supervisor)
    page = client.get(reverse("pages:task-detail", args=[notice.task_id])).content.decode()
    close = reverse("supervision:notice-close", args=[notice.pk])
    form = page.split(f'action="{close}"')[1].split("</form>")[0]
    assert "data-confirm=" in form
    response = client.post(close, follow=True)
    assert any("教务处" in m for m in success_messages(response))
