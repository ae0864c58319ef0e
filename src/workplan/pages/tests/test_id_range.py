"""Ids too large for the database (a 25-digit number) in a URL, a query string or a form are
refused like any other wrong id — a form error, 400 or 404 — never a server error."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from workplan.org.models import Department, DepartmentGroup
from workplan.plans.models import Plan
from workplan.progress.actions import do_set_up_schedule, do_start_report
from workplan.progress.queries import current_period

pytestmark = pytest.mark.django_db

HUGE = "1" * 25


@pytest.fixture
def world(example_plan, admin_user, supervisor, liaison):
    call_command("import", str(example_plan))
    plan = Plan.objects.get()
    do_set_up_schedule(plan)
    task = plan.key_points.get(number=4).tasks.get(number=1)  # 教务处 leads key point 4
    jwc = Department.objects.get(name="教务处")
    report = do_start_report(task, jwc, current_period(plan), "lead", by=liaison)
    return {
        "plan": plan.pk,
        "task": task.pk,
        "key_point": plan.key_points.first().pk,
        "group": DepartmentGroup.objects.first().pk,
        "report": report.pk,
        "person": liaison.pk,
        "department": jwc.pk,
    }


# who, method, URL name, URL argument, data
CASES = [
    ("admin", "POST", "org:group-edit", "group", {"members": [HUGE]}),
    ("admin", "POST", "org:group-edit", "group", {"members": ["-1", HUGE + "0"]}),
    ("admin", "POST", "accounts:user-edit", "person", {"departments": [HUGE], "roles": ["liaison"]}),
    ("supervisor", "POST", "supervision:notice-issue", "task", {"department": HUGE, "requirement": "x"}),
    ("supervisor", "GET", "progress:review-queue", None, {"department": HUGE, "period": HUGE}),
    ("liaison", "GET", "progress:task-report", "task", {"department": HUGE}),
    ("liaison", "POST", "progress:report", "report", {"remove": HUGE, "status": "on_track", "percent": 1, "progress": "x", "version": 1}),
    ("supervisor", "GET", "pages:table", "plan", {"department": HUGE, "leader": HUGE, "point": HUGE}),
    ("supervisor", "POST", "plans:key-point-leader", "key_point", {"leader": HUGE}),
    ("supervisor", "POST", "pages:task-row-edit", "task", {"leader": HUGE, "version": 1}),
    ("supervisor", "GET", "reports:progress-report", "plan", {"period": HUGE}),
    ("supervisor", "GET", "audit:log", None, {"page": HUGE}),
    ("admin", "GET", "audit:log", None, {"page": HUGE, "text": HUGE}),
    ("supervisor", "GET", "notifications:list", None, {"page": HUGE}),
]  # fmt: skip

PATHS = [
    "pages:plan-detail", "pages:task-detail", "progress:report", "progress:task-report",
    "progress:evidence", "pages:department-detail", "org:group-edit", "accounts:user-edit",
    "supervision:notice-reply", "supervision:instruction-answer", "supervision:extension-decide",
]  # fmt: skip


@pytest.mark.parametrize(
    ("who", "method", "name", "arg", "data"),
    CASES,
    ids=[f"{c[1]} {c[2]} {sorted(c[4])}" for c in CASES],
)
def test_huge_id_in_a_form_or_query_is_no_server_error(
    client, world, request, who, method, name, arg, data
):
    users = {"admin": "admin_user", "supervisor": "supervisor", "liaison": "liaison"}
    client.force_login(request.getfixturevalue(users[who]))
    url = reverse(name, args=[world[arg]] if arg else [])
    response = client.get(url, data) if method == "GET" else client.post(url, data)
    assert response.status_code in (200, 302, 400, 403, 404)


@pytest.mark.parametrize("name", PATHS)
def test_huge_id_in_the_address_is_404(client, world, admin_user, name):
    client.force_login(admin_user)
    url = reverse(name, args=[int(HUGE)])
    response = client.get(url) if "answer" not in name else client.post(url)
    assert response.status_code in (404, 405)
