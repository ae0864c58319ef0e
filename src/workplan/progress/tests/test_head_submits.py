"""Under head approval a head's own 报送 is the head's sign-off: it reaches the office at once,
approved by that head, instead of waiting for an approval nobody could give (the submitter
may not approve their own report, and a department often has one head)."""

import pytest
from django.urls import reverse

from workplan.accounts.models import RoleGrant, User
from workplan.audit.models import AuditRecord
from workplan.core.roles import Role
from workplan.progress.models import ProgressReport
from workplan.progress.tests.test_reporting import form, jwc_task, open_report

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("head_approval", "june_20")]


def submit(client, user, plan, department) -> ProgressReport:
    client.force_login(user)
    report = open_report(client, jwc_task(plan), department)
    client.post(reverse("progress:submit-report", args=[report.pk]), form(report))
    report.refresh_from_db()
    return report


def test_head_submits_straight_to_the_office_as_its_approver(client, plan, head, department):
    report = submit(client, head, plan, department)
    assert report.state == ProgressReport.State.SUBMITTED
    version = report.versions.get()
    assert (version.submitted_by, version.approved_by) == (head, head)
    record = AuditRecord.objects.filter(
        object_type="progress.progressreport", object_id=str(report.pk)
    ).latest("id")
    changes = {c["field"]: c["after"] for c in record.changes}
    assert changes["state"] == ProgressReport.State.SUBMITTED
    assert changes["approved_by"] == head.display_name
    page = client.get(reverse("progress:report", args=[report.pk])).text
    assert "已报送" in page
    assert f"第 1 版，由 {head.display_name} 报送并审核同意" in page


def test_liaison_submission_still_waits_for_a_head(client, plan, liaison, department):
    report = submit(client, liaison, plan, department)
    assert report.state == ProgressReport.State.AWAITING_APPROVAL
    assert report.versions.count() == 0


def test_liaison_who_is_also_head_submits_as_a_head(client, plan, liaison, department):
    RoleGrant.objects.create(user=liaison, role=Role.HEAD)
    liaison = User.objects.get(pk=liaison.pk)
    report = submit(client, liaison, plan, department)
    assert report.state == ProgressReport.State.SUBMITTED
    assert report.versions.get().approved_by == liaison
