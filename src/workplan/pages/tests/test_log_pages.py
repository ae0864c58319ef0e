"""Auditors search the log, export it to Excel, and see each task's timeline."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from workplan.audit.records import record_changed
from workplan.plans.models import Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(example_plan):
    call_command("import", str(example_plan))


def test_auditor_searches_by_words_person_and_action(
    client, auditor, liaison, department, imported
):
    record_changed(department, [("phone", "", "027-5555")], by=liaison)
    client.force_login(auditor)
    page = client.get(reverse("audit:log"), {"text": "027-5555"}).content.decode()
    assert "027-5555" in page and "liaison" in page
    only_changes = client.get(reverse("audit:log"), {"action": "change", "actor": "liaison"})
    assert only_changes.context["page"].paginator.count == 1


def test_export_opens_in_excel_with_one_row_per_record(client, auditor, imported):
    client.force_login(auditor)
    response = client.get(reverse("audit:export"), {"object_type": "plans.task"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + Task.objects.count()
    assert rows[0][0] in ("时间", "Time")
    assert {row[4] for row in rows[1:]} == {"具体任务"}


def test_log_page_and_export_use_a_fixed_number_of_queries(
    client, auditor, example_plan, hubei_txt
):
    client.force_login(auditor)
    call_command("import", str(example_plan))
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as page_queries:
            client.get(reverse("audit:log"))
        with CaptureQueriesContext(connection) as export_queries:
            client.get(reverse("audit:export"))
        counts.append((len(page_queries), len(export_queries)))
        call_command("import", str(hubei_txt))
    assert counts[0] == counts[1]


def test_task_page_shows_its_timeline(client, viewer, imported):
    task = Task.objects.first()
    client.force_login(viewer)
    page = client.get(reverse("pages:task-detail", args=[task.pk])).content.decode()
    assert task.text in page
    assert "jiangcheng-2024.md" in page  # created by the import of that file


def test_search_finds_chinese_words_in_the_changes_and_login_names(
    client, auditor, liaison, department
):
    record_changed(department, [("address", "", "行政楼302")], by=liaison)
    client.force_login(auditor)
    assert client.get(reverse("audit:log"), {"text": "行政楼"}).context["page"].paginator.count == 1
    assert (
        client.get(reverse("audit:log"), {"actor": "liaison", "action": "change"})
        .context["page"]
        .paginator.count
        == 1
    )


def test_a_return_reason_is_labelled_as_such_not_by_its_code_name():
    from workplan.audit.labels import field_label

    assert field_label("progress.progressreport", "comment") == "审核意见"
