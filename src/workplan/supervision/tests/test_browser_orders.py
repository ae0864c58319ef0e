"""In Chromium: the office issues one 督办单 to two departments; the liaison of one signs for
it and replies with a file; the office sees the reply and closes it (办结)."""

import pytest
import time_machine
from playwright.sync_api import expect

from workplan.accounts.tests.factories import make_user
from workplan.core.roles import Role
from workplan.progress.tests.factories import make_reporting_plan
from workplan.supervision.models import Notice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def plan(department, other_department):
    make_user("duban", [Role.SUPERVISOR], password="Duban-2024-pw", full_name="王督办")
    make_user("jwc", [Role.LIAISON], ["教务处"], password="Duban-2024-pw", full_name="张联络")
    make_user("cwc", [Role.LIAISON], ["财务处"], password="Duban-2024-pw", full_name="李联络")
    return make_reporting_plan()


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "Duban-2024-pw")
    page.locator("form:has(input[name=password]) button[type=submit]").click()
    expect(page.locator(".who")).to_be_visible()


@time_machine.travel("2024-06-20 10:00 +08:00", tick=True)
def test_office_issues_liaison_signs_and_replies_office_closes(
    new_page, live_server, plan, tmp_path, screenshot_dir, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    office = new_page()
    sign_in(office, live_server, "duban")
    office.goto(f"{live_server.url}/supervision/plans/{plan.pk}/orders/new/")
    office.get_by_label("教务处").check()
    office.get_by_label("财务处").check()
    office.locator("textarea[name=requirement]").fill("请于6月30日前报送课程建设方案。")
    office.locator("input[name=reply_due]").fill("2024-06-30")
    office.get_by_role("button", name="发出").click()
    expect(office.locator("body")).to_contain_text("已发出 2 份督办单")
    expect(office.locator("table.grid")).to_contain_text("督字〔2024〕第2号")
    office.screenshot(path=screenshot_dir / "supervision-orders.png", full_page=True)

    liaison = new_page()
    sign_in(liaison, live_server, "jwc")
    order = Notice.objects.get(department__name="教务处")
    liaison.goto(f"{live_server.url}/supervision/notices/{order.pk}/")
    liaison.get_by_role("button", name="签收").click()
    expect(liaison.locator("body")).to_contain_text("您已签收督字〔2024〕第1号")
    expect(liaison.locator("body")).to_contain_text("张联络")
    attachment = tmp_path / "方案.pdf"
    attachment.write_bytes(PDF)
    liaison.locator("textarea[name=reply]").fill("方案已制定，见附件。")
    liaison.locator("input[name=files]").set_input_files(str(attachment))
    liaison.get_by_role("button", name="提交回复").click()
    expect(liaison.locator("body")).to_contain_text("方案.pdf")
    liaison.screenshot(path=screenshot_dir / "supervision-order.png", full_page=True)

    office.goto(f"{live_server.url}/supervision/notices/{order.pk}/")
    expect(office.locator("body")).to_contain_text("方案已制定，见附件。")
    office.once("dialog", lambda dialog: dialog.accept())
    office.get_by_role("button", name="办结").click()
    expect(office.locator("body")).to_contain_text("已办结")
    order.refresh_from_db()
    assert (order.state, order.signed_by.username, order.files.count()) == ("closed", "jwc", 1)
    assert Notice.objects.get(department__name="财务处").state == Notice.State.OPEN
