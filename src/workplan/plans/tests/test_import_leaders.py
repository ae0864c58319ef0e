"""A 责任领导 / 分管领导 a document names becomes the leader in charge when exactly one school
leader account has that name; otherwise the name is kept as written and flagged, never guessed."""

import copy
import importlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from workplan.accounts.tests.factories import make_user
from workplan.audit.models import AuditRecord
from workplan.core.roles import Role
from workplan.org.models import Department
from workplan.parsing import (
    ParsedDepartment,
    ParsedPlan,
    ParsedPoint,
    ParsedTask,
    Responsibility,
)
from workplan.plans.actions import do_import_plan, do_match_leaders, do_revise_plan
from workplan.plans.leaders import parsed_leader_problems
from workplan.plans.models import KeyPoint, Task
from workplan.plans.tests.previews import make_parsed_plan

pytestmark = pytest.mark.django_db
import_command = importlib.import_module("workplan.plans.management.commands.import")


def responsibility(leaders, lead=("发展改革局",), co=()):
    raw = f"责任领导：{'、'.join(leaders)}；牵头单位：{'、'.join(lead)}"
    return Responsibility(raw=raw, lead=list(lead), co=list(co), leaders=list(leaders))


def document(point_leaders=("张明远",), task_leaders=None, digest="d1") -> ParsedPlan:
    """Return a fictional 松江区 task-split document: one key point naming `point_leaders`,
    its first task naming `task_leaders` (None: the task has no annotation of its own)."""
    tasks = [
        ParsedTask(
            text="推进政务服务一网通办。",
            responsibility=None if task_leaders is None else responsibility(task_leaders),
        ),
        ParsedTask(text="完善营商环境评价机制。"),
    ]
    parsed = ParsedPlan(
        title="2025年重点工作任务分解方案",
        organization="松江区人民政府",
        organization_aliases=[],
        year=2025,
        preamble="",
        points=[
            ParsedPoint(
                number=1,
                title="优化营商环境",
                tasks=tasks,
                responsibility=responsibility(point_leaders) if point_leaders else None,
            )
        ],
        departments=[ParsedDepartment(name="发展改革局")],
    )
    parsed.source_digest = digest
    return parsed


def leader_named(name, username=None):
    return make_user(username, [Role.LEADER], full_name=name)


def test_a_named_leader_with_one_account_becomes_the_leader_in_charge():
    zhang = leader_named("张明远")
    outcome = do_import_plan(document(("张明远", "李秋实")))
    key_point = KeyPoint.objects.get()
    assert key_point.leader == zhang
    assert key_point.leaders == ["张明远", "李秋实"]  # as written
    assert outcome.leader_problems == []
    record = AuditRecord.objects.get(object_type="plans.keypoint")
    assert {"field": "leader", "before": None, "after": "张明远"} in record.changes


def test_a_name_written_with_a_title_or_spaces_is_matched():
    zhang = leader_named("张明远")
    do_import_plan(document(("张 明远副区长",)))
    assert KeyPoint.objects.get().leader == zhang


def test_a_leader_without_an_account_is_kept_as_written_and_flagged():
    make_user("head-named-alike", [Role.HEAD], full_name="张明远")  # not a school leader
    outcome = do_import_plan(document(("张明远",)))
    key_point = KeyPoint.objects.get()
    assert key_point.leader is None
    assert key_point.leaders == ["张明远"]
    assert outcome.leader_problems == ["要点 1：责任领导“张明远”未匹配到领导账号，已按原文保留。"]


def test_two_leaders_of_the_same_name_are_flagged_not_guessed():
    leader_named("张明远", "zhang1")
    leader_named("张明远", "zhang2")
    outcome = do_import_plan(document(("张明远",)))
    assert KeyPoint.objects.get().leader is None
    [problem] = outcome.leader_problems
    assert "张明远" in problem and "2 个同名领导账号" in problem


def test_a_task_naming_another_leader_gets_its_own_and_one_naming_nobody_inherits():
    zhang, li = leader_named("张明远"), leader_named("李秋实")
    do_import_plan(document(("张明远",), task_leaders=("李秋实",)))
    first, second = Task.objects.order_by("number")
    assert (first.leader, first.effective_leader) == (li, li)
    assert (second.leader, second.effective_leader) == (None, zhang)


def test_a_task_naming_an_unknown_leader_is_flagged_by_its_code():
    leader_named("张明远")
    outcome = do_import_plan(document(("张明远",), task_leaders=("王未名",)))
    assert outcome.leader_problems == ["任务 1.1：责任领导“王未名”未匹配到领导账号，已按原文保留。"]
    assert Task.objects.get(number=1).leader is None


