"""The 工作台: each role lands on what it has to do, with counts that match what it can act on."""

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from workplan.accounts.tests.factories import make_user
from workplan.core.roles import Role
from workplan.org.models import Department
from workplan.plans.tests.factories import make_key_point, make_task
from workplan.progress.models import ProgressReport
from workplan.progress.queries import current_period
from workplan.progress.tests.factories import make_report, make_reporting_plan
from workplan.supervision.actions import (
    do_give_instruction,
    do_issue_notice,
    do_request_extension,
)
from workplan.supervision.lights import do_recompute_lights

pytestmark = pytest.mark.django_db

HOME = "/"
JUNE_20 = "2024-06-20 10:00 +08:00"  # the June period is open, due on the 25th
JUNE_27 = "2024-06-27 10:00 +08:00"  # the June period is two days overdue
State = ProgressReport.State


@pytest.fixture
def plan(department, other_department):
    return make_reporting_plan()


def jwc_tasks(plan):
    return list(plan.key_points.get(number=4).tasks.order_by("number"))  # 教务处 leads point 4


def page(client, user):
    client.force_login(user)
    response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def test_everyone_lands_on_the_workbench_after_signing_in(client, liaison):
    liaison.set_password("pw-12345678")
    liaison.save()
    response = client.post(
        reverse("login"), {"username": "liaison", "password": "pw-12345678"}, follow=True
    )
    assert response.redirect_chain[-1][0] == HOME
    assert "工作台" in response.content.decode()


def test_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(HOME)
    assert response.status_code == 302 and reverse("login") in response["Location"]


@time_machine.travel(JUNE_20)
def test_liaison_sees_reports_due_with_days_left_and_one_click_to_the_form(
    client, plan, liaison, department
):
    tasks = jwc_tasks(plan)
    make_report(tasks[0], department, current_period(plan), state=State.SUBMITTED)
    june = card(page(client, liaison), "2024年6月")
    # 教务处 leads the 5 tasks of point 4 and co-operates on 4 of point 6 and 4 of point 9.
    assert "12 项待报送，共 13 项" in june
    assert "截止 2024-06-25，还有 5 天" in june
    form = reverse("progress:task-report", args=[tasks[1].pk]) + f"?department={department.pk}"
    assert f'href="{form}"' in june
    done = reverse("progress:task-report", args=[tasks[0].pk]) + f"?department={department.pk}"
    assert f'href="{done}"' not in june  # filed: nothing to do


def card(html, period):
    """Return the workbench card of one period's reports."""
    (found,) = [c for c in html.split('<div class="card todo')[1:] if f"<h3>{period} " in c]
    return found.split("</div>")[0]


@time_machine.travel(JUNE_27)
def test_liaison_sees_the_period_overdue(client, plan, liaison):
    assert "截止 2024-06-25，已逾期 2 天" in card(page(client, liaison), "2024年6月")


@time_machine.travel(JUNE_20)
def test_returned_report_notice_and_instruction_are_counted_in_the_badge(
    client, plan, liaison, department, supervisor, leader
):
    tasks = jwc_tasks(plan)
    returned = make_report(tasks[0], department, current_period(plan), state=State.RETURNED)
    do_issue_notice(
        tasks[1], department, "请于月底前报送课程建设方案。", date(2024, 6, 30), by=supervisor
    )
    do_give_instruction(tasks[2], "请加快进度。", by=leader)
    html = page(client, liaison)
    assert reverse("progress:report", args=[returned.pk]) in html
    assert "请于月底前报送课程建设方案" in html
    assert "请加快进度" in html
    assert '<span class="todo-badge" title="等待您处理的事项">3</span>' in html


@time_machine.travel(JUNE_20)
def test_head_sees_reports_waiting_for_approval(client, plan, head, liaison, department):
    plan.schedule.head_approval = True
    plan.schedule.save()
    report = make_report(
        jwc_tasks(plan)[0], department, current_period(plan), state=State.SUBMITTED, by=liaison
    )
    assert report.state == State.AWAITING_APPROVAL  # the liaison submitted; the head approves
    html = page(client, head)
    assert "待您审批的报送" in html
    assert reverse("progress:report", args=[report.pk]) in html


@time_machine.travel(JUNE_20)
def test_outsider_sees_only_its_own_department(client, plan, outsider, department):
    make_report(jwc_tasks(plan)[0], department, current_period(plan), state=State.RETURNED)
    html = page(client, outsider)
    assert "财务处" in html
    assert "教务处" not in html.split('id="desk-department"')[1].split("</section>")[0]


