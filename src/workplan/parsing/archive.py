"""Check what an Office file (.docx, .xlsx: both zips of XML parts) unpacks to before anything
parses it, so a few megabytes that unpack to gigabytes are refused in a second.

Limits, chosen well above the largest real files (docs/parsing.md, "Limits", explains them):

- the whole archive unpacks to at most 100 MB, in at most 1,000 parts;
- one part (a sheet's or the document's XML) unpacks to at most 40 MB: a task table of 20,000
  tasks × 20 columns is about 12 MB of sheet XML and 8 MB of shared strings;
- a part of more than 1 MB is compressed at most 400 times (real Office XML: 5–30 times, a
  sheet of 20,000 identical rows: 240; deflate's ceiling, which a zero-filled bomb reaches:
  about 1,000). The sizes above are the real guard; this only stops such a bomb sooner;
- no part declares a DTD: Office never writes one, and it is how entity bombs are made;
- sheet and shared-string XML nests at most 64 elements deep (real files: under 10);
- a sheet has at most 100,000 rows, 300 columns, 1,000,000 cells, and rows × columns (the
  grid a reader fills in) at most 4,000,000; a workbook at most 1,000,000 shared strings.
  The rows and cells that hold a value are counted too, and a caller may hold every sheet to
  fewer (`max_filled_rows`, `max_filled_cells`: an account sheet lists a few thousand people),
  refused as soon as passed;
- a caller may hold a Word document's body (word/document.xml) to less than the limits above,
  in bytes, in paragraphs and table rows, and in elements, as the plan reader does (readers.py).

Zip members are read through `zipfile`, which never yields more than a member's declared size,
so the sizes in the archive's directory can be trusted for the totals.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from .model import ParseError

MB = 1024 * 1024
MAX_MEMBERS = 1_000
MAX_UNPACKED_BYTES = 100 * MB
MAX_PART_BYTES = 40 * MB
MAX_RATIO = 400
RATIO_FLOOR_BYTES = 1 * MB  # small parts may compress as well as they like
MAX_SHEET_ROWS = 100_000
MAX_SHEET_COLUMNS = 300
MAX_SHEET_CELLS = 1_000_000
MAX_SHEET_GRID = 4_000_000
MAX_SHARED_STRINGS = 1_000_000
MAX_XML_DEPTH = 64

KINDS = {
    # kind: (what Office calls it, a part every such file has)
    "docx": ("Word 文档（.docx）", "word/document.xml"),
    "xlsx": ("Excel 工作簿（.xlsx）", "xl/workbook.xml"),
}
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_HEAD_BYTES = 64 * 1024
_CHUNK_BYTES = 1 * MB


class ArchiveRefused(ParseError):
    """The file unpacks to more than a limit allows, or to something it should not contain.

    `reason` is one of members, unpacked, part, ratio, dtd, wrong_kind, rows, columns, cells,
    grid, strings, depth, body, paragraphs, elements, filled_rows, filled_cells;
    `actual` and `limit` are in bytes for the sizes, counts otherwise."""

    def __init__(self, name: str, reason: str, *, part: str = "", actual=0, limit=0, kind=""):
        self.name, self.reason, self.part = name, reason, part
        self.actual, self.limit, self.kind = actual, limit, kind
        super().__init__(f"{name}：{self._chinese()}")

    def _chinese(self) -> str:
        mb = ("", "")
        if self.reason in {"unpacked", "part", "body"}:
            mb = f"{self.actual / MB:.1f} MB", f"{self.limit // MB} MB"
        return {
            "members": f"压缩包内有 {self.actual} 个部分，上限为 {self.limit} 个。",
            "unpacked": f"解压后过大（{mb[0]}），上限为 {mb[1]}，可能是“压缩炸弹”。",
            "part": f"其中的 {self.part} 解压后过大（{mb[0]}），上限为 {mb[1]}，可能是“压缩炸弹”。",
            "ratio": f"其中的 {self.part} 压缩比为 {self.actual} 倍，上限为 {self.limit} 倍，"
            "可能是“压缩炸弹”。",
            "dtd": f"其中的 {self.part} 含有 DTD 或实体声明，Office 文件不会包含这些内容。",
            "wrong_kind": f"文件内容不是{KINDS.get(self.kind, ('', ''))[0]}，与扩展名不符。",
            "rows": f"工作表 {self.part} 用到了第 {self.actual} 行，上限为 {self.limit} 行。",
            "columns": f"工作表 {self.part} 用到了第 {self.actual} 列，上限为 {self.limit} 列。",
            "cells": f"工作表 {self.part} 有 {self.actual} 个以上单元格，上限为 {self.limit} 个。",
            "grid": f"工作表 {self.part} 的行数×列数为 {self.actual}，上限为 {self.limit}。",
            "depth": f"其中的 {self.part} 元素嵌套超过 {self.limit} 层，不是正常的 Office 文件。",
            "strings": f"共享字符串超过 {self.actual} 个，上限为 {self.limit} 个。",
            "filled_rows": f"工作表“{self.part}”有内容的行超过 {self.limit} 行。",
            "filled_cells": f"工作表“{self.part}”有内容的单元格超过 {self.limit} 个。",
            "body": f"正文（{self.part}）解压后为 {mb[0]}，上限为 {mb[1]}，一份工作要点没有这么大，"
            "请检查是否选错了文件。",
            "paragraphs": f"正文的段落和表格行超过 {self.limit} 个，一份工作要点没有这么多，"
            "请检查是否选错了文件。",
            "elements": f"正文的 XML 元素超过 {self.limit} 个，一份工作要点没有这么多，"
            "请检查是否选错了文件。",
        }[self.reason]


@dataclass(frozen=True)
class BodyLimits:
    """What a reader allows a Word document's body (word/document.xml) to hold."""

    xml_bytes: int
    paragraphs: int  # paragraphs and table rows, wherever they are
    elements: int


