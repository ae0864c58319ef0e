"""Every supervision action checks, inside the action, who acts and the state of what it acts
on: notices, 批示, extension requests and the light rules. Refused at the action with
NotAllowed or WrongState, and at the address with 403 (may see, not do) or 404 (not seen)."""

from datetime import date

import pytest
from django.urls import reverse

from workplan.core.errors import NotAllowed, WrongState
from workplan.supervision import actions
from workplan.supervision.models import ExtensionRequest, Instruction, Notice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]

ROLES = ["admin", "supervisor", "leader", "head", "liaison", "auditor", "outsider"]
NEW_DUE = date(2024, 12, 31)


@pytest.fixture
def people(admin_user, supervisor, leader, head, liaison, auditor, outsider):
    users = [admin_user, supervisor, leader, head, liaison, auditor, outsider]
    return dict(zip(ROLES, users, strict=True))


@pytest.fixture
def things(task, department, people):
    """An open notice to 教务处, an unanswered 批示 and a pending extension request."""
    return {
        "task": task,
        "plan": task.key_point.plan,
        "department": department,
        "notice": actions.do_issue_notice(task, department, "请报送方案。", None, by=None),
        "instruction": actions.do_give_instruction(task, "抓紧推进。", by=people["leader"]),
        "extension": actions.do_request_extension(
            task, department, NEW_DUE, "经费未到位", by=people["liaison"]
        ),
    }


# action: how `user` does it to `things`, and who may
ACTIONS = {
    "issue notice": (lambda t, u: actions.do_issue_notice(t["task"], t["department"], "再报", None, by=u), {"supervisor"}),
    "close notice": (lambda t, u: actions.do_close_notice(t["notice"], by=u), {"supervisor"}),
    "reply notice": (lambda t, u: actions.do_reply_notice(t["notice"], "已报送", by=u), {"head", "liaison"}),
    "sign notice": (lambda t, u: actions.do_sign_notice(t["notice"], by=u), {"head", "liaison"}),
    "issue notices": (lambda t, u: actions.do_issue_notices(t["plan"], "再报", None, departments=[t["department"]], by=u), {"supervisor"}),
    "chase": (lambda t, u: actions.do_chase(t["plan"], [actions.ChaseTarget(t["department"], task=t["task"])], by=u), {"supervisor"}),
    "give instruction": (lambda t, u: actions.do_give_instruction(t["task"], "再抓紧", by=u), {"leader"}),
    "answer instruction": (lambda t, u: actions.do_answer_instruction(t["instruction"], "已落实", by=u), {"head", "liaison"}),
    "request extension": (lambda t, u: actions.do_request_extension(t["task"], t["department"], NEW_DUE, "x", by=u), {"head", "liaison"}),
    "decide extension": (lambda t, u: actions.do_decide_extension(t["extension"], True, by=u), {"leader"}),
    "change light rules": (lambda t, u: actions.do_update_light_rules(t["task"].key_point.plan.schedule, lag_points=10, near_days=5, by=u), {"supervisor"}),
}  # fmt: skip

CASES = [
    pytest.param(action, role, role in ACTIONS[action][1], id=f"{action} by {role}")
    for action in ACTIONS
    for role in ROLES
]


@pytest.mark.parametrize(("action", "role", "allowed"), CASES)
def test_each_supervision_action_checks_the_role(things, people, action, role, allowed):
    do, _ = ACTIONS[action]
    if action == "request extension":  # one request waits at a time: clear the fixture's
        actions.do_decide_extension(things["extension"], False, by=people["leader"])
    if allowed:
        do(things, people[role])
    else:
        with pytest.raises(NotAllowed):
            do(things, people[role])


def test_request_for_another_department_is_refused(things, outsider, other_department):
    """Even with a department of their own, nobody asks for time on a task it does not lead."""
    actions.do_decide_extension(things["extension"], False, by=None)
    with pytest.raises(NotAllowed):
        actions.do_request_extension(things["task"], other_department, NEW_DUE, "x", by=outsider)


