from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from workplan.accounts import actions
from workplan.accounts.access import access_user, check_admin
from workplan.accounts.forms import AccountSheetForm, UserForm
from workplan.accounts.importing import MAX_XLSX_BYTES, read_account_sheet
from workplan.accounts.models import Role, RoleGrant, User
from workplan.audit.records import record_changed
from workplan.core.uploads import file_too_large
from workplan.org.models import Department


@require_GET
def user_list(request):
    check_admin(request.user)
    users = User.objects.prefetch_related(
        Prefetch("departments", queryset=Department.objects.order_by("name")),
        Prefetch("role_grants", queryset=RoleGrant.objects.order_by("role")),
    ).order_by("-is_active", "username")
    return render(request, "accounts/user_list.html", {"users": users})


@require_http_methods(["GET", "POST"])
def user_edit(request, user_id: int):
    person = access_user(request.user, user_id)
    if request.method == "POST":
        form = UserForm(request.POST, person=person)
        if (
            form.is_valid()
            and person == request.user
            and Role.ADMIN not in form.cleaned_data["roles"]
        ):
            form.add_error("roles", _("You cannot remove your own administrator role."))
        if form.is_valid():
            actions.do_update_user(person, **form.cleaned_data, by=request.user)
            if {Role.HEAD, Role.LIAISON} & set(
                form.cleaned_data["roles"]
            ) and not form.cleaned_data["departments"]:
                messages.warning(
                    request,
                    _(
                        "{name} is a department head or liaison but belongs to no department."
                    ).format(name=person.display_name),
                )
            messages.success(request, _("Saved {name}.").format(name=person.display_name))
            return redirect("accounts:user-list")
    else:
        form = UserForm(
            person=person,
            initial={
                "full_name": person.full_name,
                "email": person.email,
                "departments": person.departments.all(),
                "roles": list(person.role_grants.values_list("role", flat=True)),
            },
        )
    return render(request, "accounts/user_edit.html", {"person": person, "form": form})


@require_POST
def user_set_active(request, user_id: int, active: bool):
    person = access_user(request.user, user_id)
    if person == request.user and not active:
        messages.error(request, _("You cannot deactivate your own account."))
    else:
        actions.do_set_user_active(person, active, by=request.user)
        message = _("{name} can sign in again.") if active else _("{name} can no longer sign in.")
        messages.success(request, message.format(name=person.display_name))
    return redirect("accounts:user-list")


@require_POST
def user_unlock(request, user_id: int):
    person = access_user(request.user, user_id)
    if actions.do_unlock_user(person, by=request.user):
        messages.success(request, _("{name} is unlocked.").format(name=person.display_name))
    else:
        messages.info(request, _("{name} was not locked.").format(name=person.display_name))
    return redirect("accounts:user-list")


@require_http_methods(["GET", "POST"])
def user_import(request):
    check_admin(request.user)
    form = AccountSheetForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["sheet"]
        too_large = file_too_large(upload, MAX_XLSX_BYTES)
        sheet = None if too_large else read_account_sheet(upload.read(), upload.name)
        errors = [too_large] if too_large else sheet.errors
        try:
            if not errors:
                _create_accounts(request, sheet.rows)
        except actions.AccountRefused as exc:  # an account made since the sheet was read
            errors = [str(exc)]
        if not errors:
            messages.success(
                request,
                _(
                    "Created {count} accounts; each with an e-mail address was sent a link to set a password."
                ).format(count=len(sheet.rows)),
            )
            return redirect("accounts:user-list")
    status = 400 if errors or form.errors else 200
    return render(
        request, "accounts/user_import.html", {"form": form, "errors": errors}, status=status
    )


@transaction.atomic
def _create_accounts(request, rows) -> None:
    for row in rows:
        user = actions.do_create_user(
            username=row.username,
            full_name=row.full_name,
            email=row.email,
            departments=row.departments,
            roles=row.roles,
            by=request.user,
        )
        actions.do_send_password_link(user, request=request, invitation=True)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's reset page, recording the change of password in the audit trail."""

    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            record_changed(form.user, [("password", "", _("(reset by e-mail link)"))], by=form.user)
        return response
