"""An account list may not reuse another account's e-mail address or login name (whatever
the case), nor hold cells too long to store; nothing is created and no link is sent."""

import io
import zipfile

import pytest
from django.core import mail
from django.test import RequestFactory

from workplan.accounts.actions import do_send_password_link
from workplan.accounts.models import User
from workplan.accounts.tests.factories import make_user
from workplan.accounts.tests.test_account_sheet import sheet, upload

pytestmark = pytest.mark.django_db


def refused(client, data, name="accounts.xlsx"):
    client.cookies["django_language"] = "en"
    before = User.objects.count()
    response = upload(client, data, name)
    assert response.status_code == 400
    assert User.objects.count() == before
    return response.content.decode()


def test_a_row_with_another_accounts_email_is_refused_and_nobody_is_mailed(
    client, admin_user, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        page = refused(client, sheet(("冒名", "mallory", "ADMIN@example.edu.cn", "", "")))
    assert (
        "accounts.xlsx, sheet 账号, row 2, column 邮箱: “ADMIN@example.edu.cn” is already the "
        "e-mail address of the account “admin”."
    ) in page
    assert mail.outbox == []


def test_two_rows_with_one_email_are_refused(client, admin_user):
    client.force_login(admin_user)
    page = refused(
        client,
        sheet(
            ("陈一", "chen1", "same@example.edu.cn", "", ""), ("李二", "li2", "same@example.edu.cn")
        ),
    )
    assert "row 3, column 邮箱: “same@example.edu.cn” is also on row 2." in page


def test_a_login_name_differing_only_in_case_from_an_account_is_refused(
    client, admin_user, liaison
):
    client.force_login(admin_user)
    page = refused(client, sheet(("大写", "LIAISON", "", "", "")))
    assert (
        "row 2, column 登录名: “LIAISON” differs only in case from the existing account "
        "“liaison”." in page
    )


def test_two_login_names_differing_only_in_case_in_one_sheet_are_refused(client, admin_user):
    client.force_login(admin_user)
    page = refused(client, sheet(("张一", "Zhang1", "", "", ""), ("张二", "zhang1", "", "", "")))
    assert "row 3, column 登录名: “zhang1” differs only in case from “Zhang1” on row 2." in page


def test_a_name_too_long_to_store_is_refused_with_its_row(client, admin_user):
    client.force_login(admin_user)
    page = refused(client, sheet(("名" * 300, "long1", "", "", "")))
    assert "row 2, column 姓名: the name has 300 characters; at most 100 are allowed." in page


@pytest.mark.parametrize(
    "damage",
    [
        lambda name, data: b"<workbook><sheets>" if name == "xl/workbook.xml" else data,
        lambda name, data: data[:-40] if name.startswith("xl/worksheets/") else data,
    ],
    ids=["workbook-xml", "sheet-xml"],
)
def test_a_workbook_with_broken_xml_inside_is_not_an_excel_workbook(client, admin_user, damage):
    good = zipfile.ZipFile(io.BytesIO(sheet(("陈一", "chen1", "", "", ""))))
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as out:
        for item in good.infolist():
            out.writestr(item.filename, damage(item.filename, good.read(item.filename)))
    client.force_login(admin_user)
    page = refused(client, broken.getvalue())
    assert "accounts.xlsx: this is not an Excel workbook (.xlsx)" in page


def test_the_invitation_goes_only_to_the_new_account(django_capture_on_commit_callbacks):
    """Accounts that shared an address before the rule: a link goes to the one invited."""
    make_user("old", email="shared@example.edu.cn")
    new = make_user("new1")
    User.objects.filter(pk=new.pk).update(email="shared@example.edu.cn")
    new.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        do_send_password_link(new, request=RequestFactory().get("/"), invitation=True)
    assert len(mail.outbox) == 1
    assert f"/{_uid(new)}/" in mail.outbox[0].body


def _uid(user) -> str:
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    return urlsafe_base64_encode(force_bytes(user.pk))
