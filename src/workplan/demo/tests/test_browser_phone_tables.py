"""In Chromium, on the demo data, on a 390×844 phone in Chinese and in English: the list tables
(my reports, the review queue, the audit trail, the task table and its inline editor) show each
row as a card, so the action link and the task's words are on the screen without sideways
scrolling; on a laptop they stay tables."""

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

LANGUAGES = ["zh-hans", "en"]


@pytest.fixture
def demo():
    return do_load_demo().plan


def open_in(new_page, live_server, username, viewport, language):
    page = sign_in(new_page, live_server, username, viewport)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    return page


def assert_on_screen(locator, *, min_width=0):
    box = locator.bounding_box()
    assert box is not None, "not shown"
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert box["width"] >= min_width, f"squeezed to {box['width']:.0f} px"


@pytest.mark.parametrize("language", LANGUAGES)
def test_liaison_reads_and_opens_my_reports_on_a_phone(new_page, live_server, demo, language):
    page = open_in(new_page, live_server, "jwc", PHONE, language)
    page.goto(f"{live_server.url}/progress/")
    row = page.locator("table.grid tbody tr").first
    assert_on_screen(row.locator("td").nth(2), min_width=300)  # the task's words, full width
    assert_on_screen(row.get_by_role("link"))
    label = row.locator("td").nth(1).evaluate("td => getComputedStyle(td, '::before').content")
    assert label == ('"序号"' if language == "zh-hans" else '"No."')  # each cell names its column
    assert_fits_and_reads(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_supervisor_reaches_review_link_on_a_phone(new_page, live_server, demo, language):
    page = open_in(new_page, live_server, "duban", PHONE, language)
    page.goto(f"{live_server.url}/progress/review/")
    row = page.locator("table.grid tbody tr").first
    assert_on_screen(row.get_by_role("link"))
    assert_fits_and_reads(page)
    row.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/progress/reports/\d+/"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_auditor_reads_object_and_changes_on_a_phone(new_page, live_server, demo, language):
    page = open_in(new_page, live_server, "audit", PHONE, language)
    page.goto(f"{live_server.url}/audit/")
    row = page.locator("table.grid tbody tr:has(ins)").first
    assert_on_screen(row.locator("td").nth(4), min_width=300)  # Object
    assert_on_screen(row.locator("td").nth(5), min_width=300)  # Changes
    assert_fits_and_reads(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_supervisor_edits_a_task_row_on_a_phone(new_page, live_server, demo, language):
    page = open_in(new_page, live_server, "duban", PHONE, language)
    page.goto(f"{live_server.url}/plans/{demo.pk}/table/")
    row = page.locator("tr.task-row").first
    assert_on_screen(row.locator("td.task-text"), min_width=300)
    assert_fits_and_reads(page)

    row.locator("a.edit").click()
    form = page.locator("tr.editing form")
    expect(form).to_be_visible()
    assert_on_screen(form)
    for field in form.locator("input:visible, textarea, select").all():
        assert_on_screen(field)
    save = form.locator("button[type=submit]")
    save.scroll_into_view_if_needed()
    assert_on_screen(save)
    assert_fits_and_reads(page)
    save.click()
    expect(page.locator("tr.task-row.saved")).to_have_count(1)


def test_laptop_keeps_the_tables(new_page, live_server, demo):
    page = sign_in(new_page, live_server, "jwc", LAPTOP)
    page.goto(f"{live_server.url}/progress/")
    expect(page.locator("table.grid thead")).to_be_visible()
    row = page.locator("table.grid tbody tr").first
    text, link = row.locator("td").nth(2).bounding_box(), row.get_by_role("link").bounding_box()
    assert link["x"] > text["x"] + text["width"]  # the link sits to the right, in the same row
    assert abs(link["y"] - text["y"]) < text["height"]
