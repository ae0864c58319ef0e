"""The office's review queue: filters by period, department, status and lateness; pages of 50;
nonsense in the link is ignored; a fixed number of queries."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from workplan.accounts.actions import do_create_user
from workplan.core.roles import Role
from workplan.progress.actions import (
    ReportData,
    do_save_report,
    do_start_report,
    do_submit_report,
)  # fmt: skip
from workplan.progress.models import ProgressReport

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def submit(plan, department, month, *, count, status="on_track", late=False):
    """Submit `count` reports from `department` for `month` of 2024 (on time unless `late`)."""
    name = f"writer-{department.pk}-{month}-{status}"
    author = do_create_user(
        username=name,
        full_name=name,
        email=f"{name}@example.edu.cn",
        departments=[department],
        roles=[Role.LIAISON],
        by=None,
    )
    period = plan.periods.get(opens_on=date(2024, month, 1))
    tasks = [t for kp in plan.key_points.order_by("number") for t in kp.tasks.order_by("number")]
    used = set(period.reports.filter(department=department).values_list("task_id", flat=True))
    for task in [t for t in tasks if t.pk not in used][:count]:
        report = do_start_report(task, department, period, ProgressReport.Role.LEAD, by=author)
        percent = 100 if status == "done" else 40
        data = ReportData(status, percent, "本月进展", "", "")
        do_save_report(report, data, read_version=None, by=author)
        day = 27 if late else 20
        do_submit_report(report, by=author, now=datetime(2024, month, day, tzinfo=SHANGHAI))


@pytest.fixture
def waiting(plan, department, other_department):
    submit(plan, department, 5, count=3)
    submit(plan, department, 6, count=2, status="lagging")
    submit(plan, other_department, 6, count=4, late=True)
    return plan


def rows(client, **params):
    response = client.get(reverse("progress:review-queue"), params)
    assert response.status_code == 200
    return response, list(response.context["page"])


def test_filters_narrow_the_queue(client, supervisor, waiting, department, other_department):
    client.force_login(supervisor)
    response, everything = rows(client)
    assert len(everything) == 9 and "9 份报告待审核" in response.content.decode()
    june = waiting.periods.get(opens_on=date(2024, 6, 1))
    assert len(rows(client, period=june.pk)[1]) == 6
    assert {r.department for r in rows(client, department=department.pk)[1]} == {department}
    lagging = rows(client, status="lagging")[1]
    assert len(lagging) == 2 and {r.status for r in lagging} == {"lagging"}
    late = rows(client, late="on")[1]
    assert len(late) == 4 and {r.department for r in late} == {other_department}
    assert len(rows(client, period=june.pk, department=other_department.pk)[1]) == 4


def test_nonsense_filters_are_ignored_not_errors(client, supervisor, waiting):
    client.force_login(supervisor)
    for params in ({"period": "abc"}, {"department": "999999"}, {"status": "x"}, {"page": "-1"}):
        assert len(rows(client, **params)[1]) == 9


def test_long_queues_come_in_pages_of_50_with_the_filters_kept(
    client, supervisor, plan, department
):
    submit(plan, department, 5, count=40)
    submit(plan, department, 6, count=30)
    client.force_login(supervisor)
    response, first = rows(client, department=department.pk)
    assert len(first) == 50 and response.context["page"].paginator.num_pages == 2
    assert f"department={department.pk}&amp;page=2" in response.content.decode()
    assert len(rows(client, department=department.pk, page=2)[1]) == 20


def test_the_queue_runs_a_fixed_number_of_queries(client, supervisor, plan, department):
    client.force_login(supervisor)

    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("progress:review-queue"))
        return len(queries)

    submit(plan, department, 5, count=2)
    small = count()
    submit(plan, department, 6, count=30)
    assert count() == small


def test_departments_do_not_see_the_queue(client, liaison, waiting):
    client.force_login(liaison)
    assert client.get(reverse("progress:review-queue")).status_code == 404


def test_english_readers_see_period_names_in_english(client, supervisor, waiting):
    client.force_login(supervisor)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("progress:review-queue")).content.decode()
    assert ">June 2024</option>" in page and "2024年6月</option>" not in page


def test_after_a_decision_the_next_report_comes_from_the_same_filter(
    client, supervisor, waiting, department, other_department
):
    client.force_login(supervisor)
    queue_page, listed = rows(client, department=other_department.pk)
    link = f"?queue=department%3D{other_department.pk}"
    assert link in queue_page.content.decode()
    first, second = listed[0], listed[1]
    page = client.get(reverse("progress:report", args=[first.pk]) + link).content.decode()
    assert f'name="queue" value="department={other_department.pk}"' in page
    response = client.post(
        reverse("progress:review", args=[first.pk]),
        {"decision": "accept", "queue": f"department={other_department.pk}"},
    )
    # 教务处's reports were submitted earlier, but the office asked for 财务处's.
    assert response["Location"] == reverse("progress:report", args=[second.pk]) + link
    for report in listed[1:]:
        response = client.post(
            reverse("progress:review", args=[report.pk]),
            {"decision": "accept", "queue": f"department={other_department.pk}"},
        )
    assert response["Location"] == reverse("progress:review-queue") + (
        f"?department={other_department.pk}"
    )


def test_the_office_goes_back_from_a_report_to_its_filtered_queue(
    client, supervisor, waiting, other_department
):
    client.force_login(supervisor)
    report = rows(client, department=other_department.pk)[1][0]
    page = client.get(
        reverse("progress:report", args=[report.pk]) + f"?queue=department%3D{other_department.pk}"
    ).content.decode()
    crumbs = page[page.index('class="crumbs"') :].split("</p>", 1)[0]
    assert f'href="/progress/review/?department={other_department.pk}">审核</a>' in crumbs
    assert "我的填报" not in crumbs
