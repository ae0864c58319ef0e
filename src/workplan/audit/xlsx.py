"""The audit log as an xlsx workbook, written row by row (openpyxl's write-only mode)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.styles import Font

from workplan.audit.models import AuditRecord
from workplan.core.workbooks import append_row, new_workbook, workbook_bytes


def _changes_text(changes: list[dict]) -> str:
    return "\n".join(f"{c['label']}: {c['before']} → {c['after']}" for c in changes)


def audit_workbook(records: Iterable[AuditRecord]) -> bytes:
    """Return an xlsx file listing `records`, one per row, with a bold frozen header."""
    workbook = new_workbook(write_only=True)
    sheet = workbook.create_sheet(_("Audit trail"))
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFGH", (20, 14, 16, 8, 16, 40, 60, 30), strict=True):
        sheet.column_dimensions[column].width = width
    headers = [
        _("Time"),
        _("By"),
        _("Address"),
        _("Action"),
        _("Object type"),
        _("Object"),
        _("Changes"),
        _("Note"),
    ]
    append_row(sheet, headers, font=Font(bold=True))
    zone = timezone.get_current_timezone()
    for record in records:
        append_row(
            sheet,
            [
                record.at.astimezone(zone).replace(tzinfo=None),
                record.actor_name,
                record.ip_address or "",
                record.get_action_display(),
                record.object_type_label,
                record.object_repr,
                _changes_text(record.labelled_changes),
                record.note,
            ],
        )
    return workbook_bytes(workbook)
