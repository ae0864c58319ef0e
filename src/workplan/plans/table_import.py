"""Read a task table edited in Excel or WPS and compare it with the plan: what was added,
changed and removed, field by field, and every problem with its sheet, row and column."""

from __future__ import annotations

import difflib
import hashlib
import itertools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from workplan.accounts.models import User
from workplan.core.problems import ProblemList
from workplan.core.roles import Role
from workplan.core.workbooks import SheetTooLong, WorkbookRefused, read_sheet
from workplan.org.models import DepartmentGroup
from workplan.org.queries import registry_names
from workplan.parsing.outline import chinese_number
from workplan.parsing.responsibility import is_group, split_department_list
from workplan.plans.deadlines import parse_deadline
from workplan.plans.models import KeyPoint, Plan
from workplan.plans.queries import RecordedWork, recorded_work
from workplan.plans.table import COLUMNS, TableRow, TaskValues, table_rows
from workplan.plans.xlsx import SHEET_TITLE

MAX_TABLE_BYTES = 10 * 1024 * 1024
# Rows holding a value, the header and key point rows included. The real plans have at most
# 63 tasks, the province-scale benchmark 20,000 (bench/, `workplan seed-scale`), whose export
# must import; past this a sheet is counted, not read (openpyxl spends ~25 µs a cell).
MAX_TABLE_ROWS = 30_000
# Cells holding a value: the export has ten columns, and a clerk may add a few; a 20,000-task
# export fills 200,011. Without it a sheet of 30,000 rows × 33 columns would pass.
MAX_TABLE_CELLS = 30_000 * 12
HEADER_ROWS = 10  # the header is looked for in these first rows only
HEADERS = {
    "code": ("序号", "编号"),
    "key_point": ("工作要点", "要点", "重点工作"),
    "text": ("具体任务", "任务", "工作任务", "工作举措", "主要任务", "任务内容"),
    "leader": ("分管校领导", "分管领导", "责任校领导", "责任领导", "牵头校领导"),
    "lead": ("牵头部门", "牵头单位", "责任部门", "责任单位"),
    "co": ("配合部门", "配合单位", "协办单位", "协办部门"),
    "deadline": ("完成时限", "时间节点", "完成时间", "时限"),
    "outcome": ("预期成果", "预期目标", "成果形式"),
    "note": ("备注",),
    "id": ("系统编号", "系统编号（请勿修改）", "系统编号(请勿修改)"),
}
LABELS = dict(COLUMNS)


def _compact(value) -> str:
    """Return a cell's text for matching names: full-width folded, all spaces removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", _text(value)))


def _text(value) -> str:
    """Return a cell's text as typed, without surrounding spaces (full-width ones too)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip(" \t\r\n\u3000")


@dataclass
class RowValues(TaskValues):
    """What one row of the sheet says, resolved against the registry, and where it stands."""

    row: int = 0
    key_point: KeyPoint | None = None


@dataclass
class ChangedTask:
    current: TableRow
    values: RowValues
    changes: list[tuple[str, str, str]]  # (column label, before, after)


@dataclass
class TableDiff:
    """The differences between an uploaded table and the plan, or why it can't be read."""

    added: list[RowValues] = field(default_factory=list)
    changed: list[ChangedTask] = field(default_factory=list)
    removed: list[TableRow] = field(default_factory=list)
    errors: ProblemList = field(default_factory=ProblemList)  # the first 100, and a count
    warnings: ProblemList = field(default_factory=ProblemList)
    removed_work: dict[int, RecordedWork] = field(default_factory=dict)  # task id → its records
    task_count: int = 0  # the plan's tasks before the change

    def __post_init__(self):
        self.errors, self.warnings = ProblemList(self.errors), ProblemList(self.warnings)

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    @property
    def removes_most(self) -> bool:
        """Return whether most of the plan would go: a partial sheet uploaded by mistake."""
        return len(self.removed) > 1 and len(self.removed) * 2 > self.task_count

    @property
    def removed_with_work(self) -> list[tuple[TableRow, RecordedWork]]:
        """Return the removed rows whose tasks carry recorded work, with what each carries."""
        return [
            (r, self.removed_work[r.task.pk])
            for r in self.removed
            if r.task.pk in self.removed_work
        ]

    @property
    def removed_work_total(self) -> RecordedWork:
        return sum(self.removed_work.values(), RecordedWork())

    def digest(self) -> str:
        """Return a fingerprint of the changes, so the ones confirmed are the ones shown."""
        summary = {
            "added": [(v.key_point.pk if v.key_point else None, v.cells()) for v in self.added],
            "changed": [
                (c.current.task.pk, c.current.task.version, c.changes) for c in self.changed
            ],
            "removed": [(r.task.pk, r.task.version) for r in self.removed],
            # A report filed on a removed task after the preview changes what a confirmation means.
            "removed_work": sorted((pk, vars(w)) for pk, w in self.removed_work.items()),
        }
        return hashlib.sha256(
            json.dumps(summary, ensure_ascii=False, default=str).encode()
        ).hexdigest()


