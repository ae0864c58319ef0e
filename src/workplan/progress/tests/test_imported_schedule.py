"""An imported plan is live at once: monthly periods due on the 25th, the ones already over
closed; the schedule is part of the import's one transaction."""

from datetime import date

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from workplan.parsing import parse_file
from workplan.plans import hooks
from workplan.plans.actions import do_import_plan
from workplan.plans.models import Plan
from workplan.progress.models import ReportingPeriod, Schedule

pytestmark = pytest.mark.django_db


@time_machine.travel("2023-12-20 10:00 +08:00")
def test_import_before_the_year_sets_up_twelve_open_periods_due_on_the_25th(example_plan, capsys):
    call_command("import", str(example_plan))
    plan = Plan.objects.get()
    periods = list(plan.periods.order_by("opens_on"))
    assert [p.label for p in periods] == [f"2024年{m}月" for m in range(1, 13)]
    assert [(p.opens_on, p.due_on) for p in periods] == [
        (date(2024, m, 1), date(2024, m, 25)) for m in range(1, 13)
    ]
    assert not any(p.closed for p in periods)
    assert (plan.schedule.cadence, plan.schedule.due_day) == (Schedule.Cadence.MONTHLY, 25)
    assert "已按月建立报送周期，每月25日截止。" in capsys.readouterr().out


def test_import_mid_year_closes_the_periods_already_over(example_plan):
    outcome = do_import_plan(parse_file(example_plan), today=date(2024, 7, 10))
    plan = outcome.plan
    closed = plan.periods.filter(closed=True).order_by("opens_on")
    assert [p.label for p in closed] == [f"2024年{m}月" for m in range(1, 7)]
    assert plan.periods.filter(closed=False).count() == 6
    assert outcome.set_up == ["已按月建立报送周期，每月25日截止；导入前已结束的6个周期已关闭。"]


def test_a_period_due_on_the_day_of_the_import_stays_open(example_plan):
    plan = do_import_plan(parse_file(example_plan), today=date(2024, 7, 25)).plan
    assert not plan.periods.get(label="2024年7月").closed
    assert plan.periods.get(label="2024年6月").closed


def test_importing_the_same_document_again_sets_up_nothing_more(example_plan):
    do_import_plan(parse_file(example_plan), today=date(2024, 3, 1))
    again = do_import_plan(parse_file(example_plan), today=date(2024, 9, 1))
    assert again.set_up == []
    assert ReportingPeriod.objects.filter(closed=True).count() == 2


def test_a_failing_schedule_keeps_nothing_of_the_import(example_plan):
    def refuse(sender, **kwargs):
        raise RuntimeError("no schedule today")

    hooks.plan_imported.connect(refuse, dispatch_uid="test-refuse")
    try:
        with pytest.raises(RuntimeError):
            do_import_plan(parse_file(example_plan))
    finally:
        hooks.plan_imported.disconnect(dispatch_uid="test-refuse")
    assert not Plan.objects.exists()
    assert not Schedule.objects.exists() and not ReportingPeriod.objects.exists()


def test_the_schedule_page_shows_which_periods_were_closed_at_the_import(
    client, supervisor, example_plan
):
    plan = do_import_plan(parse_file(example_plan), today=date(2024, 4, 2)).plan
    client.force_login(supervisor)
    page = client.get(reverse("progress:schedule", args=[plan.pk])).content.decode()
    assert page.count("导入前已结束，不催办") == 3
