"""Every change to progress reporting: one transaction each, with its audit record."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import gettext_noop

from workplan.audit.records import (
    record_changed,
    record_created,
    record_deleted,
    record_many_created,
)
from workplan.core.errors import WrongState
from workplan.core.limits import NOTE_CHARS, REPORT_TEXT_CHARS, check_length
from workplan.core.roles import Role
from workplan.notifications.notify import (
    Digest,
    Kind,
    Message,
    notify_department,
    notify_supervisors,
)
from workplan.plans.models import Plan
from workplan.progress import hooks
from workplan.progress.access import (
    check_may_approve_report,
    check_may_change_schedule,
    check_may_review_report,
    check_may_send_back_report,
    check_may_start_report,
    check_may_write_report,
    is_head_of,
)
from workplan.progress.evidence import (
    MAX_EVIDENCE_FILES,
    EvidenceRefused,
    check_evidence,
    evidence_dir,
    store_evidence,
)
from workplan.progress.models import (
    EvidenceFile,
    ProgressReport,
    ReportingPeriod,
    ReportVersion,
    Schedule,
)
from workplan.progress.queries import previous_report, report_to_repeat

FIELDS = ["status", "percent", "progress", "problems", "next_steps"]
TEXT_FIELDS = ["progress", "problems", "next_steps"]


class StaleReport(WrongState):
    """The report changed since the form was opened."""


class NotEditable(WrongState):
    """The report is submitted or accepted and cannot be changed now."""


@dataclass
class ReportData:
    status: str
    percent: int
    progress: str
    problems: str
    next_steps: str


def _cadence_periods(year: int, cadence: str, due_day: int) -> list[tuple[str, date, date]]:
    """Return (label, opens on, due on) of every period `cadence` gives a year."""
    monthly = cadence == Schedule.Cadence.MONTHLY
    periods = []
    for month in range(1, 13) if monthly else (3, 6, 9, 12):
        day = min(due_day, calendar.monthrange(year, month)[1])
        # Period names are the institution's own data, written as its documents write them.
        label = f"{year}年{month}月" if monthly else f"{year}年第{month // 3}季度"
        opens = date(year, month if monthly else month - 2, 1)
        periods.append((label, opens, date(year, month, day)))
    return periods


@transaction.atomic
def do_set_up_schedule(
    plan: Plan,
    *,
    cadence: str = Schedule.Cadence.MONTHLY,
    due_day: int = 25,
    closed_before: date | None = None,
    by=None,
) -> Schedule:
    """Return the plan's reporting schedule, creating it and its periods for the plan's year;
    new periods due before `closed_before` (the day a plan was imported) are created closed."""
    check_may_change_schedule(by)
    schedule, created = Schedule.objects.get_or_create(
        plan=plan, defaults={"cadence": cadence, "due_day": due_day}
    )
    if created:
        record_created(schedule, by=by, fields=["cadence", "due_day"])
    existing = set(plan.periods.values_list("opens_on", flat=True))
    periods = [
        ReportingPeriod(
            plan=plan,
            label=label,
            opens_on=opens,
            due_on=due,
            closed=closed_before is not None and due < closed_before,
        )
        for label, opens, due in _cadence_periods(plan.year, schedule.cadence, schedule.due_day)
        if opens not in existing
    ]
    for period in periods:
        period.save()
    fields = ["label", "opens_on", "due_on", "closed"]
    record_many_created([(period, fields, None) for period in periods], by=by)
    return schedule


@dataclass
class CadenceChange:
    """What changing the cadence did to the periods."""

    removed: int
    added: int


def _periods_in_use_elsewhere(plan: Plan) -> set[int]:
    """Return the ids of the plan's periods another app has filed something against (a
    supervision notice), asked through the `periods_in_use` hook."""
    answers = hooks.periods_in_use.send(sender=ReportingPeriod, periods=plan.periods.all())
    return {pk for _receiver, ids in answers for pk in ids}


def _change_cadence(plan: Plan, schedule: Schedule, cadence: str, *, today, by) -> CadenceChange:
    """Replace the periods the old cadence generated that have not opened and have nothing
    filed against them (reports, notices); periods already open, reported on or added by hand
    stay as they were, so nothing a department has filed or been sent moves."""
    generated = {
        (label, opens)
        for each in Schedule.Cadence
        for label, opens, _due in _cadence_periods(plan.year, each, schedule.due_day)
    }
    periods = list(
        plan.periods.annotate(used=Exists(ProgressReport.objects.filter(period=OuterRef("pk"))))
    )
    filed_elsewhere = _periods_in_use_elsewhere(plan)
    for period in periods:
        period.used = period.used or period.pk in filed_elsewhere
    replaceable = [
        p
        for p in periods
        if p.opens_on > today and not p.used and (p.label, p.opens_on) in generated
    ]
    kept = [p for p in periods if p not in replaceable]
    for period in replaceable:
        record_deleted(period, by=by)
        period.delete()
    # A new period starts only after every kept period that has opened (or has reports) is due.
    started = [p.due_on for p in kept if p.opens_on <= today or p.used]
    after = max([today, *started])
    taken = {p.opens_on for p in kept}
    added = 0
    for label, opens, due in _cadence_periods(plan.year, cadence, schedule.due_day):
        if opens > after and opens not in taken:
            period = ReportingPeriod.objects.create(
                plan=plan, label=label, opens_on=opens, due_on=due
            )
            record_created(period, by=by, fields=["label", "opens_on", "due_on"])
            added += 1
    record_changed(schedule, [("cadence", schedule.cadence, cadence)], by=by)
    schedule.cadence = cadence
    schedule.save(update_fields=["cadence"])
    return CadenceChange(removed=len(replaceable), added=added)


def new_report(task, department, period, role: str) -> ProgressReport:
    """Return an unsaved report starting from the department's previous one on the task: what
    the form shows before anything is saved."""
    report = ProgressReport(task=task, department=department, period=period, role=role)
    previous = previous_report(task, department, period)
    if previous is not None:
        for field in FIELDS:
            setattr(report, field, getattr(previous, field))
    return report


@transaction.atomic
def do_start_report(task, department, period, role: str, *, by) -> ProgressReport:
    """Return the department's report on `task` for `period`, starting it from the previous one."""
    check_may_start_report(by, department)
    existing = ProgressReport.objects.filter(task=task, department=department, period=period)
    if report := existing.first():
        return report
    report = new_report(task, department, period, role)
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:  # someone else in the department started it a moment ago
        return existing.get()
    record_created(report, by=by, fields=["role", *FIELDS], scope=f"plans.task:{task.pk}")
    return report


