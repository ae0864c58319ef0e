"""The plan and task pages mark a 责任领导 the document names that matches no single school
leader account; the office matches accounts created later by name from the plan page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from workplan.accounts.tests.factories import make_user
from workplan.core.roles import Role
from workplan.plans.models import KeyPoint, Task
from workplan.plans.tests.factories import make_key_point, make_plan, make_task

pytestmark = pytest.mark.django_db
UNMATCHED = "责任领导“张明远”未匹配到领导账号"
MATCH_BUTTON = "按姓名匹配责任领导"


@pytest.fixture
def plan(db):
    plan = make_plan(organization="松江区人民政府", year=2025)
    key_point = make_key_point(plan, lead=["区发展改革局"], leaders=["张明远"], tasks=2)
    make_task(key_point, lead=["区统计局"], leaders=["李秋实"])
    return plan


def plan_page(client, plan) -> str:
    return client.get(reverse("pages:plan-detail", args=[plan.pk])).content.decode()


def test_everyone_sees_which_leaders_are_not_linked(client, viewer, plan):
    client.force_login(viewer)
    page = plan_page(client, plan)
    assert UNMATCHED in page
    assert "责任领导“李秋实”未匹配到领导账号" in page
    assert MATCH_BUTTON not in page  # only the office may change the plan


def test_the_task_page_shows_the_flag_of_the_leader_it_inherits(client, viewer, plan):
    client.force_login(viewer)
    task = Task.objects.get(number=1)
    page = client.get(reverse("pages:task-detail", args=[task.pk])).content.decode()
    assert UNMATCHED in page


def test_two_accounts_of_the_name_are_marked_as_such(client, viewer, plan):
    make_user("zhang1", [Role.LEADER], full_name="张明远")
    make_user("zhang2", [Role.LEADER], full_name="张明远")
    client.force_login(viewer)
    assert "匹配到 2 个同名领导账号" in plan_page(client, plan)


def test_supervisor_matches_a_leader_account_created_after_the_import(client, supervisor, plan):
    zhang = make_user("zhang", [Role.LEADER], full_name="张明远")
    client.force_login(supervisor)
    page = plan_page(client, plan)
    assert "责任领导“张明远”已有领导账号，但尚未关联" in page
    assert MATCH_BUTTON in page
    response = client.post(reverse("plans:match-leaders", args=[plan.pk]), follow=True)
    page = response.content.decode()
    assert "已按姓名匹配责任领导 1 处" in page
    assert KeyPoint.objects.get().leader == zhang
    assert "张明远”已有领导账号" not in page and UNMATCHED not in page
    assert "责任领导“李秋实”未匹配到领导账号" in page  # still without an account


def test_only_the_office_may_match_and_only_by_post(client, leader, plan):
    url = reverse("plans:match-leaders", args=[plan.pk])
    client.force_login(leader)
    assert client.post(url).status_code == 403
    assert client.get(url).status_code == 405
    assert KeyPoint.objects.get().leader is None


def test_the_flags_cost_a_fixed_number_of_queries(client, viewer, plan):
    client.force_login(viewer)
    url = reverse("pages:plan-detail", args=[plan.pk])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    key_point = KeyPoint.objects.get()
    for index in range(10):
        make_task(key_point, lead=["区统计局"], leaders=[f"王{index}"])
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
