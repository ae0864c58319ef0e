"""Progress pages. Each change to a report has its own endpoint: access → action → redirect.

The report page shows one form for the words and the files; each of its buttons posts to its own
endpoint (`formaction`). The page's own address, and the task's before the report exists, still
take that form as one POST and pass it on by the button pressed (`action`), so that a form
opened before the report existed, or before the buttons had addresses, does what it says.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from workplan.core.errors import TooLong
from workplan.core.roles import is_supervisor
from workplan.core.uploads import file_too_large
from workplan.plans.access import access_plan, access_task
from workplan.progress import actions, queries
from workplan.progress.access import (
    access_duty,
    access_evidence,
    access_period,
    access_report,
    check_may_approve_report,
    check_may_change_schedule,
    check_may_see_review_queue,
    check_may_send_back_report,
    may_approve_report,
    may_edit_report,
    reports_visible_to,
)
from workplan.progress.evidence import MAX_EVIDENCE_BYTES, EvidenceRefused, evidence_dir
from workplan.progress.forms import (
    EvidenceForm,
    PeriodForm,
    ReportForm,
    ReviewFilterForm,
    ReviewForm,
    ScheduleForm,
    SendBackForm,
)
from workplan.progress.models import ProgressReport, Schedule


@require_GET
def my_reports(request):
    """The department's duties this period: what to report, what was returned. The office,
    which reports for no department, is sent to its own work, the review queue."""
    departments = list(queries.departments_of(request.user))
    if not departments and is_supervisor(request.user):
        return redirect("progress:review-queue")
    ids = {d.pk for d in departments}
    current = queries.current_periods()
    rows = [
        (plan, period, duty)
        for plan, period in current
        for duty in queries.duties(plan, period, ids)
    ]
    earlier = queries.unfinished_reports(departments).exclude(
        pk__in=[duty.report.pk for _, _, duty in rows if duty.report]
    )
    context = {
        "rows": rows,
        "departments": departments,
        "earlier": earlier,
        "dashboards": [(plan, department) for plan, _ in current for department in departments],
    }
    return render(request, "progress/my_reports.html", context)


@require_http_methods(["GET", "POST"])
def task_report(request, task_id: int):
    """This department's report on a task for the current period. Opening it changes nothing:
    until the first save the form shows a report started from the previous one, and the first
    save (or file attached, or 本期无变化) creates it."""
    task = access_task(request.user, task_id)
    duty, period, department = access_duty(request.user, task, request.GET.get("department", ""))
    if duty.report is not None:
        if request.method == "POST":  # a form shown here before the report existed
            return _by_button(request, duty.report.pk)
        return redirect("progress:report", report_id=duty.report.pk)
    draft = actions.new_report(task, department, period, duty.role)
    if request.method == "POST":
        action = request.POST.get("action", "save")
        if action == "no_change" and queries.report_to_repeat(task, department, period) is None:
            # Nothing to repeat: the page offers no such button on a duty's first report.
            messages.error(request, str(actions.NOTHING_TO_REPEAT))
            return _report_page(request, draft, may_edit=True, form=None, status=400)
        if action not in FIRST_BUTTONS:  # approve, send back: the page shows them on no draft
            messages.error(
                request, _("The page sent an action it does not know; nothing was saved.")
            )
            return _report_page(request, draft, may_edit=True, form=None, status=400)
        if action != "no_change":
            form = ReportForm(request.POST)
            if not form.is_valid():  # nothing is created until what was typed is valid
                return _report_page(request, draft, may_edit=True, form=form)
            if form.cleaned_data["version"] != draft.version:  # not a form this page sent
                messages.error(
                    request, _("The page sent an action it does not know; nothing was saved.")
                )
                return _report_page(request, draft, may_edit=True, form=None, status=400)
        # The report and the button's step stand or fall together: a step refused with an
        # error (403, 400) leaves no report behind.
        with transaction.atomic():
            started = actions.do_start_report(task, department, period, duty.role, by=request.user)
            response = _by_button(request, started.pk)
            if response.status_code >= 400:
                transaction.set_rollback(True)
        return response
    return _report_page(request, draft, may_edit=True, form=None)


@require_http_methods(["GET", "POST"])
def report(request, report_id: int):
    """The report page; a POST is the page's form sent here as one (see the module's doc)."""
    if request.method == "POST":
        return _by_button(request, report_id)
    report = access_report(request.user, report_id)
    return _report_page(request, report, may_edit=may_edit_report(request.user, report), form=None)


def _by_button(request, report_id: int):
    """Pass the report page's form on to the endpoint of the button pressed: a form sent with
    no button saves, and an action no button sends changes nothing (400)."""
    report = access_report(request.user, report_id, write=True)
    action = request.POST.get("action", "save")
    if action not in BUTTONS:
        messages.error(request, _("The page sent an action it does not know; nothing was saved."))
        may_edit = may_edit_report(request.user, report)
        return _report_page(request, report, may_edit=may_edit, form=None, status=400)
    remove = request.POST.get("remove", "")
    if action in WORDS_BUTTONS and remove.isdecimal():  # 移除 sends no action of its own
        return save_and_remove(request, report_id, int(remove))
    return BUTTONS[action](request, report_id)


def _save_then(request, report_id: int, step):
    """Save the words typed on the report page, then do `step(request, report)`; back to the
    report, or the page again with the form's errors (nothing saved)."""
    report = access_report(request.user, report_id, write=True)
    try:
        # Refused by the report's state before the form is read: a file sent with it is then
        # refused with that reason, never dropped without a word.
        actions.check_editable(report)
        form = ReportForm(request.POST)
        if not form.is_valid():
            if request.FILES.get("file"):
                messages.error(
                    request,
                    _("“{name}” was not attached: correct the form and attach it again.").format(
                        name=request.FILES["file"].name
                    ),
                )
            return _report_page(request, report, may_edit=True, form=form)
        data = actions.ReportData(**{k: v for k, v in form.cleaned_data.items() if k != "version"})
        report = actions.do_save_report(
            report, data, read_version=form.cleaned_data["version"], by=request.user
        )
        step(request, report)
    except (actions.StaleReport, actions.NotEditable, TooLong) as exc:
        messages.error(request, _not_kept(request, exc))
    return redirect("progress:report", report_id=report.pk)


