"""`workplan supervise --at` after a deadline, then `workplan worker`: one 催办 e-mail to each
department with a missing report, in Chinese, with links; running both again sends nothing."""

from datetime import datetime
from email import message_from_bytes
from email.header import decode_header, make_header
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from workplan.accounts.tests.factories import make_user
from workplan.core.roles import Role
from workplan.progress.models import ProgressReport
from workplan.progress.queries import duties
from workplan.progress.tests.factories import make_report
from workplan.supervision.actions import do_issue_notice
from workplan.supervision.models import Notice

pytestmark = pytest.mark.django_db(transaction=True)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def read(envelope):
    message = message_from_bytes(envelope.content)
    subject = str(make_header(decode_header(message["Subject"])))
    body = message.get_payload(decode=True).decode(message.get_content_charset())
    return subject, body


@pytest.fixture
def june(plan, department, liaison):
    """教务处 submits every June report on time; 财务处 submits nothing."""
    period = plan.periods.get(opens_on="2024-06-01")
    for duty in duties(plan, period, {department.pk}):
        make_report(
            duty.task, department, period, role=duty.role, state=ProgressReport.State.SUBMITTED,
            by=liaison, now=datetime(2024, 6, 24, 9, tzinfo=SHANGHAI),
        )  # fmt: skip
    return period


def test_chase_goes_once_to_each_department_with_missing_reports(
    smtp_server, plan, june, liaison, outsider, other_department, capsys
):
    assert ProgressReport.objects.filter(department__name="教务处", state="submitted").exists()
    call_command("supervise", "--at", "2024-06-27T09:00")
    call_command("worker", "--batch")
    chased = Notice.objects.filter(kind="chase", period=june)
    assert "财务处" in set(chased.values_list("department__name", flat=True))
    assert "教务处" not in set(chased.values_list("department__name", flat=True))
    assert [m.rcpt_tos for m in smtp_server.messages] == [[outsider.email]]
    subject, body = read(smtp_server.messages[0])
    assert "催办" in subject and "财务处" in subject
    assert "尚未报送" in body or "未报送" in body
    missing = [d.task for d in duties(plan, june, {other_department.pk})]
    assert missing
    for task in missing:
        assert (
            f"http://127.0.0.1:8000/progress/tasks/{task.pk}/?department={other_department.pk}"
            in body
        )

    call_command("supervise", "--at", "2024-06-27T15:00")
    call_command("worker", "--batch")
    call_command("supervise", "--at", "2024-06-27T09:00")
    call_command("worker", "--batch")
    assert len(smtp_server.messages) == 1


def test_chase_escalates_to_the_head_after_a_week(smtp_server, plan, june, other_department):
    head = make_user("cwc-head", [Role.HEAD], [other_department])
    call_command("supervise", "--at", "2024-07-03T09:00")
    call_command("worker", "--batch")
    assert [m.rcpt_tos for m in smtp_server.messages] == [[head.email]]


def test_reminder_before_the_deadline_goes_only_where_reports_are_missing(
    smtp_server, plan, june, outsider
):
    call_command("supervise", "--at", "2024-06-23T09:00")
    call_command("worker", "--batch")
    reminders = [m for m in smtp_server.messages if "提醒" in read(m)[0]]
    assert [m.rcpt_tos for m in reminders] == [[outsider.email]]  # 教务处 has already reported


def test_a_supervision_notice_is_mailed_once_to_the_department(
    smtp_server, plan, supervisor, liaison, department
):
    task = plan.key_points.get(number=4).tasks.first()
    notice = do_issue_notice(task, department, "请报送课程建设方案。", None, by=supervisor)
    call_command("worker", "--batch")
    call_command("worker", "--batch")
    assert [m.rcpt_tos for m in smtp_server.messages] == [[liaison.email]]
    subject, body = read(smtp_server.messages[0])
    assert "督办通知" in subject and notice.number_text in subject and "课程建设方案" in subject
    assert f"http://127.0.0.1:8000/supervision/notices/{notice.pk}/" in body