def test_a_person_never_becomes_a_department():
    do_import_plan(document(("张明远",), task_leaders=("李秋实",)))
    assert list(Department.objects.values_list("name", flat=True)) == ["发展改革局"]


def test_matching_by_name_later_links_an_account_created_after_the_import(supervisor):
    do_import_plan(document(("张明远",), task_leaders=("李秋实",)))
    zhang = leader_named("张明远")
    outcome = do_match_leaders(KeyPoint.objects.get().plan, by=supervisor)
    assert outcome.matched == 1
    assert KeyPoint.objects.get().leader == zhang
    assert outcome.problems == ["任务 1.1：责任领导“李秋实”未匹配到领导账号，已按原文保留。"]
    leader_named("李秋实")
    assert do_match_leaders(KeyPoint.objects.get().plan, by=supervisor).problems == []
    assert Task.objects.get(number=1).leader.full_name == "李秋实"


def test_matching_by_name_keeps_a_leader_the_office_chose(supervisor):
    chosen = leader_named("赵一鸣")
    do_import_plan(document(("张明远",)))
    KeyPoint.objects.update(leader=chosen)
    leader_named("张明远")
    assert do_match_leaders(KeyPoint.objects.get().plan, by=supervisor).matched == 0
    assert KeyPoint.objects.get().leader == chosen


def test_a_revision_naming_another_leader_matches_again_and_one_naming_the_same_keeps_it():
    chosen = leader_named("赵一鸣")
    zhang = leader_named("张明远")
    do_import_plan(document(("王未名",)))
    plan = KeyPoint.objects.get().plan
    KeyPoint.objects.update(leader=chosen)  # the office chose in the task table
    same = document(("王未名",), digest="d2")
    same.points[0].tasks[1].text = "完善营商环境评价机制，按季度通报。"
    revision = do_revise_plan(plan, same)
    assert KeyPoint.objects.get().leader == chosen
    assert revision.leader_problems == []
    other = copy.deepcopy(same)
    other.points[0].responsibility = responsibility(("张明远",))
    other.source_digest = "d3"
    do_revise_plan(plan, other)
    assert KeyPoint.objects.get().leader == zhang


def test_a_revision_naming_an_unknown_leader_is_flagged():
    leader_named("张明远")
    do_import_plan(document(("张明远",)))
    plan = KeyPoint.objects.get().plan
    revised = document(("钱不明",), digest="d2")
    revision = do_revise_plan(plan, revised)
    assert KeyPoint.objects.get().leader is None
    assert revision.leader_problems == ["要点 1：责任领导“钱不明”未匹配到领导账号，已按原文保留。"]


def test_the_command_prints_unmatched_leaders(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(import_command, "parse_file", lambda *a, **k: document(("钱不明",)))
    path = tmp_path / "松江区2025年重点工作任务分解方案.txt"
    path.write_text("（内容由替身解析器给出）", encoding="utf-8")
    call_command("import", str(path))
    assert "责任领导“钱不明”未匹配到领导账号" in capsys.readouterr().out


def test_the_preview_marks_an_unmatched_leader_before_anything_is_saved(client, supervisor):
    client.force_login(supervisor)
    text = (
        "松江区人民政府2025年重点工作任务分解方案\n\n"
        "一、优化营商环境（责任领导：钱不明；牵头单位：发展改革局）\n\n"
        "1.推进政务服务一网通办。\n"
    )
    document = SimpleUploadedFile("方案.txt", text.encode())
    response = client.post(reverse("plans:plan-upload"), {"document": document})
    page = client.get(response["Location"]).content.decode()
    assert "责任领导“钱不明”未匹配到领导账号" in page
    assert not KeyPoint.objects.exists()


def test_a_leader_named_on_many_tasks_is_listed_once_in_the_preview():
    parsed = make_parsed_plan()
    for task in parsed.points[1].tasks:
        task.responsibility = Responsibility(raw="责任领导：林未知", leaders=["林未知"])
    extra = [ParsedTask(text=f"任务{i}", responsibility=Responsibility(raw="", leaders=["林未知"]))
             for i in range(30)]  # fmt: skip
    parsed.points[1].tasks += extra
    problems = parsed_leader_problems(parsed, {})
    assert len(problems) == 1
    assert problems[0].startswith(
        "任务 2.1、任务 2.2、任务 2.3、任务 2.4、任务 2.5 等（共 33 处）："
    )
    assert "林未知" in problems[0]
