"""An approved 延期申请 (顺延) moves the task's 完成时限 words with its due date: the table and its
Excel export say the new date, with the words first written kept in a note."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from workplan.plans.actions import set_deadline
from workplan.supervision.models import ExtensionRequest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]

MOVED = "2024年9月30日前（原：6月底前，已顺延）"


@pytest.fixture
def june_task(task):
    set_deadline(task, "6月底前", 2024)
    task.save()
    return task


def approve(client, leader, request):
    client.force_login(leader)
    url = reverse("supervision:extension-decide", args=[request.pk])
    return client.post(url, {"decision": "approve"})


def ask(task, department, liaison, new_due):
    return ExtensionRequest.objects.create(
        task=task, department=department, requested_by=liaison, new_due=new_due, reason="等文件。"
    )


def test_leader_approving_an_extension_moves_the_deadline_words(
    client, june_task, department, liaison, leader, supervisor
):
    approve(client, leader, ask(june_task, department, liaison, date(2024, 9, 30)))
    june_task.refresh_from_db()
    assert (june_task.due_date, june_task.deadline_text) == (date(2024, 9, 30), MOVED)
    client.force_login(supervisor)
    plan = june_task.key_point.plan
    response = client.get(reverse("plans:table-export", args=[plan.pk]))
    cells = [c for row in load_workbook(io.BytesIO(response.content)).active.values for c in row]
    assert MOVED in cells and "6月底前" not in cells


def test_a_second_extension_keeps_the_words_first_written(
    client, june_task, department, liaison, leader
):
    approve(client, leader, ask(june_task, department, liaison, date(2024, 9, 30)))
    approve(client, leader, ask(june_task, department, liaison, date(2024, 11, 15)))
    june_task.refresh_from_db()
    assert june_task.deadline_text == "2024年11月15日前（原：6月底前，已顺延）"
    assert june_task.due_date == date(2024, 11, 15)
