"""The supervision office sets a plan's reporting up: periods, due days, custom periods."""

import pytest
import time_machine
from django.urls import reverse

from workplan.plans.tests.factories import make_example_plan

pytestmark = pytest.mark.django_db


def settings_form(**changes):
    data = {
        "cadence": "monthly",
        "due_day": 28,
        "head_approval": "",
        "lag_points": 20,
        "near_days": 15,
    }
    data.update(changes)
    return data


@time_machine.travel("2024-06-27 10:00 +08:00")
def test_changing_the_due_day_leaves_past_deadlines_alone(client, supervisor):
    plan = make_example_plan()
    client.force_login(supervisor)
    client.post(reverse("progress:schedule", args=[plan.pk]), settings_form(due_day=25))
    client.post(reverse("progress:schedule", args=[plan.pk]), settings_form(due_day=30))
    assert plan.periods.get(opens_on="2024-05-01").due_on.day == 25
    assert plan.periods.get(opens_on="2024-07-01").due_on.day == 30


def test_others_cannot_change_the_settings(client, liaison, leader):
    plan = make_example_plan()
    for user in (liaison, leader):
        client.force_login(user)
        assert (
            client.post(reverse("progress:schedule", args=[plan.pk]), settings_form()).status_code
            == 403
        )
    assert plan.periods.count() == 0


def test_custom_period_is_added_and_nonsense_is_refused(client, supervisor):
    plan = make_example_plan()
    client.force_login(supervisor)
    url = reverse("progress:add-period", args=[plan.pk])
    client.post(url, {"label": "年中专项督查", "opens_on": "2024-07-01", "due_on": "2024-07-15"})
    assert plan.periods.get().label == "年中专项督查"
    page = client.post(
        url, {"label": "反了", "opens_on": "2024-08-10", "due_on": "2024-08-01"}, follow=True
    )
    assert plan.periods.count() == 1
    assert "截止" in page.content.decode() or "before" in page.content.decode()
