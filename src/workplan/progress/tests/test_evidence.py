"""Evidence files: checked by content, stored under random names, served only to those who may see them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from workplan.progress.actions import FIELDS, do_start_report
from workplan.progress.evidence import evidence_dir
from workplan.progress.models import EvidenceFile, ProgressReport

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def report(plan, department, liaison):
    task = plan.key_points.get(number=4).tasks.first()
    return do_start_report(
        task,
        department,
        plan.periods.get(opens_on="2024-06-01"),
        ProgressReport.Role.LEAD,
        by=liaison,
    )


def attach(client, report, name, data):
    return client.post(
        reverse("progress:attach-evidence", args=[report.pk]),
        {"file": SimpleUploadedFile(name, data)},
        follow=True,
    )


def test_evidence_is_stored_under_a_random_name_and_downloaded_by_its_department(
    client, liaison, report
):
    client.force_login(liaison)
    attach(client, report, "会议纪要.pdf", PDF)
    evidence = EvidenceFile.objects.get()
    assert evidence.stored_name != "会议纪要.pdf" and "会议纪要" not in evidence.stored_name
    assert (evidence_dir() / evidence.stored_name).read_bytes() == PDF
    response = client.get(reverse("progress:evidence", args=[evidence.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]


def test_another_departments_user_gets_404(client, liaison, outsider, report):
    client.force_login(liaison)
    attach(client, report, "会议纪要.pdf", PDF)
    evidence = EvidenceFile.objects.get()
    client.force_login(outsider)
    assert client.get(reverse("progress:evidence", args=[evidence.pk])).status_code == 404


def test_supervisor_and_auditor_can_download(client, liaison, supervisor, auditor, report):
    client.force_login(liaison)
    attach(client, report, "a.pdf", PDF)
    evidence = EvidenceFile.objects.get()
    for user in (supervisor, auditor):
        client.force_login(user)
        assert client.get(reverse("progress:evidence", args=[evidence.pk])).status_code == 200


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("成绩单.pdf", PNG),  # an image named as a PDF
        ("照片.png", PDF),
        ("表格.xlsx", b"just some text pretending"),
        ("脚本.exe", b"MZ\x90\x00"),
        ("空.pdf", b""),
    ],
)
def test_file_whose_content_is_not_what_its_name_claims_is_refused(
    client, liaison, report, name, data
):
    client.force_login(liaison)
    page = attach(client, report, name, data).content.decode()
    assert EvidenceFile.objects.count() == 0
    assert name in page


def remove(client, evidence):
    """Press 删除 beside the file on the report's form, which is sent as it stands."""
    report = evidence.report
    report.refresh_from_db()
    fields = {field: getattr(report, field) for field in FIELDS}
    return client.post(
        reverse("progress:save-and-remove", args=[report.pk, evidence.pk]),
        {**fields, "version": report.version},
        follow=True,
    )


def test_a_file_attached_by_mistake_is_removed_from_the_report_and_the_disk(
    client, liaison, report, django_capture_on_commit_callbacks
):
    from workplan.audit.models import AuditRecord

    client.force_login(liaison)
    attach(client, report, "错传的表格.pdf", PDF)
    evidence = EvidenceFile.objects.get()
    stored = evidence_dir() / evidence.stored_name
    with django_capture_on_commit_callbacks(execute=True):
        page = remove(client, evidence).content.decode()
    assert "已删除 错传的表格.pdf" in page and "错传的表格.pdf</a>" not in page
    assert not EvidenceFile.objects.exists() and not stored.exists()
    assert AuditRecord.objects.filter(action="delete", object_repr="错传的表格.pdf").exists()


def test_files_submitted_with_a_version_stay_after_the_report_is_returned(
    client, liaison, supervisor, report
):
    from workplan.progress.actions import (
        ReportData,
        do_return_report,
        do_save_report,
        do_submit_report,
    )

    client.force_login(liaison)
    attach(client, report, "第一版佐证.pdf", PDF)
    do_save_report(
        report, ReportData("on_track", 40, "进展", "", ""), read_version=None, by=liaison
    )
    do_submit_report(report, by=liaison)
    do_return_report(report, "请补充材料。", by=supervisor)
    attach(client, report, "补充材料.pdf", PDF)
    first, added = EvidenceFile.objects.order_by("uploaded_at")
    page = client.get(reverse("progress:report", args=[report.pk])).content.decode()
    assert page.count('name="remove"') == 1 and f'name="remove" value="{added.pk}"' in page
    page = remove(client, first).content.decode()
    assert "“第一版佐证.pdf”已随本报告此前的版本提交，予以保留。" in page
    assert EvidenceFile.objects.filter(pk=first.pk).exists()
    remove(client, added)
    assert list(EvidenceFile.objects.all()) == [first]


def test_only_the_department_removes_its_files(client, liaison, supervisor, outsider, report):
    client.force_login(liaison)
    attach(client, report, "纪要.pdf", PDF)
    evidence = EvidenceFile.objects.get()
    client.force_login(outsider)
    assert remove(client, evidence).status_code == 404
    client.force_login(supervisor)
    assert remove(client, evidence).status_code == 403
    assert EvidenceFile.objects.exists()


def test_attaching_or_removing_a_file_keeps_the_words_being_typed(
    client, liaison, report, django_capture_on_commit_callbacks
):
    """The file controls belong to the report's own form: what was typed is saved with them."""
    client.force_login(liaison)
    fields = {"status": "on_track", "percent": 30, "problems": "", "next_steps": ""}
    client.post(
        reverse("progress:save-and-attach", args=[report.pk]),
        {**fields, "progress": "正在写的进展", "version": report.version,
         "file": SimpleUploadedFile("方案.pdf", PDF)},
        follow=True,
    )  # fmt: skip
    report.refresh_from_db()
    assert report.progress == "正在写的进展" and report.evidence.get().original_name == "方案.pdf"
    evidence = report.evidence.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("progress:save-and-remove", args=[report.pk, evidence.pk]),
            {**fields, "progress": "又改了一句", "version": report.version},
            follow=True,
        )
    report.refresh_from_db()
    assert report.progress == "又改了一句" and not report.evidence.exists()
    assert "已删除 方案.pdf" in response.content.decode()
