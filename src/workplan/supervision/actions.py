"""Changes to supervision settings and notices: one transaction each, with audit records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from workplan.audit.records import record_changed, record_created
from workplan.core.errors import WrongState
from workplan.core.limits import NOTE_CHARS, check_length
from workplan.notifications.notify import (
    Kind,
    Message,
    notify,
    notify_department,
    notify_supervisors,
)
from workplan.org.models import Department
from workplan.plans.actions import move_due_date
from workplan.plans.models import Task
from workplan.progress.models import Schedule
from workplan.progress.queries import lead_department_ids
from workplan.supervision.access import (
    check_may_answer_instruction,
    check_may_decide_extension,
    check_may_instruct,
    check_may_reply_notice,
    check_may_request_extension,
    check_may_sign_notice,
    check_may_supervise,
)
from workplan.supervision.files import check_reply_files, store_reply_file
from workplan.supervision.lights import do_recompute_lights
from workplan.supervision.models import (
    ExtensionRequest,
    Instruction,
    Notice,
    NoticeCounter,
    ReplyFile,
)
from workplan.supervision.queries import departments_with_people, missing_tasks


@transaction.atomic
def do_update_light_rules(
    schedule: Schedule, *, lag_points: int, near_days: int, by, today=None
) -> dict[str, int]:
    """Return the new light counts after changing the rules: every light is recomputed."""
    check_may_supervise(by)
    record_changed(
        schedule,
        [
            ("lag_points", schedule.lag_points, lag_points),
            ("near_days", schedule.near_days, near_days),
        ],
        by=by,
    )
    schedule.lag_points, schedule.near_days = lag_points, near_days
    schedule.save(update_fields=["lag_points", "near_days"])
    return do_recompute_lights(schedule.plan, today or timezone.localdate())


class NotAllowedNow(WrongState):
    """The notice, instruction or request is not in a state that allows this."""


def _check_text(model, field: str, text: str) -> None:
    """Raise TooLong, naming the field, if `text` is over the limit of what people type here."""
    check_length(text, field=model._meta.get_field(field).verbose_name, limit=NOTE_CHARS)


def _task_url(task_id: int) -> str:
    return reverse("pages:task-detail", args=[task_id])


def _lead_departments(task):
    return Department.objects.filter(pk__in=lead_department_ids(task))


def notice_url(notice) -> str:
    return reverse("supervision:notice", args=[notice.pk])


def take_notice_numbers(year: int, count: int) -> range:
    """Return the next `count` 督办单 numbers of `year`, consecutive. The year's counter row is
    locked until the caller's transaction ends, so two offices issuing at once wait for each
    other instead of taking the same number (the unique constraint backs this up)."""
    NoticeCounter.objects.get_or_create(year=year)
    counter = NoticeCounter.objects.select_for_update().get(year=year)
    first = counter.last + 1
    counter.last += count
    counter.save(update_fields=["last"])
    return range(first, first + count)


def _addressees(departments, tasks) -> list[tuple]:
    """Return (department, task) for each 督办单 to issue: every department chosen, on each
    task chosen (or on none); with tasks but no departments, each task's lead departments."""
    if departments:
        return [(d, t) for t in (tasks or [None]) for d in departments]
    pairs = []
    for task in tasks:
        leads = list(_lead_departments(task))
        if not leads:
            raise NotAllowedNow(
                _(
                    "Task {code} has no lead department; choose the departments to send it to."
                ).format(code=task.code)
            )
        pairs += [(d, task) for d in leads]
    return pairs


