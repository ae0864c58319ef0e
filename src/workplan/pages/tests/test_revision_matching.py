"""A revision matches a task edited in the task table to its place in the document, so the task
keeps its reports; an unrelated task in the same place is still a deletion and an addition.

Made from the real document at test time: in the stored plan task 2.4 has been reworded in the
task table (too much for the similarity match alone); the revised document replaces task 2.6."""

import pytest
from django.core.management import call_command

from workplan.parsing import parse_file
from workplan.plans.actions import do_revise_plan
from workplan.plans.models import Plan, Task
from workplan.plans.revisions import TASK_SIMILARITY, compare_revision, similarity
from workplan.progress.models import ProgressReport

pytestmark = pytest.mark.django_db
REPLACEMENT = "建设开放大学数字化学习平台。"


@pytest.fixture
def plan(hubei_txt):
    call_command("import", str(hubei_txt))
    return Plan.objects.get()


@pytest.fixture
def edited(plan, record_work):
    """Task 2.4, reworded in the task table after its words were imported, with 3 reports."""
    task = Task.objects.get(key_point__number=2, number=4)
    task.original = task.text
    task.text = task.text.split("，")[0] + "，2021年10月底前形成评估报告并报学校党委审议。"
    task.save()
    record_work(task, reports=3)
    return task


@pytest.fixture
def revised(hubei_txt, plan, tmp_path):
    replaced = Task.objects.get(key_point__number=2, number=6).text
    path = tmp_path / "正式稿.txt"
    path.write_text(
        hubei_txt.read_text(encoding="utf-8").replace(replaced, REPLACEMENT), encoding="utf-8"
    )
    return parse_file(path)


def test_task_edited_in_the_table_is_matched_in_its_place(plan, edited, revised):
    assert similarity(edited.text, edited.original) < TASK_SIMILARITY  # the old rule lost it
    revision = compare_revision(plan, revised)
    assert [(t.pk, p.parsed.text) for t, p, _s in revision.tasks_reworded] == [
        (edited.pk, edited.original)
    ]
    assert edited.pk not in {t.pk for t in revision.tasks_removed}
    assert not revision.removed_work


def test_applying_keeps_the_edited_task_and_its_reports(plan, edited, revised, supervisor):
    do_revise_plan(plan, revised, source_name="正式稿.txt", by=supervisor)
    edited.refresh_from_db()
    assert edited.text == edited.original and edited.code == "2.4"
    assert ProgressReport.objects.filter(task=edited).count() == 3


def test_an_unrelated_task_in_the_same_place_is_deleted_and_added(plan, revised):
    before = Task.objects.get(key_point__number=2, number=6)
    revision = compare_revision(plan, revised)
    assert [t.pk for t in revision.tasks_removed] == [before.pk]
    assert [(p.point_number, p.index, p.parsed.text) for p in revision.tasks_added] == [
        (2, 6, REPLACEMENT)
    ]
    assert not revision.tasks_reworded
