"""A revised document (征求意见稿 → 正式稿) updates the plan without losing the task table."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from workplan.audit.models import AuditRecord
from workplan.parsing import parse_file
from workplan.plans.actions import do_revise_plan
from workplan.plans.models import Plan, Task
from workplan.plans.revisions import compare_revision

pytestmark = pytest.mark.django_db

REWORDED_FROM = "推动学分银行落地。"
REWORDED_TO = "推动学分银行建设落地见效。"
REMOVED = "推动实施湖北养老教育服务园区项目。"
ADDED = "建设开放大学数字化学习平台。"


@pytest.fixture
def draft(hubei_txt):
    call_command("import", str(hubei_txt))
    return Plan.objects.get()


@pytest.fixture
def final_text(hubei_txt, tmp_path):
    text = hubei_txt.read_text(encoding="utf-8")
    assert REWORDED_FROM in text and REMOVED in text
    text = text.replace(REWORDED_FROM, REWORDED_TO).replace(REMOVED, "")
    text = text.replace("加强终身教育研究。", "加强终身教育研究。" + ADDED)
    text = text.replace(
        "（责任部门：教务处、招就处、校友办、开放教育学院、各学院）",
        "（责任部门：招就处、教务处、开放教育学院、各学院）",
    )
    path = tmp_path / "正式稿.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_revision_lists_what_changed(draft, final_text):
    revision = compare_revision(draft, parse_file(final_text))
    assert [(t.text, p.parsed.text) for t, p, _score in revision.tasks_reworded] == [
        (REWORDED_FROM, REWORDED_TO)
    ]
    assert [t.text for t in revision.tasks_removed] == [REMOVED]
    assert [p.parsed.text for p in revision.tasks_added] == [ADDED]
    assert revision.responsibility_changed == [
        (
            5,
            "教务处 / 招就处、校友办、开放教育学院 / 各学院",
            "招就处 / 教务处、开放教育学院 / 各学院",
        )
    ]
    assert not revision.points_added and not revision.points_removed


def test_applying_keeps_identity_and_table_entries_of_surviving_tasks(
    draft, final_text, supervisor
):
    reworded = Task.objects.get(text=REWORDED_FROM)
    reworded.deadline_text, reworded.outcome, reworded.note = "年底前", "学分银行上线", "重点督办"
    reworded.save()
    untouched = Task.objects.get(key_point__number=1, number=1)
    untouched.outcome = "学习覆盖率100%"
    untouched.save()
    do_revise_plan(draft, parse_file(final_text), source_name="正式稿.txt", by=supervisor)
    reworded.refresh_from_db()
    assert reworded.text == REWORDED_TO
    assert (reworded.deadline_text, reworded.outcome, reworded.note) == (
        "年底前",
        "学分银行上线",
        "重点督办",
    )
    untouched.refresh_from_db()
    assert untouched.outcome == "学习覆盖率100%"
    assert not Task.objects.filter(text=REMOVED).exists()
    assert Task.objects.filter(text=ADDED, key_point__number=2).exists()
    assert Task.objects.count() == 63
    point5 = draft.key_points.get(number=5)
    assert [a.department.name for a in point5.assignments.filter(role="lead")] == ["招就处"]
    assert [t.number for t in draft.key_points.get(number=2).tasks.order_by("number")] == list(
        range(1, 10)
    )
    history = AuditRecord.objects.filter(
        object_type="plans.task", object_id=str(reworded.pk)
    ).order_by("id")
    assert [r.action for r in history] == ["create", "change"]
    assert not compare_revision(draft, parse_file(final_text)).has_changes


def test_command_line_shows_the_revision_and_applies_only_when_asked(draft, final_text, capsys):
    with pytest.raises(CommandError) as refused:
        call_command("import", str(final_text))
    assert refused.value.returncode == 2
    out = capsys.readouterr().out
    assert REWORDED_TO in out and REMOVED in out
    assert Task.objects.filter(text=REWORDED_FROM).exists()
    call_command("import", str(final_text), "--revise")
    assert Task.objects.filter(text=REWORDED_TO).exists()


def test_web_upload_of_a_revision_shows_it_then_applies(client, supervisor, draft, final_text):
    client.force_login(supervisor)
    upload = client.post(
        reverse("plans:plan-upload"),
        {"document": SimpleUploadedFile("正式稿.txt", final_text.read_bytes())},
    )
    preview = client.get(upload["Location"])
    page = preview.content.decode()
    assert REWORDED_TO in page and REMOVED in page and ADDED in page
    assert Task.objects.filter(text=REWORDED_FROM).exists()
    client.post(upload["Location"])
    assert Task.objects.filter(text=REWORDED_TO).exists()
    assert Plan.objects.count() == 1
