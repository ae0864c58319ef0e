"""Administrators change roles and departments, deactivate and reactivate accounts — each
change one audit record with its actor; accounts are never deleted."""

import pytest
from django.urls import reverse

from workplan.audit.models import AuditRecord
from workplan.core.roles import Role

pytestmark = pytest.mark.django_db


def records_for(user):
    return AuditRecord.objects.filter(
        object_type="accounts.user", object_id=str(user.pk), action="change"
    )


def test_changing_roles_and_departments_leaves_one_record(
    client, admin_user, liaison, department, other_department
):
    client.force_login(admin_user)
    response = client.post(
        reverse("accounts:user-edit", args=[liaison.pk]),
        {
            "full_name": "陈老师",
            "email": "chen@example.edu.cn",
            "departments": [department.pk, other_department.pk],
            "roles": [Role.LIAISON, Role.HEAD],
        },
    )
    assert response.status_code == 302
    liaison.refresh_from_db()
    assert liaison.has_role(Role.HEAD)
    [record] = records_for(liaison)
    assert record.actor == admin_user
    fields = {c["field"]: (c["before"], c["after"]) for c in record.changes}
    assert fields["full_name"] == ("liaison", "陈老师")
    assert fields["departments"] == (["教务处"], ["教务处", "财务处"])
    assert set(fields["roles"][1]) == {str(Role.HEAD.label), str(Role.LIAISON.label)}


def test_deactivated_account_cannot_sign_in_and_is_kept(client, admin_user, liaison):
    client.force_login(admin_user)
    client.post(reverse("accounts:user-deactivate", args=[liaison.pk]))
    liaison.refresh_from_db()
    assert liaison.is_active is False
    anonymous = client.__class__()
    response = anonymous.post(reverse("login"), {"username": "liaison", "password": "pw-liaison-1"})
    assert response.status_code == 200
    client.post(reverse("accounts:user-reactivate", args=[liaison.pk]))
    assert [r.changes for r in records_for(liaison).order_by("at", "id")] == [
        [{"field": "is_active", "before": True, "after": False}],
        [{"field": "is_active", "before": False, "after": True}],
    ]


def test_administrator_cannot_deactivate_themselves(client, admin_user):
    client.force_login(admin_user)
    client.post(reverse("accounts:user-deactivate", args=[admin_user.pk]))
    admin_user.refresh_from_db()
    assert admin_user.is_active


def test_passwords_are_hashed_with_argon2_outside_tests(settings):
    from django.contrib.auth.hashers import make_password

    from workplan.settings import base

    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    assert make_password("s3cret-Passw0rd").startswith("argon2$")
    assert base.AUTH_PASSWORD_VALIDATORS


def test_administrator_cannot_remove_their_own_administrator_role(client, admin_user):
    client.force_login(admin_user)
    client.post(
        reverse("accounts:user-edit", args=[admin_user.pk]),
        {"full_name": "管理员", "email": "", "roles": [Role.SUPERVISOR]},
    )
    admin_user.refresh_from_db()
    assert admin_user.has_role(Role.ADMIN)
