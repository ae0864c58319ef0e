import logging
import math
from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from workplan.accounts import actions
from workplan.accounts.access import access_user, check_admin
from workplan.accounts.forms import AccountSheetForm, ResetPasswordForm, UserForm
from workplan.accounts.hashers import PasswordCheckUnavailable
from workplan.accounts.importing import MAX_XLSX_BYTES, read_account_sheet
from workplan.accounts.lockout import Verdict
from workplan.accounts.models import DeviceToken
from workplan.accounts.queries import device_token, login_verdict, users_for_admin
from workplan.core.net import client_ip
from workplan.core.uploads import file_too_large

logger = logging.getLogger(__name__)

# Holds the random device token of a browser in which someone signed in (DeviceToken).
DEVICE_COOKIE = "workplan_device"


@require_GET
def user_list(request):
    check_admin(request.user)
    return render(request, "accounts/user_list.html", {"users": users_for_admin()})


@require_http_methods(["GET", "POST"])
def user_edit(request, user_id: int):
    person = access_user(request.user, user_id)
    if request.method == "POST":
        form = UserForm(request.POST, person=person, actor=request.user)
        if form.is_valid():
            actions.do_update_user(person, **form.cleaned_data, by=request.user)
            if form.member_of_no_department():
                messages.warning(
                    request,
                    _(
                        "{name} is a department head or liaison but belongs to no department."
                    ).format(name=person.display_name),
                )
            messages.success(request, _("Saved {name}.").format(name=person.display_name))
            return redirect("accounts:user-list")
    else:
        form = UserForm(person=person, actor=request.user)
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
                actions.do_import_accounts(sheet.rows, by=request.user, request=request)
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


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's reset page; its form saves through do_reset_password (audit trail, unlocking)."""

    form_class = ResetPasswordForm
    success_url = reverse_lazy("password_reset_complete")


def _locked_out(request, until: datetime) -> HttpResponse:
    seconds = max(1, math.ceil((until - timezone.now()).total_seconds()))
    context = {
        "failure_limit": settings.WORKPLAN_LOGIN_FAILURE_LIMIT,
        "minutes": math.ceil(seconds / 60),
        "until": until,
    }
    response = render(request, "registration/locked_out.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response


def _server_busy() -> HttpResponse:
    """Return the page for a sign-in the server could not check; it needs nothing that could
    fail again (no database, no session)."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = "30"
    return response


class LoginView(auth_views.LoginView):
    """Django's sign-in page under the lock-out rules of accounts/lockout.py."""

    def post(self, request, *args, **kwargs):
        self.username = request.POST.get("username", "")
        self.address = client_ip(request) or ""
        now = timezone.now()
        self.device = device_token(request.COOKIES.get(DEVICE_COOKIE, ""), self.username, now=now)
        verdict = login_verdict(self.username, self.address, now=now, device=self.device)
        if verdict.locked_until is not None:
            return _locked_out(request, verdict.locked_until)  # the password is not even checked
        if not verdict.allowed:
            return self._must_wait(verdict)
        try:
            return super().post(request, *args, **kwargs)
        except (MemoryError, PasswordCheckUnavailable):
            logger.exception("A password could not be checked; the attempt was not counted")
            return _server_busy()

    def form_invalid(self, form):
        if form.has_error(NON_FIELD_ERRORS, "invalid_login"):
            now = timezone.now()
            spent = actions.do_record_login_failure(
                self.username, self.address, at=now, device=self.device
            )
            device = None if spent else self.device
            verdict = login_verdict(self.username, self.address, now=now, device=device)
            if verdict.locked_until is not None:
                return _locked_out(self.request, verdict.locked_until)
        return super().form_invalid(form)

    def form_valid(self, form):
        user = form.get_user()
        device = self.device if self.device and self.device.user_id == user.pk else None
        if device is None:
            actions.do_forget_login_failures(user, self.address)
        response = super().form_valid(form)  # Django gives the session a new key here
        token = actions.do_remember_device(user, device, at=timezone.now())
        response.set_cookie(
            DEVICE_COOKIE,
            token or self.request.COOKIES[DEVICE_COOKIE],  # a kept token's cookie is renewed
            max_age=int(DeviceToken.LIFETIME.total_seconds()),
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response

    def _must_wait(self, verdict: Verdict) -> HttpResponse:
        seconds = verdict.wait_seconds
        if verdict.reason == "address":
            message = ngettext(
                "Too many wrong passwords have come from your network address recently. Please try again in {seconds} second.",
                "Too many wrong passwords have come from your network address recently. Please try again in {seconds} seconds.",
                seconds,
            )
        else:
            message = ngettext(
                "Too many wrong passwords have been tried for this account recently. Please try again in {seconds} second.",
                "Too many wrong passwords have been tried for this account recently. Please try again in {seconds} seconds.",
                seconds,
            )
        # An unbound form: a bound one would check the password when the page shows its errors.
        form = self.get_form_class()(self.request, initial={"username": self.username})
        context = self.get_context_data(form=form, wait=message.format(seconds=seconds))
        response = self.render_to_response(context, status=429)
        response["Retry-After"] = str(seconds)
        return response
