"""A form whose text is larger than Django reads into memory (DATA_UPLOAD_MAX_MEMORY_SIZE,
2.5 MB) is refused with the 413 page naming that limit, in the reader's language — not
Django's bare 400 — whether it is sent as a plain form or with a file, and nothing is saved."""

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode

from workplan.progress.actions import ReportData, do_save_report, do_start_report
from workplan.progress.models import ProgressReport
from workplan.progress.queries import current_period
from workplan.progress.tests.conftest import plan  # noqa: F401

pytestmark = pytest.mark.django_db

BIG = "进" * (1024 * 1024)  # 3 MB of UTF-8, 9 MB once percent-encoded


@pytest.fixture
def report(plan, department, liaison):  # noqa: F811
    with time_machine.travel("2024-06-20 10:00 +08:00"):
        task = plan.key_points.get(number=4).tasks.first()
        started = do_start_report(task, department, current_period(plan), "lead", by=liaison)
        data = ReportData("on_track", 40, "已完成方案初稿。", "", "")
        return do_save_report(started, data, read_version=None, by=liaison)


def post(client, report, data, **extra):
    return client.post(reverse("progress:report", args=[report.pk]), data, **extra)


@pytest.fixture
def liaison_client(liaison):
    client = Client(enforce_csrf_checks=True)  # refused before the CSRF check reads the body
    client.force_login(liaison)
    return client


def test_liaison_sending_a_plain_form_over_2_5_mb_gets_413_naming_the_limit(liaison_client, report):
    fields = {"status": "on_track", "percent": 40, "progress": BIG, "version": report.version}
    form = "application/x-www-form-urlencoded"
    response = post(liaison_client, report, urlencode(fields), content_type=form)
    page = response.content.decode()
    assert response.status_code == 413
    assert "2.5 MB" in page and "表单" in page
    assert "服务器无法理解" not in page and "CSRF" not in page
    assert ProgressReport.objects.get(pk=report.pk).progress == "已完成方案初稿。"


def test_liaison_sending_over_2_5_mb_of_text_with_a_file_gets_413_naming_the_form_limit(
    liaison_client, report
):
    fields = {
        "status": "on_track",
        "percent": 40,
        "progress": BIG,
        "version": report.version,
        "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4\n"),
    }
    response = post(liaison_client, report, fields)
    assert response.status_code == 413
    assert "2.5 MB" in response.content.decode()
    assert report.evidence.count() == 0


def test_the_form_refusal_is_in_english_for_an_english_reader(liaison, report):
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(liaison)
    response = post(
        client,
        report,
        urlencode({"progress": BIG}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert "2.5 MB" in response.content.decode()
    assert "form" in response.content.decode()
