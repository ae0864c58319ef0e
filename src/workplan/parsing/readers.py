"""Read a document file into paragraphs and tables, whatever its format and encoding.

The result is a `Document`: its `text` is the paragraphs in order, separated by blank lines
(the way a plain-text copy of the document reads), with each table replaced by a placeholder
line that points into `tables`.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes
from defusedxml import ElementTree

from .archive import MAX_UNPACKED_BYTES, MB, ArchiveRefused, BodyLimits, check_office_zip
from .model import ParseError
from .tables import header_index

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_DOCX_UNPACKED_BYTES = MAX_UNPACKED_BYTES
# What a plan document may hold, whatever its format. The real plans (../shared/corpus and
# examples/) have at most 53 lines, 6,700 characters and 63 tasks; a plan of 100 pages has
# some 3,000 paragraphs and 150,000 characters. Past these limits a file is no 工作要点, and
# reading it on would cost tens of seconds and hundreds of MB (python-docx spends ~0.1–0.3 ms
# on a paragraph, the outline a few µs on a character).
MAX_PLAN_BLOCKS = 20_000  # paragraphs, lines and table rows
MAX_PLAN_CHARS = 2_000_000
# Word's body XML for a 100-page plan is 2–5 MB, some 20 elements a paragraph; python-docx
# holds the whole tree in memory, about 170 bytes an element.
MAX_PLAN_XML_BYTES = 15 * MB
MAX_PLAN_XML_ELEMENTS = 400_000
PLAN_BODY = BodyLimits(MAX_PLAN_XML_BYTES, MAX_PLAN_BLOCKS, MAX_PLAN_XML_ELEMENTS)
# No character takes more than four bytes in any encoding read here.
_MAX_TEXT_BYTES = 4 * MAX_PLAN_CHARS
# HTML is parsed tag by tag in Python (about 20 µs a tag): a real plan saved as a web page has
# some 20,000 tags; 200,000 parse in a few seconds. Nesting deeper than 500 elements (tags
# whose end may be left out, such as <p>, aside) is no document.
MAX_HTML_TAGS = 200_000
MAX_HTML_DEPTH = 500
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
DOCX_SUFFIXES = {".docx"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
SUPPORTED = ".docx, .xlsx, .txt, .md, .html"
# A task table of 5,000 tasks has some 50,000 filled cells.
MAX_PLAN_CELLS = 100_000

TABLE_MARK = "\u241e表格{index}\u241e"
TABLE_MARK_RE = re.compile("\u241e表格(\\d+)\u241e")

# Encodings tried after UTF-8 fails: Chinese offices still save GBK (GB18030 is its superset).
_CJK_ENCODINGS = ["gb18030", "big5", "utf_16_le", "utf_16_be"]


@dataclass
class Document:
    """A document's paragraphs as text, and its tables as rows of cell texts."""

    name: str
    text: str
    tables: list[list[list[str]]] = field(default_factory=list)
    # What reading the file noticed that the office should know (a formula without its value).
    notes: list[str] = field(default_factory=list)

    def digest(self) -> str:
        """Return a hash of the text and tables, blind to whitespace and line-break changes."""
        compact = re.sub(r"\s+", "", self.text) + repr(self.tables)
        return hashlib.sha256(compact.encode()).hexdigest()


