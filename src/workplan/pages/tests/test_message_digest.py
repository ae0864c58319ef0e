"""The office's message centre informs instead of flooding: a department's reports of one period
make one unread line with their count; messages are filtered by kind."""

import pytest
import time_machine
from django.urls import reverse

from workplan.notifications.actions import do_mark_notifications_read
from workplan.notifications.models import Notification
from workplan.progress.actions import do_return_report
from workplan.progress.models import ProgressReport
from workplan.progress.queries import current_period
from workplan.progress.tests.factories import make_report, make_reporting_plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]
CENTRE = reverse("notifications:list")


@pytest.fixture
def june_20():
    with time_machine.travel("2024-06-20 10:00 +08:00"):
        yield


@pytest.fixture
def plan(department, other_department):
    return make_reporting_plan()


def submit(plan, department, count, start=0):
    tasks = plan.key_points.get(number=4).tasks.order_by("number")[start : start + count]
    for task in tasks:
        make_report(task, department, current_period(plan), state=ProgressReport.State.SUBMITTED)


def test_a_departments_reports_of_one_period_make_one_unread_line(
    client, plan, supervisor, department
):
    submit(plan, department, 3)
    lines = Notification.objects.filter(user=supervisor)
    assert lines.count() == 1
    client.force_login(supervisor)
    page = client.get(CENTRE).content.decode()
    assert "教务处 已报送 2024年6月 的 3 项任务进展。" in page
    queue = reverse("progress:review-queue")
    line = lines.get()
    assert line.url.startswith(queue) and f"department={department.pk}" in line.url
    assert client.get(line.url).status_code == 200


def test_a_report_after_the_line_was_read_starts_a_new_line(plan, supervisor, department):
    submit(plan, department, 2)
    do_mark_notifications_read(supervisor)
    submit(plan, department, 1, start=2)
    lines = Notification.objects.filter(user=supervisor).order_by("pk")
    assert [line.count for line in lines] == [2, 1]
    assert lines.last().shown_text == "教务处 已报送任务 4.3 的进展。"


def test_other_departments_and_periods_have_their_own_lines(
    plan, supervisor, department, other_department
):
    submit(plan, department, 2)
    finance = plan.key_points.get(number=6).tasks.first()  # 财务处 co-operates on point 6
    make_report(
        finance, other_department, current_period(plan), state=ProgressReport.State.SUBMITTED
    )
    assert Notification.objects.filter(user=supervisor).count() == 2


def test_message_centre_filters_by_kind_and_counts_unread_per_kind(
    client, plan, supervisor, department, liaison
):
    submit(plan, department, 1)
    report = ProgressReport.objects.get()
    do_return_report(report, "请补充佐证材料。", by=supervisor)
    client.force_login(liaison)
    everything = client.get(CENTRE).content.decode()
    assert "请补充佐证材料" in everything
    assert '审核与审批 <span class="count count-red">1</span>' in everything
    assert "请补充佐证材料" not in client.get(CENTRE + "?kind=report").content.decode()
    assert "请补充佐证材料" in client.get(CENTRE + "?kind=review").content.decode()
    # An unknown kind shows everything rather than an error.
    assert "请补充佐证材料" in client.get(CENTRE + "?kind=x").content.decode()
