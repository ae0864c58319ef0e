"""In Chromium: sign in, edit a task inline, export the table, re-import an edited copy and
apply it; and two browsers editing the same task."""

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from playwright.sync_api import expect

from workplan.accounts.tests.factories import make_user
from workplan.core.roles import Role
from workplan.plans.models import Plan, Task

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan(example_plan):
    call_command("import", str(example_plan))
    make_user("duban", [Role.SUPERVISOR], password="Duban-2024-pw", full_name="王督办")
    make_user("duban2", [Role.SUPERVISOR], password="Duban-2024-pw", full_name="李督办")
    return Plan.objects.get()


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "Duban-2024-pw")
    page.locator("form:has(input[name=password]) button[type=submit]").click()
    expect(page.locator(".who")).to_be_visible()


def open_row_editor(page, task):
    row = page.locator(f"#task-{task.pk}")
    row.locator("a.edit").click()
    form = page.locator(f"#task-{task.pk} form")
    expect(form).to_be_visible()
    return form


def test_clerk_edits_inline_exports_and_reimports(page, live_server, plan, tmp_path):
    task = Task.objects.get(key_point__number=2, number=1)
    sign_in(page, live_server, "duban")
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    page.get_by_role("link", name="任务分解表").first.click()
    expect(page.locator(f"#task-{task.pk}")).to_contain_text(task.text)

    form = open_row_editor(page, task)
    form.locator("input[name=lead]").fill("质评办")
    form.locator("input[name=deadline]").fill("6月底前")
    form.locator("input[name=deadline]").press("Enter")  # keyboard: Enter saves
    row = page.locator(f"#task-{task.pk}")
    expect(row).to_contain_text("质量管理与评估办公室")
    assert page.url.endswith(f"/plans/{plan.pk}/table/")  # edited in place, no page change
    expect(row).to_contain_text("2024-06-30")
    task.refresh_from_db()
    assert str(task.due_date) == "2024-06-30"

    with page.expect_download() as download_info:
        page.get_by_role("link", name="导出 Excel").click()
    exported = tmp_path / "table.xlsx"
    download_info.value.save_as(exported)
    book = load_workbook(exported)
    sheet = book.active
    assert sheet.cell(1, 1).value == "江城职业技术学院2024年工作要点任务分解表"
    codes = {sheet.cell(r, 1).value: r for r in range(3, sheet.max_row + 1)}
    sheet.cell(codes["1.1"], 9).value = "浏览器测试备注"
    edited = tmp_path / "edited.xlsx"
    book.save(edited)

    page.set_input_files("input[name=sheet]", str(edited))
    page.get_by_role("button", name="比对").click()
    expect(page.locator("main")).to_contain_text("浏览器测试备注")
    page.get_by_role("button", name="确认应用这些修改").click()
    expect(page.locator(".messages")).to_be_visible()
    assert Task.objects.get(key_point__number=1, number=1).note == "浏览器测试备注"


def test_two_browsers_editing_one_task(new_page, live_server, plan):
    task = Task.objects.get(key_point__number=1, number=1)
    first = new_page()
    second = new_page()
    for page, user in ((first, "duban"), (second, "duban2")):
        sign_in(page, live_server, user)
        page.goto(f"{live_server.url}/plans/{plan.pk}/table/")
    first_form = open_row_editor(first, task)
    second_form = open_row_editor(second, task)
    first_form.locator("textarea[name=note]").fill("王督办先保存")
    first_form.get_by_role("button", name="保存").click()
    expect(first.locator(f"#task-{task.pk}")).to_contain_text("王督办先保存")
    second_form.locator("textarea[name=note]").fill("李督办后保存")
    second_form.get_by_role("button", name="保存").click()
    conflict = second.locator(".conflict")
    expect(conflict).to_be_visible()
    expect(conflict).to_contain_text("王督办先保存")
    assert second.url.endswith(f"/plans/{plan.pk}/table/")
    task.refresh_from_db()
    assert task.note == "王督办先保存"
