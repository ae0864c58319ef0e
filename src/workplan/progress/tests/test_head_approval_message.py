"""Under head approval the liaison is told the report went to the head, not to the office."""

import pytest
import time_machine
from django.urls import reverse

from workplan.progress.tests.test_reporting import JUNE_20, form, jwc_task, open_report

pytestmark = pytest.mark.django_db


@time_machine.travel(JUNE_20)
def test_liaison_is_told_the_report_waits_for_the_head(client, plan, liaison, department):
    plan.schedule.head_approval = True
    plan.schedule.save()
    client.force_login(liaison)
    client.cookies["django_language"] = "en"
    report = open_report(client, jwc_task(plan), department)
    page = client.post(
        reverse("progress:submit-report", args=[report.pk]),
        form(report),
        follow=True,
    ).content.decode()
    assert "Sent to your department head for approval" in page
    assert "Report submitted." not in page


@time_machine.travel(JUNE_20)
def test_without_head_approval_the_report_is_submitted(client, plan, liaison, department):
    client.force_login(liaison)
    client.cookies["django_language"] = "en"
    report = open_report(client, jwc_task(plan), department)
    page = client.post(
        reverse("progress:submit-report", args=[report.pk]),
        form(report),
        follow=True,
    ).content.decode()
    assert "Report submitted." in page and "department head" not in page
