"""In Chromium: a liaison files a report with evidence; the office returns it; the liaison
revises; the office accepts — and the audit trail shows each step."""

import pytest
from playwright.sync_api import expect

from workplan.audit.models import AuditRecord
from workplan.progress.models import ProgressReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def sign_in(new_page, live_server, username):
    page = new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", f"pw-{username}-1")
    page.locator("form:has(input[name=password]) button[type=submit]").click()
    expect(page.locator(".who")).to_be_visible()
    return page


def test_report_returned_revised_and_accepted(
    new_page, live_server, plan, liaison, supervisor, tmp_path
):
    task = plan.key_points.get(number=4).tasks.get(number=1)
    evidence = tmp_path / "课程方案.pdf"
    evidence.write_bytes(PDF)

    clerk = sign_in(new_page, live_server, "liaison")
    clerk.get_by_role("link", name="我的填报").click()
    clerk.locator(f"a[href*='/progress/tasks/{task.pk}/']").first.click()
    clerk.set_input_files("input[name=file]", str(evidence))
    clerk.get_by_role("button", name="上传").click()
    expect(clerk.get_by_role("link", name="课程方案.pdf")).to_be_visible()
    clerk.fill("input[name=percent]", "40")
    clerk.fill("textarea[name=progress]", "完成人才培养方案修订初稿。")
    clerk.get_by_role("button", name="报送", exact=True).click()
    expect(clerk.locator(".state")).to_contain_text("已报送")

    office = sign_in(new_page, live_server, "supervisor")
    office.get_by_role("link", name="审核").first.click()
    office.get_by_role("link", name="审核").last.click()
    report_url = office.url
    office.fill("textarea[name=comment]", "请补充专家论证意见。")
    office.get_by_role("button", name="退回修改").click()
    expect(office.locator(".messages")).to_contain_text("报告退回教务处")  # and on to the next

    clerk.reload()
    expect(clerk.locator("main")).to_contain_text("请补充专家论证意见。")
    clerk.fill("textarea[name=progress]", "完成初稿并组织专家论证。")
    clerk.fill("input[name=percent]", "50")
    clerk.get_by_role("button", name="报送", exact=True).click()
    expect(clerk.locator(".state")).to_contain_text("已报送")

    office.goto(report_url)
    office.get_by_role("button", name="通过").click()
    expect(office.locator(".messages")).to_be_visible()

    report = ProgressReport.objects.get(task=task)
    assert (report.state, report.percent, report.evidence.count()) == ("accepted", 50, 1)
    trail = [
        (r.actor.username, c["after"])
        for r in AuditRecord.objects.filter(
            object_type="progress.progressreport", object_id=str(report.pk)
        ).order_by("id")
        for c in r.changes
        if c["field"] == "state"
    ]
    assert trail == [
        ("liaison", "submitted"),
        ("supervisor", "returned"),
        ("liaison", "submitted"),
        ("supervisor", "accepted"),
    ]
    assert (
        AuditRecord.objects.filter(object_type="progress.evidencefile", actor=liaison).count() == 1
    )


def test_a_file_is_removed_only_after_the_liaison_confirms_and_the_words_stay(
    new_page, live_server, plan, liaison, tmp_path
):
    task = plan.key_points.get(number=4).tasks.get(number=2)
    evidence = tmp_path / "错传.pdf"
    evidence.write_bytes(PDF)
    clerk = sign_in(new_page, live_server, "liaison")
    clerk.goto(f"{live_server.url}/progress/tasks/{task.pk}/")
    clerk.fill("textarea[name=progress]", "正在写，还没保存。")
    clerk.set_input_files("input[name=file]", str(evidence))
    clerk.get_by_role("button", name="上传").click()
    expect(clerk.get_by_role("link", name="错传.pdf")).to_be_visible()
    expect(clerk.locator("textarea[name=progress]")).to_have_value("正在写，还没保存。")

    clerk.once("dialog", lambda dialog: dialog.dismiss())
    clerk.get_by_role("button", name="删除").click()
    expect(clerk.get_by_role("link", name="错传.pdf")).to_be_visible()
    clerk.once("dialog", lambda dialog: dialog.accept())
    clerk.get_by_role("button", name="删除").click()
    expect(clerk.locator(".messages")).to_contain_text("已删除 错传.pdf")
    assert not ProgressReport.objects.get(task=task).evidence.exists()