@require_POST
def save_report(request, report_id: int):
    """Save the report as a draft, with the file chosen on the page if any."""

    def step(request, report):
        if _chosen_file_attached(request, report):
            messages.success(request, _("Draft saved."))

    return _save_then(request, report_id, step)


@require_POST
def submit_report(request, report_id: int):
    """Save and submit the report (to the head first, when the plan asks for approval)."""

    def step(request, report):
        if _chosen_file_attached(request, report):  # nothing goes out without the file chosen
            report = actions.do_submit_report(report, by=request.user)
            messages.success(request, _submitted_message(report))

    return _save_then(request, report_id, step)


@require_POST
def save_and_attach(request, report_id: int):
    """Save the words typed and attach the chosen file (上传 on the report page)."""
    return _save_then(request, report_id, _attach_file)


@require_POST
def save_and_remove(request, report_id: int, evidence_id: int):
    """Save the words typed and remove one file attached since the last submission."""

    def step(request, report):
        _remove_file(request, report, evidence_id)

    return _save_then(request, report_id, step)


@require_POST
def report_no_change(request, report_id: int):
    """Submit last period's report again, unchanged (本期无变化); what was typed is not kept."""
    report = access_report(request.user, report_id, write=True)
    try:
        report = actions.do_report_no_change(report, by=request.user)
    except (actions.StaleReport, actions.NotEditable, TooLong) as exc:
        messages.error(request, _not_kept(request, exc))
    else:
        if report.state == ProgressReport.State.AWAITING_APPROVAL:
            messages.success(request, _submitted_message(report))
        else:
            messages.success(request, _("Submitted with no change from the last period."))
    return redirect("progress:report", report_id=report.pk)


