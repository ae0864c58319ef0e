"""The demo's pages against seed-scale data: the same pages cost the same queries (bench/run
measures the same at full size). Here, not in reports, because the demo is the top layer."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from workplan.accounts.models import User
from workplan.demo.data import do_load_demo
from workplan.org.models import Department
from workplan.plans.models import Plan
from workplan.progress.models import ProgressReport

pytestmark = pytest.mark.django_db


def test_pages_run_as_many_queries_on_scale_data_as_on_the_demo(client):
    """Dashboards, the task table and the exports: the demo plan against a seeded plan with
    many departments, tasks, periods and reports (bench/run does the same at full size)."""

    demo = do_load_demo().plan
    call_command(
        "seed-scale", "--departments", "40", "--tasks", "400", "--years", "2", "--periods", "12"
    )
    scale = Plan.objects.filter(organization="模拟大学").order_by("-year").first()
    demo_reports = ProgressReport.objects.filter(period__plan=demo).count()
    assert ProgressReport.objects.filter(period__plan=scale).count() > 5 * demo_reports
    client.force_login(User.objects.get(username="duban"))

    def pages(plan):
        department = Department.objects.filter(
            Q(assignments__task__key_point__plan=plan) | Q(assignments__key_point__plan=plan)
        ).first()
        return [
            f"/reports/plans/{plan.pk}/dashboard/",
            f"/reports/plans/{plan.pk}/departments/{department.pk}/",
            f"/reports/plans/{plan.pk}/ledger.xlsx",
            f"/plans/{plan.pk}/table/",
            f"/plans/{plan.pk}/table.xlsx",
        ]

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    small = [queries(url) for url in pages(demo)]
    large = [queries(url) for url in pages(scale)]
    assert large == small
