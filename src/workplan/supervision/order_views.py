"""The office's 督办单 pages: the list (filtered, exported), one 督办单 (printable), issuing to
several departments at once, and sending 催办 by hand to many at once."""

from urllib.parse import quote

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from workplan.core.errors import TooLong
from workplan.core.roles import belongs_to, is_supervisor
from workplan.plans.access import access_plan
from workplan.plans.models import Plan
from workplan.progress.queries import last_closed_period
from workplan.supervision import actions
from workplan.supervision.access import access_notice, check_may_supervise
from workplan.supervision.forms import ChaseForm, OrderFilterForm, OrdersForm, form_problems
from workplan.supervision.order_docx import OrderDocument, order_docx, orders_workbook
from workplan.supervision.queries import (
    departments_with_people,
    late_reports,
    missing_tasks,
    order_detail,
    orders_for,
    overdue_tasks,
)

MAX_EXPORT_ROWS = 10_000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _chinese_date(value) -> str:
    """Return a date as a 公文 writes it: 2024年6月5日 (no zero padding)."""
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def _filtered(request):
    form = OrderFilterForm(request.GET or None)
    if request.GET and not form.is_valid():
        for problem in form_problems(form):
            messages.error(request, problem)
        return form, orders_for(request.user)
    data = form.cleaned_data if request.GET else {}
    department = data.get("department")
    orders = orders_for(
        request.user,
        state=data.get("state", ""),
        department_id=department.pk if department else None,
        overdue_on=timezone.localdate() if data.get("overdue") else None,
    )
    return form, orders


@require_GET
def order_list(request):
    form, orders = _filtered(request)
    context = {
        "form": form,
        "orders": orders[:500],
        "today": timezone.localdate(),
        "plans": Plan.objects.order_by("-year", "pk") if is_supervisor(request.user) else [],
        "query": request.GET.urlencode(),
    }
    return render(request, "supervision/orders.html", context)


def _matter(notice) -> str:
    return f"{notice.task.code} {notice.task.text}" if notice.task_id else ""


def _signed(notice) -> str:
    if not notice.signed_by_id:
        return ""
    at = timezone.localtime(notice.signed_at).strftime("%Y-%m-%d %H:%M")
    return f"{notice.signed_by.display_name} {at}"


@require_GET
def order_export(request):
    _form, orders = _filtered(request)
    today = timezone.localdate()
    headers = [
        _("Number"),
        _("Department"),
        _("Issued"),
        _("Task"),
        _("Requirement"),
        _("Reply by"),
        pgettext("notice", "State"),
        _("Reply overdue"),
        _("Signed for by"),
        _("Reply"),
    ]
    rows = (
        [
            n.number_text,
            n.department.name,
            timezone.localtime(n.created_at).date().isoformat(),
            _matter(n),
            n.requirement,
            n.reply_due.isoformat() if n.reply_due else "",
            n.get_state_display(),
            _("Yes") if n.reply_overdue(today) else "",
            _signed(n),
            n.reply,
        ]
        for n in orders[:MAX_EXPORT_ROWS]
    )
    response = HttpResponse(orders_workbook(headers, rows), content_type=XLSX)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="notices-{stamp}.xlsx"'
    return response


@require_GET
def order_page(request, notice_id: int):
    notice = order_detail(access_notice(request.user, notice_id).pk)
    user = request.user
    context = {
        "n": notice,
        "today": timezone.localdate(),
        "may_supervise": is_supervisor(user),
        "is_addressee": belongs_to(user, notice.department_id),
        "tasks": missing_tasks(notice.plan, notice.period, notice.department)
        if notice.period_id
        else [],
    }
    return render(request, "supervision/order.html", context)


@require_GET
def order_print(request, notice_id: int):
    notice = order_detail(access_notice(request.user, notice_id).pk)
    document = OrderDocument(
        number=notice.number_text,
        department=notice.department.name,
        matter=_matter(notice),
        requirement=notice.requirement,
        issued_on=_chinese_date(timezone.localtime(notice.created_at).date()),
        reply_due=_chinese_date(notice.reply_due),
        signed=_signed(notice),
        reply=notice.reply,
        attachments=[f.original_name for f in notice.files.all()],
        state=str(notice.get_state_display()),
    )
    response = HttpResponse(order_docx(document), content_type=DOCX)
    name = notice.number_text or f"notice-{notice.pk}"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}.docx"
    return response


