from django import forms
from django.utils.translation import gettext_lazy as _

from workplan.core.ids import IdMultipleChoiceField
from workplan.org.models import Department


class ContactForm(forms.Form):
    phone = forms.CharField(label=_("Office phone"), max_length=50, required=False)
    address = forms.CharField(label=_("Office address"), max_length=200, required=False)


class GroupMembersForm(forms.Form):
    members = IdMultipleChoiceField(
        label=_("Members"),
        queryset=Department.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
