from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from workplan.plans.access import access_plan
from workplan.progress.access import sees_all_reports
from workplan.reports.ledger import ledger
from workplan.reports.xlsx import ledger_workbook


def ledger_title(plan) -> str:
    return f"{plan.organization}{plan.title}督办台账（{timezone.localdate():%Y年%m月%d日}）"


@require_GET
def ledger_xlsx(request, plan_id: int):
    """The 督办台账 for those who oversee the whole plan; others do not see it exists."""
    plan = access_plan(request.user, plan_id)
    if not sees_all_reports(request.user):
        raise Http404
    rows, summary = ledger(plan)
    response = HttpResponse(
        ledger_workbook(ledger_title(plan), rows, summary),
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
        "lights": data["by_light"],
        "points": data["per_point"],
        "trend": data["trend"],
        "tableUrl": f"/plans/{plan.pk}/table/",
    }
    return render(request, "reports/dashboard.html", {"plan": plan, "d": data, "charts": charts})


@require_GET
def progress_report(request, plan_id: int):
    """The 落实情况报告 (.docx) as of the last closed period, or ?period=<id>."""
    from workplan.reports.docx import progress_report_docx
    from workplan.reports.progress_report import build_progress_report

    plan = access_plan(request.user, plan_id)
    if not sees_all_reports(request.user):
        raise Http404
    periods = plan.periods.filter(due_on__lt=timezone.localdate()).order_by("-due_on")
    chosen = periods.filter(pk=request.GET.get("period") or 0).first() or periods.first()
    if chosen is None:
        raise Http404
    response = HttpResponse(
        progress_report_docx(build_progress_report(plan, chosen)),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    name = f"{plan.year}年工作要点落实情况报告（截至{chosen.due_on.month}月）.docx"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@require_GET
def department_dashboard(request, plan_id: int, department_id: int):
    """A department's own view; its people and those who oversee the plan may open it."""
    from django.shortcuts import get_object_or_404, render

    from workplan.accounts.access import belongs_to
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
