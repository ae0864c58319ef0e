from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext, pgettext
from django.views.decorators.http import require_GET

from workplan.plans.access import access_plan
from workplan.progress.access import sees_all_reports
from workplan.progress.models import ProgressReport
from workplan.reports.ledger import ledger
from workplan.reports.xlsx import ledger_workbook

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def reportable_periods(plan):
    """The periods a progress report can be written for, latest first: those closed by today
    in which someone reported (a report of a period nobody reported in would be empty)."""
    return (
        plan.periods.filter(due_on__lt=timezone.localdate())
        .filter(
            Exists(ProgressReport.objects.filter(period=OuterRef("pk"), submitted_at__isnull=False))
        )
        .order_by("-due_on")
    )


@require_GET
def ledger_xlsx(request, plan_id: int):
    """The 督办台账 for those who oversee the whole plan; others do not see it exists."""
    plan = access_plan(request.user, plan_id)
    if not sees_all_reports(request.user):
        raise Http404
    rows, summary = ledger(plan)
    response = HttpResponse(
        ledger_workbook(plan, rows, summary),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{plan.year}督办台账.xlsx")
    return response


@require_GET
def leadership_dashboard(request, plan_id: int):
    from django.shortcuts import render

    from workplan.reports.dashboard import dashboard

    plan = access_plan(request.user, plan_id)
    if not sees_all_reports(request.user):
        raise Http404
    data = dashboard(plan, timezone.localdate())
    charts = {
        "labels": {
            "green": gettext("Green"),
            "blue": gettext("Blue (deadline near)"),
            "yellow": gettext("Yellow"),
            "red": gettext("Red"),
            "percent": gettext("Average progress"),
            "on_time": gettext("On time"),
            "late": gettext("Late"),
            "missing": pgettext("reports not submitted", "Missing"),
        },
        "lights": data["by_light"],
        "points": data["per_point"],
        "trend": data["trend"],
        "tableUrl": f"/plans/{plan.pk}/table/",
    }
    context = {
        "plan": plan,
        "d": data,
        "charts": charts,
        "closed_periods": reportable_periods(plan),
    }
    return render(request, "reports/dashboard.html", context)


@require_GET
def progress_report(request, plan_id: int):
    """The 落实情况报告 as of the last reportable period (or ?period=<id>), as .docx or ?format=pdf."""
    from django.contrib import messages
    from django.shortcuts import redirect

    from workplan.reports.docx import progress_report_docx
    from workplan.reports.pdf import PdfUnavailable, docx_to_pdf
    from workplan.reports.progress_report import build_progress_report, report_file_name

    plan = access_plan(request.user, plan_id)
    if not sees_all_reports(request.user):
        raise Http404
    # The period asked for must be one the dashboard offers; a link naming another (not yet
    # closed, nobody reported, another plan's, nonsense) is not quietly given a different one.
    periods = reportable_periods(plan)
    period_id = request.GET.get("period", "")
    if period_id:
        chosen = periods.filter(pk=period_id).first() if period_id.isdecimal() else None
    else:
        chosen = periods.first()
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
    from django.shortcuts import get_object_or_404, render

    from workplan.core.roles import belongs_to
    from workplan.org.models import Department
    from workplan.reports.dashboard import department_dashboard as build
    from workplan.reports.dashboard import on_time_ranking

    plan = access_plan(request.user, plan_id)
    department = get_object_or_404(Department, pk=department_id)
    overseer = sees_all_reports(request.user)
    if not (overseer or belongs_to(request.user, department.pk)):
        raise Http404
    today = timezone.localdate()
    schedule = getattr(plan, "schedule", None)
    show_ranking = overseer or bool(schedule and schedule.show_ranking)
    context = {
        "plan": plan,
        "department": department,
        "d": build(plan, department, today),
        "ranking": on_time_ranking(plan, today) if show_ranking else None,
    }
    return render(request, "reports/department_dashboard.html", context)