def check_editable(report: ProgressReport) -> None:
    """Raise NotEditable, saying the report's state, unless it is a draft or returned."""
    State = ProgressReport.State
    if report.state == State.AWAITING_APPROVAL:
        raise NotEditable(
            _(
                "This report is waiting for the department head's approval; it can be changed "
                "again if the head sends it back."
            )
        )
    if report.state == State.ACCEPTED:
        raise NotEditable(_("This report has been accepted and can no longer be changed."))
    if report.state not in (State.DRAFT, State.RETURNED):
        raise NotEditable(
            _("This report has been submitted; it can be changed again if the office returns it.")
        )


def _check_editable(report: ProgressReport, read_version: int | None) -> None:
    check_editable(report)
    if read_version is not None and report.version != read_version:
        raise StaleReport(
            _(
                "Someone else saved this report while you were editing it. Please check it and save again."
            )
        )


@transaction.atomic
def do_save_report(
    report: ProgressReport, data: ReportData, *, read_version: int | None, by
) -> ProgressReport:
    """Return the report with the form's values saved as a draft."""
    report = (
        ProgressReport.objects.select_for_update(of=("self",))
        .select_related("department")
        .get(pk=report.pk)
    )
    check_may_write_report(by, report)
    _check_editable(report, read_version)
    for field in TEXT_FIELDS:
        check_length(
            getattr(data, field),
            field=ProgressReport._meta.get_field(field).verbose_name,
            limit=REPORT_TEXT_CHARS,
        )
    changes = [(f, getattr(report, f), getattr(data, f)) for f in FIELDS]
    for field in FIELDS:
        setattr(report, field, getattr(data, field))
    report.version = F("version") + 1
    report.save()
    report.refresh_from_db()
    record_changed(report, changes, by=by, scope=f"plans.task:{report.task_id}")
    return report


