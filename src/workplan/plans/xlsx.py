"""Write the task table as the office lays it out in Excel/WPS (see CONVENTIONS.md §1)."""

from __future__ import annotations

from itertools import groupby

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from workplan.core.workbooks import new_workbook, workbook_bytes, write_cell
from workplan.plans.table import COLUMNS, ID_HEADER, TableRow

SHEET_TITLE = "任务分解表"
WIDTHS = {"code": 7, "key_point": 22, "text": 48, "leader": 11, "lead": 16, "co": 26, "deadline": 13,
          "outcome": 24, "note": 12}  # fmt: skip
TITLE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3
BOLD_CJK = 2.2  # width units a bold Chinese character takes in Excel, WPS and LibreOffice
LINE_HEIGHT = 15  # points, for 11 pt text


def _lines(text: str, width: float) -> int:
    """Return how many lines `text` wraps to in a column `width` characters wide.

    Spreadsheets do not reliably grow a row to fit wrapped text in a file they did not
    write, so the export sets each row's height; a Chinese character takes two widths.
    """
    lines = 0
    for part in (text or "").split("\n"):
        units = _units(part)
        lines += max(1, -(-units // max(1, int(width) - 1)))
    return lines


def _units(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def header_width(label: str) -> float:
    """Return the width a column needs for its bold header on one line (分管校领导 unbroken)."""
    return round(_units(label) / 2 * BOLD_CJK + 2, 1)


# Each column as wide as its usual contents want, and never narrower than its header.
COLUMN_WIDTHS = {key: max(WIDTHS[key], header_width(label)) for key, label in COLUMNS}


def task_table_workbook(title: str, rows: list[TableRow]) -> bytes:
    """Return the xlsx file: merged title row, header, one row per task, key points merged
    down over their tasks, a hidden id column for matching rows on re-import."""
    workbook = new_workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    last_column = len(COLUMNS)

    heading = write_cell(sheet, TITLE_ROW, 1, title)
    heading.font = Font(name="黑体", size=16, bold=True)
    heading.alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(
        start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=last_column
    )
    sheet.row_dimensions[TITLE_ROW].height = 36

    header_fill = PatternFill("solid", fgColor="D9D9D9")
    for index, (key, label) in enumerate(COLUMNS, start=1):
        cell = write_cell(sheet, HEADER_ROW, index, label)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = COLUMN_WIDTHS[key]
    id_column = last_column + 1
    write_cell(sheet, HEADER_ROW, id_column, ID_HEADER)
    sheet.column_dimensions[get_column_letter(id_column)].hidden = True

    row_number = FIRST_ROW
    for _, group in groupby(rows, key=lambda r: r.task.key_point_id):
        group = list(group)
        first = row_number
        for row in group:
            cells = row.cells()
            for index, (key, _label) in enumerate(COLUMNS, start=1):
                cell = write_cell(
                    sheet,
                    row_number,
                    index,
                    cells[key] if (key != "key_point" or row_number == first) else None,
                )
                cell.border = border
                cell.alignment = wrap
            write_cell(sheet, row_number, id_column, row.task.pk)
            cells_lines = [
                _lines(cells[key], COLUMN_WIDTHS[key])
                for key, _label in COLUMNS
                if key != "key_point"
            ]
            sheet.row_dimensions[row_number].height = max(cells_lines) * LINE_HEIGHT + 4
            row_number += 1
        if row_number - 1 > first:
            sheet.merge_cells(start_row=first, start_column=2, end_row=row_number - 1, end_column=2)

    sheet.freeze_panes = sheet.cell(FIRST_ROW, 1)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    return workbook_bytes(workbook)
