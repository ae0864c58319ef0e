"""Read a task table (任务分解表): one task per row, its units in their own columns.

The header row names the columns (序号, 重点工作, 牵头单位, 配合单位, 责任领导, 完成时限…, with
the synonyms offices use). Rows spanning the table (`一、…`) or numbered categories whose tasks
are numbered beneath them (`1、…` over `1.1`, `1.2`) are sections: they become key points. A unit
or deadline cell left empty, or missing, under a row that had one was merged over several rows
in the original, and is inherited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations

from .model import ParsedTask
from .responsibility import (
    CO_LABELS,
    DEADLINE_LABELS,
    LEAD_LABELS,
    LEADER_LABELS,
    LEADS_OPENING_RE,
    OTHER_LABELS,
    PLAIN_LABELS,
    TITLES,
    cell_annotation,
    names_units,
    parse_annotation,
)
from .review import looks_like_person

TableRows = list[list[str]]

# A column naming the task. When two are present (重点工作 | 具体任务), the first is the key point.
TASK_HEADERS = (
    "重点工作", "工作任务", "主要任务", "具体任务", "工作举措", "责任目标", "任务内容", "重点任务",
    "工作内容", "具体措施", "主要举措", "工作措施", "具体工作", "工作要点", "任务事项", "工作事项",
    "目标任务", "任务名称", "主要内容", "考核内容", "指标内容", "指标描述", "测评内容", "评价内容",
    "具体内容", "创建标准", "民生实事", "实事项目", "项目名称", "建设内容", "具体要求", "任务要求",
    "民生事项", "事项名称", "项目内容", "具体举措", "主要工作", "活动内容", "活动项目", "活动名称", "工作安排",
    "工作项目", "重点事项", "整改任务", "整改措施", "问题清单", "细化分工", "具体分工", "任务分解",
    "细化任务", "分解任务", "主要目标",
    "任务",
)  # fmt: skip
# Header words beyond the labels an annotation uses in text (responsibility.py), which every
# header accepts too: what a column of each kind may be called.
_HEADER_ONLY = {
    "co": ("协同配合单位", "协同部门", "协作部门", "协同处室", "配合"),
    "lead": ("牵头责任单位", "牵头", "主要责任"),
    "leader": ("校领导", "县领导", "区领导", "市领导", "责任人", "负责人"),
    "plain": (
        "负责处室", "组织部门", "组织单位", "归口部门", "主管部门", "承办处室", "承办股室",
        "负责股室", "实施部门", "组织者", "组织方", "主办方", "承办方", "负责方",
    ),
    "deadline": ("时间安排",),
    "outcome": ("预期目标", "考核标准", "目标要求"),
}  # fmt: skip
COLUMN_LABELS = {
    "serial": ("序号", "编号"),
    **{
        kind: tuple(dict.fromkeys([*labels, *_HEADER_ONLY.get(kind, ())]))
        for kind, labels in (
            ("co", CO_LABELS),
            ("lead", LEAD_LABELS),
            ("leader", LEADER_LABELS),
            ("plain", PLAIN_LABELS),
            ("deadline", DEADLINE_LABELS),
            ("outcome", OTHER_LABELS),
        )
    },
}
# How each column is labelled when the row is read as an annotation.
ANNOTATION_LABEL = {"lead": "牵头单位", "plain": "责任单位", "co": "配合单位", "leader": "责任领导"}
RESPONSIBLE_KINDS = ("lead", "plain", "co", "leader")
_SECTION_RE = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十百]+[部分章项类])"
)
_CATEGORY_NUMBER = re.compile(r"^(\d{1,3})[、.．](?!\d)")
_SUB_NUMBER = re.compile(r"^(\d{1,3})[.．](\d{1,3})")
_NUMBER_PREFIX = re.compile(
    r"^(?:\d{1,3}(?:[.．]\d{1,3})+(?![\d月日])[、.．]?|\d{1,3}[、.．](?!\d)"
    r"|[（(]\d{1,3}(?:[.．]\d{1,3})*[)）])"
    r"[ \t\u3000]*"
)


def _normalise(cell: str) -> str:
    return re.sub(r"[\s\u3000*]+", "", cell)


def _column_map(header: list[str]) -> dict[str, int]:
    """Return {column kind: index}; kinds are those of COLUMN_LABELS plus task and point."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(_normalise(c) for c in header):
        if not cell or len(cell) > 12:
            continue
        kind = column_kind(cell)
        if kind == "point":
            columns.setdefault("point", index)
        elif kind == "task":
            if "task" in columns and "point" not in columns:
                columns["point"] = columns["task"]
                columns["task"] = index
            elif "task" not in columns:
                columns["task"] = index
        elif kind and kind not in columns:
            columns[kind] = index
        elif kind == "plain" and not {"lead", "co"} & columns.keys():
            columns["co"] = index  # 负责单位 | 承办单位: the first unit column leads
        elif kind == "deadline" and cell.endswith(_DUE_ENDINGS):
            columns[kind] = index  # 时间节点：开始 | 完成 — the task is due when it is done
    if "task" not in columns and "outcome" in columns:
        columns["task"] = columns.pop("outcome")  # 序号 | 2022年预期目标 | 责任单位
    if "task" not in columns and "serial" not in columns and len(header) >= 3:
        # 专项整治行业名称 | 时间安排 | 责任单位: without 序号, the first column in the office's
        # own words names each row's task.
        first = _normalise(header[0])
        if (
            first
            and len(first) <= 12
            and 0 not in columns.values()
            and any(kind in columns for kind in RESPONSIBLE_KINDS)
            and not re.search(r"[\d，,。；;：:]", first)
        ):
            columns["task"] = 0
    if "task" not in columns and "serial" in columns:
        # 序号 | 民生实事 | 责任单位: the column after the number, named in the office's words.
        after = columns["serial"] + 1
        cell = _normalise(header[after]) if after < len(header) else ""
        if cell and len(cell) <= 12 and after not in columns.values():
            columns["task"] = after
    return columns


