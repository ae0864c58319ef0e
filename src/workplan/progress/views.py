from django.contrib import messages
from django.http import FileResponse, Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from workplan.core.errors import TooLong
from workplan.core.ids import parse_id
from workplan.core.roles import belongs_to, is_supervisor
from workplan.core.uploads import file_too_large
from workplan.org.models import Department
from workplan.plans.access import access_task
from workplan.plans.models import Plan
from workplan.progress import actions
from workplan.progress.access import (
    access_evidence,
    access_report,
    check_may_change_schedule,
    may_approve_report,
    may_see_report,
    may_write_report,
    reports_visible_to,
)
from workplan.progress.evidence import MAX_EVIDENCE_BYTES, EvidenceRefused, evidence_dir
from workplan.progress.forms import (
    EvidenceForm,
    PeriodForm,
    ReportForm,
    ReviewFilterForm,
    ReviewForm,
)
from workplan.progress.models import ProgressReport
from workplan.progress.queries import current_period, duties, last_return


def _my_departments(user):
    return Department.objects.filter(pk__in=user.department_ids).order_by("name")


@require_GET
def my_reports(request):
    """The department's duties this period: what to report, what was returned."""
    rows, dashboards = [], []
    departments = list(_my_departments(request.user))
    for plan in Plan.objects.filter(schedule__isnull=False):
        period = current_period(plan)
        if period is None:
            continue
        dashboards += [(plan, department) for department in departments]
        ids = {d.pk for d in departments}
        rows += [(plan, period, duty) for duty in duties(plan, period, ids)]
    earlier = (
        ProgressReport.objects.filter(
            department__in=departments,
            state__in=[
                ProgressReport.State.RETURNED,
                ProgressReport.State.DRAFT,
                ProgressReport.State.AWAITING_APPROVAL,
            ],
        )
        .exclude(pk__in=[duty.report.pk for _, _, duty in rows if duty.report])
        .select_related("task__key_point", "period", "department")
        .order_by("period__opens_on")
    )
    context = {
        "rows": rows,
        "departments": departments,
        "earlier": earlier,
        "dashboards": dashboards,
    }
    return render(request, "progress/my_reports.html", context)


@require_http_methods(["GET", "POST"])
def task_report(request, task_id: int):
    """This department's report on a task for the current period. Opening it changes nothing:
    until the first save the form shows a report started from the previous one, and the first
    save (or file attached, or 本期无变化) creates it."""
    task = access_task(request.user, task_id)
    plan = task.key_point.plan
    period = current_period(plan)
    if period is None:
        raise Http404
    requested = request.GET.get("department", "")
    own = sorted(request.user.department_ids)
    department_id = parse_id(requested) if requested else (own[0] if own else None)
    if department_id is None:
        raise Http404
    duty = next((d for d in duties(plan, period, {department_id}) if d.task.pk == task.pk), None)
    if duty is None:
        raise Http404
    if duty.report is not None:
        # The same answer as for a department with no such duty: the redirect would name a
        # report id the reader may not know of.
        if not may_see_report(request.user, duty.report):
            raise Http404
        if request.method == "POST":  # a form shown here before the report existed
            return report(request, duty.report.pk)
        return redirect("progress:report", report_id=duty.report.pk)
    if not belongs_to(request.user, department_id):
        raise Http404
    department = Department.objects.get(pk=department_id)
    draft = actions.new_report(task, department, period, duty.role)
    if request.method == "POST":
        if request.POST.get("action", "save") != "no_change":
            form = ReportForm(request.POST)
            if not form.is_valid():  # nothing is created until what was typed is valid
                return _report_page(request, draft, may_edit=True, form=form)
        started = actions.do_start_report(task, department, period, duty.role, by=request.user)
        return report(request, started.pk)
    return _report_page(request, draft, may_edit=True, form=None)


# The buttons of the report page; a form sent with none of them (Enter in a field) saves.
REPORT_ACTIONS = {"save", "submit", "attach", "no_change", "approve", "send_back"}


