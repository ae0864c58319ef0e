"""A message is read later by someone else, so it shows in the reader's language, whoever wrote
it and in whatever language they were working; its e-mail copy is in Chinese."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from workplan.notifications.models import Notification
from workplan.notifications.notify import Message, notify
from workplan.supervision.actions import do_give_instruction
from workplan.supervision.models import Notice
from workplan.supervision.supervise import supervise
from workplan.supervision.tasks import send_notice_email

pytestmark = pytest.mark.django_db
CENTRE = reverse("notifications:list")


def read_centre(client, user, language) -> str:
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(CENTRE).content.decode()


def test_each_reader_sees_the_same_message_in_their_own_language(client, supervisor, leader):
    with translation.override("en"):  # the sender works in English
        notify(
            [supervisor, leader],
            Message(
                "{department} submitted its report on task {code}.", department="教务处", code="4.1"
            ),
        )
    assert "教务处 已报送任务 4.1 的进展。" in read_centre(client, supervisor, "zh-hans")
    assert "教务处 submitted its report on task 4.1." in read_centre(client, leader, "en")


def test_stored_text_and_email_copy_are_in_chinese(supervisor):
    with translation.override("en"):
        notify(
            [supervisor],
            Message(
                "{department} submitted its report on task {code}.", department="教务处", code="4.1"
            ),
        )
    assert Notification.objects.get().text == "教务处 已报送任务 4.1 的进展。"


def test_english_reader_of_a_chinese_leaders_instruction_reads_english(
    client, task, leader, liaison
):
    with translation.override("zh-hans"):
        do_give_instruction(task, "要抓紧推进。", by=leader)
    page = read_centre(client, liaison, "en")
    assert f"Instruction from leader on task {task.code}: 要抓紧推进。" in page


def test_messages_stored_before_this_show_as_written(client, supervisor):
    Notification.objects.create(user=supervisor, text="督办通知：请报送课程建设方案。")
    assert "督办通知：请报送课程建设方案。" in read_centre(client, supervisor, "en")


def test_a_chase_reads_in_english_for_an_english_reader(client, plan, outsider):
    supervise(datetime(2024, 6, 27, 9, tzinfo=ZoneInfo("Asia/Shanghai")))
    chase = Notice.objects.get(kind=Notice.Kind.CHASE, department__name="财务处")
    send_notice_email.call(chase.pk)
    page = read_centre(client, outsider, "en")
    assert "[Chase] 财务处: reports for 2024年6月 not submitted" in page
