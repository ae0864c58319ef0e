"""A recorded True or False reads 是 or 否 (Yes or No), never "—": an unlock reads
锁定：是 → 否, a deactivation 有效：是 → 否; a recorded 0 reads 0."""

import io

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from workplan.accounts.actions import do_set_user_active, do_unlock_user
from workplan.audit.models import AuditRecord
from workplan.audit.records import record_changed

pytestmark = pytest.mark.django_db


def lock(username):
    for _ in range(5):
        Client().post(reverse("login"), {"username": username, "password": "wrong"})


def changes_in(html: str) -> str:
    return " ".join(html.split())


def test_auditor_reads_an_unlock_as_yes_to_no_in_the_log(client, auditor, admin_user, liaison):
    lock("liaison")
    do_unlock_user(liaison, by=admin_user)
    do_set_user_active(liaison, False, by=admin_user)
    client.force_login(auditor)
    page = client.get(reverse("audit:log"), {"object_type": "accounts.user", "text": "liaison"})
    text = changes_in(page.content.decode())
    assert "<del>是</del> → <ins>否</ins>" in text
    assert "锁定：<del>是</del> → <ins>否</ins>" in text
    assert "<del>是</del> → <ins>—</ins>" not in text


def test_the_users_history_shows_yes_and_no_in_english_too(admin_user, liaison):
    do_set_user_active(liaison, False, by=admin_user)
    do_set_user_active(liaison, True, by=admin_user)
    records = AuditRecord.objects.filter(object_id=str(liaison.pk)).order_by("at")
    with translation.override("en"):
        html = changes_in(render_to_string("audit/_timeline.html", {"records": records}))
    assert "<del>Yes</del> → <ins>No</ins>" in html
    assert "<del>No</del> → <ins>Yes</ins>" in html


def test_a_recorded_zero_reads_zero(department, admin_user):
    record_changed(department, [("phone", 0, 1)], by=admin_user)
    records = AuditRecord.objects.filter(changes__0__field="phone")
    html = changes_in(render_to_string("audit/_timeline.html", {"records": records}))
    assert "<del>0</del> → <ins>1</ins>" in html


def test_the_export_says_yes_and_no(client, auditor, admin_user, liaison):
    do_set_user_active(liaison, False, by=admin_user)
    client.force_login(auditor)
    response = client.get(reverse("audit:export"), {"object_type": "accounts.user"})
    cells = [c for row in load_workbook(io.BytesIO(response.content)).active.values for c in row]
    assert any(isinstance(c, str) and "是 → 否" in c for c in cells)
