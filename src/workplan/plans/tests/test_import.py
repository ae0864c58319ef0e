"""`workplan import`: the real document becomes a plan; again, it changes nothing."""

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from workplan.org.models import Department, DepartmentAlias, DepartmentGroup
from workplan.parsing import parse_file
from workplan.plans.actions import ImportRefused, do_import_plan
from workplan.plans.models import Assignment, KeyPoint, Plan, Task

pytestmark = pytest.mark.django_db


def test_import_of_the_real_document_stores_points_tasks_and_departments(hubei_txt, capsys):
    call_command("import", str(hubei_txt))
    plan = Plan.objects.get()
    assert (plan.organization, plan.title, plan.year) == ("湖北开放大学", "2021年工作要点", 2021)
    assert plan.organization_aliases == ["湖北科技职业学院"]
    assert KeyPoint.objects.count() == 12
    assert Task.objects.count() == 63
    assert Department.objects.count() == 30
    assert DepartmentAlias.objects.get(name="管评中心").department.name == "教学质量管理与评估中心"
    assert set(DepartmentGroup.objects.values_list("name", flat=True)) == {
        "各总支", "直属党支部", "各院部", "相关职能部门", "各学院", "各单位、部门",
    }  # fmt: skip
    point10 = KeyPoint.objects.get(number=10)
    leads = Assignment.objects.filter(key_point=point10, role="lead")
    assert [a.department.name for a in leads] == ["党办校办"]
    co = Assignment.objects.filter(key_point=point10, role="co", department__isnull=False)
    assert "教学质量管理与评估中心" in [a.department.name for a in co]
    output = capsys.readouterr().out
    assert "12 条要点、63 项任务、30 个部门" in output
    assert "管评中心 → 教学质量管理与评估中心" in output


def test_importing_the_same_document_again_changes_nothing(hubei_txt, capsys):
    call_command("import", str(hubei_txt))
    counts = (Plan.objects.count(), Task.objects.count(), Assignment.objects.count())
    capsys.readouterr()
    call_command("import", str(hubei_txt))
    assert "unchanged" in capsys.readouterr().out
    assert (Plan.objects.count(), Task.objects.count(), Assignment.objects.count()) == counts


def test_new_department_names_are_created_for_review(example_plan):
    Department.objects.create(name="教务处")
    call_command("import", str(example_plan))
    assert not Department.objects.get(name="教务处").needs_review
    assert Department.objects.get(name="党政办公室").needs_review


def test_unreadable_file_is_a_command_error_with_status_2(tmp_path):
    path = tmp_path / "scan.png"
    path.write_bytes(b"\x89PNG")
    with pytest.raises(CommandError) as raised:
        call_command("import", str(path))
    assert raised.value.returncode == 2
    assert "scan.png" in str(raised.value)


def test_a_different_document_for_an_existing_plan_is_refused_and_nothing_changes(example_plan):
    call_command("import", str(example_plan))
    parsed = parse_file(example_plan)
    parsed.points[0].tasks[0].text = "改过的任务。"
    parsed.source_digest = "other"
    before = Task.objects.count()
    with pytest.raises(ImportRefused):
        do_import_plan(parsed)
    assert Task.objects.count() == before
    assert not Task.objects.filter(text="改过的任务。").exists()


def test_a_failure_half_way_leaves_nothing_behind(example_plan, monkeypatch):
    from workplan.plans import actions

    def broken_bulk_create(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(actions.Assignment.objects, "bulk_create", broken_bulk_create)
    with pytest.raises(RuntimeError):
        do_import_plan(parse_file(example_plan))
    assert (Plan.objects.count(), Task.objects.count(), Department.objects.count()) == (0, 0, 0)


def test_a_department_name_too_long_to_store_is_refused_with_the_line_to_check(
    example_plan, tmp_path
):
    """Departments run together without separators make one 'name' of hundreds of characters;
    PostgreSQL would refuse it half way, so the import says which and stores nothing."""
    text = example_plan.read_text(encoding="utf-8")
    run_together = "信息化建设中心图书馆" * 39
    path = tmp_path / "plan.md"
    path.write_text(
        text.replace(
            "（责任部门：组织人事部、教务处、财务处", f"（责任部门：{run_together}、教务处"
        ),
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as refused:
        call_command("import", str(path))
    message = str(refused.value)
    assert f"“{run_together[:20]}…”" in message and "390" in message
    assert (Plan.objects.count(), Task.objects.count(), Department.objects.count()) == (0, 0, 0)


def test_a_command_on_a_database_never_migrated_says_to_migrate_first(example_plan, tmp_path):
    import os
    import subprocess
    import sys

    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "workplan.settings.dev",
        "WORKPLAN_DATA_DIR": str(tmp_path),
    }
    environment.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "workplan", "import", str(example_plan)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert done.returncode == 2
    assert "workplan migrate" in done.stderr and "Traceback" not in done.stderr


def test_the_same_plan_from_another_file_format_is_unchanged(tmp_path, capsys):
    rows = [
        ["序号", "重点工作", "牵头单位", "完成时限"],
        ["1", "修订人才培养方案", "教务处", "2025年6月"],
        ["2", "建设智慧校园", "网络信息中心", "2025年12月"],
    ]
    workbook = Workbook()
    workbook.active.append(["青州学院2025年重点工作任务分解表"])
    for row in rows:
        workbook.active.append(row)
    workbook.save(tmp_path / "table.xlsx")
    text = "\n".join(["青州学院2025年重点工作任务分解表", *("\t".join(row) for row in rows)])
    (tmp_path / "table.txt").write_text(text, encoding="utf-8")
    call_command("import", str(tmp_path / "table.xlsx"))
    capsys.readouterr()
    call_command("import", str(tmp_path / "table.txt"))
    assert "unchanged" in capsys.readouterr().out
    assert (Plan.objects.count(), Task.objects.count()) == (1, 2)


def test_names_with_a_formulas_or_markups_signs_are_not_saved(tmp_path):
    """The preview refuses = + @ < > in a name the office types; a document naming such a unit
    is not saved either, and says which names to correct."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "北湖学院2025年工作要点\n一、安全\n1.开展消防演练。（牵头单位：=HYPERLINK；配合单位：保卫处）\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match=r"HYPERLINK.*不是部门名称"):
        call_command("import", str(path))
    assert not Plan.objects.exists() and not Department.objects.filter(name="保卫处").exists()
