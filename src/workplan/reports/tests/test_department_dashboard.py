"""A department's own dashboard, and the on-time ranking shown only where the plan allows."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from workplan.plans.models import Plan
from workplan.progress.actions import do_set_up_schedule

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(example_plan):
    call_command("import", str(example_plan))
    plan = Plan.objects.get()
    do_set_up_schedule(plan)
    return plan


def test_department_sees_its_tasks_and_duties_but_no_ranking_by_default(
    client, liaison, department, plan
):
    client.force_login(liaison)
    response = client.get(reverse("reports:department-dashboard", args=[plan.pk, department.pk]))
    assert response.status_code == 200
    assert len(response.context["d"]["lead"]) == 5
    assert response.context["ranking"] is None
    plan.schedule.show_ranking = True
    plan.schedule.save()
    assert (
        client.get(reverse("reports:department-dashboard", args=[plan.pk, department.pk])).context[
            "ranking"
        ]
        is not None
    )


def test_other_departments_do_not_see_it(client, outsider, department, plan):
    client.force_login(outsider)
    assert (
        client.get(
            reverse("reports:department-dashboard", args=[plan.pk, department.pk])
        ).status_code
        == 404
    )


def test_leaders_see_it_with_the_ranking(client, leader, department, plan):
    client.force_login(leader)
    response = client.get(reverse("reports:department-dashboard", args=[plan.pk, department.pk]))
    assert response.context["ranking"] is not None
