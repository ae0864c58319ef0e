"""Replies and answers must say something, and once given they are not overwritten."""

import pytest
from django.urls import reverse

from workplan.supervision.actions import do_give_instruction, do_issue_notice
from workplan.supervision.models import Instruction, Notice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]


@pytest.fixture
def notice(task, department, supervisor):
    return do_issue_notice(task, department, "请报送课程建设方案。", None, by=supervisor)


@pytest.fixture
def instruction(task, leader):
    return do_give_instruction(task, "要抓紧推进。", by=leader)


def post(client, name, pk, data):
    client.cookies["django_language"] = "en"
    return client.post(reverse(f"supervision:{name}", args=[pk]), data, follow=True)


def test_an_empty_notice_reply_is_a_field_error(client, notice, liaison):
    client.force_login(liaison)
    page = post(client, "notice-reply", notice.pk, {"reply": "   "}).content.decode()
    assert "Reply: This field is required." in page
    notice.refresh_from_db()
    assert notice.state == Notice.State.OPEN


def test_a_second_notice_reply_is_refused_and_the_first_kept(client, notice, liaison, head):
    client.force_login(liaison)
    post(client, "notice-reply", notice.pk, {"reply": "方案已报送。"})
    client.force_login(head)
    page = post(client, "notice-reply", notice.pk, {"reply": "改一下"}).content.decode()
    assert "This notice was answered already; its reply cannot be changed." in page
    notice.refresh_from_db()
    assert (notice.reply, notice.replied_by) == ("方案已报送。", liaison)


def test_the_reply_box_is_gone_once_the_notice_is_answered(client, notice, liaison, task):
    client.force_login(liaison)
    post(client, "notice-reply", notice.pk, {"reply": "方案已报送。"})
    page = client.get(reverse("pages:task-detail", args=[task.pk])).content.decode()
    assert reverse("supervision:notice-reply", args=[notice.pk]) not in page


def test_an_empty_instruction_answer_is_a_field_error(client, instruction, liaison):
    client.force_login(liaison)
    page = post(client, "instruction-answer", instruction.pk, {"answer": ""}).content.decode()
    assert "Answer: This field is required." in page
    instruction.refresh_from_db()
    assert instruction.answer == ""


def test_a_second_instruction_answer_is_refused_and_the_first_kept(
    client, instruction, liaison, head
):
    client.force_login(liaison)
    post(client, "instruction-answer", instruction.pk, {"answer": "已部署落实。"})
    client.force_login(head)
    page = post(client, "instruction-answer", instruction.pk, {"answer": "改"}).content.decode()
    assert "This instruction was answered already; its answer cannot be changed." in page
    instruction.refresh_from_db()
    assert (instruction.answer, instruction.answered_by) == ("已部署落实。", liaison)


def test_an_empty_instruction_is_a_field_error(client, task, leader):
    client.force_login(leader)
    page = post(client, "instruction-give", task.pk, {"text": " "}).content.decode()
    assert "Instruction: This field is required." in page
    assert not Instruction.objects.exists()
