"""A task-split table written in Excel creates a plan through the plan-document upload; the
system's own export edits a plan through the task table's import. Each upload, given the
other's file, says which one to use and changes nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from workplan.plans.forms import PlanUploadForm
from workplan.plans.models import ImportPreview, Plan, Task
from workplan.plans.table import table_rows, table_title
from workplan.plans.table_import import is_task_table_export, read_table
from workplan.plans.tests.factories import make_key_point, make_plan
from workplan.plans.xlsx import task_table_workbook

pytestmark = pytest.mark.django_db
FOREIGN_TITLE = "松江区人民政府2025年重点工作任务分解表"


def foreign_table(title=FOREIGN_TITLE) -> bytes:
    """Return a fictional district's task-split table as an office writes it in Excel: a
    merged title row, a header, section rows across the table, a lead cell merged down."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    rows = [
        [title],
        ["序号", "工作任务", "责任领导", "牵头单位", "配合单位", "完成时限"],
        ["一、优化营商环境"],
        [1, "推进政务服务一网通办，年底前实现高频事项全程网办。", "张明远", "区政务服务中心", "区发展改革局", "2025年12月底前"],
        [2, "开展营商环境评价，按季度通报结果。", "张明远", None, "区统计局", "每季度"],
        ["二、推进城市更新"],
        [3, "完成老旧小区改造12个。", "李秋实", "区住房城乡建设局", "各街道办事处", "2025年10月底前"],
    ]  # fmt: skip
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A1:F1")
    sheet.merge_cells("A3:F3")
    sheet.merge_cells("D4:D5")
    sheet.merge_cells("A6:F6")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def plan(db):
    plan = make_plan(year=2024)
    make_key_point(plan, lead=["教务处"], co=["学生工作处"], tasks=2)
    return plan


def export(plan) -> bytes:
    return task_table_workbook(table_title(plan), table_rows(plan))


def upload_document(client, name, data, **fields):
    document = SimpleUploadedFile(name, data)
    return client.post(reverse("plans:plan-upload"), {"document": document, **fields})


def test_the_export_is_told_from_a_foreign_table(plan):
    assert is_task_table_export(export(plan), "导出.xlsx")
    assert not is_task_table_export(foreign_table(), "分解表.xlsx")
    assert not is_task_table_export(b"not a workbook", "x.xlsx")


def test_the_plan_upload_offers_workbooks():
    field = PlanUploadForm().fields["document"]
    assert ".xlsx" in field.widget.attrs["accept"].split(",")
    assert ".xlsx" in str(field.help_text)


def test_supervisor_uploading_the_export_as_a_plan_document_is_sent_to_the_task_table(
    client, supervisor, plan
):
    client.force_login(supervisor)
    response = upload_document(client, "2024年任务分解表.xlsx", export(plan))
    assert response.status_code == 400
    page = response.content.decode()
    assert "2024年任务分解表.xlsx 是本系统导出的任务分解表" in page
    assert "“导入修改后的任务分解表”" in page
    assert not ImportPreview.objects.exists()
    assert Plan.objects.count() == 1


def test_supervisor_uploading_a_foreign_table_to_the_task_table_is_sent_to_the_plan_upload(
    client, supervisor, plan
):
    client.force_login(supervisor)
    tasks = list(Task.objects.values_list("pk", "text"))
    sheet = SimpleUploadedFile("分解表.xlsx", foreign_table())
    response = client.post(reverse("plans:table-upload", args=[plan.pk]), {"sheet": sheet})
    assert response.status_code == 400
    page = response.content.decode()
    assert "不是本系统导出的任务分解表" in page
    assert "“导入工作要点文档”" in page
    assert list(Task.objects.values_list("pk", "text")) == tasks
    assert not ImportPreview.objects.exists()


def test_a_foreign_table_whose_header_has_no_task_column_is_also_sent_to_the_plan_upload(plan):
    book = Workbook()
    book.active.append(["序号", "重点工作", "牵头单位", "完成时间"])
    book.active.append([1, "完成老旧小区改造。", "区住房城乡建设局", "10月底前"])
    buffer = io.BytesIO()
    book.save(buffer)
    diff = read_table(buffer.getvalue(), "表.xlsx", plan)
    [error] = diff.errors
    assert "不是本系统导出的任务分解表" in error


