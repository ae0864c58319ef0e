"""The task table (任务分解表) as plain rows: what the web page, the export and the import share."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from workplan.plans.models import Assignment, KeyPoint, Milestone, Plan, Responsible, Task

CN_DIGITS = "零一二三四五六七八九"

COLUMNS = [
    ("code", "序号"),
    ("key_point", "工作要点"),
    ("text", "具体任务"),
    ("leader", "分管校领导"),
    ("lead", "牵头部门"),
    ("co", "配合部门"),
    ("deadline", "完成时限"),
    ("outcome", "预期成果"),
    ("note", "备注"),
]
ID_HEADER = "系统编号（请勿修改）"
LABELS_BY_KEY = dict(COLUMNS)


def chinese_numeral(number: int) -> str:
    """Return 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五, 105 → 一百零五, 120 → 一百二十 (up to
    999; larger numbers in digits)."""
    if number >= 1000 or number < 0:
        return str(number)
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    if not hundreds:
        if not tens:
            return CN_DIGITS[ones]
        return f"{'' if tens == 1 else CN_DIGITS[tens]}十{CN_DIGITS[ones] if ones else ''}"
    text = f"{CN_DIGITS[hundreds]}百"
    if tens:
        text += f"{CN_DIGITS[tens]}十{CN_DIGITS[ones] if ones else ''}"
    elif ones:
        text += f"零{CN_DIGITS[ones]}"
    return text


def key_point_label(key_point: KeyPoint) -> str:
    return f"{chinese_numeral(key_point.number)}、{key_point.title}"


def join_co(co: list[str], groups: list[str]) -> str:
    """Return 配合部门 as offices write it: named units, then collectives after a comma."""
    return "，".join(part for part in ("、".join(co), "、".join(groups)) if part)


@dataclass
class TableRow:
    """One task as the table shows it, with its responsibility resolved (own or inherited)."""

    task: Task
    code: str
    key_point: str
    text: str
    leader: str
    lead: list[str]
    co: list[str]
    groups: list[str]
    deadline: str
    outcome: str
    note: str
    inherited: bool
    milestones: list[Milestone] = field(default_factory=list)
    light: object | None = None

    def cells(self) -> dict[str, str]:
        """Return the row's cells by column key, as written in the spreadsheet."""
        editable = TaskValues(
            self.text, None, self.lead, self.co, self.groups, self.deadline, self.outcome, self.note
        ).cells()
        return {"code": self.code, "key_point": self.key_point, **editable, "leader": self.leader}


@dataclass
class TaskValues:
    """Everything the table lets a clerk set on one task."""

    text: str
    leader: object | None
    lead: list[str]
    co: list[str]
    groups: list[str]
    deadline: str
    outcome: str
    note: str

    def cells(self) -> dict[str, str]:
        """Return the values as the table's cells, to compare with a stored row."""
        return {
            "text": self.text,
            "leader": self.leader.display_name if self.leader else "",
            "lead": "、".join(self.lead),
            "co": join_co(self.co, self.groups),
            "deadline": self.deadline,
            "outcome": self.outcome,
            "note": self.note,
        }


def table_key_points(plan: Plan, *, task: Task | None = None):
    """Return the plan's key points with tasks, assignments, leaders and milestones prefetched;
    with `task`, only its key point holding only it."""
    assignments = Prefetch(
        "assignments",
        queryset=Assignment.objects.select_related("department", "group").order_by("position"),
    )
    tasks = (
        Task.objects.select_related("leader")
        .prefetch_related(assignments, "milestones")
        .order_by("number")
    )
    key_points = plan.key_points.all()
    if task is not None:
        tasks = tasks.filter(pk=task.pk)
        key_points = key_points.filter(pk=task.key_point_id)
    return key_points.select_related("leader").prefetch_related(
        assignments, Prefetch("tasks", queryset=tasks)
    )


def table_row(task: Task) -> TableRow:
    """Return one task's table row, at the cost of that row alone (an edit, its form)."""
    return table_rows(task.key_point.plan, task=task)[0]


def table_rows(plan: Plan, *, task: Task | None = None) -> list[TableRow]:
    """Return every task of `plan` as a table row, in key point and task order (with `task`,
    that task's row only)."""
    rows = []
    for key_point in table_key_points(plan, task=task):
        point_lead, point_co, point_groups = Responsible.of(key_point.assignments.all()).names()
        for task in key_point.tasks.all():
            task.key_point = key_point
            own = list(task.assignments.all())
            lead, co, groups = (
                Responsible.of(own).names() if own else (point_lead, point_co, point_groups)
            )
            leader = task.leader or key_point.leader
            rows.append(
                TableRow(
                    task=task,
                    code=f"{key_point.number}.{task.number}",
                    key_point=key_point_label(key_point),
                    text=task.text,
                    # A leader not matched to an account is kept as the document wrote it.
                    leader=leader.display_name
                    if leader
                    else "、".join(task.leaders or key_point.leaders),
                    lead=lead,
                    co=co,
                    groups=groups,
                    deadline=task.deadline_text,
                    outcome=task.outcome,
                    note=task.note,
                    inherited=not own,
                    milestones=list(task.milestones.all()),
                )
            )
    return rows


def table_title(plan: Plan) -> str:
    return f"{plan.organization}{plan.title}任务分解表"
