import pytest
from django.core.management import call_command

from workplan.plans.models import Plan
from workplan.progress.actions import do_set_up_schedule


@pytest.fixture
def plan(example_plan, department, other_department):
    """The example plan (2024) with monthly reporting due on the 25th; 教务处 and 财务处 report."""
    call_command("import", str(example_plan))
    plan = Plan.objects.get()
    do_set_up_schedule(plan)
    return plan
