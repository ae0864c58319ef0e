"""A 督办单 gets the number 督字〔year〕第N号: consecutive, unique in its year even when two are
issued at once, and starting again at 1 in a new year."""

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.urls import reverse

from workplan.supervision.actions import (
    ChaseTarget,
    do_chase,
    do_issue_notice,
    do_issue_notices,
)
from workplan.supervision.models import Notice, NoticeCounter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]


def test_notices_are_numbered_one_after_another(task, department, supervisor):
    first = do_issue_notice(task, department, "请报送方案。", None, by=supervisor)
    second = do_issue_notice(task, department, "请再报送。", None, by=supervisor)
    assert (first.number_text, second.number_text) == ("督字〔2024〕第1号", "督字〔2024〕第2号")


def test_a_new_year_starts_again_at_one(task, department, supervisor):
    do_issue_notice(task, department, "请报送方案。", None, by=supervisor)
    with time_machine.travel("2025-01-02 09:00 +08:00"):
        notice = do_issue_notice(task, department, "新年度。", None, by=supervisor)
    assert notice.number_text == "督字〔2025〕第1号"


def test_one_notice_to_several_departments_is_one_each_numbered_in_a_row(
    client, plan, task, department, other_department, supervisor
):
    client.force_login(supervisor)
    url = reverse("supervision:orders-new", args=[plan.pk])
    data = {
        "departments": [department.pk, other_department.pk],
        "tasks": [task.pk],
        "requirement": "请于月底前报送整改情况。",
        "reply_due": "2024-06-30",
    }
    page = client.post(url, data, follow=True).content.decode()
    notices = list(Notice.objects.order_by("number"))
    assert [(n.department.name, n.number, n.task_id) for n in notices] == [
        ("教务处", 1, task.pk),
        ("财务处", 2, task.pk),
    ]
    assert "督字〔2024〕第1号、督字〔2024〕第2号" in page
    # Neither department has an account here: the office is told to deliver them on paper.
    assert "教务处、财务处没有可接收消息的账号：请打印督办单送达。" in page


def test_tasks_without_departments_go_to_each_tasks_lead_department(
    plan, task, supervisor, department
):
    notices = do_issue_notices(plan, "请报送。", None, tasks=[task], by=supervisor)
    assert [(n.department, n.task) for n in notices] == [(department, task)]


def test_a_clash_of_numbers_is_impossible(task, department, supervisor):
    """Two offices issuing at once wait on the year's counter row; should anything get past
    it, the database refuses the second 督办单 with the same number."""
    notice = do_issue_notice(task, department, "请报送方案。", None, by=supervisor)
    NoticeCounter.objects.filter(year=2024).update(last=0)  # as if a second issuer read 0
    with pytest.raises(IntegrityError), transaction.atomic():
        do_issue_notice(task, department, "同时发出。", None, by=supervisor)
    assert list(Notice.objects.values_list("number", flat=True)) == [notice.number]


def test_chases_get_no_number(plan, task, department, liaison, supervisor):
    do_chase(plan, [ChaseTarget(department, task=task)], by=supervisor)
    assert Notice.objects.get().number is None
    assert not NoticeCounter.objects.exists()
