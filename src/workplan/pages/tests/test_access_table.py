"""Every page, download and action, for every kind of user.

200/302/400 = allowed (302 after an action, 400 for an empty form), 403 = may see but not change,
404 = may not see (same as missing), login = anonymous visitors are sent to sign in.
Each action's own checks (role × state, e.g. approving one's own report) are tabled in
progress/tests/test_action_roles.py and supervision/tests/test_action_roles.py.
"head" and "liaison" belong to 教务处, the department in the URLs; "outsider" is the liaison
of another department.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse

from workplan.accounts.tests.factories import make_user
from workplan.org.models import Department, DepartmentGroup
from workplan.plans.models import Plan, Task
from workplan.progress.actions import do_set_up_schedule, do_start_report
from workplan.progress.queries import current_period

pytestmark = pytest.mark.django_db

ROLES = ["admin", "supervisor", "leader", "head", "liaison", "auditor", "outsider"]

# method, URL name, URL argument  →  admin, supervisor, leader, head, liaison, auditor, outsider
TABLE = [
    ("GET",  "plans:plan-list",         None,         200, 200, 200, 200, 200, 200, 200),
    ("GET",  "pages:plan-detail",       "plan",       200, 200, 200, 200, 200, 200, 200),
    ("GET",  "pages:task-detail",       "task",       200, 200, 200, 200, 200, 200, 200),
    ("POST", "plans:plan-upload",       None,         403, 400, 403, 403, 403, 403, 403),
    ("GET",  "pages:table",             "plan",       200, 200, 200, 200, 200, 200, 200),
    ("GET",  "plans:table-export",      "plan",       200, 200, 200, 200, 200, 200, 200),
    ("POST", "plans:table-upload",      "plan",       403, 302, 403, 403, 403, 403, 403),
    ("POST", "plans:table-apply",       "plan_token", 403, 302, 403, 403, 403, 403, 403),
    ("POST", "plans:table-shift",       "plan",       403, 302, 403, 403, 403, 403, 403),
    ("POST", "plans:key-point-leader",  "key_point",  403, 302, 403, 403, 403, 403, 403),
    ("GET",  "pages:task-row",          "task",       200, 200, 200, 200, 200, 200, 200),
    ("GET",  "pages:task-row-edit",     "task",       403, 200, 403, 403, 403, 403, 403),
    ("GET",  "plans:import-preview",    "token",      403, 302, 403, 403, 403, 403, 403),
    ("GET",  "plans:import-preview-item", "token",   403, 302, 403, 403, 403, 403, 403),
    ("POST", "plans:import-preview-responsibility", "token", 403, 302, 403, 403, 403, 403, 403),
    ("POST", "plans:import-preview-structure", "token", 403, 302, 403, 403, 403, 403, 403),
    ("GET",  "org:department-list",     None,         200, 200, 200, 200, 200, 200, 200),
    ("GET",  "pages:department-detail",   "department", 200, 200, 200, 200, 200, 200, 200),
    ("GET",  "org:department-contact",  "department", 200, 200, 403, 200, 200, 403, 403),
    ("POST", "org:department-contact",  "department", 302, 302, 403, 302, 302, 403, 403),
    ("GET",  "org:group-edit",          "group",      200, 200, 403, 403, 403, 403, 403),
    ("POST", "org:group-edit",          "group",      302, 302, 403, 403, 403, 403, 403),
    ("GET",  "progress:my-reports",     None,         200, 302, 200, 200, 200, 200, 200),
    ("GET",  "progress:review-queue",   None,         404, 200, 404, 404, 404, 404, 404),
    ("GET",  "progress:task-report",    "task41",     404, 404, 404, 302, 302, 404, 404),
    ("GET",  "progress:report",         "report",     200, 200, 200, 200, 200, 200, 404),
    ("POST", "progress:report",         "report",     403, 403, 403, 200, 200, 403, 404),
    ("POST", "progress:attach-evidence", "report",    403, 403, 403, 302, 302, 403, 404),
    ("POST", "progress:review",         "report",     403, 400, 403, 403, 403, 403, 404),
    ("GET",  "progress:schedule",       "plan",       403, 200, 403, 403, 403, 403, 403),
    ("POST", "progress:schedule",       "plan",       403, 200, 403, 403, 403, 403, 403),
    ("POST", "progress:add-period",     "plan",       403, 400, 403, 403, 403, 403, 403),
    ("GET",  "progress:edit-period",    "plan_period", 403, 200, 403, 403, 403, 403, 403),
    ("POST", "progress:edit-period",    "plan_period", 403, 400, 403, 403, 403, 403, 403),
    ("POST", "progress:delete-period",  "plan_period", 403, 302, 403, 403, 403, 403, 403),
    ("GET",  "supervision:notices",     None,         200, 200, 200, 200, 200, 200, 200),
    ("GET",  "notifications:list",      None,         200, 200, 200, 200, 200, 200, 200),
    ("POST", "supervision:notice-issue", "task41",    403, 302, 403, 403, 403, 403, 403),
    ("POST", "supervision:instruction-give", "task41", 403, 403, 302, 403, 403, 403, 403),
    ("POST", "supervision:extension-request", "task41", 403, 403, 403, 302, 302, 403, 403),
    ("GET",  "audit:log",               None,         200, 404, 404, 404, 404, 200, 404),
    ("GET",  "audit:export",            None,         200, 404, 404, 404, 404, 200, 404),
    ("GET",  "accounts:user-list",      None,         200, 404, 404, 404, 404, 404, 404),
    ("GET",  "accounts:user-import",    None,         200, 404, 404, 404, 404, 404, 404),
    ("GET",  "accounts:user-edit",      "person",     200, 404, 404, 404, 404, 404, 404),
    ("POST", "accounts:user-unlock",    "person",     302, 404, 404, 404, 404, 404, 404),
    ("POST", "accounts:user-deactivate", "person",    302, 404, 404, 404, 404, 404, 404),
    ("POST", "accounts:user-reactivate", "person",    302, 404, 404, 404, 404, 404, 404),
]  # fmt: skip

CASES = [
    pytest.param(method, name, arg, role, statuses[index], id=f"{method} {name} as {role}")
    for method, name, arg, *statuses in TABLE
    for index, role in enumerate(ROLES)
]


@pytest.fixture
def world(example_plan, admin_user, supervisor, leader, head, liaison, auditor, outsider):
    call_command("import", str(example_plan))
    users = dict(
        zip(ROLES, [admin_user, supervisor, leader, head, liaison, auditor, outsider], strict=True)
    )
    targets = {
        "plan": Plan.objects.get().pk,
        "task": Task.objects.first().pk,
        "department": Department.objects.get(name="教务处").pk,
        "group": DepartmentGroup.objects.first().pk,
        "person": make_user("someone").pk,
        "token": "no-such-preview",
        "key_point": Plan.objects.get().key_points.first().pk,
    }
    targets["plan_token"] = [targets["plan"], "no-such-upload"]
    plan = Plan.objects.get()
    do_set_up_schedule(plan)
    task41 = plan.key_points.get(number=4).tasks.get(number=1)  # 教务处 leads key point 4
    targets["task41"] = task41.pk
    targets["plan_period"] = [plan.pk, plan.periods.order_by("opens_on").last().pk]
    jwc = Department.objects.get(name="教务处")
    targets["report"] = do_start_report(
        task41, jwc, current_period(plan), "lead", by=users["liaison"]
    ).pk
    return users, targets


def _args(targets, arg):
    if not arg:
        return []
    value = targets[arg]
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize(("method", "name", "arg", "role", "expected"), CASES)
def test_access(client, world, method, name, arg, role, expected):
    users, targets = world
    client.force_login(users[role])
    url = reverse(name, args=_args(targets, arg))
    response = client.get(url) if method == "GET" else client.post(url, {})
    assert response.status_code == expected


@pytest.mark.parametrize(("method", "name", "arg"), [row[:3] for row in TABLE])
def test_anonymous_visitor_is_sent_to_sign_in(client, world, method, name, arg):
    _, targets = world
    url = reverse(name, args=_args(targets, arg))
    response = client.get(url) if method == "GET" else client.post(url, {})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("method", "name", "arg"),
    [
        ("POST", "pages:plan-detail", "plan"),
        ("POST", "audit:log", None),
        ("GET", "accounts:user-unlock", "person"),
        ("PUT", "org:department-contact", "department"),
        ("GET", "plans:import-preview-structure", "token"),
        ("POST", "plans:import-preview-item", "token"),
    ],
)
def test_wrong_method_is_405(client, world, method, name, arg):
    users, targets = world
    client.force_login(users["admin"])
    url = reverse(name, args=_args(targets, arg))
    assert client.generic(method, url).status_code == 405
