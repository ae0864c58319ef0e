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
