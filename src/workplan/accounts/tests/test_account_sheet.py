"""Accounts created in bulk from an xlsx list: all or nothing, each problem with its row."""

import io

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import Workbook

from workplan.accounts.models import User
from workplan.audit.models import AuditRecord
from workplan.core.roles import Role

pytestmark = pytest.mark.django_db


def sheet(*rows, header=("姓名", "登录名", "邮箱", "部门", "角色")) -> bytes:
    workbook = Workbook()
    workbook.active.title = "账号"
    workbook.active.append(header)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, data: bytes, name="accounts.xlsx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(reverse("accounts:user-import"), {"sheet": SimpleUploadedFile(name, data)})


def test_administrator_creates_accounts_and_each_gets_an_invitation(
    client, admin_user, department, other_department, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            client,
            sheet(
                ("陈一", "chen1", "chen1@example.edu.cn", "教务处", "部门联络员"),
                ("李二", "li2", "li2@example.edu.cn", "教务处、财务处", "部门负责人、校领导"),
                (None, None, None, None, None),
            ),
        )
    assert response.status_code == 302
    chen = User.objects.get(username="chen1")
    li = User.objects.get(username="li2")
    assert chen.roles == {Role.LIAISON}
    assert li.roles == {Role.HEAD, Role.LEADER}
    assert set(li.departments.values_list("name", flat=True)) == {"教务处", "财务处"}
    assert sorted(m.to[0] for m in mail.outbox) == ["chen1@example.edu.cn", "li2@example.edu.cn"]
    assert "/accounts/password-reset/" in mail.outbox[0].body
    created = AuditRecord.objects.filter(
        object_type="accounts.user", action="create", actor=admin_user
    )
    assert created.count() == 2


def test_problems_are_reported_by_row_and_column_and_nothing_is_created(
    client, admin_user, department
):
    client.force_login(admin_user)
    before = User.objects.count()
    response = upload(
        client,
        sheet(
            ("陈一", "chen1", "not-an-email", "教务处", "部门联络员"),
            ("李二", "chen1", "", "教务部", "校长"),
            ("", "admin", "", "", ""),
        ),
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert User.objects.count() == before
    assert mail.outbox == []
    for fragment in [
        "第 2 行",
        "“not-an-email”",
        "第 3 行",
        "“chen1”",
        "“教务部”",
        "教务处",  # the closest registry name is offered
        "“校长”",
        "第 4 行",
        "“admin”",
    ]:
        assert fragment in page, fragment
    assert "accounts.xlsx" in page and "账号" in page


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("accounts.xlsx", b"this is not a workbook"),
        (
            "accounts.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
        ),  # encrypted / old format
        ("accounts.xlsx", sheet(("陈一", "chen1"), header=("名字", "账户"))),
    ],
)
def test_unreadable_sheets_are_refused_clearly(client, admin_user, name, data):
    client.force_login(admin_user)
    response = upload(client, data, name)
    assert response.status_code == 400
    assert "accounts.xlsx" in response.content.decode()
    assert not User.objects.filter(username="chen1").exists()
