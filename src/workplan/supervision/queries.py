"""What the task page shows of supervision: notices, instructions, extension requests, and
which of their forms the reader may use; and the task page itself, which also shows the
task's reports and history, composed here — the highest app it draws on — until the pages
that combine several apps move to a layer of their own (issue 11)."""

from django.utils.translation import gettext

from workplan.audit.queries import timeline
from workplan.core.roles import Role, is_supervisor, may_see_audit_trail
from workplan.org.models import Department
from workplan.plans.models import Assignment
from workplan.progress.access import (
    report_records_visible_to,
    reports_visible_to,
    sees_all_reports,
)
from workplan.progress.models import ProgressReport
from workplan.progress.queries import duties
from workplan.supervision.access import (
    leads_task,
    may_decide_extension,
    notice_records_visible_to,
    notices_visible_to,
)
from workplan.supervision.lights import current_lights


def task_page(user, task) -> dict:
    """Return what the task page shows `user`: its reports and the history of the task, its
    reports and notices, each filtered in its query by who may read it."""
    key_point = task.key_point
    records = timeline(
        f"plans.task:{task.pk}",
        f"plans.keypoint:{key_point.pk}",
        visible=report_records_visible_to(user) & notice_records_visible_to(user),
    )
    reports = (
        reports_visible_to(user)
        .filter(task=task)
        .select_related("department", "period")
        .order_by("-period__opens_on", "role")
    )
    context = supervision_context(user, task)
    return {
        "records": records,
        "light": current_lights(key_point.plan, tasks=[task]).get(task.pk),
        # The light's reported percent is the lead department's report: shown to those who may
        # read that report, the colour and its reason to everyone who sees the task.
        "show_light_percent": sees_all_reports(user) or context["may_answer"],
        "reports": reports[:20],
        "show_addresses": may_see_audit_trail(user),
        **context,
    }


def supervision_context(user, task) -> dict:
    in_lead = leads_task(user, task)
    notices = notices_visible_to(user).filter(task=task).select_related("department", "replied_by")
    return {
        "notices": notices,
        "instructions": task.instructions.select_related("leader", "answered_by"),
        "extensions": task.extension_requests.select_related(
            "department", "requested_by", "decided_by"
        ),
        "may_issue_notice": is_supervisor(user),
        "notice_departments": _notice_departments(task) if is_supervisor(user) else [],
        "may_instruct": user.has_role(Role.LEADER),
        "may_answer": in_lead,
        "may_request_extension": in_lead,
        "may_decide_extension": may_decide_extension(user, task),
        "user_department_ids": user.department_ids,
    }


def _notice_departments(task) -> list[tuple[str, list[Department]]]:
    """Return the departments a notice may go to: the task's own (lead, then co) first, then the
    rest — a notice sometimes goes to a department the task does not name, such as 财务处."""
    assignments = Assignment.objects.filter(task=task, department__isnull=False)
    if not Assignment.objects.filter(task=task).exists():
        assignments = Assignment.objects.filter(
            key_point_id=task.key_point_id, department__isnull=False
        )
    ordered = [a.department_id for a in assignments.order_by("-role", "pk")]  # lead before co
    active = {d.pk: d for d in Department.objects.filter(is_active=True)}
    own = [active[pk] for pk in dict.fromkeys(ordered) if pk in active]
    others = [d for pk, d in active.items() if pk not in set(ordered)]
    return [(gettext("This task's departments"), own), (gettext("Other departments"), others)]


def missing_tasks(plan, period, department) -> list:
    """Return the tasks `department` has not yet submitted its report on for `period`."""
    submitted = {ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED}
    return [
        d.task
        for d in duties(plan, period, {department.pk})
        if d.report is None or d.report.state not in submitted
    ]


def notices_for(user):
    """Return the notices `user` may read, newest first, with what their list shows."""
    return notices_visible_to(user).select_related("department", "task__key_point", "period")
