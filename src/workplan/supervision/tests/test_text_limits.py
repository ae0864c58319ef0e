"""What the departments and leaders type in supervision — a notice, its reply, a 批示 and its
answer, an extension's reason and its decision — is held to 2,000 characters by the form
(the message names the field and the limit) and again by each action."""

import pytest
from django.urls import reverse

from workplan.core.errors import TooLong
from workplan.supervision import actions
from workplan.supervision.models import ExtensionRequest, Instruction, Notice
from workplan.supervision.tests.test_action_roles import NEW_DUE, people, things  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]

LONG = "字" * 2001


def test_liaison_replying_with_2001_characters_is_told_the_field_and_limit(
    client,
    things,  # noqa: F811
    liaison,
):
    client.force_login(liaison)
    url = reverse("supervision:notice-reply", args=[things["notice"].pk])
    response = client.post(url, {"reply": LONG}, follow=True)
    assert "回复：此处最多 2000 个字符，您填写了 2001 个。" in response.text
    assert Notice.objects.get(pk=things["notice"].pk).reply == ""


ACTIONS = {
    "issue notice": lambda t, p: actions.do_issue_notice(t["task"], t["department"], LONG, None, by=p["supervisor"]),
    "reply notice": lambda t, p: actions.do_reply_notice(t["notice"], LONG, by=p["liaison"]),
    "give instruction": lambda t, p: actions.do_give_instruction(t["task"], LONG, by=p["leader"]),
    "answer instruction": lambda t, p: actions.do_answer_instruction(t["instruction"], LONG, by=p["head"]),
    "request extension": lambda t, p: actions.do_request_extension(t["task"], t["department"], NEW_DUE, LONG, by=p["head"]),
    "decide extension": lambda t, p: actions.do_decide_extension(t["extension"], False, reason=LONG, by=p["leader"]),
}  # fmt: skip


@pytest.mark.parametrize("action", ACTIONS)
def test_each_action_refuses_2001_characters(things, people, action):  # noqa: F811
    if action == "request extension":  # one request waits at a time: clear the fixture's
        actions.do_decide_extension(things["extension"], False, by=people["leader"])
    before = (
        Notice.objects.count(),
        Instruction.objects.filter(answer="").count(),
        list(ExtensionRequest.objects.values_list("state", flat=True)),
    )
    with pytest.raises(TooLong, match=r"2000.*2001"):
        ACTIONS[action](things, people)
    after = (
        Notice.objects.count(),
        Instruction.objects.filter(answer="").count(),
        list(ExtensionRequest.objects.values_list("state", flat=True)),
    )
    assert after == before
