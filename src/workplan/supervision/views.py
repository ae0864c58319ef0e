from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from workplan.core.errors import TooLong
from workplan.plans.access import access_task
from workplan.supervision import actions
from workplan.supervision.access import (
    access_extension,
    access_instruction,
    access_notice,
    check_may_answer_instruction,
    check_may_decide_extension,
    check_may_instruct,
    check_may_reply_notice,
    check_may_supervise,
    lead_department_asked_for,
)
from workplan.supervision.forms import (
    AnswerForm,
    DecisionForm,
    ExtensionForm,
    InstructionForm,
    NoticeForm,
    ReplyForm,
    form_problems,
)
from workplan.supervision.queries import notices_for


def _back(task_id: int):
    return redirect("pages:task-detail", task_id=task_id)


def _refuse(request, form) -> None:
    for problem in form_problems(form):
        messages.error(request, problem)


@require_POST
def notice_issue(request, task_id: int):
    task = access_task(request.user, task_id)
    check_may_supervise(request.user)
    form = NoticeForm(request.POST)
    if not form.is_valid():
        _refuse(request, form)
        return _back(task.pk)
    department = form.cleaned_data["department"]
    actions.do_issue_notice(
        task,
        department,
        form.cleaned_data["requirement"],
        form.cleaned_data["reply_due"],
        by=request.user,
    )
    messages.success(request, _("Notice sent to {department}.").format(department=department))
    return _back(task.pk)


@require_POST
def notice_reply(request, notice_id: int):
    notice = access_notice(request.user, notice_id)
    check_may_reply_notice(request.user, notice)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            actions.do_reply_notice(notice, form.cleaned_data["reply"], by=request.user)
        except (actions.NotAllowedNow, TooLong) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Reply sent."))
    else:
        _refuse(request, form)
    return _back(notice.task_id) if notice.task_id else redirect("supervision:notices")


@require_POST
def notice_close(request, notice_id: int):
    notice = access_notice(request.user, notice_id)
    check_may_supervise(request.user)
    try:
        actions.do_close_notice(notice, by=request.user)
    except actions.NotAllowedNow as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("The notice to {department} is closed.").format(department=notice.department),
        )
    return _back(notice.task_id) if notice.task_id else redirect("supervision:notices")


@require_POST
def instruction_give(request, task_id: int):
    task = access_task(request.user, task_id)
    check_may_instruct(request.user)
    form = InstructionForm(request.POST)
    if form.is_valid():
        actions.do_give_instruction(task, form.cleaned_data["text"], by=request.user)
        messages.success(request, _("Instruction sent to the lead departments."))
    else:
        _refuse(request, form)
    return _back(task.pk)


@require_POST
def instruction_answer(request, instruction_id: int):
    instruction = access_instruction(request.user, instruction_id)
    check_may_answer_instruction(request.user, instruction.task)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            actions.do_answer_instruction(instruction, form.cleaned_data["answer"], by=request.user)
        except (actions.NotAllowedNow, TooLong) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Answer sent."))
    else:
        _refuse(request, form)
    return _back(instruction.task_id)


@require_POST
def extension_request(request, task_id: int):
    task = access_task(request.user, task_id)
    department = lead_department_asked_for(request.user, task)
    form = ExtensionForm(request.POST)
    if not form.is_valid():
        _refuse(request, form)
        return _back(task.pk)
    try:
        actions.do_request_extension(
            task,
            department,
            form.cleaned_data["new_due"],
            form.cleaned_data["reason"],
            by=request.user,
        )
    except (actions.NotAllowedNow, TooLong) as exc:
        # The action's sentence already names the new deadline; a "field: " prefix would repeat it.
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Extension requested."))
    return _back(task.pk)


@require_POST
def extension_decide(request, request_id: int):
    extension = access_extension(request.user, request_id)
    check_may_decide_extension(request.user, extension.task)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        _refuse(request, form)
        return _back(extension.task_id)
    approve = form.cleaned_data["decision"] == DecisionForm.Decision.APPROVE
    try:
        actions.do_decide_extension(
            extension, approve, reason=form.cleaned_data["reason"], by=request.user
        )
    except (actions.NotAllowedNow, TooLong) as exc:
        messages.error(request, str(exc))
    else:
        values = {
            "department": extension.department,
            "code": extension.task.code,
            "date": extension.new_due.isoformat(),
        }
        messages.success(
            request,
            (
                _(
                    "Extension approved: task {code} is now due on {date}; {department} has been told."
                )
                if approve
                else _("Extension refused; {department} has been told.")
            ).format(**values),
        )
    return _back(extension.task_id)


@require_GET
def notices(request):
    return render(request, "supervision/notices.html", {"notices": notices_for(request.user)[:200]})
