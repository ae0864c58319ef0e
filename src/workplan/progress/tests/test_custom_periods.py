"""A custom period (专项) must lie in the plan's year and overlap no other period."""

import pytest
import time_machine
from django.urls import reverse

from workplan.plans.tests.factories import make_example_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(db):
    """The 2024 example-shaped plan with no reporting schedule yet (an imported plan has its
    monthly periods at once)."""
    return make_example_plan()


def add_period(client, plan, opens_on, due_on, label="年中专项督查"):
    client.cookies["django_language"] = "en"
    url = reverse("progress:add-period", args=[plan.pk])
    return client.post(url, {"label": label, "opens_on": opens_on, "due_on": due_on})


def test_supervisor_adds_a_period_in_the_plans_year(client, plan, supervisor):
    client.force_login(supervisor)
    assert add_period(client, plan, "2024-07-01", "2024-07-15").status_code == 302
    assert plan.periods.get().label == "年中专项督查"


def test_a_period_overlapping_another_is_refused_with_its_name(client, plan, supervisor):
    client.force_login(supervisor)
    add_period(client, plan, "2024-07-01", "2024-07-15")
    response = add_period(client, plan, "2024-07-10", "2024-07-31", label="第二轮")
    assert response.status_code == 400
    assert "overlap the period “年中专项督查” (2024-07-01 to 2024-07-15)" in (
        response.content.decode()
    )
    assert plan.periods.count() == 1


@time_machine.travel("2024-05-10 10:00 +08:00")
def test_a_period_inside_a_monthly_period_is_refused(client, plan, supervisor):
    from workplan.progress.actions import do_set_up_schedule

    do_set_up_schedule(plan)
    client.force_login(supervisor)
    response = add_period(client, plan, "2024-07-05", "2024-07-10")
    assert response.status_code == 400 and "“July 2024”" in response.content.decode()


def test_dates_far_outside_the_plans_year_are_refused(client, plan, supervisor):
    client.force_login(supervisor)
    response = add_period(client, plan, "0001-01-01", "9999-12-31")
    assert response.status_code == 400
    assert "Opens on: A period of the 2024 plan must open in 2024." in response.content.decode()
    response = add_period(client, plan, "2024-12-01", "2025-06-30")
    assert "Due on: A period of the 2024 plan must be due by 2025-03-31." in (
        response.content.decode()
    )
    assert not plan.periods.exists()


def test_a_year_end_round_may_be_due_early_next_year(client, plan, supervisor):
    client.force_login(supervisor)
    assert add_period(client, plan, "2024-12-26", "2025-01-15").status_code == 302


def test_a_due_date_before_the_opening_date_is_a_field_error(client, plan, supervisor):
    client.force_login(supervisor)
    response = add_period(client, plan, "2024-08-10", "2024-08-01")
    assert response.status_code == 400
    assert "Due on: The due date comes before the opening date." in response.content.decode()


def test_an_impossible_date_is_a_field_error(client, plan, supervisor):
    client.force_login(supervisor)
    response = add_period(client, plan, "2024-02-30", "2024-03-10")
    assert response.status_code == 400
    assert "Opens on: Enter a valid date." in response.content.decode()
