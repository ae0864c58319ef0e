"""Every page carries the security headers; no page needs inline script; production settings
pass Django's deployment checks."""

import os
import re
import subprocess
import sys

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_send_csp_frame_and_referrer_headers(client, viewer):
    client.force_login(viewer)
    response = client.get(reverse("plans:plan-list"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_have_no_inline_script_or_style(client, admin_user, example_plan):
    from django.core.management import call_command

    from workplan.plans.models import Task

    call_command("import", str(example_plan))
    client.force_login(admin_user)
    urls = [
        reverse("login"),
        reverse("plans:plan-list"),
        reverse("pages:task-detail", args=[Task.objects.first().pk]),
        reverse("org:department-list"),
        reverse("audit:log"),
        reverse("accounts:user-list"),
        reverse("reports:dashboard", args=[Task.objects.first().key_point.plan_id]),
    ]
    for url in urls:
        page = client.get(url).content.decode()
        # Only script files run; JSON data islands (type="application/json") are not scripts.
        assert not re.search(r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>", page), (
            url
        )
        assert not re.search(r"\son[a-z]+=", page), url
        assert "<style" not in page and ' style="' not in page, url


def test_forms_carry_a_csrf_token(client, supervisor):
    client.force_login(supervisor)
    page = client.get(reverse("plans:plan-list")).content.decode()
    assert page.count('name="csrfmiddlewaretoken"') == page.count("<form")


def test_session_ends_when_idle_or_the_browser_closes(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600


def test_production_settings_pass_the_deployment_checks(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "workplan.settings.prod",
        "WORKPLAN_SECRET_KEY": "x" * 20 + "-a-long-and-random-production-secret-for-the-check",
        "WORKPLAN_ALLOWED_HOSTS": "workplan.example.edu.cn",
        "WORKPLAN_DATA_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-m", "workplan", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
