"""The 落实情况报告 in official-document layout: page, fonts, spacing, numbering, content."""

import io
import re
from datetime import date
from zoneinfo import ZoneInfo

import docx
import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from openpyxl import load_workbook

from workplan.progress.actions import (
    ReportData,
    do_accept_report,
    do_save_report,
    do_start_report,
    do_submit_report,
)
from workplan.reports.docx import (
    LightRow,
    PointSection,
    ProgressReportDocument,
    progress_report_docx,
)
from workplan.reports.progress_report import build_progress_report
from workplan.supervision.tests.factories import make_plan_with_reports

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_report_has_official_layout_and_the_accepted_content(client, leader, plan):
    client.force_login(leader)
    period = plan.periods.get(opens_on=date(2024, 6, 1))
    response = client.get(reverse("reports:progress-report", args=[plan.pk]), {"period": period.pk})
    document = docx.Document(io.BytesIO(response.content))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert (round(section.top_margin.cm, 1), round(section.left_margin.cm, 1)) == (3.7, 2.8)
    paragraphs = [p for p in document.paragraphs if p.text]
    title = paragraphs[0]
    # Lines break where the sense does, not where the page ends (回行时词意完整).
    assert title.text == "江城职业技术学院\n2024年工作要点落实情况报告\n（截至2024年6月）"
    assert {(r.font.name, r.font.size.pt) for r in title.runs} == {("方正小标宋简体", 22)}
    body = paragraphs[1]
    assert body.runs[0].font.name == "仿宋_GB2312" and body.runs[0].font.size.pt == 16
    assert body.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert body.paragraph_format.line_spacing.pt == 28
    headings = [p.text for p in paragraphs if p.runs[0].font.name == "黑体"]
    assert "四、深化教育教学改革" in headings  # key point 4 keeps its number
    texts = "\n".join(p.text for p in paragraphs)
    assert "（一）完成情况" in texts and "完成课程标准修订（教务处）" in texts
    assert "（二）存在问题" in texts and "实训经费不足" in texts
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "— " in section.footer.paragraphs[0].text
    assert len(document.tables[0].rows) == 1 + 50  # annex: every task's light


def test_command_line_writes_the_report(plan, tmp_path):
    path = tmp_path / "报告.docx"
    call_command("report", "2024", "--period", "2024-06", "-o", str(path))
    assert (
        docx.Document(path)
        .paragraphs[0]
        .text.startswith("江城职业技术学院\n2024年工作要点落实情况报告")
    )


def test_departments_cannot_download_it(client, liaison, plan):
    client.force_login(liaison)
    assert client.get(reverse("reports:progress-report", args=[plan.pk])).status_code == 404


def test_a_period_before_any_lights_says_so_instead_of_counting_zero(plan):
    march = plan.periods.get(opens_on=date(2024, 3, 1))
    report = build_progress_report(plan, march)
    assert "绿灯" not in report.overview and report.overview.endswith("报告如下。")
    assert {row.light for row in report.lights} == {"未评定"}
    june = build_progress_report(plan, plan.periods.get(opens_on=date(2024, 6, 1)))
    assert "按督办规则，绿灯" in june.overview and "未评定" not in {r.light for r in june.lights}


def test_annex_columns_fit_the_type_area_with_room_for_the_task(plan):
    june = plan.periods.get(opens_on=date(2024, 6, 1))
    document = docx.Document(io.BytesIO(progress_report_docx(build_progress_report(plan, june))))
    widths = [column.width.cm for column in document.tables[0].columns]
    assert round(sum(widths), 1) == 15.6  # 210 mm − 28 mm − 26 mm
    assert widths[1] == max(widths) and widths[1] > 2 * widths[2]


def test_headings_after_ten_are_chinese_numerals_and_the_annex_reads_across_pages():
    sections = [PointSection(n, f"要点{n}", done=["完成。"]) for n in range(1, 13)]
    lights = [LightRow(f"{n}.1", "任务", "教务处", "绿灯", "") for n in range(1, 13)]
    content = progress_report_docx(
        ProgressReportDocument("标题", "概述。", sections, lights, "办公室", "2024年6月30日")
    )
    document = docx.Document(io.BytesIO(content))
    headings = [p.text for p in document.paragraphs if p.runs and p.runs[0].font.name == "黑体"]
    assert headings[9:12] == ["十、要点10", "十一、要点11", "十二、要点12"]
    rows = document.tables[0].rows
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # header repeats on each page
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows[1:])


