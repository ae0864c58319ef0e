"""Who may see and change progress reports.

One rule decides who may read a report, `reports_visible_to`: everyone who oversees the plan
(supervision office, leaders, auditors, administrators) reads every report; a department's
own people (head, liaison) read their department's reports; the lead department's people
also read the co-operating departments' contributions to the tasks it leads. Anyone else
gets 404, as if the report did not exist — on its page, its files, the task page's list
and history, and everywhere else a report shows. Every page asks this rule in its query.

Who may change a report is checked again inside each action (`check_*`, raising NotAllowed),
so a POST that skips the page's buttons is refused the same way. `by=None` is the server's
command line, which is trusted.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from workplan.audit.queries import records_about
from workplan.core.errors import NotAllowed
from workplan.core.ids import parse_id
from workplan.core.roles import Role, belongs_to, is_supervisor, member_department_ids
from workplan.org.models import Department
from workplan.progress.models import EvidenceFile, ProgressReport, ReportingPeriod
from workplan.progress.queries import Duty, current_period, duties, tasks_led_by

EDITABLE = {ProgressReport.State.DRAFT, ProgressReport.State.RETURNED}
REPORT_RECORDS = "progress.progressreport"
EVIDENCE_RECORDS = "progress.evidencefile"


def sees_all_reports(user) -> bool:
    return user.is_authenticated and user.has_role(
        Role.SUPERVISOR, Role.LEADER, Role.AUDITOR, Role.ADMIN
    )


def reports_visible_to(user) -> QuerySet[ProgressReport]:
    """Return the reports `user` may read: the one rule, as a query."""
    reports = ProgressReport.objects.all()
    if sees_all_reports(user):
        return reports
    own = member_department_ids(user)
    if not own:
        return reports.none()
    return reports.filter(Q(department_id__in=own) | Q(task__in=tasks_led_by(own)))


def may_see_report(user, report: ProgressReport) -> bool:
    """Return whether `user` may read `report` (by `reports_visible_to`)."""
    if sees_all_reports(user):
        return True
    return reports_visible_to(user).filter(pk=report.pk).exists()


def report_records_visible_to(user) -> Q:
    """Return a filter for the audit records `user` may read of those about reports and their
    evidence files: all of them for those who read every report, else only those about the
    reports they may read (a record of a file since removed shows to them no more)."""
    if sees_all_reports(user):
        return Q()
    reports = reports_visible_to(user)
    return (
        ~Q(object_type__in=[REPORT_RECORDS, EVIDENCE_RECORDS])
        | records_about(REPORT_RECORDS, reports)
        | records_about(EVIDENCE_RECORDS, EvidenceFile.objects.filter(report__in=reports))
    )


def may_write_report(user, report: ProgressReport) -> bool:
    """Return whether `user` is one of the report's department's people, who write it."""
    return belongs_to(user, report.department_id)


def may_approve_report(user, report: ProgressReport) -> bool:
    """Return whether `user` may approve or send back the report now: its department's head,
    while it waits for approval, and never the person who submitted it (four eyes)."""
    return (
        report.state == ProgressReport.State.AWAITING_APPROVAL
        and is_head_of(user, report)
        and report.submitted_by_id != user.pk
    )


def may_edit_report(user, report: ProgressReport) -> bool:
    """Return whether `user` may fill in the report now: its department's people, while it is
    a draft or returned."""
    return may_write_report(user, report) and report.state in EDITABLE


def is_head_of(user, report) -> bool:
    """Return whether `user` is a head of the report's department, whose own 报送 is the
    head's sign-off under head approval."""
    return user.has_role(Role.HEAD) and belongs_to(user, report.department_id)


def check_may_write_report(by, report: ProgressReport) -> None:
    """Raise NotAllowed unless `by` may write the report (save, submit, attach, remove)."""
    if by is not None and not may_write_report(by, report):
        raise NotAllowed(
            _("Only the people of {department} may change its report.").format(
                department=report.department.name
            )
        )


