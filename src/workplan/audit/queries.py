"""Reads of the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from workplan.audit.models import AuditRecord


def timeline(*scopes: str, visible: Q | None = None) -> QuerySet[AuditRecord]:
    """Return the records of the given timelines, newest first; only those matching `visible`
    when the caller (who knows what its reader may see) gives that filter."""
    records = AuditRecord.objects.filter(scope__in=scopes)
    if visible is not None:
        records = records.filter(visible)
    return records.select_related("actor")


def records_about(object_type: str, objects: QuerySet) -> Q:
    """Return a filter for the records about `objects` (of `object_type`, e.g.
    "progress.progressreport"), matched in the database: records keep ids as text."""
    ids = objects.annotate(record_id=Cast("pk", CharField())).values("record_id")
    return Q(object_type=object_type, object_id__in=ids)


@dataclass
class LogFilter:
    """What an auditor searches for: words, a person, a kind of object, a date range."""

    text: str = ""
    actor: str = ""
    object_type: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None


def search_log(f: LogFilter) -> QuerySet[AuditRecord]:
    """Return the records matching `f`, newest first."""
    records = AuditRecord.objects.all()
    if f.text:
        records = records.filter(
            Q(object_repr__icontains=f.text)
            | Q(note__icontains=f.text)
            | Q(changes__icontains=f.text)
        )
    if f.actor:
        records = records.filter(
            Q(actor_name__icontains=f.actor) | Q(actor__username__icontains=f.actor)
        )
    if f.object_type:
        records = records.filter(object_type=f.object_type)
    if f.action:
        records = records.filter(action=f.action)
    zone = timezone.get_current_timezone()
    if f.since:
        records = records.filter(at__gte=datetime.combine(f.since, time.min, tzinfo=zone))
    if f.until:
        records = records.filter(at__lte=datetime.combine(f.until, time.max, tzinfo=zone))
    return records


def object_types() -> list[str]:
    return list(AuditRecord.objects.order_by().values_list("object_type", flat=True).distinct())