@transaction.atomic
def do_issue_notices(plan, requirement: str, reply_due, *, departments=(), tasks=(), by) -> list:
    """Return the new 督办单, one for each department (on each task) chosen, numbered
    consecutively and tracked apart; each department's people are notified and e-mailed."""
    check_may_supervise(by)
    _check_text(Notice, "requirement", requirement)
    if any(t.key_point.plan_id != plan.pk for t in tasks):
        raise NotAllowedNow(_("Every task must belong to this plan."))
    pairs = _addressees(list(departments), list(tasks))
    if not pairs:
        raise NotAllowedNow(_("Choose at least one department or task."))
    year = timezone.localdate().year
    issued = []
    for (department, task), number in zip(
        pairs, take_notice_numbers(year, len(pairs)), strict=True
    ):
        notice = Notice.objects.create(
            kind=Notice.Kind.NOTICE, plan=plan, department=department, task=task,
            requirement=requirement, reply_due=reply_due, issued_by=by, year=year, number=number,
        )  # fmt: skip
        record_created(
            notice,
            by=by,
            fields=["year", "number", "department", "requirement", "reply_due"],
            scope=f"plans.task:{task.pk}" if task else None,
        )
        notify_department(
            department,
            Message(
                gettext_noop("Supervision notice {number}: {requirement}"),
                number=notice.number_text,
                requirement=requirement[:80],
            ),
            notice_url(notice),
            email=True,
            kind=Kind.NOTICE,
        )
        issued.append(notice)
    return issued


def do_issue_notice(task, department, requirement: str, reply_due, *, by):
    """Return a new 督办单 to `department` about `task`; its people are notified."""
    return do_issue_notices(
        task.key_point.plan, requirement, reply_due, departments=[department], tasks=[task], by=by
    )[0]


@transaction.atomic
def do_sign_notice(notice, *, by):
    """Return the 督办单 signed for (签收) by one of its department's people, who and when
    kept; NotAllowedNow if it is not a 督办单 or is past being sent."""
    notice = type(notice).objects.select_for_update().select_related("department").get(pk=notice.pk)
    check_may_sign_notice(by, notice)
    if not notice.is_order:
        raise NotAllowedNow(_("Only a supervision notice is signed for."))
    if notice.state != notice.State.OPEN:
        raise NotAllowedNow(
            _("This notice is {state} already.").format(state=notice.get_state_display())
        )
    _sign(notice, by)
    notice.save()
    return notice


def _sign(notice, by) -> None:
    now = timezone.now()
    record_changed(
        notice,
        [
            ("state", notice.state, notice.State.SIGNED),
            ("signed_by", None, by.display_name if by else ""),
            ("signed_at", None, timezone.localtime(now).strftime("%Y-%m-%d %H:%M")),
        ],
        by=by,
        scope=f"plans.task:{notice.task_id}" if notice.task_id else None,
    )
    notice.state, notice.signed_by, notice.signed_at = notice.State.SIGNED, by, now


def _attach(files, *, by, **owner) -> list[ReplyFile]:
    """Store the files (already checked) and return their rows, recorded in the trail."""
    content_types = check_reply_files(files)
    attached = []
    for (name, data), content_type in zip(files, content_types, strict=True):
        stored, digest = store_reply_file(data)
        reply_file = ReplyFile.objects.create(
            original_name=name[:255], stored_name=stored, content_type=content_type,
            size=len(data), sha256=digest, uploaded_by=by, **owner,
        )  # fmt: skip
        record_created(reply_file, by=by, fields=["original_name", "size", "sha256"])
        attached.append(reply_file)
    return attached


@transaction.atomic
def do_reply_notice(notice, reply: str, *, by, files=()):
    """Return the notice answered by its department, with `files` ((name, bytes) pairs), and
    tell whoever issued it (the office, for an automatic one); NotAllowedNow if it is closed
    or was answered already (a reply is what the office acted on, so it is never overwritten).
    A 督办单 not yet signed for is signed for by the reply."""
    notice = type(notice).objects.select_for_update().select_related("department").get(pk=notice.pk)
    check_may_reply_notice(by, notice)
    _check_text(type(notice), "reply", reply)
    if notice.state == notice.State.CLOSED:
        raise NotAllowedNow(_("This notice is closed."))
    if notice.state == notice.State.REPLIED:
        raise NotAllowedNow(_("This notice was answered already; its reply cannot be changed."))
    if notice.is_order and notice.state == notice.State.OPEN:
        _sign(notice, by)
    _attach(list(files), by=by, notice=notice)
    record_changed(
        notice,
        [("reply", notice.reply, reply), ("state", notice.state, notice.State.REPLIED)],
        by=by,
        scope=f"plans.task:{notice.task_id}",
    )
    notice.reply, notice.state, notice.replied_by, notice.replied_at = (
        reply,
        notice.State.REPLIED,
        by,
        timezone.now(),
    )
    notice.save()
    _tell_issuer(notice, reply)
    return notice


