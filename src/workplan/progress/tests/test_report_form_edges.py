"""The report page's hand-made edges: an action no button sends changes nothing (400); a head's
reason for sending back counts a line break as one character, as the browser does; a refusal
is logged as one line, not a stack."""

import logging

import pytest
from django.urls import reverse

from workplan.progress.models import ProgressReport
from workplan.progress.tests.test_head_submits import submit
from workplan.progress.tests.test_reporting import form, jwc_task, open_report

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("head_approval", "june_20")]


def awaiting(client, liaison, plan, department) -> ProgressReport:
    report = submit(client, liaison, plan, department)
    assert report.state == ProgressReport.State.AWAITING_APPROVAL
    return report


def test_liaison_sending_an_unknown_action_changes_nothing(client, plan, liaison, department):
    client.force_login(liaison)
    report = open_report(client, jwc_task(plan), department)
    values = form(report, progress="不该保存的文字")
    response = client.post(
        reverse("progress:report", args=[report.pk]), {**values, "action": "bogus"}
    )
    assert response.status_code == 400
    assert "没有保存" in response.content.decode()
    report.refresh_from_db()
    assert report.progress != "不该保存的文字"


def test_head_reason_with_many_lines_counts_each_break_once(
    client, plan, liaison, head, department
):
    report = awaiting(client, liaison, plan, department)
    client.force_login(head)
    reason = ("s" * 19 + "\r\n") * 100  # 2,000 characters as the browser counts them
    client.post(reverse("progress:send-back-report", args=[report.pk]), {"comment": reason})
    report.refresh_from_db()
    assert report.state == ProgressReport.State.RETURNED


def test_refused_approval_is_logged_as_one_line(client, plan, liaison, department, caplog):
    report = awaiting(client, liaison, plan, department)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.post(reverse("progress:approve-report", args=[report.pk]))
    assert response.status_code == 403
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info is None
