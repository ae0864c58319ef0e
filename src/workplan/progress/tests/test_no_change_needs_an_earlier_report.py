"""本期无变化 submits the last report again: it is offered only when an earlier period's report
was sent on, and posted anyway on a first report it is refused with why, nothing submitted."""

import pytest
from django.urls import reverse

from workplan.progress import actions
from workplan.progress.models import ProgressReport
from workplan.progress.tests.factories import make_report
from workplan.progress.tests.test_reporting import jwc_task

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]

REFUSAL = "本任务没有以前报送过的报告可重复"


def may_period(plan):
    return plan.periods.get(label="2024年5月")


def test_saved_first_report_offers_no_repeat_and_refuses_one(client, draft, liaison):
    client.force_login(liaison)
    page = client.get(reverse("progress:report", args=[draft.pk])).content.decode()
    assert 'value="no_change"' not in page
    response = client.post(reverse("progress:report-no-change", args=[draft.pk]), follow=True)
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    draft.refresh_from_db()
    assert draft.state == ProgressReport.State.DRAFT


def test_last_periods_unsent_draft_is_nothing_to_repeat(client, draft, liaison):
    """May's report was started and never sent: June is still the first report sent."""
    make_report(draft.task, draft.department, may_period(draft.period.plan))
    client.force_login(liaison)
    page = client.get(reverse("progress:report", args=[draft.pk])).content.decode()
    assert 'value="no_change"' not in page
    with pytest.raises(actions.NotEditable):
        actions.do_report_no_change(draft, by=liaison)


def test_first_report_not_started_refuses_a_repeat_with_why(client, plan, liaison, department):
    client.force_login(liaison)
    url = reverse("progress:task-report", args=[jwc_task(plan).pk]) + f"?department={department.pk}"
    response = client.post(url, {"action": "no_change"})
    assert response.status_code == 400
    assert REFUSAL in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_a_report_sent_last_period_is_repeated(client, draft, liaison):
    may = make_report(
        draft.task,
        draft.department,
        may_period(draft.period.plan),
        state=ProgressReport.State.SUBMITTED,
        data=actions.ReportData("on_track", 35, "五月进展", "", ""),
    )
    assert may.state == ProgressReport.State.SUBMITTED
    client.force_login(liaison)
    page = client.get(reverse("progress:report", args=[draft.pk])).content.decode()
    assert 'value="no_change"' in page
    client.post(reverse("progress:report-no-change", args=[draft.pk]))
    draft.refresh_from_db()
    assert (draft.state, draft.progress, draft.percent) == ("submitted", "五月进展", 35)
