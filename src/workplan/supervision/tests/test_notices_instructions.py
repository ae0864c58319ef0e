"""督办通知, 领导批示 and 延期申请 on a task: who may do what, and the trail they leave."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from workplan.accounts.tests.factories import make_user
from workplan.audit.models import AuditRecord
from workplan.core.roles import Role
from workplan.notifications.models import Notification
from workplan.plans.table_actions import do_set_key_point_leader
from workplan.supervision.models import ExtensionRequest, Instruction, Notice

pytestmark = pytest.mark.django_db


@time_machine.travel("2024-06-20 10:00 +08:00")  # the reply deadline is still to come
def test_notice_is_issued_replied_and_closed(
    client, task, supervisor, liaison, outsider, department
):
    client.force_login(supervisor)
    client.post(
        reverse("supervision:notice-issue", args=[task.pk]),
        {
            "department": department.pk,
            "requirement": "请于本周内报送课程建设方案。",
            "reply_due": "2024-07-05",
        },
    )
    notice = Notice.objects.get(kind="notice")
    assert notice.reply_due == date(2024, 7, 5)
    assert Notification.objects.filter(user=liaison, text__contains="课程建设方案").exists()
    client.force_login(outsider)
    assert (
        client.post(
            reverse("supervision:notice-reply", args=[notice.pk]), {"reply": "x"}
        ).status_code
        == 404
    )
    client.force_login(liaison)
    client.post(reverse("supervision:notice-reply", args=[notice.pk]), {"reply": "方案已报送。"})
    assert client.post(reverse("supervision:notice-close", args=[notice.pk])).status_code == 403
    client.force_login(supervisor)
    client.post(reverse("supervision:notice-close", args=[notice.pk]))
    notice.refresh_from_db()
    assert (notice.state, notice.reply) == ("closed", "方案已报送。")
    trail = AuditRecord.objects.filter(
        object_type="supervision.notice", object_id=str(notice.pk)
    ).order_by("id")
    assert [(r.action, r.actor.username) for r in trail] == [
        ("create", "supervisor"),
        ("change", "liaison"),  # the reply signs for it (签收) first
        ("change", "liaison"),
        ("change", "supervisor"),
    ]


def test_leader_instruction_notifies_the_lead_department_which_answers(
    client, task, leader, liaison, outsider
):
    client.force_login(liaison)
    assert (
        client.post(
            reverse("supervision:instruction-give", args=[task.pk]), {"text": "x"}
        ).status_code
        == 403
    )
    client.force_login(leader)
    client.post(
        reverse("supervision:instruction-give", args=[task.pk]),
        {"text": "要抓紧推进，月底前见成效。"},
    )
    instruction = Instruction.objects.get()
    assert Notification.objects.filter(user=liaison, text__contains="月底前见成效").exists()
    client.force_login(outsider)
    assert (
        client.post(
            reverse("supervision:instruction-answer", args=[instruction.pk]), {"answer": "x"}
        ).status_code
        == 403
    )
    client.force_login(liaison)
    client.post(
        reverse("supervision:instruction-answer", args=[instruction.pk]), {"answer": "已部署落实。"}
    )
    instruction.refresh_from_db()
    assert instruction.answer == "已部署落实。" and instruction.answered_by == liaison


@time_machine.travel("2024-06-20 10:00 +08:00")
def test_extension_is_decided_by_the_leader_in_charge(client, task, liaison, supervisor):
    in_charge = make_user("zhang", [Role.LEADER])
    other_leader = make_user("wang", [Role.LEADER])
    do_set_key_point_leader(task.key_point, in_charge, by=supervisor)
    client.force_login(liaison)
    client.post(
        reverse("supervision:extension-request", args=[task.pk]),
        {"new_due": "2024-09-30", "reason": "等待上级文件。"},
    )
    request = ExtensionRequest.objects.get()
    assert Notification.objects.filter(
        user=in_charge, url=f"/tasks/{task.pk}/", text__contains="延期"
    ).exists()
    client.force_login(other_leader)
    assert (
        client.post(
            reverse("supervision:extension-decide", args=[request.pk]), {"decision": "approve"}
        ).status_code
        == 403
    )
    client.force_login(in_charge)
    client.post(reverse("supervision:extension-decide", args=[request.pk]), {"decision": "approve"})
    request.refresh_from_db()
    task.refresh_from_db()
    assert request.state == "approved" and task.due_date == date(2024, 9, 30)


def test_task_page_shows_the_forms_each_role_may_use(
    client, task, supervisor, leader, liaison, viewer
):
    url = reverse("pages:task-detail", args=[task.pk])
    expectations = {
        supervisor: ("notice-issue", True),
        leader: ("instruction-give", True),
        liaison: ("extension-request", True),
        viewer: ("notice-issue", False),
    }
    for user, (name, shown) in expectations.items():
        client.force_login(user)
        page = client.get(url).content.decode()
        assert (reverse(f"supervision:{name}", args=[task.pk]) in page) is shown, user.username


@time_machine.travel("2024-06-20 10:00 +08:00")
def test_extension_to_a_past_or_earlier_date_or_twice_is_refused(client, task, liaison):
    client.force_login(liaison)
    url = reverse("supervision:extension-request", args=[task.pk])
    client.post(url, {"new_due": "2024-06-01", "reason": "x"})
    assert not ExtensionRequest.objects.exists()
    client.post(url, {"new_due": "2024-09-30", "reason": "等待上级文件。"})
    client.post(url, {"new_due": "2024-10-30", "reason": "再次申请。"})
    assert ExtensionRequest.objects.count() == 1


def test_notice_form_offers_the_tasks_departments_first(client, task, supervisor, department):
    client.force_login(supervisor)
    page = client.get(reverse("pages:task-detail", args=[task.pk])).content.decode()
    own, others = page.split('<optgroup label="')[1:3]
    assert own.startswith("本任务的部门") and f'value="{department.pk}">教务处<' in own
    assert others.startswith("其他部门") and "教务处<" not in others
    assert "财务处" in others  # a notice may still go to a department the task does not name
