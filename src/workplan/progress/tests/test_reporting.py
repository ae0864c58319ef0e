"""A liaison reports, the office returns, the liaison revises, the office accepts."""

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from workplan.audit.models import AuditRecord
from workplan.notifications.models import Notification
from workplan.progress.models import ProgressReport

pytestmark = pytest.mark.django_db

JUNE_20 = "2024-06-20 10:00 +08:00"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def open_report(client, task, department):
    """Open the task's report and save it as it is offered: opening alone saves nothing."""
    url = reverse("progress:task-report", args=[task.pk]) + f"?department={department.pk}"
    before = ProgressReport.objects.count()
    response = client.get(url)
    assert response.status_code == 200 and ProgressReport.objects.count() == before
    offered = {k: v for k, v in response.context["form"].initial.items()}
    response = client.post(url, {**offered, "action": "save"})
    assert response.status_code == 302
    return ProgressReport.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])


def form(report, **values):
    data = {
        "status": "on_track",
        "percent": 40,
        "progress": "已完成方案初稿。",
        "problems": "",
        "next_steps": "",
        "version": report.version,
    }
    data.update(values)
    return data


def jwc_task(plan):
    return plan.key_points.get(number=4).tasks.first()  # 教务处 leads key point 4


@time_machine.travel(JUNE_20)
def test_report_returned_revised_and_accepted_with_an_audit_trail(
    client, plan, liaison, supervisor, department
):
    task = jwc_task(plan)
    client.force_login(liaison)
    report = open_report(client, task, department)
    assert report.period.label == "2024年6月"
    client.post(
        reverse("progress:attach-evidence", args=[report.pk]),
        {"file": SimpleUploadedFile("方案.pdf", PDF)},
    )
    assert report.evidence.count() == 1
    client.post(reverse("progress:report", args=[report.pk]), {**form(report), "action": "submit"})
    report.refresh_from_db()
    assert (report.state, report.late) == ("submitted", False)

    client.force_login(supervisor)
    client.post(
        reverse("progress:review", args=[report.pk]),
        {"decision": "return", "comment": "请补充完成比例依据。"},
    )
    report.refresh_from_db()
    assert report.state == "returned"
    assert Notification.objects.filter(user=liaison, text__contains="请补充完成比例依据").exists()

    client.force_login(liaison)
    page = client.get(reverse("progress:report", args=[report.pk])).content.decode()
    assert "请补充完成比例依据" in page
    client.post(
        reverse("progress:report", args=[report.pk]),
        {**form(report, percent=50, progress="方案已通过审议。"), "action": "submit"},
    )
    client.force_login(supervisor)
    client.post(reverse("progress:review", args=[report.pk]), {"decision": "accept"})
    report.refresh_from_db()
    assert report.state == "accepted" and report.percent == 50
    assert [(v.number, v.decision) for v in report.versions.all()] == [
        (1, "returned"),
        (2, "accepted"),
    ]
    states = [
        c["after"]
        for r in AuditRecord.objects.filter(
            object_type="progress.progressreport", object_id=str(report.pk)
        ).order_by("id")
        for c in r.changes
        if c["field"] == "state"
    ]
    assert states == ["submitted", "returned", "submitted", "accepted"]
    actors = set(
        AuditRecord.objects.filter(
            object_type="progress.progressreport", object_id=str(report.pk)
        ).values_list("actor__username", flat=True)
    )
    assert actors == {"liaison", "supervisor"}


@time_machine.travel("2024-06-27 10:00 +08:00")
def test_report_after_the_due_day_is_accepted_and_marked_late(client, plan, liaison, department):
    client.force_login(liaison)
    report = open_report(client, jwc_task(plan), department)
    client.post(reverse("progress:report", args=[report.pk]), {**form(report), "action": "submit"})
    report.refresh_from_db()
    assert report.state == "submitted" and report.late


def test_form_starts_from_the_previous_period_and_no_change_is_one_click(
    client, plan, liaison, department
):
    task = jwc_task(plan)
    client.force_login(liaison)
    with time_machine.travel("2024-05-20 10:00 +08:00"):
        may = open_report(client, task, department)
        client.post(
            reverse("progress:report", args=[may.pk]),
            {**form(may, percent=35, progress="五月进展"), "action": "submit"},
        )
    with time_machine.travel(JUNE_20):
        client.force_login(liaison)  # a month later the idle session has expired
        june = open_report(client, task, department)
        assert (june.percent, june.progress) == (35, "五月进展")
        client.post(reverse("progress:report", args=[june.pk]), {"action": "no_change"})
        june.refresh_from_db()
        assert june.state == "submitted" and june.percent == 35


@time_machine.travel(JUNE_20)
def test_another_departments_liaison_cannot_see_or_change_the_report(
    client, plan, liaison, outsider, department
):
    client.force_login(liaison)
    report = open_report(client, jwc_task(plan), department)
    client.force_login(outsider)
    assert client.get(reverse("progress:report", args=[report.pk])).status_code == 404
    assert (
        client.post(
            reverse("progress:report", args=[report.pk]), {**form(report), "action": "submit"}
        ).status_code
        == 404
    )
    report.refresh_from_db()
    assert report.state == "draft"


@time_machine.travel(JUNE_20)
def test_submitted_report_cannot_be_changed_until_returned(client, plan, liaison, department):
    client.force_login(liaison)
    report = open_report(client, jwc_task(plan), department)
    client.post(reverse("progress:report", args=[report.pk]), {**form(report), "action": "submit"})
    report.refresh_from_db()
    client.post(
        reverse("progress:report", args=[report.pk]),
        {**form(report, percent=99), "action": "save"},
        follow=True,
    )
    report.refresh_from_db()
    assert report.percent == 40


