from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from workplan.core.errors import TooLong
from workplan.core.uploads import file_too_large
from workplan.plans.access import access_task
from workplan.supervision import actions
from workplan.supervision.access import (
    access_extension,
    access_instruction,
    access_notice,
    access_reply_file,
    check_may_answer_instruction,
    check_may_decide_extension,
    check_may_instruct,
    check_may_reply_notice,
    check_may_sign_notice,
    check_may_supervise,
    lead_department_asked_for,
)
from workplan.supervision.files import MAX_REPLY_FILE_BYTES, FileRefused, reply_files_dir
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


def _notice_back(request, notice):
    """Return to where the notice was acted on: its 督办单 page, or its task's page."""
    if notice.is_order or not notice.task_id:
        return redirect("supervision:notice", notice_id=notice.pk)
    return _back(notice.task_id)


def chosen_files(request) -> list[tuple[str, bytes]] | str:
    """Return the files chosen in the form as (name, bytes), or why one is refused: a file
    over the size limit is refused before it is read."""
    uploads = request.FILES.getlist("files")
    for upload in uploads:
        too_large = file_too_large(upload, MAX_REPLY_FILE_BYTES)
        if too_large:
            return too_large
    return [(upload.name, upload.read()) for upload in uploads]


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
    files = chosen_files(request)
    if isinstance(files, str):
        messages.error(request, files)
    elif form.is_valid():
        try:
            actions.do_reply_notice(
                notice, form.cleaned_data["reply"], files=files, by=request.user
            )
        except (actions.NotAllowedNow, TooLong, FileRefused) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Reply sent."))
    else:
        _refuse(request, form)
    return _notice_back(request, notice)


@require_POST
def notice_sign(request, notice_id: int):
    notice = access_notice(request.user, notice_id)
    check_may_sign_notice(request.user, notice)
    try:
        actions.do_sign_notice(notice, by=request.user)
    except actions.NotAllowedNow as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("You signed for {number}.").format(number=notice.number_text or notice)
        )
    return _notice_back(request, notice)


@require_GET
def reply_file(request, file_id: int):
    """Serve a file sent with a reply or answer, to those who may read what it belongs to."""
    attached = access_reply_file(request.user, file_id)
    path = reply_files_dir() / attached.stored_name
    if not path.is_file():
        raise Http404
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=attached.original_name,
        content_type=attached.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


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
    return _notice_back(request, notice)


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
    files = chosen_files(request)
    if isinstance(files, str):
        messages.error(request, files)
    elif form.is_valid():
        try:
            actions.do_answer_instruction(
                instruction, form.cleaned_data["answer"], files=files, by=request.user
            )
        except (actions.NotAllowedNow, TooLong, FileRefused) as exc:
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
