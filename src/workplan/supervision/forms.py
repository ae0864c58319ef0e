"""What the task page's supervision forms accept; every problem names its field."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from workplan.core.ids import IdChoiceField, IdMultipleChoiceField
from workplan.core.limits import NOTE_CHARS, LimitedText
from workplan.org.models import Department
from workplan.plans.models import Task
from workplan.supervision.models import Notice


def _text(label):
    return LimitedText(limit=NOTE_CHARS, label=label)


def _check_reply_due(reply_due):
    """Return the reply deadline unless it has passed."""
    today = timezone.localdate()
    if reply_due is not None and reply_due < today:
        raise forms.ValidationError(
            # The field's label ("Reply by") goes before this sentence: it must not repeat it.
            _("{date} has passed; choose today or a later day.").format(date=reply_due.isoformat())
        )
    return reply_due


class OrdersForm(forms.Form):
    """督办单 to several departments and/or tasks of one plan: one each, numbered in a row."""

    departments = IdMultipleChoiceField(
        label=_("Departments"), queryset=Department.objects.filter(is_active=True), required=False
    )
    tasks = IdMultipleChoiceField(label=_("Tasks"), queryset=Task.objects.none(), required=False)
    requirement = _text(_("Requirement"))
    reply_due = forms.DateField(label=_("Reply by"), required=False)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tasks"].queryset = Task.objects.filter(key_point__plan=plan).select_related(
            "key_point"
        )

    def clean_reply_due(self):
        return _check_reply_due(self.cleaned_data["reply_due"])

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("departments") and not cleaned.get("tasks") and not self.errors:
            raise forms.ValidationError(_("Choose at least one department or task."))
        return cleaned


class ChaseForm(forms.Form):
    """The 催办 the office sends by hand: departments missing reports, and overdue tasks."""

    departments = IdMultipleChoiceField(
        label=_("Departments"), queryset=Department.objects.all(), required=False
    )
    tasks = IdMultipleChoiceField(label=_("Tasks"), queryset=Task.objects.none(), required=False)
    words = LimitedText(limit=NOTE_CHARS, label=_("Requirement"), required=False)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tasks"].queryset = Task.objects.filter(key_point__plan=plan).select_related(
            "key_point"
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("departments") and not cleaned.get("tasks") and not self.errors:
            raise forms.ValidationError(_("Choose at least one department or task to chase."))
        return cleaned


class OrderFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=pgettext_lazy("notice", "State"),
        choices=[("", _("All")), *Notice.State.choices],
        required=False,
    )
    department = IdChoiceField(
        label=_("Department"),
        queryset=Department.objects.order_by("name"),
        required=False,
        empty_label=_("All"),
    )
    overdue = forms.BooleanField(label=_("Reply overdue"), required=False)


class NoticeForm(forms.Form):
    department = IdChoiceField(
        label=_("Department"), queryset=Department.objects.filter(is_active=True)
    )
    requirement = _text(_("Requirement"))
    reply_due = forms.DateField(label=_("Reply by"), required=False)

    def clean_reply_due(self):
        return _check_reply_due(self.cleaned_data["reply_due"])


class ReplyForm(forms.Form):
    reply = _text(_("Reply"))


class InstructionForm(forms.Form):
    text = _text(_("Instruction"))


class AnswerForm(forms.Form):
    answer = _text(_("Answer"))


class ExtensionForm(forms.Form):
    new_due = forms.DateField(label=_("New deadline"))
    reason = _text(_("Reason"))


class DecisionForm(forms.Form):
    class Decision(models.TextChoices):
        APPROVE = "approve", _("Approve")
        REFUSE = "refuse", _("Refuse")

    decision = forms.ChoiceField(label=_("Decision"), choices=Decision)
    reason = LimitedText(limit=NOTE_CHARS, label=_("Reason"), required=False)


def form_problems(form: forms.Form) -> list[str]:
    """Return each of the form's errors as one sentence naming its field."""
    problems = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else None
        for error in errors:
            problems.append(
                gettext("{field}: {problem}").format(field=label, problem=error) if label else error
            )
    return problems
