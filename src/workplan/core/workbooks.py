"""Workbooks in and out: opening the ones people upload (within the unpacking limits,
streamed, values only) and the one writer every export goes through.

openpyxl guesses a cell's type from its value: a str beginning with "=" becomes a formula and
"#N/A" an error value. Exports carry text people typed (task words, names, 困难与建议), so
the writer forces every str to a text cell (t="inlineStr"): Excel, WPS and LibreOffice show it
as typed and never evaluate it, and the task table's re-import reads back the same words. No
export writes a formula; should one ever need to, it gets its own explicit function here.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils.exceptions import IllegalCharacterError, InvalidFileException

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

# Control characters XML 1.0 cannot carry (openpyxl refuses a cell holding one, with this same
# pattern): dropped, so a stray one pasted into a report cannot stop the office's export.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def new_workbook(*, write_only: bool = False) -> Workbook:
    """Return an empty workbook; `write_only` streams rows for long exports."""
    return Workbook(write_only=write_only)


def _as_text(cell, value: str):
    try:
        cell.value = value
    except IllegalCharacterError:
        cell.value = _UNWRITABLE.sub("", value)
    cell.data_type = "s"  # after the value: setting it guesses the type afresh
    return cell


def write_cell(sheet, row: int, column: int, value):
    """Return the cell at (`row`, `column`) of an ordinary sheet, holding `value`; a str as text."""
    cell = sheet.cell(row, column)
    if isinstance(value, str):
        return _as_text(cell, value)
    cell.value = value
    return cell


def append_row(sheet, values, *, font=None) -> None:
    """Add `values` as the next row of a write-only sheet, each str as text, in `font` if given."""
    row = []
    for value in values:
        if isinstance(value, str) or (font is not None and value is not None):
            cell = WriteOnlyCell(sheet)
            if isinstance(value, str):
                _as_text(cell, value)
            else:
                cell.value = value
            if font is not None:
                cell.font = font
            value = cell
        row.append(value)
    sheet.append(row)


def workbook_bytes(workbook: Workbook) -> bytes:
    """Return the saved xlsx file."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class WorkbookRefused(Exception):
    """The upload cannot be read as a workbook; the message says why, for the user."""


class SheetTooLong(WorkbookRefused):
    """A sheet holds more rows (`cells` False) or cells with values than the reader's job
    allows; the caller words the refusal (`count` is at least `limit` + 1)."""

    def __init__(self, name: str, sheet: str, count: int, limit: int, *, cells: bool = False):
        super().__init__(f"{name}: {sheet}: {count} > {limit}")
        self.name, self.sheet, self.count, self.limit = name, sheet, count, limit
        self.cells = cells


@dataclass
class SheetValues:
    """One sheet's title and its rows of cell values, row 1 first, read as they are asked
    for: a reader that finds no header in the first rows stops there. Iterating may raise
    WorkbookRefused (a cell openpyxl cannot read)."""

    title: str
    rows: Iterator[tuple]


def not_a_workbook(name: str) -> str:
    return _("{name}: this is not an Excel workbook (.xlsx), or it is password-protected.").format(
        name=name
    )


def read_sheet(
    data: bytes,
    name: str,
    *,
    prefer: str = "",
    max_rows: int | None = None,
    max_cells: int | None = None,
) -> SheetValues:
    """Return the sheet titled `prefer` (else the first) of the workbook in `data`, or raise
    WorkbookRefused; SheetTooLong if more than `max_rows` rows (`max_cells` cells) of any sheet
    hold a value. The archive is checked against the unpacking limits before openpyxl reads a
    byte of it, the rows and cells that hold a value counted there too (the count stops once
    past a limit), and openpyxl then streams the sheet (read-only mode) with its declared
    dimension ignored, so what it builds is bounded by the cells counted."""
    try:
        check_office_zip(data, name, "xlsx", max_filled_rows=max_rows, max_filled_cells=max_cells)
    except ArchiveRefused as refused:
        if refused.reason in {"filled_rows", "filled_cells"}:
            cells = refused.reason == "filled_cells"
            raise SheetTooLong(
                name, refused.part, refused.actual, refused.limit, cells=cells
            ) from None
        if refused.reason == "wrong_kind":
            raise WorkbookRefused(not_a_workbook(name)) from None
        raise WorkbookRefused(archive_refusal_text(refused)) from None
    except zipfile.BadZipFile:
        raise WorkbookRefused(not_a_workbook(name)) from None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook[prefer] if prefer in workbook.sheetnames else workbook.worksheets[0]
    except UNREADABLE_WORKBOOK:
        raise WorkbookRefused(not_a_workbook(name)) from None
    # A declared A1:XFD1048576 would make every row 16,384 cells and add empty rows to a
    # million; the limits above were counted from the cells actually there.
    sheet.reset_dimensions()
    return SheetValues(sheet.title, _rows(workbook, sheet, name))


def _rows(workbook, sheet, name: str) -> Iterator[tuple]:
    try:
        yield from sheet.iter_rows(values_only=True)
    except UNREADABLE_WORKBOOK:
        raise WorkbookRefused(not_a_workbook(name)) from None
    finally:
        workbook.close()
