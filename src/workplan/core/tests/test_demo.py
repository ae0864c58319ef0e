"""`workplan demo` prepares the example plan and the demo accounts, and can run twice."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from workplan.core.demo import DEMO_ACCOUNTS
from workplan.plans.models import Plan

pytestmark = pytest.mark.django_db


def test_demo_loads_example_plan_and_prints_accounts(capsys, client):
    call_command("demo", "--no-serve")
    output = capsys.readouterr().out
    plan = Plan.objects.get()
    assert plan.key_points.count() == 12
    for account in DEMO_ACCOUNTS:
        assert f"{account.username:<9} / {account.password}" in output
    duban = next(a for a in DEMO_ACCOUNTS if a.username == "duban")
    signed_in = client.post(
        reverse("login"), {"username": duban.username, "password": duban.password}
    )
    assert signed_in.status_code == 302
    page = client.get(reverse("plans:plan-detail", args=[plan.pk])).content.decode()
    assert "江城职业技术学院2024年工作要点" in page


def test_demo_twice_keeps_one_plan(capsys):
    call_command("demo", "--no-serve")
    call_command("demo", "--no-serve")
    assert Plan.objects.count() == 1
    assert "已存在" in capsys.readouterr().out