@require_http_methods(["GET", "POST"])
def orders_new(request, plan_id: int):
    """Issue 督办单 to several departments and/or tasks of a plan: one each."""
    plan = access_plan(request.user, plan_id)
    check_may_supervise(request.user)
    form = OrdersForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            issued = actions.do_issue_notices(
                plan,
                data["requirement"],
                data["reply_due"],
                departments=list(data["departments"]),
                tasks=list(data["tasks"]),
                by=request.user,
            )
        except (actions.NotAllowedNow, TooLong) as exc:
            messages.error(request, str(exc))
        else:
            numbers = "、".join(n.number_text for n in issued)
            messages.success(
                request,
                ngettext(
                    "{count} supervision notice issued: {numbers}.",
                    "{count} supervision notices issued: {numbers}.",
                    len(issued),
                ).format(count=len(issued), numbers=numbers),
            )
            unreached = _without_people(issued)
            if unreached:
                messages.warning(
                    request,
                    _(
                        "Nobody at {names} has an account to be told: print their notices and "
                        "deliver them."
                    ).format(names="、".join(unreached)),
                )
            return redirect("supervision:orders")
    elif request.method == "POST":
        for problem in form_problems(form):
            messages.error(request, problem)
    context = {
        "plan": plan,
        "form": form,
        "departments": form.fields["departments"].queryset.order_by("name"),
        "tasks": form.fields["tasks"].queryset.order_by("key_point__number", "number"),
        "chosen_departments": set(request.POST.getlist("departments")),
        "chosen_tasks": set(request.POST.getlist("tasks")),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "supervision/orders_new.html", context, status=status)


def _without_people(notices) -> list[str]:
    """Return the names of the departments of `notices` that nobody can be told at."""
    reachable = departments_with_people({n.department_id for n in notices})
    names = [n.department.name for n in notices if n.department_id not in reachable]
    return list(dict.fromkeys(names))


@require_GET
def chase_page(request, plan_id: int):
    """The late and missing reports of the last period due, and the overdue tasks, each with
    a box to tick: the office chases all it ticked in one go."""
    plan = access_plan(request.user, plan_id)
    check_may_supervise(request.user)
    today = timezone.localdate()
    period, missing = late_reports(plan, today)
    context = {
        "plan": plan,
        "period": period,
        "days_late": (today - period.due_on).days if period else 0,
        "missing": missing,
        "overdue": overdue_tasks(plan, today),
    }
    return render(request, "supervision/chase.html", context)


@require_POST
def chase_send(request, plan_id: int):
    """Send one 催办 to each department ticked (about its missing reports of the last period
    due) and to the lead departments of each task ticked (about the overdue task)."""
    plan = access_plan(request.user, plan_id)
    check_may_supervise(request.user)
    form = ChaseForm(request.POST, plan=plan)
    back = request.POST.get("next", "")
    if not form.is_valid():
        for problem in form_problems(form):
            messages.error(request, problem)
        return _back_to(back, plan)
    today = timezone.localdate()
    targets = []
    departments = list(form.cleaned_data["departments"])
    if departments:
        period = last_closed_period(plan, today)
        for department in departments:
            count = len(missing_tasks(plan, period, department)) if period else 0
            if count:
                targets.append(actions.ChaseTarget(department, period=period, missing=count))
            else:
                messages.warning(
                    request,
                    _("{department} has no missing reports; it was not chased.").format(
                        department=department.name
                    ),
                )
    for item in overdue_tasks(plan, today):
        if item.task in form.cleaned_data["tasks"]:
            targets += [actions.ChaseTarget(d, task=item.task) for d in item.leads]
    try:
        result = actions.do_chase(plan, targets, form.cleaned_data["words"], by=request.user)
    except TooLong as exc:
        messages.error(request, str(exc))
        return _back_to(back, plan)
    if result.sent:
        count = len(result.sent)
        messages.success(
            request,
            ngettext("{count} chase sent.", "{count} chases sent.", count).format(count=count),
        )
    if result.without_account:
        names = "、".join(d.name for d in result.without_account)
        messages.error(
            request,
            _(
                "Not chased: nobody at {names} has an account to be told. Give them an account, "
                "or chase them by telephone or on paper."
            ).format(names=names),
        )
    if not result.sent and not result.without_account and not targets:
        messages.error(request, _("Nothing was chased: none of those ticked is late."))
    return _back_to(back, plan)


def _back_to(back: str, plan):
    """Return to the page the 催办 was sent from, if it is one of ours; else the 催办 page."""
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts=None):
        return redirect(back)
    return redirect("supervision:chase", plan_id=plan.pk)