@time_machine.travel(JUNE_27)
def test_office_sees_review_missing_reports_overdue_notices_and_extensions(
    client, plan, supervisor, department, liaison, leader
):
    tasks = jwc_tasks(plan)
    june = current_period(plan)
    make_report(tasks[0], department, june, state=State.SUBMITTED)
    do_issue_notice(tasks[1], department, "请说明滞后原因。", date(2024, 6, 26), by=supervisor)
    point = plan.key_points.get(number=4)
    point.leader = leader
    point.save()
    do_request_extension(tasks[2], department, date(2024, 9, 30), "场地改造。", by=liaison)
    html = page(client, supervisor)
    office = html.split('id="desk-office"')[1]
    assert "<b>1</b>待审核的报送" in office
    assert "<b>1</b>已过回复期限的督办通知" in office
    assert "<b>1</b>尚未决定的延期申请" in office
    # 教务处 owes 12 of its 13 June reports; the row links to its dashboard.
    dashboard = reverse("reports:department-dashboard", args=[plan.pk, department.pk])
    row = office.split(f'href="{dashboard}"')[1].split("</tr>")[0]
    assert '<td class="num">12</td>' in row and '<td class="num">2</td>' in row
    assert "请说明滞后原因" in office


@time_machine.travel(JUNE_20)
def test_office_sees_departments_without_accounts(client, plan, supervisor):
    html = page(client, supervisor)
    assert "没有账号、无人能填报的部门" in html
    assert "招生就业处" in html.split('id="no-accounts"')[1]


@time_machine.travel(JUNE_27)
def test_leader_sees_point_lights_extensions_to_decide_and_answers(
    client, plan, leader, liaison, department
):

    point = plan.key_points.get(number=4)
    point.leader = leader
    point.save()
    tasks = jwc_tasks(plan)
    do_request_extension(tasks[2], department, date(2024, 9, 30), "场地改造。", by=liaison)
    do_give_instruction(tasks[0], "请加快进度。", by=leader)
    do_recompute_lights(plan, date(2024, 6, 27))
    html = page(client, leader)
    desk = html.split('id="desk-leader"')[1]
    assert "4. 深化教育教学改革" in desk
    assert (
        '<span class="count count-yellow" title="黄灯">5</span>' in desk
    )  # June's reports are missing
    assert "场地改造" in desk
    assert "您的批示：已答复 0 条，未答复 1 条" in desk
    assert '<span class="todo-badge" title="等待您处理的事项">1</span>' in html
    dashboard = reverse("reports:dashboard", args=[plan.pk])
    assert f'href="{dashboard}"' in html.split("</nav>")[0]  # in the navigation


@time_machine.travel("2026-03-10 10:00 +08:00")
def test_finished_years_are_not_mixed_in(client, plan, liaison, department):
    make_report(
        jwc_tasks(plan)[0], department, plan.periods.order_by("opens_on")[2], state=State.RETURNED
    )
    html = page(client, liaison)
    assert "没有正在报送的工作要点" in html
    assert "todo-badge" not in html


def test_workbench_costs_the_same_for_a_larger_plan(
    client, department, supervisor, leader, liaison
):
    small = make_reporting_plan()
    with time_machine.travel(JUNE_27):
        counts = {}
        for user in (liaison, supervisor, leader):
            client.force_login(user)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(HOME).status_code == 200
            counts[user] = len(queries)
        # Grow the plan: more key points, tasks, departments and reports.
        for n in range(6):
            point = make_key_point(small, title=f"新增要点{n}", lead=["教务处"], co=[f"新部门{n}"])
            for _ in range(5):
                task = make_task(point)
                make_report(
                    task,
                    Department.objects.get(name="教务处"),
                    current_period(small),
                    state=State.SUBMITTED,
                )
        make_user("more", [Role.LIAISON], [Department.objects.get(name="新部门1")])
        for user in (liaison, supervisor, leader):
            client.force_login(user)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(HOME).status_code == 200
            assert len(queries) == counts[user], user


@time_machine.travel("2024-07-03 10:00 +08:00")
def test_a_period_past_once_the_next_opened_is_shown_unreported_without_a_form(
    client, plan, liaison, department
):
    html = page(client, liaison)
    june, july = card(html, "2024年6月"), card(html, "2024年7月")
    assert "13 项未报送，共 13 项" in june
    assert "下一周期已开始" in june
    assert "/progress/tasks/" not in june  # the form would open July's report
    assert "/progress/tasks/" in july


@time_machine.travel(JUNE_27)
def test_office_is_told_of_every_instruction_extension_request_and_reply(
    client, plan, supervisor, leader, liaison, department
):
    tasks = jwc_tasks(plan)
    point = plan.key_points.get(number=4)
    point.leader = leader
    point.save()
    do_give_instruction(tasks[0], "请加快进度。", by=leader)
    do_request_extension(tasks[2], department, date(2024, 9, 30), "场地改造。", by=liaison)
    client.force_login(supervisor)
    centre = reverse("notifications:list")
    assert "请加快进度" in client.get(centre + "?kind=instruction").content.decode()
    assert "2024-09-30" in client.get(centre + "?kind=extension").content.decode()
    client.force_login(liaison)
    assert "请加快进度" in client.get(centre + "?kind=instruction").content.decode()
