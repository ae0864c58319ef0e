"""The task table in Chinese: 完成时限 typed in a row goes through the deadline reader and the row
shows what it read (识别为 2024-09-30, or 未能识别); a date no calendar has (2024-13-45) is
refused naming the row and the field, nothing saved, on the page and in an uploaded table."""

import io
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from workplan.plans.models import Plan, Task
from workplan.plans.table import COLUMNS

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}
BOLD_CJK = 2.2  # width units a bold Chinese character takes in Excel, WPS and LibreOffice


@pytest.fixture
def plan(example_plan):
    with time_machine.travel("2024-01-02 10:00 +08:00"):
        call_command("import", str(example_plan))
    return Plan.objects.get()


@pytest.fixture
def task(plan):
    return Task.objects.get(key_point__number=2, number=1)


def edit(client, task, deadline, **changes):
    data = {
        "text": task.text,
        "leader": "",
        "lead": "教务处",
        "co": "",
        "deadline": deadline,
        "outcome": "",
        "note": "",
        "version": task.version,
        **changes,
    }
    url = reverse("pages:task-row-edit", args=[task.pk])
    return client.post(url, data, headers=HX).content.decode()


def test_supervisor_sees_the_date_a_deadline_was_read_as(client, supervisor, task):
    client.force_login(supervisor)
    form = client.get(reverse("pages:task-row-edit", args=[task.pk]), headers=HX).text
    assert "按公文习惯填写，如：6月底前" in form  # how to write it, before typing
    row = edit(client, task, "9月底前")
    assert "识别为 2024-09-30" in row
    task.refresh_from_db()
    assert str(task.due_date) == "2024-09-30"


def test_supervisor_sees_a_deadline_not_understood_said_plainly(client, supervisor, task):
    client.force_login(supervisor)
    row = edit(client, task, "视情况而定")
    assert "未能识别" in row
    task.refresh_from_db()
    assert task.deadline_unread and task.due_date is None


@pytest.mark.parametrize("typed", ["2024-13-45", "2024年2月30日前", "9999年底"])
def test_an_impossible_date_is_refused_naming_row_and_field(client, supervisor, task, typed):
    client.force_login(supervisor)
    before = (task.deadline_text, task.note, task.version)
    form = edit(client, task, typed, note="顺便改了备注")
    assert f"任务 {task.code} 的完成时限：“{typed}”不是存在的日期" in form
    assert "本行未作任何保存" in form
    task.refresh_from_db()
    assert (task.deadline_text, task.note, task.version) == before


def test_an_uploaded_table_with_an_impossible_date_is_refused(client, supervisor, plan):
    client.force_login(supervisor)
    exported = client.get(reverse("plans:table-export", args=[plan.pk]))
    book = load_workbook(io.BytesIO(exported.content))
    book.active.cell(3, 7).value = "2024-13-45"
    buffer = io.BytesIO()
    book.save(buffer)
    page = client.post(
        reverse("plans:table-upload", args=[plan.pk]),
        {"sheet": SimpleUploadedFile("t.xlsx", buffer.getvalue())},
    ).content.decode()
    assert "第 3 行" in page or "row 3" in page or "3 行" in page
    assert "“2024-13-45”不是存在的日期" in page
    assert Task.objects.get(key_point__number=1, number=1).deadline_text == ""


def test_export_columns_hold_their_chinese_headers_on_one_line(client, viewer, plan):
    client.force_login(viewer)
    exported = client.get(reverse("plans:table-export", args=[plan.pk]))
    sheet = load_workbook(io.BytesIO(exported.content)).active
    for index, (_key, label) in enumerate(COLUMNS, start=1):
        header = sheet.cell(2, index)
        assert header.value == label
        width = sheet.column_dimensions[header.column_letter].width
        assert width >= len(label) * BOLD_CJK + 2, label


def test_table_page_headers_are_never_wrapped(client, viewer, plan):
    client.force_login(viewer)
    page = client.get(reverse("pages:table", args=[plan.pk])).content.decode()
    head = page[page.index('class="grid task-table') :].split("</thead>", 1)[0]
    headers = re.findall(r"<th([^>]*)>([^<]+)</th>", head)
    assert [h for _attrs, h in headers][:3] == ["序号", "具体任务", "分管校领导"]
    assert all("nowrap" in attrs for attrs, _h in headers)
