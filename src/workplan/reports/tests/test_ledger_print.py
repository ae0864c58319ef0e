"""The 督办台账 prints readably: A3 landscape, as wide as the page, header row on every page,
rows as tall as their wrapped text — every cell's text on paper, none cut off."""

import io
import re
import subprocess
from collections import Counter
from datetime import date

import pytest
import time_machine
from openpyxl import load_workbook

from workplan.progress.actions import ReportData
from workplan.progress.models import ProgressReport
from workplan.progress.tests.factories import make_report
from workplan.reports.ledger import ledger
from workplan.reports.pdf import workbook_to_pdf
from workplan.reports.xlsx import ledger_workbook


def run(*command) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


pytestmark = pytest.mark.django_db
LONG = "推进课程思政示范课程建设，完成三门省级示范课程的申报、中期检查与验收材料的整理归档工作" * 2


@pytest.fixture
def workbook(plan, department, liaison):
    """The reports' plan (教务处 reported June) with a long July report on 4.1, seen on Aug 10."""
    july = plan.periods.get(opens_on=date(2024, 7, 1))
    task = plan.key_points.get(number=4).tasks.get(number=1)
    make_report(
        task, department, july, role=ProgressReport.Role.LEAD,
        state=ProgressReport.State.SUBMITTED, data=ReportData("on_track", 70, LONG, LONG, ""),
        by=liaison,
    )  # fmt: skip
    with time_machine.travel("2024-08-10 10:00 +08:00"):
        rows, summary = ledger(plan)
        return ledger_workbook(plan, rows, summary)


def test_ledger_prints_on_a3_landscape_fit_to_width_with_the_header_on_every_page(workbook):
    for sheet in load_workbook(io.BytesIO(workbook)).worksheets:
        setup = sheet.page_setup
        assert (int(setup.paperSize), setup.orientation) == (int(sheet.PAPERSIZE_A3), "landscape")
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$2:$2"
        for row in sheet.iter_rows(min_row=3):
            assert all(c.alignment.wrap_text for c in row)
            assert sheet.row_dimensions[row[0].row].height >= 15  # set, not left to the reader


def test_a_long_report_gets_a_row_tall_enough_for_its_lines(workbook):
    sheet = load_workbook(io.BytesIO(workbook))["督办台账"]
    (row,) = [r for r in sheet.iter_rows(min_row=3) if r[0].value == "4.1"]
    # 最新进展 is 40 wide: about 18 Chinese characters a line.
    assert sheet.row_dimensions[row[0].row].height >= 15 * len(LONG) / 18


def test_a_missing_report_reads_as_not_reported_with_days_overdue(workbook):
    sheet = load_workbook(io.BytesIO(workbook))["督办台账"]
    status = {r[0]: r[7] for r in sheet.iter_rows(min_row=3, values_only=True) if r[0]}
    # July's reports were due on July 25: 16 days before August 10.
    assert re.fullmatch(r"2024年7月未报送（逾期16天）：\S+", status["1.1"])
    assert "未启动" not in "".join(status.values())
    assert status["4.1"].startswith("正常推进（待审核）")


def test_no_cell_is_cut_off_when_libreoffice_prints_it(
    pdf_tools, workbook, tmp_path, screenshot_dir
):
    pdf = tmp_path / "ledger.pdf"
    pdf.write_bytes(workbook_to_pdf(workbook))
    picture = str(screenshot_dir / "ledger-page-1")
    run("pdftoppm", "-f", "1", "-l", "1", "-r", "60", "-png", "-singlefile", str(pdf), picture)
    assert "(A3)" in run("pdfinfo", str(pdf))
    printed = Counter(run("pdftotext", str(pdf), "-"))
    written = Counter()
    for sheet in load_workbook(io.BytesIO(workbook)).worksheets:
        for row in sheet.iter_rows(min_row=2, values_only=True):
            written.update("".join(v for v in row if isinstance(v, str)))
    lost = {c: n for c, n in (written - printed).items() if not c.isspace()}
    assert not lost, lost  # a character cut off by its cell is not in the PDF
