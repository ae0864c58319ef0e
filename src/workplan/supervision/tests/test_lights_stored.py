"""Lights computed for a real plan's tasks from their reports, and recomputed when a rule changes."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from workplan.plans.table import TaskValues, table_rows
from workplan.plans.table_actions import do_update_task
from workplan.progress.actions import ReportData, do_save_report, do_start_report, do_submit_report
from workplan.supervision.actions import do_update_light_rules
from workplan.supervision.lights import do_recompute_lights
from workplan.supervision.models import TaskLight

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def task_due_in_august(plan, supervisor):
    row = next(r for r in table_rows(plan) if r.code == "4.1")
    values = TaskValues(row.text, None, row.lead, row.co, row.groups, "8月底前", "", "")
    return do_update_task(row.task.pk, values, read_version=row.task.version, by=supervisor)


def report(plan, task, department, liaison, month, percent, *, day=20):
    period = plan.periods.get(opens_on=date(2024, month, 1))
    r = do_start_report(task, department, period, "lead", by=liaison)
    do_save_report(
        r, ReportData("on_track", percent, "进展", "", ""), read_version=None, by=liaison
    )
    do_submit_report(r, by=liaison, now=datetime(2024, month, day, 9, tzinfo=SHANGHAI))


def test_lights_follow_the_reports(plan, task_due_in_august, department, liaison):
    task = task_due_in_august
    report(plan, task, department, liaison, 5, 60)
    do_recompute_lights(plan, date(2024, 5, 28))
    may = TaskLight.objects.get(task=task, period__opens_on=date(2024, 5, 1))
    assert (may.light, may.reason) == ("green", "on_track")  # expected 61 %, reported 60 %

    do_recompute_lights(plan, date(2024, 6, 28))  # June's report never came
    june = TaskLight.objects.get(task=task, period__opens_on=date(2024, 6, 1))
    assert (june.light, june.reason) == ("yellow", "missing")

    do_recompute_lights(plan, date(2024, 7, 28))  # and July's neither: yellow twice is red
    july = TaskLight.objects.get(task=task, period__opens_on=date(2024, 7, 1))
    assert (july.light, july.reason) == ("red", "yellow_twice")


def test_changing_a_rule_recomputes_every_light(
    plan, task_due_in_august, department, liaison, supervisor
):
    report(plan, task_due_in_august, department, liaison, 5, 50)
    do_recompute_lights(plan, date(2024, 5, 28))
    light = TaskLight.objects.get(task=task_due_in_august, period__opens_on=date(2024, 5, 1))
    assert light.light == "green"  # 11 points behind, threshold 20
    do_update_light_rules(
        plan.schedule, lag_points=10, near_days=15, by=supervisor, today=date(2024, 5, 28)
    )
    light.refresh_from_db()
    assert (light.light, light.reason) == ("yellow", "behind")


def test_the_table_and_task_page_show_the_light_and_why(client, viewer, plan, task_due_in_august):
    do_recompute_lights(plan, timezone.localdate())
    client.force_login(viewer)
    table = client.get(reverse("pages:table", args=[plan.pk])).content.decode()
    assert "light light-" in table
    page = client.get(reverse("pages:task-detail", args=[task_due_in_august.pk])).content.decode()
    assert "light light-" in page
