"""Upload on the plan list: the parse is shown for confirmation; only confirming saves it."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from workplan.plans.models import Plan, Task

pytestmark = pytest.mark.django_db


def upload(client, name: str, data: bytes):
    document = SimpleUploadedFile(name, data)
    return client.post(reverse("plans:plan-upload"), {"document": document})


def test_supervisor_uploads_checks_and_confirms(client, supervisor, example_plan):
    client.force_login(supervisor)
    response = upload(client, "jiangcheng.md", example_plan.read_bytes())
    assert response.status_code == 302
    preview_url = response["Location"]
    preview = client.get(preview_url)
    page = preview.content.decode()
    assert "12 条要点、50 项任务、22 个部门" in page
    assert "尚未保存" in page
    assert Plan.objects.count() == 0
    confirmed = client.post(preview_url, follow=True)
    plan = Plan.objects.get()
    assert confirmed.redirect_chain[-1][0] == reverse("pages:plan-detail", args=[plan.pk])
    assert Task.objects.count() == 50
    assert plan.created_by == supervisor
    assert "待核对" in confirmed.content.decode()  # new departments are announced


def test_real_document_upload_shows_its_warnings_free_parse(client, supervisor, hubei_txt):
    client.force_login(supervisor)
    response = upload(client, hubei_txt.name, hubei_txt.read_bytes())
    page = client.get(response["Location"]).content.decode()
    assert "12 条要点、63 项任务、30 个部门" in page
    assert "管评中心" in page


def test_confirming_twice_imports_once(client, supervisor, example_plan):
    client.force_login(supervisor)
    preview_url = upload(client, "p.md", example_plan.read_bytes())["Location"]
    client.post(preview_url)
    second = client.post(preview_url, follow=True)
    assert Plan.objects.count() == 1
    assert "已过期" in second.content.decode()


def test_same_document_uploaded_again_reports_unchanged(client, supervisor, example_plan):
    client.force_login(supervisor)
    client.post(upload(client, "p.md", example_plan.read_bytes())["Location"])
    again = client.post(upload(client, "p.md", example_plan.read_bytes())["Location"], follow=True)
    assert Plan.objects.count() == 1
    assert "内容无变化" in again.content.decode()


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("scan.png", b"\x89PNG\r\n\x1a\n", "不支持 .png"),
        ("empty.txt", b"", "空文件"),
        ("broken.docx", b"PK\x03\x04 not really", "不是有效的 Word"),
        ("letter.txt", "通知：请准时参会。".encode(), "没有找到编号的工作要点"),
    ],
)
def test_bad_file_gets_a_clear_message_and_nothing_is_saved(
    client, supervisor, name, data, fragment
):
    client.force_login(supervisor)
    response = upload(client, name, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert fragment in page, re.sub(r"\s+", " ", page)[:2000]
    assert Plan.objects.count() == 0


def test_viewer_cannot_upload_or_see_the_form(client, viewer, example_plan):
    client.force_login(viewer)
    assert "enctype" not in client.get(reverse("plans:plan-list")).content.decode()
    assert upload(client, "p.md", example_plan.read_bytes()).status_code == 403
    assert Plan.objects.count() == 0


def test_viewer_cannot_confirm_someone_elses_preview(client, supervisor, viewer, example_plan):
    client.force_login(supervisor)
    preview_url = upload(client, "p.md", example_plan.read_bytes())["Location"]
    client.force_login(viewer)
    assert client.post(preview_url).status_code == 403
    assert Plan.objects.count() == 0


def test_the_same_document_uploaded_again_opens_its_plan_and_offers_no_corrections(
    client, supervisor, example_plan
):
    """The plan imported from the document holds the office's corrections; a second preview
    would offer corrections it could not keep, so the upload opens the plan and says so."""
    client.force_login(supervisor)
    client.post(upload(client, "p.md", example_plan.read_bytes())["Location"])
    plan = Plan.objects.get()
    again = client.get(upload(client, "p.md", example_plan.read_bytes())["Location"], follow=True)
    assert again.redirect_chain[-1][0] == reverse("pages:plan-detail", args=[plan.pk])
    assert "此前已导入" in again.content.decode()
    assert Plan.objects.count() == 1 and Task.objects.count() == 50
