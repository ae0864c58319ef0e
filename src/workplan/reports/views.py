from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext, pgettext
from django.views.decorators.http import require_GET, require_POST

from workplan.core.roles import belongs_to, is_supervisor
from workplan.reports import dashboard as figures
from workplan.reports.access import (
    access_department_dashboard,
    access_plan_reports,
    may_see_ranking,
)
from workplan.reports.actions import check_may_change_letterhead, do_set_letterhead
from workplan.reports.docx import progress_report_docx
from workplan.reports.forms import LetterheadForm
from workplan.reports.ledger import ledger
from workplan.reports.pdf import PdfUnavailable, docx_to_pdf
from workplan.reports.progress_report import build_progress_report, report_file_name
from workplan.reports.queries import letterhead_of, reportable_period, reportable_periods
from workplan.reports.xlsx import ledger_workbook
from workplan.supervision.models import TaskLight

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@require_GET
def ledger_xlsx(request, plan_id: int):
    """The 督办台账 for those who oversee the whole plan; others do not see it exists."""
    plan = access_plan_reports(request.user, plan_id)
    rows, summary = ledger(plan)
    response = HttpResponse(
        ledger_workbook(plan, rows, summary),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{plan.year}督办台账.xlsx")
    return response


def _charts(plan, data: dict) -> dict:
    """Return what the dashboard's charts draw, their labels in the reader's language."""
    return {
        "labels": {
            **{light: str(label) for light, label in TaskLight.Light.choices},
            "percent": gettext("Average progress of reported tasks"),
            "on_time": gettext("On time"),
            "late": gettext("Late"),
            "missing": pgettext("reports not submitted", "Missing"),
        },
        "lights": data["by_light"],
        "points": data["per_point"],
        "trend": data["trend"],
        "tableUrl": reverse("pages:table", args=[plan.pk]),
    }


def _dashboard_page(request, plan, *, letterhead_form=None, status=200):
    data = figures.dashboard(plan, timezone.localdate())
    letterhead = letterhead_of(plan)
    if letterhead_form is None and is_supervisor(request.user):
        letterhead_form = LetterheadForm(
            initial={"issuer": letterhead.issuer, "red_header": letterhead.red_header}
        )
    context = {
        "plan": plan,
        "d": data,
        "charts": _charts(plan, data),
        "closed_periods": reportable_periods(plan),
        "letterhead": letterhead,
        "letterhead_form": letterhead_form,  # the office's alone
    }
    return render(request, "reports/dashboard.html", context, status=status)


@require_GET
def leadership_dashboard(request, plan_id: int):
    plan = access_plan_reports(request.user, plan_id)
    return _dashboard_page(request, plan)


@require_POST
def report_letterhead(request, plan_id: int):
    """The office sets who signs the plan's 落实情况报告 (落款) and its optional 红头."""
    plan = access_plan_reports(request.user, plan_id)
    check_may_change_letterhead(request.user)
    form = LetterheadForm(request.POST)
    if form.is_valid():
        try:
            do_set_letterhead(plan, **form.cleaned_data, by=request.user)
        except ValueError as problem:  # TooLong too: a hand-made POST past the form's limits
            form.add_error(None, str(problem))
        else:
            messages.success(request, gettext("The progress report's letterhead was saved."))
            return redirect("reports:dashboard", plan.pk)
    return _dashboard_page(request, plan, letterhead_form=form, status=400)


@require_GET
def progress_report(request, plan_id: int):
    """The 落实情况报告 as of the last reportable period (or ?period=<id>), as .docx or ?format=pdf."""
    plan = access_plan_reports(request.user, plan_id)
    chosen = reportable_period(plan, request.GET.get("period", ""))
    if chosen is None:
        raise Http404
    content = progress_report_docx(build_progress_report(plan, chosen))
    kind = "docx"
    if request.GET.get("format") == "pdf":
        try:
            content, kind = docx_to_pdf(content), "pdf"
        except PdfUnavailable as problem:
            messages.error(request, str(problem))
            return redirect("reports:dashboard", plan.pk)
    response = HttpResponse(content, content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = content_disposition_header(
        True, report_file_name(plan, chosen, kind)
    )
    return response


@require_GET
def department_dashboard(request, plan_id: int, department_id: int):
    """A department's own view; its people and those who oversee the plan may open it."""
    plan, department = access_department_dashboard(request.user, plan_id, department_id)
    today = timezone.localdate()
    context = {
        "plan": plan,
        "department": department,
        "d": figures.department_dashboard(plan, department, today),
        # Its own people open a duty's report form; others read the task page.
        "reports_here": belongs_to(request.user, department.pk),
        "ranking": figures.on_time_ranking(plan, today)
        if may_see_ranking(request.user, plan)
        else None,
    }
    return render(request, "reports/department_dashboard.html", context)