def _snapshot(report: ProgressReport) -> dict:
    return {field: getattr(report, field) for field in FIELDS}


@transaction.atomic
def do_submit_report(report: ProgressReport, *, by, now=None) -> ProgressReport:
    """Return the report submitted (or sent to the head for approval when the plan asks so)."""
    now = now or timezone.now()
    report = (
        ProgressReport.objects.select_for_update(of=("self",))
        .select_related("period__plan__schedule", "task", "department")
        .get(pk=report.pk)
    )
    check_may_write_report(by, report)
    _check_editable(report, None)
    if not report.progress.strip():
        raise NotEditable(_("Write what was done this period before submitting."))
    schedule = getattr(report.period.plan, "schedule", None)
    approval = bool(schedule and schedule.head_approval)
    # A head's own submission is the head's sign-off: it goes to the office approved by that
    # head. A liaison's waits for a head other than the submitter (four eyes).
    signed_off = approval and by is not None and is_head_of(by, report)
    needs_head = approval and not signed_off
    before = report.state
    report.submitted_by = by
    report.state = (
        ProgressReport.State.AWAITING_APPROVAL if needs_head else ProgressReport.State.SUBMITTED
    )
    if not needs_head:
        _file_version(report, by=by, now=now, approved_by=by if signed_off else None)
    report.save()
    changes = [("state", before, report.state)]
    if signed_off:
        changes.append(("approved_by", None, by.display_name))
    record_changed(report, changes, by=by, scope=f"plans.task:{report.task_id}")
    if needs_head:
        notify_department(
            report.department,
            Message(
                gettext_noop("A report on task {code} is waiting for your approval."),
                code=report.task.code,
            ),
            _report_url(report),
            roles=(Role.HEAD,),
            kind=Kind.REVIEW,
        )
    else:
        notify_supervisors(
            Message(
                gettext_noop("{department} submitted its report on task {code}."),
                department=report.department.name,
                code=report.task.code,
            ),
            _report_url(report),
            kind=Kind.REPORT,
            digest=_submissions_digest(report),
        )
        hooks.report_submitted.send(sender=ProgressReport, report=report, by=by)
    return report


def _submissions_digest(report: ProgressReport) -> Digest:
    """One unread line per department and period in the office's message centre, however
    many of its reports arrive: "教务处 submitted 12 reports for 2024年6月", linked to those
    reports in the review queue."""
    department, period = report.department, report.period
    url = reverse("progress:review-queue") + f"?period={period.pk}&department={department.pk}"
    return Digest(
        f"submitted:{period.pk}:{department.pk}",
        lambda count: Message(
            gettext_noop("{department} submitted {count} reports for {period}."),
            department=department.name,
            count=count,
            period=period.label,
        ),
        url,
    )


def _report_url(report: ProgressReport) -> str:
    return reverse("progress:report", kwargs={"report_id": report.pk})


def _file_version(report: ProgressReport, *, by, now, approved_by=None) -> None:
    report.submitted_at = now
    # Lateness is the first submission's: a report in on time stays on time when the office
    # returns it and the department sends it again after the due day.
    first = report.versions.order_by("number").first()
    report.late = first.late if first else timezone.localtime(now).date() > report.period.due_on
    number = report.versions.count() + 1
    ReportVersion.objects.create(
        report=report,
        number=number,
        data=_snapshot(report),
        submitted_by=by,
        approved_by=approved_by,
        submitted_at=now,
        late=report.late,
    )


@transaction.atomic
def do_approve_report(report: ProgressReport, *, by, now=None) -> ProgressReport:
    """Return the report submitted after its department head's approval; NotAllowed unless
    `by` heads its department and is not the one who submitted it."""
    now = now or timezone.now()
    report = (
        ProgressReport.objects.select_for_update(of=("self",))
        .select_related("period", "task", "department")
        .get(pk=report.pk)
    )
    check_may_approve_report(by, report)
    if report.state != ProgressReport.State.AWAITING_APPROVAL:
        raise NotEditable(_("This report is not waiting for approval."))
    report.state = ProgressReport.State.SUBMITTED
    # The version is the liaison's, approved by the head.
    _file_version(report, by=report.submitted_by or by, now=now, approved_by=by)
    report.save()
    approver = by.display_name if by is not None else None
    record_changed(
        report,
        [
            ("state", ProgressReport.State.AWAITING_APPROVAL, report.state),
            ("approved_by", None, approver),
        ],
        by=by,
        scope=f"plans.task:{report.task_id}",
    )
    hooks.report_submitted.send(sender=ProgressReport, report=report, by=by)
    return report


