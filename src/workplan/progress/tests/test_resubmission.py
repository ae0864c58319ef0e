"""Sending a report again after the office returned it: what the department typed and chose
counts, and a report that was in on time stays on time."""

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from workplan.progress.tests.factories import make_report
from workplan.progress.tests.test_reporting import PDF, form, jwc_task, open_report

pytestmark = pytest.mark.django_db


def returned_report(client, plan, liaison, supervisor, department):
    """A report submitted on June 20 (due June 25), returned by the office on June 28."""
    with time_machine.travel("2024-06-20 10:00 +08:00"):
        client.force_login(liaison)
        report = open_report(client, jwc_task(plan), department)
        client.post(reverse("progress:submit-report", args=[report.pk]), form(report))
    with time_machine.travel("2024-06-28 10:00 +08:00"):
        client.force_login(supervisor)
        client.post(
            reverse("progress:review", args=[report.pk]),
            {"decision": "return", "comment": "请补充佐证材料。"},
        )
    report.refresh_from_db()
    assert report.state == "returned"
    return report


def resubmit(client, report, liaison, **extra):
    """The liaison sends the returned report again on June 29, after the due day."""
    with time_machine.travel("2024-06-29 10:00 +08:00"):
        client.force_login(liaison)
        return client.post(
            reverse("progress:submit-report", args=[report.pk]),
            {**form(report, progress="已补充。"), **extra},
            follow=True,
        )


def test_a_report_in_on_time_stays_on_time_when_sent_again_after_a_return(
    client, plan, liaison, supervisor, department
):
    report = returned_report(client, plan, liaison, supervisor, department)
    resubmit(client, report, liaison)
    report.refresh_from_db()
    assert (report.state, report.late) == ("submitted", False)
    assert [v.late for v in report.versions.order_by("number")] == [False, False]


def test_a_file_chosen_but_not_uploaded_goes_in_with_the_submission(
    client, plan, liaison, supervisor, department
):
    report = returned_report(client, plan, liaison, supervisor, department)
    resubmit(client, report, liaison, file=SimpleUploadedFile("补充材料.pdf", PDF))
    report.refresh_from_db()
    assert report.state == "submitted"
    assert [e.original_name for e in report.evidence.all()] == ["补充材料.pdf"]


def test_a_refused_file_stops_the_submission_and_keeps_the_report_open(
    client, plan, liaison, supervisor, department
):
    report = returned_report(client, plan, liaison, supervisor, department)
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    page = resubmit(client, report, liaison, file=SimpleUploadedFile("照片.pdf", png))
    report.refresh_from_db()
    assert report.state == "returned" and report.progress == "已补充。"
    assert [m.level_tag for m in page.context["messages"]][-1] == "error"


def test_a_returned_report_cannot_be_sent_back_unchanged(
    client, plan, liaison, supervisor, department
):
    report = returned_report(client, plan, liaison, supervisor, department)
    client.force_login(liaison)
    page = client.get(reverse("progress:report", args=[report.pk])).content.decode()
    assert 'value="no_change"' not in page
    client.post(reverse("progress:report-no-change", args=[report.pk]))
    report.refresh_from_db()
    assert report.state == "returned"


def test_no_change_asks_first_because_it_replaces_what_was_typed(
    client, plan, liaison, supervisor, department
):
    may = plan.periods.get(opens_on="2024-05-01")
    with time_machine.travel("2024-05-20 10:00 +08:00"):
        make_report(jwc_task(plan), department, may, state="accepted", reviewer=supervisor)
    with time_machine.travel("2024-06-20 10:00 +08:00"):
        client.force_login(liaison)
        url = reverse("progress:task-report", args=[jwc_task(plan).pk])
        page = client.get(url + f"?department={department.pk}").content.decode()
    button = page[page.index('value="no_change"') :].split(">", 1)[0]
    assert "data-confirm=" in button