_MEASURE_HEADERS = ("单位", "计量单位", "数量单位", "指标单位")
_POINT_HEADER_ENDINGS = ("类别", "板块", "领域", "模块", "一级指标", "分类", "工作方面")
_DUE_ENDINGS = ("完成", "截止", "结束", "止", "完成时间", "截止时间", "结束时间")


def column_kind(cell: str) -> str | None:
    """Return what a header cell names: a kind of COLUMN_LABELS, "task", or None."""
    cell = _normalise(cell)
    if cell in _MEASURE_HEADERS:
        return None  # 单位 beside 年度目标 is what the target is counted in (万亩, %)
    for kind in ("serial", "leader", "co", "lead", "plain", "deadline", "outcome"):
        if any(label in cell for label in COLUMN_LABELS[kind]):
            return kind
    if any(cell.startswith(h) or cell.endswith(h) for h in TASK_HEADERS):
        return "task"
    if len(cell) <= 6 and cell.endswith(("地点", "场地", "地址", "场所")):
        return "place"  # 图书馆大厅, HSE体验馆: where it happens, though it reads like a unit
    if len(cell) <= 6 and cell.endswith(_POINT_HEADER_ENDINGS):
        return "point"  # 工作类别 | 重点任务: the category merged over its tasks is their key point
    # An office's own words for the usual columns: 分管院领导, 督查科室, 工作内容及要求.
    if len(cell) <= 8 and _LEADER_HEADER_RE.fullmatch(cell):
        return "leader"
    if (
        len(cell) <= 10
        and cell.endswith(_UNIT_HEADER_ENDINGS)
        and not cell.startswith(("各", "相关", "有关"))
    ):
        return "plain"  # not 各部门, a collective term standing alone
    if len(cell) <= 10 and _TASK_HEADER_RE.search(cell):
        return "task"
    return None


_LEADER_HEADER_RE = re.compile(
    r"(?:分管|责任|牵头|联系|包保).{0,3}(?:领导|[县区市]长|院长|校长|局长)"
)
_TASK_HEADER_RE = re.compile(r"(?:内容|任务|事项|事件|措施|举措|项目|描述)(?:及要求|及目标)?$")
_UNIT_HEADER_ENDINGS = (
    "部门",
    "单位",
    "处室",
    "科室",
    "股室",
    "部门）",
    "单位）",
    "部门)",
    "单位)",
)


def is_column_label(cell: str) -> bool:
    """Return whether `cell` is exactly one of the column names a task table's header uses."""
    cell = _normalise(cell)
    return (
        cell in TASK_HEADERS
        or any(cell in labels for labels in COLUMN_LABELS.values())
        or column_kind(cell) == "point"
    )


