"""Write audit records. Called by every app's actions, inside their transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from workplan.audit.context import current_ip
from workplan.audit.models import AuditRecord

Change = tuple[str, Any, Any]


def _label(obj: models.Model) -> str:
    return obj._meta.label_lower


def scope_of(obj: models.Model) -> str:
    """Return the timeline key of `obj`: its own type and id."""
    return f"{_label(obj)}:{obj.pk}"


def _actor_name(by) -> str:
    if by is None:
        return _("command line")
    return getattr(by, "display_name", None) or by.get_username()


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _record(obj, action, *, by, changes=(), note="", scope=None) -> AuditRecord:
    """Return an unsaved record of `action` on `obj`."""
    return AuditRecord(
        actor=by if by is not None and by.pk else None,
        actor_name=_actor_name(by),
        ip_address=current_ip.get(),
        action=action,
        object_type=_label(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        scope=scope or scope_of(obj),
        changes=[{"field": f, "before": _plain(b), "after": _plain(a)} for f, b, a in changes],
        note=note[:300],
    )


def _insert(record: AuditRecord) -> AuditRecord:
    record.save(force_insert=True)
    return record


def snapshot(obj: models.Model, fields: Sequence[str]) -> list[Change]:
    """Return (field, None, value) for each field, to record what a new object holds."""
    return [(field, None, getattr(obj, field)) for field in fields]


def record_created(
    obj,
    *,
    by,
    fields: Sequence[str] = (),
    extra: Sequence[Change] = (),
    note: str = "",
    scope: str | None = None,
):
    """Record that `by` created `obj`, with the values of `fields` and any `extra` values
    (such as many-to-many relations) given as (field, None, value)."""
    changes = [*snapshot(obj, fields), *extra]
    record = _record(obj, AuditRecord.Action.CREATE, by=by, changes=changes, note=note, scope=scope)
    return _insert(record)


def record_changed(obj, changes: Iterable[Change], *, by, note: str = "", scope: str | None = None):
    """Record that `by` changed `obj`; `changes` holds (field, before, after). No change, no record."""
    changes = [(f, b, a) for f, b, a in changes if b != a]
    if not changes:
        return None
    return _insert(
        _record(obj, AuditRecord.Action.CHANGE, by=by, changes=changes, note=note, scope=scope)
    )


def record_deleted(obj, *, by, note: str = "", scope: str | None = None):
    """Record that `by` deleted `obj` (call before deleting it, while it still has its id)."""
    return _insert(_record(obj, AuditRecord.Action.DELETE, by=by, note=note, scope=scope))


def record_many_created(
    entries: Iterable[tuple[models.Model, Sequence[str], str | None]], *, by, note: str = ""
) -> list[AuditRecord]:
    """Record many creations in one insert: (object, fields, scope) for each."""
    records = [
        _record(
            obj,
            AuditRecord.Action.CREATE,
            by=by,
            changes=snapshot(obj, fields),
            note=note,
            scope=scope,
        )
        for obj, fields, scope in entries
    ]
    return AuditRecord.objects.bulk_create(records)
