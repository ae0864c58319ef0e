"""A report not started yet is created by its first save, and only if the button's step is
accepted: a refused first request (an action the page never shows, a step the role may not
take) leaves no report and no audit row behind."""

import pytest
from django.urls import reverse

from workplan.audit.models import AuditRecord
from workplan.progress.models import ProgressReport
from workplan.progress.tests.test_reporting import jwc_task

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]


def first_post(client, plan, department, action: str):
    """Send the form as the page offers it, with words typed, and `action` as its button."""
    task = jwc_task(plan)
    url = reverse("progress:task-report", args=[task.pk]) + f"?department={department.pk}"
    offered = dict(client.get(url).context["form"].initial)
    typed = {"status": "on_track", "percent": 40, "progress": "已完成方案初稿。"}
    return client.post(url, {**offered, **typed, "action": action})


@pytest.mark.parametrize(
    ("action", "status"), [("bogus", 400), ("approve", 400), ("send_back", 400)]
)
def test_liaison_refused_first_request_leaves_no_report(
    client, plan, liaison, department, action, status
):
    client.force_login(liaison)
    response = first_post(client, plan, department, action)
    assert response.status_code == status
    assert not ProgressReport.objects.exists()
    assert not AuditRecord.objects.filter(object_type="progress.progressreport").exists()


def test_head_approving_a_report_nobody_started_leaves_nothing(client, plan, head, department):
    client.force_login(head)
    assert first_post(client, plan, department, "approve").status_code == 400
    assert not ProgressReport.objects.exists()


def test_liaison_first_save_creates_the_report(client, plan, liaison, department):
    client.force_login(liaison)
    assert first_post(client, plan, department, "save").status_code == 302
    assert ProgressReport.objects.get().progress == "已完成方案初稿。"


def test_a_first_report_offers_no_repeat_and_refuses_one(client, plan, liaison, department):
    client.force_login(liaison)
    task = jwc_task(plan)
    url = reverse("progress:task-report", args=[task.pk]) + f"?department={department.pk}"
    assert 'value="no_change"' not in client.get(url).content.decode()
    response = first_post(client, plan, department, "no_change")
    assert response.status_code == 400
    assert "本任务没有以前报送过的报告可重复" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_a_first_save_with_a_version_the_page_never_sent_creates_nothing(
    client, plan, liaison, department
):
    client.force_login(liaison)
    task = jwc_task(plan)
    url = reverse("progress:task-report", args=[task.pk]) + f"?department={department.pk}"
    offered = dict(client.get(url).context["form"].initial)
    response = client.post(url, {**offered, "version": 7, "action": "save"})
    assert response.status_code == 400
    assert not ProgressReport.objects.exists()