def check_office_zip(
    source: bytes | IO[bytes],
    name: str,
    kind: str,
    *,
    body: BodyLimits | None = None,
    max_filled_rows: int | None = None,
    max_filled_cells: int | None = None,
) -> None:
    """Raise ArchiveRefused if the zip in `source` is not a `kind` file within the limits (a
    .docx's body within `body`, no sheet of an .xlsx with more than `max_filled_rows` rows or
    `max_filled_cells` cells holding a value); zipfile.BadZipFile if it is not a zip at all."""
    stream = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
    stream.seek(0)
    with zipfile.ZipFile(stream) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ArchiveRefused(name, "members", actual=len(infos), limit=MAX_MEMBERS)
        names = {info.filename for info in infos}
        if KINDS[kind][1] not in names:
            raise ArchiveRefused(name, "wrong_kind", kind=kind)
        for info in infos:
            _check_size(info, name)
            if body and info.filename == KINDS["docx"][1] and info.file_size > body.xml_bytes:
                raise ArchiveRefused(
                    name, "body", part=info.filename, actual=info.file_size, limit=body.xml_bytes
                )
        total = sum(info.file_size for info in infos)
        if total > MAX_UNPACKED_BYTES:
            raise ArchiveRefused(name, "unpacked", actual=total, limit=MAX_UNPACKED_BYTES)
        for info in infos:
            _check_head(archive, info, name)
        if kind == "xlsx":
            titles = _sheet_titles(archive)
            for info in infos:
                if _is_sheet(info.filename):
                    _check_sheet(
                        archive,
                        info,
                        name,
                        (max_filled_rows, max_filled_cells),
                        titles.get(info.filename, ""),
                    )
                elif info.filename.rsplit("/", 1)[-1].startswith("sharedStrings"):
                    _check_shared_strings(archive, info, name)
        if kind == "docx" and body:
            _check_body(archive, archive.getinfo(KINDS["docx"][1]), name, body)
    stream.seek(0)


def _check_size(info: zipfile.ZipInfo, name: str) -> None:
    if info.file_size > MAX_PART_BYTES:
        raise ArchiveRefused(
            name, "part", part=info.filename, actual=info.file_size, limit=MAX_PART_BYTES
        )
    if info.file_size > RATIO_FLOOR_BYTES:
        ratio = info.file_size // max(info.compress_size, 1)
        if ratio > MAX_RATIO:
            raise ArchiveRefused(name, "ratio", part=info.filename, actual=ratio, limit=MAX_RATIO)


def _check_head(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    if info.filename.lower().endswith(_XML_SUFFIXES):
        with archive.open(info) as member:
            head = member.read(_HEAD_BYTES)
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise ArchiveRefused(name, "dtd", part=info.filename)


def _is_sheet(filename: str) -> bool:
    return filename.startswith("xl/worksheets/") and filename.endswith(".xml")


# Any start or end tag, with or without a namespace prefix (<row …>, <x:c …/>, </c>).
_TAG = re.compile(rb"<(/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(?=[\s/>])([^>]*)>")
_REF = re.compile(rb'(?:^|\s)r\s*=\s*["\']([A-Za-z]*)(\d*)["\']')
_COUNTED = {b"row", b"c", b"si"}


def _start_tags(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    name: str,
    counted: set[bytes] | None = _COUNTED,
    max_depth: int = MAX_XML_DEPTH,
) -> Iterator[tuple[bytes, bytes]]:
    """Yield (tag, attributes) of each start tag in `counted` (every one if None), reading the
    part a megabyte at a time; raise ArchiveRefused if elements nest deeper than `max_depth`."""
    carry = b""
    depth = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK_BYTES):
            text = carry + chunk
            end = text.rfind(b">") + 1
            carry = text[end:]
            for match in _TAG.finditer(text, 0, end):
                closing, tag, attributes = match.groups()
                if closing:
                    depth -= 1
                    continue
                if not attributes.endswith(b"/"):
                    depth += 1
                    if depth > max_depth:
                        raise ArchiveRefused(
                            name, "depth", part=info.filename, actual=depth, limit=max_depth
                        )
                if counted is None or tag in counted:
                    yield tag, attributes


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


