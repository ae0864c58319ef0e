"""Evidence files: checked by content, stored under random names, served only to those who may see them."""

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from workplan.progress.actions import do_start_report
from workplan.progress.evidence import evidence_dir
from workplan.progress.models import EvidenceFile

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def june():
    with time_machine.travel("2024-06-20 10:00 +08:00"):
        yield


@pytest.fixture
def report(plan, department, liaison):
    task = plan.key_points.get(number=4).tasks.first()
    return do_start_report(
        task, department, plan.periods.get(opens_on="2024-06-01"), "lead", by=liaison
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