def _tell_issuer(notice, reply: str) -> None:
    department, reply = notice.department.name, reply[:80]
    if notice.task_id:
        text = Message(
            gettext_noop("{department} replied to the notice on task {code}: {reply}"),
            department=department,
            code=notice.task.code,
            reply=reply,
        )
        url = notice_url(notice) if notice.is_order else _task_url(notice.task_id)
    else:
        text = Message(
            gettext_noop("{department} replied to a notice: {reply}"),
            department=department,
            reply=reply,
        )
        url = notice_url(notice)
    # The whole office hears of every reply, the issuer among them: an automatic reminder has
    # no issuer, and a 督办单 is followed by whoever in the office picks it up.
    notify_supervisors(text, url, kind=Kind.NOTICE)


@transaction.atomic
def do_settle_notices(*, period=None, department=None) -> list:
    """Return the open reminders and chases closed because their department has now submitted
    every report of their period: the reports settle them, nobody has to close them by hand.
    Narrow it to one `period` and `department` after a submission; the `supervise` scan checks
    them all."""
    automatic = Notice.objects.filter(
        kind__in=[Notice.Kind.REMINDER, Notice.Kind.CHASE],
        state=Notice.State.OPEN,
        period__isnull=False,
    ).select_related("plan", "period", "department")
    if period is not None:
        automatic = automatic.filter(period=period)
    if department is not None:
        automatic = automatic.filter(department=department)
    groups: dict[tuple, list] = {}
    for notice in automatic:
        groups.setdefault((notice.period_id, notice.department_id), []).append(notice)
    settled = []
    for notices in groups.values():
        first = notices[0]
        if missing_tasks(first.plan, first.period, first.department):
            continue
        for notice in notices:
            # Claimed by a conditional update: a submission and the scan may both get here.
            claimed = Notice.objects.filter(pk=notice.pk, state=Notice.State.OPEN).update(
                state=Notice.State.CLOSED
            )
            if not claimed:
                continue
            with translation.override(settings.LANGUAGE_CODE):  # the trail is read later
                record_changed(
                    notice,
                    [("state", Notice.State.OPEN, Notice.State.CLOSED)],
                    by=None,
                    note=_("Every report it asked for has been submitted."),
                )
            notice.state = Notice.State.CLOSED
            settled.append(notice)
    return settled


@transaction.atomic
def do_close_notice(notice, *, by):
    """Return the notice closed by the supervision office (办结); NotAllowedNow if it is
    closed already."""
    check_may_supervise(by)
    notice = type(notice).objects.select_for_update().get(pk=notice.pk)
    if notice.state == notice.State.CLOSED:
        raise NotAllowedNow(_("This notice is closed."))
    record_changed(
        notice,
        [("state", notice.state, notice.State.CLOSED)],
        by=by,
        scope=f"plans.task:{notice.task_id}",
    )
    notice.state = notice.State.CLOSED
    notice.save(update_fields=["state"])
    return notice


@transaction.atomic
def do_give_instruction(task, text: str, *, by):
    """Return a leader's 批示 on `task`; the lead departments are notified and must answer."""
    check_may_instruct(by)
    _check_text(Instruction, "text", text)
    instruction = Instruction.objects.create(task=task, leader=by, text=text)
    record_created(instruction, by=by, fields=["text"], scope=f"plans.task:{task.pk}")
    message = Message(
        gettext_noop("Instruction from {leader} on task {code}: {text}"),
        leader=by.display_name,
        code=task.code,
        text=text[:80],
    )
    for department in _lead_departments(task):
        notify_department(department, message, _task_url(task.pk), kind=Kind.INSTRUCTION)
    # The office follows every 批示 to its answer.
    notify_supervisors(message, _task_url(task.pk), kind=Kind.INSTRUCTION)
    return instruction