WRONG_STATES = {
    "reply to a closed notice": (
        lambda t, p: actions.do_close_notice(t["notice"], by=p["supervisor"]),
        lambda t, p: actions.do_reply_notice(t["notice"], "晚了", by=p["liaison"]),
    ),
    "reply to an answered notice": (
        lambda t, p: actions.do_reply_notice(t["notice"], "已报", by=p["liaison"]),
        lambda t, p: actions.do_reply_notice(t["notice"], "改口", by=p["head"]),
    ),
    "sign a signed notice": (
        lambda t, p: actions.do_sign_notice(t["notice"], by=p["liaison"]),
        lambda t, p: actions.do_sign_notice(t["notice"], by=p["head"]),
    ),
    "sign a replied notice": (
        lambda t, p: actions.do_reply_notice(t["notice"], "已报", by=p["liaison"]),
        lambda t, p: actions.do_sign_notice(t["notice"], by=p["head"]),
    ),
    "sign a closed notice": (
        lambda t, p: actions.do_close_notice(t["notice"], by=p["supervisor"]),
        lambda t, p: actions.do_sign_notice(t["notice"], by=p["liaison"]),
    ),
    "close a closed notice": (
        lambda t, p: actions.do_close_notice(t["notice"], by=p["supervisor"]),
        lambda t, p: actions.do_close_notice(t["notice"], by=p["supervisor"]),
    ),
    "answer an answered instruction": (
        lambda t, p: actions.do_answer_instruction(t["instruction"], "已落实", by=p["liaison"]),
        lambda t, p: actions.do_answer_instruction(t["instruction"], "改口", by=p["head"]),
    ),
    "decide a decided extension": (
        lambda t, p: actions.do_decide_extension(t["extension"], False, by=p["leader"]),
        lambda t, p: actions.do_decide_extension(t["extension"], True, by=p["leader"]),
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", WRONG_STATES)
def test_each_supervision_action_checks_the_state(things, people, case):
    first, second = WRONG_STATES[case]
    first(things, people)
    with pytest.raises(WrongState):
        second(things, people)


def test_a_decided_extension_stays_as_decided(things, leader):
    actions.do_decide_extension(things["extension"], False, by=leader)
    with pytest.raises(WrongState):
        actions.do_decide_extension(things["extension"], True, by=leader)
    things["task"].refresh_from_db()
    assert things["task"].due_date != NEW_DUE
    assert ExtensionRequest.objects.get().state == ExtensionRequest.State.REFUSED


# URL name, the object it takes, the form, what each role gets (302 done, 403, 404 unseen)
URLS = {
    "notice-issue": ("task", {"requirement": "再报"}, [403, 302, 403, 403, 403, 403, 403]),
    "notice-close": ("notice", {}, [403, 302, 403, 403, 403, 403, 404]),
    "notice-reply": ("notice", {"reply": "已报送"}, [403, 403, 403, 302, 302, 403, 404]),
    "notice-sign": ("notice", {}, [403, 403, 403, 302, 302, 403, 404]),
    "orders-new": ("plan", {"requirement": "再报"}, [403, 302, 403, 403, 403, 403, 403]),
    "chase-send": ("plan", {}, [403, 302, 403, 403, 403, 403, 403]),
    "instruction-give": ("task", {"text": "再抓紧"}, [403, 403, 302, 403, 403, 403, 403]),
    "instruction-answer": ("instruction", {"answer": "已落实"}, [403, 403, 403, 302, 302, 403, 403]),
    "extension-decide": ("extension", {"decision": "approve"}, [403, 403, 302, 403, 403, 403, 403]),
}  # fmt: skip

URL_CASES = [
    pytest.param(name, role, URLS[name][2][index], id=f"POST {name} as {role}")
    for name in URLS
    for index, role in enumerate(ROLES)
]


def _changed(things) -> tuple:
    return (
        Notice.objects.count(),
        Notice.objects.get(pk=things["notice"].pk).state,
        Notice.objects.get(pk=things["notice"].pk).signed_by_id,
        Instruction.objects.count(),
        Instruction.objects.get(pk=things["instruction"].pk).answer,
        ExtensionRequest.objects.get(pk=things["extension"].pk).state,
    )


@pytest.mark.parametrize(("name", "role", "expected"), URL_CASES)
def test_each_supervision_post_checks_the_role(client, things, people, name, role, expected):
    target, data, _ = URLS[name]
    if name in ("notice-issue", "orders-new"):
        data = {**data, "department": things["department"].pk}
    if name in ("orders-new", "chase-send"):
        data = {**data, "departments": [things["department"].pk]}
    before = _changed(things)
    client.force_login(people[role])
    response = client.post(reverse(f"supervision:{name}", args=[things[target].pk]), data)
    assert response.status_code == expected
    assert (_changed(things) != before) == (expected == 302)
