"""The task table round-trips through Excel: export, edit as a clerk would, import the diff."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from workplan.audit.models import AuditRecord
from workplan.plans.models import Plan, Task
from workplan.plans.table import table_rows, table_title
from workplan.plans.table_actions import do_apply_table
from workplan.plans.table_import import read_table
from workplan.plans.tests.factories import make_plan
from workplan.plans.xlsx import task_table_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(hubei_txt):
    call_command("import", str(hubei_txt))
    return Plan.objects.get()


def export(plan) -> bytes:
    return task_table_workbook(table_title(plan), table_rows(plan))


def workbook(data: bytes):
    return load_workbook(io.BytesIO(data))


def save(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_export_has_title_header_one_row_per_task_and_merged_key_points(plan, hubei_expected):
    sheet = workbook(export(plan)).active
    assert sheet["A1"].value == "湖北开放大学2021年工作要点任务分解表"
    assert "A1:I1" in {str(r) for r in sheet.merged_cells.ranges}
    header = [c.value for c in sheet[2]][:9]
    assert header == [
        "序号",
        "工作要点",
        "具体任务",
        "分管校领导",
        "牵头部门",
        "配合部门",
        "完成时限",
        "预期成果",
        "备注",
    ]
    tasks = [row for row in sheet.iter_rows(min_row=3, values_only=True) if row[2]]
    assert len(tasks) == 63
    assert tasks[0][0] == "1.1" and tasks[0][4] == "党办校办"
    assert tasks[0][5] == "纪委监察专员办综合室、组织部、宣传部，各总支、直属党支部"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "B3:B7" in merged  # key point 1 over its five tasks
    assert sheet["B3"].value == "一、" + hubei_expected["points"][0]["title"]
    assert sheet.column_dimensions["J"].hidden
    assert sheet.freeze_panes == "A3"
    assert sheet.print_title_rows == "$2:$2"
    assert sheet.page_setup.orientation == "landscape"


def test_unedited_export_imports_as_no_changes(plan):
    diff = read_table(export(plan), "表.xlsx", plan)
    assert diff.errors == []
    assert not diff.has_changes


def test_reordered_unmerged_spaced_and_blank_rows_are_still_no_changes(plan):
    book = workbook(export(plan))
    sheet = book.active
    for merged in list(sheet.merged_cells.ranges):
        if merged.min_row > 2:
            sheet.unmerge_cells(str(merged))
    rows = [list(r) for r in sheet.iter_rows(min_row=3, values_only=True)]
    sheet.delete_rows(3, len(rows))
    rows.reverse()
    for index, row in enumerate(rows):
        row[4] = f"  {row[4]}\u3000"  # spaces around the lead department
        sheet.append(row)
        if index % 10 == 0:
            sheet.append([None] * len(row))
    diff = read_table(save(book), "表.xlsx", plan)
    assert diff.errors == []
    assert not diff.has_changes


def test_clerk_edits_import_to_exactly_those_changes(plan, supervisor):
    book = workbook(export(plan))
    sheet = book.active
    by_code = {sheet.cell(r, 1).value: r for r in range(3, sheet.max_row + 1)}
    sheet.cell(by_code["1.2"], 7).value = "2021年6月底前"
    sheet.cell(by_code["5.1"], 7).value = "年底前"
    sheet.cell(by_code["9.4"], 5).value = "管评中心"  # lead typed as its abbreviation
    deleted_text = sheet.cell(by_code["12.4"], 3).value
    sheet.delete_rows(by_code["12.4"])
    sheet.append(
        [
            "12.5",
            None,
            "开展秋季学期开学疫情防控演练。",
            None,
            "保卫处",
            "学工部",
            "9月",
            None,
            None,
            None,
        ]
    )
    diff = read_table(save(book), "表.xlsx", plan)
    assert diff.errors == []
    assert [(c.current.code, c.changes) for c in diff.changed] == [
        ("1.2", [("完成时限", "", "2021年6月底前")]),
        ("5.1", [("完成时限", "", "年底前")]),
        ("9.4", [("牵头部门", "财务处", "教学质量管理与评估中心")]),
    ]
    assert [r.text for r in diff.removed] == [deleted_text]
    assert [(a.key_point.number, a.text, a.lead, a.co) for a in diff.added] == [
        (12, "开展秋季学期开学疫情防控演练。", ["保卫处"], ["学工部"])
    ]
    before = AuditRecord.objects.count()
    assert do_apply_table(plan, diff, by=supervisor, source_name="表.xlsx") == {
        "added": 1,
        "changed": 3,
        "removed": 1,
    }
    assert AuditRecord.objects.count() == before + 5
    task = Task.objects.get(key_point__number=1, number=2)
    assert (task.deadline_text, str(task.due_date)) == ("2021年6月底前", "2021-06-30")
    assert [
        a.department.name
        for a in Task.objects.get(key_point__number=9, number=4).assignments.filter(role="lead")
    ] == ["教学质量管理与评估中心"]
    assert Task.objects.count() == 63
    assert not read_table(export(plan), "again.xlsx", plan).has_changes


def test_unknown_department_and_broken_date_are_refused_with_places_and_nothing_changes(plan):
    book = workbook(export(plan))
    sheet = book.active
    sheet.cell(4, 5).value = "教务部"
    sheet.cell(5, 7).value = "开学前后"
    before = [(t.pk, t.deadline_text, t.version) for t in Task.objects.order_by("pk")]
    diff = read_table(save(book), "表.xlsx", plan)
    assert diff.errors == [
        "表.xlsx，工作表“任务分解表”第 4 行“牵头部门”列：没有名为“教务部”的部门。您是不是指：教务处、职院教务处？"
    ]
    assert len(diff.warnings) == 1
    assert "第 5 行“完成时限”列" in diff.warnings[0] and "开学前后" in diff.warnings[0]
    assert not diff.has_changes
    assert [(t.pk, t.deadline_text, t.version) for t in Task.objects.order_by("pk")] == before


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"not a spreadsheet at all", "不是 Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048, "密码"),
    ],
)
def test_files_that_are_not_readable_tables_are_refused(plan, data, fragment):
    diff = read_table(data, "表.xlsx", plan)
    assert len(diff.errors) == 1 and "表.xlsx" in diff.errors[0] and fragment in diff.errors[0]


def test_command_line_dry_run_then_apply(plan, tmp_path, capsys):
    path = tmp_path / "table.xlsx"
    call_command("table", "export", "2021", "-o", str(path))
    book = workbook(path.read_bytes())
    book.active.cell(3, 9).value = "已列入党委工作要点"
    path.write_bytes(save(book))
    call_command("table", "import", str(path), "--plan", "2021", "--dry-run")
    out = capsys.readouterr().out
    assert "1.1 备注：（空） → 已列入党委工作要点" in out
    assert Task.objects.get(key_point__number=1, number=1).note == ""
    call_command("table", "import", str(path), "--plan", "2021")
    assert Task.objects.get(key_point__number=1, number=1).note == "已列入党委工作要点"


def test_only_deadlines_typed_in_this_upload_are_warned_about(plan):
    """A deadline the system cannot read is flagged on the table already; re-uploading the
    table warns about the ones just typed, not again about every old one."""
    task = Task.objects.get(key_point__plan=plan, key_point__number=2, number=1)
    Task.objects.filter(pk=task.pk).update(deadline_text="另行通知", deadline_unread=True)
    book = workbook(export(plan))
    sheet = book.active
    by_code = {sheet.cell(r, 1).value: r for r in range(3, sheet.max_row + 1)}
    assert read_table(save(book), "表.xlsx", plan).warnings == []
    sheet.cell(by_code["3.1"], 7).value = "视情况而定"
    warnings = read_table(save(book), "表.xlsx", plan).warnings
    assert len(warnings) == 1 and "视情况而定" in warnings[0]
    assert f"{by_code['3.1']} 行" in warnings[0]


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/worksheets/sheet1.xml"])
def test_a_table_with_broken_xml_inside_is_refused_as_not_a_workbook(plan, part):
    import zipfile

    exported = zipfile.ZipFile(io.BytesIO(task_table_workbook(table_title(plan), table_rows(plan))))
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as out:
        for item in exported.infolist():
            data = exported.read(item.filename)
            out.writestr(item.filename, data[: len(data) // 2] if item.filename == part else data)
    diff = read_table(broken.getvalue(), "表.xlsx", plan)
    assert len(diff.errors) == 1 and "表.xlsx" in diff.errors[0] and "不是 Excel" in diff.errors[0]


def test_a_collective_term_too_long_to_store_is_refused_at_its_cell(plan):
    book = workbook(export(plan))
    book.active.cell(4, 6).value = "各" + "二级学院" * 40  # 配合部门 of the second task
    diff = read_table(save(book), "表.xlsx", plan)
    assert len(diff.errors) == 1
    assert "第 4 行“配合部门”列" in diff.errors[0] and "161" in diff.errors[0]
    assert not diff.has_changes


def test_a_year_with_two_plans_asks_which_one_by_number(plan, tmp_path):
    second = make_plan(year=2021, title="2021年党风廉政建设工作要点")
    with pytest.raises(CommandError) as refused:
        call_command("table", "export", "2021", "-o", str(tmp_path / "t.xlsx"))
    message = str(refused.value)
    assert "2021 年有不止一份工作要点" in message
    assert f"{plan.pk}：" in message
    assert f"{second.pk}：江城职业技术学院2021年党风廉政建设工作要点" in message
    assert not (tmp_path / "t.xlsx").exists()
    call_command("table", "export", str(second.pk), "-o", str(tmp_path / "t.xlsx"))
    assert (tmp_path / "t.xlsx").exists()
