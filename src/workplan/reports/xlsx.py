"""Write the 督办台账 workbook: a sheet of tasks and a sheet summarising each department."""

from __future__ import annotations

from math import ceil
from unicodedata import east_asian_width

from django.utils import timezone, translation
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from workplan.core.workbooks import new_workbook, workbook_bytes, write_cell
from workplan.reports.ledger import DepartmentSummary, LedgerRow

LIGHT_NAMES = {"green": "绿灯", "blue": "蓝灯", "yellow": "黄灯", "red": "红灯"}
LIGHT_FILLS = {"green": "C6EFCE", "blue": "BDD7EE", "yellow": "FFEB9C", "red": "FFC7CE"}
TASK_COLUMNS = [
    ("序号", 7), ("工作要点", 18), ("具体任务", 40), ("牵头部门", 14), ("配合部门", 20), ("分管校领导", 10),
    ("完成时限", 12), ("状态", 16), ("完成比例", 8), ("灯", 7), ("亮灯原因", 18), ("最新进展", 40),
    ("困难与建议", 24), ("未办结督办", 24), ("领导批示", 24),
]  # fmt: skip
SUMMARY_COLUMNS = [
    ("部门", 20), ("牵头任务", 9), ("配合任务", 9), ("上期应报", 9), ("按时报送", 9), ("逾期报送", 9),
    ("上期未报送", 10), ("被退回", 8), ("红灯", 7), ("黄灯", 7),
]  # fmt: skip


LINE_POINTS = 15  # one line of 11 pt Chinese text, as the CJK fonts space it
PENDING = {"submitted": "（待审核）", "returned": "（已退回）"}


def _status(entry: LedgerRow) -> str:
    """The latest report's status, marked while the office has not accepted it (a task reported
    as 完成 counts as done only once its report is accepted); then who filed nothing for the
    last closed period — 未报送, with the days overdue, never mistaken for 未启动."""
    report = entry.report
    lines = [report.get_status_display() + PENDING.get(report.state, "")] if report else []
    if entry.missing:
        period = entry.missing_period.display_label
        lines.append(f"{period}未报送（逾期{entry.days_overdue}天）：" + "、".join(entry.missing))
    return "\n".join(lines) or "未报送"


def _sheet(workbook, title, heading, columns, first=False):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title
    thin = Side(style="thin")
    banner = write_cell(sheet, 1, 1, heading)
    banner.font = Font(name="黑体", size=16, bold=True)
    banner.alignment = Alignment(horizontal="center")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    for index, (label, width) in enumerate(columns, start=1):
        cell = write_cell(sheet, 2, index, label)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"
    # Printed on A3 landscape, as wide as the page and as long as it takes, the header row on
    # every page: 15 columns on A4 came out in 6 pt type.
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A3
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4  # inches
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    return sheet


def _text_width(text: str) -> float:
    """Return the width of `text` in column-width units: a Chinese character takes two."""
    return sum(2.1 if east_asian_width(c) in "WF" else 1.1 for c in text)


def _line_count(value, width: int) -> int:
    """Return how many lines `value` wraps to in a column `width` units wide."""
    if value is None:
        return 1
    text = f"{value:.0%}" if isinstance(value, float) else str(value)
    usable = max(width - 1.5, 1)  # the cell's own padding
    return sum(max(1, ceil(_text_width(line) / usable)) for line in text.split("\n"))


def _fit_rows(sheet, columns, first_row: int) -> None:
    """Set each row's height to its tallest wrapped cell: Excel and WPS do not grow a row for
    wrapped text they did not type themselves, and cut the text off instead."""
    for row in sheet.iter_rows(min_row=first_row):
        lines = max(_line_count(c.value, columns[c.column - 1][1]) for c in row)
        sheet.row_dimensions[row[0].row].height = lines * LINE_POINTS + 4


def _filter(sheet, row_count: int) -> None:
    """Put filter buttons on the header row over the data rows below it, as offices do."""
    last = get_column_letter(sheet.max_column)
    sheet.auto_filter.ref = f"A2:{last}{2 + max(row_count, 1)}"


@translation.override("zh-hans")  # the office's ledger: Chinese whatever the reader's UI
def ledger_workbook(plan, rows: list[LedgerRow], summary: list[DepartmentSummary]) -> bytes:
    """Return the xlsx ledger of `plan` as of today."""
    name = f"{plan.organization}{plan.title}"
    as_of = f"（{timezone.localdate():%Y年%m月%d日}）"
    workbook = new_workbook()
    tasks = _sheet(workbook, "督办台账", f"{name}督办台账{as_of}", TASK_COLUMNS, first=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, entry in enumerate(rows, start=3):
        row, report, light = entry.row, entry.report, entry.light
        values = [
            row.code, row.key_point, row.text, "、".join(row.lead), row.cells()["co"], row.leader, row.deadline,
            _status(entry),
            report.percent / 100 if report else None,
            LIGHT_NAMES.get(light.light, "") if light else "",
            entry.light_reason,
            f"【{report.period.label}】{report.progress}" if report else "",
            report.problems if report else "",
            "\n".join(f"{n.department.name}：{n.requirement}" for n in entry.open_notices),
            "\n".join(f"{i.leader.display_name}：{i.text}" for i in entry.instructions),
        ]  # fmt: skip
        for column, value in enumerate(values, start=1):
            write_cell(tasks, number, column, value).alignment = wrap
        tasks.cell(number, 9).number_format = "0%"
        if light:
            tasks.cell(number, 10).fill = PatternFill("solid", fgColor=LIGHT_FILLS[light.light])
    _filter(tasks, len(rows))
    _fit_rows(tasks, TASK_COLUMNS, 2)
    departments = _sheet(workbook, "部门汇总", f"{name}督办台账部门汇总{as_of}", SUMMARY_COLUMNS)
    totals = [0] * (len(SUMMARY_COLUMNS) - 1)
    for number, s in enumerate(summary, start=3):
        counts = [
            s.lead_tasks,
            s.co_tasks,
            s.due,
            s.on_time,
            s.late,
            s.missing,
            s.returned,
            s.red,
            s.yellow,
        ]
        totals = [t + n for t, n in zip(totals, counts, strict=True)]
        for column, value in enumerate([s.department.name, *counts], start=1):
            write_cell(departments, number, column, value)
    _filter(departments, len(summary))
    bold = Font(bold=True)
    for column, value in enumerate(["合计", *totals], start=1):
        write_cell(departments, 3 + len(summary), column, value).font = bold
    for row in departments.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    _fit_rows(departments, SUMMARY_COLUMNS, 2)
    return workbook_bytes(workbook)
