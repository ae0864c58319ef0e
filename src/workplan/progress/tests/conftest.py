import pytest

from workplan.progress.tests.factories import make_reporting_plan


@pytest.fixture
def plan(department, other_department):
    """A plan shaped as the example (2024), built without the parser, with monthly reporting due
    on the 25th; 教务处 and 财务处 report."""
    return make_reporting_plan()
