"""The task table page: filters, inline editing (HTMX), bulk actions, Excel export and import."""

from itertools import groupby

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from workplan.accounts.models import Role, User
from workplan.core.uploads import file_too_large
from workplan.org.models import Department
from workplan.org.queries import registry_names
from workplan.plans.access import (
    access_import_preview,
    access_plan,
    access_task,
    may_change_plans,
)
from workplan.plans.actions import (
    DeletionRefused,
    do_discard_import_preview,
    do_stage_import_preview,
    preview_file,
)
from workplan.plans.models import ImportPreview, KeyPoint
from workplan.plans.table import table_row, table_rows, table_title
from workplan.plans.table_actions import (
    ShiftRefused,
    StaleEdit,
    TableChanged,
    do_apply_table,
    do_set_key_point_leader,
    do_shift_due_dates,
    do_update_task,
)
from workplan.plans.table_forms import TableUploadForm, TaskRowForm
from workplan.plans.table_import import MAX_TABLE_BYTES, TableDiff, read_table
from workplan.plans.xlsx import task_table_workbook
from workplan.supervision.lights import current_lights
from workplan.supervision.models import TaskLight

LEGACY_SESSION_KEY = "staged_tables"
FILTERS = ("department", "role", "leader", "month", "missing", "light", "point")


def _filtered(rows, params):
    department = params.get("department", "")
    if department.isdecimal():
        name = Department.objects.filter(pk=department).values_list("name", flat=True).first()
        if params.get("role") == "lead":
            rows = [r for r in rows if name in r.lead]
        else:
            rows = [r for r in rows if name in r.lead or name in r.co]
    leader = params.get("leader")
    if leader and leader.isdecimal():
        rows = [r for r in rows if (r.task.leader_id or r.task.key_point.leader_id) == int(leader)]
    month = params.get("month", "")
    if len(month) == 7:
        rows = [r for r in rows if r.task.due_date and r.task.due_date.strftime("%Y-%m") == month]
    missing = params.get("missing")
    if missing == "due":
        rows = [r for r in rows if not r.task.due_date and not r.task.recurrence]
    elif missing == "lead":
        rows = [r for r in rows if not r.lead]
    elif missing == "unread":
        rows = [r for r in rows if r.task.deadline_unread]
    light, point = params.get("light"), params.get("point", "")
    if light:
        rows = [r for r in rows if r.light and r.light.light == light]
    if point.isdecimal():
        rows = [r for r in rows if r.task.key_point.number == int(point)]
    return rows


def _leaders():
    return (
        User.objects.filter(role_grants__role=Role.LEADER, is_active=True)
        .distinct()
        .order_by("full_name")
    )


@require_GET
def table(request, plan_id: int):
    plan = access_plan(request.user, plan_id)
    rows = table_rows(plan)
    lights = current_lights(plan)
    for row in rows:
        row.light = lights.get(row.task.pk)
    rows = _filtered(rows, request.GET)
    groups = [
        (key_point, list(items))
        for key_point, items in groupby(rows, key=lambda r: r.task.key_point)
    ]
    context = {
        "plan": plan,
        "groups": groups,
        "row_count": len(rows),
        "may_edit": may_change_plans(request.user),
        "departments": Department.objects.filter(is_active=True),
        "leaders": _leaders(),
        "params": request.GET,
        "key_points": plan.key_points.order_by("number"),
        "light_choices": TaskLight.Light.choices,
        "filtered": any(request.GET.get(k) for k in FILTERS),
        "upload_form": TableUploadForm(),
        "department_names": sorted(registry_names()),
    }
    return render(request, "plans/table.html", context)


@require_GET
def table_export(request, plan_id: int):
    plan = access_plan(request.user, plan_id)
    data = task_table_workbook(table_title(plan), table_rows(plan))
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{table_title(plan)}.xlsx")
    return response


def _row_for(task):
    row = table_row(task)
    row.light = current_lights(task.key_point.plan, tasks=[task]).get(task.pk)
    return row


def _check_editor(user):
    if not may_change_plans(user):
        raise PermissionDenied


@require_GET
def task_row(request, task_id: int):
    task = access_task(request.user, task_id)
    context = {"row": _row_for(task), "may_edit": may_change_plans(request.user)}
    return render(request, "plans/_table_row.html", context)


@require_http_methods(["GET", "POST"])
def task_row_edit(request, task_id: int):
    task = access_task(request.user, task_id)
    _check_editor(request.user)
    row = _row_for(task)
    conflict = None
    if request.method == "POST":
        form = TaskRowForm(request.POST)
        if form.is_valid():
            try:
                do_update_task(
                    task.pk,
                    form.task_values(task.key_point.leader),
                    read_version=form.cleaned_data["version"],
                    by=request.user,
                )
            except StaleEdit as stale:
                conflict = _row_for(stale.task)
                data = request.POST.copy()
                data["version"] = stale.task.version
                form = TaskRowForm(data)
                form.is_valid()
            else:
                context = {"row": _row_for(task), "may_edit": True, "saved": True}
                return render(request, "plans/_table_row.html", context)
    else:
        form = TaskRowForm(
            initial={
                "text": row.text,
                "leader": task.leader,
                "lead": "、".join(row.lead),
                "co": row.cells()["co"],
                "deadline": row.deadline,
                "outcome": row.outcome,
                "note": row.note,
                "version": task.version,
            }
        )
    context = {
        "row": row,
        "form": form,
        "conflict": conflict,
        "department_names": sorted(registry_names()),
    }
    template = "plans/_table_row_form.html" if request.htmx else "plans/table_row_edit.html"
    return render(request, template, context, status=409 if conflict and not request.htmx else 200)


