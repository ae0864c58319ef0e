"""Corrections to a plan document's preview before it is saved: one transaction each.

No audit row: a preview changes nothing stored; what the office corrected is recorded by the
import that saves it."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from workplan.core.errors import NotAllowed, WrongState
from workplan.org.queries import registry_names
from workplan.parsing import ParsedPlan
from workplan.plans.models import ImportPreview
from workplan.plans.preview_edits import (
    ItemGone,
    Place,
    restructure,
    set_responsibility,
)


class PreviewChanged(ItemGone):
    """The preview was corrected elsewhere (another tab) since the page was drawn: whatever
    the page names may be somewhere else now."""


def preview_plan(preview: ImportPreview) -> ParsedPlan:
    """Return the parsed document a preview holds, with the corrections made so far."""
    parsed = ParsedPlan.from_dict(preview.payload["parsed"])
    parsed.source_digest = preview.payload.get("digest", "")
    return parsed


def preview_version(preview: ImportPreview) -> int:
    """Return how many corrections the preview has had: the page sends it back with each one."""
    return int(preview.payload.get("version", 0))


@transaction.atomic
def do_set_preview_responsibility(
    preview: ImportPreview,
    place: Place,
    *,
    lead: str,
    co: str,
    groups: str,
    leaders: str | None = None,
    version: int,
    by,
) -> ImportPreview:
    """Return the preview with the departments and leaders of one key point or task corrected;
    a name the registry knows is a department even when it looks like a person's."""
    registry = registry_names()
    return _correct(
        preview,
        version,
        by,
        lambda parsed: set_responsibility(
            parsed, place, lead=lead, co=co, groups=groups, leaders=leaders, registry=registry
        ),
    )


@transaction.atomic
def do_restructure_import_preview(
    preview: ImportPreview, place: Place, *, operation: str, version: int, by
) -> ImportPreview:
    """Return the preview with one change to its key point / task split."""
    return _correct(preview, version, by, lambda parsed: restructure(parsed, operation, place))


def _correct(preview: ImportPreview, version: int, by, change) -> ImportPreview:
    preview = ImportPreview.objects.select_for_update().get(pk=preview.pk)
    if preview.owner_id != by.pk:
        raise NotAllowed(_("Only the person who uploaded this document may correct it."))
    if preview.kind != ImportPreview.Kind.PLAN_DOCUMENT:
        raise WrongState(_("Only a plan document's preview can be corrected."))
    if version != preview_version(preview):
        raise PreviewChanged(
            _(
                "This preview was corrected elsewhere (perhaps in another tab) after this page "
                "was shown; nothing was changed. Please check the page and try again."
            )
        )
    parsed = preview_plan(preview)
    change(parsed)
    preview.payload = {
        **preview.payload,
        "parsed": parsed.to_dict(),
        "version": version + 1,
    }
    preview.save(update_fields=["payload"])
    return preview
