from django import forms
from django.utils.translation import gettext_lazy as _

from workplan.accounts.models import Role
from workplan.org.models import Department


class UserForm(forms.Form):
    full_name = forms.CharField(label=_("Name"), max_length=100)
    email = forms.EmailField(label=_("E-mail"), required=False)
    departments = forms.ModelMultipleChoiceField(
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