@require_http_methods(["GET", "POST"])
def report(request, report_id: int):
    report = access_report(request.user, report_id)
    may_edit = may_write_report(request.user, report) and report.state in (
        ProgressReport.State.DRAFT,
        ProgressReport.State.RETURNED,
    )
    form = None
    if request.method == "POST":
        report = access_report(request.user, report_id, write=True)
        action = request.POST.get("action", "save")
        if action not in REPORT_ACTIONS:  # no button of the page sends it: change nothing
            messages.error(
                request, _("The page sent an action it does not know; nothing was saved.")
            )
            return _report_page(request, report, may_edit=may_edit, form=None, status=400)
        try:
            if action == "no_change":
                report = actions.do_report_no_change(report, by=request.user)
                if report.state == ProgressReport.State.AWAITING_APPROVAL:
                    messages.success(request, _submitted_message(report))
                else:
                    messages.success(request, _("Submitted with no change from the last period."))
                return redirect("progress:report", report_id=report.pk)
            if action == "approve":
                actions.do_approve_report(report, by=request.user)
                messages.success(request, _("Approved and submitted."))
                return redirect("progress:report", report_id=report.pk)
            if action == "send_back":
                # Counted as the browser and the review form count it: a line break is one.
                comment = request.POST.get("comment", "").replace("\r\n", "\n").strip()
                if not comment:
                    messages.error(
                        request,
                        _(
                            "Say why the report is returned, so the department knows what to change."
                        ),
                    )
                else:
                    actions.do_send_back_report(report, comment, by=request.user)
                    messages.success(request, _("Sent back for revision."))
                return redirect("progress:report", report_id=report.pk)
            # Refused by the report's state before the form is read: a file sent with it is
            # then refused with that reason, never dropped without a word.
            actions.check_editable(report)
            form = ReportForm(request.POST)
            valid = form.is_valid()
            if not valid and request.FILES.get("file"):
                messages.error(
                    request,
                    _("“{name}” was not attached: correct the form and attach it again.").format(
                        name=request.FILES["file"].name
                    ),
                )
            if valid:
                data = actions.ReportData(
                    **{k: v for k, v in form.cleaned_data.items() if k != "version"}
                )
                report = actions.do_save_report(
                    report, data, read_version=form.cleaned_data["version"], by=request.user
                )
                if request.POST.get("remove", "").isdecimal():
                    _remove_file(request, report, int(request.POST["remove"]))
                elif action == "attach":
                    _attach_file(request, report)
                elif request.FILES.get("file") and not _attach_file(request, report):
                    pass  # a file chosen but refused: nothing goes out without it
                elif action == "submit":
                    report = actions.do_submit_report(report, by=request.user)
                    messages.success(request, _submitted_message(report))
                else:
                    messages.success(request, _("Draft saved."))
                return redirect("progress:report", report_id=report.pk)
        except (actions.StaleReport, actions.NotEditable, TooLong) as exc:
            messages.error(request, _not_kept(request, exc))
            return redirect("progress:report", report_id=report.pk)
    return _report_page(request, report, may_edit=may_edit, form=form)


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
    contributions = (
        reports_visible_to(request.user)
        .filter(task=report.task, period=report.period)
        .exclude(pk=report.pk)
        .select_related("department")
    )
    saved = report.pk is not None
    context = {
        "report": report,
        "form": form,
        "may_edit": may_edit,
        "may_approve": saved and may_approve_report(request.user, report),
        "may_review": is_supervisor(request.user)
        and report.state == ProgressReport.State.SUBMITTED,
        "contributions": contributions,
        "versions": report.versions.select_related("submitted_by", "approved_by", "decided_by")
        if saved
        else [],
        "evidence": report.evidence.all() if saved else [],
        "evidence_form": EvidenceForm(),
        "review_form": review or ReviewForm(),
        "office": is_supervisor(request.user),  # its way back is the review queue
        "queue": request.GET.get("queue", ""),  # the review queue's filters, kept for the next
        "sent_back": last_return(report) if report.state == ProgressReport.State.RETURNED else None,
    }
    return render(request, "progress/report.html", context, status=status)


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
    evidence = report.evidence.filter(pk=evidence_id).first()
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
    report = access_report(request.user, report_id, review=True)
    form = ReviewForm(request.POST)
    if not form.is_valid():  # a decision the form does not offer is a bad request
        return _report_page(request, report, may_edit=False, form=None, review=form, status=400)
    comment = form.cleaned_data["comment"]
    decision = form.cleaned_data["decision"]
    try:
        if decision == "return":
            if not comment.strip():
                messages.error(
                    request,
                    _("Say why the report is returned, so the department knows what to change."),
                )
                return redirect("progress:report", report_id=report.pk)
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
        return redirect("progress:report", report_id=report.pk)
    # On to the next report waiting under the filters the office chose in the queue, if any.
    queue = request.POST.get("queue", "")
    waiting = ProgressReport.objects.filter(state=ProgressReport.State.SUBMITTED)
    filters = ReviewFilterForm(QueryDict(queue), waiting)
    following = filters.apply(waiting).order_by("submitted_at", "pk").first()
    if queue and not filters.is_valid():  # e.g. that department has nothing left waiting
        following = None
    if following is not None:
        url = reverse("progress:report", args=[following.pk])
        return redirect(f"{url}?{urlencode({'queue': queue})}" if queue else url)
    return redirect(reverse("progress:review-queue") + (f"?{queue}" if queue else ""))


@require_GET
def review_queue(request):
    if not is_supervisor(request.user):
        raise Http404
    from django.core.paginator import Paginator

    waiting = ProgressReport.objects.filter(state=ProgressReport.State.SUBMITTED)
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
        "periods": plan.periods.all(),
        "period_form": period_form,
    }
    return render(request, "progress/schedule.html", context, status=status)


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
    from workplan.plans.access import access_plan
    from workplan.progress.forms import ScheduleForm
    from workplan.progress.models import Schedule

    plan = access_plan(request.user, plan_id)
    check_may_change_schedule(request.user)
    current = Schedule.objects.filter(plan=plan).first()
    if request.method == "POST":
        form = ScheduleForm(request.POST)
        if form.is_valid():
            change = actions.do_update_schedule(plan, **form.cleaned_data, by=request.user)
            messages.success(request, _cadence_message(change))
            return redirect("progress:schedule", plan_id=plan.pk)
    else:
        defaults = current or Schedule(plan=plan)
        form = ScheduleForm(
            initial={
                f: getattr(defaults, f)
                for f in (
                    "cadence",
                    "due_day",
                    "head_approval",
                    "lag_points",
                    "near_days",
                    "show_ranking",
                )
            }
        )
    return _schedule_page(request, plan, form=form, period_form=PeriodForm())


@require_POST
def add_period(request, plan_id: int):
    from workplan.plans.access import access_plan
    from workplan.progress.forms import ScheduleForm
    from workplan.progress.models import Schedule

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
    current = Schedule.objects.filter(plan=plan).first() or Schedule(plan=plan)
    settings_form = ScheduleForm(initial={f: getattr(current, f) for f in ScheduleForm.base_fields})
    return _schedule_page(request, plan, form=settings_form, period_form=form, status=400)