def is_header_row(row: list[str], *, strict: bool = False) -> bool:
    """Return whether `row` names a task table's columns: a task and who is responsible.

    With `strict`, every cell must be a known column name (used while a header is still being
    collected line by line, when a complete one is not yet required)."""
    cells = [_normalise(c) for c in row if _normalise(c)]
    if strict:
        return bool(cells) and all(len(c) <= 12 and column_kind(c) for c in cells)
    columns = _column_map(row)
    return "task" in columns and any(kind in columns for kind in RESPONSIBLE_KINDS)


def header_index(rows: TableRows) -> int | None:
    """Return the index of the header row among the first rows (title rows may come first)."""
    return next((i for i, row in enumerate(rows[:6]) if is_header_row(row)), None)


@dataclass
class TableSection:
    """A key point read from a table: a section row, or the table's own title."""

    title: str
    tasks: list[ParsedTask] = field(default_factory=list)


def read_task_table(rows: TableRows, point_number: int) -> tuple[list[ParsedTask], list[str]]:
    """Return the tasks of a table under key point `point_number`, and warnings about it.

    Section rows inside such a table give their title to the tasks beneath as `section`."""
    sections, warnings = read_table_sections(rows, f"第{point_number}条要点中的表格")
    if sections is None:
        return [], [f"第{point_number}条要点中的表格没有“任务”列，已跳过。"]
    tasks = []
    for section in sections:
        for task in section.tasks:
            task.section = task.section or section.title
            tasks.append(task)
    return tasks, warnings


