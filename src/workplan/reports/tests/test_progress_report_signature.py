"""The 落款 (issuing office and date) never stands alone on a page of the 落实情况报告."""

import subprocess

import pytest

from workplan.reports.docx import (
    LightRow,
    PointSection,
    ProgressReportDocument,
    progress_report_docx,
)
from workplan.reports.pdf import docx_to_pdf


def run(*command) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def page_texts(pdf) -> list[str]:
    """Return each page's text without white space."""
    text = run("pdftotext", "-layout", str(pdf), "-")
    return ["".join(page.split()) for page in text.split("\f")]


@pytest.mark.parametrize("lines", [14, 16])  # the body just fills page 1: before, the 落款 left
def test_the_signature_page_has_body_text_too(pdf_tools, tmp_path, lines):
    sections = [PointSection(1, "要点", done=[f"完成第{n}项。" for n in range(1, lines + 1)])]
    report = ProgressReportDocument(
        "标题", "概述。", sections, [LightRow("1.1", "任务", "教务处", "绿灯", "")],
        "某某学院党政办公室", "2024年6月30日",
    )  # fmt: skip
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(docx_to_pdf(progress_report_docx(report)))
    pages = page_texts(pdf)
    (signed,) = [page for page in pages if "某某学院党政办公室" in page]
    assert "2024年6月30日" in signed
    assert f"{lines}.完成第{lines}项。" in signed  # the body's last paragraph goes with it
