"""The list of 督办单: filtered by state, department and late reply, in a fixed number of
queries, exported to Excel as filtered, and each one printable as a Word 公文."""

import io
import zipfile

import pytest
import time_machine
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from workplan.supervision.actions import do_close_notice, do_issue_notice, do_sign_notice
from workplan.supervision.models import Notice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]


@pytest.fixture
def orders(task, department, other_department, supervisor, liaison):
    """Three 督办单: 教务处's signed and due 6-25, 财务处's sent, 教务处's closed."""
    with time_machine.travel("2024-06-10 09:00 +08:00"):
        signed = do_issue_notice(task, department, "请报送课程建设方案。", None, by=supervisor)
        signed.reply_due = signed.created_at.date().replace(day=15)
        signed.save()
        do_sign_notice(signed, by=liaison)
        sent = do_issue_notice(task, other_department, "请报送经费使用情况。", None, by=supervisor)
        closed = do_issue_notice(task, department, "已处理。", None, by=supervisor)
        do_close_notice(closed, by=supervisor)
    return signed, sent, closed


def rows(client, **query):
    page = client.get(reverse("supervision:orders"), query).content.decode()
    return [n for n in ("第1号", "第2号", "第3号") if f"督字〔2024〕{n}" in page]


def test_the_office_lists_every_notice_and_filters_them(client, supervisor, orders, department):
    client.force_login(supervisor)
    assert rows(client) == ["第1号", "第2号", "第3号"]
    assert rows(client, state="closed") == ["第3号"]
    assert rows(client, department=department.pk) == ["第1号", "第3号"]
    assert rows(client, overdue="on") == ["第1号"]


def test_a_department_sees_only_its_own(client, outsider, orders):
    client.force_login(outsider)
    assert rows(client) == ["第2号"]


def test_a_bad_filter_says_so(client, supervisor, orders):
    client.force_login(supervisor)
    page = client.get(reverse("supervision:orders"), {"state": "lost"}).content.decode()
    assert "办理状态：选择一个有效的选项。 lost 不在可用的选项中。" in page


def test_the_list_does_not_grow_in_queries_with_its_rows(
    client, supervisor, task, department, orders, django_assert_max_num_queries
):
    client.force_login(supervisor)
    client.get(reverse("supervision:orders"))
    with django_assert_max_num_queries(16) as few:  # the navigation's counts included
        client.get(reverse("supervision:orders"))
    for _ in range(10):
        do_issue_notice(task, department, "再报。", None, by=supervisor)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("supervision:orders"))


def test_the_export_holds_the_filtered_rows(client, supervisor, orders, department):
    client.force_login(supervisor)
    response = client.get(reverse("supervision:orders-export"), {"department": department.pk})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][:3] == ("编号", "部门", "下发时间")
    assert [row[0] for row in values[1:]] == ["督字〔2024〕第3号", "督字〔2024〕第1号"]
    assert values[2][6] == "已签收" and values[2][7] == "是"


def test_the_notice_prints_as_a_word_document_in_official_layout(client, supervisor, orders):
    client.force_login(supervisor)
    response = client.get(reverse("supervision:notice-docx", args=[orders[0].pk]))
    assert response["Content-Type"].endswith("wordprocessingml.document")
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    assert "督办通知单" in text and "督字〔2024〕第1号" in text
    assert "2024年6月10日" in text  # 成文日期, no zero padding
    assert cells[:2] == ["承办单位", "教务处"] and "请报送课程建设方案。" in cells
    assert "2024年6月15日" in cells  # 回复期限
    xml = zipfile.ZipFile(io.BytesIO(response.content)).read("word/document.xml").decode()
    assert "方正小标宋简体" in xml and "仿宋_GB2312" in xml


def test_an_outsider_cannot_print_another_departments_notice(client, outsider, orders):
    client.force_login(outsider)
    url = reverse("supervision:notice-docx", args=[orders[0].pk])
    assert client.get(url).status_code == 404
    assert client.get(reverse("supervision:notice", args=[orders[0].pk])).status_code == 404


def test_the_list_pages_refuse_post(client, supervisor):
    client.force_login(supervisor)
    assert client.post(reverse("supervision:orders")).status_code == 405
    assert client.post(reverse("supervision:orders-export")).status_code == 405
    assert Notice.objects.count() == 0


@pytest.mark.parametrize("name", ["supervision:orders", "supervision:orders-export"])
def test_an_anonymous_visitor_is_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