@transaction.atomic
def do_answer_instruction(instruction, answer: str, *, by, files=()):
    """Return the instruction answered by the department, with `files` ((name, bytes)
    pairs), and tell the leader who gave it; NotAllowedNow if it was answered already (the
    leader read that answer, so it is never overwritten)."""
    instruction = type(instruction).objects.select_for_update().get(pk=instruction.pk)
    check_may_answer_instruction(by, instruction.task)
    _check_text(type(instruction), "answer", answer)
    if instruction.answer:
        raise NotAllowedNow(
            _("This instruction was answered already; its answer cannot be changed.")
        )
    _attach(list(files), by=by, instruction=instruction)
    record_changed(
        instruction,
        [("answer", instruction.answer, answer)],
        by=by,
        scope=f"plans.task:{instruction.task_id}",
    )
    instruction.answer, instruction.answered_by, instruction.answered_at = (
        answer,
        by,
        timezone.now(),
    )
    instruction.save()
    task = instruction.task
    department = _lead_departments(task).filter(people=by).first()
    notify(
        [instruction.leader],
        Message(
            gettext_noop(
                "{department} ({name}) answered your instruction on task {code}: {answer}"
            ),
            department=department.name if department else "",
            name=by.display_name,
            code=task.code,
            answer=answer[:80],
        ),
        _task_url(task.pk),
        kind=Kind.INSTRUCTION,
    )
    return instruction


def latest_extension(task, today) -> date:
    """Return the latest deadline an extension may ask for: the end of the year after the
    plan's (or this) year. A 工作要点 is annual; work beyond that belongs in a later plan."""
    return date(max(task.key_point.plan.year, today.year) + 1, 12, 31)


@transaction.atomic
def do_request_extension(task, department, new_due, reason: str, *, by):
    """Return a new 延期申请 for the leader in charge to decide; NotAllowedNow if the date is
    not later than today and the current deadline, is past `latest_extension`, or a request
    is already waiting."""
    check_may_request_extension(by, task, department)
    _check_text(ExtensionRequest, "reason", reason)
    today = timezone.localdate()
    earliest = max(filter(None, [today, task.due_date]))
    if new_due <= earliest:
        raise NotAllowedNow(
            _("The new deadline must be later than {date}.").format(date=earliest.isoformat())
        )
    latest = latest_extension(task, today)
    if new_due > latest:
        raise NotAllowedNow(
            _("The new deadline must be no later than {date}.").format(date=latest.isoformat())
        )
    if task.extension_requests.filter(state=ExtensionRequest.State.PENDING).exists():
        raise NotAllowedNow(_("A request for this task is already waiting for a decision."))

    request = ExtensionRequest.objects.create(
        task=task, department=department, requested_by=by, new_due=new_due, reason=reason
    )
    record_created(request, by=by, fields=["new_due", "reason"], scope=f"plans.task:{task.pk}")
    message = Message(
        gettext_noop("Extension request: {department} asks to move task {code} to {date}."),
        department=department.name,
        code=task.code,
        date=new_due.isoformat(),
    )
    leader = task.effective_leader
    if leader:
        notify([leader], message, _task_url(task.pk), kind=Kind.EXTENSION)
    notify_supervisors(message, _task_url(task.pk), kind=Kind.EXTENSION)
    return request