class _Reader:
    def __init__(self, plan: Plan, name: str, sheet_title: str):
        self.plan = plan
        self.name = name
        self.sheet_title = sheet_title
        self.diff = TableDiff()
        names = registry_names()
        self.departments = {_compact(k): v for k, v in names.items()}
        self.department_choices = sorted(set(names))
        self.groups = {
            _compact(g): g for g in DepartmentGroup.objects.values_list("name", flat=True)
        }
        leaders = User.objects.filter(role_grants__role=Role.LEADER, is_active=True).distinct()
        self.leaders = {}
        for leader in leaders:
            self.leaders[_compact(leader.display_name)] = leader
            self.leaders[_compact(leader.username)] = leader
        self.key_points = {kp.number: kp for kp in plan.key_points.select_related("leader")}

    def problem(self, row: int, key: str, message: str) -> None:
        if self.diff.errors.full:  # counted, not written
            self.diff.errors.append("")
            return
        column = LABELS.get(key, HEADERS.get(key, (key,))[0])
        self.diff.errors.append(
            _("{name}, sheet {sheet}, row {row}, column {column}: {message}").format(
                name=self.name, sheet=self.sheet_title, row=row, column=column, message=message
            )
        )

    def warning(self, row: int, key: str, message: str) -> None:
        if self.diff.warnings.full:
            self.diff.warnings.append("")
            return
        column = LABELS.get(key, key)
        self.diff.warnings.append(
            _("{name}, sheet {sheet}, row {row}, column {column}: {message}").format(
                name=self.name, sheet=self.sheet_title, row=row, column=column, message=message
            )
        )

    def closest(self, value: str, choices) -> str:
        if self.diff.errors.full:  # the hint would not be shown; it costs a comparison a name
            return ""
        close = difflib.get_close_matches(value, list(choices), n=3, cutoff=0.4)
        return _(" Did you mean: {names}?").format(names="、".join(close)) if close else ""

    def departments_in(self, row: int, key: str, value: str, *, allow_groups: bool):
        names, groups = split_department_list(value)
        # A registered department whose name reads like a collective term (技术服务部门) is
        # that department.
        names += [g for g in groups if _compact(g) in self.departments]
        groups = [g for g in groups if _compact(g) not in self.departments]
        resolved = []
        for name in names:
            canonical = self.departments.get(_compact(name))
            if canonical is None:
                hint = self.closest(name, self.department_choices)
                self.problem(
                    row, key, _("no department is called “{value}”.").format(value=name) + hint
                )
            elif canonical not in resolved:
                resolved.append(canonical)
        found_groups = []
        for group in groups:
            if not allow_groups:
                self.problem(
                    row,
                    key,
                    _("“{value}” is a collective term; put it under 配合部门.").format(value=group),
                )
                continue
            known = self.groups.get(_compact(group))
            if known is None and len(group) > GROUP_NAME_LENGTH:
                self.problem(row, key, too_long_group(group))
                continue
            if known is None and is_group(group):
                self.warning(
                    row,
                    key,
                    _("“{value}” is a new collective term and will be added.").format(value=group),
                )
                known = group
            found_groups.append(known or group)
        return resolved, found_groups


GROUP_NAME_LENGTH = DepartmentGroup._meta.get_field("name").max_length


def too_long_group(name: str) -> str:
    return _("“{start}…” has {length} characters; a collective term has at most {limit}.").format(
        start=name[:20], length=len(name), limit=GROUP_NAME_LENGTH
    )