def test_the_export_still_imports_into_its_own_plan(plan):
    diff = read_table(export(plan), "导出.xlsx", plan)
    assert not diff.errors and not diff.has_changes


def test_the_command_refuses_the_export_and_names_the_table_command(plan, tmp_path):
    path = tmp_path / "导出.xlsx"
    path.write_bytes(export(plan))
    with pytest.raises(CommandError) as refused:
        call_command("import", str(path))
    assert refused.value.returncode == 2
    assert "本系统导出的任务分解表" in str(refused.value)
    assert "workplan table import" in str(refused.value)
    assert Plan.objects.count() == 1


def test_the_table_command_refuses_a_foreign_table_naming_the_plan_import(plan, tmp_path, capsys):
    path = tmp_path / "分解表.xlsx"
    path.write_bytes(foreign_table())
    with pytest.raises(CommandError):
        call_command("table", "import", str(path), "--plan", str(plan.pk))
    error = capsys.readouterr().err
    assert "不是本系统导出的任务分解表" in error and "workplan import" in error


def test_a_foreign_task_table_creates_a_plan_from_the_command(tmp_path, capsys):
    # Needs the parser's .xlsx reader (parsing.readers): a workbook read as a document whose
    # table is the sheet's rows, merged cells filled, the title row above it a paragraph.
    path = tmp_path / "任务分解表.xlsx"
    path.write_bytes(foreign_table())
    call_command("import", str(path))
    plan = Plan.objects.get()
    assert plan.year == 2025
    assert Task.objects.filter(key_point__plan=plan).count() == 3
    second = plan.key_points.get(number=1).tasks.get(number=2)
    assert second.leaders == ["张明远"]
    # The lead cell merged over two rows leads both tasks.
    assert [a.department.name for a in second.assignments.filter(role="lead")] == ["区政务服务中心"]


def test_a_foreign_table_exported_again_keeps_its_outcomes_and_unmatched_leaders(tmp_path):
    book = Workbook()
    book.active.append(["青禾区2025年重点工作任务分解表"])
    book.active.append(["序号", "工作任务", "责任领导", "牵头单位", "完成时限", "预期成果"])
    book.active.append(
        [1, "完成老旧小区改造12个。", "李秋实", "区住建局", "10月底前", "12个小区完工"]
    )
    path = tmp_path / "任务分解表.xlsx"
    book.save(path)
    call_command("import", str(path))
    plan = Plan.objects.get()
    task = Task.objects.get(key_point__plan=plan)
    assert task.outcome == "12个小区完工"
    assert task.leader is None and task.leaders == ["李秋实"]  # no leader account of that name
    (row,) = table_rows(plan)
    assert (row.leader, row.outcome) == ("李秋实", "12个小区完工")


def test_a_foreign_task_table_without_a_year_asks_for_it_on_the_web(client, supervisor):
    client.force_login(supervisor)
    data = foreign_table(title="松江区人民政府重点工作任务分解表")
    asked = upload_document(client, "任务分解表.xlsx", data)
    assert asked.status_code == 400
    assert "请填写年度" in asked.content.decode()
    response = upload_document(client, "任务分解表.xlsx", data, year="2025")
    assert response.status_code == 302
    client.post(response["Location"])
    assert Plan.objects.get().year == 2025


def test_a_workbook_with_more_rows_than_a_plan_holds_is_refused_saying_so(client, supervisor):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("任务")
    sheet.append(["序号", "重点工作", "牵头单位"])
    for number in range(1, 20_002):
        sheet.append([number, f"任务{number}", "教务处"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.force_login(supervisor)
    refused = upload_document(client, "大表.xlsx", buffer.getvalue(), year="2025")
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "有内容的行超过 20000 行" in page and "任务" in page
    assert not Plan.objects.exists() and not ImportPreview.objects.exists()
