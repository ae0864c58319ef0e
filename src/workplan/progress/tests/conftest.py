import pytest
import time_machine

from workplan.progress import actions
from workplan.progress.models import ProgressReport
from workplan.progress.queries import current_period
from workplan.progress.tests.factories import make_reporting_plan
from workplan.progress.tests.test_reporting import JUNE_20, jwc_task

# What the drafts below say: on track, 40 %, a first line of progress.
DRAFT = actions.ReportData("on_track", 40, "已完成方案初稿。", "", "")


@pytest.fixture
def plan(department, other_department):
    """A plan shaped as the example (2024), built without the parser, with monthly reporting due
    on the 25th; 教务处 and 财务处 report."""
    return make_reporting_plan()


@pytest.fixture
def june_20():
    """Today is 20 June 2024: the June period is open and due on the 25th. Files that use it
    for every test say so with `pytest.mark.usefixtures("june_20")`."""
    with time_machine.travel(JUNE_20):
        yield


@pytest.fixture
def head_approval(plan):
    """The plan asks the department head to approve each report before it reaches the office."""
    plan.schedule.head_approval = True
    plan.schedule.save()


@pytest.fixture
def draft(plan, department, liaison, june_20) -> ProgressReport:
    """教务处's report on the task it leads, this period, saved as a draft by its liaison."""
    report = actions.do_start_report(
        jwc_task(plan), department, current_period(plan), ProgressReport.Role.LEAD, by=liaison
    )
    return actions.do_save_report(report, DRAFT, read_version=None, by=liaison)
