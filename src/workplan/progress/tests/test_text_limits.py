"""A report's words are held to 5,000 characters a field, and the office's and the head's
comments to 2,000: the form refuses more with the limit beside the field, and each action
refuses it again (a hand-made POST, a command) naming the field and the limit."""

import pytest
from django.urls import reverse

from workplan.core.errors import TooLong
from workplan.progress import actions
from workplan.progress.models import ProgressReport
from workplan.progress.tests.test_reporting import form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]


@pytest.mark.parametrize("field", ["progress", "problems", "next_steps"])
def test_liaison_saving_5001_characters_sees_the_limit_and_nothing_is_saved(
    client, draft, liaison, field
):
    client.force_login(liaison)
    response = client.post(
        reverse("progress:save-report", args=[draft.pk]),
        {**form(draft), field: "进" * 5001},
    )
    assert response.status_code == 200
    assert "此处最多 5000 个字符，您填写了 5001 个。" in response.text
    assert ProgressReport.objects.get(pk=draft.pk).version == draft.version


def test_liaison_saving_5000_characters_in_lines_is_accepted(client, draft, liaison):
    """Line breaks count once, as the browser counts them, though the form sends CR LF."""
    client.force_login(liaison)
    text = "\r\n".join(["进" * 99] * 50)  # 4,999 characters as typed, 5,048 as sent
    response = client.post(
        reverse("progress:save-report", args=[draft.pk]),
        {**form(draft), "progress": text},
    )
    assert response.status_code == 302
    assert len(ProgressReport.objects.get(pk=draft.pk).progress) == 4999


def test_saving_too_long_a_report_by_the_action_names_the_field_and_limit(draft, liaison):
    data = actions.ReportData("on_track", 40, "已完成。", "难" * 5001, "")
    with pytest.raises(TooLong, match=r"困难与建议.*5000.*5001"):
        actions.do_save_report(draft, data, read_version=None, by=liaison)
    assert ProgressReport.objects.get(pk=draft.pk).problems == ""


def test_office_returning_with_a_2001_character_comment_is_refused(
    client, draft, liaison, supervisor
):
    report = actions.do_submit_report(draft, by=liaison)
    client.force_login(supervisor)
    response = client.post(
        reverse("progress:review", args=[report.pk]), {"decision": "return", "comment": "改" * 2001}
    )
    assert response.status_code == 400
    assert "此处最多 2000 个字符，您填写了 2001 个。" in response.text
    with pytest.raises(TooLong, match="2000"):
        actions.do_return_report(report, "改" * 2001, by=supervisor)
    assert ProgressReport.objects.get(pk=report.pk).state == ProgressReport.State.SUBMITTED


def test_head_sending_back_with_a_2001_character_comment_is_told_the_limit(
    client, plan, draft, liaison, head
):
    plan.schedule.head_approval = True
    plan.schedule.save()
    report = actions.do_submit_report(draft, by=liaison)
    client.force_login(head)
    response = client.post(
        reverse("progress:send-back-report", args=[report.pk]),
        {"comment": "改" * 2001},
        follow=True,
    )
    assert "最多 2000 个字符" in response.text
    assert ProgressReport.objects.get(pk=report.pk).state == ProgressReport.State.AWAITING_APPROVAL
