"""What an Office file may unpack to: each limit refuses the file that passes it, naming the
limit, and the largest real files stay well inside them."""

import io
import zipfile

import openpyxl
import pytest

from workplan.parsing import ParseError, parse_bytes
from workplan.parsing.archive import (
    MAX_MEMBERS,
    MAX_SHEET_CELLS,
    MAX_SHEET_COLUMNS,
    MAX_SHEET_ROWS,
    MAX_XML_DEPTH,
    ArchiveRefused,
    check_office_zip,
)
from workplan.parsing.readers import MAX_HTML_DEPTH, read_bytes
from workplan.parsing.tests import badfiles

HEAD = badfiles.SHEET_HEAD + b"<sheetData>"
TAIL = b"</sheetData></worksheet>"


def refusal(data: bytes, kind: str = "xlsx") -> ArchiveRefused:
    with pytest.raises(ArchiveRefused) as caught:
        check_office_zip(data, f"f.{kind}", kind)
    return caught.value


def test_the_largest_real_task_table_is_within_the_limits():
    cell = '<c t="inlineStr"><is><t>推进内部质量保证体系诊断与改进工作</t></is></c>'.encode()
    row = b"<row>" + cell * 20 + b"</row>"
    check_office_zip(badfiles.xlsx((HEAD, row, 20_000, TAIL)), "big.xlsx", "xlsx")


def test_a_row_past_the_limit_is_refused():
    far = b'<row r="%d"><c t="inlineStr"><is><t>x</t></is></c></row>' % (MAX_SHEET_ROWS + 1)
    refused = refusal(badfiles.xlsx(HEAD + far + TAIL))
    assert (refused.reason, refused.limit) == ("rows", MAX_SHEET_ROWS)
    assert "100000 行" in str(refused)


def test_a_column_past_the_limit_is_refused():
    refused = refusal(badfiles.xlsx(HEAD + b'<row r="1"><c r="KP1"/></row>' + TAIL))
    assert (refused.reason, refused.actual, refused.limit) == ("columns", 302, MAX_SHEET_COLUMNS)
    # The office is told the sheet by the name it gave it, not the file's inner part.
    assert "sheet1.xml" not in str(refused) and "工作表 “" in str(refused)


def test_cells_past_the_limit_are_refused():
    row = b"<row>" + b"<c/>" * 201 + b"</row>"
    refused = refusal(badfiles.xlsx((HEAD, row, MAX_SHEET_CELLS // 201 + 1, TAIL), stored=True))
    assert refused.reason == "cells"


def test_a_sheet_spanning_too_many_rows_times_columns_is_refused():
    row = b"<row><c/></row>"
    last = b'<row><c r="IP30000"/></row>'  # column 250 on row 30,000: 7.5 million cells to fill
    refused = refusal(badfiles.xlsx((HEAD, row, 29_999, last + TAIL), stored=True))
    assert refused.reason == "grid"


def test_the_declared_dimension_is_not_trusted_either_way():
    refused = refusal(badfiles.xlsx_far_cell())
    assert refused.reason == "rows"


@pytest.mark.parametrize(
    ("make", "kind"), [(badfiles.xlsx_entity_bomb, "xlsx"), (badfiles.docx_entity_bomb, "docx")]
)
def test_a_dtd_is_refused(make, kind):
    refused = refusal(make(), kind)
    assert refused.reason == "dtd"
    assert "DTD" in str(refused)


def test_sheet_xml_nested_too_deep_is_refused():
    nested = b"<r>" * (MAX_XML_DEPTH + 1) + b"</r>" * (MAX_XML_DEPTH + 1)
    refused = refusal(badfiles.xlsx(HEAD + b"<row><c><is>" + nested + b"</is></c></row>" + TAIL))
    assert refused.reason == "depth"


def test_too_many_parts_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", badfiles.DOCUMENT_HEAD + b"</w:document>")
        for number in range(MAX_MEMBERS):
            archive.writestr(f"word/media/{number}.png", b"")
    assert refusal(buffer.getvalue(), "docx").reason == "members"


def test_a_part_compressed_like_a_bomb_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", badfiles.DOCUMENT_HEAD + b"</w:document>")
        archive.writestr("word/media/blank.bmp", b"\0" * (3 * 1024 * 1024))
    refused = refusal(buffer.getvalue(), "docx")
    assert refused.reason == "ratio"
    assert "压缩炸弹" in str(refused)


def test_a_sheet_bomb_is_refused_by_its_size_without_unpacking_it():
    refused = refusal(badfiles.xlsx_bomb())
    assert (refused.reason, refused.part) == ("part", "xl/worksheets/sheet1.xml")


def test_word_xml_nested_deeper_than_lxml_allows_is_refused_clearly():
    nested = b"<w:r>" * 300 + b"</w:r>" * 300
    data = badfiles.docx(
        badfiles.DOCUMENT_HEAD + b"<w:body><w:p>" + nested + b"</w:p></w:body></w:document>"
    )
    with pytest.raises(ParseError, match="嵌套超过 256 层"):
        parse_bytes(data, "deep.docx")


def test_html_nested_too_deep_is_refused():
    depth = MAX_HTML_DEPTH + 1
    data = b"<html><body>" + b"<div>" * depth + b"</div>" * depth + b"</body></html>"
    with pytest.raises(ParseError, match="嵌套超过"):
        parse_bytes(data, "deep.html")


def test_html_with_too_many_tags_is_refused():
    with pytest.raises(ParseError, match="标签"):
        parse_bytes(b"<p>x</p>" * 100_001, "many.html")


def test_sloppy_html_with_unclosed_paragraphs_is_still_read():
    data = "<html><body><div>" + "<p>加强党的建设。<br>" * 2000 + "</div></body></html>"
    assert read_bytes(data.encode(), "sloppy.html").text.count("加强党的建设") == 2000


def test_openpyxl_reads_workbooks_through_defusedxml():
    assert openpyxl.DEFUSEDXML is True
