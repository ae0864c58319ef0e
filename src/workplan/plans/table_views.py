"""The task table's actions: Excel export and import, moving due dates, a key point's leader.
The page itself and its row editor show the lights, and so live in pages."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from workplan.core.uploads import file_too_large
from workplan.plans.access import (
    access_import_preview,
    access_key_point,
    access_plan,
    check_may_change_plans,
)
from workplan.plans.actions import (
    DeletionRefused,
    do_discard_import_preview,
    do_stage_import_preview,
    preview_file,
)
from workplan.plans.models import ImportPreview
from workplan.plans.queries import key_point_of, school_leader
from workplan.plans.table import table_rows, table_title
from workplan.plans.table_actions import (
    ShiftRefused,
    TableChanged,
    do_apply_table,
    do_set_key_point_leader,
    do_shift_due_dates,
)
from workplan.plans.table_forms import TableUploadForm
from workplan.plans.table_import import MAX_TABLE_BYTES, TableDiff, read_table
from workplan.plans.xlsx import task_table_workbook

LEGACY_SESSION_KEY = "staged_tables"


@require_GET
def table_export(request, plan_id: int):
    plan = access_plan(request.user, plan_id)
    data = task_table_workbook(table_title(plan), table_rows(plan))
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{table_title(plan)}.xlsx")
    return response


@require_POST
def key_point_leader(request, key_point_id: int):
    key_point = access_key_point(request.user, key_point_id)
    check_may_change_plans(request.user)
    leader_id = request.POST.get("leader", "")
    leader = school_leader(leader_id)
    if leader_id and leader is None:  # e.g. an account closed while the page was open
        messages.error(
            request, _("The leader chosen is not (or no longer) a school leader; nothing changed.")
        )
        return redirect("pages:table", plan_id=key_point.plan_id)
    do_set_key_point_leader(key_point, leader, by=request.user)
    messages.success(
        request, _("Leader in charge of key point {number} saved.").format(number=key_point.number)
    )
    return redirect("pages:table", plan_id=key_point.plan_id)


@require_POST
def shift_due_dates(request, plan_id: int):
    plan = access_plan(request.user, plan_id)
    check_may_change_plans(request.user)
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
        return redirect("pages:table", plan_id=plan.pk)
    point_id = request.POST.get("key_point", "")
    key_point = key_point_of(plan, point_id)
    if point_id and key_point is None:
        messages.error(request, _("That key point is not in this plan; no due date was moved."))
        return redirect("pages:table", plan_id=plan.pk)
    try:
        moved = do_shift_due_dates(plan, days, key_point=key_point, by=request.user)
    except ShiftRefused as refused:
        messages.error(request, str(refused))
        return redirect("pages:table", plan_id=plan.pk)
    messages.success(
        request,
        _("Moved the due dates of {count} tasks by {days} days.").format(count=moved, days=days),
    )
    return redirect("pages:table", plan_id=plan.pk)


@require_POST
def table_upload(request, plan_id: int):
    plan = access_plan(request.user, plan_id)
    check_may_change_plans(request.user)
    form = TableUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose an .xlsx file to upload."))
        return redirect("pages:table", plan_id=plan.pk)
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
    check_may_change_plans(request.user)
    preview = access_import_preview(request.user, token, ImportPreview.Kind.TASK_TABLE)
    path = preview_file(preview) if preview else None
    if preview is None or preview.plan_id != plan.pk or not path.is_file():
        messages.error(request, _("This upload has expired. Please upload the table again."))
        return redirect("pages:table", plan_id=plan.pk)
    diff = read_table(path.read_bytes(), preview.name, plan)
    if diff.errors or diff.digest() != preview.payload["digest"]:
        messages.error(
            request, _("The plan changed after the table was read. Please upload it again.")
        )
        return redirect("pages:table", plan_id=plan.pk)
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
        return redirect("pages:table", plan_id=plan.pk)
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
    return redirect("pages:table", plan_id=plan.pk)
