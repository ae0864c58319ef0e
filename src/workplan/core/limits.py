"""Limits on what people type: the forms check them, and each action checks them again, so a
hand-made POST or a command gets the same refusal. docs/supervision.md ("Limits") lists them."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from workplan.core.errors import TooLong

# One field of a progress report (本期进展, 困难与建议, 下一步计划): a few pages of text.
REPORT_TEXT_CHARS = 5000
# A notice's requirement, a reply, a 批示 and its answer, a reason, a review comment.
NOTE_CHARS = 2000


def check_length(text: str, *, field, limit: int) -> None:
    """Raise TooLong, naming `field` and `limit`, if `text` has more than `limit` characters."""
    if len(text) > limit:
        raise TooLong(
            _("{field} may be at most {limit} characters long; this one has {length}.").format(
                field=field, limit=limit, length=len(text)
            )
        )


class LimitedText(forms.CharField):
    """A text field held to `limit` characters, its line breaks counted as one character each
    (as the browser counts them) and its refusal saying the limit and the length."""

    def __init__(self, *, limit: int, **kwargs):
        super().__init__(max_length=limit, **kwargs)

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")

    def run_validators(self, value):
        if value not in self.empty_values and len(value) > self.max_length:
            raise ValidationError(
                _("At most {limit} characters are allowed here; this text has {length}.").format(
                    limit=self.max_length, length=len(value)
                ),
                code="max_length",
            )
        super().run_validators(value)
