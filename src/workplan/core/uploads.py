"""Limits on uploads: how large a request body may be, and what an Office file may unpack to,
said to the user in their language. docs/parsing.md ("Limits") lists them all."""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workplan.parsing.archive import MB, ArchiveRefused

# Room for the form's other fields and the multipart framing around the file.
BODY_MARGIN_BYTES = 1 * MB


def max_body_bytes() -> int:
    return settings.WORKPLAN_MAX_UPLOAD_BYTES + BODY_MARGIN_BYTES


class UploadTooLarge(Exception):
    """A file being received passed WORKPLAN_MAX_UPLOAD_BYTES; the rest is not read."""

    def __init__(self, name: str = ""):
        super().__init__(name)
        self.name = name


def too_large_text(name: str = "") -> str:
    """Return the refusal of an upload over the site's limit, naming the file if known."""
    limit = settings.WORKPLAN_MAX_UPLOAD_BYTES // MB
    if name:
        return _("{name} is larger than {limit} MB, the most one upload may be.").format(
            name=name, limit=limit
        )
    return _("The upload is larger than {limit} MB, the most one upload may be.").format(
        limit=limit
    )


def form_too_large_text() -> str:
    """Return the refusal of a form whose text is over DATA_UPLOAD_MAX_MEMORY_SIZE."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / MB
    return _(
        "The form's text is larger than {limit} MB, the most one form may send (files aside)."
    ).format(limit=f"{limit:g}")


class LimitedUploadHandler(FileUploadHandler):
    """Count each file's bytes as they arrive and stop at the limit, whatever Content-Length
    said (or if it said nothing), before the file is written anywhere."""

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > settings.WORKPLAN_MAX_UPLOAD_BYTES:
            raise UploadTooLarge(self.file_name or "")
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler (memory or temporary file) keeps the file


def file_too_large(upload, limit: int) -> str | None:
    """Return why `upload` is refused for its size (before it is read), or None."""
    if upload.size <= limit:
        return None
    return _("{name} is {size} MB; at most {limit} MB can be uploaded here.").format(
        name=upload.name, size=f"{upload.size / MB:.1f}", limit=f"{limit / MB:g}"
    )


# What each unpacking limit says, by the reason an Office file was refused.
_ARCHIVE_REFUSALS = {
    "members": gettext_lazy("{name} holds {actual} parts inside; at most {limit} are allowed."),
    "unpacked": gettext_lazy(
        "{name} unpacks to {actual} MB; at most {limit} MB are allowed (it may be a zip bomb)."
    ),
    "part": gettext_lazy(
        "{name}: its part {part} unpacks to {actual} MB; at most {limit} MB are allowed (it may "
        "be a zip bomb)."
    ),
    "ratio": gettext_lazy(
        "{name}: its part {part} is compressed {actual} times; at most {limit} times is allowed "
        "(it may be a zip bomb)."
    ),
    "dtd": gettext_lazy(
        "{name}: its part {part} declares a DTD or entities, which Office files never contain."
    ),
    "depth": gettext_lazy(
        "{name}: its part {part} nests elements more than {limit} deep; this is not a normal "
        "Office file."
    ),
    "rows": gettext_lazy(
        "{name}, sheet {part}: row {actual} is used; at most {limit} rows are allowed."
    ),
    "columns": gettext_lazy(
        "{name}, sheet {part}: column {actual} is used; at most {limit} columns are allowed."
    ),
    "cells": gettext_lazy(
        "{name}, sheet {part}: it has more than {actual} cells; at most {limit} are allowed."
    ),
    "grid": gettext_lazy(
        "{name}, sheet {part}: it spans {actual} rows × columns; at most {limit} cells are allowed."
    ),
    "strings": gettext_lazy(
        "{name} holds more than {limit} different texts; that is the most allowed."
    ),
    "filled_rows": gettext_lazy(
        "{name}, sheet {part}: more than {limit} rows hold values; a plan or task table has "
        "fewer. Check that this is the right file."
    ),
    "filled_cells": gettext_lazy(
        "{name}, sheet {part}: more than {limit} cells hold values; a plan or task table has "
        "fewer. Check that this is the right file."
    ),
    "body": gettext_lazy(
        "{name}: its text is larger than any work plan (more than {limit} paragraphs, elements "
        "or bytes). Check that this is the right file."
    ),
    "paragraphs": gettext_lazy(
        "{name}: its text is larger than any work plan (more than {limit} paragraphs, elements "
        "or bytes). Check that this is the right file."
    ),
    "elements": gettext_lazy(
        "{name}: its text is larger than any work plan (more than {limit} paragraphs, elements "
        "or bytes). Check that this is the right file."
    ),
}
# Sizes given in bytes, said in MB.
_IN_MB = {"unpacked", "part"}


def archive_refusal_text(refused: ArchiveRefused) -> str:
    """Return the user's-language sentence for an Office file refused by an unpacking limit."""
    name, part, actual, limit = refused.name, refused.part, refused.actual, refused.limit
    template = _ARCHIVE_REFUSALS.get(refused.reason)
    if template is not None:
        if refused.reason in _IN_MB:
            actual, limit = f"{actual / MB:.1f}", limit // MB
        return str(template).format(name=name, part=part, actual=actual, limit=limit)
    if refused.reason != "wrong_kind" or not refused.kind:
        return str(refused)
    return _("{name}: the file's content is not a {kind} file, whatever its name says.").format(
        name=name, kind=refused.kind.upper()
    )