@dataclass
class SheetShape:
    rows: int = 0  # the highest row number used
    columns: int = 0  # the highest column number used
    cells: int = 0
    filled_rows: int = 0  # rows with a cell that holds something (<c …>…</c>, not <c …/>)
    filled_cells: int = 0


def _check_sheet(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    name: str,
    max_filled: tuple[int | None, int | None] = (None, None),
    title: str = "",
) -> SheetShape:
    """Return the sheet's real extent, counted from its cells (its declared dimension is not
    trusted: readers pad every row out to it); raise ArchiveRefused at the first limit passed."""
    shape = SheetShape()
    row = column = filled = 0
    part = f"“{title}”" if title else info.filename  # the sheet as the office named it
    for tag, attributes in _start_tags(archive, info, name):
        ref = _REF.search(attributes)
        if tag == b"row":
            row = int(ref.group(2)) if ref and ref.group(2) else row + 1
            column = 0
            filled = 0
            if row > MAX_SHEET_ROWS:
                raise ArchiveRefused(name, "rows", part=part, actual=row, limit=MAX_SHEET_ROWS)
            shape.rows = max(shape.rows, row)
        elif tag == b"c":
            column = _column_number(ref.group(1)) if ref and ref.group(1) else column + 1
            shape.cells += 1
            if not attributes.endswith(b"/"):
                shape.filled_cells += 1
                shape.filled_rows += not filled
                filled = 1
                for reason, count, limit in (
                    ("filled_rows", shape.filled_rows, max_filled[0]),
                    ("filled_cells", shape.filled_cells, max_filled[1]),
                ):
                    if limit is not None and count > limit:
                        raise ArchiveRefused(
                            name, reason, part=title or part, actual=count, limit=limit
                        )
            if column > MAX_SHEET_COLUMNS:
                raise ArchiveRefused(
                    name, "columns", part=part, actual=column, limit=MAX_SHEET_COLUMNS
                )
            if shape.cells > MAX_SHEET_CELLS:
                raise ArchiveRefused(
                    name, "cells", part=part, actual=shape.cells - 1, limit=MAX_SHEET_CELLS
                )
            shape.columns = max(shape.columns, column)
            if shape.rows * shape.columns > MAX_SHEET_GRID:
                raise ArchiveRefused(
                    name,
                    "grid",
                    part=part,
                    actual=f"{shape.rows}×{shape.columns}",
                    limit=MAX_SHEET_GRID,
                )
    return shape


_SHEET_ENTRY = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTRIBUTE = re.compile(rb'([\w:]+)\s*=\s*["\']([^"\']*)["\']')


def _sheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Return each sheet's title by its part name, from the workbook and its relationships (a
    few KB, and their sizes already checked); {} if they cannot be read so simply."""
    try:
        workbook = archive.read("xl/workbook.xml")
        relationships = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    targets = {}
    for match in _RELATIONSHIP.finditer(relationships):
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        target = attributes.get(b"Target", b"").decode("utf-8", "replace")
        target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        targets[attributes.get(b"Id")] = target
    titles = {}
    for match in _SHEET_ENTRY.finditer(workbook):
        attributes = {k.split(b":")[-1]: v for k, v in _ATTRIBUTE.findall(match.group(1))}
        if b"id" in attributes and attributes[b"id"] in targets:
            titles[targets[attributes[b"id"]]] = html.unescape(
                attributes.get(b"name", b"").decode("utf-8", "replace")
            )
    return titles


def _check_shared_strings(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    count = 0
    for tag, _attributes in _start_tags(archive, info, name):
        if tag == b"si":
            count += 1
            if count > MAX_SHARED_STRINGS:
                raise ArchiveRefused(
                    name, "strings", actual=MAX_SHARED_STRINGS, limit=MAX_SHARED_STRINGS
                )


# Libxml2, which python-docx reads with, stops at 256 levels anyway; real documents: under 50.
_BODY_DEPTH = 256
_BLOCKS = {b"p", b"tr"}


def _check_body(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: BodyLimits
) -> None:
    """Raise ArchiveRefused as soon as the document's body passes `limits`: Word's reader builds
    the whole body in memory (some 170 bytes an element) and spends ~0.1 ms a paragraph."""
    blocks = 0
    tags = _start_tags(archive, info, name, None, _BODY_DEPTH)
    for elements, (tag, _attributes) in enumerate(tags, start=1):
        if elements > limits.elements:
            raise ArchiveRefused(name, "elements", actual=elements, limit=limits.elements)
        if tag in _BLOCKS:
            blocks += 1
            if blocks > limits.paragraphs:
                raise ArchiveRefused(name, "paragraphs", actual=blocks, limit=limits.paragraphs)