def read_document(path: str | Path) -> Document:
    """Return the document at `path`, or raise ParseError saying why it can't be read."""
    path = Path(path)
    name = path.name or str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ParseError(f"{path}：文件不存在。") from None
    except OSError as exc:
        raise ParseError(f"{path}：无法打开（{exc.strerror}）。") from None
    if path.is_dir():
        raise ParseError(f"{path}：这是一个文件夹，不是文档。")
    if size > MAX_FILE_BYTES:
        raise ParseError(
            f"{name}：文件过大（{size / 1024 / 1024:.1f} MB），上限为 {MAX_FILE_BYTES // 1024 // 1024} MB。"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(f"{path}：无法读取（{exc.strerror}）。") from None
    return read_bytes(data, name)


def read_bytes(data: bytes, name: str) -> Document:
    """Return the document held in `data`; `name` (a file name) decides the format."""
    suffix = Path(name).suffix.lower()
    if len(data) > MAX_FILE_BYTES:
        raise ParseError(
            f"{name}：文件过大（{len(data) / 1024 / 1024:.1f} MB），上限为 {MAX_FILE_BYTES // 1024 // 1024} MB。"
        )
    if not data.strip():
        raise ParseError(f"{name}：文件是空的。")
    if suffix in DOCX_SUFFIXES:
        return _within_plan_limits(_read_docx(data, name))
    if suffix in HTML_SUFFIXES:
        return _within_plan_limits(_read_html(data, name))
    if suffix in XLSX_SUFFIXES:
        return _within_plan_limits(_read_xlsx(data, name))
    if suffix == ".xls":
        raise ParseError(
            f"{name}：不支持旧版 Excel（.xls）格式，请在 Excel 或 WPS 中另存为 .xlsx 后再导入。"
        )
    if suffix in TEXT_SUFFIXES:
        if len(data) > _MAX_TEXT_BYTES:
            raise _too_many_characters(name)
        text = decode_text(data, name)
        if suffix in {".md", ".markdown"}:
            text = _strip_markdown_headings(text)
        lines = text.count("\n") + 1
        if lines > MAX_PLAN_BLOCKS:
            raise ParseError(
                f"{name}：文件有 {lines} 行，超过上限 {MAX_PLAN_BLOCKS} 行，"
                "一份工作要点没有这么多，请检查是否选错了文件。"
            )
        return _within_plan_limits(Document(name=name, text=text))
    if suffix == ".doc":
        raise ParseError(
            f"{name}：不支持旧版 Word（.doc）格式，请在 Word 或 WPS 中另存为 .docx 后再导入。"
        )
    shown = suffix or "（无扩展名）"
    raise ParseError(f"{name}：不支持 {shown} 格式的文件，请使用 {SUPPORTED}。")


def _too_many_characters(name: str) -> ParseError:
    return ParseError(
        f"{name}：文字超过 {MAX_PLAN_CHARS} 字，一份工作要点没有这么多，请检查是否选错了文件。"
    )


def _within_plan_limits(document: Document) -> Document:
    """Return `document` if its text, tables included, is within MAX_PLAN_CHARS."""
    size = len(document.text)
    for table in document.tables:
        size += sum(len(cell) for row in table for cell in row)
    if size > MAX_PLAN_CHARS:
        raise _too_many_characters(document.name)
    return document


def decode_text(data: bytes, name: str) -> str:
    """Return `data` decoded: BOM first, then UTF-8, then the likeliest Chinese encoding."""
    text: str | None = None
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise ParseError(
                    f"{name}：文件声明为 {encoding.upper()} 编码，但内容有损坏。"
                ) from None
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            best = from_bytes(data, cp_isolation=_CJK_ENCODINGS).best()
            if best is None:
                raise ParseError(
                    f"{name}：无法识别文字编码，文件可能不是文本文件（支持 UTF-8、UTF-16、GB18030/GBK）。"
                ) from None
            text = str(best)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _looks_binary(text):
        raise ParseError(f"{name}：文件内容不是文字，可能是二进制文件或已损坏。")
    return text


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t\f\v")
    return "\x00" in text or controls > max(2, len(text) // 100)


def _strip_markdown_headings(text: str) -> str:
    return re.sub(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+", "", text)


# How each Office kind is named when refused: (what it is, its part, the old format, its suffix).
_OFFICE_WORDS = {
    "docx": ("Word 文档", "正文部分", "旧版 Word（.doc）或加密的文档", ".docx"),
    "xlsx": ("Excel 工作簿", "工作簿部分", "旧版 Excel（.xls）或加密的工作簿", ".xlsx"),
}


def _checked_office_file(data: bytes, name: str, kind: str, **limits) -> io.BytesIO:
    """Return `data` to read as an Office file of `kind`, once `parsing.archive` has checked
    what it unpacks to; raise ParseError saying what it is instead."""
    what, part, old, suffix = _OFFICE_WORDS[kind]
    buffer = io.BytesIO(data)
    try:
        check_office_zip(buffer, name, kind, **limits)
    except ArchiveRefused as refused:
        if refused.reason == "wrong_kind":
            raise ParseError(f"{name}：不是有效的 {what}（缺少{part}）。") from None
        raise
    except zipfile.BadZipFile:
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise ParseError(f"{name}：这是{old}，请另存为未加密的 {suffix} 后再导入。") from None
        raise ParseError(f"{name}：不是有效的 {what}（{suffix} 文件已损坏或格式不对）。") from None
    return buffer


def _read_docx(data: bytes, name: str) -> Document:

    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    buffer = _checked_office_file(data, name, "docx", body=PLAN_BODY)
    try:
        document = docx.Document(buffer)
        paragraphs: list[str] = []
        tables: list[list[list[str]]] = []
        numbering = _AutoNumbering()
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                text = _docx_paragraph_text(block)
                paragraphs.append(numbering.prefix(block, text) + text)
            elif isinstance(block, Table):
                paragraphs.append(TABLE_MARK.format(index=len(tables)))
                tables.append(_docx_table_rows(block))
    except ParseError:
        raise
    except (
        Exception
    ) as exc:  # python-docx raises many kinds on malformed XML; none helps the reader
        if "depth" in str(exc).lower():  # libxml2 stops at 256 levels: a nesting bomb
            raise ParseError(
                f"{name}：文档的 XML 嵌套超过 256 层，不是正常的 Word 文档，无法读取。"
            ) from None
        raise ParseError(
            f"{name}：Word 文档内容已损坏，无法读取。请用 Word 或 WPS 打开后另存为 .docx 再导入。"
        ) from None
    return Document(name=name, text="\n\n".join(p for p in paragraphs if p.strip()), tables=tables)


def _read_xlsx(data: bytes, name: str) -> Document:
    """Return a workbook as a document: on each sheet, the rows above a task table's header
    (its title, its date) are paragraphs and the rest is the table, merged cells filled."""

    import openpyxl

    buffer = _checked_office_file(
        data, name, "xlsx", max_filled_rows=MAX_PLAN_BLOCKS, max_filled_cells=MAX_PLAN_CELLS
    )
    try:
        workbook = openpyxl.load_workbook(buffer, data_only=True)
        paragraphs: list[str] = []
        tables: list[list[list[str]]] = []
        for sheet in workbook.worksheets:
            if sheet.sheet_state != "visible":
                continue
            rows = _sheet_rows(sheet)
            header = header_index(rows)
            above = rows if header is None else rows[:header]
            for row in above:
                line = "  ".join(dict.fromkeys(cell for cell in row if cell))
                if line:
                    paragraphs.append(line)
            if header is not None:
                paragraphs.append(TABLE_MARK.format(index=len(tables)))
                tables.append(rows[header:])
    except ParseError:
        raise
    except Exception:  # openpyxl raises many kinds on malformed parts; none helps the reader
        raise ParseError(
            f"{name}：Excel 工作簿内容已损坏，无法读取。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。"
        ) from None
    notes = [
        f"{name}：工作表“{sheet}”有 {len(cells)} 个公式单元格（{'、'.join(cells[:3])}"
        f"{'等' if len(cells) > 3 else ''}）没有保存计算结果，已按空白读入；"
        "请在 Excel 或 WPS 中打开并保存后再导入。"
        for sheet, cells in _uncalculated_formulas(buffer).items()
    ]
    return Document(name=name, text="\n\n".join(paragraphs), tables=tables, notes=notes)


_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATION_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# A formula cell whose value was never stored (a workbook written by a program and not yet
# opened in Excel): openpyxl reads it as empty, indistinguishable from a blank cell.
_EMPTY_FORMULA_RE = re.compile(
    rb'<c r="([A-Z]{1,3}\d{1,7})"[^>]*>\s*<f\b[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)


def _uncalculated_formulas(buffer: io.BytesIO) -> dict[str, list[str]]:
    """Return, by sheet title, the cells holding a formula whose value the file lacks."""
    found: dict[str, list[str]] = {}
    with zipfile.ZipFile(buffer) as archive:
        try:
            relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
            book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        except (KeyError, ElementTree.ParseError):
            return found
        targets = {r.get("Id"): r.get("Target") or "" for r in relations}
        for sheet in book.iter(f"{_MAIN_NS}sheet"):
            target = targets.get(sheet.get(f"{_RELATION_NS}id"), "")
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            try:
                data = archive.read(path)
            except KeyError:
                continue
            if b"<f" in data and (cells := _EMPTY_FORMULA_RE.findall(data)):
                found[sheet.get("name") or path] = [c.decode() for c in cells]
    return found


def _sheet_rows(sheet) -> list[list[str]]:
    values = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    for merged in sheet.merged_cells.ranges:
        top = (
            values[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(values) else ""
        )
        for row in range(merged.min_row - 1, min(merged.max_row, len(values))):
            for column in range(merged.min_col - 1, min(merged.max_col, len(values[row]))):
                values[row][column] = top
    # Every row as wide as the widest: in a workbook an empty cell is empty (merged cells were
    # filled above), never a cell the row lacks, which a task table would take as merged.
    width = max(
        (max((i + 1 for i, v in enumerate(row) if v), default=0) for row in values), default=0
    )
    return [row[:width] + [""] * (width - len(row)) for row in values if any(row)]


def _cell_text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "year") and hasattr(value, "month") and hasattr(value, "day"):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "一二三四五六七八九十"
_TYPED_NUMBER = re.compile(
    r"^[\s*]*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、)）]|[①-⑳]|第)"
)


class _AutoNumbering:
    """The numbers Word draws but does not store as text: headings (标题 1, 标题 2) and automatic
    lists (a paragraph with numbering, or of a List Number style). Written out the way offices
    type them — 一、 for a heading, （一） for a second-level one, 1. / （1） / ① for list levels —
    so an auto-numbered document reads as its printed copy does."""

    def __init__(self) -> None:
        self.counts = [0] * 5  # heading 1, heading 2, list levels 0, 1, 2
        # Style names by style id: python-docx looks a paragraph's style up among all the
        # document's styles on every call (1 ms a paragraph in a document of 12,000).
        self.style_names: dict[str | None, str] = {}

    def prefix(self, paragraph, text: str) -> str:
        if not text.strip() or _TYPED_NUMBER.match(text):
            return ""
        level = self._level(paragraph, text.replace("**", "").strip())
        if level is None:
            return ""
        self.counts[level] += 1
        for lower in range(level + 1, len(self.counts)):
            self.counts[lower] = 0
        number = self.counts[level]
        if level == 0:
            return f"{_chinese(number)}、"
        if level == 1:
            return f"（{_chinese(number)}）"
        if level == 2:
            return f"{number}."
        if level == 3:
            return f"（{number}）"
        return chr(ord("①") + min(number, 20) - 1)

    def _style_name(self, paragraph) -> str:
        style_id = paragraph._p.style
        if style_id not in self.style_names:
            style = paragraph.style
            self.style_names[style_id] = (style.name if style is not None else "") or ""
        return self.style_names[style_id]

    def _level(self, paragraph, text: str) -> int | None:
        style = self._style_name(paragraph)
        heading = re.fullmatch(r"(?:Heading|标题)\s*([12])", style)
        if heading:
            return int(heading.group(1)) - 1
        properties = paragraph._p.pPr
        numbered = properties is not None and properties.numPr is not None
        if not numbered and not style.startswith(("List Number", "列表编号")):
            return None
        ilvl = properties.numPr.ilvl if numbered else None
        depth = ilvl.val if ilvl is not None and ilvl.val is not None else 0
        if depth == 0 and len(text) <= 30 and not re.search(r"[。；;！？（(：:]", text):
            return 0  # a short numbered line without a sentence: a key point's heading
        return 2 + min(int(depth), 2)


def _chinese(number: int) -> str:
    if number <= 10:
        return _CN[number - 1]
    tens, ones = divmod(number, 10)
    return f"{_CN[tens - 1] if tens > 1 else ''}十{_CN[ones - 1] if ones else ''}"


_RUN_TEXT_TAGS = {f"{_W}{tag}" for tag in ("br", "cr", "noBreakHyphen", "ptab", "t", "tab")}


def _run_text(r) -> str:
    """Return the text of a <w:r> as python-docx's run.text does, without its XPath query (which
    compiles afresh on every call, some 40 µs a run)."""
    return "".join(str(child) for child in r if child.tag in _RUN_TEXT_TAGS)


def _plain_paragraph_text(p) -> str:
    """Return the text of a <w:p> as python-docx's paragraph.text does: its runs and links."""
    pieces = []
    for child in p:
        if child.tag == f"{_W}r":
            pieces.append(_run_text(child))
        elif child.tag == f"{_W}hyperlink":
            pieces.extend(_run_text(r) for r in child if r.tag == f"{_W}r")
    return "".join(pieces)


def _docx_paragraph_text(paragraph) -> str:
    """Return the paragraph's text with bold runs marked as markdown emphasis (**…**)."""
    pieces: list[str] = []
    in_bold = False
    for run in paragraph.runs:
        text = _run_text(run._r)
        bold = bool(run.bold) and bool(text.strip())
        if bold != in_bold and (text.strip() or not bold):
            pieces.append("**")
            in_bold = bold
        pieces.append(text)
    if in_bold:
        pieces.append("**")
    text = "".join(pieces)
    # Hyperlinks and fields hide runs from paragraph.runs; fall back to the plain text then.
    plain = _plain_paragraph_text(paragraph._p)
    return text if text.replace("**", "") == plain else plain


def _docx_table_rows(table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        # A horizontally merged cell is returned once per grid column, and kept so, as an .xlsx
        # merge or an HTML colspan is: the columns stay where the header put them.
        rows.append([cell.text.strip() for cell in row.cells])
    return rows


_BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article",
    "blockquote", "pre", "title", "header", "footer", "ul", "ol", "table",
}  # fmt: skip


# Tags never closed, or whose end tag may be left out: they do not count towards nesting depth.
_UNNESTED_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup",
    "thead", "tbody", "tfoot", "colgroup", "caption", "rt", "rp",
}  # fmt: skip


class _TooDeep(Exception):
    pass


class _TooLong(Exception):
    pass


@dataclass
class _OpenTable:
    """A table being read: its rows, the open row and cell, and cells spanning rows below."""

    rows: list[list[str]] = field(default_factory=list)
    row: list[str] | None = None
    cell: list[str] | None = None
    spans: tuple[int, int] = (1, 1)  # the open cell's (rowspan, colspan)
    pending: dict[int, list] = field(default_factory=dict)  # column → [rows left, text]
    # A table holding tables lays a page out: its cells are the page's text, not a task table.
    layout: bool = False


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._depth = 0
        self.paragraphs: list[str] = []
        self.tables: list[list[list[str]]] = []
        self._buffer: list[str] = []
        self._open: list[_OpenTable] = []  # the tables open, innermost last
        self._skip = 0
        self._blocks = 0  # paragraphs and table rows

    def _count_block(self) -> None:
        self._blocks += 1
        if self._blocks > MAX_PLAN_BLOCKS:
            raise _TooLong

    def _flush(self) -> None:
        text = "".join(self._buffer).strip()
        self._buffer = []
        if text:
            self._count_block()
            self.paragraphs.append(text)

    @property
    def _cell(self) -> list[str] | None:
        return self._open[-1].cell if self._open else None

    def handle_starttag(self, tag, attrs):
        if tag not in _UNNESTED_TAGS:
            self._depth += 1
            if self._depth > MAX_HTML_DEPTH:
                raise _TooDeep
        table = self._open[-1] if self._open else None
        if tag in {"script", "style"}:
            self._skip += 1
        elif tag == "table":
            if table is None:
                self._flush()
            else:
                table.layout = True
            self._open.append(_OpenTable())
        elif table is not None and tag == "tr":
            table.row = []
        elif table is not None and tag in {"td", "th"}:
            table.cell = []
            values = dict(attrs)
            table.spans = (_span(values.get("rowspan")), _span(values.get("colspan")))
        elif tag == "br":
            (self._cell if self._cell is not None else self._buffer).append("\n")
        elif tag in _BLOCK_TAGS:
            if table is None:
                self._flush()
            elif table.cell is not None:
                table.cell.append("\n")

    def handle_endtag(self, tag):
        if tag not in _UNNESTED_TAGS:
            self._depth = max(0, self._depth - 1)
        table = self._open[-1] if self._open else None
        if tag in {"script", "style"}:
            self._skip = max(0, self._skip - 1)
        elif tag == "table" and table is not None:
            self._close_table()
        elif table is not None and tag in {"td", "th"} and table.cell is not None:
            if table.row is not None:
                self._fill_spanned(table)
                text = "\n".join(
                    line.strip() for line in "".join(table.cell).split("\n") if line.strip()
                )
                rows, columns = table.spans
                for _ in range(columns):
                    if rows > 1:
                        table.pending[len(table.row)] = [rows - 1, text]
                    table.row.append(text)
            table.cell = None
        elif table is not None and tag == "tr" and table.row is not None:
            self._fill_spanned(table, to_end=True)
            self._count_block()
            table.rows.append(table.row)
            table.row = None
        elif tag in _BLOCK_TAGS and table is None:
            self._flush()

    def finish(self) -> None:
        """Close what a page cut off mid-table left open: its last cell, row and tables."""
        while self._open:
            table = self._open[-1]
            if table.cell is not None and table.row is not None:
                self.handle_endtag("td")
            if table.row is not None:
                self.handle_endtag("tr")
            self._close_table()
        self._flush()

    def _close_table(self) -> None:
        """Close the innermost table: a task table is kept and marked where it stood; a layout
        table gives its cells' lines (and the tables inside it) as paragraphs."""
        table = self._open.pop()
        # One column of paragraphs is a frame around the text too.
        framing = all(sum(1 for cell in row if cell.strip()) <= 1 for row in table.rows) and any(
            "\n" in cell for row in table.rows for cell in row
        )
        if table.layout or framing:
            lines = [line for row in table.rows for cell in row for line in cell.split("\n")]
        else:
            lines = [TABLE_MARK.format(index=len(self.tables))]
            self.tables.append(table.rows)
        outer = self._open[-1] if self._open else None
        if outer is None:
            self.paragraphs.extend(line for line in lines if line.strip())
        elif outer.cell is not None:
            outer.cell.append("\n" + "\n".join(lines) + "\n")

    def _fill_spanned(self, table: _OpenTable, *, to_end: bool = False) -> None:
        """Put the text of cells spanning down from rows above into the open row."""
        row = table.row
        while row is not None and (
            len(row) in table.pending or (to_end and any(c >= len(row) for c in table.pending))
        ):
            column = len(row) if len(row) in table.pending else min(table.pending)
            if column > len(row):
                break
            left, text = table.pending[column]
            row.append(text)
            if left <= 1:
                del table.pending[column]
            else:
                table.pending[column][0] = left - 1

    def handle_data(self, data):
        if self._skip:
            return
        # Line breaks in the page's source are spaces; <br> and blocks break lines.
        text = re.sub(r"[ \t\r\n]+", " ", data) if data.strip() else data.strip()
        if self._cell is not None:
            self._cell.append(text)
        elif not self._open:
            self._buffer.append(text)


def _span(value: str | None) -> int:
    """Return a rowspan or colspan attribute's value, within reason."""
    try:
        return max(1, min(int(value or 1), 100))
    except ValueError:
        return 1


_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def _read_html(data: bytes, name: str) -> Document:
    match = _META_CHARSET.search(data[:4096])
    text = None
    if match:
        try:
            text = data.decode(match.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode_text(data, name)
    tags = text.count("<")
    if tags > MAX_HTML_TAGS:
        raise ParseError(
            f"{name}：网页中有 {tags} 个标签，上限为 {MAX_HTML_TAGS} 个，请另存为 .docx 或 .txt 后再导入。"
        )
    parser = _HTMLText()
    try:
        parser.feed(text)
        parser.close()
        parser.finish()
    except _TooDeep:
        raise ParseError(
            f"{name}：网页的元素嵌套超过 {MAX_HTML_DEPTH} 层，不是正常的文档，无法读取。"
        ) from None
    except _TooLong:
        raise ParseError(
            f"{name}：网页的段落和表格行超过 {MAX_PLAN_BLOCKS} 个，一份工作要点没有这么多，"
            "请检查是否选错了文件。"
        ) from None
    except Exception:  # html.parser is lenient; anything it still raises is corrupt input
        raise ParseError(f"{name}：HTML 无法解析，文件可能已损坏。") from None
    return Document(name=name, text="\n\n".join(parser.paragraphs), tables=parser.tables)
