"""Ids typed into addresses and forms: digits in the range the database's keys can hold."""

from django import forms
from django.db import models

# The largest value of a 64-bit signed key: larger numbers overflow the database driver.
MAX_ID = 2**63 - 1


def parse_id(text: str) -> int | None:
    """Return `text` as an id, or None unless it is ASCII digits naming a key in range."""
    text = (text or "").strip()
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if 0 < value <= MAX_ID else None


def _out_of_range(field, value) -> bool:
    """Whether `value`, typed for a field choosing by primary key, cannot be an id at all."""
    if field.to_field_name or value in field.empty_values or isinstance(value, models.Model):
        return False
    return parse_id(str(value)) is None


class IdChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that refuses an id out of range as an invalid choice, before the
    database is asked (which would overflow)."""

    def to_python(self, value):
        if _out_of_range(self, value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that refuses ids out of range before querying."""

    def _check_values(self, value):
        for each in value if isinstance(value, (list, tuple)) else [value]:
            if _out_of_range(self, each):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": each},
                )
        return super()._check_values(value)
