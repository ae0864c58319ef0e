"""A reminder or 催办 is about a period's reports: the submission that completes them closes it
(and each `supervise` run settles any left over), with an audit row, and it leaves the
department's open notices. Nobody closes it by hand, and reading a page never closes it."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from workplan.audit.models import AuditRecord
from workplan.progress.models import ProgressReport
from workplan.progress.queries import duties
from workplan.progress.tests.factories import make_report
from workplan.supervision.models import Notice
from workplan.supervision.supervise import supervise

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
AFTER_JUNE_DUE = datetime(2024, 6, 27, 9, tzinfo=SHANGHAI)  # June's reports were due the 25th


def submit(plan, period, department, liaison, *, leave_out=0):
    """Submit the department's reports for the period, all but the last `leave_out`."""
    owed = duties(plan, period, {department.pk})
    for duty in owed[: len(owed) - leave_out]:
        make_report(
            duty.task, department, period, role=duty.role, state=ProgressReport.State.SUBMITTED,
            by=liaison, now=datetime(2024, 6, 28, 9, tzinfo=SHANGHAI),
        )  # fmt: skip


@pytest.fixture
def chase(plan, department):
    supervise(AFTER_JUNE_DUE)
    return Notice.objects.get(kind=Notice.Kind.CHASE, department=department)


def test_chase_closes_itself_once_every_report_is_submitted(plan, department, liaison, chase):
    submit(plan, chase.period, department, liaison)
    chase.refresh_from_db()
    assert chase.state == Notice.State.CLOSED  # at once, not at the next hourly scan
    assert supervise(datetime(2024, 6, 28, 10, tzinfo=SHANGHAI)).settled == []
    record = AuditRecord.objects.get(object_type="supervision.notice", object_id=str(chase.pk))
    assert record.changes == [{"field": "state", "before": "open", "after": "closed"}]
    assert "已报送" in record.note or "submitted" in record.note


def test_chase_stays_open_while_one_report_is_missing(plan, department, liaison, chase):
    submit(plan, chase.period, department, liaison, leave_out=1)
    supervise(datetime(2024, 6, 28, 10, tzinfo=SHANGHAI))
    chase.refresh_from_db()
    assert chase.state == Notice.State.OPEN


def test_the_scan_settles_a_chase_whose_reports_went_in_another_way(
    client, plan, department, liaison, chase
):
    """Reports submitted without passing through the submission action (an older release, a
    data fix) leave the chase open until the scan; reading the dashboard closes nothing."""
    url = reverse("reports:department-dashboard", args=[plan.pk, department.pk])
    client.force_login(liaison)
    submit(plan, chase.period, department, liaison)
    Notice.objects.filter(pk=chase.pk).update(state=Notice.State.OPEN)
    assert chase.requirement in client.get(url).content.decode()  # reading closes nothing
    assert supervise(datetime(2024, 6, 28, 10, tzinfo=SHANGHAI)).settled == [chase]
    assert chase.requirement not in client.get(url).content.decode()


def test_only_the_department_that_reported_is_settled(
    plan, department, other_department, liaison, chase
):
    submit(plan, chase.period, department, liaison)
    supervise(datetime(2024, 6, 28, 10, tzinfo=SHANGHAI))
    other = Notice.objects.get(kind=Notice.Kind.CHASE, department=other_department)
    assert other.state == Notice.State.OPEN
