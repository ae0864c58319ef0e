"""The 落实情况报告 keeps the document's own key point numbers and covers every key point."""

import io
from datetime import date

import docx
import pytest

from workplan.plans.table import chinese_numeral
from workplan.reports.docx import progress_report_docx
from workplan.reports.progress_report import build_progress_report

pytestmark = pytest.mark.django_db


def headings(plan, month=6):
    built = build_progress_report(plan, plan.periods.get(opens_on=date(2024, month, 1)))
    document = docx.Document(io.BytesIO(progress_report_docx(built)))
    paragraphs = [p for p in document.paragraphs if p.text]
    return paragraphs, [p.text for p in paragraphs if p.runs[0].font.name == "黑体"]


def test_a_key_point_keeps_its_number_when_earlier_points_have_no_reports(plan):
    # Only 教务处 reported, on key point 4: it is printed 四、, not 一、.
    _, found = headings(plan)
    assert "四、深化教育教学改革" in found
    assert not any(h.startswith("一、深化教育教学改革") for h in found)


def test_every_key_point_is_covered_and_one_nobody_reported_on_says_so_in_a_line(plan):
    paragraphs, found = headings(plan)
    numbers = list(plan.key_points.order_by("number").values_list("number", "title"))
    assert found[: len(numbers)] == [f"{chinese_numeral(n)}、{t}" for n, t in numbers]
    texts = [p.text for p in paragraphs]
    first = texts.index(found[0])
    assert texts[first + 1].startswith("本要点共") and "本期均未报送进展" in texts[first + 1]
    assert texts[first + 2] == found[1]  # one line, then the next key point
