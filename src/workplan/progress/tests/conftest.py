import pytest
import time_machine
from django.core.management import call_command

from workplan.plans.models import Plan
from workplan.progress import actions
from workplan.progress.models import ProgressReport
from workplan.progress.queries import current_period
from workplan.progress.tests.test_reporting import JUNE_20, jwc_task

# What the drafts below say: on track, 40 %, a first line of progress.
DRAFT = actions.ReportData("on_track", 40, "已完成方案初稿。", "", "")


@pytest.fixture
def plan(example_plan, department, other_department):
    """The example plan (2024) with monthly reporting due on the 25th; 教务处 and 财务处 report."""
    call_command("import", str(example_plan))
    plan = Plan.objects.get()
    actions.do_set_up_schedule(plan)
    return plan


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
