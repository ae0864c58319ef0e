"""Every duty on a department's dashboard opens for whoever reads the dashboard: the
department's own people go to the report form, the leaders and the office to the task page
(the report form of a duty nobody started is the department's alone and answered them 404)."""

import re

import pytest
import time_machine
from django.urls import reverse

from workplan.progress.tests.factories import make_reporting_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(department, other_department):
    return make_reporting_plan()


@pytest.mark.parametrize("reader", ["liaison", "head", "leader", "supervisor", "auditor"])
def test_every_duty_on_the_dashboard_opens_for_its_reader(
    client, request, plan, department, reader
):
    client.force_login(request.getfixturevalue(reader))
    with time_machine.travel("2024-06-20 10:00 +08:00"):
        url = reverse("reports:department-dashboard", args=[plan.pk, department.pk])
        page = client.get(url)
        duties = page.context["d"]["duties"]
        assert duties, "the June period has duties for 教务处"
        section = page.content.decode().split("</section>", 1)[0]
        links = {link.replace("&amp;", "&") for link in re.findall(r'href="([^"]+)"', section)}
        task_links = {link for link in links if "/tasks/" in link}
        assert len(task_links) == len(duties)
        assert {client.get(link).status_code for link in task_links} == {200}
