from django import forms
from django.utils.translation import gettext_lazy as _

from workplan.core.ids import IdChoiceField, IdMultipleChoiceField
from workplan.org.models import Department
from workplan.parsing.review import LONGEST_NAME


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


class ConfirmForm(forms.Form):
    departments = IdMultipleChoiceField(
        label=_("Departments"),
        queryset=Department.objects.filter(needs_review=True),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick the departments to confirm.")},
    )


class KindForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Department.Kind.choices)


class RenameForm(forms.Form):
    name = forms.CharField(label=_("New name"), max_length=LONGEST_NAME)
    valid_from = forms.DateField(
        label=_("In force from"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Reports filed before this day keep the former name."),
    )


class AliasForm(forms.Form):
    name = forms.CharField(label=_("Short name"), max_length=LONGEST_NAME)


class MergeForm(forms.Form):
    into = IdChoiceField(
        label=_("Merge into"),
        queryset=Department.objects.filter(is_active=True),
        empty_label="—",
        error_messages={"required": _("Choose the department to merge into.")},
    )
