"""What the task page shows of supervision: notices, instructions, extension requests, and
which of their forms the reader may use."""

from workplan.accounts.access import belongs_to, is_supervisor
from workplan.accounts.models import Role
from workplan.org.models import Department
from workplan.progress.access import sees_all_reports
from workplan.progress.queries import lead_department_ids


def supervision_context(user, task) -> dict:
    lead_ids = lead_department_ids(task)
    in_lead = any(belongs_to(user, d) for d in lead_ids)
    notices = task.notices.select_related("department", "replied_by")
    if not sees_all_reports(user):
        notices = notices.filter(department_id__in=user.department_ids)
    leader = task.effective_leader
    return {
        "notices": notices,
        "instructions": task.instructions.select_related("leader", "answered_by"),
        "extensions": task.extension_requests.select_related(
            "department", "requested_by", "decided_by"
        ),
        "may_issue_notice": is_supervisor(user),
        "notice_departments": Department.objects.filter(is_active=True)
        if is_supervisor(user)
        else [],
        "may_instruct": user.has_role(Role.LEADER),
        "may_answer": in_lead,
        "may_request_extension": in_lead,
        "may_decide_extension": user.has_role(Role.LEADER)
        and (leader is None or leader.pk == user.pk),
        "user_department_ids": user.department_ids,
    }
