"""The leadership dashboard: figures, a table behind every chart, drill-down links, fixed queries."""

import json
import re
from collections import Counter
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from workplan.plans.models import Plan
from workplan.plans.table import table_rows
from workplan.plans.tests.factories import make_large_plan
from workplan.progress.actions import do_set_up_schedule
from workplan.progress.queries import duties, duty_counts, duty_counts_by_period
from workplan.progress.tests.factories import make_reporting_plan
from workplan.reports.dashboard import dashboard
from workplan.supervision.actions import do_give_instruction
from workplan.supervision.lights import do_recompute_lights
from workplan.supervision.models import TaskLight

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(department, other_department):
    """The example-shaped plan; 教务处 and 财务处 are the fixtures' own, whatever order a test
    names them in."""
    plan = make_reporting_plan()
    do_recompute_lights(plan, date(2024, 12, 28))
    return plan


def test_leader_sees_light_counts_charts_with_tables_and_drill_down(client, leader, plan):
    client.force_login(leader)
    response = client.get(reverse("reports:dashboard", args=[plan.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    data = json.loads(
        re.search(
            r'<script id="dashboard-data" type="application/json">(.*?)</script>', page, re.S
        ).group(1)
    )
    assert sum(data["lights"].values()) == 50
    assert len(data["points"]) == 12
    assert page.count("<details>") == 2  # a table view under each chart
    assert f"/plans/{plan.pk}/table/?light=" in page and f"/plans/{plan.pk}/table/?point=" in page
    assert "vendor/echarts.min.js" in page


def test_drill_down_link_filters_the_table(client, leader, plan):
    client.force_login(leader)
    response = client.get(reverse("pages:table", args=[plan.pk]), {"point": "3"})
    assert {
        row.task.key_point.number for _, rows in response.context["groups"] for row in rows
    } == {3}


def test_departments_do_not_see_the_leadership_dashboard(client, liaison, plan):
    client.force_login(liaison)
    assert client.get(reverse("reports:dashboard", args=[plan.pk])).status_code == 404


def test_dashboard_uses_a_fixed_number_of_queries(client, supervisor, plan):
    client.force_login(supervisor)

    def count(p):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("reports:dashboard", args=[p.pk])).status_code == 200
        return len(queries)

    small = count(plan)
    make_large_plan(year=2021)
    big = Plan.objects.get(year=2021)
    do_set_up_schedule(big)
    do_recompute_lights(big, date(2021, 12, 28))
    assert count(big) == small


def test_matrix_counts_lights_of_each_departments_lead_tasks_by_key_point(plan):
    data = dashboard(plan, date(2024, 12, 28))
    shown = Counter()
    for _pk, name, cells in data["matrix"]:
        for number, cell in cells:
            for light, n in (cell or {}).items():
                shown[name, number, light] += n
    period = data["period"]
    light_of = dict(TaskLight.objects.filter(period=period).values_list("task_id", "light"))
    expected = Counter(
        (name, row.task.key_point.number, light_of[row.task.pk])
        for row in table_rows(plan)
        for name in row.lead
    )
    assert +shown == expected
    assert sum(expected.values()) >= 50  # every task has at least one lead department
    # inherited leads (tasks without their own assignments) are counted too
    assert any(row.inherited and row.lead for row in table_rows(plan))


def test_matrix_cell_drills_down_to_that_departments_lead_tasks(client, leader, plan):
    client.force_login(leader)
    data = client.get(reverse("reports:dashboard", args=[plan.pk])).context["d"]
    pk, name, cells = data["matrix"][0]
    number, cell = next((n, c) for n, c in cells if c)
    response = client.get(
        reverse("pages:table", args=[plan.pk]),
        {"department": pk, "role": "lead", "point": number},
    )
    rows = [row for _, rows in response.context["groups"] for row in rows]
    assert len(rows) == sum(cell.values())
    assert all(name in row.lead and row.task.key_point.number == number for row in rows)


def test_duties_are_counted_by_the_database_as_the_list_has_them(plan):
    make_large_plan(year=2021)
    for each in Plan.objects.all():
        do_set_up_schedule(each)
        listed = duties(each, each.periods.first())
        period = each.periods.first()
        assert sum(duty_counts(each, period).values()) == len(listed) > 0
        assert duty_counts(each, period) == Counter((d.department_id, d.role) for d in listed)
        assert duty_counts_by_period(each, [period]) == {period.pk: len(listed)}


def test_red_card_lists_the_red_lights_with_their_reasons(client, leader, plan):
    # Nobody reports: yellow in November, so red in December (yellow two periods running).
    do_recompute_lights(plan, date(2024, 11, 28))
    do_recompute_lights(plan, date(2024, 12, 28))
    client.force_login(leader)
    response = client.get(reverse("reports:dashboard", args=[plan.pk]))
    red = TaskLight.objects.filter(period=response.context["d"]["period"], light="red")
    assert red.exists()
    assert [light.pk for light in response.context["d"]["red"]] == [
        light.pk for light in red.order_by("task__key_point__number", "task__number")[:30]
    ]
    page = response.content.decode()
    assert f'href="/plans/{plan.pk}/table/?light=red">红灯任务</a>' in page
    for light in red[:3]:
        assert light.reason_text in page


def test_labels_take_the_colon_of_the_readers_language(client, leader, plan):
    task = plan.key_points.get(number=1).tasks.get(number=1)
    do_give_instruction(task, "抓紧推进", by=leader)
    client.force_login(leader)
    url = reverse("reports:dashboard", args=[plan.pk])
    assert f"{leader.display_name}：抓紧推进" in client.get(url).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert f"{leader.display_name}: 抓紧推进" in client.get(url).content.decode()


def test_completion_card_names_the_period_it_comes_from(client, leader, plan):
    client.force_login(leader)
    client.cookies["django_language"] = "en"
    with time_machine.travel("2024-07-10 10:00 +08:00"):
        page = client.get(reverse("reports:dashboard", args=[plan.pk])).content.decode()
    assert "average completion (June 2024)" in page  # June's reports were due before July 10
    assert "average completion (last period)" not in page