NOTHING_TO_REPEAT = _lazy(
    "There is no earlier report on this task to repeat: write what was done this period and "
    "submit it."
)


@transaction.atomic
def do_report_no_change(report: ProgressReport, *, by, now=None) -> ProgressReport:
    """Return the report submitted unchanged from the previous period, in one step. Not for a
    returned report: the office sent it back to be changed."""
    check_may_write_report(by, report)
    if report.state == ProgressReport.State.RETURNED:
        raise NotEditable(_("This report was returned to be changed; edit it and submit it again."))
    previous = report_to_repeat(report.task, report.department, report.period)
    if previous is None:  # a first report: nothing to submit again
        raise NotEditable(str(NOTHING_TO_REPEAT))
    do_save_report(report, ReportData(**_snapshot(previous)), read_version=None, by=by)
    return do_submit_report(report, by=by, now=now)


def _decide(report: ProgressReport, decision: str, comment: str, *, by) -> ProgressReport:
    check_may_review_report(by)
    check_length(comment, field=_("Comment"), limit=NOTE_CHARS)
    report = (
        ProgressReport.objects.select_for_update(of=("self",))
        .select_related("task", "department")
        .get(pk=report.pk)
    )
    if report.state != ProgressReport.State.SUBMITTED:
        raise NotEditable(_("Only a submitted report can be accepted or returned."))
    version = report.versions.order_by("-number").first()
    version.decision, version.decided_by, version.decided_at, version.comment = (
        decision,
        by,
        timezone.now(),
        comment,
    )
    version.save()
    before = report.state
    report.state = (
        ProgressReport.State.ACCEPTED
        if decision == ReportVersion.Decision.ACCEPTED
        else ProgressReport.State.RETURNED
    )
    report.version = F("version") + 1
    report.save()
    report.refresh_from_db()
    record_changed(
        report,
        [("state", before, report.state), ("comment", "", comment)],
        by=by,
        scope=f"plans.task:{report.task_id}",
    )
    return report


@transaction.atomic
def do_return_report(report: ProgressReport, comment: str, *, by) -> ProgressReport:
    """Return the report sent back to its department (退回) with the office's comment."""
    report = _decide(report, ReportVersion.Decision.RETURNED, comment, by=by)
    notify_department(
        report.department,
        Message(
            gettext_noop("Your report on task {code} was returned: {comment}"),
            code=report.task.code,
            comment=comment,
        ),
        _report_url(report),
        kind=Kind.REVIEW,
    )
    return report


@transaction.atomic
def do_accept_report(report: ProgressReport, comment: str = "", *, by) -> ProgressReport:
    """Return the report accepted by the supervision office."""
    return _decide(report, ReportVersion.Decision.ACCEPTED, comment, by=by)


@transaction.atomic
def do_attach_evidence(report: ProgressReport, name: str, data: bytes, *, by) -> EvidenceFile:
    """Return the stored evidence file; EvidenceRefused if its content is not what its name
    says, or the report already carries MAX_EVIDENCE_FILES files."""
    # Locked, so two files sent at once cannot both be the last one allowed.
    report = (
        ProgressReport.objects.select_for_update(of=("self",))
        .select_related("department")
        .get(pk=report.pk)
    )
    check_may_write_report(by, report)
    _check_editable(report, None)
    if report.evidence.count() >= MAX_EVIDENCE_FILES:
        raise EvidenceRefused(
            _(
                "A report may carry at most {limit} evidence files; remove one before attaching "
                "“{name}”."
            ).format(limit=MAX_EVIDENCE_FILES, name=name)
        )
    content_type = check_evidence(name, data)
    stored, digest = store_evidence(data)
    evidence = EvidenceFile.objects.create(
        report=report,
        original_name=name[:255],
        stored_name=stored,
        content_type=content_type,
        size=len(data),
        sha256=digest,
        uploaded_by=by,
    )
    record_created(
        evidence,
        by=by,
        fields=["original_name", "size", "sha256"],
        scope=f"plans.task:{report.task_id}",
    )
    return evidence


