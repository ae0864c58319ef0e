"""Readable names for what the audit trail records: object types and field names."""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

# Recorded values that are not model fields.
EXTRA_FIELDS = {
    "roles": _("Roles"),
    "departments": _("Departments"),
    "members": _("Members"),
    "locked": _("Locked"),
    "password": _("Password"),
    "comment": _("Comment"),  # the reason given when a report is returned or accepted
    "approved_by": _("Approved by"),  # the department head who signed a report off
}


def _model(object_type: str):
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def object_type_label(object_type: str) -> str:
    """Return the model's name in the current language (部门 for org.department)."""
    model = _model(object_type)
    return str(model._meta.verbose_name) if model else object_type


def field_label(object_type: str, field: str) -> str:
    """Return the field's name in the current language (办公电话 for phone)."""
    if field in EXTRA_FIELDS:
        return str(EXTRA_FIELDS[field])
    model = _model(object_type)
    try:
        return str(model._meta.get_field(field).verbose_name) if model else field
    except FieldDoesNotExist:
        return field


def value_label(object_type: str, field: str, value):
    """Return a choice's readable name (已通过 for accepted), True and False as 是 and 否, a
    number as its digits (so 0 is not taken for "nothing"), a list as 甲、乙; others as they are."""
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    model = _model(object_type)
    if model is None or not isinstance(value, str):
        return value
    try:
        choices = dict(model._meta.get_field(field).flatchoices)
    except FieldDoesNotExist:
        return value
    return str(choices.get(value, value)) if choices else value