def _find_header(rows: Iterable[tuple]) -> tuple[int, dict[str, int]] | None:
    for row_index, row in enumerate(rows, start=1):
        columns: dict[str, int] = {}
        for col_index, value in enumerate(row):
            title = _compact(value)
            for key, labels in HEADERS.items():
                if key not in columns and any(title == _compact(label) for label in labels):
                    columns[key] = col_index
                    break
        if "text" in columns:
            return row_index, columns
    return None


# Column titles of task-split tables written elsewhere (issue 12), recognised only to tell the
# uploader that such a table creates a plan rather than edits one.
OTHER_TABLE_HEADERS = (
    "重点工作", "工作任务", "主要任务", "具体任务", "工作举措", "责任目标", "任务内容", "牵头单位",
    "牵头部门", "主要责任单位", "责任单位", "责任部门", "责任主体", "配合单位", "配合部门",
    "协同配合单位", "协办单位", "责任领导", "分管领导", "责任校领导", "完成时限", "完成时间",
    "时间节点", "预期成果",
)  # fmt: skip
_OTHER_HEADERS = {_compact(h) for h in OTHER_TABLE_HEADERS}
_ID_HEADERS = {_compact(h) for h in HEADERS["id"]}


def _has_id_column(rows: Iterable[tuple]) -> bool:
    return any(_compact(value) in _ID_HEADERS for row in rows for value in row)


def _looks_like_task_table(rows: Iterable[tuple]) -> bool:
    """Return whether a row names at least two columns of a task-split table."""
    return any(sum(_compact(v) in _OTHER_HEADERS for v in row) >= 2 for row in rows)


def is_task_table_export(data: bytes, name: str) -> bool:
    """Return whether the workbook in `data` is a task table exported by this system (its
    header has the hidden “系统编号” column), as opposed to a task-split table written
    elsewhere. A file that cannot be read as a workbook is not one."""
    try:
        sheet = read_sheet(
            data, name, prefer=SHEET_TITLE, max_rows=MAX_TABLE_ROWS, max_cells=MAX_TABLE_CELLS
        )
        return _has_id_column(itertools.islice(sheet.rows, HEADER_ROWS))
    except WorkbookRefused:
        return False


def not_an_export(name: str, sheet: str) -> str:
    return _(
        "{name}, sheet {sheet}: this is not a task table exported from this system (it has no "
        "“系统编号” column), so its rows cannot be matched to this plan's tasks. To create a new "
        "plan from it, upload it under “Import a work plan document” on the Work plans page (or "
        "run `workplan import`). To edit this plan in Excel, export its task table, edit the "
        "exported file and upload that here."
    ).format(name=name, sheet=sheet)


def read_table(data: bytes, name: str, plan: Plan) -> TableDiff:
    """Return how the uploaded table differs from `plan`, or the problems that stop it."""
    diff = TableDiff()
    if len(data) > MAX_TABLE_BYTES:
        diff.errors.append(_("{name}: the file is larger than 10 MB.").format(name=name))
        return diff
    try:
        # Values only: a key point merged over its tasks' rows is read from its first row and
        # carried down (see _sheet_rows), so merged cells need no full, styled load.
        sheet = read_sheet(
            data, name, prefer=SHEET_TITLE, max_rows=MAX_TABLE_ROWS, max_cells=MAX_TABLE_CELLS
        )
        first = list(itertools.islice(sheet.rows, HEADER_ROWS))
    except SheetTooLong as refused:
        diff.errors.append(too_many_rows(refused))
        return diff
    except WorkbookRefused as refused:
        diff.errors.append(str(refused))
        return diff
    header = _find_header(first)
    if not _has_id_column(first) and (header is not None or _looks_like_task_table(first)):
        diff.errors.append(not_an_export(name, sheet.title))
        return diff
    if header is None:
        diff.errors.append(
            _(
                "{name}, sheet {sheet}: no header row with a “具体任务” column in the first ten rows."
            ).format(name=name, sheet=sheet.title)
        )
        return diff
    header_row, columns = header
    if "id" not in columns:
        diff.errors.append(
            _(
                "{name}, sheet {sheet}: the hidden column “系统编号” is missing, so rows cannot be matched "
                "to tasks. Please edit a table exported from this system."
            ).format(name=name, sheet=sheet.title)
        )
        return diff
    rows = itertools.chain(first[header_row:], sheet.rows)
    reader = _Reader(plan, name, sheet.title)
    current = {row.task.pk: row for row in table_rows(plan)}
    reader.diff.task_count = len(current)
    try:
        rows = _sheet_rows(reader, rows, header_row, columns, current)
    except WorkbookRefused as refused:
        return TableDiff(errors=[str(refused)])
    rows = _match_by_text(reader, rows, current)
    seen = {row.task_id for row in rows if row.task_id is not None}
    for row in rows:
        _compare_row(reader, row, columns, current.get(row.task_id) if row.task_id else None)
    reader.diff.removed = [row for pk, row in current.items() if pk not in seen]
    if reader.diff.errors:
        reader.diff.added, reader.diff.changed, reader.diff.removed = [], [], []
    reader.diff.removed_work = recorded_work(row.task.pk for row in reader.diff.removed)
    return reader.diff


