"""In Chromium, on a laptop-sized window, every header of the task table stays on one line
(no 分管校领导 broken letter by letter), and a row edited shows how its 完成时限 was read."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from workplan.accounts.tests.factories import make_user
from workplan.core.roles import Role
from workplan.plans.models import Plan, Task

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan(example_plan):
    call_command("import", str(example_plan))
    make_user("duban", [Role.SUPERVISOR], password="Duban-2024-pw", full_name="王督办")
    return Plan.objects.get()


def sign_in(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "duban")
    page.fill("input[name=password]", "Duban-2024-pw")
    page.locator("form:has(input[name=password]) button[type=submit]").click()
    expect(page.locator(".who")).to_be_visible()


def test_headers_stay_on_one_line_and_a_deadline_shows_its_reading(page, live_server, plan):
    page.set_viewport_size({"width": 1024, "height": 768})
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{plan.pk}/table/")
    headers = page.locator("table.task-table thead th")
    line = headers.first.evaluate("th => parseFloat(getComputedStyle(th).lineHeight) || 20")
    for index in range(headers.count() - 1):  # the last, the edit column's, is empty
        box = headers.nth(index).evaluate("th => th.getBoundingClientRect().height")
        padding = headers.nth(index).evaluate(
            "th => parseFloat(getComputedStyle(th).paddingTop)"
            " + parseFloat(getComputedStyle(th).paddingBottom)"
        )
        assert box - padding < line * 1.5, headers.nth(index).inner_text()

    task = Task.objects.get(key_point__number=2, number=1)
    page.locator(f"#task-{task.pk} a.edit").click()
    form = page.locator(f"#task-{task.pk} form")
    form.locator("input[name=deadline]").fill("2024-13-45")
    form.locator("input[name=deadline]").press("Enter")
    expect(page.locator(f"#task-{task.pk}")).to_contain_text("不是存在的日期")
    form.locator("input[name=deadline]").fill("9月底前")
    form.locator("input[name=deadline]").press("Enter")
    expect(page.locator(f"#task-{task.pk}")).to_contain_text("识别为 2024-09-30")
