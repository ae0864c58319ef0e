"""What the task page's supervision forms accept; every problem names its field."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from workplan.core.ids import IdChoiceField
from workplan.org.models import Department

# Long enough for a paragraph of requirements; a notice is read on a phone and in an e-mail.
MAX_TEXT = 2000


def _text(label):
    return forms.CharField(label=label, max_length=MAX_TEXT)


class NoticeForm(forms.Form):
    department = IdChoiceField(
        label=_("Department"), queryset=Department.objects.filter(is_active=True)
    )
    requirement = _text(_("Requirement"))
    reply_due = forms.DateField(label=_("Reply by"), required=False)

    def clean_reply_due(self):
        reply_due = self.cleaned_data["reply_due"]
        today = timezone.localdate()
        if reply_due is not None and reply_due < today:
            raise forms.ValidationError(
                _("The reply deadline {date} has passed; choose today or a later day.").format(
                    date=reply_due.isoformat()
                )
            )
        return reply_due


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
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("refuse", _("Refuse"))]
    )
    reason = forms.CharField(label=_("Reason"), max_length=MAX_TEXT, required=False)


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
