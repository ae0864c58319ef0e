"""The 落实情况报告 as a Word document in official-document (GB/T 9704) layout.

Fonts keep their official names (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312) so that
Windows and WPS show the real fonts; a PDF renderer substitutes free ones.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from workplan.plans.table import chinese_numeral

TITLE_FONT, BODY_FONT, HEADING_FONT, SUBHEADING_FONT = (
    "方正小标宋简体",
    "仿宋_GB2312",
    "黑体",
    "楷体_GB2312",
)
SIZE_1, SIZE_2, SIZE_3, SIZE_4 = Pt(26), Pt(22), Pt(16), Pt(14)  # 一号, 二号, 三号, 四号
RED = RGBColor(0xFF, 0x00, 0x00)
LINE = Pt(28)
CN_SUB = "一二三四五六七八九十"
ANNEX_WIDTHS = (Cm(1.5), Cm(6.3), Cm(3.1), Cm(1.7), Cm(3.0))  # 序号 具体任务 牵头部门 灯 原因


@dataclass
class PointSection:
    number: int
    title: str
    summary: str = ""  # one line of figures; for a point nobody reported on, the only line
    done: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)


@dataclass
class LightRow:
    code: str
    text: str
    lead: str
    light: str
    reason: str


@dataclass
class ProgressReportDocument:
    title: str
    overview: str
    sections: list[PointSection]
    lights: list[LightRow]
    issuer: str
    date_text: str
    red_header: str = ""  # 发文机关标志 (红头), printed in red above a red rule when given


def _font(run, name: str, size, bold: bool = False) -> None:
    """Set the font of a run or a style, East Asian text included."""
    run.font.name = name
    run.font.size = size
    run.font.bold = bold
    fonts = run.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(attribute), name)


def _paragraph(
    document, text: str, *, font=BODY_FONT, size=SIZE_3, bold=False, align=None, indent=True
):
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.paragraph_format.line_spacing = LINE
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(32)  # two characters of 三号
    if align is not None:
        paragraph.alignment = align
    _font(paragraph.add_run(text), font, size, bold)
    return paragraph


TITLE_LINE = 19  # characters of 二号 on a line of the 15.6 cm type area, digits counting half


def _title_lines(title: str) -> list[str]:
    """Break a title where the sense allows, not where the line happens to end (GB/T 9704:
    回行时词意完整): before its bracketed part (（截至…）), and between the institution and
    the year when the rest does not fit on one line."""
    head, bracket, tail = title.partition("（")
    lines = [head] + ([bracket + tail] if bracket else [])
    width = len(head) - sum(c.isascii() for c in head) / 2
    year = re.search(r"\d{4}年", head)
    if width > TITLE_LINE and year and year.start() > 0:
        lines[0:1] = [head[: year.start()], head[year.start() :]]
    return lines


def _outline_level(paragraph, level: int) -> None:
    """Make a heading paragraph show in Word's and WPS's navigation pane at `level` (0: 一、)."""
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level))
    paragraph._p.get_or_add_pPr().append(element)


def _row_flags(row, *flags: str) -> None:
    properties = row._tr.get_or_add_trPr()
    for flag in flags:
        properties.append(OxmlElement(flag))


def _page_number(paragraph) -> None:
    """Write “— PAGE —” as a field, in 四号 宋体 with a dash either side."""
    _font(paragraph.add_run("— "), "宋体", SIZE_4)
    run = paragraph.add_run()
    _font(run, "宋体", SIZE_4)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)
    _font(paragraph.add_run(" —"), "宋体", SIZE_4)


def _set_up_page(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.footer_distance = Cm(2.8)
    # Odd pages number on the right, even pages on the left (GB/T 9704 7.5).
    settings = document.settings.element
    settings.append(OxmlElement("w:evenAndOddHeaders"))
    odd = section.footer.paragraphs[0]
    odd.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    odd.paragraph_format.right_indent = Pt(14)
    _page_number(odd)
    even = section.even_page_footer.paragraphs[0]
    even.alignment = WD_ALIGN_PARAGRAPH.LEFT
    even.paragraph_format.left_indent = Pt(14)
    _page_number(even)


AFTER_BORDER = ("w:shd", "w:tabs", "w:snapToGrid", "w:spacing", "w:ind", "w:jc", "w:outlineLvl")


def _red_header(document, text: str) -> None:
    """Write the 发文机关标志 in red 小标宋, centred, over a red rule (GB/T 9704 7.2)."""
    header = _paragraph(
        document, text, font=TITLE_FONT, size=SIZE_1, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False
    )
    header.paragraph_format.line_spacing = Pt(48)
    header.runs[0].font.color.rgb = RED
    rule = _paragraph(document, "", indent=False)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "12"), ("space", "1"), ("color", str(RED))):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    # Word is strict about the order of a paragraph's properties: pBdr comes before these.
    rule._p.get_or_add_pPr().insert_element_before(borders, *AFTER_BORDER)
    _paragraph(document, "", indent=False)


def progress_report_docx(report: ProgressReportDocument) -> bytes:
    """Return the .docx bytes of `report`."""
    document = Document()
    normal = document.styles["Normal"]
    _font(normal, BODY_FONT, SIZE_3)  # empty lines and table cells too: no stray Calibri
    _set_up_page(document)
    if report.red_header:
        _red_header(document, report.red_header)
    title = _paragraph(
        document, "", font=TITLE_FONT, size=SIZE_2, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False
    )
    lines = _title_lines(report.title)
    for number, line in enumerate(lines, start=1):
        run = title.add_run(line)
        _font(run, TITLE_FONT, SIZE_2)
        if number < len(lines):
            run.add_break()
    _paragraph(document, "", indent=False)
    _paragraph(document, report.overview)
    for section in report.sections:
        # The document's own numbers: 要点五 stays 五、 when earlier points have nothing to say.
        heading = _paragraph(
            document, f"{chinese_numeral(section.number)}、{section.title}", font=HEADING_FONT
        )
        _outline_level(heading, 0)
        if section.summary:
            _paragraph(document, section.summary)
        parts = [
            (name, lines)
            for name, lines in (
                ("完成情况", section.done),
                ("存在问题", section.problems),
                ("下一步工作", section.next_steps),
            )
            if lines
        ]
        for sub, (name, lines) in enumerate(parts):  # numbered without gaps: （一）（二）…
            _outline_level(
                _paragraph(document, f"（{CN_SUB[sub]}）{name}", font=SUBHEADING_FONT), 1
            )
            for number, line in enumerate(lines, start=1):
                _paragraph(document, f"{number}. {line}")
    # The 落款 never stands alone on a page: the last body paragraph, the annex note and the
    # signature are kept together, so a page break falls before the body's last lines.
    closing = [document.paragraphs[-1]]
    closing.append(_paragraph(document, "", indent=False))
    closing.append(_paragraph(document, "附件：任务亮灯情况表"))
    closing.append(_paragraph(document, "", indent=False))
    signature = _paragraph(document, report.issuer, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    signature.paragraph_format.right_indent = Pt(64)
    closing.append(signature)
    for paragraph in closing:
        paragraph.paragraph_format.keep_with_next = True
    closing[0].paragraph_format.keep_together = True
    date = _paragraph(document, report.date_text, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    date.paragraph_format.right_indent = Pt(64)  # 右空四字

    document.add_page_break()
    _paragraph(document, "附件", font=HEADING_FONT, indent=False)
    _paragraph(
        document,
        "任务亮灯情况表",
        font=TITLE_FONT,
        size=SIZE_3,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        indent=False,
    )
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    table.autofit = False
    _row_flags(table.rows[0], "w:tblHeader")  # the header row repeats on every page
    for cell, text in zip(
        table.rows[0].cells, ("序号", "具体任务", "牵头部门", "灯", "原因"), strict=True
    ):
        cell.text = ""
        _font(cell.paragraphs[0].add_run(text), HEADING_FONT, Pt(12))
    for row in report.lights:
        added = table.add_row()
        _row_flags(added, "w:cantSplit")  # a task's row stays on one page
        cells = added.cells
        for cell, text in zip(
            cells, (row.code, row.text, row.lead, row.light, row.reason), strict=True
        ):
            cell.text = ""
            _font(cell.paragraphs[0].add_run(text), BODY_FONT, Pt(10.5))
    # The type area is 15.6 cm wide; the task text gets most of it. Word reads the cells'
    # widths, LibreOffice and WPS the table grid's, so both are set.
    for column, width in zip(table.columns, ANNEX_WIDTHS, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
