"""Text people type never becomes a live formula in a downloaded file: every field that reaches
the task table, the 督办台账 (both sheets), the audit export or the 落实情况报告 is filled with
spreadsheet formulas, and every cell of every sheet is checked."""

import io
import re
import zipfile
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from workplan.accounts.tests.factories import make_user
from workplan.core.roles import Role
from workplan.org.models import Department
from workplan.plans.models import Task
from workplan.plans.table import TaskValues
from workplan.plans.table_actions import do_update_task
from workplan.plans.tests.test_table_formula_text import AT, LINK, MINUS, PIPE, SUM
from workplan.progress.actions import ReportData
from workplan.supervision.actions import do_give_instruction, do_issue_notice
from workplan.supervision.tests.factories import make_plan_with_reports

pytestmark = pytest.mark.django_db


@pytest.fixture
def hostile(department, liaison, supervisor):
    """A plan whose words, people's names and reports are all spreadsheet formulas."""
    office = make_user("office", [Role.SUPERVISOR], full_name=LINK)
    chief = make_user("chief", [Role.LEADER], full_name=AT)
    unit = Department.objects.create(name=SUM, kind=Department.Kind.ADMINISTRATIVE)
    data = ReportData("on_track", 60, SUM, LINK, MINUS)
    plan = make_plan_with_reports(department, liaison, 6, data, accept_by=supervisor)
    task = Task.objects.get(key_point__plan=plan, key_point__number=4, number=1)
    values = TaskValues(LINK, chief, ["教务处"], [SUM], [], MINUS, PIPE, AT)
    do_update_task(task.pk, values, read_version=task.version, by=office)
    do_issue_notice(task, unit, PIPE, date(2024, 7, 1), by=office)
    do_give_instruction(task, LINK, by=chief)
    return plan


def formulas(data: bytes) -> list[str]:
    """Return every formula element in every sheet of the xlsx `data`."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        return [
            f for n in sheets for f in re.findall(r"<f[ >/].*?</f>|<f/>", archive.read(n).decode())
        ]


def cells(data: bytes) -> set:
    """Return the value of every cell of every sheet, checking none is typed as a formula."""
    book = load_workbook(io.BytesIO(data))
    values = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate}: {cell.value}"
                values.add(cell.value)
    return values


def download(client, user, url, **params) -> bytes:
    client.force_login(user)
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content


def test_office_downloads_the_task_table_with_formulas_as_text(client, supervisor, hostile):
    data = download(client, supervisor, reverse("plans:table-export", args=[hostile.pk]))
    assert formulas(data) == []
    assert {LINK, AT, SUM, MINUS, PIPE} <= cells(data)


def test_office_downloads_the_ledger_with_formulas_as_text(client, supervisor, hostile):
    data = download(client, supervisor, reverse("reports:ledger", args=[hostile.pk]))
    assert formulas(data) == []
    values = cells(data)
    assert {LINK, AT, SUM} <= values  # task, leader, co department, 困难与建议
    summary = load_workbook(io.BytesIO(data))["部门汇总"]
    assert SUM in [row[0] for row in summary.iter_rows(min_row=3, values_only=True)]
    assert f"{SUM}：{PIPE}" in values  # the open notice, its department first
    assert f"{AT}：{LINK}" in values  # the leader's 批示


def test_auditor_downloads_the_audit_trail_with_formulas_as_text(client, auditor, hostile):
    data = download(client, auditor, reverse("audit:export"))
    assert formulas(data) == []
    assert {LINK, AT} <= cells(data)  # who did it, and the account made


def test_leader_downloads_the_report_with_formulas_as_plain_words(client, leader, hostile):
    """python-docx writes runs as text; the only field in the document is the page number."""
    period = hostile.periods.get(opens_on=date(2024, 6, 1))
    data = download(
        client, leader, reverse("reports:progress-report", args=[hostile.pk]), period=period.pk
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml"))
    assert set(re.findall(r"<w:instrText[^>]*>([^<]*)<", xml)) == {"PAGE"}
    assert "<w:fldSimple" not in xml
    assert LINK.replace("&", "&amp;") in xml  # 困难与建议, word for word
