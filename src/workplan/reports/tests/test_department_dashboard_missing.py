"""A department's dashboard shows a missing report as 未报送 with its days (never as the progress
status 未启动), and its own light on the tasks it co-operates on."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from workplan.org.models import Department
from workplan.plans.table import table_rows
from workplan.progress.models import ProgressReport
from workplan.progress.tests.factories import make_report, make_reporting_plan
from workplan.supervision.lights import do_recompute_lights

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def plan(department, other_department):
    return make_reporting_plan()


def page(client, user, plan, department, when):
    with time_machine.travel(when):
        client.force_login(user)
        response = client.get(
            reverse("reports:department-dashboard", args=[plan.pk, department.pk])
        )
    assert response.status_code == 200
    return response.content.decode()


def test_missing_reports_say_not_reported_with_the_days(client, liaison, department, plan):
    shown = page(client, liaison, plan, department, "2024-07-10 10:00 +08:00")
    assert "2024年6月未报送（已逾期15天）" in shown  # June's were due on June 25
    assert '<span class="hint">待报送，15天后截止</span>' in shown  # July's are due July 25
    assert "未启动" not in shown
    late = page(client, liaison, plan, department, "2024-07-28 10:00 +08:00")
    assert "未报送，已逾期3天" in late


def test_a_co_department_sees_its_own_missing_report_in_its_light(
    client, liaison, department, plan
):
    row = next(r for r in table_rows(plan) if department.name in r.co)
    lead = Department.objects.get(name=row.lead[0])
    june = plan.periods.get(opens_on=date(2024, 6, 1))
    make_report(
        row.task, lead, june, role=ProgressReport.Role.LEAD,
        state=ProgressReport.State.SUBMITTED, now=datetime(2024, 6, 20, tzinfo=SHANGHAI),
    )  # fmt: skip
    do_recompute_lights(plan, date(2024, 6, 28))
    shown = page(client, liaison, plan, department, "2024-06-28 10:00 +08:00")
    item = re.search(
        rf'<li><span class="light light-(\w+)"[^>]*title="([^"]*)"></span>'
        rf'<a href="/tasks/{row.task.pk}/',
        shown,
    )
    assert item.group(1) == "yellow"
    assert item.group(2).endswith("：上一报送周期截止时未报送进展。"), item.group(2)
