"""The task page shows a department's report — its list row and its history — only to those
who may read the report itself; everyone else sees neither its words nor its existence."""

from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from workplan.accounts.tests.factories import make_user
from workplan.core.roles import Role
from workplan.org.models import Department
from workplan.plans.models import Plan
from workplan.progress.actions import do_set_up_schedule
from workplan.progress.tests.test_reporting import JUNE_20, PDF, form, jwc_task, open_report
from workplan.supervision.actions import do_issue_notice, do_reply_notice
from workplan.supervision.lights import do_recompute_lights
from workplan.supervision.models import TaskLight
from workplan.supervision.rules import Reason

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(example_plan, department, other_department):
    """The example plan (2024) with monthly reporting due on the 25th; 教务处 and 财务处 report."""
    call_command("import", str(example_plan))
    plan = Plan.objects.get()
    do_set_up_schedule(plan)
    return plan


SECRETS = ["机密进展甲", "机密困难乙", "机密退回丙", "机密回复丁", "机密佐证.pdf", "机密要求戊"]


@pytest.fixture
def reported(client, plan, liaison, supervisor, department):
    """教务处's report on its task: written, evidenced, submitted, returned; a notice answered."""
    with time_machine.travel(JUNE_20):
        task = jwc_task(plan)
        client.force_login(liaison)
        report = open_report(client, task, department)
        url = reverse("progress:report", args=[report.pk])
        client.post(
            reverse("progress:attach-evidence", args=[report.pk]),
            {"file": SimpleUploadedFile("机密佐证.pdf", PDF)},
        )
        report.refresh_from_db()
        values = form(report, progress="机密进展甲", problems="机密困难乙", percent=37)
        client.post(url, {**values, "action": "submit"})
        client.force_login(supervisor)
        client.post(
            reverse("progress:review", args=[report.pk]),
            {"decision": "return", "comment": "机密退回丙"},
        )
        notice = do_issue_notice(task, department, "机密要求戊", None, by=supervisor)
        do_reply_notice(notice, "机密回复丁", by=liaison)
        client.logout()
    report.refresh_from_db()
    assert report.state == "returned"
    return task, report


def _task_page(client, user, task) -> str:
    client.force_login(user)
    response = client.get(reverse("pages:task-detail", args=[task.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_outsider_reads_nothing_of_another_departments_report(client, reported, outsider):
    task, report = reported
    page = _task_page(client, outsider, task)
    assert [s for s in SECRETS if s in page] == []
    assert reverse("progress:report", args=[report.pk]) not in page
    assert "37%" not in page


def test_co_department_reads_nothing_of_the_lead_report(client, reported):
    task, report = reported
    library = make_user(
        "library", [Role.LIAISON], [Department.objects.get(name="图书馆")], full_name="图书馆"
    )
    page = _task_page(client, library, task)
    assert [s for s in SECRETS if s in page] == []
    assert reverse("progress:report", args=[report.pk]) not in page


@pytest.mark.parametrize("who", ["liaison", "head", "supervisor", "leader", "auditor"])
def test_those_who_may_read_the_report_see_its_history(client, reported, request, who):
    task, report = reported
    page = _task_page(client, request.getfixturevalue(who), task)
    assert [s for s in SECRETS if s not in page] == []
    assert reverse("progress:report", args=[report.pk]) in page


def test_signed_in_reader_without_a_department_sees_no_report(client, reported, viewer):
    task, report = reported
    page = _task_page(client, viewer, task)
    assert [s for s in SECRETS if s in page] == []
    assert reverse("progress:report", args=[report.pk]) not in page


def test_task_page_costs_the_same_however_many_hidden_reports(
    client, reported, outsider, supervisor, department
):
    """The filter is in the query: more hidden rows do not add queries for the outsider."""
    task, _ = reported
    client.force_login(outsider)
    url = reverse("pages:task-detail", args=[task.pk])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(5):
        do_issue_notice(task, department, f"要求{number}", None, by=supervisor)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert "要求3" not in page
    assert len(many) == len(few)


@pytest.mark.parametrize("who", ["outsider", "viewer"])
def test_outsider_asking_for_a_departments_report_gets_404_not_its_id(
    client, reported, department, request, who
):
    task, report = reported
    client.force_login(request.getfixturevalue(who))
    with time_machine.travel(JUNE_20):
        url = reverse("progress:task-report", args=[task.pk])
        response = client.get(url, {"department": department.pk})
    assert response.status_code == 404
    assert str(report.pk) not in response.get("Location", "")


def test_own_department_is_sent_on_to_its_report(client, reported, department, liaison):
    task, report = reported
    client.force_login(liaison)
    with time_machine.travel(JUNE_20):
        url = reverse("progress:task-report", args=[task.pk])
        response = client.get(url, {"department": department.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("progress:report", args=[report.pk])


def test_light_shows_the_reported_percent_only_to_those_who_read_the_lead_report(
    client, reported, outsider, liaison, supervisor
):
    task, report = reported
    with time_machine.travel(JUNE_20):
        client.force_login(liaison)
        values = form(report, progress="机密进展甲", problems="机密困难乙", percent=37)
        client.post(reverse("progress:report", args=[report.pk]), {**values, "action": "submit"})
        report.refresh_from_db()
        assert report.state == "submitted"
        do_recompute_lights(task.key_point.plan, date(2024, 6, 20))
        # As a later period's light would read: behind the expected progress.
        TaskLight.objects.filter(task=task).update(
            light=TaskLight.Light.YELLOW, reason=Reason.BEHIND, expected=50, percent=37
        )
        outsider_page = _task_page(client, outsider, task)
        lead_page = _task_page(client, liaison, task)
        office_page = _task_page(client, supervisor, task)
    assert 'class="light light-' in outsider_page  # the colour is for everyone
    assert "50%" not in outsider_page  # "expected 50%, reported 37%"
    assert "37%" not in outsider_page
    assert "37%" in lead_page
    assert "37%" in office_page
