"""What people see when a page does not exist, is not theirs to change, or fails: the site's own
pages in their language, never Django's technical ones."""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def test_missing_page_is_explained_inside_the_site(client, viewer):
    client.force_login(viewer)
    response = client.get("/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在" in page and 'href="/"' in page and "topbar" in page
    assert "URLconf" not in page and "Traceback" not in page


def test_missing_page_in_english(client, viewer):
    client.force_login(viewer)
    client.cookies["django_language"] = "en"
    assert "Page not found" in client.get("/no-such-page/").content.decode()


def test_forbidden_action_says_why(client, viewer, example_plan):
    from django.core.management import call_command

    from workplan.plans.models import Plan

    call_command("import", str(example_plan))
    task = Plan.objects.get().key_points.first().tasks.first()
    client.force_login(viewer)
    response = client.post(f"/tasks/{task.pk}/row/edit/", {})
    assert response.status_code == 403
    assert "无权" in response.content.decode() or "只能查看" in response.content.decode()


def test_server_error_page_needs_nothing_that_could_fail_again():
    response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "系统出错" in page and "Server error" in page


def test_the_demo_runs_with_debug_off():
    from importlib import import_module

    assert import_module("workplan.settings.demo").DEBUG is False


def test_a_form_sent_after_signing_in_again_elsewhere_is_explained_inside_the_site(viewer):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(viewer)
    response = client.post("/i18n/setlang/", {"language": "en"})  # no CSRF token: a stale form
    page = response.content.decode()
    assert response.status_code == 403
    assert "topbar" in page and "DEBUG" not in page and "CSRF" not in page
    assert "页面已过期" in page
