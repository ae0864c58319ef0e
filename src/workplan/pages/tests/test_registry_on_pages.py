"""What the registry's changes show on the pages that compose several apps: a report filed before
a rename keeps the name in force then (task page, report page); a 泛指 with no members is
flagged on the task page, the task table and the registry page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from workplan.org.actions import do_rename_department
from workplan.org.models import Department, DepartmentGroup
from workplan.plans.tests.factories import make_example_plan
from workplan.progress.models import ProgressReport
from workplan.progress.tests.factories import make_report, make_reporting_plan

pytestmark = pytest.mark.django_db

EMPTY = "泛指‘各二级学院’没有成员，通知不到任何部门"


def _at(day: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(f"{day} 10:00"))


@pytest.fixture
def renamed(supervisor):
    """教务处 filed on task 4.1 in March and, renamed 教学事务部 from July, in August; 图书馆
    contributed in March."""
    plan = make_reporting_plan()
    department = Department.objects.get(name="教务处")
    task = plan.key_points.get(number=4).tasks.order_by("number").first()
    periods = list(plan.periods.order_by("opens_on"))
    state = ProgressReport.State.SUBMITTED
    before = make_report(task, department, periods[2], state=state, now=_at("2024-03-20"))
    make_report(
        task, Department.objects.get(name="图书馆"), periods[2], state=state, now=_at("2024-03-21")
    )
    do_rename_department(department, "教学事务部", datetime.date(2024, 7, 1), by=supervisor)
    after = make_report(task, department, periods[7], state=state, now=_at("2024-08-20"))
    return task, before, after


def test_task_page_shows_each_report_under_the_name_it_was_filed_under(client, supervisor, renamed):
    task, _before, _after = renamed
    client.force_login(supervisor)
    page = client.get(reverse("pages:task-detail", args=[task.pk])).content.decode()
    rows = page.split("<h2>")[1]  # the reports table, after the responsibility card
    assert "<td>2024年3月</td><td>教务处</td>" in rows
    assert "<td>2024年8月</td><td>教学事务部</td>" in rows


def test_report_page_shows_the_name_it_was_filed_under(client, supervisor, renamed):
    _task, before, after = renamed
    client.force_login(supervisor)
    page = client.get(reverse("progress:report", args=[before.pk])).content.decode()
    assert "<h1>教务处 · 2024年3月</h1>" in page
    page = client.get(reverse("progress:report", args=[after.pk])).content.decode()
    assert "<h1>教学事务部 · 2024年8月</h1>" in page


@pytest.fixture
def plan_this_year(db):
    return make_example_plan(year=timezone.localdate().year)


def test_task_with_an_empty_group_is_flagged(client, viewer, plan_this_year):
    task = plan_this_year.key_points.get(number=3).tasks.first()  # 各二级学院, no members
    client.force_login(viewer)
    assert EMPTY in client.get(reverse("pages:task-detail", args=[task.pk])).content.decode()
    table = client.get(reverse("pages:table", args=[plan_this_year.pk])).content.decode()
    assert table.count(EMPTY) == 18  # every task of key points 3, 4, 5 and 12 (the 各二级学院 ones)
    DepartmentGroup.objects.get(name="各二级学院").members.add(
        Department.objects.get(name="教务处")
    )
    assert EMPTY not in client.get(reverse("pages:task-detail", args=[task.pk])).content.decode()
    row = client.get(reverse("pages:task-row", args=[task.pk])).content.decode()
    assert EMPTY not in row


def test_one_table_row_redrawn_keeps_its_flag(client, viewer, plan_this_year):
    task = plan_this_year.key_points.get(number=3).tasks.first()
    client.force_login(viewer)
    assert EMPTY in client.get(reverse("pages:task-row", args=[task.pk])).content.decode()


def test_registry_lists_the_empty_groups_tasks_use(client, viewer, plan_this_year):
    client.force_login(viewer)
    page = client.get(reverse("org:department-list")).content.decode()
    assert "泛指“各二级学院”没有成员，却有 18 项任务分给它：通知不到任何部门。" in page
    assert "“相关职能部门”没有成员，却有 4 项任务" in page


def test_registry_leaves_out_groups_only_finished_years_use(client, viewer):
    make_example_plan(year=2020)
    client.force_login(viewer)
    page = client.get(reverse("org:department-list")).content.decode()
    assert "通知不到任何部门" not in page


def test_department_page_links_the_office_to_the_registry_entry(
    client, supervisor, leader, department
):
    url = reverse("org:department-edit", args=[department.pk])
    client.force_login(supervisor)
    assert (
        url in client.get(reverse("pages:department-detail", args=[department.pk])).content.decode()
    )
    client.force_login(leader)
    assert (
        url
        not in client.get(reverse("pages:department-detail", args=[department.pk])).content.decode()
    )
