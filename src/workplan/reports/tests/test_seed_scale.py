"""`workplan seed-scale` fills a database quickly with a consistent synthetic history."""

import pytest
from django.core.management import CommandError, call_command

from workplan.plans.models import Plan, Task
from workplan.progress.models import ProgressReport
from workplan.supervision.models import TaskLight

pytestmark = pytest.mark.django_db


def test_seed_scale_creates_what_was_asked(capsys):
    call_command(
        "seed-scale", "--departments", "20", "--tasks", "60", "--years", "2", "--periods", "3"
    )
    assert Plan.objects.count() == 2
    assert Task.objects.count() == 120
    assert 0.8 * 360 < ProgressReport.objects.count() <= 360
    assert all(t.assignments.filter(role="lead").count() == 1 for t in Task.objects.all()[:10])
    assert TaskLight.objects.count() == 360  # every task, every period
    missing = TaskLight.objects.filter(percent__isnull=True)
    assert missing.count() == 360 - ProgressReport.objects.count()
    assert set(missing.values_list("light", flat=True)) <= {"yellow", "red"}
    assert set(TaskLight.objects.values_list("light", flat=True)) >= {"green", "yellow"}
    with pytest.raises(CommandError):
        call_command("seed-scale", "--departments", "2", "--tasks", "1", "--years", "1")


def test_periods_still_to_come_have_no_reports():
    from django.utils import timezone

    call_command(
        "seed-scale", "--departments", "5", "--tasks", "24", "--years", "1", "--periods", "12"
    )
    today = timezone.localdate()
    assert not ProgressReport.objects.filter(period__opens_on__gt=today).exists()
    assert ProgressReport.objects.filter(period__opens_on__lte=today).exists()


def test_pages_run_as_many_queries_on_scale_data_as_on_the_demo(client):
    """Dashboards, the task table and the exports: the demo plan against a seeded plan with
    many departments, tasks, periods and reports (bench/run does the same at full size)."""
    from django.db import connection
    from django.db.models import Q
    from django.test.utils import CaptureQueriesContext

    from workplan.accounts.models import User
    from workplan.demo.data import do_load_demo
    from workplan.org.models import Department

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