def read_table_sections(
    rows: TableRows, where: str = "表格"
) -> tuple[list[TableSection] | None, list[str]]:
    """Return a task table's sections, each with its tasks, or None when it has no header."""
    index = header_index(rows)
    if index is None:
        return None, []
    header, below = rows[index], rows[index + 1 :]
    # 时间节点 over 开始 | 完成: a second header row names the parts of a column above it.
    while below and _continues_header(below[0], header):
        header = [
            top if not _normalise(part) or _normalise(part) == _normalise(top) else top + part
            for top, part in zip(
                header, [*below[0], *[""] * len(header)][: len(header)], strict=True
            )
        ]
        below, index = below[1:], index + 1
    # A header repeated where a printed page broke the table is no task.
    below = [row for row in below if not _repeats_header(row)]
    columns = _column_map(header)
    width = len(_trimmed(header))
    kinds = {position: kind for kind, position in columns.items()}
    aligned = [_aligned(row, width, kinds) for row in below]
    body = [row for row, _, _ in aligned]
    gaps = [gap for _, gap, _ in aligned]
    moved = [was_moved for _, _, was_moved in aligned]
    if "point" in columns and not any(_task_cell(row, columns).strip() for row in body):
        columns["task"] = columns.pop("point")  # 主要任务 | 全年目标任务 (left empty in every row)
    sections: list[TableSection] = [TableSection(title="")]
    warnings: list[str] = []
    inherited: dict[str, str] = {}
    category = ""  # the number of the category row the current tasks sit under (1、 over 1.1)
    last_point = ""
    # With section rows (一、…) across the table, they are the key points, and a key point
    # column (重点工作 beside 具体任务) groups tasks within them.
    spanning = any(
        _is_section_row(row, _task_cell(row, columns), [c for c in row if c.strip()], columns)
        for row in body
    )
    # 实事项目 | 工作举措: when every row has a first task cell of its own (none spans two rows),
    # that cell names the row's task rather than a key point over several.
    titles = _row_titles(body, columns) if "point" in columns and not spanning else None
    for offset, row in enumerate(body):
        row_number = index + 2 + offset

        def cell(key: str, row: list[str] = row) -> str:
            position = columns.get(key)
            return row[position].strip() if position is not None and position < len(row) else ""

        text = cell("task")
        filled = [c for c in row if c.strip()]
        if filled and _normalise(filled[0]).startswith(("合计", "小计", "总计", "共计")):
            continue  # 合计 | 3项: a count of the rows above, no task
        if _is_section_row(row, text, filled, columns):
            # 一、 | 深化教育教学改革: the number in the 序号 column, the title in another cell.
            title = (text or next((c for c in filled if _section_title(c)), filled[0])).strip()
            sections.append(TableSection(title=_section_title(title)))
            inherited = {}
            continue
        if not text:
            continue
        number = _CATEGORY_NUMBER.match(_normalise(text))
        next_text = _task_cell(body[offset + 1], columns) if offset + 1 < len(body) else ""
        sub = _SUB_NUMBER.match(_normalise(next_text))
        if number and sub and sub.group(1) == number.group(1):
            # 1、宣传氛围 over 1.1, 1.2…: a category; its unit and deadline cells span its tasks.
            sections.append(TableSection(title=_section_title(text)))
            category = number.group(1)
            inherited = {key: cell(key) for key in (*RESPONSIBLE_KINDS, "deadline") if cell(key)}
            continue
        if category and not ((m := _SUB_NUMBER.match(_normalise(text))) and m.group(1) == category):
            category = ""
        point = "" if titles else cell("point")
        if point and point != last_point and "point" in columns and not spanning:
            sections.append(TableSection(title=_section_title(point)))
            last_point = point
        values = {}
        for key in (*RESPONSIBLE_KINDS, "deadline"):
            position = columns.get(key)
            # A cell missing from a short row was merged over several rows in the original.
            missing = position is not None and (position >= len(row) or position in gaps[offset])
            # The last row short of cells is where a copy was cut off, not a merge.
            cut = missing and offset == len(body) - 1 and not category
            values[key] = inherited.get(key, "") if missing and not cut else cell(key)
        if not category:
            inherited = {k: v for k, v in values.items() if v}
        # 年底前（考核办具体落实）: a deadline cell naming the unit that carries the work out.
        named = _DEADLINE_UNITS_RE.search(values["deadline"])
        if named and names_units(named["units"]):
            values["deadline"] = values["deadline"][: named.start()].strip()
            key = "co" if values["lead"] or values["plain"] else "plain"
            values[key] = "、".join(filter(None, [values[key], named["units"]]))
        task_text = _task_text(text)
        if titles and cell("point") and not task_text.startswith(cell("point")):
            task_text = f"{_task_text(cell('point')).rstrip('。；;')}：{task_text}"
        parts = [
            # 办公室牵头，各科室配合 in a unit column: the cell says itself who leads.
            cell_annotation(values[key]) or f"{ANNOTATION_LABEL[key]}：{values[key]}"
            for key in ANNOTATION_LABEL
            if values[key]
        ]
        task = ParsedTask(
            text=task_text,
            deadline=values["deadline"].replace("\n", " "),
            outcome=_task_text(cell("outcome")),
        )
        if spanning and point:
            task.section = _section_title(point)
        if parts:
            task.responsibility, _ = parse_annotation("；".join(parts))
        else:
            task.warnings.append("没有填写责任单位。")
            warnings.append(f"{where}第{row_number}行没有填写责任单位。")
        if moved[offset]:
            task.warnings.append("这一行的单元格数与表头不同，已按各格的内容对齐各列，请核对。")
        sections[-1].tasks.append(task)
    if body and 1 < len(body[-1]) < width and sections[-1].tasks:
        warnings.append(f"{where}的最后一行不完整，文档可能在表格中途被截断。")
        sections[-1].tasks[-1].warnings.append("这一行不完整（表格可能在这里被截断），请核对。")
    elif (
        body
        and len(body[-1]) == 1
        and sections[-1].tasks[-1:]
        and (sections[-1].tasks[-1].responsibility is None)
    ):
        warnings.append(f"{where}的最后一行不完整，文档可能在表格中途被截断。")
    return [s for s in sections if s.tasks or s.title], warnings


# What a second header row calls the parts of a column: 时间节点 over 开始 | 完成.
_SUB_LABELS = (
    "开始", "完成", "起", "止", "启动", "截止", "结束", "开始时间", "完成时间", "截止时间",
    "起始时间", "结束时间", "计划", "目标", "牵头", "配合", "单位", "部门", "领导",
)  # fmt: skip


