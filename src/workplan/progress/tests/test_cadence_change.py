"""Changing the reporting cadence replaces the periods still to come, never what was filed."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from workplan.progress.actions import do_start_report
from workplan.progress.models import ProgressReport, Schedule

pytestmark = pytest.mark.django_db

MAY_10 = "2024-05-10 10:00 +08:00"


def settings_form(**changes):
    data = {"cadence": "monthly", "due_day": 25, "lag_points": 20, "near_days": 15}
    data.update(changes)
    return data


def change_cadence(client, plan, cadence):
    client.cookies["django_language"] = "en"
    url = reverse("progress:schedule", args=[plan.pk])
    return client.post(url, settings_form(cadence=cadence), follow=True)


@time_machine.travel(MAY_10)
def test_supervisor_switches_to_quarterly_and_the_periods_to_come_follow(client, plan, supervisor):
    client.force_login(supervisor)
    page = change_cadence(client, plan, "quarterly").content.decode()
    plan.schedule.refresh_from_db()
    assert plan.schedule.cadence == Schedule.Cadence.QUARTERLY
    opened = [f"2024年{m}月" for m in range(1, 6)]  # January to May have opened: kept
    assert [p.label for p in plan.periods.all()] == [*opened, "2024年第3季度", "2024年第4季度"]
    assert plan.periods.get(label="2024年第3季度").due_on == date(2024, 9, 25)
    assert "The cadence changed: 7 periods not yet open were removed and 2 added" in page


@time_machine.travel(MAY_10)
def test_switching_back_to_monthly_starts_after_the_open_quarter_is_due(client, plan, supervisor):
    client.force_login(supervisor)
    change_cadence(client, plan, "quarterly")
    with time_machine.travel("2024-08-05 10:00 +08:00"):  # the third quarter has opened
        client.force_login(supervisor)  # the May session has expired by August
        change_cadence(client, plan, "monthly")
    labels = [p.label for p in plan.periods.filter(opens_on__gte="2024-07-01")]
    # 第3季度 is due on 25 September, so monthly reporting resumes in October.
    assert labels == ["2024年第3季度", "2024年10月", "2024年11月", "2024年12月"]


@time_machine.travel(MAY_10)
def test_a_period_with_reports_or_added_by_hand_is_kept(
    client, plan, supervisor, liaison, department
):
    june = plan.periods.get(label="2024年6月")
    task = plan.key_points.get(number=4).tasks.first()
    do_start_report(task, department, june, ProgressReport.Role.LEAD, by=liaison)
    client.force_login(supervisor)
    client.post(
        reverse("progress:add-period", args=[plan.pk]),
        {"label": "年末专项", "opens_on": "2024-12-26", "due_on": "2024-12-30"},
    )
    change_cadence(client, plan, "quarterly")
    labels = [p.label for p in plan.periods.filter(opens_on__gte="2024-06-01")]
    assert labels == ["2024年6月", "2024年第3季度", "2024年第4季度", "年末专项"]
    assert ProgressReport.objects.filter(period=june).exists()
