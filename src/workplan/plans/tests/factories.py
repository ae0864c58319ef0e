"""Plans for tests, built directly, without a document or the parser: `make_plan`,
`make_key_point`, `make_task` (each with its lead, co-operating departments and groups), and two
whole plans: `make_example_plan` (the shape of examples/jiangcheng-2024.md) and
`make_large_plan` (a bigger, more varied one, for query-count checks)."""

from datetime import date

from workplan.org.tests.factories import department_named, group_named
from workplan.plans.models import Assignment, KeyPoint, Plan, Task


def make_plan(**overrides) -> Plan:
    """Return a new plan: 江城职业技术学院's 工作要点 for 2024 unless told otherwise."""
    year = overrides.pop("year", 2024)
    defaults = {
        "organization": "江城职业技术学院",
        "title": f"{year}年工作要点",
        "preamble": f"{year}年学院工作的总体要求是：聚焦内涵发展，提升人才培养质量。",
        "source_name": "",
        "fingerprint": "",
    }
    return Plan.objects.create(year=year, **{**defaults, **overrides})


def _assign(lead, co, groups, **target) -> list[Assignment]:
    """Create the assignments of a key point or task, in order; a department named twice
    counts once, in its first role (as an import does)."""
    rows: list[Assignment] = []
    seen: set[int] = set()
    for role, names in ((Assignment.Role.LEAD, lead), (Assignment.Role.CO, co)):
        for name in names:
            department = department_named(name)
            if department.pk in seen:
                continue
            seen.add(department.pk)
            rows.append(Assignment(department=department, role=role, position=len(rows), **target))
    for name in groups:
        rows.append(
            Assignment(
                group=group_named(name), role=Assignment.Role.CO, position=len(rows), **target
            )
        )
    return Assignment.objects.bulk_create(rows)


def _written(lead, co, groups) -> str:
    names = "、".join(str(d) for d in (*lead, *co))
    return f"{names}，{'、'.join(str(g) for g in groups)}" if groups else names


def make_key_point(plan: Plan | None = None, *, lead=(), co=(), groups=(), tasks=0, **overrides):
    """Return a new key point of `plan` (a new plan if none), responsible departments and
    groups given by name or row, with `tasks` tasks that inherit them."""
    plan = plan or make_plan()
    number = overrides.pop("number", None) or plan.key_points.count() + 1
    key_point = KeyPoint.objects.create(
        plan=plan,
        number=number,
        **{
            "title": f"要点{number}",
            "responsibility_raw": _written(lead, co, groups),
            **overrides,
        },
    )
    _assign(lead, co, groups, key_point=key_point)
    for _ in range(tasks):
        make_task(key_point)
    return key_point


def make_task(key_point: KeyPoint | None = None, *, lead=(), co=(), groups=(), **overrides):
    """Return a new task of `key_point` (a new one if none); given departments or groups, it has
    assignments of its own, else it inherits its key point's."""
    key_point = key_point or make_key_point()
    number = overrides.pop("number", None) or key_point.tasks.count() + 1
    task = Task.objects.create(
        key_point=key_point,
        number=number,
        **{
            "text": f"{key_point.number}.{number} {key_point.title}的第{number}项任务。",
            "responsibility_raw": _written(lead, co, groups),
            **overrides,
        },
    )
    _assign(lead, co, groups, task=task)
    return task


# examples/jiangcheng-2024.md as its import stores it: each key point's title, its lead and
# co-operating departments and groups (inherited by its tasks, which have none of their own),
# and how many tasks it has. 12 key points, 50 tasks, 22 departments; 教务处 leads key point 4
# and co-operates on 6 and 9; 财务处 only co-operates (6, 7 and 11).
EXAMPLE_POINTS = [
    ("加强党的政治建设", ["党政办公室"], ["组织人事部", "宣传统战部"], ["各党总支"], 4),
    ("全面提升内部治理水平", ["党政办公室"], ["质量管理与评估办公室", "组织人事部"], ["各部门"], 4),
    ("落实立德树人根本任务", ["学生工作处"], ["宣传统战部", "团委", "保卫处"], ["各二级学院"], 5),
    ("深化教育教学改革", ["教务处"], ["信息化建设中心", "图书馆", "智能制造学院"], ["各二级学院"], 5),
    ("做好招生就业工作", ["招生就业处"], ["学生工作处", "信息工程学院"], ["各二级学院"], 4),
    ("加强师资队伍建设", ["组织人事部"], ["教务处", "财务处", "工会", "质量管理与评估办公室"], [], 4),
    ("提升科研与社会服务能力", ["科研与社会服务处"], ["继续教育学院", "财务处"], ["相关职能部门"], 4),
    ("深化产教融合", ["科研与社会服务处"], ["智能制造学院", "商贸物流学院", "信息工程学院"], [], 3),
    ("推进开放办学和国际交流", ["国际交流合作处"], ["教务处", "招生就业处", "商贸物流学院", "团委"], [], 4),
    ("加强校园安全和后勤保障", ["保卫处"], ["后勤保障处", "国有资产管理处", "质量管理与评估办公室"], ["各单位、部门"], 5),
    ("统筹推进规划实施和信息化建设", ["党政办公室"], ["信息化建设中心", "财务处", "国际交流合作处", "图书馆"], ["各部门"], 4),
    ("持续推进全面从严治党", ["纪检监察室"], ["组织人事部", "工会", "团委"], ["各党总支", "各二级学院"], 4),
]  # fmt: skip


def make_example_plan(**overrides) -> Plan:
    """Return a plan shaped as examples/jiangcheng-2024.md imports (EXAMPLE_POINTS), for 2024
    unless told otherwise; departments that exist already (教务处, 财务处) are reused."""
    plan = make_plan(**{"organization_aliases": ["江城开放学院"], **overrides})
    for title, lead, co, groups, tasks in EXAMPLE_POINTS:
        make_key_point(plan, title=title, lead=lead, co=co, groups=groups, tasks=tasks)
    return plan


def make_large_plan(*, year=2021, points=14, tasks=7, departments=30) -> Plan:
    """Return a bigger plan than the example, with what the example lacks: tasks with their own
    lead, co-operating departments and groups beside tasks that inherit their key point's,
    leaders named, due dates passed and to come, and recurring tasks."""
    plan = make_plan(year=year, organization="江汉开放大学")
    names = [f"第{n}部门" for n in range(1, departments + 1)]
    for p in range(points):
        key_point = make_key_point(
            plan,
            title=f"第{p + 1}项重点工作",
            lead=[names[p % departments]],
            co=[names[(p + 1) % departments], names[(p + 2) % departments]],
            groups=["各二级学院"] if p % 3 == 0 else [],
            leaders=[f"校领导{p % 4 + 1}"],
        )
        for t in range(tasks):
            own = t % 2 == 1
            n = p * tasks + t
            make_task(
                key_point,
                lead=[names[n % departments]] if own else [],
                co=[names[(n + 5) % departments], names[(n + 7) % departments]] if own else [],
                groups=["各职能部门"] if own and t % 3 == 0 else [],
                due_date=date(year, t % 12 + 1, 28) if t % 3 != 2 else None,
                recurrence=Task.Recurrence.MONTHLY if t % 3 == 2 else "",
                leaders=[f"校领导{t % 4 + 1}"] if own else [],
            )
    return plan
