"""The office renames, moves and removes reporting periods while nothing is filed in them; once a
report (of any state) or a notice is, it is refused with why. Others get 403, a period that is
not the plan's 404, a GET of the removal 405."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from workplan.audit.models import AuditRecord
from workplan.progress import hooks
from workplan.progress.models import ReportingPeriod
from workplan.progress.tests.factories import make_report
from workplan.progress.tests.test_reporting import jwc_task

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]

NEW = {"label": "2024年8月（暑期）", "opens_on": "2024-08-01", "due_on": "2024-08-30"}


def period(plan, month) -> ReportingPeriod:
    return plan.periods.get(opens_on=date(2024, month, 1))


def edit_url(p):
    return reverse("progress:edit-period", args=[p.plan_id, p.pk])


def delete_url(p):
    return reverse("progress:delete-period", args=[p.plan_id, p.pk])


def test_supervisor_edits_a_period_nothing_is_filed_in(client, plan, supervisor):
    august = period(plan, 8)
    client.force_login(supervisor)
    page = client.get(edit_url(august)).content.decode()
    assert 'value="2024-08-01"' in page and 'value="2024-08-25"' in page  # the dates to change
    response = client.post(edit_url(august), NEW)
    assert response["Location"] == reverse("progress:schedule", args=[plan.pk])
    august.refresh_from_db()
    assert (august.label, august.due_on) == ("2024年8月（暑期）", date(2024, 8, 30))
    record = AuditRecord.objects.get(object_type="progress.reportingperiod", action="change")
    assert {c["field"] for c in record.changes} == {"label", "due_on"}


def test_supervisor_removes_a_period_nothing_is_filed_in(client, plan, supervisor):
    august = period(plan, 8)
    client.force_login(supervisor)
    page = client.post(delete_url(august), follow=True).content.decode()
    assert "已删除报送周期“2024年8月”" in page
    assert not plan.periods.filter(pk=august.pk).exists()
    assert AuditRecord.objects.filter(
        object_type="progress.reportingperiod", object_id=str(august.pk), action="delete"
    ).exists()


def test_a_period_with_a_draft_report_is_neither_edited_nor_removed(
    client, plan, supervisor, department
):
    june = period(plan, 6)
    make_report(jwc_task(plan), department, june)  # a draft is filed too
    client.force_login(supervisor)
    opened = client.get(edit_url(june)).content.decode()
    assert "报送周期“2024年6月”已有报送，不能再修改或删除。" in opened
    response = client.post(
        edit_url(june), {**NEW, "opens_on": "2024-06-01", "due_on": "2024-06-28"}
    )
    assert response.status_code == 400
    assert "报送周期“2024年6月”已有报送，不能再修改或删除。" in response.content.decode()
    page = client.post(delete_url(june), follow=True).content.decode()
    assert "已有报送，不能再修改或删除" in page
    june.refresh_from_db()
    assert (june.label, june.due_on) == ("2024年6月", date(2024, 6, 25))
    schedule = client.get(reverse("progress:schedule", args=[plan.pk])).content.decode()
    assert edit_url(june) not in schedule and edit_url(period(plan, 8)) in schedule


def test_a_period_another_app_filed_a_notice_in_is_kept(client, plan, supervisor):
    july = period(plan, 7)

    def notice_sent(sender, *, periods, **kwargs):
        return {july.pk}

    hooks.periods_in_use.connect(notice_sent, dispatch_uid="test-notice-sent")
    try:
        client.force_login(supervisor)
        page = client.post(delete_url(july), follow=True).content.decode()
    finally:
        hooks.periods_in_use.disconnect(dispatch_uid="test-notice-sent")
    assert "已就报送周期“2024年7月”发出提醒或催办通知" in page
    assert plan.periods.filter(pk=july.pk).exists()


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        ({"opens_on": "2024-08-20", "due_on": "2024-08-01"}, "截止"),
        ({"opens_on": "2024-08-01", "due_on": "2024-09-10"}, "2024年9月"),
        ({"opens_on": "2024-08-01", "due_on": "2024-13-45"}, "日期"),
    ],
)
def test_dates_that_make_no_sense_are_refused_with_why(client, plan, supervisor, dates, message):
    august = period(plan, 8)
    client.force_login(supervisor)
    response = client.post(edit_url(august), {**NEW, **dates})
    assert response.status_code == 400
    assert message in response.content.decode()
    august.refresh_from_db()
    assert august.label == "2024年8月"


@pytest.mark.parametrize("role", ["liaison", "head", "leader", "auditor", "outsider"])
def test_others_are_refused(client, plan, request, role):
    august = period(plan, 8)
    client.force_login(request.getfixturevalue(role))
    assert client.get(edit_url(august)).status_code == 403
    assert client.post(edit_url(august), NEW).status_code == 403
    assert client.post(delete_url(august)).status_code == 403
    assert plan.periods.get(pk=august.pk).label == "2024年8月"


def test_a_period_not_of_the_plan_is_not_found_and_removal_needs_a_post(client, plan, supervisor):
    august = period(plan, 8)
    client.force_login(supervisor)
    other_plan = reverse("progress:edit-period", args=[plan.pk + 1000, august.pk])
    assert client.get(other_plan).status_code == 404
    assert client.get(reverse("progress:edit-period", args=[plan.pk, 999999])).status_code == 404
    assert client.get(delete_url(august)).status_code == 405


def test_the_schedule_page_runs_a_fixed_number_of_queries(client, plan, supervisor, department):
    client.force_login(supervisor)
    url = reverse("progress:schedule", args=[plan.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    make_report(jwc_task(plan), department, period(plan, 6))
    plan.periods.filter(opens_on__month__gte=10).delete()
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after) == len(before)