def _continues_header(row: list[str], header: list[str]) -> bool:
    """Return whether `row` is the second row of a two-row header: under the first, nothing but
    the parts of its columns (开始 | 完成) and, where cells were merged down, the same names."""
    cells = [(i, _normalise(c)) for i, c in enumerate(row) if _normalise(c)]
    above = [_normalise(c) for c in header]
    parts = [c for i, c in cells if i >= len(above) or c != above[i]]
    return bool(parts) and all(c in _SUB_LABELS or is_column_label(c) for c in parts)


def _repeats_header(row: list[str]) -> bool:
    cells = [_normalise(c) for c in row if _normalise(c)]
    return len(cells) >= 2 and all(c in _SUB_LABELS or is_column_label(c) for c in cells)


def _row_titles(body: TableRows, columns: dict[str, int]) -> bool:
    """Return whether the key point column holds a title of each row's own: filled in every row
    with a task, never the same in two."""
    position, task = columns["point"], columns["task"]
    cells = [
        row[position].strip() if position < len(row) else ""
        for row in body
        if task < len(row) and row[task].strip()
    ]
    return len(cells) >= 2 and all(cells) and len(set(cells)) == len(cells)


def _trimmed(row: list[str]) -> list[str]:
    filled = len(row)
    while filled and not row[filled - 1].strip():
        filled -= 1
    return row[:filled]


def _aligned(row: list[str], width: int, kinds: dict[int, str]) -> tuple[list[str], set[int], bool]:
    """Return a row whose cells do not match the header's, with its cells where they best fit
    their columns — a person under the leader, units under units — where its empty places
    are, and whether it was moved. A row one or two cells short (a copy dropped cells that were
    empty or merged; `| |` at a copied row's end leaves their place empty) gets empty cells; a
    row one or two cells longer begins with cells merged over several rows whose column the
    header left out (a week's dates over its tasks), and loses them. Only when, read as it
    stands, a sentence or a person sits under a unit column, or units sit under the task and
    nowhere else: a row that reads right is never moved."""
    filled = len(_trimmed(row))
    missing = width - filled
    if missing not in (-2, -1, 1, 2) or width < 3 or filled < 2:
        return row, set(), False
    fits = [_fit(cell, kinds.get(i)) for i, cell in enumerate(row[:width])]
    watched = (*RESPONSIBLE_KINDS, "serial")
    misfit = any(fit < 0 and kinds.get(i) in watched for i, fit in enumerate(fits))
    # Units under the task and none under the unit columns (a task may end like a unit's name,
    # 建设省级重点实验室, beside its own units).
    stray = any(
        fit < 0 and kinds.get(i) in ("task", "point") for i, fit in enumerate(fits)
    ) and not any(fit > 0 and kinds.get(i) in RESPONSIBLE_KINDS for i, fit in enumerate(fits))
    if not misfit and not stray:
        return row, set(), False

    def score(cells: list[str]) -> int:
        return sum(_fit(cell, kinds.get(i)) for i, cell in enumerate(cells))

    if missing < 0:
        candidate = row[filled - width : filled]
        if score(candidate) > sum(fits):
            return candidate, set(), True
        return row, set(), False
    best, best_gaps, best_score = row, set(), sum(fits)
    for gaps in combinations(range(width), missing):
        cells = iter(row[:filled])
        candidate = ["" if i in gaps else next(cells) for i in range(width)]
        if score(candidate) > best_score:
            best, best_gaps, best_score = candidate, set(gaps), score(candidate)
    return best, best_gaps, bool(best_gaps)


def _fit(cell: str, kind: str | None) -> int:
    """Return how well `cell` fits a column of `kind`: 1 well, -1 not at all, 0 either way."""
    content = cell_content(cell)
    if content == "empty":
        return 0
    if kind == "serial":
        return 1 if content == "number" else -1
    if content == "number":
        return -1
    if kind == "leader":
        return 1 if content == "person" else -1
    if kind in RESPONSIBLE_KINDS:
        return 1 if content == "units" else -1
    if kind in ("task", "point"):
        return -1 if content in ("person", "units") else 1
    if kind == "deadline":
        return 1 if content == "date" else -1 if content in ("person", "units") else 0
    return 0


# A deadline cell's words: 12月底前, 2024年6月, 年底前, 长期坚持, 9月投入使用.
_DEADLINE_CELL = re.compile(
    r"^(?:(?:19|20)\d{2}年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
    r"|^(?:(?:19|20)\d{2}年)?(?:年底|年内|全年|长期|持续|每[年月季]|[上下]半年|第[一二三四]季度)"
)
# A cell naming who answers for a row by office: 各分会主席, 代表团团长.
_ROLE_ENDINGS = ("主席", "团长", "主任", "组长", "书记", "部长", "处长", "院长", "校长", "老师")