@dataclass
class _SheetRow:
    """A non-blank row of the sheet: its cells, the key point above it, and the task it names."""

    number: int
    cells: dict[str, str]
    key_point: KeyPoint | None
    task_id: int | None
    bad_id: str = ""  # a 系统编号 that names no task of this plan


def too_many_rows(refused: SheetTooLong) -> str:
    if refused.cells:
        return _(
            "{name}, sheet {sheet}: more than {limit} cells hold values; a task table may have "
            "at most {limit}. Is this the plan's task table?"
        ).format(name=refused.name, sheet=refused.sheet, limit=refused.limit)
    return _(
        "{name}, sheet {sheet}: more than {limit} rows hold values; a task table may have at "
        "most {limit} rows (tasks, key points and headings). Is this the plan's task table?"
    ).format(name=refused.name, sheet=refused.sheet, limit=refused.limit)


def _sheet_rows(
    reader: _Reader, sheet_rows: Iterable[tuple], header_row: int, columns, current
) -> list[_SheetRow]:
    """Return the sheet's rows below the header with the task each one's 系统编号 names, if it
    names one."""
    rows: list[_SheetRow] = []
    seen: dict[int, int] = {}
    key_point: KeyPoint | None = None
    for row_number, values in enumerate(sheet_rows, start=header_row + 1):
        if not any(_text(v) for v in values):
            continue
        cells = {k: _text(values[i]) if i < len(values) else "" for k, i in columns.items()}
        label = cells.get("key_point", "")
        if label:
            key_point = _key_point_from(label, reader.key_points) or key_point
        code = _compact(cells.get("code", ""))
        if code and re.match(r"^\d+\.", code):
            key_point = reader.key_points.get(int(code.split(".")[0]), key_point)
        raw_id = _compact(cells.get("id", ""))
        task_id = int(raw_id) if raw_id.isdecimal() else None
        if task_id is not None and task_id in seen:
            reader.problem(
                row_number,
                "id",
                _(
                    "the same task is also on row {other}; copied rows must leave “系统编号” empty."
                ).format(other=seen[task_id]),
            )
            continue
        bad_id = ""
        if raw_id and (task_id is None or task_id not in current):
            bad_id, task_id = raw_id, None  # matched by its words below, or refused
        if task_id is not None:
            seen[task_id] = row_number
        if not cells.get("text"):
            reader.problem(
                row_number, "text", _("the task is empty; delete the row to remove a task.")
            )
            continue
        rows.append(_SheetRow(row_number, cells, key_point, task_id, bad_id))
    return rows


