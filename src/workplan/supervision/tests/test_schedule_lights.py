"""Setting a plan's reporting up computes every task's light at once (progress's
`schedule_updated` hook, answered by supervision)."""

import pytest
import time_machine
from django.urls import reverse

from workplan.plans.tests.factories import make_example_plan
from workplan.progress.tests.test_schedule import settings_form
from workplan.supervision.models import TaskLight

pytestmark = pytest.mark.django_db


@time_machine.travel("2024-01-10 10:00 +08:00")
def test_supervisor_sets_up_monthly_reporting_due_on_the_28th(client, supervisor):
    plan = make_example_plan()
    client.force_login(supervisor)
    response = client.post(reverse("progress:schedule", args=[plan.pk]), settings_form())
    assert response.status_code == 302
    assert plan.periods.count() == 12
    assert {p.due_on.day for p in plan.periods.all()} == {28}
    assert TaskLight.objects.count() == 50  # lights computed at once
    client.post(reverse("progress:schedule", args=[plan.pk]), settings_form(due_day=31))
    assert plan.periods.get(opens_on="2024-02-01").due_on.day == 29  # a short month ends early
