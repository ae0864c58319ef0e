"""The 落实情况报告 as PDF: rendered by LibreOffice with free stand-ins for the official fonts."""

import io
import re
import subprocess
from datetime import date

import docx
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from workplan.reports.docx import progress_report_docx
from workplan.reports.pdf import docx_to_pdf
from workplan.reports.progress_report import build_progress_report

pytestmark = pytest.mark.django_db

# PostScript names of Debian's fonts-noto-cjk (Serif Bold, Serif, Sans) and fonts-arphic-gkai00mp.
STAND_INS = {
    "NotoSerifCJKjp-Bold",
    "NotoSerifCJKjp-Regular",
    "NotoSansCJKjp-Regular",
    "GBZenKai-Medium",
}


@pytest.fixture
def june(plan):
    return plan.periods.get(opens_on=date(2024, 6, 1))


@pytest.fixture
def pdf_and_docx(pdf_tools, plan, june, tmp_path):
    document = progress_report_docx(build_progress_report(plan, june))
    path = tmp_path / "report.pdf"
    path.write_bytes(docx_to_pdf(document))
    return path, docx.Document(io.BytesIO(document))


def run(*command) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def fonts_in(pdf) -> list[tuple[str, str]]:
    """Return (font name without subset prefix, embedded yes/no) for each font in the PDF."""
    rows = run("pdffonts", str(pdf)).splitlines()[2:]
    fonts = []
    for row in rows:
        name = row.split()[0].split("+")[-1].removesuffix("-VKana")
        embedded = row[-17:].split()[0]  # columns: emb sub uni object ID
        fonts.append((name, embedded))
    return fonts


def test_every_character_of_the_word_file_is_in_the_pdf(pdf_and_docx):
    """A character the fonts lack would come out as a box with no text behind it."""
    pdf, document = pdf_and_docx
    words = re.sub(r"\s+", "", run("pdftotext", str(pdf), "-"))
    for paragraph in document.paragraphs:
        assert re.sub(r"\s+", "", paragraph.text) in words
    # Table cells wrap in narrow columns, so compare characters there.
    table = {c for row in document.tables[0].rows for cell in row.cells for c in cell.text}
    assert table - set(words) <= {" ", "\n"}
    assert "完成课程标准修订（教务处）" in words


def test_official_fonts_are_replaced_by_embedded_free_fonts(pdf_and_docx):
    pdf, _ = pdf_and_docx
    fonts = fonts_in(pdf)
    assert {name for name, _ in fonts} == STAND_INS, fonts  # no other face, no fallback
    assert all(embedded == "yes" for _, embedded in fonts), fonts


def test_first_page_shows_the_report(pdf_and_docx, screenshot_dir):
    pdf, _ = pdf_and_docx
    assert "(A4)" in run("pdfinfo", str(pdf))
    run(
        "pdftoppm",
        "-f",
        "1",
        "-l",
        "1",
        "-r",
        "60",
        "-gray",
        str(pdf),
        str(screenshot_dir / "page"),
    )
    (picture,) = screenshot_dir.glob("page-*1.pgm")
    width, height, pixels = read_pgm(picture.read_bytes())
    picture.unlink()
    ink = sum(1 for value in pixels if value < 128)
    assert width < height  # portrait
    assert ink > 0.01 * width * height  # the page is not blank
    # The title sits in the top third of the page, inside the GB/T 9704 margins.
    rows_with_ink = [y for y in range(height) if min(pixels[y * width : (y + 1) * width]) < 128]
    assert rows_with_ink[0] > height * 3.5 / 29.7 and rows_with_ink[0] < height / 3
    picture = str(screenshot_dir / "progress-report-page-1")
    run("pdftoppm", "-f", "1", "-l", "1", "-r", "50", "-png", "-singlefile", str(pdf), picture)


def read_pgm(data: bytes) -> tuple[int, int, bytes]:
    """Parse a binary PGM (P5) image as pdftoppm -gray writes it."""
    header = data.split(maxsplit=4)
    assert header[0] == b"P5"
    width, height = int(header[1]), int(header[2])
    return width, height, header[4][-width * height :]


def test_the_button_downloads_a_pdf(pdf_tools, client, leader, plan, june):
    client.force_login(leader)
    response = client.get(
        reverse("reports:progress-report", args=[plan.pk]), {"period": june.pk, "format": "pdf"}
    )
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].endswith(".pdf")


def test_command_line_writes_a_pdf(pdf_tools, plan, tmp_path):
    path = tmp_path / "报告.pdf"
    call_command("report", "2024", "--period", "2024-06", "-o", str(path))
    assert path.read_bytes().startswith(b"%PDF")
    assert "落实情况报告" in re.sub(r"\s+", "", run("pdftotext", str(path), "-"))


def test_without_libreoffice_the_user_is_told_what_to_install(
    client, leader, plan, june, tmp_path, monkeypatch
):
    monkeypatch.setenv("PATH", str(tmp_path))  # a server where LibreOffice is not installed
    monkeypatch.delenv("WORKPLAN_SOFFICE", raising=False)
    client.force_login(leader)
    response = client.get(
        reverse("reports:progress-report", args=[plan.pk]),
        {"period": june.pk, "format": "pdf"},
        follow=True,
    )
    assert response.status_code == 200
    assert "LibreOffice" in response.content.decode()
    with pytest.raises(CommandError, match="LibreOffice"):
        call_command("report", "2024", "--period", "2024-06", "-o", str(tmp_path / "a.pdf"))
    assert not (tmp_path / "a.pdf").exists()


def test_other_file_types_are_refused_by_name(plan, tmp_path):
    with pytest.raises(CommandError, match=r"报告\.odt"):
        call_command("report", "2024", "--period", "2024-06", "-o", str(tmp_path / "报告.odt"))
