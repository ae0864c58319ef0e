"""Workbooks in and out: the errors of opening one people upload, and the one writer every
export goes through.

openpyxl guesses a cell's type from its value: a str beginning with "=" becomes a formula and
"#N/A" an error value. Exports carry text people typed (task words, names, 困难与建议), so
the writer forces every str to a text cell (t="inlineStr"): Excel, WPS and LibreOffice show it
as typed and never evaluate it, and the task table's re-import reads back the same words. No
export writes a formula; should one ever need to, it gets its own explicit function here.
"""

import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils.exceptions import IllegalCharacterError, InvalidFileException

# What openpyxl raises on a file that is not a sound workbook: a bad zip, a missing part, or
# broken XML inside it (lxml's XMLSyntaxError and ElementTree's ParseError are SyntaxErrors).
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
