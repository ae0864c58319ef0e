"""Every change to a report checks, inside its action, who acts and what state the report is
in — so a POST that skips the page's buttons (a liaison approving under head approval, an
auditor accepting) is refused as the page would refuse it: NotAllowed from the action, 403
or 404 from the address."""

from datetime import date

import pytest
from django.urls import reverse

from workplan.accounts.models import RoleGrant, User
from workplan.core.errors import NotAllowed, WrongState
from workplan.core.roles import Role
from workplan.progress import actions
from workplan.progress.models import ProgressReport
from workplan.progress.queries import current_period
from workplan.progress.tests.conftest import DRAFT as DATA
from workplan.progress.tests.factories import make_report
from workplan.progress.tests.test_reporting import PDF, jwc_task

# 教务处's draft (conftest) is made under head approval.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20", "head_approval")]

ROLES = ["admin", "supervisor", "leader", "head", "liaison", "auditor", "outsider"]


@pytest.fixture
def people(admin_user, supervisor, leader, head, liaison, auditor, outsider):
    users = [admin_user, supervisor, leader, head, liaison, auditor, outsider]
    return dict(zip(ROLES, users, strict=True))


def awaiting(report, liaison):
    return actions.do_submit_report(report, by=liaison)


def submitted(report, liaison, head):
    return actions.do_approve_report(awaiting(report, liaison), by=head)


def with_file(report, liaison):
    actions.do_attach_evidence(report, "方案.pdf", PDF, by=liaison)
    return report


def repeatable(report):
    """Give the report's department a report sent last period: what 本期无变化 repeats."""
    may = report.period.plan.periods.get(opens_on=date(2024, 5, 1))
    make_report(report.task, report.department, may, state=ProgressReport.State.SUBMITTED)
    return report


# action, the report's state before it, how it is done by `user`, who may do it
ACTIONS = {
    "save": (lambda r, p: r, lambda r, u: actions.do_save_report(r, DATA, read_version=None, by=u), {"head", "liaison"}),
    "submit": (lambda r, p: r, lambda r, u: actions.do_submit_report(r, by=u), {"head", "liaison"}),
    "no change": (lambda r, p: repeatable(r), lambda r, u: actions.do_report_no_change(r, by=u), {"head", "liaison"}),
    "attach": (lambda r, p: r, lambda r, u: actions.do_attach_evidence(r, "a.pdf", PDF, by=u), {"head", "liaison"}),
    "remove": (lambda r, p: with_file(r, p["liaison"]), lambda r, u: actions.do_remove_evidence(r.evidence.get(), by=u), {"head", "liaison"}),
    "approve": (lambda r, p: awaiting(r, p["liaison"]), lambda r, u: actions.do_approve_report(r, by=u), {"head"}),
    "send back": (lambda r, p: awaiting(r, p["liaison"]), lambda r, u: actions.do_send_back_report(r, "再改改", by=u), {"head"}),
    "accept": (lambda r, p: submitted(r, p["liaison"], p["head"]), lambda r, u: actions.do_accept_report(r, by=u), {"supervisor"}),
    "return": (lambda r, p: submitted(r, p["liaison"], p["head"]), lambda r, u: actions.do_return_report(r, "补充", by=u), {"supervisor"}),
}  # fmt: skip

CASES = [
    pytest.param(action, role, role in ACTIONS[action][2], id=f"{action} by {role}")
    for action in ACTIONS
    for role in ROLES
]


@pytest.mark.parametrize(("action", "role", "allowed"), CASES)
def test_each_report_action_checks_the_role(draft, people, action, role, allowed):
    prepare, do, _ = ACTIONS[action]
    report = prepare(draft, people)
    if allowed:
        do(report, people[role])
    else:
        before = ProgressReport.objects.get(pk=report.pk)
        with pytest.raises(NotAllowed):
            do(report, people[role])
        after = ProgressReport.objects.get(pk=report.pk)
        assert (after.state, after.version) == (before.state, before.version)


@pytest.mark.parametrize("role", ROLES)
def test_starting_a_report_checks_the_department(plan, department, people, role):
    period = current_period(plan)
    if role in ("head", "liaison"):
        actions.do_start_report(
            jwc_task(plan), department, period, ProgressReport.Role.LEAD, by=people[role]
        )
    else:
        with pytest.raises(NotAllowed):
            actions.do_start_report(
                jwc_task(plan), department, period, ProgressReport.Role.LEAD, by=people[role]
            )


@pytest.mark.parametrize("role", ROLES)
def test_reporting_settings_are_the_offices(plan, people, role):
    settings = dict(cadence="monthly", due_day=20, head_approval=False, lag_points=20, near_days=15)
    period = dict(label="专项", opens_on=date(2024, 12, 1), due_on=date(2024, 12, 20))
    if role == "supervisor":
        actions.do_update_schedule(plan, **settings, by=people[role])
        with pytest.raises(actions.PeriodRefused):  # past the role check, the dates are judged
            actions.do_add_period(plan, **period, by=people[role])
    else:
        with pytest.raises(NotAllowed):
            actions.do_update_schedule(plan, **settings, by=people[role])
        with pytest.raises(NotAllowed):
            actions.do_add_period(plan, **period, by=people[role])


