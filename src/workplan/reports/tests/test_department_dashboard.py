"""A department's own dashboard, and the on-time ranking shown only where the plan allows."""

import pytest
import time_machine
from django.urls import reverse

from workplan.progress.actions import (
    ReportData,
    do_return_report,
    do_save_report,
    do_start_report,
    do_submit_report,
)
from workplan.progress.tests.factories import make_reporting_plan
from workplan.supervision.lights import do_recompute_lights

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(department, other_department):
    """The example-shaped plan; 教务处 and 财务处 are the fixtures' own, whatever order a test
    names them in."""
    return make_reporting_plan()


def test_department_sees_its_tasks_and_duties_but_no_ranking_by_default(
    client, liaison, department, plan
):
    client.force_login(liaison)
    response = client.get(reverse("reports:department-dashboard", args=[plan.pk, department.pk]))
    assert response.status_code == 200
    assert len(response.context["d"]["lead"]) == 5
    assert response.context["ranking"] is None
    plan.schedule.show_ranking = True
    plan.schedule.save()
    assert (
        client.get(reverse("reports:department-dashboard", args=[plan.pk, department.pk])).context[
            "ranking"
        ]
        is not None
    )


def test_other_departments_do_not_see_it(client, outsider, department, plan):
    client.force_login(outsider)
    assert (
        client.get(
            reverse("reports:department-dashboard", args=[plan.pk, department.pk])
        ).status_code
        == 404
    )


def test_leaders_see_it_with_the_ranking(client, leader, department, plan):
    client.force_login(leader)
    response = client.get(reverse("reports:department-dashboard", args=[plan.pk, department.pk]))
    assert response.context["ranking"] is not None


def test_returned_reports_say_why_and_my_reports_leads_here(
    client, liaison, supervisor, department, plan
):
    with time_machine.travel("2024-06-20 10:00 +08:00"):
        task = plan.key_points.get(number=4).tasks.get(number=1)
        period = plan.periods.get(opens_on="2024-06-01")
        report = do_start_report(task, department, period, "lead", by=liaison)
        do_save_report(
            report, ReportData("on_track", 30, "进展", "", ""), read_version=None, by=liaison
        )
        do_submit_report(report, by=liaison)
        do_return_report(report, "请补充佐证材料。", by=supervisor)
        do_recompute_lights(plan, period.opens_on)
        client.force_login(liaison)
        url = reverse("reports:department-dashboard", args=[plan.pk, department.pk])
        page = client.get(url).content.decode()
        assert "理由：请补充佐证材料。" in page and task.text[:10] in page
        assert 'role="img" aria-label="黄灯"' in page  # lights are named, not colour alone
        assert url in client.get(reverse("progress:my-reports")).content.decode()