_TITLED_PERSON_RE = re.compile(
    rf"[\u4e00-\u9fff]{{0,8}}(?:{'|'.join(TITLES)})[ \t\u3000]*[\u4e00-\u9fff]{{2,3}}"
)


def is_deadline_cell(cell: str) -> bool:
    return len(cell) <= 24 and not cell.endswith("。") and bool(_DEADLINE_CELL.match(cell))


_DEADLINE_UNITS_RE = re.compile(
    r"[（(](?P<units>[^（）()]{2,30}?)"
    r"(?:(?:具体|牵头|负责)?(?:落实|负责|实施|配合|协助|保障|牵头)[\u4e00-\u9fff]{0,4})?[)）]\s*$"
)


def cell_content(cell: str) -> str:
    """Return what a table cell holds, by its words alone: "empty", "number", "role" (各分会主席),
    "date", "person", "units" (or a cell saying who leads: 办公室牵头，各科室配合) or "text"."""
    cell = cell.strip()
    if not cell:
        return "empty"
    if re.fullmatch(r"\d{1,4}", cell):
        return "number"
    if cell.endswith(_ROLE_ENDINGS) and len(cell) <= 10:
        return "role"
    if is_deadline_cell(cell) or re.match(r"^(?:\d{1,2}月)?\d{1,2}日", cell):
        return "date"
    if looks_like_person(re.sub(r"\s+", "", cell)) or _TITLED_PERSON_RE.fullmatch(cell):
        return "person"  # 李明; 局长 韩冰
    if cell.endswith(("。", "！")) or cell.startswith(_TASK_VERBS) or re.search('[“”《》"]', cell):
        return "text"  # 建成县残疾人综合服务中心。: a task ending like a unit's name
    if len(cell) <= 40 and (names_units(cell) or cell_annotation(cell)):
        return "units"
    leading = LEADS_OPENING_RE.match(cell)
    if leading and names_units(leading["units"]):
        return "units"  # 市发改委牵头，市住建局等…: a cut-off cell still says who leads
    return "text"


# What a task's words open with, never a unit's name.
_TASK_VERBS = (
    "建成", "新建", "启动", "开工", "完成", "加快", "实施", "开展", "完善", "加强", "提升", "举办",
    "召开", "制定", "修订", "打造", "创建", "确保", "做好",
)  # fmt: skip


def _task_cell(row: list[str], columns: dict[str, int]) -> str:
    position = columns.get("task")
    return row[position] if position is not None and position < len(row) else ""


def _is_section_row(row: list[str], text: str, filled: list[str], columns) -> bool:
    """A row holding one text across the table (or 一、/（一） in the 序号 column) is a section."""
    if not filled:
        return False
    serial = columns.get("serial")
    if serial is not None and serial < len(row):
        number = _normalise(row[serial])
        if _SECTION_RE.match(number) or re.fullmatch("[一二三四五六七八九十]+", number):
            return True  # 一、 or a bare 一 in the 序号 column
    distinct = {_normalise(c) for c in filled}
    spans = len(row) == 1 or (len(filled) >= 2 and len(distinct) == 1)
    if len(filled) == 1 and _normalise(filled[0]) == _normalise(row[0]) and len(row) > 2:
        spans = True  # one text in the first cell, the rest of the row empty
    first = _normalise(text or filled[-1])
    short_heading = len(first) <= 30 and first[-1:] not in "。；;，,！？"
    return spans and (bool(_SECTION_RE.match(first)) or short_heading)


def _section_title(text: str) -> str:
    text = re.sub(r"\s*\n\s*", "", text).strip()
    text = _SECTION_RE.sub("", text)
    return _NUMBER_PREFIX.sub("", text).strip(" ：:。")


def _task_text(text: str) -> str:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return ""
    joined = lines[0]
    for line in lines[1:]:
        # Sub-items one per line read as a list within the task.
        joined += line if joined[-1:] in "，、：:；;。" else "；" + line
    return _NUMBER_PREFIX.sub("", joined, count=1).strip()
