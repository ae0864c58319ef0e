"""Unreadable input: one line on stderr, exit status 2, never a traceback."""

import io
import os
import subprocess
import sys
import zipfile

import pytest

from workplan.parsing import ParseError, parse_bytes, parse_file
from workplan.parsing.readers import MAX_DOCX_UNPACKED_BYTES, MAX_FILE_BYTES


def run_parse(*args):
    return subprocess.run(
        [sys.executable, "-m", "workplan", "parse", *map(str, args)],
        capture_output=True,
        text=True,
    )


def _assert_one_line_error(result, *fragments):
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_random_bytes_named_docx_are_refused(tmp_path):
    path = tmp_path / "要点.docx"
    path.write_bytes(os.urandom(4096))
    _assert_one_line_error(run_parse(path), "要点.docx", "Word")


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _assert_one_line_error(run_parse(path), "empty.txt", "空")


def test_missing_file_is_refused(tmp_path):
    _assert_one_line_error(run_parse(tmp_path / "nowhere.docx"), "nowhere.docx", "不存在")


def test_png_image_is_refused(tmp_path):
    path = tmp_path / "scan.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(512))
    _assert_one_line_error(run_parse(path), "scan.png", ".png")


def test_random_bytes_named_txt_are_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 8)
    _assert_one_line_error(run_parse(path), "noise.txt")


def test_text_without_key_points_is_refused(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("关于召开会议的通知\n\n请各单位准时参加。", encoding="utf-8")
    _assert_one_line_error(run_parse(path), "letter.txt", "要点")


def test_old_word_format_gets_advice():
    with pytest.raises(ParseError, match="另存为"):
        parse_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "旧文件.doc")


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ParseError, match="过大"):
        parse_file(path)


def test_docx_that_unpacks_too_large_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/media/bomb.bin", b"\0" * (MAX_DOCX_UNPACKED_BYTES + 1))
    assert len(buffer.getvalue()) < MAX_FILE_BYTES
    with pytest.raises(ParseError, match="解压后过大"):
        parse_bytes(buffer.getvalue(), "bomb.docx")


def test_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ParseError, match="不是有效的 Word"):
        parse_bytes(buffer.getvalue(), "fake.docx")


def test_docx_with_broken_xml_says_what_to_do_without_naming_an_exception():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(ParseError) as refused:
        parse_bytes(buffer.getvalue(), "坏.docx")
    message = str(refused.value)
    assert message.startswith("坏.docx：") and "另存为 .docx" in message
    assert "Error" not in message