@transaction.atomic
def do_remove_evidence(evidence: EvidenceFile, *, by) -> None:
    """Remove a file attached since the report was last submitted. Files that went in with a
    submitted version stay: they are part of what the office saw."""
    report = ProgressReport.objects.select_related("department").get(pk=evidence.report_id)
    check_may_write_report(by, report)
    _check_editable(report, None)
    if evidence.submitted:
        raise NotEditable(
            _("“{name}” was submitted with an earlier version of this report and is kept.").format(
                name=evidence.original_name
            )
        )
    record_deleted(evidence, by=by, scope=f"plans.task:{report.task_id}")
    stored = evidence_dir() / evidence.stored_name
    evidence.delete()
    transaction.on_commit(lambda: stored.unlink(missing_ok=True))


__all__ = ["EvidenceRefused"]


@transaction.atomic
def do_update_schedule(
    plan: Plan,
    *,
    cadence: str,
    due_day: int,
    head_approval: bool,
    lag_points: int,
    near_days: int,
    show_ranking: bool = False,
    by,
) -> CadenceChange | None:
    """Save the plan's schedule with new settings and recompute every light; return what a
    change of cadence did to the periods (None when the cadence stayed)."""
    check_may_change_schedule(by)
    today = timezone.localdate()
    schedule = do_set_up_schedule(plan, cadence=cadence, due_day=due_day, by=by)
    fields = {
        "due_day": due_day,
        "head_approval": head_approval,
        "lag_points": lag_points,
        "near_days": near_days,
        "show_ranking": show_ranking,
    }
    record_changed(schedule, [(f, getattr(schedule, f), v) for f, v in fields.items()], by=by)
    for field, value in fields.items():
        setattr(schedule, field, value)
    schedule.save()
    change = None
    if schedule.cadence != cadence:
        change = _change_cadence(plan, schedule, cadence, today=today, by=by)
    # Only periods still to come move: past deadlines stay as they were announced.
    for period in plan.periods.filter(due_on__gte=today):
        day = min(due_day, calendar.monthrange(period.due_on.year, period.due_on.month)[1])
        if period.due_on.day != day:
            period.due_on = period.due_on.replace(day=day)
            period.save(update_fields=["due_on"])
    hooks.schedule_updated.send(sender=Schedule, schedule=schedule, today=today, by=by)
    return change


class PeriodRefused(Exception):
    """The custom period's dates make no sense; `field` names the form field at fault."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def _check_period_dates(plan: Plan, opens_on: date, due_on: date, *, other_than=None) -> None:
    """Raise PeriodRefused if the period ends before it opens, lies outside the plan's year, or
    overlaps another of the plan's periods (`other_than`, the period being changed, aside)."""
    if due_on < opens_on:
        raise PeriodRefused(_("The due date comes before the opening date."), "due_on")
    if opens_on.year != plan.year:
        raise PeriodRefused(
            _("A period of the {year} plan must open in {year}.").format(year=plan.year),
            "opens_on",
        )
    # Year-end reports are often due in the new year, but not later than its first quarter.
    latest = date(plan.year + 1, 3, 31)
    if due_on > latest:
        raise PeriodRefused(
            _("A period of the {year} plan must be due by {date}.").format(
                year=plan.year, date=latest.isoformat()
            ),
            "due_on",
        )
    others = plan.periods.filter(opens_on__lte=due_on, due_on__gte=opens_on)
    if other_than is not None:
        others = others.exclude(pk=other_than.pk)
    other = others.order_by("opens_on").first()
    if other is not None:
        raise PeriodRefused(
            _(
                "These dates overlap the period “{label}” ({opens} to {due}); periods may not overlap."
            ).format(
                label=other.display_label,
                opens=other.opens_on.isoformat(),
                due=other.due_on.isoformat(),
            )
        )