@require_POST
def approve_report(request, report_id: int):
    """The department head approves the report, which goes on to the office."""
    report = access_report(request.user, report_id)
    check_may_approve_report(request.user, report)
    try:
        actions.do_approve_report(report, by=request.user)
    except actions.NotEditable as exc:
        messages.error(request, _not_kept(request, exc))
    else:
        messages.success(request, _("Approved and submitted."))
    return redirect("progress:report", report_id=report.pk)


@require_POST
def send_back_report(request, report_id: int):
    """The department head sends the report back to its writer, with a reason."""
    report = access_report(request.user, report_id)
    check_may_send_back_report(request.user, report)
    form = SendBackForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("comment", []):
            messages.error(request, error)
        return redirect("progress:report", report_id=report.pk)
    try:
        actions.do_send_back_report(report, form.cleaned_data["comment"], by=request.user)
    except (actions.NotEditable, TooLong) as exc:
        messages.error(request, _not_kept(request, exc))
    else:
        messages.success(request, _("Sent back for revision."))
    return redirect("progress:report", report_id=report.pk)


# The report page's buttons by the `action` each sends, and the endpoint it posts to.
BUTTONS = {
    "save": save_report,
    "submit": submit_report,
    "attach": save_and_attach,
    "no_change": report_no_change,
    "approve": approve_report,
    "send_back": send_back_report,
}
# The buttons that save the words typed before their step: 移除 goes with them.
WORDS_BUTTONS = {"save", "submit", "attach"}
# The buttons of a report not started yet (the page shows no others before the first save).
FIRST_BUTTONS = {*WORDS_BUTTONS, "no_change"}


def _not_kept(request, refusal) -> str:
    """Return why the action was refused, saying that the file sent with it was not kept."""
    upload = request.FILES.get("file")
    if upload is None:
        return str(refusal)
    return _("{reason} “{name}” was not kept.").format(reason=refusal, name=upload.name)


def _report_page(request, report, *, may_edit: bool, form, review=None, status=200):
    """The report page, for a saved report or one not yet started (no primary key)."""
    if form is None and may_edit:
        form = ReportForm(
            initial={**{f: getattr(report, f) for f in actions.FIELDS}, "version": report.version}
        )
    saved = report.pk is not None
    context = {
        "report": report,
        "form": form,
        "may_edit": may_edit,
        # A returned report was sent back to be changed, not sent again as it was.
        "offers_no_change": report.state != ProgressReport.State.RETURNED
        and queries.report_to_repeat(report.task, report.department, report.period) is not None,
        "may_approve": saved and may_approve_report(request.user, report),
        "may_review": is_supervisor(request.user)
        and report.state == ProgressReport.State.SUBMITTED,
        "contributions": queries.contributions(report, among=reports_visible_to(request.user)),
        "versions": queries.versions(report) if saved else [],
        "evidence": report.evidence.all() if saved else [],
        "evidence_form": EvidenceForm(),
        "review_form": review or ReviewForm(),
        "office": is_supervisor(request.user),  # its way back is the review queue
        # the review queue's filters, kept for the next (sent back with a refused decision)
        "queue": request.GET.get("queue", "") or request.POST.get("queue", ""),
        "sent_back": queries.last_return(report)
        if report.state == ProgressReport.State.RETURNED
        else None,
    }
    return render(request, "progress/report.html", context, status=status)


def _chosen_file_attached(request, report) -> bool:
    """Attach the file chosen with the words, if any; return False if one was refused."""
    return request.FILES.get("file") is None or _attach_file(request, report)


