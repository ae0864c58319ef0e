"""A department's liaison keeps its own contact details and cannot touch another department's,
whether by editing the id in the URL, adding fields to the form, or sending an HTMX request."""

import pytest
from django.urls import reverse

from workplan.audit.models import AuditRecord

pytestmark = pytest.mark.django_db


def contact_url(department):
    return reverse("org:department-contact", args=[department.pk])


def test_liaison_updates_own_department_contact(client, liaison, department):
    client.force_login(liaison)
    response = client.post(contact_url(department), {"phone": "027-1234", "address": "行政楼201"})
    assert response.status_code == 302
    department.refresh_from_db()
    assert (department.phone, department.address) == ("027-1234", "行政楼201")
    record = AuditRecord.objects.get(object_type="org.department", action="change")
    assert record.actor == liaison
    assert record.changes == [
        {"field": "phone", "before": "", "after": "027-1234"},
        {"field": "address", "before": "", "after": "行政楼201"},
    ]


def test_liaison_cannot_change_another_department_by_its_url(client, liaison, other_department):
    client.force_login(liaison)
    response = client.post(contact_url(other_department), {"phone": "110"})
    assert response.status_code == 403
    other_department.refresh_from_db()
    assert other_department.phone == ""
    assert not AuditRecord.objects.filter(action="change").exists()


def test_extra_form_fields_cannot_redirect_the_change(
    client, liaison, department, other_department
):
    client.force_login(liaison)
    client.post(
        contact_url(department),
        {
            "phone": "027-1",
            "department": other_department.pk,
            "department_id": other_department.pk,
            "name": "改名",
        },
    )
    department.refresh_from_db()
    other_department.refresh_from_db()
    assert department.phone == "027-1"
    assert department.name == "教务处"
    assert other_department.phone == ""


def test_htmx_request_for_another_department_is_refused(
    client, liaison, department, other_department
):
    client.force_login(liaison)
    headers = {"HX-Request": "true"}
    assert client.get(contact_url(other_department), headers=headers).status_code == 403
    response = client.post(contact_url(other_department), {"phone": "110"}, headers=headers)
    assert response.status_code == 403
    other_department.refresh_from_db()
    assert other_department.phone == ""


def test_htmx_edit_of_own_department_returns_the_fragment(client, liaison, department):
    client.force_login(liaison)
    headers = {"HX-Request": "true"}
    form = client.get(contact_url(department), headers=headers)
    assert form.status_code == 200
    assert "<html" not in form.content.decode()
    saved = client.post(contact_url(department), {"phone": "027-9", "address": ""}, headers=headers)
    page = saved.content.decode()
    assert saved.status_code == 200
    assert "027-9" in page and "<html" not in page


def test_outsider_cannot_edit_a_department_they_do_not_belong_to(client, outsider, department):
    client.force_login(outsider)
    assert client.post(contact_url(department), {"phone": "1"}).status_code == 403
