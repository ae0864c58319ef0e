"""The bundled example plan has the formatting noise the real documents have, and reads cleanly."""

from workplan.parsing import parse_file


def test_example_plan_reads_without_warnings(example_plan):
    plan = parse_file(example_plan)
    assert plan.warnings == []
    assert plan.organization == "江城职业技术学院"
    assert plan.year == 2024
    assert len(plan.points) >= 10
    assert all(point.tasks and point.responsibility for point in plan.points)


def test_example_plan_exercises_the_noisy_forms(example_plan):
    raw = example_plan.read_text(encoding="utf-8")
    plan = parse_file(example_plan)
    by_number = {p.number: p for p in plan.points}
    assert "**（责任部门" in raw
    assert "信息化建设中心" in by_number[4].responsibility.co  # name broken across a blank line
    assert by_number[8].responsibility.raw.startswith("牵头部门")
    assert by_number[9].responsibility.co[-1] == "团委"  # trailing 等 dropped
    assert "质量管理与评估办公室" in by_number[10].responsibility.co  # 质评办 resolved
    aliases = {d.name: d.aliases for d in plan.departments}
    assert aliases["质量管理与评估办公室"] == ["质评办"]
