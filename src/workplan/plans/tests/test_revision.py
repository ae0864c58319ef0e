"""A revised document (征求意见稿 → 正式稿) updates the plan without losing the task table.

The revision is made from the real document at test time: one task reworded, one removed, one
added, and the departments of key point 5 changed.
"""

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
ADDED = "建设开放大学数字化学习平台。"


@pytest.fixture
def draft(hubei_txt):
    call_command("import", str(hubei_txt))
    return Plan.objects.get()


@pytest.fixture
def change(hubei_expected):
    """What the revision does, taken from the document itself."""
    tasks = [t["text"] for t in hubei_expected["points"][1]["tasks"]]
    reworded_from = tasks[7]
    point5 = hubei_expected["points"][4]["responsibility"]
    names = [n for n in point5["raw"].replace("，", "、").split("、") if n not in point5["groups"]]
    new_names = [names[1], names[0], *names[3:]]  # the second leads now; the third is dropped
    return {
        "reworded_from": reworded_from,
        "reworded_to": reworded_from.rstrip("。") + "，形成制度。",
        "removed": tasks[5],
        "after": tasks[6],
        "old_raw": point5["raw"],
        "new_raw": "、".join(new_names) + "，" + "、".join(point5["groups"]),
        "old_names": names,
        "new_names": new_names,
        "groups": point5["groups"],
    }


@pytest.fixture
def final_text(hubei_txt, change, tmp_path):
    text = hubei_txt.read_text(encoding="utf-8")
    text = text.replace(change["reworded_from"], change["reworded_to"]).replace(
        change["removed"], ""
    )
    text = text.replace(change["after"], change["after"] + ADDED)
    text = text.replace(change["old_raw"], change["new_raw"])
    path = tmp_path / "正式稿.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_revision_lists_what_changed(draft, final_text, change):
    revision = compare_revision(draft, parse_file(final_text))
    assert [(t.text, p.parsed.text) for t, p, _score in revision.tasks_reworded] == [
        (change["reworded_from"], change["reworded_to"])
    ]
    assert [t.text for t in revision.tasks_removed] == [change["removed"]]
    assert [p.parsed.text for p in revision.tasks_added] == [ADDED]
    old, new, groups = change["old_names"], change["new_names"], "、".join(change["groups"])
    assert revision.responsibility_changed == [
        (
            5,
            f"{old[0]} / {'、'.join(old[1:])} / {groups}",
            f"{new[0]} / {'、'.join(new[1:])} / {groups}",
        )
    ]
    assert not revision.points_added and not revision.points_removed


def test_applying_keeps_identity_and_table_entries_of_surviving_tasks(
    draft, final_text, change, supervisor
):
    reworded = Task.objects.get(text=change["reworded_from"])
    reworded.deadline_text, reworded.outcome, reworded.note = "年底前", "学分银行上线", "重点督办"
    reworded.save()
    untouched = Task.objects.get(key_point__number=1, number=1)
    untouched.outcome = "学习覆盖率100%"
    untouched.save()
    do_revise_plan(draft, parse_file(final_text), source_name="正式稿.txt", by=supervisor)
    reworded.refresh_from_db()
    assert reworded.text == change["reworded_to"]
    assert (reworded.deadline_text, reworded.outcome, reworded.note) == (
        "年底前",
        "学分银行上线",
        "重点督办",
    )
    untouched.refresh_from_db()
    assert untouched.outcome == "学习覆盖率100%"
    assert not Task.objects.filter(text=change["removed"]).exists()
    assert Task.objects.filter(text=ADDED, key_point__number=2).exists()
    assert Task.objects.count() == 63
    point5 = draft.key_points.get(number=5)
    assert [a.department.name for a in point5.assignments.filter(role="lead")] == [
        change["new_names"][0]
    ]
    assert [t.number for t in draft.key_points.get(number=2).tasks.order_by("number")] == list(
        range(1, 10)
    )
    history = AuditRecord.objects.filter(
        object_type="plans.task", object_id=str(reworded.pk)
    ).order_by("id")
    assert [r.action for r in history] == ["create", "change"]
    assert not compare_revision(draft, parse_file(final_text)).has_changes


def test_command_line_shows_the_revision_and_applies_only_when_asked(
    draft, final_text, change, capsys
):
    with pytest.raises(CommandError) as refused:
        call_command("import", str(final_text))
    assert refused.value.returncode == 2
    out = capsys.readouterr().out
    assert change["reworded_to"] in out and change["removed"] in out
    assert Task.objects.filter(text=change["reworded_from"]).exists()
    call_command("import", str(final_text), "--revise")
    assert Task.objects.filter(text=change["reworded_to"]).exists()


def test_web_upload_of_a_revision_shows_it_then_applies(
    client, supervisor, draft, final_text, change
):
    client.force_login(supervisor)
    upload = client.post(
        reverse("plans:plan-upload"),
        {"document": SimpleUploadedFile("正式稿.txt", final_text.read_bytes())},
    )
    page = client.get(upload["Location"]).content.decode()
    assert change["reworded_to"] in page and change["removed"] in page and ADDED in page
    stored = Task.objects.count()
    assert f"这份修订稿将删除该工作要点 {stored} 项任务中的 1 项，保留 {stored - 1} 项。" in page
    assert Task.objects.filter(text=change["reworded_from"]).exists()
    client.post(upload["Location"])
    assert Task.objects.filter(text=change["reworded_to"]).exists()
    assert Plan.objects.count() == 1


def test_a_revision_that_changes_a_tasks_departments_lists_the_change(tmp_path, capsys):
    """A revised document that only gives a task other co-operating departments shows that
    change before it is applied (it used to be applied unshown)."""
    first = (
        "北湖学院2026年工作要点\n一、安全\n1.开展消防演练。（牵头单位：保卫处；配合单位：后勤处）\n"
    )
    draft = tmp_path / "v1.txt"
    draft.write_text(first, encoding="utf-8")
    call_command("import", str(draft))
    revised = tmp_path / "v2.txt"
    revised.write_text(first.replace("后勤处", "后勤处、学生处"), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import", str(revised))
    assert (
        "~ 任务 1.1 责任部门：保卫处 / 后勤处 → 保卫处 / 后勤处、学生处" in capsys.readouterr().out
    )
    call_command("import", str(revised), "--revise")
    task = Task.objects.get()
    assert [str(a.department) for a in task.assignments.order_by("position")] == [
        "保卫处",
        "后勤处",
        "学生处",
    ]