@transaction.atomic
def do_add_period(plan: Plan, *, label: str, opens_on: date, due_on: date, by) -> ReportingPeriod:
    """Return a custom reporting period (e.g. a 专项 round); PeriodRefused if it ends before it
    opens, lies outside the plan's year, or overlaps another period."""
    check_may_change_schedule(by)
    _check_period_dates(plan, opens_on, due_on)
    period = ReportingPeriod.objects.create(
        plan=plan, label=label[:50], opens_on=opens_on, due_on=due_on
    )
    record_created(period, by=by, fields=["label", "opens_on", "due_on"])
    return period


def check_nothing_filed(period: ReportingPeriod) -> None:
    """Raise PeriodRefused if anything was filed in the period: a report of any state, or a
    notice another app sent for it; what was filed names the period as it is."""
    if period.reports.exists():
        raise PeriodRefused(
            _(
                "Reports have already been filed in the period “{label}”, so it can no longer "
                "be changed or removed."
            ).format(label=period.display_label)
        )
    if period.pk in _periods_in_use_elsewhere(period.plan):
        raise PeriodRefused(
            _(
                "Reminders or chase notices have already been sent for the period “{label}”, "
                "so it can no longer be changed or removed."
            ).format(label=period.display_label)
        )


def _locked_period(period: ReportingPeriod) -> ReportingPeriod:
    return (
        ReportingPeriod.objects.select_for_update(of=("self",))
        .select_related("plan")
        .get(pk=period.pk)
    )


def _recompute_lights(plan: Plan, *, by) -> None:
    """Have the lights follow the plan's periods as they now are (through `schedule_updated`)."""
    schedule = Schedule.objects.filter(plan=plan).first()
    if schedule is not None:
        hooks.schedule_updated.send(
            sender=Schedule, schedule=schedule, today=timezone.localdate(), by=by
        )


@transaction.atomic
def do_edit_period(
    period: ReportingPeriod, *, label: str, opens_on: date, due_on: date, by
) -> ReportingPeriod:
    """Return the period with a new name and dates; PeriodRefused once something is filed in
    it, or for dates `do_add_period` would refuse."""
    check_may_change_schedule(by)
    period = _locked_period(period)
    check_nothing_filed(period)
    _check_period_dates(period.plan, opens_on, due_on, other_than=period)
    label = label[:50]
    record_changed(
        period,
        [
            ("label", period.label, label),
            ("opens_on", period.opens_on.isoformat(), opens_on.isoformat()),
            ("due_on", period.due_on.isoformat(), due_on.isoformat()),
        ],
        by=by,
    )
    period.label, period.opens_on, period.due_on = label, opens_on, due_on
    period.save(update_fields=["label", "opens_on", "due_on"])
    _recompute_lights(period.plan, by=by)
    return period


@transaction.atomic
def do_delete_period(period: ReportingPeriod, *, by) -> None:
    """Delete the period; PeriodRefused once something is filed in it."""
    check_may_change_schedule(by)
    period = _locked_period(period)
    check_nothing_filed(period)
    plan = period.plan
    record_deleted(period, by=by)
    period.delete()
    _recompute_lights(plan, by=by)


@transaction.atomic
def do_send_back_report(report: ProgressReport, comment: str, *, by) -> ProgressReport:
    """Return the report sent back by the department head to its writer, before submission."""
    report = (
        ProgressReport.objects.select_for_update(of=("self",))
        .select_related("task", "department")
        .get(pk=report.pk)
    )
    check_may_send_back_report(by, report)
    if report.state != ProgressReport.State.AWAITING_APPROVAL:
        raise NotEditable(_("This report is not waiting for approval."))
    check_length(comment, field=_("Comment"), limit=NOTE_CHARS)
    report.state = ProgressReport.State.RETURNED
    report.save(update_fields=["state"])
    record_changed(
        report,
        [("state", ProgressReport.State.AWAITING_APPROVAL, report.state), ("comment", "", comment)],
        by=by,
        scope=f"plans.task:{report.task_id}",
    )
    notify_department(
        report.department,
        Message(
            gettext_noop(
                "Your report on task {code} was sent back by the department head: {comment}"
            ),
            code=report.task.code,
            comment=comment,
        ),
        _report_url(report),
        roles=(Role.LIAISON,),
        kind=Kind.REVIEW,
    )
    return report
