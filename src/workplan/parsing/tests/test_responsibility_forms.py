"""Every common way of writing who is responsible reads to the same lead / co / groups."""

import pytest

from workplan.parsing import parse_bytes


def parse_point(body: str):
    text = f"某大学\n\n2022年工作要点\n\n总体要求。\n\n一、做好某项工作。完成甲任务。{body}\n"
    plan = parse_bytes(text.encode("utf-8"), "plan.txt")
    return plan.points[0], plan


# annotation as written → (lead, co, groups, leaders)
FORMS = [
    ("（责任部门：教务处、人事处，各学院）", ["教务处"], ["人事处"], ["各学院"], []),
    ("(责任部门：教务处、人事处，各学院)", ["教务处"], ["人事处"], ["各学院"], []),
    ("（责任部门: 教务处、人事处)", ["教务处"], ["人事处"], [], []),
    ("(责任部门：教务处、人事处）", ["教务处"], ["人事处"], [], []),
    ("**（责任部门：教务处、人事处）**", ["教务处"], ["人事处"], [], []),
    ("（责任单位：教务处、人事处等）", ["教务处"], ["人事处"], [], []),
    (
        "（牵头单位：区政府办公室；责任单位：区司法局等有关部门）",
        ["区政府办公室"],
        ["区司法局"],
        [],
        [],
    ),
    ("（责任单位：教务处、科研处等相关职能部门）", ["教务处"], ["科研处"], [], []),
    ("（牵头部门：人事处；配合部门：教务处、财务处）", ["人事处"], ["教务处", "财务处"], [], []),
    ("（牵头单位：人事处；协办单位：教务处）", ["人事处"], ["教务处"], [], []),
    (
        "（牵头单位：人事处、组织部；配合单位：各单位、部门）",
        ["人事处", "组织部"],
        [],
        ["各单位、部门"],
        [],
    ),
    (
        "（责任领导:张三;牵头单位:区发改局;责任单位:区财政局）",
        ["区发改局"],
        ["区财政局"],
        [],
        ["张三"],
    ),
    ("（分管校领导：李四、王五；责任部门：教务处）", ["教务处"], [], [], ["李四", "王五"]),
    ("（责任部门：教务\n\n处、人事处）", ["教务处"], ["人事处"], [], []),
    ("（责任部门：单位（部门）办公室、人事处）", ["单位（部门）办公室"], ["人事处"], [], []),
    ("（责任部门：党办校办、相关职能部门）", ["党办校办"], [], ["相关职能部门"], []),
    ("（责任部门：宣传部，各总支、直属党支部）", ["宣传部"], [], ["各总支", "直属党支部"], []),
    ("（责任部门：科研处、各院部、社区教育学院等）", ["科研处"], ["社区教育学院"], ["各院部"], []),
    ("\n\n责任单位：教务处、人事处", ["教务处"], ["人事处"], [], []),
    ("\n\n牵头部门：人事处；配合部门：教务处", ["人事处"], ["教务处"], [], []),
    ("\n\n牵头：人事处；配合：教务处、财务处", ["人事处"], ["教务处", "财务处"], [], []),
    ("（牵头：人事处；协办：教务处）", ["人事处"], ["教务处"], [], []),
    ("（主责：人事处；配合：各学院）", ["人事处"], [], ["各学院"], []),
]


@pytest.mark.parametrize(("annotation", "lead", "co", "groups", "leaders"), FORMS)
def test_annotation_form_reads_to_lead_co_groups(annotation, lead, co, groups, leaders):
    point, plan = parse_point(annotation)
    resp = point.responsibility
    assert resp is not None, annotation
    assert (resp.lead, resp.co, resp.groups, resp.leaders) == (lead, co, groups, leaders)
    assert [t.text for t in point.tasks] == ["完成甲任务。"]
    assert not any(name in plan.to_dict()["departments"] for name in leaders)


def test_brackets_inside_task_text_are_not_annotations():
    point, _ = parse_point(
        "推进《行动计划（2020—2023年）》。建设职业教育集团（联盟）。（责任部门：教务处）"
    )
    assert [t.text for t in point.tasks] == [
        "完成甲任务。",
        "推进《行动计划（2020—2023年）》。",
        "建设职业教育集团（联盟）。",
    ]
    assert point.responsibility.lead == ["教务处"]


def test_unclosed_bracket_gives_a_warning_and_reads_to_the_end():
    point, plan = parse_point("（责任部门：教务处、人事处")
    assert point.responsibility.lead == ["教务处"]
    assert point.responsibility.co == ["人事处"]
    assert any("没有闭合" in w for w in plan.warnings)


def test_point_without_annotation_gives_a_warning():
    point, plan = parse_point("完成乙任务。")
    assert point.responsibility is None
    assert plan.warnings == ["第1条要点“做好某项工作”没有标注责任部门。"]


def test_people_named_as_leaders_are_not_departments():
    _, plan = parse_point("（责任领导：张三；牵头单位：区发改局）")
    assert [d.name for d in plan.departments] == ["区发改局"]


def test_the_words_lead_and_co_inside_a_sentence_are_not_labels():
    point, _ = parse_point("由教务处牵头，配合开展评估：完成丙任务。（责任部门：教务处）")
    assert point.responsibility.lead == ["教务处"] and point.responsibility.co == []
    assert len(point.tasks) == 2
