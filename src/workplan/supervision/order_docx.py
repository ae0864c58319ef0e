"""A 督办单 as a Word document in official-document layout, and the list of them as a workbook.

Pure: plain data in, bytes out. The page and fonts follow the house style of the 落实情况报告
(reports/docx.py, GB/T 9704): A4, margins 3.7/3.5/2.8/2.6 cm, 28 pt lines, fonts under their
official names (方正小标宋简体 title, 仿宋_GB2312 body, 黑体 labels) so Windows and WPS show
the real ones. supervision sits below reports, so the few helpers are repeated here rather
than imported upward.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl.styles import Font

from workplan.core.workbooks import append_row, new_workbook, workbook_bytes

TITLE_FONT, BODY_FONT, LABEL_FONT = "方正小标宋简体", "仿宋_GB2312", "黑体"
SIZE_2, SIZE_3, SIZE_4 = Pt(22), Pt(16), Pt(14)  # 二号, 三号, 四号
LINE = Pt(28)
LABEL_WIDTH, VALUE_WIDTH = Cm(3.6), Cm(12.0)  # together the 15.6 cm type area


@dataclass
class OrderDocument:
    """What a printed 督办单 shows, in the site's language."""

    number: str
    department: str
    matter: str  # the task, or "" for a notice on no task
    requirement: str
    issued_on: str
    reply_due: str
    signed: str  # who signed for it and when, or ""
    reply: str
    attachments: list[str] = field(default_factory=list)
    state: str = ""
    issuer: str = "党委办公室、校长办公室"


def _font(run, name: str, size, bold: bool = False) -> None:
    """Set the font of a run or a style, East Asian text included."""
    run.font.name = name
    run.font.size = size
    run.font.bold = bold
    fonts = run.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(attribute), name)


def _paragraph(container, text: str, *, font=BODY_FONT, size=SIZE_3, align=None, line=LINE):
    paragraph = container.add_paragraph()
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.paragraph_format.line_spacing = line
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
    if align is not None:
        paragraph.alignment = align
    _font(paragraph.add_run(text), font, size)
    return paragraph


def _set_up_page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)


def _fill(cell, text: str, *, font=BODY_FONT, size=SIZE_4) -> None:
    """Write `text` into a cell, one paragraph a line, at a fixed line height."""
    cell.text = ""
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    lines = text.split("\n") or [""]
    first = cell.paragraphs[0]
    for number, line in enumerate(lines):
        paragraph = first if number == 0 else cell.add_paragraph()
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        paragraph.paragraph_format.line_spacing = Pt(24)
        _font(paragraph.add_run(line), font, size)


def _min_height(row, centimetres: float) -> None:
    """Give the row room to write in by hand (签收, 办理情况) when printed blank."""
    properties = row._tr.get_or_add_trPr()
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(int(centimetres * 567)))  # twips
    height.set(qn("w:hRule"), "atLeast")
    properties.append(height)


def order_docx(order: OrderDocument) -> bytes:
    """Return the .docx bytes of the 督办单 `order`."""
    document = Document()
    _font(document.styles["Normal"], BODY_FONT, SIZE_3)
    _set_up_page(document)
    _paragraph(
        document, "督办通知单", font=TITLE_FONT, size=SIZE_2, align=WD_ALIGN_PARAGRAPH.CENTER
    )
    _paragraph(document, order.number, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, "")
    rows = [
        ("承办单位", order.department, 0),
        ("督办事项", order.matter, 0),
        ("督办要求", order.requirement, 3.0),
        ("发出日期", order.issued_on, 0),
        ("回复期限", order.reply_due, 0),
        ("签收", order.signed, 1.6),
        (
            "办理情况",
            order.reply + ("\n附件：" + "；".join(order.attachments) if order.attachments else ""),
            4.0,
        ),
        ("办理状态", order.state, 0),
    ]
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.autofit = False
    for label, value, height in rows:
        row = table.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if height:
            _min_height(row, height)
        _fill(row.cells[0], label, font=LABEL_FONT)
        row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _fill(row.cells[1], value)
    # Word reads the cells' widths, LibreOffice and WPS the grid's: both are set.
    for column, width in zip(table.columns, (LABEL_WIDTH, VALUE_WIDTH), strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    _paragraph(document, "")
    signature = _paragraph(document, order.issuer, align=WD_ALIGN_PARAGRAPH.RIGHT)
    signature.paragraph_format.right_indent = Pt(64)  # 右空四字
    date = _paragraph(document, order.issued_on, align=WD_ALIGN_PARAGRAPH.RIGHT)
    date.paragraph_format.right_indent = Pt(64)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def orders_workbook(headers: list[str], rows) -> bytes:
    """Return an xlsx file with a bold frozen header and one row of `rows` per 督办单."""
    workbook = new_workbook(write_only=True)
    sheet = workbook.create_sheet("督办单")
    sheet.freeze_panes = "A2"
    widths = (20, 18, 12, 40, 50, 12, 12, 10, 20, 50)
    for index, width in enumerate(widths[: len(headers)]):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    append_row(sheet, headers, font=Font(bold=True))
    for row in rows:
        append_row(sheet, row)
    return workbook_bytes(workbook)
