import pytest
import time_machine

from workplan.progress.tests.factories import make_reporting_plan


@pytest.fixture
def plan(department, other_department):
    """The reporting plan of the progress tests (the example's shape, built without the parser):
    monthly periods of 2024 due on the 25th; 教务处 leads key point 4, 财务处 co-operates."""
    return make_reporting_plan()


@pytest.fixture
def june_20():
    """Inside June 2024's reporting period of the plan."""
    with time_machine.travel("2024-06-20 10:00 +08:00"):
        yield


@pytest.fixture
def task(plan):
    """A task 教务处 (the `department` fixture) leads: key point 4's first."""
    return plan.key_points.get(number=4).tasks.first()
