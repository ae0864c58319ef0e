"""Right after an import the plan runs: reports can be generated for its periods, the
supervision scan chases only periods that were open when it was imported, and the page after
saving says what the office still has to do."""

import docx
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from workplan.accounts.tests.factories import make_user
from workplan.core.roles import Role
from workplan.org.models import Department
from workplan.plans.models import Plan
from workplan.plans.tests.factories import make_key_point
from workplan.supervision.models import Notice, TaskLight

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported_in_july(example_plan):
    """The 2024 example, imported on 10 July 2024: January to June are over."""
    with time_machine.travel("2024-07-10 10:00 +08:00"):
        call_command("import", str(example_plan))
    return Plan.objects.get()


def test_supervise_after_a_mid_year_import_chases_no_period_that_was_already_over(
    imported_in_july, capsys
):
    call_command("supervise", "--at", "2024-07-12T09:00")
    assert Notice.objects.count() == 0  # June was due on the 25th, before the import
    assert not TaskLight.objects.filter(light__in=["yellow", "red"]).exists()
    call_command("supervise", "--at", "2024-07-27T09:00")
    chased = {n.period.label for n in Notice.objects.all()}
    assert chased == {"2024年7月"}
    assert set(Notice.objects.values_list("kind", flat=True)) == {Notice.Kind.CHASE}
    assert "催办 → 党政办公室（2024年7月）" in capsys.readouterr().out


def test_report_for_june_works_right_after_import(imported_in_july, tmp_path, capsys):
    output = tmp_path / "报告.docx"
    call_command("report", "2024", "--period", "2024-06", "-o", str(output))
    assert output.stat().st_size > 0
    assert "已生成" in capsys.readouterr().out


def test_command_line_import_prints_what_is_left_to_do(example_plan, capsys):
    make_user("jwc", [Role.LIAISON], [Department.objects.create(name="教务处")])
    with time_machine.travel("2024-03-05 10:00 +08:00"):
        call_command("import", str(example_plan))
    out = capsys.readouterr().out
    assert "已按月建立报送周期，每月25日截止；导入前已结束的2个周期已关闭。" in out
    assert "尚待完成" in out
    without = next(line for line in out.splitlines() if "没有任何用户账号的部门" in line)
    assert "（21 个）" in without and "党政办公室" in without and "教务处" not in without
    assert "尚未指定分管校领导的要点（12 条）" in out


def fictional_table_document(path):
    """A 工作要点 of a fictional college: one key point with a task table, a leader named who
    has no account, a deadline nobody can read."""
    document = docx.Document()
    document.add_paragraph("云溪职业学院2024年工作要点")
    document.add_paragraph("一、推进重点工作。")
    rows = [
        ["序号", "具体任务", "责任领导", "牵头单位", "配合单位", "完成时限"],
        ["1", "完成章程修订。", "周校长", "党政办公室", "组织人事部", "2024年6月底前"],
        ["2", "建成智慧校园平台。", "", "信息化建设中心", "", "看情况再定"],
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.save(path)
    return path.read_bytes()


@time_machine.travel("2024-04-10 10:00 +08:00")
def test_page_after_saving_an_import_says_what_is_left_to_do(client, supervisor, tmp_path):
    make_user("xx", [Role.LIAISON], [Department.objects.create(name="组织人事部")])
    data = fictional_table_document(tmp_path / "要点.docx")
    client.force_login(supervisor)
    document = SimpleUploadedFile("要点.docx", data)
    preview = client.post(reverse("plans:plan-upload"), {"document": document})
    page = client.post(preview["Location"], follow=True)
    plan = Plan.objects.get()
    assert page.redirect_chain[-1][0] == reverse("pages:plan-detail", args=[plan.pk])
    whole = page.content.decode()
    assert "已按月建立报送周期，每月25日截止；导入前已结束的3个周期已关闭。" in whole
    text = whole[whole.index('id="follow-ups"') : whole.index("</section>")]
    office = Department.objects.get(name="党政办公室")
    assert "2 个部门没有任何用户账号" in text
    assert reverse("pages:department-detail", args=[office.pk]) in text
    assert ">组织人事部<" not in text  # it has an account
    assert "1 条要点尚未指定分管校领导" in text and "周校长" in text
    assert "1 项任务的完成时限未能识别" in text
    unread = plan.key_points.get().tasks.get(number=2)
    assert reverse("pages:task-detail", args=[unread.pk]) in text
    assert reverse("pages:table", args=[plan.pk]) in text


def test_plan_page_shows_no_to_do_list_to_others(client, imported_in_july, leader):
    client.force_login(leader)
    text = client.get(reverse("pages:plan-detail", args=[imported_in_july.pk])).content.decode()
    assert "尚待完成" not in text


def test_a_plan_without_periods_offers_to_set_them_up(client, supervisor):
    plan = make_key_point(tasks=1).plan
    client.force_login(supervisor)
    text = client.get(reverse("pages:plan-detail", args=[plan.pk])).content.decode()
    assert "本工作要点尚无报送周期" in text
    assert reverse("progress:schedule", args=[plan.pk]) in text
