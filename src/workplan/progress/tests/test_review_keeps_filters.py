"""A decision refused (a return without a reason, a decision the form does not offer) brings the
office back to the report with the review queue's filters it came with: its way back and the
next report still follow them."""

import pytest
from django.urls import reverse

from workplan.progress.tests.test_review_queue import rows, submit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("waiting")]


@pytest.fixture
def waiting(plan, department, other_department):
    submit(plan, department, 6, count=2)
    submit(plan, other_department, 6, count=3, late=True)


def filtered_report(client, other_department):
    report = rows(client, department=other_department.pk)[1][0]
    return report, f"department={other_department.pk}"


def test_supervisor_returning_without_a_reason_keeps_the_filter(
    client,
    supervisor,
    other_department,
):
    client.force_login(supervisor)
    report, queue = filtered_report(client, other_department)
    response = client.post(
        reverse("progress:review", args=[report.pk]),
        {"decision": "return", "comment": "", "queue": queue},
        follow=True,
    )
    page = response.content.decode()
    assert "请填写退回原因" in page
    assert f'name="queue" value="{queue}"' in page
    crumbs = page[page.index('class="crumbs"') :].split("</p>", 1)[0]
    assert f'href="/progress/review/?{queue}">审核</a>' in crumbs


def test_supervisor_sending_an_unknown_decision_keeps_the_filter(
    client,
    supervisor,
    other_department,
):
    client.force_login(supervisor)
    report, queue = filtered_report(client, other_department)
    response = client.post(
        reverse("progress:review", args=[report.pk]), {"decision": "bogus", "queue": queue}
    )
    assert response.status_code == 400
    assert f'name="queue" value="{queue}"' in response.content.decode()


def test_supervisor_deciding_twice_keeps_the_filter(
    client,
    supervisor,
    other_department,
):
    client.force_login(supervisor)
    report, queue = filtered_report(client, other_department)
    url = reverse("progress:review", args=[report.pk])
    client.post(url, {"decision": "accept", "queue": queue})
    response = client.post(url, {"decision": "accept", "queue": queue})
    assert response["Location"] == (
        reverse("progress:report", args=[report.pk]) + f"?queue=department%3D{report.department_id}"
    )
