"""`workplan demo` prepares the example plan and the demo accounts, and can run twice."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from workplan.demo.data import DEMO_ACCOUNTS, do_load_demo
from workplan.plans.models import Plan
from workplan.progress.models import ProgressReport
from workplan.supervision.models import Instruction, Notice, TaskLight

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
    page = client.get(reverse("pages:plan-detail", args=[plan.pk])).content.decode()
    assert f"江城职业技术学院{timezone.localdate().year}年工作要点" in page


def test_demo_twice_keeps_one_plan(capsys):
    call_command("demo", "--no-serve")
    call_command("demo", "--no-serve")
    assert Plan.objects.count() == 1
    assert "已存在" in capsys.readouterr().out


def test_demo_plan_is_part_way_through_the_year_with_a_mix_of_reports(capsys):
    do_load_demo(today=date(2026, 11, 24))
    plan = Plan.objects.get()
    assert plan.year == 2026
    states = set(ProgressReport.objects.values_list("state", flat=True))
    assert {"accepted", "submitted", "returned"} <= states
    assert ProgressReport.objects.filter(late=True).exists()
    assert ProgressReport.objects.filter(late=False).exists()
    assert (
        Notice.objects.filter(kind="notice").exists()
        and Notice.objects.filter(kind="chase").exists()
    )
    assert Instruction.objects.exists()
    assert len(set(TaskLight.objects.values_list("light", flat=True))) >= 2
