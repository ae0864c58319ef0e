import pytest
import time_machine

from workplan.progress.tests.conftest import plan  # noqa: F401  (the same reporting plan)


@pytest.fixture
def june_20():
    """Inside June 2024's reporting period of the plan."""
    with time_machine.travel("2024-06-20 10:00 +08:00"):
        yield


@pytest.fixture
def task(plan):  # noqa: F811
    """A task 教务处 (the `department` fixture) leads: key point 4's first."""
    return plan.key_points.get(number=4).tasks.first()