@transaction.atomic
def do_decide_extension(request, approve: bool, *, by, reason: str = ""):
    """Return the request decided, with the leader's reason if given, and tell the department;
    on approval the task's due date moves, its 完成时限 saying so with its first words kept."""
    request = (
        type(request)
        .objects.select_for_update(of=("self",))
        .select_related("task__key_point__leader", "task__key_point__plan", "task__leader")
        .get(pk=request.pk)
    )
    check_may_decide_extension(by, request.task)
    _check_text(type(request), "decision_reason", reason)
    if request.state != request.State.PENDING:
        raise NotAllowedNow(_("This request has already been decided."))
    latest = latest_extension(request.task, timezone.localdate())
    if approve and request.new_due > latest:  # asked for before the bound existed
        raise NotAllowedNow(
            _("The new deadline must be no later than {date}.").format(date=latest.isoformat())
        )
    new_state = request.State.APPROVED if approve else request.State.REFUSED
    record_changed(
        request,
        [("state", request.state, new_state), ("decision_reason", "", reason)],
        by=by,
        scope=f"plans.task:{request.task_id}",
    )
    request.state, request.decided_by, request.decided_at = new_state, by, timezone.now()
    request.decision_reason = reason
    request.save()
    if approve:
        task = Task.objects.select_for_update().get(pk=request.task_id)
        move_due_date(task, request.new_due, by=by)  # 完成时限 says the new date too
    notify_department(
        request.department,
        _decision_message(request),
        _task_url(request.task_id),
        kind=Kind.EXTENSION,
    )
    return request


def _decision_message(request) -> Message:
    code, reason = request.task.code, request.decision_reason[:80]
    if request.state == request.State.APPROVED:
        return Message(
            gettext_noop(
                "Your extension request for task {code} was approved: it is now due on {date}."
            ),
            code=code,
            date=request.new_due.isoformat(),
        )
    if reason:
        return Message(
            gettext_noop("Your extension request for task {code} was refused: {reason}"),
            code=code,
            reason=reason,
        )
    return Message(gettext_noop("Your extension request for task {code} was refused."), code=code)


@dataclass
class ChaseTarget:
    """One 催办 to send: a department's missing reports of a period, or its overdue task."""

    department: Department
    period: object = None
    task: object = None
    missing: int = 0


@dataclass
class ChaseResult:
    sent: list = field(default_factory=list)
    without_account: list = field(default_factory=list)


def _chase_text(target: ChaseTarget) -> str:
    if target.period is not None:
        return _(
            "The reports of {period} on {count} tasks were due on {due} and have not been submitted."
        ).format(
            period=target.period.label,
            count=target.missing,
            due=target.period.due_on.isoformat(),
        )
    due = target.task.due_date.isoformat() if target.task.due_date else ""
    return _(
        "Task {code} was due on {due} and is not completed; report on it and say when it will be."
    ).format(code=target.task.code, due=due)


@transaction.atomic
def do_chase(plan, targets: list[ChaseTarget], words: str = "", *, by) -> ChaseResult:
    """Return the 催办 sent by the office by hand, one for each target, and the departments
    left out because nobody there has an account to be told (the office must call them)."""
    check_may_supervise(by)
    check_length(words, field=_("Requirement"), limit=NOTE_CHARS)
    reachable = departments_with_people([t.department.pk for t in targets])
    result = ChaseResult()
    for target in targets:
        if target.department.pk not in reachable:
            if target.department not in result.without_account:
                result.without_account.append(target.department)
            continue
        requirement = _chase_text(target) + (f"\n{words}" if words else "")
        notice = Notice.objects.create(
            kind=Notice.Kind.CHASE, plan=plan, department=target.department, task=target.task,
            period=target.period, requirement=requirement, issued_by=by,
        )  # fmt: skip
        record_created(
            notice,
            by=by,
            fields=["kind", "department", "requirement"],
            scope=f"plans.task:{target.task.pk}" if target.task else None,
        )
        notify_department(
            target.department,
            Message(gettext_noop("Chase from the supervision office: {requirement}"),
                    requirement=requirement[:80]),
            _task_url(target.task.pk) if target.task else notice_url(notice),
            email=True,
            kind=Kind.REMINDER,
        )  # fmt: skip
        result.sent.append(notice)
    return result
