"""Fixtures shared by every app's tests."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import socket
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.utils import translation

from workplan.accounts.models import User
from workplan.accounts.tests.factories import make_user
from workplan.core.roles import Role
from workplan.org.models import Department
from workplan.org.tests.factories import make_department
from workplan.progress.actions import do_attach_evidence, do_set_up_schedule, do_start_report
from workplan.supervision.actions import do_give_instruction, do_issue_notice

REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def site_language():
    """Each test starts in the site's language, as a fresh request or command does: a request in
    English earlier in the same process would otherwise leave English active for the next test."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


EXAMPLE_PLAN = Path(__file__).resolve().parent / "examples" / "jiangcheng-2024.md"
HUBEI = "hubei-open-university-2021"


def corpus_dir() -> Path:
    return Path(os.environ.get("WORKPLAN_CORPUS", REPOSITORY.parent / "shared" / "corpus"))


@pytest.fixture
def corpus() -> Path:
    """The real documents in ../shared/corpus; tests skip without them, CI insists on them."""
    path = corpus_dir()
    if not (path / f"{HUBEI}.txt").is_file():
        if os.environ.get("WORKPLAN_REQUIRE_CORPUS") == "1":
            pytest.fail(f"the corpus is required but {path} has no {HUBEI}.txt")
        pytest.skip(f"corpus not found at {path}")
    return path


@pytest.fixture
def hubei_txt(corpus) -> Path:
    return corpus / f"{HUBEI}.txt"


@pytest.fixture
def hubei_expected(corpus) -> dict:
    return json.loads((corpus / f"{HUBEI}.expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def example_plan() -> Path:
    return EXAMPLE_PLAN


@pytest.fixture
def department(db):
    return make_department(name="教务处", kind=Department.Kind.ADMINISTRATIVE)


@pytest.fixture
def other_department(db):
    return make_department(name="财务处", kind=Department.Kind.ADMINISTRATIVE)


@pytest.fixture
def admin_user(db):
    return make_user("admin", [Role.ADMIN])


@pytest.fixture
def supervisor(db):
    """A user of the supervision office, who runs the plan."""
    return make_user("supervisor", [Role.SUPERVISOR])


@pytest.fixture
def leader(db):
    return make_user("leader", [Role.LEADER])


@pytest.fixture
def head(department):
    return make_user("head", [Role.HEAD], [department])


@pytest.fixture
def liaison(department):
    return make_user("liaison", [Role.LIAISON], [department])


@pytest.fixture
def auditor(db):
    return make_user("auditor", [Role.AUDITOR])


@pytest.fixture
def outsider(other_department):
    """The liaison of another department."""
    return make_user("outsider", [Role.LIAISON], [other_department])


@pytest.fixture
def viewer(db):
    """A signed-in user with no role at all."""
    return make_user("viewer")


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def record_work(supervisor, leader):
    """Return a function that files reports (with evidence), notices and instructions on a task,
    through the same actions the pages use: the record of work that deleting a task destroys.
    Here, at the top, because it reaches up to supervision while the tests that use it are
    about plans."""

    def record(task, *, reports=1, evidence=0, notices=0, instructions=0):
        plan = task.key_point.plan
        do_set_up_schedule(plan)
        department = Department.objects.get(name="党办校办")
        liaison = User.objects.filter(username="plan-liaison").first() or make_user(
            "plan-liaison", [Role.LIAISON], [department]
        )
        periods = list(plan.periods.order_by("opens_on")[:reports])
        made = [do_start_report(task, department, p, "lead", by=liaison) for p in periods]
        for index in range(evidence):
            do_attach_evidence(made[0], f"纪要{index}.pdf", PDF, by=liaison)
        for _ in range(notices):
            do_issue_notice(
                task, department, "请报送进展。", datetime.date(2021, 6, 30), by=supervisor
            )
        for _ in range(instructions):
            do_give_instruction(task, "抓紧落实。", by=leader)
        return made

    return record


CHROMIUM = "/usr/bin/chromium"
PDF_PROGRAMS = ("soffice", "pdftoppm", "pdffonts", "pdftotext")


@pytest.fixture(scope="session")
def pdf_tools():
    """LibreOffice and poppler, as CI installs them; tests skip without them unless required."""
    missing = [program for program in PDF_PROGRAMS if shutil.which(program) is None]
    if missing:
        if os.environ.get("WORKPLAN_REQUIRE_PDF") == "1":
            pytest.fail(f"PDF tests are required but {', '.join(missing)} is missing")
        pytest.skip(f"{', '.join(missing)} is not installed")


@pytest.fixture
def screenshot_dir(tmp_path) -> Path:
    """Where tests save pictures of what a user sees: docs/screenshots when
    WORKPLAN_SCREENSHOTS names it (scripts/screenshots), else a temporary folder."""
    chosen = os.environ.get("WORKPLAN_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, as CI installs it; tests skip without it unless CI requires it."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("WORKPLAN_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests are required but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is not installed")
    # Playwright's sync API keeps an event loop in the test thread from here on; the ORM
    # calls made by tests (and the database teardown) are synchronous and their own.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "zh-CN",
        "accept_downloads": True,
        "viewport": {"width": 1366, "height": 900},
    }


@pytest.fixture
def new_page(browser):
    """Open a page in a browser context of its own (a second user, a phone), in Chinese.

    The contexts close when the test ends, so Chromium hangs up its kept-alive connections
    while the live server still shares the test database with its request threads."""
    contexts = []

    def open_page(**context_args):
        context = browser.new_context(**{"locale": "zh-CN", **context_args})
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


class Inbox:
    """What a real SMTP server on loopback received."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on a free loopback port, and the mailer pointed at it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 10},
        }
    }
    yield inbox
    controller.stop()
