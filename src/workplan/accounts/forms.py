from functools import partial

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from workplan.accounts.actions import do_reset_password
from workplan.accounts.models import User
from workplan.core.after_response import after_response
from workplan.core.ids import IdMultipleChoiceField
from workplan.core.roles import Role
from workplan.org.models import Department


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, mailing once the answer has gone: the answer then takes as long
    for an address nobody has as for a known one, and says nothing about who has an account."""

    def send_mail(self, *args, **kwargs):
        after_response(partial(super().send_mail, *args, **kwargs))


class ResetPasswordForm(auth_forms.SetPasswordForm):
    """Django's new-password form behind the e-mailed link, saved by do_reset_password: with
    its audit record, unlocking the account, in one transaction."""

    def save(self, commit=True):
        if not commit:
            return super().save(commit=False)
        return do_reset_password(self.user, self.cleaned_data["new_password1"])


class UserForm(forms.Form):
    """An administrator's form for one account; unbound, it shows the account as it is."""

    full_name = forms.CharField(label=_("Name"), max_length=100)
    email = forms.EmailField(label=_("E-mail"), required=False)

    def __init__(self, data=None, *, person: User, actor: User, **kwargs):
        if data is None:
            kwargs.setdefault(
                "initial",
                {
                    "full_name": person.full_name,
                    "email": person.email,
                    "departments": person.departments.all(),
                    "roles": list(person.role_grants.values_list("role", flat=True)),
                },
            )
        super().__init__(data, **kwargs)
        self.person, self.actor = person, actor

    def clean_email(self):
        email = self.cleaned_data["email"]
        other = (
            User.objects.filter(email__iexact=email).exclude(pk=self.person.pk).first()
            if email
            else None
        )
        if other is not None:
            # A reset link goes to an address: two accounts on one address is one inbox
            # able to take over both.
            raise forms.ValidationError(
                _("“{value}” is already the e-mail address of the account “{other}”.").format(
                    value=email, other=other.username
                )
            )
        return email

    departments = IdMultipleChoiceField(
        label=_("Departments"),
        queryset=Department.objects.filter(is_active=True),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=Role.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    def clean_roles(self):
        roles = self.cleaned_data["roles"]
        if self.person == self.actor and Role.ADMIN not in roles:
            raise forms.ValidationError(_("You cannot remove your own administrator role."))
        return roles

    def member_of_no_department(self) -> bool:
        """Return whether the saved account is a head or liaison without a department."""
        roles = set(self.cleaned_data["roles"])
        return bool({Role.HEAD, Role.LIAISON} & roles) and not self.cleaned_data["departments"]


class AccountSheetForm(forms.Form):
    sheet = forms.FileField(
        label=_("Account list (.xlsx)"),
        help_text=_(
            "Columns: 姓名, 登录名, 邮箱, 部门, 角色. Several departments or roles are separated by 、."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )
