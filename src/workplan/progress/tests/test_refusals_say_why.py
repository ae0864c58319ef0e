"""A refused report action says what is wrong, to the person who tried it: an unknown review
decision is a bad request, not a permission page; a file sent to a report that can no longer
change is refused with the report's state, not dropped; and the 403 page never tells the
office to ask the office."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from workplan.progress import actions
from workplan.progress.models import ProgressReport
from workplan.progress.queries import current_period
from workplan.progress.tests.conftest import DRAFT as DATA
from workplan.progress.tests.test_reporting import PDF, jwc_task

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]

ASK_THE_OFFICE = "请联系督办部门"


@pytest.fixture
def submitted(draft, liaison):
    return actions.do_submit_report(draft, by=liaison)


def test_office_posting_an_unknown_decision_gets_a_field_error(client, submitted, supervisor):
    client.force_login(supervisor)
    response = client.post(reverse("progress:review", args=[submitted.pk]), {"decision": "bogus"})
    assert response.status_code == 400
    assert "请选择“通过”或“退回修改”" in response.text
    assert "无权" not in response.text and ASK_THE_OFFICE not in response.text
    submitted.refresh_from_db()
    assert submitted.state == ProgressReport.State.SUBMITTED


@pytest.mark.parametrize("action", ["save-and-attach", "save-report", "submit-report"])
def test_liaison_file_for_a_submitted_report_is_refused_with_its_state(
    client, submitted, liaison, action
):
    client.force_login(liaison)
    data = {"file": SimpleUploadedFile("方案.pdf", PDF)}
    if action != "save-and-attach":
        data.update(status="on_track", percent=50, progress="改过", version=submitted.version)
    url = reverse(f"progress:{action}", args=[submitted.pk])
    response = client.post(url, data, follow=True)
    assert "此进展报告已报送" in response.text
    assert "“方案.pdf”未保存" in response.text
    assert submitted.evidence.count() == 0
    submitted.refresh_from_db()
    assert (submitted.state, submitted.percent) == (ProgressReport.State.SUBMITTED, 40)


def test_liaison_file_for_a_report_awaiting_the_head_names_that_state(
    client, plan, department, liaison
):
    plan.schedule.head_approval = True
    plan.schedule.save()
    period = current_period(plan)
    report = actions.do_start_report(
        jwc_task(plan), department, period, ProgressReport.Role.LEAD, by=liaison
    )
    report = actions.do_submit_report(
        actions.do_save_report(report, DATA, read_version=None, by=liaison), by=liaison
    )
    client.force_login(liaison)
    response = client.post(
        reverse("progress:attach-evidence", args=[report.pk]),
        {"file": SimpleUploadedFile("方案.pdf", PDF)},
        follow=True,
    )
    assert "此进展报告正等待部门负责人审核" in response.text
    assert report.evidence.count() == 0


def test_office_refused_page_does_not_tell_it_to_ask_the_office(client, plan, supervisor, head):
    period = current_period(plan)
    department = head.departments.get()
    report = actions.do_start_report(
        jwc_task(plan), department, period, ProgressReport.Role.LEAD, by=head
    )
    client.force_login(supervisor)
    response = client.post(reverse("progress:save-report", args=[report.pk]))
    assert response.status_code == 403
    assert "只有教务处的人员可以修改本部门的进展报告。" in response.text
    assert ASK_THE_OFFICE not in response.text
    assert "系统管理员" in response.text


def test_department_refused_page_points_it_to_the_office(client, submitted, head):
    client.force_login(head)
    response = client.post(reverse("progress:review", args=[submitted.pk]), {"decision": "accept"})
    assert response.status_code == 403
    assert ASK_THE_OFFICE in response.text


def test_liaison_file_sent_with_a_form_in_error_is_said_not_attached(
    client, plan, department, liaison
):
    period = current_period(plan)
    report = actions.do_start_report(
        jwc_task(plan), department, period, ProgressReport.Role.LEAD, by=liaison
    )
    client.force_login(liaison)
    data = {
        "status": "on_track",
        "percent": 200,
        "progress": "改过",
        "version": report.version,
        "file": SimpleUploadedFile("方案.pdf", PDF),
    }
    response = client.post(reverse("progress:save-and-attach", args=[report.pk]), data)
    assert "“方案.pdf”未能上传：请先更正表单中的错误，再重新上传。" in response.text
    assert report.evidence.count() == 0
