"""Looking changes nothing: every page a person can reach by following links, as each role, is
read without a single INSERT, UPDATE or DELETE (the session's own row aside, which Django
writes when a flashed message is consumed). Downloads are followed too, the PDF aside (it is
rendered by LibreOffice and has its own tests)."""

import datetime
import re
from collections import deque

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from workplan.progress.models import ProgressReport
from workplan.progress.tests.factories import make_report, make_reporting_plan
from workplan.supervision.actions import do_give_instruction, do_issue_notice

pytestmark = pytest.mark.django_db
ROLES = ["admin_user", "supervisor", "leader", "head", "liaison", "auditor", "outsider"]
WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
NOT_FOLLOWED = re.compile(r"^/(static/|accounts/logout|i18n/|admin/)|\.pdf($|\?)")
PAGES_PER_ROLE = 80
SAME_SHAPE = 2  # /tasks/1/ and /tasks/2/ are the same page: visit two of each shape


@pytest.fixture
def year_under_way(department, other_department, supervisor, leader):
    """The example-shaped plan with reports in every state, a notice and a 批示."""
    with time_machine.travel("2024-06-20 10:00 +08:00"):
        plan = make_reporting_plan()
        tasks = list(
            plan.key_points.get(number=4).tasks.order_by("number")
        )  # 教务处 leads key point 4
        period = plan.periods.get(opens_on=datetime.date(2024, 6, 1))
        states = [State for State in ProgressReport.State if State != "awaiting_approval"]
        for task, state in zip(tasks, states, strict=False):
            make_report(task, department, period, state=state, reviewer=supervisor)
        do_issue_notice(
            tasks[0], department, "请报送进展。", datetime.date(2024, 6, 30), by=supervisor
        )
        do_give_instruction(tasks[0], "抓紧落实。", by=leader)
    return plan


def links(html: str) -> list[str]:
    found = re.findall(r'href="(/[^"#]*)"', html)
    return [link.replace("&amp;", "&") for link in found if not NOT_FOLLOWED.search(link)]


def crawl(client) -> dict[str, list[str]]:
    """Return, for each page reached from /, the writing statements its GET ran."""
    seen, shapes, writes = set(), {}, {}
    queue = deque(["/"])
    while queue and len(seen) < PAGES_PER_ROLE:
        url = queue.popleft()
        shape = re.sub(r"\d+", "N", url)
        if url in seen or shapes.get(shape, 0) >= SAME_SHAPE:
            continue
        seen.add(url)
        shapes[shape] = shapes.get(shape, 0) + 1
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, follow=True)
        statements = [
            q["sql"]
            for q in captured
            if WRITES.match(q["sql"]) and "django_session" not in q["sql"]
        ]
        if statements:
            writes[url] = statements
        if "html" in response.get("Content-Type", ""):
            queue.extend(links(response.content.decode()))
    assert len(seen) > 10, seen  # the crawl got somewhere
    return writes


@pytest.mark.parametrize("role", ROLES)
def test_following_every_link_writes_nothing(client, request, year_under_way, role):
    client.force_login(request.getfixturevalue(role))
    with time_machine.travel("2024-06-21 10:00 +08:00"):
        assert crawl(client) == {}