def _match_by_text(reader: _Reader, rows: list[_SheetRow], current) -> list[_SheetRow]:
    """Return the rows, a row whose 系统编号 was cleared or mangled given the task whose words it
    repeats exactly, so an edit of that cell does not delete the task (and its reports) and add
    it again; a mangled one that repeats no task's words is refused."""
    named = {row.task_id for row in rows if row.task_id is not None}
    by_text: dict[str, list] = {}
    for pk, table_row in current.items():
        if pk not in named:
            by_text.setdefault(_compact(table_row.text), []).append(table_row)
    kept = []
    for row in rows:
        kept.append(row)
        if row.task_id is not None:
            continue
        candidates = by_text.get(_compact(row.cells["text"]), [])
        if len(candidates) > 1 and row.key_point is not None:
            candidates = [c for c in candidates if c.task.key_point_id == row.key_point.pk]
        if len(candidates) == 1:
            found = candidates[0]
            by_text[_compact(row.cells["text"])].remove(found)
            row.task_id = found.task.pk
            reader.warning(
                row.number,
                "id",
                _(
                    "“系统编号” is empty or wrong; the row is taken as task {code}, whose words "
                    "it repeats."
                ).format(code=found.code),
            )
        elif row.bad_id.isdecimal():
            kept.pop()
            reader.problem(
                row.number,
                "id",
                _("task number {value} does not belong to this plan.").format(value=row.bad_id),
            )
        elif row.bad_id:
            kept.pop()
            reader.problem(
                row.number, "id", _("“{value}” is not a task number.").format(value=row.bad_id)
            )
    return kept


def _compare_row(reader: _Reader, row: _SheetRow, columns, existing: TableRow | None) -> None:
    """Add the row to the diff as a new task or as the changes to `existing`."""
    row_number, plan = row.number, reader.plan

    def cell(key: str) -> str:
        return row.cells.get(key, "")

    text = cell("text")
    row_key_point = existing.task.key_point if existing else row.key_point
    if row_key_point is None:
        reader.problem(
            row_number, "key_point", _("cannot tell which key point this new task belongs to.")
        )
        return
    leader = None
    leader_name = cell("leader") if "leader" in columns else (existing.leader if existing else "")
    if leader_name:
        leader = reader.leaders.get(_compact(leader_name))
        if leader is None:
            hint = reader.closest(
                leader_name, sorted({u.display_name for u in reader.leaders.values()})
            )
            reader.problem(
                row_number,
                "leader",
                _("no school leader is called “{value}”.").format(value=leader_name) + hint,
            )
    lead_cell = (
        cell("lead") if "lead" in columns else ("、".join(existing.lead) if existing else "")
    )
    co_cell = cell("co") if "co" in columns else (existing.cells()["co"] if existing else "")
    lead, _groups = reader.departments_in(row_number, "lead", lead_cell, allow_groups=False)
    co, groups = reader.departments_in(row_number, "co", co_cell, allow_groups=True)
    deadline = (
        cell("deadline") if "deadline" in columns else (existing.deadline if existing else "")
    )
    changed = existing is None or deadline != existing.deadline  # old flags are on the page
    reading = parse_deadline(deadline, plan.year)
    if deadline and changed and reading.impossible:  # 2021-13-45: a slip, not a deadline
        reader.problem(
            row_number,
            "deadline",
            _("“{value}” is not a date that exists; check the year, month and day.").format(
                value=deadline
            ),
        )
    elif deadline and changed and not reading.understood:
        reader.warning(
            row_number,
            "deadline",
            _(
                "“{value}” is not a date this system can read; it is kept as written and flagged."
            ).format(value=deadline),
        )
    values = RowValues(
        row=row_number,
        key_point=row_key_point,
        text=text,
        leader=leader,
        lead=lead,
        co=[c for c in co if c not in lead],
        groups=groups,
        deadline=deadline,
        outcome=cell("outcome") if "outcome" in columns else (existing.outcome if existing else ""),
        note=cell("note") if "note" in columns else (existing.note if existing else ""),
    )
    if existing is None:
        reader.diff.added.append(values)
        return
    before, after = existing.cells(), values.cells()
    changes = [(LABELS[k], before[k], after[k]) for k in after if before[k] != after[k]]
    if changes:
        reader.diff.changed.append(ChangedTask(existing, values, changes))


def _key_point_from(label: str, key_points: dict[int, KeyPoint]) -> KeyPoint | None:
    match = re.match(r"^\s*([一二三四五六七八九十百]+)[、.．]", label)
    if match:
        return key_points.get(chinese_number(match.group(1)))
    match = re.match(r"^\s*(\d+)[、.．]", label)
    if match:
        return key_points.get(int(match.group(1)))
    compact = _compact(label)
    return next((kp for kp in key_points.values() if _compact(kp.title) == compact), None)
