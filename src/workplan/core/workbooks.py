"""Opening workbooks that people upload: within the unpacking limits, streamed, values only."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from workplan.core.uploads import archive_refusal_text
from workplan.parsing.archive import ArchiveRefused, check_office_zip

# What openpyxl raises on a file that is not a sound workbook: a bad zip, a missing part, or
# broken XML inside it (lxml's XMLSyntaxError and ElementTree's ParseError are SyntaxErrors;
# defusedxml's refusals of DTDs and entities are ValueErrors).
UNREADABLE_WORKBOOK = (
    InvalidFileException,
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    OSError,
    SyntaxError,
)


class WorkbookRefused(Exception):
    """The upload cannot be read as a workbook; the message says why, for the user."""


@dataclass
class SheetValues:
    """One sheet's title and its rows of cell values, row 1 first."""

    title: str
    rows: list[tuple]


def not_a_workbook(name: str) -> str:
    return _("{name}: this is not an Excel workbook (.xlsx), or it is password-protected.").format(
        name=name
    )


def read_sheet(data: bytes, name: str, *, prefer: str = "") -> SheetValues:
    """Return the values of the sheet titled `prefer` (else the first) of the workbook in `data`,
    or raise WorkbookRefused. The archive is checked against the unpacking limits before
    openpyxl reads a byte of it, and openpyxl then reads the sheet as a stream (read-only mode)
    with its declared dimension ignored, so what it builds is bounded by the cells counted."""
    try:
        check_office_zip(data, name, "xlsx")
    except ArchiveRefused as refused:
        if refused.reason == "wrong_kind":
            raise WorkbookRefused(not_a_workbook(name)) from None
        raise WorkbookRefused(archive_refusal_text(refused)) from None
    except zipfile.BadZipFile:
        raise WorkbookRefused(not_a_workbook(name)) from None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook[prefer] if prefer in workbook.sheetnames else workbook.worksheets[0]
            # A declared A1:XFD1048576 would make every row 16,384 cells and add empty rows
            # to a million; the limits above were counted from the cells actually there.
            sheet.reset_dimensions()
            return SheetValues(sheet.title, list(sheet.iter_rows(values_only=True)))
        finally:
            workbook.close()
    except UNREADABLE_WORKBOOK:
        raise WorkbookRefused(not_a_workbook(name)) from None
