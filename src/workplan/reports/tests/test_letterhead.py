"""The office sets, per plan, who signs the 落实情况报告 (落款) and its optional 红头; both the
Word file and the PDF use them; others may not change them; every change is audited."""

import io
import re
import subprocess
from datetime import date

import docx
import pytest
from django.urls import reverse
from django.utils import translation

from workplan.audit.labels import field_label, object_type_label
from workplan.audit.models import AuditRecord
from workplan.reports.docx import progress_report_docx
from workplan.reports.pdf import docx_to_pdf
from workplan.reports.progress_report import build_progress_report

pytestmark = pytest.mark.django_db
ISSUER, RED = "中共江城职业技术学院委员会办公室", "中共江城职业技术学院委员会文件"


def pdf_text(pdf: bytes, *command) -> str:
    command = command or ("pdftotext", "-", "-")
    return subprocess.run(command, input=pdf, capture_output=True, check=True).stdout.decode()


def url(plan):
    return reverse("reports:letterhead", args=[plan.pk])


def word(client, plan) -> docx.Document:
    june = plan.periods.get(opens_on=date(2024, 6, 1))
    response = client.get(reverse("reports:progress-report", args=[plan.pk]), {"period": june.pk})
    return docx.Document(io.BytesIO(response.content))


def test_the_report_is_signed_by_the_default_office_until_the_office_names_one(
    client, supervisor, plan
):
    client.force_login(supervisor)
    texts = [p.text for p in word(client, plan).paragraphs]
    assert "党委办公室、校长办公室" in texts and RED not in texts
    response = client.post(url(plan), {"issuer": ISSUER, "red_header": RED}, follow=True)
    assert "已保存落实情况报告的落款和红头。" in response.content.decode()
    document = word(client, plan)
    texts = [p.text for p in document.paragraphs]
    assert ISSUER in texts and "党委办公室、校长办公室" not in texts
    assert texts[texts.index(ISSUER) + 1].endswith("日")  # the date under the office
    header = document.paragraphs[0]
    assert header.text == RED and str(header.runs[0].font.color.rgb) == "FF0000"
    assert document.paragraphs[3].text.startswith("江城职业技术学院")  # the title below it


def test_the_pdf_carries_the_letterhead_too(pdf_tools, client, supervisor, plan):
    client.force_login(supervisor)
    client.post(url(plan), {"issuer": ISSUER, "red_header": RED})
    june = plan.periods.get(opens_on=date(2024, 6, 1))
    pdf = docx_to_pdf(progress_report_docx(build_progress_report(plan, june)))
    text = pdf_text(pdf)
    flat = re.sub(r"\s+", "", text)
    assert flat.startswith(RED) and ISSUER in flat


def test_every_change_is_audited(client, supervisor, plan):
    client.force_login(supervisor)
    client.post(url(plan), {"issuer": ISSUER, "red_header": ""})
    client.post(url(plan), {"issuer": ISSUER, "red_header": RED})
    client.post(url(plan), {"issuer": ISSUER, "red_header": RED})  # no change, no record
    records = AuditRecord.objects.filter(object_type="reports.letterhead").order_by("id")
    assert [r.action for r in records] == ["create", "change"]
    assert records[1].changes == [{"field": "red_header", "before": "", "after": RED}]
    assert records[1].actor == supervisor
    with translation.override("zh-hans"):  # the audit trail names them in Chinese
        assert object_type_label("reports.letterhead") == "报告落款与红头"
        assert field_label("reports.letterhead", "red_header") == "红头"
        assert field_label("reports.letterhead", "issuer") == "落款单位"


def test_the_form_is_the_offices_alone(client, supervisor, leader, liaison, plan):
    client.force_login(supervisor)
    assert (
        'id="letterhead"'
        in client.get(reverse("reports:dashboard", args=[plan.pk])).content.decode()
    )
    assert client.get(url(plan)).status_code == 405
    client.force_login(leader)
    assert (
        'id="letterhead"'
        not in client.get(reverse("reports:dashboard", args=[plan.pk])).content.decode()
    )
    refused = client.post(url(plan), {"issuer": "校长办公室"})
    assert refused.status_code == 403
    client.force_login(liaison)
    assert client.post(url(plan), {"issuer": "教务处"}).status_code == 404
    assert not AuditRecord.objects.filter(object_type="reports.letterhead").exists()


@pytest.mark.parametrize(
    ("issuer", "said"),
    [("   ", "这个字段是必填项。"), ("办" * 61, "60")],
)
def test_bad_input_is_refused_with_a_reason(client, supervisor, plan, issuer, said):
    client.force_login(supervisor)
    response = client.post(url(plan), {"issuer": issuer})
    assert response.status_code == 400
    assert said in response.content.decode()
    assert not AuditRecord.objects.filter(object_type="reports.letterhead").exists()
