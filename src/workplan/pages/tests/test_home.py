"""After signing in, each person starts where their work is."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from workplan.plans.models import Plan
from workplan.progress.actions import do_set_up_schedule

pytestmark = pytest.mark.django_db


def test_each_role_starts_at_its_work(client, liaison, leader, supervisor, example_plan):
    call_command("import", str(example_plan))
    plan = Plan.objects.get()
    do_set_up_schedule(plan)
    expected = {
        liaison: reverse("progress:my-reports"),
        leader: reverse("reports:dashboard", args=[plan.pk]),
        supervisor: reverse("plans:plan-list"),
    }
    for user, url in expected.items():
        client.force_login(user)
        assert client.get(reverse("pages:home"))["Location"] == url