def _attach_file(request, report) -> bool:
    """Attach the chosen file, saying so or saying why not; return whether it was attached."""
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a file to attach."))
        return False
    try:
        actions.check_editable(report)  # before the file is checked or read
    except actions.NotEditable as exc:
        messages.error(request, _not_kept(request, exc))
        return False
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        problem = " ".join(str(e) for e in form.errors.get("file", []))
        messages.error(request, f"{upload.name}：{problem}")
        return False
    too_large = file_too_large(upload, MAX_EVIDENCE_BYTES)
    if too_large:
        messages.error(request, too_large)
        return False
    try:
        actions.do_attach_evidence(report, upload.name, upload.read(), by=request.user)
    except actions.NotEditable as exc:
        messages.error(request, _not_kept(request, exc))
        return False
    except EvidenceRefused as exc:
        messages.error(request, str(exc))
        return False
    messages.success(request, _("Attached {name}.").format(name=upload.name))
    return True


def _remove_file(request, report, evidence_id: int) -> None:
    evidence = queries.evidence_of(report, evidence_id)
    if evidence is None:
        messages.error(request, _("That file is not attached to this report."))
        return
    try:
        actions.do_remove_evidence(evidence, by=request.user)
    except actions.NotEditable as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Removed {name}.").format(name=evidence.original_name))


@require_POST
def attach_evidence(request, report_id: int):
    """Attach a file alone (the report page attaches it together with the typed words)."""
    report = access_report(request.user, report_id, write=True)
    _attach_file(request, report)
    return redirect("progress:report", report_id=report.pk)


@require_GET
def download_evidence(request, evidence_id: int):
    evidence = access_evidence(request.user, evidence_id)
    path = evidence_dir() / evidence.stored_name
    if not path.is_file():
        raise Http404
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def review(request, report_id: int):
    """The office accepts the report, or returns it with a reason; then on to the next one."""
    report = access_report(request.user, report_id, review=True)
    form = ReviewForm(request.POST)
    queue = request.POST.get("queue", "")
    if form.has_error("comment", ReviewForm.NO_REASON):
        messages.error(request, form.errors["comment"][0])
        return _back_to_report(report, queue)
    if not form.is_valid():  # a decision the form does not offer is a bad request
        return _report_page(request, report, may_edit=False, form=None, review=form, status=400)
    comment = form.cleaned_data["comment"]
    try:
        if form.cleaned_data["decision"] == ReviewForm.Decision.RETURN:
            actions.do_return_report(report, comment, by=request.user)
            messages.success(
                request,
                _("Returned the report on task {code} to {department}.").format(
                    department=report.department, code=report.task.code
                ),
            )
        else:
            actions.do_accept_report(report, comment, by=request.user)
            messages.success(
                request,
                _("Accepted the report of {department} on task {code}.").format(
                    department=report.department, code=report.task.code
                ),
            )
    except actions.NotEditable as exc:
        messages.error(request, str(exc))
        return _back_to_report(report, queue)
    # On to the next report waiting under the filters the office chose in the queue, if any.
    waiting = queries.waiting_for_review()
    filters = ReviewFilterForm(QueryDict(queue), waiting)
    following = filters.apply(waiting).order_by("submitted_at", "pk").first()
    if queue and not filters.is_valid():  # e.g. that department has nothing left waiting
        following = None
    if following is not None:
        return _back_to_report(following, queue)
    return redirect(reverse("progress:review-queue") + (f"?{queue}" if queue else ""))


def _back_to_report(report, queue: str):
    """Redirect to the report page, keeping the review queue's filters (`queue`) for the way
    back and the next report."""
    url = reverse("progress:report", args=[report.pk])
    return redirect(f"{url}?{urlencode({'queue': queue})}" if queue else url)


@require_GET
def review_queue(request):
    check_may_see_review_queue(request.user)
    waiting = queries.waiting_for_review()
    filters = ReviewFilterForm(request.GET, waiting)
    reports = filters.apply(waiting).select_related("task__key_point", "department", "period")
    page = Paginator(reports.order_by("submitted_at", "pk"), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"page": page, "filters": filters, "query": query.urlencode()}
    return render(request, "progress/review_queue.html", context)


