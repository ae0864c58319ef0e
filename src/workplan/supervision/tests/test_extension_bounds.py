"""A 延期申请 may move a deadline at most to the end of the year after the plan's."""

from datetime import date

import pytest
from django.urls import reverse

from workplan.supervision.models import ExtensionRequest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]


def request_extension(client, task, new_due, reason="等待上级文件。"):
    client.cookies["django_language"] = "en"
    url = reverse("supervision:extension-request", args=[task.pk])
    return client.post(url, {"new_due": new_due, "reason": reason}, follow=True)


def test_a_date_past_the_end_of_next_year_is_refused(client, task, liaison):
    client.force_login(liaison)
    page = request_extension(client, task, "9999-12-31").content.decode()
    assert "The new deadline must be no later than 2025-12-31." in page
    assert "New deadline: The new deadline" not in page  # the field is named once
    assert not ExtensionRequest.objects.exists()


def test_the_end_of_next_year_is_allowed(client, task, liaison):
    client.force_login(liaison)
    request_extension(client, task, "2025-12-31")
    assert ExtensionRequest.objects.get().new_due == date(2025, 12, 31)


def test_a_date_not_after_the_current_deadline_names_the_field(client, task, liaison):
    client.force_login(liaison)
    page = request_extension(client, task, "2024-06-01").content.decode()
    assert "The new deadline must be later than 2024-06-20." in page
    assert "New deadline: The new deadline" not in page


def test_a_refusal_in_chinese_names_the_field_once(client, task, liaison):
    client.force_login(liaison)
    client.cookies["django_language"] = "zh-hans"
    url = reverse("supervision:extension-request", args=[task.pk])
    page = client.post(url, {"new_due": "2024-06-01", "reason": "等待上级文件。"}, follow=True)
    text = page.content.decode()
    assert "新的完成时限须晚于 2024-06-20。" in text
    assert "新的完成时限：新的完成时限" not in text


def test_an_impossible_date_or_no_reason_is_a_field_error(client, task, liaison):
    client.force_login(liaison)
    page = request_extension(client, task, "2024-02-30", reason="").content.decode()
    assert "New deadline: Enter a valid date." in page
    assert "Reason: This field is required." in page
    assert not ExtensionRequest.objects.exists()


def test_an_old_request_for_a_far_date_cannot_be_approved(
    client, task, department, liaison, leader
):
    request = ExtensionRequest.objects.create(
        task=task, department=department, requested_by=liaison, new_due=date(9999, 12, 31),
        reason="made before the bound existed",
    )  # fmt: skip
    client.force_login(leader)
    client.cookies["django_language"] = "en"
    page = client.post(
        reverse("supervision:extension-decide", args=[request.pk]),
        {"decision": "approve"},
        follow=True,
    ).content.decode()
    assert "must be no later than 2025-12-31" in page
    task.refresh_from_db()
    assert task.due_date != date(9999, 12, 31)
