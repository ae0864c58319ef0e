"""The leadership dashboard: figures, a table behind every chart, drill-down links, fixed queries."""

import json
import re
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from workplan.plans.models import Plan
from workplan.progress.actions import do_set_up_schedule
from workplan.supervision.lights import do_recompute_lights

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(example_plan):
    call_command("import", str(example_plan))
    plan = Plan.objects.get()
    do_set_up_schedule(plan)
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
    response = client.get(reverse("plans:table", args=[plan.pk]), {"point": "3"})
    assert {
        row.task.key_point.number for _, rows in response.context["groups"] for row in rows
    } == {3}


def test_departments_do_not_see_the_leadership_dashboard(client, liaison, plan):
    client.force_login(liaison)
    assert client.get(reverse("reports:dashboard", args=[plan.pk])).status_code == 404


def test_dashboard_uses_a_fixed_number_of_queries(client, supervisor, plan, hubei_txt):
    client.force_login(supervisor)

    def count(p):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("reports:dashboard", args=[p.pk])).status_code == 200
        return len(queries)

    small = count(plan)
    call_command("import", str(hubei_txt))
    big = Plan.objects.get(year=2021)
    do_set_up_schedule(big)
    do_recompute_lights(big, date(2021, 12, 28))
    assert count(big) == small
