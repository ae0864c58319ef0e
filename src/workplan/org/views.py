from django.shortcuts import render
from django.views.decorators.http import require_GET

from workplan.org import queries
from workplan.org.access import access_department
from workplan.plans.queries import tasks_of_department


@require_GET
def department_list(request):
    context = {
        "departments": queries.departments_for_registry(),
        "groups": queries.groups_for_registry(),
    }
    return render(request, "org/department_list.html", context)


@require_GET
def department_detail(request, department_id: int):
    department = access_department(request.user, department_id)
    rows = tasks_of_department(department)
    context = {
        "department": department,
        "aliases": department.aliases.all(),
        "lead_rows": [r for r in rows if r.role == "lead"],
        "co_rows": [r for r in rows if r.role == "co"],
    }
    return render(request, "org/department_detail.html", context)
