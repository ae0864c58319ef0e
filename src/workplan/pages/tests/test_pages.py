"""The plan, department and registry pages show the imported data, in a fixed number of queries."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from workplan.org.models import Department, DepartmentGroup
from workplan.plans.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def hubei_plan(hubei_txt):
    call_command("import", str(hubei_txt))
    return Plan.objects.get()


def test_anonymous_visitor_is_sent_to_login(client, hubei_plan):
    for url in (
        reverse("plans:plan-list"),
        reverse("pages:plan-detail", args=[hubei_plan.pk]),
        reverse("org:department-list"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_plan_page_shows_preamble_points_tasks_and_departments(
    client, viewer, hubei_plan, hubei_expected
):
    client.force_login(viewer)
    response = client.get(reverse("pages:plan-detail", args=[hubei_plan.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "湖北开放大学2021年工作要点" in page
    assert hubei_expected["preamble"][:20] in page
    assert f"12. {hubei_expected['points'][11]['title']}" in page
    assert page.count('class="code"') == 63
    assert "教学质量管理与评估中心" in page
    assert "各总支" in page
    assert "牵头" in page  # Chinese by default


def test_plan_list_shows_counts(client, viewer, hubei_plan):
    client.force_login(viewer)
    page = client.get(reverse("plans:plan-list")).content.decode()
    assert "湖北开放大学2021年工作要点" in page
    assert '<td class="num">63</td>' in page


def test_department_page_lists_its_lead_and_co_tasks(client, viewer, hubei_plan, hubei_expected):
    client.force_login(viewer)
    department = Department.objects.get(name="教学质量管理与评估中心")
    response = client.get(reverse("pages:department-detail", args=[department.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "管评中心" in page  # its alias
    # Co-operates on key points 3 (7 tasks) and 10 (6 tasks), leads none.
    assert response.context["lead_rows"] == []
    codes = [row.task.code for row in response.context["co_rows"]]
    assert codes == [f"3.{n}" for n in range(1, 8)] + [f"10.{n}" for n in range(1, 7)]
    assert hubei_expected["points"][2]["tasks"][5]["text"] in page


def test_lead_department_page(client, viewer, hubei_plan):
    client.force_login(viewer)
    department = Department.objects.get(name="党办校办")
    response = client.get(reverse("pages:department-detail", args=[department.pk]))
    lead_points = {row.task.key_point.number for row in response.context["lead_rows"]}
    assert lead_points == {1, 2, 4, 10, 12}


def test_registry_page_shows_aliases_and_groups(client, viewer, hubei_plan):
    client.force_login(viewer)
    group = DepartmentGroup.objects.get(name="各院部")
    group.members.add(Department.objects.get(name="开放教育学院"))
    page = client.get(reverse("org:department-list")).content.decode()
    assert "管评中心" in page
    assert "各单位、部门" in page
    assert "开放教育学院" in page
    assert page.count("待核对") == 30  # every department came from the import


def test_missing_plan_and_department_are_404(client, viewer):
    client.force_login(viewer)
    assert client.get(reverse("pages:plan-detail", args=[999])).status_code == 404
    assert client.get(reverse("pages:department-detail", args=[999])).status_code == 404


def test_wrong_method_is_405(client, viewer, hubei_plan):
    client.force_login(viewer)
    assert client.post(reverse("pages:plan-detail", args=[hubei_plan.pk])).status_code == 405
    assert client.post(reverse("org:department-list")).status_code == 405


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_pages_use_a_fixed_number_of_queries(client, viewer, hubei_txt, example_plan):
    """The same pages over 50 and over 113 tasks, and a department with 5 or 27 tasks."""
    call_command("import", str(example_plan))
    client.force_login(viewer)
    small_plan = Plan.objects.get(year=2024)
    small = {
        "plans": _queries(client, reverse("plans:plan-list")),
        "registry": _queries(client, reverse("org:department-list")),
        "plan": _queries(client, reverse("pages:plan-detail", args=[small_plan.pk])),
        "department": _queries(
            client,
            reverse("pages:department-detail", args=[Department.objects.get(name="党政办公室").pk]),
        ),
    }
    call_command("import", str(hubei_txt))
    big_plan = Plan.objects.get(year=2021)
    large = {
        "plans": _queries(client, reverse("plans:plan-list")),
        "registry": _queries(client, reverse("org:department-list")),
        "plan": _queries(client, reverse("pages:plan-detail", args=[big_plan.pk])),
        "department": _queries(
            client,
            reverse("pages:department-detail", args=[Department.objects.get(name="党办校办").pk]),
        ),
    }
    assert large == small
    assert max(large.values()) <= 14
