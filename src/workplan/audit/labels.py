"""Readable names for what the audit trail records: object types and field names."""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

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


def _field(name: str):
    return pgettext_lazy("audit field", name)


# Labels of the fields their models leave unnamed (Django would show the field's own English
# name, as in "department：" or "size："); a relation not listed here is named by its model.
FIELD_LABELS = {
    "id": _field("Internal number"),
    "user": _field("User"),
    "text": _field("Text"),
    "words": _field("Message as written"),
    "values": _field("Message values"),
    "url": _field("Link"),
    "created_at": _field("Created at"),
    "read_at": _field("Read at"),
    "emailed_at": _field("Emailed at"),
    "updated_at": _field("Updated at"),
    "version": _field("Version"),
    "number": _field("Number"),
    "data": _field("Contents"),
    "submitted_by": _field("Submitted by"),
    "submitted_at": _field("Submitted at"),
    "late": _field("Late"),
    "decision": _field("Decision"),
    "decided_by": _field("Decided by"),
    "decided_at": _field("Decided at"),
    "stored_name": _field("Stored file name"),
    "content_type": _field("File type"),
    "size": _field("File size"),
    "sha256": _field("Checksum (SHA-256)"),
    "uploaded_by": _field("Uploaded by"),
    "uploaded_at": _field("Uploaded at"),
    "computed_at": _field("Computed at"),
    "replied_by": _field("Replied by"),
    "replied_at": _field("Replied at"),
    "issued_by": _field("Issued by"),
    "key": _field("Duplicate key"),
    "leader": _field("Leader"),
    "answered_by": _field("Answered by"),
    "answered_at": _field("Answered at"),
    "requested_by": _field("Requested by"),
    "token_hash": _field("Token digest"),
    "password_stamp": _field("Password version"),
    "device": _field("Device"),
    "session": _field("Session"),
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
        model_field = model._meta.get_field(field) if model else None
    except FieldDoesNotExist:
        model_field = None
    if model_field is not None and not _unnamed(model_field):
        return str(model_field.verbose_name)
    if field in FIELD_LABELS:
        return str(FIELD_LABELS[field])
    related = getattr(model_field, "related_model", None)
    if related is not None:
        return str(related._meta.verbose_name)
    return field


def _unnamed(model_field) -> bool:
    """Return whether the model gave the field no translatable name: Django then makes a plain
    one from the field's own name ("department", "ID")."""
    return not isinstance(getattr(model_field, "verbose_name", None), Promise)


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