def _submitted_message(report) -> str:
    if report.state == ProgressReport.State.AWAITING_APPROVAL:
        return _(
            "Sent to your department head for approval; it reaches the supervision office once approved."
        )
    return _("Report submitted.")


def _schedule_page(request, plan, *, form, period_form, status=200):
    context = {
        "plan": plan,
        "form": form,
        "periods": queries.periods_with_reports(plan),
        "period_form": period_form,
    }
    return render(request, "progress/schedule.html", context, status=status)


def _settings_form(plan) -> ScheduleForm:
    """Return the reporting settings form filled with the plan's settings (or the defaults)."""
    current = queries.schedule_of(plan) or Schedule(plan=plan)
    return ScheduleForm(initial={f: getattr(current, f) for f in ScheduleForm.base_fields})


def _cadence_message(change) -> str:
    if change is None:
        return _("Reporting settings saved; every light was recomputed.")
    return _(
        "Reporting settings saved and every light recomputed. The cadence changed: "
        "{removed} periods not yet open were removed and {added} added; periods already open, "
        "reported on or added by hand are kept as they were."
    ).format(removed=change.removed, added=change.added)


@require_http_methods(["GET", "POST"])
def schedule(request, plan_id: int):
    plan = access_plan(request.user, plan_id)
    check_may_change_schedule(request.user)
    if request.method == "POST":
        form = ScheduleForm(request.POST)
        if form.is_valid():
            change = actions.do_update_schedule(plan, **form.cleaned_data, by=request.user)
            messages.success(request, _cadence_message(change))
            return redirect("progress:schedule", plan_id=plan.pk)
    else:
        form = _settings_form(plan)
    return _schedule_page(request, plan, form=form, period_form=PeriodForm())


@require_POST
def add_period(request, plan_id: int):
    plan = access_plan(request.user, plan_id)
    check_may_change_schedule(request.user)
    form = PeriodForm(request.POST)
    if form.is_valid():
        try:
            actions.do_add_period(plan, **form.cleaned_data, by=request.user)
        except actions.PeriodRefused as exc:
            form.add_error(exc.field, str(exc))
        else:
            messages.success(request, _("Period added."))
            return redirect("progress:schedule", plan_id=plan.pk)
    return _schedule_page(request, plan, form=_settings_form(plan), period_form=form, status=400)


@require_http_methods(["GET", "POST"])
def edit_period(request, plan_id: int, period_id: int):
    """The office renames a period or moves its dates, while nothing is filed in it."""
    period = access_period(request.user, plan_id, period_id)
    if request.method == "POST":
        form = PeriodForm(request.POST)
        if form.is_valid():
            try:
                actions.do_edit_period(period, **form.cleaned_data, by=request.user)
            except actions.PeriodRefused as exc:
                form.add_error(exc.field, str(exc))
            else:
                messages.success(request, _("Period saved."))
                return redirect("progress:schedule", plan_id=period.plan_id)
        status = 400
    else:
        form = PeriodForm(initial={f: getattr(period, f) for f in PeriodForm.base_fields})
        status = 200
    refusal = ""
    try:  # said before anything is typed, not only after saving
        actions.check_nothing_filed(period)
    except actions.PeriodRefused as exc:
        refusal = str(exc)
    context = {"plan": period.plan, "period": period, "form": form, "refusal": refusal}
    return render(request, "progress/period_edit.html", context, status=status)


@require_POST
def delete_period(request, plan_id: int, period_id: int):
    """The office removes a period nothing is filed in; once something is, it says why not."""
    period = access_period(request.user, plan_id, period_id)
    label = period.display_label
    try:
        actions.do_delete_period(period, by=request.user)
    except actions.PeriodRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Period “{label}” removed.").format(label=label))
    return redirect("progress:schedule", plan_id=period.plan_id)
