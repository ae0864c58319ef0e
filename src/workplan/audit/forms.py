from django import forms
from django.utils.translation import gettext_lazy as _

from workplan.audit.labels import object_type_label
from workplan.audit.models import AuditRecord
from workplan.audit.queries import LogFilter, object_types


class LogFilterForm(forms.Form):
    text = forms.CharField(label=_("Contains"), required=False)
    actor = forms.CharField(label=_("By"), required=False)
    object_type = forms.ChoiceField(label=_("Object type"), required=False)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", "—"), *AuditRecord.Action.choices]
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["object_type"].choices = [
            ("", "—"),
            *((t, object_type_label(t)) for t in object_types()),
        ]

    def log_filter(self) -> LogFilter:
        return LogFilter(**self.cleaned_data) if self.is_valid() else LogFilter()
