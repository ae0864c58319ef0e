"""Who may open the reports: the plan-wide ones (dashboard, ledger, progress report) are for
those who oversee every report; a department's dashboard also for the department's people.
Anyone else is told nothing exists (404)."""

from django.http import Http404

from workplan.core.roles import belongs_to
from workplan.org.access import access_department
from workplan.org.models import Department
from workplan.plans.access import access_plan
from workplan.plans.models import Plan
from workplan.progress.access import sees_all_reports


def access_plan_reports(user, plan_id: int) -> Plan:
    """Return the plan whose plan-wide reports `user` may open, or raise Http404."""
    if not sees_all_reports(user):
        raise Http404
    return access_plan(user, plan_id)


def access_department_dashboard(user, plan_id: int, department_id: int) -> tuple[Plan, Department]:
    """Return the plan and department whose dashboard `user` may open, or raise Http404."""
    if not (sees_all_reports(user) or belongs_to(user, department_id)):
        raise Http404
    return access_plan(user, plan_id), access_department(user, department_id)


def may_see_ranking(user, plan: Plan) -> bool:
    """The on-time ranking is shown to those who oversee the plan, and to every department
    where the plan's reporting settings say so."""
    schedule = getattr(plan, "schedule", None)
    return sees_all_reports(user) or bool(schedule and schedule.show_ranking)
