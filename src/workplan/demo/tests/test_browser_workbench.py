"""In Chromium, on the demo data: each role signs in, lands on its 工作台 at the site's root,
sees its counts and acts on an item with one click; on a laptop and a phone the page fits and
no text overlaps. The pictures go to docs/screenshots (scripts/screenshots)."""

import re

import pytest
from playwright.sync_api import expect

from workplan.demo.data import do_load_demo
from workplan.demo.tests.test_browser_dashboards import (
    LAPTOP,
    PHONE,
    assert_fits_and_reads,
    sign_in,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo():
    return do_load_demo().plan


def badge(page) -> int:
    found = page.locator("#nav-home .todo-badge")
    return int(found.inner_text()) if found.count() else 0


@pytest.mark.parametrize(("viewport", "suffix"), [(LAPTOP, ""), (PHONE, "-phone")])
def test_liaison_lands_on_its_work_and_opens_a_form(
    new_page, live_server, demo, screenshot_dir, viewport, suffix
):
    page = sign_in(new_page, live_server, "jwc", viewport)
    expect(page).to_have_url(f"{live_server.url}/")
    desk = page.locator("#desk-department")
    expect(desk.locator("h2")).to_contain_text("教务处")
    # The period open now offers its forms; an earlier one still unreported is listed without.
    expect(desk.locator(".todo-count", has_text="项待报送")).to_have_count(1)
    assert_fits_and_reads(page)
    page.screenshot(path=screenshot_dir / f"workbench-department{suffix}.png", full_page=True)
    desk.get_by_role("link", name="填报").first.click()
    expect(page).to_have_url(re.compile(r"/progress/(tasks|reports)/\d+/"))
    expect(page.locator("textarea").first).to_be_visible()


@pytest.mark.parametrize(("viewport", "suffix"), [(LAPTOP, ""), (PHONE, "-phone")])
def test_office_lands_on_what_waits_and_reaches_the_review_queue(
    new_page, live_server, demo, screenshot_dir, viewport, suffix
):
    page = sign_in(new_page, live_server, "duban", viewport)
    expect(page).to_have_url(f"{live_server.url}/")
    tile = page.locator(".tile", has_text="待审核的报送")
    waiting = int(tile.locator("b").inner_text())
    assert waiting > 0
    # The badge counts what the office must act on, the reports to review among them.
    assert badge(page) >= waiting
    assert_fits_and_reads(page)
    page.screenshot(path=screenshot_dir / f"workbench-office{suffix}.png", full_page=True)
    tile.click()
    expect(page).to_have_url(re.compile(r"/progress/review/"))
    expect(page.locator("table.grid tbody tr")).to_have_count(min(waiting, 50))


@pytest.mark.parametrize(("viewport", "suffix"), [(LAPTOP, ""), (PHONE, "-phone")])
def test_leader_sees_its_key_points_and_reaches_the_dashboard(
    new_page, live_server, demo, screenshot_dir, viewport, suffix
):
    page = sign_in(new_page, live_server, "leader", viewport)
    expect(page).to_have_url(f"{live_server.url}/")
    desk = page.locator("#desk-leader")
    expect(desk.locator("tbody tr").first).to_be_visible()
    expect(desk).to_contain_text("您的批示")
    assert_fits_and_reads(page)
    page.screenshot(path=screenshot_dir / f"workbench-leader{suffix}.png", full_page=True)
    page.locator(".topbar nav").get_by_role("link", name="领导看板").click()
    expect(page).to_have_url(re.compile(rf"/reports/plans/{demo.pk}/dashboard/"))
