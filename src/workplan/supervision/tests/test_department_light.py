"""A department sees its own light on a task: a co department whose own report is missing is
not green because the lead department reported."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from workplan.org.models import Department
from workplan.plans.table import table_rows
from workplan.progress.models import ProgressReport
from workplan.progress.tests.factories import make_report, make_reporting_plan
from workplan.supervision.lights import department_lights, do_recompute_lights
from workplan.supervision.models import TaskLight
from workplan.supervision.rules import Light, Reason, department_light

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("task_light", "missing", "seen"),
    [
        (Light.GREEN, True, (Light.YELLOW, Reason.MISSING)),
        (Light.BLUE, True, (Light.YELLOW, Reason.MISSING)),
        (Light.GREEN, False, (Light.GREEN, None)),
        (Light.RED, True, (Light.RED, None)),  # already worse: the task's reason stands
        (Light.YELLOW, True, (Light.YELLOW, None)),
    ],
)
def test_department_light_rule(task_light, missing, seen):
    assert department_light(task_light, missing) == seen


@pytest.mark.django_db
def test_a_co_department_that_did_not_report_is_yellow_where_the_lead_is_green(department):
    plan = make_reporting_plan()
    june = plan.periods.get(opens_on=date(2024, 6, 1))
    row = next(r for r in table_rows(plan) if department.name in r.co)
    lead = Department.objects.get(name=row.lead[0])
    make_report(
        row.task, lead, june, role=ProgressReport.Role.LEAD,
        state=ProgressReport.State.SUBMITTED, now=datetime(2024, 6, 20, tzinfo=SHANGHAI),
    )  # fmt: skip
    do_recompute_lights(plan, date(2024, 6, 28))
    assert TaskLight.objects.get(task=row.task, period=june).light == Light.GREEN
    assert department_lights(plan, lead.pk, date(2024, 6, 28))[row.task.pk][0] == "green"
    assert department_lights(plan, department.pk, date(2024, 6, 28))[row.task.pk] == (
        "yellow",
        "missing",
    )
