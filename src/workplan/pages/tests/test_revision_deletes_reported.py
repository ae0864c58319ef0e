"""A revision that drops a task on which work was recorded says so, and deletes it only when
the clerk confirms; without that, nothing at all changes.

The revision is made from the real document at test time: task 2.6 is left out and task 1.1
reworded, so a refused apply can be seen to have changed neither."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from workplan.audit.models import AuditRecord
from workplan.plans.models import Plan, Task
from workplan.plans.queries import RecordedWork
from workplan.progress.evidence import evidence_dir
from workplan.progress.models import EvidenceFile, ProgressReport
from workplan.supervision.models import Instruction, Notice

pytestmark = pytest.mark.django_db
CARRIED = RecordedWork(reports=2, evidence=1, notices=1, instructions=1)


def in_chinese(work: RecordedWork) -> str:
    with translation.override("zh-hans"):
        return work.describe()


@pytest.fixture
def draft(hubei_txt):
    call_command("import", str(hubei_txt))
    return Plan.objects.get()


@pytest.fixture
def dropped(draft, record_work):
    """Task 2.6, with two months' reports, an evidence file, a notice and an instruction."""
    task = Task.objects.get(key_point__number=2, number=6)
    record_work(task, reports=2, evidence=1, notices=1, instructions=1)
    return task


@pytest.fixture
def final_text(hubei_txt, dropped, tmp_path):
    first = Task.objects.get(key_point__number=1, number=1).text
    text = hubei_txt.read_text(encoding="utf-8").replace(dropped.text, "")
    text = text.replace(first, first.rstrip("。") + "，形成制度。")
    path = tmp_path / "正式稿.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def preview(client, supervisor, final_text):
    client.force_login(supervisor)
    upload = client.post(
        reverse("plans:plan-upload"),
        {"document": SimpleUploadedFile("正式稿.txt", final_text.read_bytes())},
    )
    return upload["Location"]


def nothing_changed(draft, dropped):
    assert Task.objects.count() == 63
    assert Task.objects.filter(pk=dropped.pk, text=dropped.text).exists()
    assert ProgressReport.objects.filter(task=dropped).count() == 2
    assert (
        EvidenceFile.objects.count() == Notice.objects.count() == Instruction.objects.count() == 1
    )
    assert not Task.objects.filter(text__endswith="，形成制度。").exists()
    assert Plan.objects.get().fingerprint == draft.fingerprint


def test_preview_warns_what_the_dropped_task_carries(client, preview, dropped):
    response = client.get(preview)
    page = response.content.decode()
    warning = page[page.index('id="deletion-warning"') :]
    assert dropped.code in warning and dropped.text[:20] in warning
    assert in_chinese(CARRIED) in warning
    assert 'name="delete_reported"' in page


def test_applying_without_confirmation_refuses_and_changes_nothing(client, preview, draft, dropped):
    response = client.post(preview)
    assert response.status_code == 302 and response["Location"] == preview
    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "error" and dropped.code in str(message)
    nothing_changed(draft, dropped)
    assert "deletion-warning" in client.get(preview).content.decode()  # still there to confirm


def test_applying_with_confirmation_deletes_the_task_and_its_records(
    client, preview, dropped, django_capture_on_commit_callbacks
):
    digest = client.get(preview).context["revision"].removal_digest()
    stored = evidence_dir() / EvidenceFile.objects.get().stored_name
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(preview, {"delete_reported": digest})
    assert response.status_code == 302
    assert not Task.objects.filter(pk=dropped.pk).exists()
    assert ProgressReport.objects.count() == EvidenceFile.objects.count() == 0
    assert Notice.objects.count() == Instruction.objects.count() == 0
    assert not stored.exists()
    assert Task.objects.filter(text__endswith="，形成制度。").exists()
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert any(in_chinese(CARRIED) in m for m in shown)  # the success is not the whole story
    deleted = AuditRecord.objects.get(
        object_type="plans.task", object_id=str(dropped.pk), action="delete"
    )
    assert in_chinese(CARRIED) in deleted.note


def test_a_report_filed_after_the_preview_voids_the_confirmation(
    client, preview, draft, dropped, record_work
):
    digest = client.get(preview).context["revision"].removal_digest()
    record_work(dropped, reports=0, notices=1)
    response = client.post(preview, {"delete_reported": digest})
    assert response["Location"] == preview
    assert Task.objects.filter(pk=dropped.pk).exists() and Notice.objects.count() == 2


def test_command_line_refuses_without_delete_reported(draft, dropped, final_text, capsys):
    with pytest.raises(CommandError) as refused:
        call_command("import", str(final_text), "--revise")
    assert refused.value.returncode == 2 and "--delete-reported" in str(refused.value)
    out = capsys.readouterr().out
    assert dropped.text in out and in_chinese(RecordedWork(reports=2, evidence=1)) in out
    nothing_changed(draft, dropped)
    call_command("import", str(final_text), "--revise", "--delete-reported")
    assert not Task.objects.filter(pk=dropped.pk).exists()
    assert ProgressReport.objects.count() == 0
    assert "删除 1 项任务" in capsys.readouterr().out