def test_official_documents_stay_chinese_when_the_reader_uses_english(client, leader, plan):
    client.force_login(leader)
    client.cookies["django_language"] = "en"
    assert "Dashboard" in client.get(reverse("reports:dashboard", args=[plan.pk])).content.decode()
    june = plan.periods.get(opens_on=date(2024, 6, 1))
    response = client.get(reverse("reports:progress-report", args=[plan.pk]), {"period": june.pk})
    annex = docx.Document(io.BytesIO(response.content)).tables[0]
    reasons = {row.cells[4].text for row in annex.rows[1:]}
    assert reasons and all(re.search(r"[\u4e00-\u9fff]", r) for r in reasons), reasons
    book = load_workbook(io.BytesIO(client.get(reverse("reports:ledger", args=[plan.pk])).content))
    statuses = {r[7] for r in book["督办台账"].iter_rows(min_row=3, values_only=True) if r[0]}
    assert any("未报送" in s for s in statuses) and not any("On track" in s for s in statuses)


def test_a_task_reported_complete_counts_as_done_once_the_office_accepts_it(
    plan, department, liaison, supervisor
):
    july = plan.periods.get(opens_on=date(2024, 7, 1))
    task = plan.key_points.get(number=4).tasks.get(number=2)
    report = do_start_report(task, department, july, "lead", by=liaison)
    do_save_report(report, ReportData("done", 100, "已建成", "", ""), read_version=None, by=liaison)
    do_submit_report(report, by=liaison)
    assert "已完成任务0项" in build_progress_report(plan, july).overview
    do_accept_report(report, by=supervisor)
    assert "已完成任务1项" in build_progress_report(plan, july).overview


def test_the_dashboard_offers_reports_only_for_periods_someone_reported_in(client, leader, plan):
    client.force_login(leader)
    with time_machine.travel("2024-08-10 10:00 +08:00"):
        options = client.get(reverse("reports:dashboard", args=[plan.pk])).context["closed_periods"]
    assert [p.label for p in options] == ["2024年6月"]  # the fixture's reports; July has none


def test_tasks_completed_count_for_the_year_and_closed_tasks_count_as_100_percent(
    client, leader, plan, department, liaison, supervisor
):
    def file(month, task, data):
        report = do_start_report(
            task, department, plan.periods.get(opens_on=date(2024, month, 1)), "lead", by=liaison
        )
        do_save_report(report, data, read_version=None, by=liaison)
        do_submit_report(report, by=liaison)
        do_accept_report(report, by=supervisor)

    point = plan.key_points.get(number=4)
    file(7, point.tasks.get(number=2), ReportData("done", 100, "已建成", "", ""))
    file(8, point.tasks.get(number=1), ReportData("on_track", 40, "推进中", "", ""))
    august = plan.periods.get(opens_on=date(2024, 8, 1))
    # 4.2 was closed in July and reports no more; August's only report says 40 %.
    overview = build_progress_report(plan, august).overview
    assert "累计已完成任务1项" in overview
    assert "平均完成比例70%" in overview
    client.force_login(leader)
    with time_machine.travel("2024-09-10 10:00 +08:00"):
        figures = client.get(reverse("reports:dashboard", args=[plan.pk])).context["d"]
    assert (figures["done"], figures["completion"]) == (1, 70)


def test_sub_headings_number_without_gaps_show_in_the_outline_and_repeat_nothing(
    department, liaison, supervisor
):
    # No problems this month, and the same next step for every task of the key point.
    data = ReportData("on_track", 60, "完成课程标准修订", "", "推进教材建设")
    plan = make_plan_with_reports(department, liaison, 6, data, accept_by=supervisor)
    built = build_progress_report(plan, plan.periods.get(opens_on=date(2024, 6, 1)))
    document = docx.Document(io.BytesIO(progress_report_docx(built)))
    texts = [p.text for p in document.paragraphs if p.text]
    assert "（一）完成情况" in texts and "（二）下一步工作" in texts
    assert not any(t.startswith("（三）") or "存在问题" in t for t in texts)
    assert texts.count("1. 推进教材建设。（教务处）") == 1
    assert not any(t.startswith("2. 推进教材建设") for t in texts)

    def level(text):
        paragraph = next(p for p in document.paragraphs if p.text == text)
        found = paragraph._p.pPr.find(qn("w:outlineLvl"))
        return None if found is None else found.get(qn("w:val"))

    assert level("四、深化教育教学改革") == "0"
    assert level("（一）完成情况") == "1"
    assert level(texts[1]) is None  # body text is not in the navigation pane


def test_a_link_to_a_period_with_no_report_is_not_found_rather_than_another_period(
    client, leader, plan
):
    client.force_login(leader)
    url = reverse("reports:progress-report", args=[plan.pk])
    july = plan.periods.get(opens_on=date(2024, 7, 1))  # closed, but nobody reported
    december = plan.periods.get(opens_on=date(2024, 12, 1))  # not yet due
    with time_machine.travel("2024-08-10 10:00 +08:00"):
        for period in (july.pk, december.pk, 999999, "²", "abc", "-1"):
            assert client.get(url, {"period": period}).status_code == 404, period
        assert client.get(url).status_code == 200  # no period named: the latest one
