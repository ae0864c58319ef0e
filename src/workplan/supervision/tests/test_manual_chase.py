"""催办 by hand: the office ticks departments missing reports, or overdue tasks, and sends one
催办 each in one go; departments nobody can be told at are named and left out."""

from datetime import date

import pytest
from django.urls import reverse

from workplan.audit.models import AuditRecord
from workplan.notifications.models import Notification
from workplan.org.models import Department
from workplan.plans.models import Task
from workplan.supervision.models import Notice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]


def send(client, plan, **data):
    return client.post(reverse("supervision:chase-send", args=[plan.pk]), data, follow=True)


def test_the_page_lists_late_reports_and_overdue_tasks(client, plan, task, supervisor, liaison):
    task.due_date = date(2024, 6, 1)
    task.save()
    client.force_login(supervisor)
    page = client.get(reverse("supervision:chase", args=[plan.pk])).content.decode()
    assert "未报送的报告" in page and "教务处" in page
    assert "逾期任务" in page and task.code in page and "2024-06-01" in page
    assert "无账号" in page  # the plan's departments without anyone to tell


def test_ticked_departments_are_chased_each_once(
    client, plan, supervisor, liaison, outsider, department, other_department
):
    client.force_login(supervisor)
    page = send(client, plan, departments=[department.pk, other_department.pk]).content.decode()
    assert "已发出 2 条催办。" in page
    chases = Notice.objects.filter(kind=Notice.Kind.CHASE).order_by("department__name")
    assert {c.department for c in chases} == {department, other_department}
    assert all(c.period.due_on == date(2024, 5, 25) and c.issued_by == supervisor for c in chases)
    assert Notification.objects.filter(user=liaison, text__startswith="督办办公室催办").exists()
    assert Notification.objects.filter(user=outsider, text__startswith="督办办公室催办").exists()
    created = AuditRecord.objects.filter(object_type="supervision.notice", action="create")
    assert created.count() == 2 and {r.actor for r in created} == {supervisor}


def test_a_department_without_accounts_is_refused_by_name(
    client, plan, supervisor, liaison, department
):
    nobody = Department.objects.get(name="党政办公室")
    client.force_login(supervisor)
    page = send(client, plan, departments=[department.pk, nobody.pk]).content.decode()
    assert "已发出 1 条催办。" in page
    assert "未催办：党政办公室没有可接收消息的账号。" in page
    assert list(Notice.objects.values_list("department__name", flat=True)) == ["教务处"]


def test_an_overdue_task_is_chased_at_its_lead_department(client, plan, task, supervisor, liaison):
    task.due_date = date(2024, 6, 1)
    task.save()
    client.force_login(supervisor)
    page = send(client, plan, tasks=[task.pk], words="请本周内说明。").content.decode()
    assert "已发出 1 条催办。" in page
    chase = Notice.objects.get()
    assert (chase.department.name, chase.task) == ("教务处", task)
    assert f"任务 {task.code} 已于 2024-06-01 到期仍未完成" in chase.requirement
    assert chase.requirement.endswith("请本周内说明。")


def test_nothing_ticked_says_so(client, plan, supervisor):
    client.force_login(supervisor)
    assert "请至少勾选一个部门或一项任务进行催办。" in send(client, plan).content.decode()
    assert not Notice.objects.exists()


def test_a_task_not_overdue_is_not_chased(client, plan, task, supervisor, liaison):
    client.force_login(supervisor)
    page = send(client, plan, tasks=[task.pk]).content.decode()
    assert "未发出催办：所勾选的都没有逾期。" in page
    assert not Notice.objects.exists()


def test_a_liaison_may_not_open_the_chase_page(client, plan, liaison):
    client.force_login(liaison)
    assert client.get(reverse("supervision:chase", args=[plan.pk])).status_code == 403


def test_the_chase_page_does_not_grow_in_queries(
    client, plan, task, supervisor, liaison, django_assert_max_num_queries
):
    client.force_login(supervisor)
    url = reverse("supervision:chase", args=[plan.pk])
    task.due_date = date(2024, 6, 1)
    task.save()
    client.get(url)
    with django_assert_max_num_queries(24) as few:  # the navigation's counts included
        client.get(url)
    Task.objects.filter(key_point__plan=plan).update(due_date=date(2024, 6, 1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_a_chase_sent_from_another_page_goes_back_there_but_never_off_site(
    client, plan, supervisor, liaison, department
):
    client.force_login(supervisor)
    url = reverse("supervision:chase-send", args=[plan.pk])
    back = client.post(url, {"departments": [department.pk], "next": "/progress/review/"})
    assert back["Location"] == "/progress/review/"
    away = client.post(url, {"departments": [department.pk], "next": "https://evil.example/"})
    assert away["Location"] == reverse("supervision:chase", args=[plan.pk])


def test_sending_a_chase_needs_post(client, plan, supervisor):
    client.force_login(supervisor)
    assert client.get(reverse("supervision:chase-send", args=[plan.pk])).status_code == 405
    assert client.put(reverse("supervision:orders-new", args=[plan.pk])).status_code == 405