@time_machine.travel(JUNE_20)
def test_head_approves_before_the_report_reaches_the_office(
    client, plan, liaison, head, department
):
    plan.schedule.head_approval = True
    plan.schedule.save()
    client.force_login(liaison)
    report = open_report(client, jwc_task(plan), department)
    client.post(reverse("progress:report", args=[report.pk]), {**form(report), "action": "submit"})
    report.refresh_from_db()
    assert report.state == "awaiting_approval" and report.versions.count() == 0
    client.force_login(head)
    client.post(reverse("progress:report", args=[report.pk]), {"action": "approve"})
    report.refresh_from_db()
    version = report.versions.get()
    assert report.state == "submitted"
    assert (version.submitted_by, version.approved_by) == (liaison, head)  # author and approver
    page = client.get(reverse("progress:report", args=[report.pk])).content.decode()
    assert f"第 1 版，{liaison.display_name}报送，{head.display_name}审核同意" in page


def test_a_nonsense_department_in_the_link_is_404_not_an_error(client, plan, liaison):
    client.force_login(liaison)
    task = jwc_task(plan)
    for nonsense in ("abc", "²", "999999"):
        assert client.get(
            reverse("progress:task-report", args=[task.pk]), {"department": nonsense}
        ).status_code in (200, 302, 404)


@time_machine.travel(JUNE_20)
def test_completed_means_100_percent_and_a_report_needs_words(client, plan, liaison, department):
    client.force_login(liaison)
    report = open_report(client, jwc_task(plan), department)
    client.post(
        reverse("progress:report", args=[report.pk]),
        {**form(report, status="done", percent=40), "action": "submit"},
    )
    report.refresh_from_db()
    assert report.state == "draft"
    client.post(
        reverse("progress:report", args=[report.pk]),
        {**form(report, progress=""), "action": "submit"},
        follow=True,
    )
    report.refresh_from_db()
    assert report.state == "draft"


def test_earlier_returned_reports_are_listed_for_the_department(
    client, plan, liaison, supervisor, department
):
    from workplan.progress.actions import (
        ReportData,
        do_return_report,
        do_save_report,
        do_start_report,
        do_submit_report,
    )

    may = plan.periods.get(opens_on="2024-05-01")
    report = do_start_report(jwc_task(plan), department, may, "lead", by=liaison)
    do_save_report(
        report, ReportData("on_track", 30, "五月进展", "", ""), read_version=None, by=liaison
    )
    do_submit_report(report, by=liaison)
    do_return_report(report, "请补充。", by=supervisor)
    client.force_login(liaison)
    page = client.get(reverse("progress:my-reports")).content.decode()
    assert reverse("progress:report", args=[report.pk]) in page


@time_machine.travel(JUNE_20)
def test_head_can_send_a_report_back_to_the_liaison(client, plan, liaison, head, department):
    plan.schedule.head_approval = True
    plan.schedule.save()
    client.force_login(liaison)
    report = open_report(client, jwc_task(plan), department)
    client.post(reverse("progress:report", args=[report.pk]), {**form(report), "action": "submit"})
    client.force_login(head)
    client.post(
        reverse("progress:report", args=[report.pk]),
        {"action": "send_back", "comment": "数据有误，请核对。"},
    )
    report.refresh_from_db()
    assert report.state == "returned"
    client.force_login(liaison)
    assert "数据有误" in client.get(reverse("notifications:list")).content.decode()
    # the report itself says who sent it back and why, not only the message centre
    page = client.get(reverse("progress:report", args=[report.pk])).content.decode()
    assert f"{head.display_name}" in page and "数据有误，请核对。" in page


@time_machine.travel(JUNE_20)
def test_after_a_decision_the_office_goes_on_to_the_next_report(
    client, plan, liaison, supervisor, department
):
    client.force_login(liaison)
    tasks = list(plan.key_points.get(number=4).tasks.all()[:2])
    reports = []
    for task in tasks:
        report = open_report(client, task, department)
        client.post(
            reverse("progress:report", args=[report.pk]), {**form(report), "action": "submit"}
        )
        reports.append(report)
    client.force_login(supervisor)
    response = client.post(reverse("progress:review", args=[reports[0].pk]), {"decision": "accept"})
    assert response["Location"] == reverse("progress:report", args=[reports[1].pk])
    response = client.post(reverse("progress:review", args=[reports[1].pk]), {"decision": "accept"})
    assert response["Location"] == reverse("progress:review-queue")


@time_machine.travel(JUNE_20)
def test_opening_a_report_saves_nothing_until_the_department_acts(
    client, plan, liaison, department
):
    task = jwc_task(plan)
    url = reverse("progress:task-report", args=[task.pk]) + f"?department={department.pk}"
    client.force_login(liaison)
    page = client.get(url).content.decode()
    assert "尚未保存" in page and not ProgressReport.objects.exists()
    assert not AuditRecord.objects.filter(object_type__contains="progressreport").exists()
    # a first submission with a mistake keeps what was typed, and still saves nothing
    response = client.post(
        url,
        {"status": "done", "percent": 40, "progress": "写了一半", "problems": "",
         "next_steps": "", "version": 1, "action": "submit"},
    )  # fmt: skip
    assert response.status_code == 200 and "写了一半" in response.content.decode()
    assert not ProgressReport.objects.exists()
    assert not AuditRecord.objects.filter(object_type__contains="progressreport").exists()
    # the page posts back to the same address; the corrected submission creates the report
    response = client.post(
        url,
        {"status": "on_track", "percent": 40, "progress": "写完了", "problems": "",
         "next_steps": "", "version": 1, "action": "submit"},
    )  # fmt: skip
    report = ProgressReport.objects.get()
    assert (report.state, report.progress) == ("submitted", "写完了")
