"""In Chromium: opening the message centre marks what it shows as read once the page has loaded
(the page posts it back), and the badge drops to what is still unread elsewhere."""

import pytest
from playwright.sync_api import expect

from workplan.notifications.notify import notify

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_badge_drops_once_the_centre_has_shown_the_messages(new_page, live_server, liaison):
    notify([liaison] * 55, "请报送课程建设方案。")
    page = new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "liaison")
    page.fill("input[name=password]", "pw-liaison-1")
    page.locator("form:has(input[name=password]) button[type=submit]").click()
    expect(page.locator("#bell .count")).to_have_text("55")

    page.locator("#bell").click()
    expect(page.locator("#bell .count")).to_have_text("5")  # 50 shown, 5 on the next page
    expect(page.locator("#unread-elsewhere")).to_contain_text("5")
    assert liaison.notifications.filter(read_at__isnull=True).count() == 5
