"""`workplan seed-scale` fills a database quickly with a consistent synthetic history."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

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
    call_command(
        "seed-scale", "--departments", "5", "--tasks", "24", "--years", "1", "--periods", "12"
    )
    today = timezone.localdate()
    assert not ProgressReport.objects.filter(period__opens_on__gt=today).exists()
    assert ProgressReport.objects.filter(period__opens_on__lte=today).exists()
