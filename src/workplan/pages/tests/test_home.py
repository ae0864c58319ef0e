"""After signing in, each person starts on the 工作台 at the site's root; the old address of
the start page still leads there."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_each_role_starts_at_the_workbench(client, liaison, leader, supervisor):
    assert reverse("pages:home") == "/"
    for user, part in (
        (liaison, "desk-department"),
        (leader, "desk-leader"),
        (supervisor, "desk-office"),
    ):
        client.force_login(user)
        page = client.get("/").content.decode()
        assert f'id="{part}"' in page
        assert client.get("/start/").status_code == 200


def test_plan_list_has_its_own_address(client, viewer):
    client.force_login(viewer)
    assert reverse("plans:plan-list") == "/plans/"
    assert client.get("/plans/").status_code == 200
