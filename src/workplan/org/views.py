from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from workplan.org import queries
from workplan.org.access import access_department, access_group, may_change_registry
from workplan.org.actions import do_set_group_members, do_update_department_contact
from workplan.org.forms import ContactForm, GroupMembersForm


@require_GET
def department_list(request):
    context = {
        "departments": queries.departments_for_registry(),
        "groups": queries.groups_for_registry(),
        "may_change": may_change_registry(request.user),
    }
    return render(request, "org/department_list.html", context)


@require_http_methods(["GET", "POST"])
def department_contact(request, department_id: int):
    """The contact details form; with HTMX it swaps in place of the details on the page."""
    department = access_department(request.user, department_id, contact=True)
    if request.method == "POST":
        form = ContactForm(request.POST)
        if form.is_valid():
            do_update_department_contact(department, **form.cleaned_data, by=request.user)
            if request.htmx:
                return render(
                    request,
                    "org/_contact.html",
                    {"department": department, "may_edit_contact": True},
                )
            return redirect("pages:department-detail", department_id=department.pk)
    else:
        form = ContactForm(initial={"phone": department.phone, "address": department.address})
    template = "org/_contact_form.html" if request.htmx else "org/contact_edit.html"
    return render(request, template, {"department": department, "form": form})


@require_http_methods(["GET", "POST"])
def group_edit(request, group_id: int):
    group = access_group(request.user, group_id, write=True)
    if request.method == "POST":
        form = GroupMembersForm(request.POST)
        if form.is_valid():
            do_set_group_members(group, form.cleaned_data["members"], by=request.user)
            return redirect("org:department-list")
    else:
        form = GroupMembersForm(initial={"members": group.members.all()})
    return render(request, "org/group_edit.html", {"group": group, "form": form})
