"""Every upload form, fed zip bombs, entity bombs, deep nesting, mislabelled files and bodies
over the limit, as the role that may use it: a clear refusal naming the file (or the limit)
within seconds, in the user's language, and nothing saved. Memory: test_upload_memory.py."""

import functools
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from workplan.accounts.models import User
from workplan.parsing.tests import badfiles
from workplan.plans.models import ImportPreview, Plan, Task
from workplan.progress.actions import do_set_up_schedule, do_start_report
from workplan.progress.models import EvidenceFile

pytestmark = pytest.mark.django_db
MAX_SECONDS = 10

HOSTILE = {
    **badfiles.BOMBS,
    "word-named.xlsx": lambda: badfiles.docx(badfiles.DOCUMENT_HEAD + b"</w:document>"),
    "picture-named.docx": lambda: badfiles.PNG,
    "picture-named.xlsx": lambda: badfiles.PNG,
    "binary.txt": lambda: bytes(range(256)) * 64,
}


# Files within the size limits holding far more than any real upload, by the forms they are
# meant for: refused as soon as a limit of the form's job is passed (or, within those limits,
# answered with a capped list of problems), as quickly as a bomb.
HEAVY = {
    **badfiles.HEAVY,
    "unknown-departments.xlsx": (badfiles.xlsx_unknown_departments, {"accounts"}),
}
FORMS = {"plan": "plan document", "table": "task table", "accounts": "account sheet"}


@functools.cache
def hostile(name: str) -> bytes:
    return HOSTILE[name]() if name in HOSTILE else HEAVY[name][0]()


@pytest.fixture
def plan(example_plan, department, other_department):
    call_command("import", str(example_plan))
    plan = Plan.objects.get()
    do_set_up_schedule(plan)
    return plan


@pytest.fixture
def endpoints(plan, department, supervisor, liaison, admin_user):
    """Return, for each upload form: its address, file field, the user who may use it, and a
    count of what it saves."""
    task = plan.key_points.get(number=4).tasks.first()
    report = do_start_report(
        task, department, plan.periods.order_by("opens_on").first(), "lead", by=liaison
    )
    return {
        "plan document": (reverse("plans:plan-upload"), "document", supervisor, Plan.objects.count),
        "task table": (
            reverse("plans:table-upload", args=[plan.pk]),
            "sheet",
            supervisor,
            lambda: (Task.objects.count(), ImportPreview.objects.count()),
        ),
        "evidence": (
            reverse("progress:attach-evidence", args=[report.pk]),
            "file",
            liaison,
            EvidenceFile.objects.count,
        ),
        "account sheet": (reverse("accounts:user-import"), "sheet", admin_user, User.objects.count),
    }


ENDPOINTS = ["plan document", "task table", "evidence", "account sheet"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_role_gets_a_clear_refusal_for_each_hostile_file(client, endpoints, endpoint):
    url, field, user, saved = endpoints[endpoint]
    client.force_login(user)
    before = saved()
    for name in HOSTILE:
        start = time.monotonic()
        response = client.post(url, {field: SimpleUploadedFile(name, hostile(name))}, follow=True)
        elapsed = time.monotonic() - start
        page = response.content.decode()
        assert elapsed < MAX_SECONDS, name
        assert response.status_code in {200, 400, 413}, name
        assert name in page, (name, page[:3000])
        assert "Traceback" not in page, name
        assert saved() == before, name


@pytest.mark.parametrize("endpoint", FORMS.values())
def test_role_gets_a_quick_refusal_for_each_file_holding_more_than_the_job(
    client, endpoints, endpoint
):
    url, field, user, saved = endpoints[endpoint]
    client.force_login(user)
    before = saved()
    names = [n for n, (_, readers) in HEAVY.items() if endpoint in {FORMS[r] for r in readers}]
    assert names
    for name in names:
        start = time.monotonic()
        response = client.post(url, {field: SimpleUploadedFile(name, hostile(name))}, follow=True)
        elapsed = time.monotonic() - start
        page = response.content.decode()
        assert elapsed < MAX_SECONDS, (name, elapsed)
        assert response.status_code in {200, 400}, name
        assert name in page, (name, page[:3000])
        assert len(page) < 200_000, name  # a capped list of problems, not one per row
        assert saved() == before, name


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_role_gets_413_naming_the_limit_for_a_body_over_20_mb(endpoints, endpoint):
    url, field, user, saved = endpoints[endpoint]
    client = Client(enforce_csrf_checks=True)  # the refusal comes before any CSRF check
    client.force_login(user)
    before = saved()
    data = b"\0" * (21 * 1024 * 1024)
    response = client.post(url, {field: SimpleUploadedFile("big.xlsx", data)})
    page = response.content.decode()
    assert response.status_code == 413
    assert "20 MB" in page and "上传" in page
    assert "CSRF" not in page
    assert saved() == before


def test_a_body_claiming_400_mb_is_refused_without_being_read(client, endpoints):
    url, field, user, _saved = endpoints["task table"]
    client.force_login(user)
    response = client.post(
        url,
        {field: SimpleUploadedFile("big.xlsx", b"PK")},
        CONTENT_LENGTH=str(400 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "20 MB" in response.content.decode()


def test_a_file_over_20_mb_in_a_body_within_the_margin_is_stopped_while_arriving(client, endpoints):
    url, field, user, saved = endpoints["evidence"]
    client.force_login(user)
    data = b"%PDF-1.4\n" + b"\0" * (20 * 1024 * 1024)  # Content-Length passes; the count doesn't
    response = client.post(url, {field: SimpleUploadedFile("scan.pdf", data)})
    assert response.status_code == 413
    assert "scan.pdf" in response.content.decode()
    assert saved() == 0


def test_the_refusal_is_in_english_for_an_english_reader(endpoints):
    url, field, user, _saved = endpoints["account sheet"]
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(user)
    data = b"\0" * (21 * 1024 * 1024)
    response = client.post(url, {field: SimpleUploadedFile("big.xlsx", data)})
    assert response.status_code == 413
    assert "larger than 20 MB" in response.content.decode()


def test_command_line_refuses_each_hostile_file_with_one_message(plan, tmp_path):
    for name in HOSTILE:
        path = tmp_path / name
        path.write_bytes(hostile(name))
        start = time.monotonic()
        if name.endswith(".xlsx"):
            with pytest.raises(CommandError) as refused:
                call_command("table", "import", str(path), "--plan", str(plan.pk))
            assert name in refused.value.args[0], name
        else:
            with pytest.raises(CommandError, match=name.replace(".", r"\.")):
                call_command("import", str(path))
        assert time.monotonic() - start < MAX_SECONDS, name
    assert Plan.objects.count() == 1
