"""A revised task table of thousands of tasks is compared pair by pair only where it must be:
unchanged tasks pair by their text, and rewordings are still found."""

import pytest

from workplan.parsing import ParsedPlan, ParsedPoint, ParsedTask
from workplan.plans import revisions
from workplan.plans.revisions import compare_revision
from workplan.plans.table import chinese_numeral
from workplan.plans.tests.factories import make_key_point, make_plan, make_task

pytestmark = pytest.mark.django_db


def test_a_large_revision_pairs_unchanged_tasks_by_text_and_finds_the_rewording(monkeypatch):
    plan = make_plan(year=2031)
    texts = {}
    for number in range(1, 41):
        key_point = make_key_point(plan, number=number, title=f"第{number}类重点工作")
        texts[number] = [f"完成第{number}类第{i}项工作任务并形成成果。" for i in range(1, 26)]
        for index, text in enumerate(texts[number], start=1):
            make_task(key_point, number=index, text=text)
    texts[7][3] = "完成第7类第4项工作任务，形成可检查的成果。"  # reworded
    parsed = ParsedPlan(
        title="2031年重点任务分解表",
        organization=plan.organization,
        organization_aliases=[],
        year=2031,
        preamble="",
        points=[
            ParsedPoint(number, f"第{number}类重点工作", [ParsedTask(t) for t in texts[number]])
            for number in texts
        ],
        departments=[],
    )
    compared = []
    similarity = revisions.SequenceMatcher

    def counting(*args, **kwargs):
        compared.append(args[1:3])
        return similarity(*args, **kwargs)

    monkeypatch.setattr(revisions, "SequenceMatcher", counting)
    monkeypatch.setattr(revisions, "MAX_TASK_PAIRS", 0)  # as with thousands of tasks
    revision = compare_revision(plan, parsed)
    assert [(place.point_number, place.index) for _t, place, _s in revision.tasks_reworded] == [
        (7, 4)
    ]
    assert not revision.tasks_added and not revision.tasks_removed
    # 999 tasks paired by their text; the one left over is compared within its key point only.
    task_comparisons = [pair for pair in compared if "工作任务" in pair[0]]
    assert len(task_comparisons) == 1


def test_key_point_numerals_beyond_ninety_nine():
    assert [chinese_numeral(n) for n in (1, 10, 19, 99, 100, 101, 110, 120, 999)] == [
        "一", "十", "十九", "九十九", "一百", "一百零一", "一百一十", "一百二十", "九百九十九",
    ]  # fmt: skip
