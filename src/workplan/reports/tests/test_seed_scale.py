"""`workplan seed-scale` fills a database quickly with a consistent synthetic history."""

import pytest
from django.core.management import CommandError, call_command

from workplan.plans.models import Plan, Task
from workplan.progress.models import ProgressReport

pytestmark = pytest.mark.django_db


def test_seed_scale_creates_what_was_asked(capsys):
    call_command(
        "seed-scale", "--departments", "20", "--tasks", "60", "--years", "2", "--periods", "3"
    )
    assert Plan.objects.count() == 2
    assert Task.objects.count() == 120
    assert 0.8 * 360 < ProgressReport.objects.count() <= 360
    assert all(t.assignments.filter(role="lead").count() == 1 for t in Task.objects.all()[:10])
    with pytest.raises(CommandError):
        call_command("seed-scale", "--departments", "2", "--tasks", "1", "--years", "1")