@require_POST
def key_point_leader(request, key_point_id: int):
    key_point = get_object_or_404(KeyPoint.objects.select_related("plan"), pk=key_point_id)
    _check_editor(request.user)
    leader_id = request.POST.get("leader", "")
    leader = _leaders().filter(pk=leader_id).first() if leader_id.isdecimal() else None
    if leader_id and leader is None:  # e.g. an account closed while the page was open
        messages.error(
            request, _("The leader chosen is not (or no longer) a school leader; nothing changed.")
        )
        return redirect("plans:table", plan_id=key_point.plan_id)
    do_set_key_point_leader(key_point, leader, by=request.user)
    messages.success(
        request, _("Leader in charge of key point {number} saved.").format(number=key_point.number)
    )
    return redirect("plans:table", plan_id=key_point.plan_id)


@require_POST
def shift_due_dates(request, plan_id: int):
    plan = access_plan(request.user, plan_id)
    _check_editor(request.user)
    try:
        days = int(request.POST.get("days", ""))
    except ValueError:
        days = 0
    if not days or abs(days) > 366:
        messages.error(
            request,
            _(
                "Enter the number of days to move the due dates by, between -366 and 366, e.g. 7 or -7."
            ),
        )
        return redirect("plans:table", plan_id=plan.pk)
    point_id = request.POST.get("key_point", "")
    key_point = plan.key_points.filter(pk=point_id).first() if point_id.isdecimal() else None
    if point_id and key_point is None:
        messages.error(request, _("That key point is not in this plan; no due date was moved."))
        return redirect("plans:table", plan_id=plan.pk)
    try:
        moved = do_shift_due_dates(plan, days, key_point=key_point, by=request.user)
    except ShiftRefused as refused:
        messages.error(request, str(refused))
        return redirect("plans:table", plan_id=plan.pk)
    messages.success(
        request,
        _("Moved the due dates of {count} tasks by {days} days.").format(count=moved, days=days),
    )
    return redirect("plans:table", plan_id=plan.pk)


@require_POST
def table_upload(request, plan_id: int):
    plan = access_plan(request.user, plan_id)
    _check_editor(request.user)
    form = TableUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose an .xlsx file to upload."))
        return redirect("plans:table", plan_id=plan.pk)
    upload = form.cleaned_data["sheet"]
    too_large = file_too_large(upload, MAX_TABLE_BYTES)
    if too_large:
        context = {"plan": plan, "diff": TableDiff(errors=[too_large]), "name": upload.name}
        return render(request, "plans/table_diff.html", context, status=413)
    data = upload.read()
    diff = read_table(data, upload.name, plan)
    preview = None
    if not diff.errors:
        preview = do_stage_import_preview(
            owner=request.user,
            kind=ImportPreview.Kind.TASK_TABLE,
            name=upload.name,
            payload={"digest": diff.digest()},
            plan=plan,
            data=data,
        )
        request.session.pop(LEGACY_SESSION_KEY, None)  # what earlier versions kept there
    context = {
        "plan": plan,
        "diff": diff,
        "name": upload.name,
        "token": preview.token if preview else None,
    }
    return render(request, "plans/table_diff.html", context, status=400 if diff.errors else 200)


@require_POST
def table_apply(request, plan_id: int, token: str):
    plan = access_plan(request.user, plan_id)
    _check_editor(request.user)
    preview = access_import_preview(request.user, token, ImportPreview.Kind.TASK_TABLE)
    path = preview_file(preview) if preview else None
    if preview is None or preview.plan_id != plan.pk or not path.is_file():
        messages.error(request, _("This upload has expired. Please upload the table again."))
        return redirect("plans:table", plan_id=plan.pk)
    diff = read_table(path.read_bytes(), preview.name, plan)
    if diff.errors or diff.digest() != preview.payload["digest"]:
        messages.error(
            request, _("The plan changed after the table was read. Please upload it again.")
        )
        return redirect("plans:table", plan_id=plan.pk)
    try:
        counts = do_apply_table(
            plan,
            diff,
            by=request.user,
            source_name=preview.name,
            delete_reported=request.POST.get("delete_reported") == "1",
        )
    except TableChanged as exc:
        messages.error(request, str(exc))
        return redirect("plans:table", plan_id=plan.pk)
    except DeletionRefused as exc:
        messages.error(request, str(exc))
        context = {"plan": plan, "diff": diff, "name": preview.name, "token": token}
        return render(request, "plans/table_diff.html", context, status=400)
    do_discard_import_preview(preview)
    messages.success(
        request, _("Applied: {added} added, {changed} changed, {removed} removed.").format(**counts)
    )
    if diff.removed_work:
        messages.warning(
            request,
            _("Deleted together with the removed tasks: {work}.").format(
                work=diff.removed_work_total.describe()
            ),
        )
    return redirect("plans:table", plan_id=plan.pk)
