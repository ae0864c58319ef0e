"""Merging two departments (A into B) in the registry: in the plans whose year is running, A's
assignments, reports and notices pass to B, with A's accounts, 简称 and 泛指 memberships; A's name
becomes a 简称 of B and A is no longer in use. A year that is over is not rewritten. Where both
filed a report on the same task and period, B's is the one B keeps and A's stays on record under
A's name (one report per task, department and period): the preview and the result say so.
Here, at the top, because a merge reaches every app through org's hooks."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from workplan.accounts.models import User
from workplan.audit.models import AuditRecord
from workplan.core.errors import NotAllowed, WrongState
from workplan.org.actions import do_merge_departments
from workplan.org.models import Department, DepartmentAlias
from workplan.org.tests.factories import make_group
from workplan.plans.models import Assignment
from workplan.plans.tests.factories import make_key_point, make_plan
from workplan.progress.actions import do_set_up_schedule
from workplan.progress.models import ProgressReport
from workplan.progress.tests.factories import make_report, make_reporting_plan
from workplan.supervision.actions import do_issue_notice
from workplan.supervision.models import Notice

pytestmark = pytest.mark.django_db

State = ProgressReport.State
IN_2024 = datetime.date(2024, 8, 1)


@pytest.fixture
def world(supervisor):
    """教务处 (A) leads key point 4 of the 2024 plan, 图书馆 (B) co-operates on it; both filed a
    report on its first task for the first period, A also for the second; A filed on a 2023
    plan too, and has a notice, a person, a 简称 and a group."""
    plan = make_reporting_plan()
    a, b = Department.objects.get(name="教务处"), Department.objects.get(name="图书馆")
    task = plan.key_points.get(number=4).tasks.order_by("number").first()
    p1, p2 = plan.periods.order_by("opens_on")[:2]
    both_a = make_report(task, a, p1, state=State.SUBMITTED)
    both_b = make_report(task, b, p1, state=State.SUBMITTED)
    only_a = make_report(task, a, p2)
    old_plan = make_plan(year=2023)
    old_task = make_key_point(old_plan, lead=[a], tasks=1).tasks.get()
    do_set_up_schedule(old_plan)
    old_report = make_report(old_task, a, old_plan.periods.order_by("opens_on").first())
    notice = do_issue_notice(task, a, "请报送进展。", datetime.date(2024, 8, 30), by=supervisor)
    DepartmentAlias.objects.create(department=a, name="教务")
    group = make_group(name="各职能部门", members=[a])
    return {
        "a": a, "b": b, "task": task, "both_a": both_a, "both_b": both_b, "only_a": only_a,
        "old_task": old_task, "old_report": old_report, "notice": notice, "group": group,
    }  # fmt: skip


def test_merge_moves_a_running_year_and_leaves_a_finished_one(world, supervisor):
    a, b = world["a"], world["b"]
    person = User.objects.get(username=f"liaison-{a.pk}")
    lines = do_merge_departments(a, b, by=supervisor, today=IN_2024)

    # Assignments: B keeps one on key point 4, as lead since A led it.
    point_4 = world["task"].key_point
    assert list(point_4.assignments.filter(department__in=[a, b]).values_list(
        "department__name", "role")) == [("图书馆", "lead")]  # fmt: skip
    # Reports: A's second-period report is B's now; on the period both filed, each keeps its own.
    world["only_a"].refresh_from_db()
    assert world["only_a"].department == b
    world["both_a"].refresh_from_db()
    assert world["both_a"].department == a
    assert ProgressReport.objects.get(pk=world["both_b"].pk).department == b
    # The 2023 plan is not rewritten.
    assert ProgressReport.objects.get(pk=world["old_report"].pk).department == a
    assert Assignment.objects.get(key_point=world["old_task"].key_point).department == a
    # Notices, people, 简称, groups.
    assert Notice.objects.get(pk=world["notice"].pk).department == b
    assert list(person.departments.all()) == [b]
    assert set(b.aliases.values_list("name", flat=True)) == {"教务", "教务处"}
    assert list(world["group"].members.all()) == [b]
    a.refresh_from_db()
    assert not a.is_active and a.name == "教务处"
    texts = [line.text for line in lines]
    assert "1 份进展填报已转给图书馆。" in texts
    assert any("仍留在教务处名下" in t and "4.1" in t for t in texts)
    assert "1 个账号已归属图书馆。" in texts
    moved = [
        r.changes
        for r in AuditRecord.objects.filter(object_type="progress.progressreport", action="change")
    ]
    assert [{"field": "department", "before": "教务处", "after": "图书馆"}] in moved


def test_a_merged_name_in_a_new_document_finds_the_department_merged_into(world, supervisor):
    do_merge_departments(world["a"], world["b"], by=supervisor, today=IN_2024)
    from_names = Department.objects.filter(is_active=True, name="教务处")
    assert not from_names.exists()
    assert DepartmentAlias.objects.get(name="教务处").department == world["b"]


def test_merging_twice_or_into_itself_is_refused(world, supervisor):
    a, b = world["a"], world["b"]
    with pytest.raises(WrongState, match="请选择两个不同的部门进行合并。"):
        do_merge_departments(a, a, by=supervisor, today=IN_2024)
    do_merge_departments(a, b, by=supervisor, today=IN_2024)
    with pytest.raises(WrongState, match="教务处已被合并或停用。"):
        do_merge_departments(a, b, by=supervisor, today=IN_2024)
    with pytest.raises(WrongState, match="教务处已停用"):
        do_merge_departments(Department.objects.get(name="财务处"), a, by=supervisor, today=IN_2024)


def test_a_leader_may_not_merge(world, leader):
    with pytest.raises(NotAllowed):
        do_merge_departments(world["a"], world["b"], by=leader, today=IN_2024)
    world["a"].refresh_from_db()
    assert world["a"].is_active


def test_preview_lists_what_would_move_and_the_clash_then_merge(client, world, supervisor):
    a, b = world["a"], world["b"]
    client.force_login(supervisor)
    url = reverse("org:department-merge", args=[a.pk])
    with time_machine.travel("2024-08-01 09:00 +08:00"):
        page = client.get(url, {"into": b.pk}).content.decode()
        assert "本年度工作要点中 1 份进展填报将转给图书馆。" in page
        assert "1 份进展仍留在教务处名下：图书馆在同一任务、同一周期已有自己的填报（4.1" in page
        assert "1 个账号将归属图书馆。" in page
        assert "1 个简称将转入。" in page
        a.refresh_from_db()
        assert a.is_active  # a GET changes nothing
        response = client.post(url, {"into": b.pk}, follow=True)
    body = response.content.decode()
    assert "教务处已并入图书馆。" in body
    assert "仍留在教务处名下" in body
    a.refresh_from_db()
    assert not a.is_active


def test_merge_into_nothing_is_refused_with_a_message(client, world, supervisor):
    client.force_login(supervisor)
    response = client.post(reverse("org:department-merge", args=[world["a"].pk]), {})
    assert response.status_code == 400
    assert "请选择要并入的部门。" in response.content.decode()


def test_a_finished_year_moves_nothing_but_the_people_and_names(world, supervisor):
    a, b = world["a"], world["b"]
    do_merge_departments(a, b, by=supervisor, today=datetime.date(2025, 1, 2))
    assert ProgressReport.objects.filter(department=a).count() == 3
    assert Notice.objects.get(pk=world["notice"].pk).department == a
    assert DepartmentAlias.objects.get(name="教务处").department == b
