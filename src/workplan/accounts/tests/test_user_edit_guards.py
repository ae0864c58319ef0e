"""The account form shows the account as it is, keeps an administrator from taking away their
own administrator role, and warns when a head or liaison is left without a department."""

import pytest
from django.urls import reverse

from workplan.core.roles import Role

pytestmark = pytest.mark.django_db


def test_admin_sees_the_account_as_it_is(client, admin_user, liaison, department):
    client.force_login(admin_user)
    form = client.get(reverse("accounts:user-edit", args=[liaison.pk])).context["form"]
    assert form.initial["full_name"] == liaison.full_name
    assert list(form.initial["departments"]) == [department]
    assert form.initial["roles"] == [Role.LIAISON]


def test_admin_cannot_remove_their_own_administrator_role(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("accounts:user-edit", args=[admin_user.pk]),
        {"full_name": "管理员", "email": "", "roles": [Role.SUPERVISOR]},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["roles"]
    admin_user.refresh_from_db()
    assert admin_user.has_role(Role.ADMIN) and not admin_user.has_role(Role.SUPERVISOR)


def test_head_saved_without_a_department_is_warned_about(client, admin_user, liaison):
    client.force_login(admin_user)
    response = client.post(
        reverse("accounts:user-edit", args=[liaison.pk]),
        {"full_name": "陈老师", "email": "", "roles": [Role.HEAD]},
        follow=True,
    )
    shown = [str(m) for m in response.context["messages"]]
    assert "陈老师 是部门负责人或联络员，但没有所属部门。" in shown
