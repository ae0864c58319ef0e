"""Files go with a 督办单's reply and a 批示's answer: checked by content, stored under a random
name, and served only to those who may read the notice or instruction."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from workplan.supervision.actions import do_give_instruction, do_issue_notice
from workplan.supervision.files import reply_files_dir
from workplan.supervision.models import Notice, ReplyFile

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def order(task, department, supervisor):
    return do_issue_notice(task, department, "请报送课程建设方案。", None, by=supervisor)


def reply(client, user, order, *files, text="方案见附件。"):
    client.force_login(user)
    url = reverse("supervision:notice-reply", args=[order.pk])
    return client.post(url, {"reply": text, "files": list(files)}, follow=True)


def test_a_reply_carries_its_files_and_the_office_downloads_them(
    client, liaison, supervisor, order
):
    reply(
        client,
        liaison,
        order,
        SimpleUploadedFile("方案.pdf", PDF),
        SimpleUploadedFile("b.pdf", PDF),
    )
    files = list(ReplyFile.objects.order_by("pk"))
    assert [f.original_name for f in files] == ["方案.pdf", "b.pdf"]
    assert (
        files[0].stored_name != "方案.pdf" and (reply_files_dir() / files[0].stored_name).is_file()
    )
    client.force_login(supervisor)
    page = client.get(reverse("supervision:notice", args=[order.pk])).content.decode()
    assert "方案.pdf" in page
    response = client.get(reverse("supervision:reply-file", args=[files[0].pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_outsider_gets_404_for_a_reply_file(client, liaison, outsider, order):
    reply(client, liaison, order, SimpleUploadedFile("方案.pdf", PDF))
    client.force_login(outsider)
    file_id = ReplyFile.objects.get().pk
    assert client.get(reverse("supervision:reply-file", args=[file_id])).status_code == 404


def test_a_file_that_is_not_what_its_name_says_is_refused_with_the_reply(client, liaison, order):
    page = reply(client, liaison, order, SimpleUploadedFile("方案.pdf", b"MZ not a pdf")).content
    assert "方案.pdf：文件内容并非 PDF 格式" in page.decode()
    assert not ReplyFile.objects.exists()
    assert Notice.objects.get().state == Notice.State.OPEN  # the reply waits for a good file


def test_too_many_files_are_refused(client, liaison, order):
    files = [SimpleUploadedFile(f"{n}.pdf", PDF) for n in range(11)]
    page = reply(client, liaison, order, *files).content.decode()
    assert "一次回复最多附 10 个文件" in page
    assert not ReplyFile.objects.exists()


def test_an_answer_to_an_instruction_carries_its_file(client, task, leader, liaison):
    instruction = do_give_instruction(task, "抓紧推进。", by=leader)
    client.force_login(liaison)
    url = reverse("supervision:instruction-answer", args=[instruction.pk])
    client.post(url, {"answer": "已部署。", "files": [SimpleUploadedFile("纪要.pdf", PDF)]})
    attached = ReplyFile.objects.get()
    assert attached.instruction == instruction and attached.notice is None
    client.force_login(leader)
    page = client.get(reverse("pages:task-detail", args=[task.pk])).content.decode()
    assert reverse("supervision:reply-file", args=[attached.pk]) in page
    assert client.get(reverse("supervision:reply-file", args=[attached.pk])).status_code == 200


def test_a_missing_file_id_is_404(client, supervisor):
    client.force_login(supervisor)
    assert client.get(reverse("supervision:reply-file", args=[999])).status_code == 404


def test_the_notice_page_does_not_grow_in_queries_with_its_files(
    client, liaison, supervisor, order, django_assert_max_num_queries
):
    reply(client, liaison, order, SimpleUploadedFile("a.pdf", PDF))
    client.force_login(supervisor)
    url = reverse("supervision:notice", args=[order.pk])
    with django_assert_max_num_queries(15) as few:
        client.get(url)
    for n in range(5):
        ReplyFile.objects.create(
            notice=order, original_name=f"{n}.pdf", stored_name=f"s{n}", content_type="x",
            size=1, sha256="", uploaded_by=liaison,
        )  # fmt: skip
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert "4.pdf" in client.get(url).content.decode()
