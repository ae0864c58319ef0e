"""我的填报 offers only the reports its reader may open: someone listed in a department without
being its head or liaison (a supervisor of 党政办公室, say) is offered none of its reports,
instead of links that answer 404."""

import re

import pytest
from django.urls import reverse

from workplan.accounts.tests.factories import make_user
from workplan.core.roles import Role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]


def task_links(client) -> list[str]:
    page = client.get(reverse("progress:my-reports")).content.decode()
    return sorted(set(re.findall(r'href="(/progress/tasks/\d+/[^"]*)"', page)))


def test_supervisor_listed_in_a_department_is_offered_no_report_of_it(client, plan, department):
    office = make_user("duban2", [Role.SUPERVISOR], [department])
    client.force_login(office)
    assert task_links(client) == []


def test_every_report_offered_to_a_liaison_opens(client, plan, liaison):
    client.force_login(liaison)
    links = task_links(client)
    assert links
    assert {client.get(link.replace("&amp;", "&")).status_code for link in links} == {200}


def test_supervisor_is_not_offered_my_reports_it_cannot_use(client, plan, department):
    """The office reports for no department: no 我的填报 in its menu, and the address takes it
    to its own work, the review queue."""
    office = make_user("duban3", [Role.SUPERVISOR], [department])
    client.force_login(office)
    page = client.get(reverse("progress:review-queue")).content.decode()
    assert f'href="{reverse("progress:my-reports")}"' not in page
    response = client.get(reverse("progress:my-reports"))
    assert response.status_code == 302
    assert response["Location"] == reverse("progress:review-queue")


def test_liaison_keeps_my_reports_in_the_menu(client, plan, liaison):
    client.force_login(liaison)
    page = client.get(reverse("progress:my-reports")).content.decode()
    assert f'href="{reverse("progress:my-reports")}"' in page
