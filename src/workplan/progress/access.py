"""Who may see and change progress reports.

Everyone who oversees the plan (supervision office, leaders, auditors, administrators) sees
every report; a department's own people see and change their department's reports; the
lead department's people also see the co-operating departments' contributions to their
tasks. Anyone else gets 404, as if the report did not exist.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from workplan.accounts.access import belongs_to, is_supervisor
from workplan.accounts.models import Role
from workplan.progress.models import EvidenceFile, ProgressReport
from workplan.progress.queries import lead_department_ids

EDITABLE = {ProgressReport.State.DRAFT, ProgressReport.State.RETURNED}


def sees_all_reports(user) -> bool:
    return user.is_authenticated and user.has_role(
        Role.SUPERVISOR, Role.LEADER, Role.AUDITOR, Role.ADMIN
    )


def may_see_report(user, report: ProgressReport) -> bool:
    if sees_all_reports(user) or belongs_to(user, report.department_id):
        return True
    return any(
        belongs_to(user, department_id) for department_id in lead_department_ids(report.task)
    )


def access_report(
    user, report_id: int, *, write: bool = False, review: bool = False
) -> ProgressReport:
    """Return the report `user` may see (and, with `write`, fill in; with `review`, decide on)."""
    report = get_object_or_404(
        ProgressReport.objects.select_related("task__key_point__plan", "department", "period"),
        pk=report_id,
    )
    if not may_see_report(user, report):
        raise Http404
    if write and not belongs_to(user, report.department_id):
        raise PermissionDenied
    if review and not is_supervisor(user):
        raise PermissionDenied
    return report


def access_evidence(user, evidence_id: int) -> EvidenceFile:
    """Return the evidence file `user` may download, or raise Http404."""
    evidence = get_object_or_404(
        EvidenceFile.objects.select_related("report__task", "report__department"), pk=evidence_id
    )
    if not may_see_report(user, evidence.report):
        raise Http404
    return evidence
