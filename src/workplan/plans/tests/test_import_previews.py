"""Import previews wait on the server, not in the session: the session stays small however many
large documents are previewed, a preview is its uploader's alone, and previews are deleted when
applied, superseded or a day old."""

import io

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from workplan.accounts.tests.factories import make_user
from workplan.plans.actions import preview_file
from workplan.plans.models import ImportPreview, Plan
from workplan.plans.table import table_rows, table_title
from workplan.plans.xlsx import task_table_workbook

pytestmark = pytest.mark.django_db


def large_document(example_plan) -> bytes:
    """Return the example plan with 40 more tasks in each key point: some 500 tasks."""
    extra = "组织开展专项督查，完善相关制度并形成年度工作总结报告。" * 40
    return example_plan.read_text().replace("。（", "。" + extra + "（").encode()


def upload(client, data: bytes, name: str = "plan.md"):
    return client.post(reverse("plans:plan-upload"), {"document": SimpleUploadedFile(name, data)})


def session_bytes(client) -> int:
    return len(Session.objects.get(pk=client.session.session_key).session_data)


def test_supervisor_session_stays_small_after_five_previews_of_a_large_document(
    client, supervisor, example_plan
):
    client.force_login(supervisor)
    data = large_document(example_plan)
    for _ in range(5):
        assert upload(client, data).status_code == 302
    assert client.get(reverse("plans:plan-list")).status_code == 200
    assert session_bytes(client) < 4096
    assert ImportPreview.objects.filter(owner=supervisor).count() == 5


def test_another_supervisor_gets_404_for_someone_elses_preview(client, supervisor, example_plan):
    client.force_login(supervisor)
    preview_url = upload(client, example_plan.read_bytes())["Location"]
    colleague = make_user("colleague", roles=["supervisor"])
    client.force_login(colleague)
    assert client.get(preview_url).status_code == 404
    assert client.post(preview_url).status_code == 404
    assert Plan.objects.count() == 0


def test_applied_preview_is_deleted(client, supervisor, example_plan):
    client.force_login(supervisor)
    client.post(upload(client, example_plan.read_bytes())["Location"])
    assert Plan.objects.count() == 1
    assert not ImportPreview.objects.exists()


def test_a_sixth_upload_supersedes_the_oldest_preview(client, supervisor, example_plan):
    client.force_login(supervisor)
    first = upload(client, example_plan.read_bytes())["Location"]
    for _ in range(5):
        upload(client, example_plan.read_bytes())
    assert ImportPreview.objects.filter(owner=supervisor).count() == 5
    assert "已过期" in client.get(first, follow=True).content.decode()


def test_previews_older_than_a_day_are_deleted_by_the_next_upload(client, supervisor, example_plan):
    client.force_login(supervisor)
    with time_machine.travel("2024-06-01 09:00 +08:00"):
        old = upload(client, example_plan.read_bytes())["Location"]
    with time_machine.travel("2024-06-02 09:01 +08:00"):
        client.force_login(supervisor)  # the session itself ended after 8 idle hours
        upload(client, example_plan.read_bytes())
        assert ImportPreview.objects.count() == 1
        assert "已过期" in client.get(old, follow=True).content.decode()


@pytest.fixture
def plan(hubei_txt):
    call_command("import", str(hubei_txt))
    return Plan.objects.get()


def edited_table(plan) -> bytes:
    book = load_workbook(io.BytesIO(task_table_workbook(table_title(plan), table_rows(plan))))
    sheet = book.active
    sheet.cell(row=3, column=8).value = "2024年9月底前"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload_table(client, plan, data):
    return client.post(
        reverse("plans:table-upload", args=[plan.pk]),
        {"sheet": SimpleUploadedFile("table.xlsx", data)},
    )


def test_table_preview_is_the_uploaders_alone_and_deleted_with_its_file_when_applied(
    client, supervisor, plan, django_capture_on_commit_callbacks
):
    client.force_login(supervisor)
    response = upload_table(client, plan, edited_table(plan))
    assert response.status_code == 200, response.context["diff"].errors
    preview = ImportPreview.objects.get(token=response.context["token"])
    assert preview_file(preview).is_file()
    assert "staged_tables" not in client.session
    apply_url = reverse("plans:table-apply", args=[plan.pk, preview.token])
    client.force_login(make_user("colleague", roles=["supervisor"]))
    assert client.post(apply_url).status_code == 404
    client.force_login(supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(apply_url).status_code == 302
    assert not ImportPreview.objects.exists()
    assert not preview_file(preview).exists()
