"""A task table holds what a real plan holds: a sheet without its header is refused from its
first rows, one of more rows than any plan has is refused before it is read, the export of a
20,000-task plan still imports, and a long list of problems shows the first 100 and a count."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from workplan.core.problems import MAX_LISTED
from workplan.parsing.tests import badfiles
from workplan.plans.models import Plan
from workplan.plans.table import table_rows, table_title
from workplan.plans.table_import import MAX_TABLE_CELLS, MAX_TABLE_ROWS, read_table
from workplan.plans.xlsx import task_table_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(hubei_txt):
    call_command("import", str(hubei_txt))
    return Plan.objects.get()


def test_supervisor_is_told_at_once_that_a_sheet_has_no_header(plan):
    # Row 12 holds a number openpyxl cannot read: only a reader that stops after the first
    # rows gives the header message rather than "not a workbook".
    rows = b"".join(b"<row><c><v>%d</v></c></row>" % n for n in range(11))
    broken = b'<row><c t="n"><v>not a number</v></c></row>'
    data = badfiles.xlsx(
        badfiles.SHEET_HEAD + b"<sheetData>" + rows + broken + b"</sheetData></worksheet>"
    )
    with translation.override("zh-hans"):
        diff = read_table(data, "表.xlsx", plan)
    assert len(diff.errors) == 1
    assert "前十行中没有包含“具体任务”列的表头行" in diff.errors[0]


def test_supervisor_is_refused_a_table_of_more_rows_than_a_plan_has_naming_the_limit(plan):
    start = time.monotonic()
    diff = read_table(badfiles.xlsx_many_tasks(MAX_TABLE_ROWS), "表.xlsx", plan)
    assert time.monotonic() - start < 10
    assert len(diff.errors) == 1
    assert "表.xlsx" in diff.errors[0] and str(MAX_TABLE_ROWS) in diff.errors[0]
    assert not diff.has_changes


def test_supervisor_is_refused_a_table_of_more_cells_than_a_plan_has(plan):
    row = b"<row>" + b"<c><v>%d</v></c>" * 33 + b"</row>"
    rows = MAX_TABLE_CELLS // 33 + 1
    data = badfiles.xlsx(
        badfiles.SHEET_HEAD + b"<sheetData>" + badfiles.inline_row(["具体任务", "系统编号"])
        + b"".join(row.replace(b"%d", b"%d" % n) for n in range(rows))
        + b"</sheetData></worksheet>"
    )  # fmt: skip
    assert rows < MAX_TABLE_ROWS
    diff = read_table(data, "宽表.xlsx", plan)
    assert len(diff.errors) == 1 and str(MAX_TABLE_CELLS) in diff.errors[0]


def test_the_export_of_a_20_000_task_plan_imports_without_changes():
    call_command(
        "seed-scale", "--departments", "50", "--tasks", "20000", "--years", "1", "--periods", "1"
    )
    plan = Plan.objects.get()
    data = task_table_workbook(table_title(plan), table_rows(plan))
    diff = read_table(data, "表.xlsx", plan)
    assert list(diff.errors) == []
    assert not diff.has_changes
    assert diff.task_count == 20_000


def test_supervisor_sees_the_first_100_problems_and_how_many_more(client, supervisor, plan):
    rows = [("", "一、", f"新任务{n}", "无此部门") for n in range(MAX_LISTED + 50)]
    data = badfiles.xlsx(
        badfiles.SHEET_HEAD
        + b"<sheetData>"
        + badfiles.inline_row(["系统编号", "工作要点", "具体任务", "牵头部门"])
        + b"".join(badfiles.inline_row(row) for row in rows)
        + b"</sheetData></worksheet>"
    )
    client.force_login(supervisor)
    response = client.post(
        reverse("plans:table-upload", args=[plan.pk]),
        {"sheet": SimpleUploadedFile("表.xlsx", data)},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert page.count("无此部门") == MAX_LISTED
    assert "共有 150 处问题" in page and "另有 50 处问题" in page
