"""Audit records can be added, never changed or deleted: not by the ORM, the database, the
Django admin or any page."""

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.urls import reverse

from workplan.audit.models import AppendOnlyError, AuditRecord
from workplan.audit.records import record_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(department, admin_user):
    return record_changed(department, [("phone", "", "1")], by=admin_user)


def test_orm_refuses_change_and_delete(record):
    record.note = "tampered"
    with pytest.raises(AppendOnlyError):
        record.save()
    with pytest.raises(AppendOnlyError):
        record.delete()
    with pytest.raises(AppendOnlyError):
        AuditRecord.objects.filter(pk=record.pk).update(note="tampered")
    with pytest.raises(AppendOnlyError):
        AuditRecord.objects.filter(pk=record.pk).delete()
    assert AuditRecord.objects.get(pk=record.pk).note == ""


def test_database_refuses_update_even_in_raw_sql(record):
    with (
        pytest.raises((DatabaseError, IntegrityError)),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE audit_auditrecord SET note = 'tampered' WHERE id = %s", [record.pk])
    assert AuditRecord.objects.get(pk=record.pk).note == ""


def test_admin_shows_records_but_offers_no_change(client, record, admin_user):
    admin_user.is_staff = True
    admin_user.save(update_fields=["is_staff"])
    client.force_login(admin_user)
    change_url = reverse("admin:audit_auditrecord_change", args=[record.pk])
    page = client.get(change_url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    client.post(change_url, {"note": "tampered", "actor_name": "x", "_save": "1"})
    delete = client.post(
        reverse("admin:audit_auditrecord_delete", args=[record.pk]), {"post": "yes"}
    )
    assert delete.status_code == 403
    assert client.get(reverse("admin:audit_auditrecord_add")).status_code == 403
    record.refresh_from_db()
    assert (record.note, record.actor_name) == ("", admin_user.display_name)


def test_no_page_accepts_a_change_to_the_log(client, record, auditor):
    client.force_login(auditor)
    before = list(AuditRecord.objects.values_list("pk", "note", "changes"))
    for url in (reverse("audit:log"), reverse("audit:export")):
        assert client.post(url, {"id": record.pk, "note": "x"}).status_code == 405
    assert list(AuditRecord.objects.values_list("pk", "note", "changes")) == before