def test_submitter_may_not_approve_their_own_report_even_as_head(draft, liaison):
    report = awaiting(draft, liaison)
    RoleGrant.objects.create(user=liaison, role=Role.HEAD)  # made head after submitting
    liaison = User.objects.get(pk=liaison.pk)
    with pytest.raises(NotAllowed):
        actions.do_approve_report(report, by=liaison)
    report.refresh_from_db()
    assert report.state == ProgressReport.State.AWAITING_APPROVAL


# the state the report is in, the action tried on it by someone allowed to do it in another state
WRONG_STATES = {
    "accept a draft": (lambda r, p: r, lambda r, p: actions.do_accept_report(r, by=p["supervisor"])),
    "approve an accepted report": (
        lambda r, p: actions.do_accept_report(submitted(r, p["liaison"], p["head"]), by=p["supervisor"]),
        lambda r, p: actions.do_approve_report(r, by=p["head"]),
    ),
    "approve a draft": (lambda r, p: r, lambda r, p: actions.do_approve_report(r, by=p["head"])),
    "send back a submitted report": (
        lambda r, p: submitted(r, p["liaison"], p["head"]),
        lambda r, p: actions.do_send_back_report(r, "x", by=p["head"]),
    ),
    "return a returned report": (
        lambda r, p: actions.do_return_report(submitted(r, p["liaison"], p["head"]), "x", by=p["supervisor"]),
        lambda r, p: actions.do_return_report(r, "y", by=p["supervisor"]),
    ),
    "save a submitted report": (
        lambda r, p: submitted(r, p["liaison"], p["head"]),
        lambda r, p: actions.do_save_report(r, DATA, read_version=None, by=p["liaison"]),
    ),
    "submit a report waiting for the head": (
        lambda r, p: awaiting(r, p["liaison"]),
        lambda r, p: actions.do_submit_report(r, by=p["liaison"]),
    ),
    "attach to a submitted report": (
        lambda r, p: submitted(r, p["liaison"], p["head"]),
        lambda r, p: actions.do_attach_evidence(r, "a.pdf", PDF, by=p["liaison"]),
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", WRONG_STATES)
def test_each_report_action_checks_the_state(draft, people, case):
    prepare, do = WRONG_STATES[case]
    report = prepare(draft, people)
    state = ProgressReport.objects.get(pk=report.pk).state
    with pytest.raises(WrongState):
        do(report, people)
    assert ProgressReport.objects.get(pk=report.pk).state == state


# URL: the POST a page would send, and what each role gets: 302 done, 403 refused, 404 unseen
URLS = {
    "approve": ("progress:approve-report", {}, awaiting, [403, 403, 403, 302, 403, 403, 404]),
    "send back": ("progress:send-back-report", {"comment": "再改"}, awaiting, [403, 403, 403, 302, 403, 403, 404]),
    "accept": ("progress:review", {"decision": "accept"}, "submitted", [403, 302, 403, 403, 403, 403, 404]),
    "return": ("progress:review", {"decision": "return", "comment": "补"}, "submitted", [403, 302, 403, 403, 403, 403, 404]),
}  # fmt: skip

URL_CASES = [
    pytest.param(action, role, URLS[action][3][index], id=f"POST {action} as {role}")
    for action in URLS
    for index, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("action", "role", "expected"), URL_CASES)
def test_each_report_post_checks_the_role(client, draft, people, action, role, expected):
    name, data, prepare, _ = URLS[action]
    if prepare == "submitted":
        report = submitted(draft, people["liaison"], people["head"])
    else:
        report = prepare(draft, people["liaison"])
    before = ProgressReport.objects.get(pk=report.pk).state
    client.force_login(people[role])
    response = client.post(reverse(name, args=[report.pk]), data)
    assert response.status_code == expected
    changed = ProgressReport.objects.get(pk=report.pk).state != before
    assert changed == (expected == 302)


def test_liaison_who_submitted_cannot_approve_by_posting(client, draft, liaison):
    """The probe's finding: under head approval the liaison's own POST went through."""
    report = awaiting(draft, liaison)
    client.force_login(liaison)
    client.cookies["django_language"] = "en"
    response = client.post(reverse("progress:approve-report", args=[report.pk]))
    assert response.status_code == 403
    assert "Only the head of 教务处 may approve or send back its report." in response.text
    report.refresh_from_db()
    assert (report.state, report.versions.count()) == (ProgressReport.State.AWAITING_APPROVAL, 0)
