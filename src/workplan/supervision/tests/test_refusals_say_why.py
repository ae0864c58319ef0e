"""A refused supervision POST says on its 403 page who may do it — the action's own sentence,
as a refused report action does — not only the page's general sentence."""

import pytest
from django.urls import reverse

from workplan.supervision.tests.test_action_roles import URLS, people, things  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]


def post(client, user, name, things, data):  # noqa: F811
    client.force_login(user)
    target = URLS[name][0]
    return client.post(reverse(f"supervision:{name}", args=[things[target].pk]), data)


def test_liaison_closing_a_notice_is_told_only_the_office_may(client, things, liaison):  # noqa: F811
    response = post(client, liaison, "notice-close", things, {})
    assert response.status_code == 403
    assert "只有督办部门可以进行此操作。" in response.text
    assert "如确需办理，请联系督办部门。" in response.text


def test_head_deciding_an_extension_is_told_only_the_leader_in_charge_may(
    client,
    things,  # noqa: F811
    head,
):
    response = post(client, head, "extension-decide", things, {"decision": "approve"})
    assert response.status_code == 403
    assert "只有该任务的分管校领导可以审批此申请。" in response.text


REFUSED = [
    pytest.param(name, role, id=f"POST {name} as {role}")
    for name, (_, _, codes) in URLS.items()
    for role, code in zip(
        ["admin", "supervisor", "leader", "head", "liaison", "auditor", "outsider"],
        codes,
        strict=True,
    )
    if code == 403
]


@pytest.mark.parametrize(("name", "role"), REFUSED)
def test_every_refused_supervision_post_says_who_may(client, things, people, name, role):  # noqa: F811
    data = dict(URLS[name][1])
    if name == "notice-issue":
        data["department"] = things["department"].pk
    response = post(client, people[role], name, things, data)
    assert response.status_code == 403
    assert "只有" in response.text  # every action's refusal names who may
