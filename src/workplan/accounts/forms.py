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
    full_name = forms.CharField(label=_("Name"), max_length=100)
    email = forms.EmailField(label=_("E-mail"), required=False)

    def __init__(self, *args, person: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person

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


class AccountSheetForm(forms.Form):
    sheet = forms.FileField(
        label=_("Account list (.xlsx)"),
        help_text=_(
            "Columns: 姓名, 登录名, 邮箱, 部门, 角色. Several departments or roles are separated by 、."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )
