"""The office corrects the split between key points and tasks in the import preview: a task
merged into the one before it, a task that is really a new key point, a key point that is
really a task of the one before. The saved plan has the corrected split, and tasks that move
keep the departments they had."""

import pytest
from django.urls import reverse

from workplan.parsing import parse_bytes
from workplan.parsing.review import UNASSIGNED
from workplan.plans import preview_edits
from workplan.plans.models import ImportPreview, KeyPoint, Plan
from workplan.plans.preview_actions import preview_plan
from workplan.plans.tests.previews import stage_plan_preview

pytestmark = pytest.mark.django_db


def restructure(client, preview, operation, *, point, task=None, version=0):
    data = {"operation": operation, "point": point, "version": version}
    if task is not None:
        data["task"] = task
    return client.post(reverse("plans:import-preview-structure", args=[preview.token]), data)


def saved_plan(client, preview) -> list[tuple[str, list[str]]]:
    """Save the preview; return the plan's key points with their tasks, in order."""
    client.post(reverse("plans:import-preview", args=[preview.token]))
    plan = Plan.objects.get()
    return [
        (f"{kp.number}. {kp.title}", [t.text for t in kp.tasks.order_by("number")])
        for kp in plan.key_points.order_by("number")
    ]


def lead_of(key_point: KeyPoint, number: int) -> list[str]:
    task = key_point.tasks.get(number=number)
    return [str(a.department) for a in task.assignments.filter(role="lead")]


def test_supervisor_merges_a_task_into_the_previous_one(client, supervisor):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    response = restructure(client, preview, "merge", point=1, task=1)
    assert response["Location"].endswith("#p1")
    assert "已调整要点和任务。" in client.get(response["Location"]).content.decode()
    assert saved_plan(client, preview)[1] == (
        "2. 深化教学改革",
        ["推进专业群建设，建设一批示范课程。", "完善教学质量保证体系。"],
    )


def test_supervisor_makes_a_task_a_new_key_point_and_the_tasks_after_it_follow(client, supervisor):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    restructure(client, preview, "to_key_point", point=0, task=1)
    assert saved_plan(client, preview) == [
        ("1. 加强党的建设", ["落实全面从严治党主体责任。"]),
        ("2. 开展基层党组织质量提升行动。", ["推进党建与业务深度融合。"]),
        ("3. 深化教学改革", ["推进专业群建设，", "建设一批示范课程。", "完善教学质量保证体系。"]),
    ]
    new_point = KeyPoint.objects.get(number=2)
    assert [str(a.department) for a in new_point.assignments.all()] == ["宣传部"]
    # 1.3 inherited 党委办公室 and the others from key point 1; under key point 2 it keeps them.
    assert lead_of(new_point, 1) == ["党委办公室"]


def test_supervisor_makes_a_key_point_a_task_of_the_previous_one(client, supervisor):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    restructure(client, preview, "to_task", point=1)
    assert saved_plan(client, preview) == [
        (
            "1. 加强党的建设",
            [
                "落实全面从严治党主体责任。",
                "开展基层党组织质量提升行动。",
                "推进党建与业务深度融合。",
                "深化教学改革",
                "推进专业群建设，",
                "建设一批示范课程。",
                "完善教学质量保证体系。",
            ],
        )
    ]
    key_point = KeyPoint.objects.get()
    assert lead_of(key_point, 1) == []  # still inherits its key point's, as before
    assert lead_of(key_point, 4) == lead_of(key_point, 7) == ["教务处科研处"]


def test_a_split_and_its_reverse_give_back_the_document(client, supervisor):
    preview = stage_plan_preview(supervisor)
    before = preview_plan(preview)
    client.force_login(supervisor)
    restructure(client, preview, "to_key_point", point=1, task=1)
    restructure(client, preview, "to_task", point=2, version=1)
    after = preview_plan(ImportPreview.objects.get())
    assert [(p.number, p.title) for p in after.points] == [
        (p.number, p.title) for p in before.points
    ]
    assert [t.text for t in after.points[1].tasks] == [t.text for t in before.points[1].tasks]


@pytest.mark.parametrize(
    ("operation", "place", "message"),
    [
        ("merge", {"point": 0, "task": 0}, "1.1 是所在要点的第一项任务，前面没有可并入的任务。"),
        ("to_key_point", {"point": 0, "task": 0}, "改为新要点后，要点 1 将没有任务。"),
        ("to_key_point", {"point": 1, "task": 2}, "改为新要点后，新要点将没有任务。"),
        ("to_task", {"point": 0}, "要点 1 是第一个要点，前面没有要点。"),
        ("to_task", {"point": 0, "task": 1}, "这一项不能做这种调整。"),
        ("delete", {"point": 0, "task": 1}, "调整："),
        ("merge", {"point": 5, "task": 1}, "预览中已没有这一项"),
    ],
)
def test_a_change_that_cannot_be_made_answers_with_a_message(
    client, supervisor, operation, place, message
):
    preview = stage_plan_preview(supervisor)
    before = ImportPreview.objects.get().payload
    client.force_login(supervisor)
    response = restructure(client, preview, operation, **place)
    assert response.status_code == 302
    assert message in client.get(response["Location"]).content.decode()
    assert ImportPreview.objects.get().payload == before


def test_a_task_too_long_for_a_key_points_title_stays_a_task(client, supervisor):
    parsed = preview_plan(stage_plan_preview(supervisor))
    parsed.points[0].tasks[1].text = "开" * 501
    preview = stage_plan_preview(supervisor, parsed)
    client.force_login(supervisor)
    response = restructure(client, preview, "to_key_point", point=0, task=1)
    page = client.get(response["Location"]).content.decode()
    assert "1.2 共 501 个字，要点标题最多 500 个字。" in page


def test_supervisor_leaves_out_an_item_that_is_no_task(client, supervisor):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    response = restructure(client, preview, "remove", point=1, task=2)
    assert response.status_code == 302
    assert saved_plan(client, preview)[1] == (
        "2. 深化教学改革",
        ["推进专业群建设，", "建设一批示范课程。"],
    )


def test_a_task_merged_with_the_annotated_line_after_it_no_longer_says_it_is_unassigned():
    """A task cut in two before its annotation: once merged, it has the departments and the
    preview stops asking the office to check who is responsible."""
    document = "\n".join(
        [
            "明湖学院2026年工作要点",
            "一、深化教学改革",
            "1.推进专业群建设。（责任单位：教务处）",
            "2.修订人才培养方案，",
            "3.完善课程体系。（责任单位：教务处、各二级学院）",
        ]
    )
    parsed = parse_bytes(document.encode(), "要点.txt")
    assert parsed.points[0].tasks[1].warnings == [UNASSIGNED]
    preview_edits.restructure(parsed, "merge", preview_edits.Place(point=0, task=2))
    merged = parsed.points[0].tasks[1]
    assert merged.responsibility.lead == ["教务处"]
    assert UNASSIGNED not in merged.warnings
