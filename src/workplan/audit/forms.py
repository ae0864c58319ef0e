from django import forms
from django.utils.translation import gettext_lazy as _

from workplan.audit.labels import object_type_label
from workplan.audit.models import AuditRecord
from workplan.audit.queries import LogFilter, object_types


class DayField(forms.DateField):
    """A date filter whose refusal shows what was typed and the format it expects."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError:
            raise forms.ValidationError(
                _(
                    "“{value}” is not a date: write it as year-month-day, e.g. 2024-06-30. "
                    "The other filters were applied."
                ).format(value=value),
                code="invalid",
            ) from None


class LogFilterForm(forms.Form):
    text = forms.CharField(label=_("Contains"), required=False)
    actor = forms.CharField(label=_("By"), required=False)
    object_type = forms.ChoiceField(label=_("Object type"), required=False)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", "—"), *AuditRecord.Action.choices]
    )
    since = DayField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = DayField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["object_type"].choices = [
            ("", "—"),
            *((t, object_type_label(t)) for t in object_types()),
        ]

    def log_filter(self) -> LogFilter:
        """Return the filters asked for; one that is not valid is left out (the page says why),
        the others still apply."""
        self.is_valid()
        return LogFilter(**self.cleaned_data)
