"""Changes to supervision settings and notices: one transaction each, with audit records."""

from __future__ import annotations

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
from workplan.notifications.notify import Message, notify, notify_department, notify_supervisors
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
    check_may_supervise,
)
from workplan.supervision.lights import do_recompute_lights
from workplan.supervision.models import ExtensionRequest, Instruction, Notice
from workplan.supervision.queries import missing_tasks


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


@transaction.atomic
def do_issue_notice(task, department, requirement: str, reply_due, *, by):
    """Return a new 督办通知 to `department` about `task`; its people are notified."""
    check_may_supervise(by)
    _check_text(Notice, "requirement", requirement)
    notice = Notice.objects.create(
        kind=Notice.Kind.NOTICE, plan=task.key_point.plan, department=department, task=task,
        requirement=requirement, reply_due=reply_due, issued_by=by,
    )  # fmt: skip
    record_created(
        notice,
        by=by,
        fields=["department", "requirement", "reply_due"],
        scope=f"plans.task:{task.pk}",
    )
    notify_department(
        department,
        Message(gettext_noop("Supervision notice: {requirement}"), requirement=requirement[:80]),
        _task_url(task.pk),
        email=True,
    )
    return notice


@transaction.atomic
def do_reply_notice(notice, reply: str, *, by):
    """Return the notice answered by its department, and tell whoever issued it (the office,
    for an automatic one); NotAllowedNow if it is closed or was answered already (a reply is
    what the office acted on, so it is never overwritten)."""
    notice = type(notice).objects.select_for_update().select_related("department").get(pk=notice.pk)
    check_may_reply_notice(by, notice)
    _check_text(type(notice), "reply", reply)
    if notice.state == notice.State.CLOSED:
        raise NotAllowedNow(_("This notice is closed."))
    if notice.state == notice.State.REPLIED:
        raise NotAllowedNow(_("This notice was answered already; its reply cannot be changed."))
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
        url = _task_url(notice.task_id)
    else:
        text = Message(
            gettext_noop("{department} replied to a notice: {reply}"),
            department=department,
            reply=reply,
        )
        url = reverse("supervision:notices")
    issuer = notice.issued_by
    if issuer is not None and issuer.is_active:
        notify([issuer], text, url)
    else:
        notify_supervisors(text, url)


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
        notify_department(department, message, _task_url(task.pk))
    return instruction


@transaction.atomic
def do_answer_instruction(instruction, answer: str, *, by):
    """Return the instruction answered by the department, and tell the leader who gave it;
    NotAllowedNow if it was answered already (the leader read that answer, so it is never
    overwritten)."""
    instruction = type(instruction).objects.select_for_update().get(pk=instruction.pk)
    check_may_answer_instruction(by, instruction.task)
    _check_text(type(instruction), "answer", answer)
    if instruction.answer:
        raise NotAllowedNow(
            _("This instruction was answered already; its answer cannot be changed.")
        )
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
    leader = task.effective_leader
    if leader:
        notify(
            [leader],
            Message(
                gettext_noop("Extension request: {department} asks to move task {code} to {date}."),
                department=department.name,
                code=task.code,
                date=new_due.isoformat(),
            ),
            _task_url(task.pk),
        )
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
    notify_department(request.department, _decision_message(request), _task_url(request.task_id))
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
