"""An account sheet holds what a university's staff list holds: one without its header is
refused from its first row, one of more people than a university has is refused before it is
read, and a long list of problems shows the first 100 and a count."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from workplan.accounts.importing import MAX_CELLS, MAX_PEOPLE, read_account_sheet
from workplan.accounts.models import User
from workplan.core.problems import MAX_LISTED
from workplan.parsing.tests import badfiles

pytestmark = pytest.mark.django_db


def upload(client, data: bytes, name="accounts.xlsx"):
    return client.post(reverse("accounts:user-import"), {"sheet": SimpleUploadedFile(name, data)})


def test_administrator_is_told_at_once_that_row_1_is_not_a_header():
    # Row 3 holds a number openpyxl cannot read: only a reader that stops at the header gives
    # the header message rather than "not a workbook".
    rows = b"<row><c><v>1</v></c></row><row><c><v>2</v></c></row>"
    broken = b'<row><c t="n"><v>not a number</v></c></row>'
    data = badfiles.xlsx(
        badfiles.SHEET_HEAD + b"<sheetData>" + rows + broken + b"</sheetData></worksheet>"
    )
    with translation.override("zh-hans"):
        sheet = read_account_sheet(data, "名单.xlsx")
    assert list(sheet.errors) == ["名单.xlsx，工作表“Sheet1”第 1 行：缺少“姓名、登录名”列。"]


def test_administrator_is_refused_a_sheet_of_more_people_than_the_limit(client, admin_user):
    client.force_login(admin_user)
    response = upload(client, badfiles.xlsx_many_people(MAX_PEOPLE + 1), "全校.xlsx")
    page = response.content.decode()
    assert response.status_code == 400
    assert "全校.xlsx" in page and str(MAX_PEOPLE) in page
    assert User.objects.count() == 1


def test_a_sheet_at_the_limit_is_read():
    sheet = read_account_sheet(badfiles.xlsx_many_people(MAX_PEOPLE), "全校.xlsx")
    assert sheet.errors.total == MAX_PEOPLE  # one unknown department a row, none refused whole


def test_administrator_sees_the_first_100_problems_and_how_many_more(client, admin_user):
    client.force_login(admin_user)
    response = upload(client, badfiles.xlsx_many_people(MAX_LISTED + 50))
    page = response.content.decode()
    assert response.status_code == 400
    assert page.count("无此部门") == MAX_LISTED
    assert "共有 150 处问题" in page and "另有 50 处问题" in page
    assert User.objects.count() == 1


def test_administrator_is_refused_a_sheet_of_more_cells_than_a_staff_list_has():
    wide = b"<row>" + b"<c><v>%d</v></c>" * 40 + b"</row>"
    rows = MAX_CELLS // 40 + 1
    data = badfiles.xlsx(
        badfiles.SHEET_HEAD + b"<sheetData>" + badfiles.inline_row(["姓名", "登录名"])
        + b"".join(wide.replace(b"%d", b"%d" % n) for n in range(rows))
        + b"</sheetData></worksheet>"
    )  # fmt: skip
    assert rows < MAX_PEOPLE
    sheet = read_account_sheet(data, "宽表.xlsx")
    assert len(sheet.errors) == 1 and str(MAX_CELLS) in sheet.errors[0]
