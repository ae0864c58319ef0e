"""The real published document parses to exactly its expected JSON, whatever its encoding or format."""

import json
import subprocess
import sys

import docx

from workplan.parsing import parse_file


def _expected_with_no_warnings(expected: dict) -> dict:
    return {**expected, "warnings": []}


def test_real_document_matches_expected_json(hubei_txt, hubei_expected):
    result = subprocess.run(
        [sys.executable, "-m", "workplan", "parse", str(hubei_txt), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    parsed = json.loads(result.stdout)
    assert parsed == _expected_with_no_warnings(hubei_expected)
    assert len(parsed["points"]) == 12
    assert sum(len(p["tasks"]) for p in parsed["points"]) == 63
    assert len(parsed["departments"]) == 30
    assert {"name": "教学质量管理与评估中心", "aliases": ["管评中心"]} in parsed["departments"]


def test_gb18030_copy_parses_the_same(hubei_txt, hubei_expected, tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(hubei_txt.read_text(encoding="utf-8").encode("gb18030"))
    assert parse_file(gbk).to_dict() == _expected_with_no_warnings(hubei_expected)


def test_utf16_and_bom_copies_parse_the_same(hubei_txt, hubei_expected, tmp_path):
    text = hubei_txt.read_text(encoding="utf-8")
    for encoding in ("utf-16", "utf-8-sig"):
        copy = tmp_path / f"{encoding}.txt"
        copy.write_bytes(text.encode(encoding))
        assert parse_file(copy).to_dict() == _expected_with_no_warnings(hubei_expected), encoding


def test_docx_copy_parses_the_same(hubei_txt, hubei_expected, tmp_path):
    document = docx.Document()
    for paragraph in hubei_txt.read_text(encoding="utf-8").split("\n"):
        if paragraph.strip():
            # Bold annotations, as offices often format them, must not change the parse.
            bold = paragraph.startswith("**")
            document.add_paragraph().add_run(paragraph.replace("**", "")).bold = bold
    path = tmp_path / "plan.docx"
    document.save(path)
    assert parse_file(path).to_dict() == _expected_with_no_warnings(hubei_expected)


def test_html_copy_parses_the_same_points(hubei_txt, hubei_expected, tmp_path):
    paragraphs = [p for p in hubei_txt.read_text(encoding="utf-8").split("\n") if p.strip()]
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    path = tmp_path / "plan.html"
    path.write_text(f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>", "utf-8")
    parsed = parse_file(path).to_dict()
    assert parsed["points"] == hubei_expected["points"]
    assert parsed["departments"] == hubei_expected["departments"]
