"""The import preview shows why each uncertain item needs checking, beside it, and how many do."""

import pytest
from django.urls import reverse

from workplan.plans.tests.previews import make_parsed_plan, stage_plan_preview

pytestmark = pytest.mark.django_db


def preview_page(client, user, parsed=None) -> str:
    preview = stage_plan_preview(user, parsed)
    client.force_login(user)
    response = client.get(reverse("plans:import-preview", args=[preview.token]))
    assert response.status_code == 200
    return response.content.decode()


def test_supervisor_sees_each_items_reason_beside_it_and_the_count(client, supervisor):
    page = preview_page(client, supervisor)
    assert "2 项需要核对" in page
    task = page.split('id="p0-t1"')[1].split("</li>")[0]
    assert '<li id="p0-t1" class="check">' in page
    assert '<section class="point check" id="p1">' in page
    assert '<li id="p0-t0">' in page and '<section class="point" id="p0">' in page
    assert "没有写明牵头部门，请核对。" in task
    point = page.split('id="p1"')[1].split('id="p1-t0"')[0]
    assert "“教务处科研处”可能是两个部门名连写，请核对。" in point
    assert "文末的落款和日期已略去。" in page


def test_supervisor_sees_no_count_when_every_reading_is_sure(client, supervisor):
    parsed = make_parsed_plan()
    parsed.points[0].tasks[1].warnings = []
    parsed.points[1].warnings = []
    page = preview_page(client, supervisor, parsed)
    assert "需要核对" not in page
    assert 'class="check"' not in page and "point check" not in page


def test_supervisor_sees_which_departments_are_new_to_the_registry(client, supervisor, department):
    parsed = make_parsed_plan()
    parsed.points[1].responsibility.lead = ["教务处"]  # the `department` fixture: known
    parsed.departments[-1].name = "教务处"
    page = preview_page(client, supervisor, parsed)
    listing = page.split("部门</h2>")[-1]
    assert '宣传部 <span class="badge">新部门，待核对</span>' in listing
    assert "教务处 <span" not in listing
