from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from workplan.core.errors import WrongState
from workplan.org import queries
from workplan.org.access import (
    access_alias,
    access_department,
    access_group,
    may_change_registry,
)
from workplan.org.actions import (
    do_add_alias,
    do_confirm_departments,
    do_merge_departments,
    do_remove_alias,
    do_rename_department,
    do_set_department_kind,
    do_set_group_members,
    do_update_department_contact,
)
from workplan.org.forms import (
    AliasForm,
    ConfirmForm,
    ContactForm,
    GroupMembersForm,
    KindForm,
    MergeForm,
    RenameForm,
)


@require_GET
def department_list(request):
    may_change = may_change_registry(request.user)
    groups = list(queries.groups_for_registry())
    context = {
        "departments": queries.departments_for_registry(),
        "groups": groups,
        "empty_groups": queries.empty_groups_in_use(groups),
        "may_change": may_change,
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
            if not form.cleaned_data["members"]:
                messages.warning(
                    request,
                    _("“{name}” has no members: tasks assigned to it reach no department.").format(
                        name=group.name
                    ),
                )
            return redirect("org:department-list")
    else:
        form = GroupMembersForm(initial={"members": group.members.all()})
    return render(request, "org/group_edit.html", {"group": group, "form": form})


def _edit_page(request, department, status=200, **forms):
    context = {
        "department": department,
        "aliases": department.aliases.order_by("name"),
        "names": department.names.order_by("-valid_from"),
        "kind_form": forms.get("kind_form") or KindForm(initial={"kind": department.kind}),
        "rename_form": forms.get("rename_form")
        or RenameForm(initial={"valid_from": timezone.localdate()}),
        "alias_form": forms.get("alias_form") or AliasForm(),
        "merge_form": forms.get("merge_form") or _merge_form(department),
    }
    return render(request, "org/department_edit.html", context, status=status)


def _merge_form(department, data=None) -> MergeForm:
    form = MergeForm(data)
    form.fields["into"].queryset = form.fields["into"].queryset.exclude(pk=department.pk)
    return form


@require_GET
def department_edit(request, department_id: int):
    department = access_department(request.user, department_id, write=True)
    return _edit_page(request, department)


@require_POST
def department_confirm(request, department_id: int):
    department = access_department(request.user, department_id, write=True)
    if do_confirm_departments([department], by=request.user):
        messages.success(request, _("{name} is confirmed.").format(name=department.name))
    else:
        messages.info(request, _("{name} was already confirmed.").format(name=department.name))
    return redirect("org:department-edit", department_id=department.pk)


@require_POST
def departments_confirm(request):
    """Confirm the departments ticked on the registry page."""
    if not may_change_registry(request.user):
        raise PermissionDenied
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for es in form.errors.values() for e in es))
        return redirect("org:department-list")
    n = do_confirm_departments(form.cleaned_data["departments"], by=request.user)
    messages.success(
        request, ngettext("{n} department confirmed.", "{n} departments confirmed.", n).format(n=n)
    )
    return redirect("org:department-list")


@require_POST
def department_kind(request, department_id: int):
    department = access_department(request.user, department_id, write=True)
    form = KindForm(request.POST)
    if not form.is_valid():
        return _edit_page(request, department, status=400, kind_form=form)
    do_set_department_kind(department, form.cleaned_data["kind"], by=request.user)
    messages.success(request, _("Saved the kind of {name}.").format(name=department.name))
    return redirect("org:department-edit", department_id=department.pk)


@require_POST
def department_rename(request, department_id: int):
    department = access_department(request.user, department_id, write=True)
    form = RenameForm(request.POST)
    if form.is_valid():
        former = department.name
        try:
            department = do_rename_department(
                department,
                form.cleaned_data["name"],
                form.cleaned_data["valid_from"],
                by=request.user,
            )
        except WrongState as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _(
                    "{former} is now called {name}; reports filed before {day} keep the former "
                    "name."
                ).format(
                    former=former,
                    name=department.name,
                    day=form.cleaned_data["valid_from"].isoformat(),
                ),
            )
            return redirect("org:department-edit", department_id=department.pk)
    return _edit_page(request, department, status=400, rename_form=form)


@require_POST
def alias_add(request, department_id: int):
    department = access_department(request.user, department_id, write=True)
    form = AliasForm(request.POST)
    if form.is_valid():
        try:
            alias = do_add_alias(department, form.cleaned_data["name"], by=request.user)
        except WrongState as exc:
            form.add_error("name", str(exc))
        else:
            messages.success(
                request,
                _("“{alias}” now also names {name}.").format(
                    alias=alias.name, name=department.name
                ),
            )
            return redirect("org:department-edit", department_id=department.pk)
    return _edit_page(request, department, status=400, alias_form=form)


@require_POST
def alias_remove(request, alias_id: int):
    alias = access_alias(request.user, alias_id)
    department = alias.department
    do_remove_alias(alias, by=request.user)
    messages.success(
        request,
        _("“{alias}” no longer names {name}.").format(alias=alias.name, name=department.name),
    )
    return redirect("org:department-edit", department_id=department.pk)


@require_http_methods(["GET", "POST"])
def department_merge(request, department_id: int):
    """GET: what merging this department into the one chosen (`?into=`) would move, with a
    button to do it. POST: the merge."""
    source = access_department(request.user, department_id, write=True)
    form = _merge_form(source, request.POST if request.method == "POST" else request.GET)
    if not form.is_valid():
        return _edit_page(request, source, status=400, merge_form=form)
    target = form.cleaned_data["into"]
    if request.method == "GET":
        context = {
            "source": source,
            "target": target,
            "lines": queries.merge_preview(source, target, timezone.localdate()),
        }
        return render(request, "org/department_merge.html", context)
    try:
        lines = do_merge_departments(source, target, by=request.user)
    except WrongState as exc:
        form.add_error(None, str(exc))
        return _edit_page(request, source, status=400, merge_form=form)
    messages.success(
        request,
        _("{source} is merged into {target}.").format(source=source.name, target=target.name),
    )
    for line in lines:
        (messages.warning if line.warning else messages.info)(request, line.text)
    return redirect("org:department-edit", department_id=target.pk)
