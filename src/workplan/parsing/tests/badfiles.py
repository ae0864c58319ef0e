"""Hostile files for the upload sweep, built in a second or two: zip bombs that are valid
workbooks and Word documents, XML with entity bombs or deep nesting, mislabelled files."""

from __future__ import annotations

import io
import zipfile

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.worksheet+xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)
ROOT_RELS_XLSX = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
ROOT_RELS_DOCX = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
)
ENTITY_BOMB_DTD = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)


def _zip(parts: dict[str, bytes | tuple[bytes, bytes, int, bytes]], *, stored=False) -> bytes:
    """Return a zip of `parts`; a (head, repeated, times, tail) part is streamed, never built whole."""
    buffer = io.BytesIO()
    compression = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, content in parts.items():
            if isinstance(content, bytes):
                archive.writestr(name, content)
                continue
            head, repeated, times, tail = content
            block = repeated * max(1, (1 << 20) // len(repeated))
            with archive.open(name, "w", force_zip64=True) as out:
                out.write(head)
                written = 0
                while written + len(block) // len(repeated) <= times:
                    out.write(block)
                    written += len(block) // len(repeated)
                out.write(repeated * (times - written))
                out.write(tail)
    return buffer.getvalue()


def xlsx(sheet_xml: bytes | tuple, *, stored=False) -> bytes:
    """Return a minimal workbook whose one sheet is `sheet_xml` (uncompressed if `stored`)."""
    return _zip({
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS_XLSX,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/worksheets/sheet1.xml": sheet_xml,
    }, stored=stored)  # fmt: skip


def docx(document_xml: bytes | tuple) -> bytes:
    """Return a minimal Word document whose body is `document_xml`."""
    return _zip({
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS_DOCX,
        "word/document.xml": document_xml,
    })  # fmt: skip


def xlsx_bomb(rows: int = 250_000) -> bytes:
    """Return a few MB of workbook holding `rows` × 26 cells of text (250,000 rows ≈ 250 MB)."""
    cells = b"".join(b'<c t="inlineStr"><is><t>x</t></is></c>' for _ in range(26))
    row = b"<row>" + cells + b"</row>"
    head = (
        SHEET_HEAD + '<sheetData><row><c t="inlineStr"><is><t>具体任务</t></is></c></row>'.encode()
    )
    return xlsx((head, row, rows, b"</sheetData></worksheet>"))


def docx_bomb(paragraphs: int = 2_700_000) -> bytes:
    """Return a Word document of `paragraphs` empty-ish paragraphs (2,700,000 ≈ 92 MB of XML),
    under the old 100 MB limit on the whole archive."""
    paragraph = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    return docx((DOCUMENT_HEAD + b"<w:body>", paragraph, paragraphs, b"</w:body></w:document>"))


def xlsx_far_cell() -> bytes:
    """Return a tiny workbook whose sheet declares, and uses, the sheet's last cell."""
    return xlsx(
        SHEET_HEAD + b'<dimension ref="A1:XFD1048576"/><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
        b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        b"</sheetData></worksheet>"
    )


def xlsx_entity_bomb() -> bytes:
    return xlsx(
        b'<?xml version="1.0" encoding="UTF-8"?>'
        + ENTITY_BOMB_DTD
        + b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row><c t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
    )


def docx_entity_bomb() -> bytes:
    return docx(
        b'<?xml version="1.0" encoding="UTF-8"?>'
        + ENTITY_BOMB_DTD
        + DOCUMENT_HEAD[DOCUMENT_HEAD.index(b"<w:document") :]
        + b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )


DEPTH = 100_000


def xlsx_deep() -> bytes:
    """Return a workbook with one cell nested 100,000 elements deep."""
    return xlsx(
        SHEET_HEAD + b"<sheetData><row><c t=\"inlineStr\"><is>"
        + b"<r>" * DEPTH + b"</r>" * DEPTH
        + b"<t>x</t></is></c></row></sheetData></worksheet>"
    )  # fmt: skip


def docx_deep() -> bytes:
    return docx(
        DOCUMENT_HEAD + b"<w:body><w:p>"
        + b"<w:r>" * DEPTH + b"</w:r>" * DEPTH
        + b"</w:p></w:body></w:document>"
    )  # fmt: skip


def html_deep() -> bytes:
    return (
        b"<html><body>"
        + b"<div>" * DEPTH
        + "一、要点".encode()
        + b"</div>" * DEPTH
        + b"</body></html>"
    )


PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


# Files built to hurt a reader, by the name they are uploaded under (the extension is the lie
# or the truth the reader is told).
BOMBS = {
    "bomb.xlsx": xlsx_bomb,
    "far-cell.xlsx": xlsx_far_cell,
    "entities.xlsx": xlsx_entity_bomb,
    "deep.xlsx": xlsx_deep,
    "bomb.docx": docx_bomb,
    "entities.docx": docx_entity_bomb,
    "deep.docx": docx_deep,
    "deep.html": html_deep,
}


# Files within every size limit that still cost a reader dearly if it reads them whole: what a
# real 工作要点, task table or staff list never holds (docs/parsing.md, "Limits"). Each is
# built in about a second; none compresses beyond the ratio limit, so only the work is at stake.


def _lines(template: bytes, count: int) -> bytes:
    return b"".join(template % n for n in range(count))


def docx_many_paragraphs(paragraphs: int = 400_000) -> bytes:
    """Return a Word document of `paragraphs` numbered-less paragraphs (about 25 MB of XML)."""
    body = _lines("<w:p><w:r><w:t>第%d段没有编号的文字。</w:t></w:r></w:p>".encode(), paragraphs)
    return docx(DOCUMENT_HEAD + b"<w:body>" + body + b"</w:body></w:document>")


def inline_row(texts: list[str]) -> bytes:
    """Return a sheet row of text cells."""
    cells = "".join(f'<c t="inlineStr"><is><t>{text}</t></is></c>' for text in texts)
    return f"<row>{cells}</row>".encode()


def _sheet(header: list[str], row: bytes, rows: int) -> bytes:
    """Return a workbook whose header (if any) is row 1, then `rows` rows filled from `row`."""
    head = inline_row(header) if header else b""
    body = b"".join(row.replace(b"%d", b"%d" % n) for n in range(rows))
    return xlsx(SHEET_HEAD + b"<sheetData>" + head + body + b"</sheetData></worksheet>")


def xlsx_no_header(rows: int = 99_000) -> bytes:
    """Return a workbook of `rows` rows × 10 numbers and no header row (about 20 MB of XML)."""
    return _sheet([], b"<row>" + b"<c><v>%d</v></c>" * 10 + b"</row>", rows)


def xlsx_many_tasks(rows: int = 99_000) -> bytes:
    """Return a task table with its header and `rows` task rows."""
    return _sheet(
        ["系统编号", "工作要点", "具体任务", "牵头部门"],
        b'<row><c t="inlineStr"><is><t>%d</t></is></c><c t="inlineStr"><is><t>1.</t></is></c>'
        b'<c t="inlineStr"><is><t>task %d</t></is></c><c t="inlineStr"><is><t>x</t></is></c></row>',
        rows,
    )


def xlsx_many_people(rows: int = 99_000, department: str = "无此部门") -> bytes:
    """Return an account sheet of `rows` people, each in a department nobody has heard of."""
    return _sheet(
        ["姓名", "登录名", "部门"],
        b'<row><c t="inlineStr"><is><t>user %d</t></is></c><c t="inlineStr"><is><t>u%d</t></is>'
        b'</c><c t="inlineStr"><is><t>' + department.encode() + b"%d</t></is></c></row>",
        rows,
    )


def xlsx_unknown_departments() -> bytes:
    """Return an account sheet within the people limit, every row naming an unknown department."""
    return xlsx_many_people(5_000)


def md_many_tasks(tasks: int = 272_250) -> bytes:
    """Return a plan in markdown (about 19 MB) of 12 key points and `tasks` task sentences."""
    per_point = tasks // 12
    points = []
    for point in ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"):
        points.append(f"\n{point}、要点{point}\n".encode())
        points.append(
            _lines("推进第%d项具体工作，按照学校部署确保按期完成好。\n".encode(), per_point)
        )
    return "# 某大学2024年工作要点\n".encode() + b"".join(points)


def html_many_elements(paragraphs: int = 99_500) -> bytes:
    """Return a plan saved as a web page with `paragraphs` paragraphs: just under 200,000 tags."""
    body = _lines("<p>第%d项。</p>".encode(), paragraphs - 2)
    return "<html><body><p>2024年工作要点</p><p>一、要点</p>".encode() + body + b"</body></html>"


# Files within the size limits that no real upload resembles, by the name they are uploaded
# under, with the uploads (and readers) they are meant for.
HEAVY = {
    "many-paragraphs.docx": (docx_many_paragraphs, {"plan"}),
    "many-tasks.md": (md_many_tasks, {"plan"}),
    "many-elements.html": (html_many_elements, {"plan"}),
    "no-header.xlsx": (xlsx_no_header, {"table", "accounts"}),
    "many-tasks.xlsx": (xlsx_many_tasks, {"table"}),
    "many-people.xlsx": (xlsx_many_people, {"accounts"}),
}
