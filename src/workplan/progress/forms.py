from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from workplan.core.ids import IdChoiceField
from workplan.core.limits import NOTE_CHARS, REPORT_TEXT_CHARS, LimitedText
from workplan.org.models import Department
from workplan.progress.models import ProgressReport, ReportingPeriod, Schedule


class ReportForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ProgressReport.Status.choices)
    percent = forms.IntegerField(label=_("Percent complete"), min_value=0, max_value=100)
    progress = LimitedText(
        limit=REPORT_TEXT_CHARS,
        label=_("Progress this period"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    problems = LimitedText(
        limit=REPORT_TEXT_CHARS,
        label=_("Difficulties and requests"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    next_steps = LimitedText(
        limit=REPORT_TEXT_CHARS,
        label=_("Next steps"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("status") == ProgressReport.Status.DONE and data.get("percent") not in (
            None,
            100,
        ):
            self.add_error(
                "percent",
                _("A completed task must be at 100 percent; choose another status or set 100."),
            )
        return data


class EvidenceForm(forms.Form):
    # The file input sits in the report's own form, whose other buttons must submit without
    # a file; a missing file is reported by the server when 上传 is pressed.
    use_required_attribute = False

    file = forms.FileField(
        label=_("Evidence file"), help_text=_("PDF, Word, Excel, JPEG or PNG; at most 20 MB.")
    )


class ReturnForm(forms.Form):
    """A report sent back to its department, by its head before it reaches the office (send
    back) or by the office after (return): the one place that asks for the reason."""

    NO_REASON = "no_reason"  # the error's code, for views that tell it apart

    comment = LimitedText(
        limit=NOTE_CHARS,
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def returns(self) -> bool:
        """Return whether the form, as filled in, sends the report back."""
        return True

    def clean(self):
        data = super().clean()
        if "comment" in data and not data["comment"] and self.returns():
            self.add_error(
                "comment",
                forms.ValidationError(
                    _("Say why the report is returned, so the department knows what to change."),
                    code=self.NO_REASON,
                ),
            )
        return data


class SendBackForm(ReturnForm):
    """The department head's sending back, before the report reaches the office."""


class ReviewForm(ReturnForm):
    """The office's decision on a submitted report: accept, or return with a reason."""

    class Decision(models.TextChoices):
        ACCEPT = "accept", _("Accept")
        RETURN = "return", _("Return for revision")

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=Decision,
        error_messages={
            "required": _("Choose Accept or Return for revision."),
            "invalid_choice": _("Choose Accept or Return for revision."),
        },
    )
    field_order = ["decision", "comment"]

    def returns(self) -> bool:
        return self.cleaned_data.get("decision") == self.Decision.RETURN


class ScheduleForm(forms.Form):
    cadence = forms.ChoiceField(label=_("Cadence"), choices=Schedule.Cadence.choices)
    due_day = forms.IntegerField(label=_("Reports due on day"), min_value=1, max_value=31)
    head_approval = forms.BooleanField(
        label=_("Department head approves before submission"), required=False
    )
    lag_points = forms.IntegerField(
        label=_("Yellow when behind the expected progress by more than (points)"),
        min_value=0,
        max_value=100,
    )
    show_ranking = forms.BooleanField(
        label=_("Departments see the on-time reporting ranking"), required=False
    )
    near_days = forms.IntegerField(
        label=_("Blue when the deadline is within (days)"), min_value=0, max_value=365
    )


class PeriodForm(forms.Form):
    label = forms.CharField(label=_("Name"), max_length=50)
    # A date input takes only ISO dates: the locale's 2024年6月1日 would leave it empty.
    opens_on = forms.DateField(
        label=_("Opens on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    due_on = forms.DateField(
        label=_("Due on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


class ReviewFilterForm(forms.Form):
    """The review queue's filters; a value that is not one of the choices is ignored."""

    period = IdChoiceField(
        label=_("Period"), queryset=ReportingPeriod.objects.none(), required=False, empty_label="—"
    )
    department = IdChoiceField(
        label=_("Department"), queryset=Department.objects.none(), required=False, empty_label="—"
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", "—"), *ProgressReport.Status.choices],
        required=False,
    )
    late = forms.BooleanField(label=_("Late only"), required=False)

    def __init__(self, data, waiting):
        super().__init__(data)
        self.fields["period"].queryset = ReportingPeriod.objects.filter(
            pk__in=waiting.values("period_id")
        ).order_by("-opens_on")
        self.fields["period"].label_from_instance = lambda period: period.display_label
        self.fields["department"].queryset = Department.objects.filter(
            pk__in=waiting.values("department_id")
        )

    def apply(self, reports):
        """Return `reports` narrowed by the valid filters."""
        self.is_valid()
        chosen = {k: v for k, v in self.cleaned_data.items() if v}
        if "period" in chosen:
            reports = reports.filter(period=chosen["period"])
        if "department" in chosen:
            reports = reports.filter(department=chosen["department"])
        if "status" in chosen:
            reports = reports.filter(status=chosen["status"])
        if chosen.get("late"):
            reports = reports.filter(late=True)
        return reports