def check_may_start_report(by, department) -> None:
    """Raise NotAllowed unless `by` may start `department`'s report."""
    if by is not None and not belongs_to(by, department.pk):
        raise NotAllowed(
            _("Only the people of {department} may change its report.").format(
                department=department.name
            )
        )


def check_may_approve_report(by, report: ProgressReport) -> None:
    """Raise NotAllowed unless `by` is the head of the report's department and did not submit
    it: a report is approved by a second person."""
    if by is None:
        return
    if not is_head_of(by, report):
        raise NotAllowed(
            _("Only the head of {department} may approve or send back its report.").format(
                department=report.department.name
            )
        )
    if report.submitted_by_id == by.pk:
        raise NotAllowed(
            _("You submitted this report, so another head of the department must approve it.")
        )


def check_may_send_back_report(by, report: ProgressReport) -> None:
    """Raise NotAllowed unless `by` is the head of the report's department."""
    if by is not None and not is_head_of(by, report):
        raise NotAllowed(
            _("Only the head of {department} may approve or send back its report.").format(
                department=report.department.name
            )
        )


def check_may_review_report(by) -> None:
    """Raise NotAllowed unless `by` works in the supervision office, which accepts and returns."""
    if by is not None and not is_supervisor(by):
        raise NotAllowed(_("Only the supervision office may accept or return a report."))


def check_may_see_review_queue(user) -> None:
    """Raise Http404 unless `user` works in the supervision office: others do not learn the
    review queue exists."""
    if not is_supervisor(user):
        raise Http404


def check_may_change_schedule(by) -> None:
    """Raise NotAllowed unless `by` may change a plan's reporting settings and periods."""
    if by is not None and not is_supervisor(by):
        raise NotAllowed(_("Only the supervision office may change the reporting settings."))


def access_report(
    user, report_id: int, *, write: bool = False, review: bool = False
) -> ProgressReport:
    """Return the report `user` may see (and, with `write`, fill in; with `review`, decide on)."""
    report = get_object_or_404(
        reports_visible_to(user).select_related("task__key_point__plan", "department", "period"),
        pk=report_id,
    )
    if write:
        check_may_write_report(user, report)
    if review:
        check_may_review_report(user)
    return report


def access_period(user, plan_id: int, period_id: int) -> ReportingPeriod:
    """Return the plan's period for `user` to change: Http404 if the plan has no such period,
    NotAllowed (403) unless `user` works in the supervision office (plans are no secret)."""
    period = get_object_or_404(
        ReportingPeriod.objects.select_related("plan"), pk=period_id, plan_id=plan_id
    )
    check_may_change_schedule(user)
    return period


def access_evidence(user, evidence_id: int) -> EvidenceFile:
    """Return the evidence file `user` may download, or raise Http404."""
    evidence = (
        EvidenceFile.objects.filter(report__in=reports_visible_to(user), pk=evidence_id)
        .select_related("report__task", "report__department")
        .first()
    )
    if evidence is None:
        raise Http404
    return evidence


def access_duty(user, task, department: str) -> tuple[Duty, ReportingPeriod, Department]:
    """Return the duty of `department` (an id as typed; else the user's first department) on
    `task` in its plan's current period, that period and the department, or raise Http404:
    when there is no such duty, when its report is one `user` may not read, or when there is
    no report yet and the department is not the user's to start it."""
    period = current_period(task.key_point.plan)
    if period is None:
        raise Http404
    own = sorted(user.department_ids)
    department_id = parse_id(department) if department else (own[0] if own else None)
    if department_id is None:
        raise Http404
    duty = next(
        (d for d in duties(task.key_point.plan, period, {department_id}) if d.task.pk == task.pk),
        None,
    )
    if duty is None:
        raise Http404
    if duty.report is not None:
        # The same answer as for a department with no such duty: the page would name a report
        # the reader may not know of.
        if not may_see_report(user, duty.report):
            raise Http404
        return duty, period, duty.report.department
    if not belongs_to(user, department_id):
        raise Http404
    return duty, period, Department.objects.get(pk=department_id)
