"""Who may see and do what in supervision: notices, 批示, extension requests, light rules.

A notice (督办通知, reminder, 催办) is about one department's work, so it follows the report
rule: those who oversee the plan and the department's own people read it, nobody else sees it
exists. Instructions and extension requests belong to the task and show to its readers.
Each action checks its role again (`check_*`, raising NotAllowed); `by=None` is the server's
command line, which is trusted.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from workplan.audit.queries import records_about
from workplan.core.errors import NotAllowed
from workplan.core.roles import Role, belongs_to, is_supervisor, member_department_ids
from workplan.org.models import Department
from workplan.progress.access import sees_all_reports
from workplan.progress.queries import lead_department_ids
from workplan.supervision.models import ExtensionRequest, Instruction, Notice, ReplyFile

NOTICE_RECORDS = "supervision.notice"


def notices_visible_to(user) -> QuerySet[Notice]:
    """Return the notices `user` may read."""
    if sees_all_reports(user):
        return Notice.objects.all()
    return Notice.objects.filter(department_id__in=member_department_ids(user))


def notice_records_visible_to(user) -> Q:
    """Return a filter for the audit records `user` may read of those about notices."""
    if sees_all_reports(user):
        return Q()
    return ~Q(object_type=NOTICE_RECORDS) | records_about(NOTICE_RECORDS, notices_visible_to(user))


def access_notice(user, notice_id: int) -> Notice:
    """Return the notice `user` may read, or raise Http404."""
    notice = notices_visible_to(user).select_related("department").filter(pk=notice_id).first()
    if notice is None:
        raise Http404
    return notice


def access_reply_file(user, file_id: int) -> ReplyFile:
    """Return the file sent with a reply or answer that `user` may download, or raise Http404:
    a notice's files show to the notice's readers, an answer's to the instruction's."""
    reply_file = (
        ReplyFile.objects.filter(pk=file_id)
        .filter(Q(notice__in=notices_visible_to(user)) | Q(instruction__isnull=False))
        .first()
    )
    if reply_file is None:
        raise Http404
    return reply_file


def access_instruction(user, instruction_id: int) -> Instruction:
    """Return the instruction `user` may read, with its task, or raise Http404. An
    instruction shows to its task's readers, and every signed-in user reads the plans."""
    instruction = Instruction.objects.select_related("task").filter(pk=instruction_id).first()
    if instruction is None:
        raise Http404
    return instruction


def access_extension(user, request_id: int) -> ExtensionRequest:
    """Return the extension request `user` may read, with its task's leaders, or raise
    Http404. A request shows to its task's readers, as an instruction does."""
    extension = (
        ExtensionRequest.objects.select_related(
            "department", "task__key_point__leader", "task__key_point__plan", "task__leader"
        )
        .filter(pk=request_id)
        .first()
    )
    if extension is None:
        raise Http404
    return extension


def may_decide_extension(user, task) -> bool:
    """Return whether `user` decides the task's extension requests: its leader in charge, or
    any leader when the task has none."""
    leader = task.effective_leader
    return user.has_role(Role.LEADER) and (leader is None or leader.pk == user.pk)


def leads_task(user, task) -> bool:
    """Return whether `user` is one of the people of a lead department of `task`."""
    return any(belongs_to(user, d) for d in lead_department_ids(task))


def check_may_supervise(by) -> None:
    """Raise NotAllowed unless `by` works in the supervision office (notices, light rules)."""
    if by is not None and not is_supervisor(by):
        raise NotAllowed(_("Only the supervision office may do this."))


def check_may_reply_notice(by, notice) -> None:
    """Raise NotAllowed unless `by` is one of the people of the department the notice is to."""
    if by is not None and not belongs_to(by, notice.department_id):
        raise NotAllowed(
            _("Only the people of {department} may reply to its notice.").format(
                department=notice.department.name
            )
        )


def check_may_sign_notice(by, notice) -> None:
    """Raise NotAllowed unless `by` is the addressed department's liaison or head (签收)."""
    if by is not None and not belongs_to(by, notice.department_id):
        raise NotAllowed(
            _("Only the people of {department} may sign for its notice.").format(
                department=notice.department.name
            )
        )


def check_may_instruct(by) -> None:
    """Raise NotAllowed unless `by` is a leader, who gives 批示."""
    if by is not None and not by.has_role(Role.LEADER):
        raise NotAllowed(_("Only a leader may give an instruction."))


def check_may_answer_instruction(by, task) -> None:
    """Raise NotAllowed unless `by` is one of the people of a lead department of `task`."""
    if by is not None and not leads_task(by, task):
        raise NotAllowed(_("Only the lead department of the task may answer its instructions."))


def check_may_request_extension(by, task, department) -> None:
    """Raise NotAllowed unless `by` asks for `department`, one of the task's lead departments."""
    if by is None:
        return
    if not belongs_to(by, department.pk) or department.pk not in lead_department_ids(task):
        raise NotAllowed(_("Only the lead department of the task may ask for more time."))


def lead_department_asked_for(user, task):
    """Return the lead department of `task` that `user` asks for (the first, if several are
    theirs); NotAllowed if they belong to none."""
    for department_id in lead_department_ids(task):
        if belongs_to(user, department_id):
            return Department.objects.get(pk=department_id)
    raise NotAllowed(_("Only the lead department of the task may ask for more time."))


def check_may_decide_extension(by, task) -> None:
    """Raise NotAllowed unless `by` is the leader who decides the task's extension requests."""
    if by is not None and not may_decide_extension(by, task):
        raise NotAllowed(_("Only the leader in charge of the task may decide this request."))
