"""Pages that show several apps' data at once: where each person starts, a plan, a task, a
department, and the task table with its lights."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from workplan.core.roles import Role, is_admin, is_supervisor, member_department_ids
from workplan.org.access import access_department, may_change_contact, may_change_registry
from workplan.org.queries import empty_group_names, registry_names
from workplan.pages import queries, workbench
from workplan.pages.access import may_see_department_dashboards
from workplan.plans.access import access_plan, access_task, check_may_change_plans, may_change_plans
from workplan.plans.queries import (
    key_points_for_plan,
    plan_follow_ups,
    task_leader_problem,
    with_leader_problems,
)
from workplan.plans.table_actions import StaleEdit, do_update_task
from workplan.plans.table_forms import TableUploadForm, TaskRowForm
from workplan.progress.access import sees_all_reports
from workplan.progress.queries import scheduled_plans


@require_GET
def home(request):
    """The 工作台: what the signed-in person has to do now, a part for each role they hold."""
    user = request.user
    today = timezone.localdate()
    context = {"today": today, "plans": list(workbench.running_plans(today))}
    if member_department_ids(user):
        context["desk"] = workbench.department_desk(user, today)
    if is_supervisor(user) or is_admin(user):
        context["office"] = workbench.office_desk(today)
        context["office_acts"] = is_supervisor(user)
    if user.has_role(Role.LEADER):
        context["leader"] = workbench.leader_desk(user, today)
    return render(request, "pages/home.html", context)


@require_GET
def plan_detail(request, plan_id: int):
    plan = access_plan(request.user, plan_id)
    key_points = with_leader_problems(key_points_for_plan(plan))
    may_change = may_change_plans(request.user)
    context = {
        "plan": plan,
        "key_points": key_points,
        "leaders_unmatched": any(
            kp.leader_problem or any(t.leader_problem for t in kp.tasks.all()) for kp in key_points
        ),
        "may_change": may_change,
        "sees_all": sees_all_reports(request.user),
        # What the office still has to do after the import, shown to the office only.
        "follow_ups": plan_follow_ups(plan) if may_change else None,
        "unscheduled": may_change and not scheduled_plans().filter(pk=plan.pk).exists(),
        "manages_accounts": is_admin(request.user),
    }
    return render(request, "pages/plan_detail.html", context)


@require_GET
def task_detail(request, task_id: int):
    task = access_task(request.user, task_id)
    key_point = task.key_point
    context = {
        "task": task,
        "key_point": key_point,
        "plan": key_point.plan,
        "own": task.responsible,
        "inherited": key_point.responsible,
        "leader_problem": task_leader_problem(task),
        # Reports, notices and the history come filtered by who may read them.
        **queries.task_page(request.user, task),
    }
    responsible = context["own"] or context["inherited"]
    context["empty_groups"] = empty_group_names(responsible.groups)
    return render(request, "pages/task_detail.html", context)


@require_GET
def department_detail(request, department_id: int):
    department = access_department(request.user, department_id)
    context = {
        "department": department,
        "aliases": department.aliases.all(),
        **queries.department_tasks(department),
        "may_edit_contact": may_change_contact(request.user, department),
        "may_edit_registry": may_change_registry(request.user),
        "dashboards": scheduled_plans()[:3]
        if may_see_department_dashboards(request.user, department)
        else [],
    }
    return render(request, "pages/department_detail.html", context)


@require_GET
def table(request, plan_id: int):
    plan = access_plan(request.user, plan_id)
    groups, row_count = queries.table_groups(plan, request.GET)
    context = {
        "plan": plan,
        "groups": groups,
        "row_count": row_count,
        "may_edit": may_change_plans(request.user),
        **queries.table_filter_choices(plan),
        "params": request.GET,
        "filtered": any(request.GET.get(k) for k in queries.TABLE_FILTERS),
        "upload_form": TableUploadForm(),
        "department_names": sorted(registry_names()),
    }
    return render(request, "pages/table.html", context)


@require_GET
def task_row(request, task_id: int):
    task = access_task(request.user, task_id)
    context = {
        "row": queries.table_row_with_light(task),
        "may_edit": may_change_plans(request.user),
    }
    return render(request, "pages/_table_row.html", context)


@require_http_methods(["GET", "POST"])
def task_row_edit(request, task_id: int):
    task = access_task(request.user, task_id)
    check_may_change_plans(request.user)
    row = queries.table_row_with_light(task)
    conflict = None
    if request.method == "POST":
        form = TaskRowForm(request.POST, task=task)
        if form.is_valid():
            try:
                do_update_task(
                    task.pk,
                    form.task_values(task.key_point.leader),
                    read_version=form.cleaned_data["version"],
                    by=request.user,
                )
            except StaleEdit as stale:
                conflict = queries.table_row_with_light(stale.task)
                data = request.POST.copy()
                data["version"] = stale.task.version
                form = TaskRowForm(data, task=task)
                form.is_valid()
            else:
                context = {
                    "row": queries.table_row_with_light(task),
                    "may_edit": True,
                    "saved": True,
                }
                return render(request, "pages/_table_row.html", context)
    else:
        form = TaskRowForm(
            task=task,
            initial={
                "text": row.text,
                "leader": task.leader,
                "lead": "、".join(row.lead),
                "co": row.cells()["co"],
                "deadline": row.deadline,
                "outcome": row.outcome,
                "note": row.note,
                "version": task.version,
            },
        )
    context = {
        "row": row,
        "form": form,
        "conflict": conflict,
        "department_names": sorted(registry_names()),
    }
    template = "pages/_table_row_form.html" if request.htmx else "pages/table_row_edit.html"
    return render(request, template, context, status=409 if conflict and not request.htmx else 200)
