"""Turn a document's text into a ParsedPlan: header, preamble, key points, tasks, annotations."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum

from .flat import GLUED_HEADER, SPACED_HEADER, unflatten_tables
from .header import (
    NO_ORGANIZATION,
    NO_YEAR,
    TITLE_WORDS,
    YEAR_RE,
    publisher,
    read_header,
    strip_furniture,
)
from .model import (
    AliasProposal,
    ParsedDepartment,
    ParsedPlan,
    ParsedPoint,
    ParsedTask,
    ParseError,
    Responsibility,
)
from .names import resolve_names
from .readers import TABLE_MARK_RE, Document
from .responsibility import (
    BRACKETED_START_RE,
    LABEL_ALTERNATIVES,
    SHORT_BRACKET_RE,
    UNITS_BRACKET_RE,
    find_annotations,
    is_unit,
    move_leading_units,
    names_units,
    parse_annotation,
    short_annotation,
    units_bracket,
)
from .review import flag_items
from .script import in_simplified, strip_pinyin, write_as_original
from .tables import TableRows, header_index, read_table_sections, read_task_table
from .unit_headings import (
    LEADS_FROM_HEADINGS,
    UNITS_FROM_HEADINGS,
    assign_unit_headings,
    without_other_names,
)
from .wrapping import (
    break_run_on_fields,
    break_run_on_items,
    drop_page_numbers,
    join_label_lines,
    unwrap_lines,
)

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}  # fmt: skip
CN_NUMERAL = "[一二三四五六七八九十百零〇两]+"
# Emphasis (markdown **…**, bold runs in .docx) is kept as this mark until the key point
# titles are found, because a bold opening phrase is the title even without a full stop.
EMPHASIS = "\ue000"
POINT_HEADING_RE = re.compile(
    rf"(?m)^[ \t\u3000]*({EMPHASIS})?(?:({CN_NUMERAL})[、.．]|第({CN_NUMERAL})条[\s\u3000：:]*)"
)
SENTENCE_END = "。！？!?"
QUOTE_PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "【": "】", "「": "」"}
LIST_MARKER_RE = re.compile(
    rf"^[ \t\u3000]*(?:[（(]{CN_NUMERAL}[)）]|[（(]\d{{1,2}}[)）]|\d{{1,2}}[.．、](?!\d)|[①-⑳]"
    # 1.1.1 制定…, 2.3 推进…: numbered by level (not 1.5万人次).
    r"|\d{1,2}(?:[.．]\d{1,2}){2,3}(?=[ \t\u3000]*[\u4e00-\u9fff])|\d{1,2}[.．]\d{1,2}(?=[ \t\u3000]+[\u4e00-\u9fff]))"
    r"[ \t\u3000]*"
)
_LIST_MARKER_AT = re.compile(LIST_MARKER_RE.pattern.removeprefix("^"))  # with match(text, pos)
_NON_SPACE = re.compile(r"\S")
# The real plans hold at most 63 tasks, a large one a few hundred: 5,000 is no 工作要点, and
# every task becomes a row of the preview page and of the plan.
MAX_PLAN_TASKS = 5_000
# More units than any institution has: lists of names by the thousand, not a plan.
MAX_PLAN_DEPARTMENTS = 1_000


def chinese_number(text: str) -> int:
    """Return the value of a Chinese numeral such as 十二 or 二十三 (up to 999)."""
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = CN_DIGITS[char]
    return total + current


class _TooManyTasks(Exception):
    """One stretch of a key point holds more sentences than a plan holds tasks."""


@dataclass
class _Heading:
    number: int
    start: int
    body_start: int
    emphasised: bool


# 【牵头部门】党委办公室【配合部门】校长办公室: labels in black brackets instead of colons.
_BOXED_LABEL_RE = re.compile(rf"【({LABEL_ALTERNATIVES})】")


def _boxed_label(match: re.Match) -> str:
    before = match.string[match.start() - 1] if match.start() else "\n"
    return f"{'' if before in '。；;\n' else '；'}{match.group(1)}："


class _Inline(IntEnum):
    """Which clauses inside sentences count as annotations: none, in a document that annotates
    its tasks; 由A牵头 and A、B按职责分工负责, in one that does not; and also a unit as the subject
    of what is done (后勤处做好…), in one that has no task table either (a covering notice's
    请各单位认真抓好落实 over a table is no task)."""

    NONE = 0
    CLAUSES = 1
    ACTING = 2


def parse_document(document: Document, registry: Mapping[str, str] | None = None) -> ParsedPlan:
    """Return the plan written in `document`; names resolve against `registry` (name → canonical)."""
    warnings: list[str] = list(document.notes)
    original = document
    document = simplified = in_simplified(document, warnings)
    tables = list(document.tables)
    # Furniture first: a lone 附件2 line between two flattened tables is not a cell.
    # A document copied into one line is cut at its numbers before its furniture is removed:
    # its 当前位置 breadcrumb would otherwise take the whole line with it.
    cleaned = _clean(document.text)
    broken = break_run_on_items(cleaned)
    if broken != cleaned:
        warnings.append("文档像是整篇复制在一行中，已按编号重新分段，请核对。")
    text, dated_years = strip_furniture(broken)
    unwrapped = unwrap_lines(text)
    if unwrapped != text:
        warnings.append("文本像是从PDF复制的，被页面行宽截断的行已重新接续，请核对。")
    text = join_label_lines(drop_page_numbers(unflatten_tables(unwrapped, tables)))
    text = move_leading_units(break_run_on_fields(_BOXED_LABEL_RE.sub(_boxed_label, text)))
    if any(rows and rows[0] is GLUED_HEADER for rows in tables):
        warnings.append(
            "文中的表格在复制时丢失了单元格分隔，已按序号和行末的单位名称拆分各行，请核对。"
        )
    if any(rows and rows[0] is SPACED_HEADER for rows in tables):
        warnings.append(
            "文中的表格以空格分列，已按各格的内容读取领导和责任单位（第一个单位为牵头单位），请核对。"
        )
    if not _names_units_anywhere(without_other_names(text).replace(EMPHASIS, "")):
        assigned = assign_unit_headings(text)
        if assigned != text:
            warnings.append(UNITS_FROM_HEADINGS)
        text = assigned
    else:
        # (一)省审计厅牵头的工作 / 1.… / 协同单位：…: the heading names the items' lead.
        assigned = assign_unit_headings(text, leads_only=True)
        if assigned != text:
            warnings.append(LEADS_FROM_HEADINGS)
        text = assigned
    document = Document(name=document.name, text=text, tables=tables)
    # Clauses such as 由教务处牵头 count only in a document that has no annotation otherwise.
    if _names_units_anywhere(text.replace(EMPHASIS, "")):
        inline = _Inline.NONE
    else:
        inline = _Inline.CLAUSES if _has_task_table(text, tables) else _Inline.ACTING
    headings = _plan_headings(text, tables, inline)
    if headings:
        start = headings[0].start
        points = _read_points(headings, text, document, warnings, inline)
    else:
        start, points = _read_without_points(text, document, warnings, inline)
    if not any(point.tasks or _assigned(point) for point in points):
        raise ParseError(
            f"{document.name}：没有找到编号的工作要点（如“一、”“二、”或“第一条”），"
            "也没有找到标注了责任单位的任务或任务分解表，无法识别为工作要点文档。"
        )
    header = text[:start].replace(EMPHASIS, "")
    title, organization, org_aliases, year, preamble = read_header(header, warnings)
    if not organization and (organization := publisher(simplified.text)):
        warnings[:] = [w for w in warnings if w != NO_ORGANIZATION]
    if year is None and dated_years:
        year = dated_years[0]
        warnings[:] = [w for w in warnings if w != NO_YEAR]
        warnings.append(f"标题中没有年度，已按文中的发布日期读作{year}年，请核对。")
    for number, point in enumerate(points, start=1):
        point.number = number
        point.title = point.title or title or "工作任务"
        if point.responsibility is None and any(t.responsibility is None for t in point.tasks):
            warnings.append(f"第{number}条要点“{point.title}”没有标注责任部门。")
        if not point.tasks:
            warnings.append(f"第{number}条要点“{point.title}”没有具体任务。")
    _warn_if_cut_short(points, warnings)
    _drop_cut_name(points, text, warnings)
    named = {n for p in points for r in _responsibilities_of(p) for n in r.department_names()}
    if len(named) > MAX_PLAN_DEPARTMENTS:
        raise ParseError(
            f"{document.name}：文中列出的部门和单位超过 {MAX_PLAN_DEPARTMENTS} 个"
            f"（共 {len(named)} 个），一份工作要点没有这么多，请检查是否选错了文件。"
        )
    departments, proposals = _resolve_departments(points, registry, warnings)
    flag_items(points)
    plan = ParsedPlan(
        title=title,
        organization=organization,
        organization_aliases=org_aliases,
        year=year,
        preamble=preamble,
        points=points,
        departments=departments,
        warnings=warnings,
        proposals=proposals,
        source_digest=original.digest(),
    )
    if simplified is not original:
        write_as_original(plan, original, simplified)
    return plan


def _read_points(
    headings: list[_Heading], text: str, document: Document, warnings: list[str], inline: _Inline
) -> list[ParsedPoint]:
    points: list[ParsedPoint] = []
    tasks = 0
    for index, heading in enumerate(headings):
        end = headings[index + 1].start if index + 1 < len(headings) else len(text)
        body = text[heading.body_start : end]
        try:
            points.append(_read_point(heading, body, document, warnings, inline))
            if not inline:
                _read_clauses(points[-1])
            else:
                _join_clause_sentences(points[-1])
            tasks += len(points[-1].tasks)
        except _TooManyTasks:
            tasks = MAX_PLAN_TASKS + 1
        if tasks > MAX_PLAN_TASKS:
            raise _too_many(document.name, heading.number)
    return _drop_unassigned_edges(points, warnings)


def _names_units_anywhere(text: str) -> bool:
    """Return whether the text annotates a unit anywhere: a field naming only people (a
    leadership group's 荆州校区负责人：张晨露) annotates no task."""
    for annotation in find_annotations(text):
        resp, _ = parse_annotation(annotation.inner)
        if resp.lead or resp.co or resp.groups:
            return True
    return False


def _read_clauses(point: ParsedPoint) -> None:
    """Give a task its clause's units (由学生处牵头，…; 教务处、研究生院按职责分工负责…) when
    it has no annotation of its own, in a document that annotates elsewhere: the clause is the
    task's own statement of who does it. A sentence that is only such a clause (2.推进双创教育。
    教务处、团委按职责分工负责。) is the task's before it."""
    for task in point.tasks:
        if task.responsibility is None:
            clauses = find_annotations(task.text, inline=True)
            if clauses:
                task.responsibility, _ = parse_annotation(clauses[0].inner)
    _join_clause_sentences(point)


_CLAUSE_ONLY_RE = re.compile(
    r"(?:由)?[^，,。；;：:\n]{2,60}?(?:按照?职责分工负责|分别负责|牵头负责|负责|牵头|承办|主办)"
    r"(?:[，,、]\s*[^，,。；;：:\n]{2,60}?(?:配合|协助|协办|参与|具体实施|落实))?[。；;]?"
)


def _join_clause_sentences(point: ParsedPoint) -> None:
    """In a document whose clauses are its annotations, a sentence that only says who does
    the work (由教学办牵头，计算机系配合。) is the annotation of the task before it, when that
    task has none of its own."""
    kept: list[ParsedTask] = []
    for index, task in enumerate(point.tasks):
        before = kept[-1] if kept else None
        if (
            index == 0
            and point.responsibility is None
            and task.responsibility is not None
            and not task.section
            and len(point.tasks) > 1
            and task.text.startswith("由")
            and _CLAUSE_ONLY_RE.fullmatch(task.text)
        ):
            # 一、治理畜牧业产品污染 / 由省经贸委承办，省农业厅协办。: the key point's units.
            point.responsibility = task.responsibility
            continue
        if (
            before is not None
            and before.responsibility is None
            and task.responsibility is not None
            and before.section == task.section
            and _CLAUSE_ONLY_RE.fullmatch(task.text)
        ):
            before.responsibility = task.responsibility
            continue
        kept.append(task)
    point.tasks = kept


def _drop_cut_name(points: list[ParsedPoint], text: str, warnings: list[str]) -> None:
    """Drop the last name of a document that stops inside it (…配合单位：发展规): a web page or
    PDF cut off there, and the fragment is no unit to register."""
    last = points[-1].tasks[-1] if points and points[-1].tasks else (points[-1] if points else None)
    resp = last.responsibility if last is not None else None
    names = (resp.co or resp.lead) if resp is not None else []
    end = text.rstrip(" \t\u3000\n")
    if not names or not end.endswith(names[-1]) or is_unit(names[-1]):
        return
    warnings.append(f"文档在“{names[-1]}”处中断，可能不完整；这个不完整的名称已略去，请核对原文。")
    names.pop()


def _warn_if_cut_short(points: list[ParsedPoint], warnings: list[str]) -> None:
    """Warn when only the very last task lacks the annotation every other task has: the
    document (a web page's first screen, a PDF's first pages) probably stops there."""
    tasks = [task for point in points for task in point.tasks]
    if len(tasks) < 3 or points[-1].responsibility is not None:
        return
    if tasks[-1].responsibility is None and all(t.responsibility for t in tasks[:-1]):
        warnings.append(
            f"最后一项任务“{tasks[-1].text[:20]}”没有责任单位，而其他任务都有：文档可能不完整"
            "（在这里被截断），请核对原文。"
        )


def _too_many(name: str, number: int) -> ParseError:
    return ParseError(
        f"{name}：读到第{number}条要点时，任务已超过上限 "
        f"{MAX_PLAN_TASKS} 项，一份工作要点没有这么多，请检查是否选错了文件。"
    )


def _assigned(point: ParsedPoint) -> bool:
    """Return whether the key point gives work to a unit: people alone (a leadership group's
    组长 and 负责人) give none."""
    return any(
        resp is not None and bool(resp.lead or resp.co or resp.groups)
        for resp in [point.responsibility, *(t.responsibility for t in point.tasks)]
    )


def _drop_unassigned_edges(points: list[ParsedPoint], warnings: list[str]) -> list[ParsedPoint]:
    """Leave out the numbered parts before the first and after the last that assign anyone.

    A scheme's own 一、领导小组 and 三、工作要求 (or a covering notice's instructions) are not
    tasks; a key point between annotated ones is kept even without an annotation."""
    assigned = [i for i, point in enumerate(points) if _assigned(point)]
    if not assigned:
        return points
    kept = points[assigned[0] : assigned[-1] + 1]
    dropped = points[: assigned[0]] + points[assigned[-1] + 1 :]
    if dropped:
        names = "；".join(f"“{p.title}”" for p in dropped)
        warnings.append(f"以下部分没有任何责任分工，不作为工作要点导入：{names}。")
    _drop_unassigned_tail(kept[-1], warnings)
    return kept


_PART_HEADING_RE = re.compile(rf"^{CN_NUMERAL}、\s*(.{{1,30}})$")


def _drop_unassigned_tail(point: ParsedPoint, warnings: list[str]) -> None:
    """Leave out what follows the last assigned task under a heading of the document's top
    level (三、新生报到 after the units' duties): the notice goes on, the plan has ended."""
    if point.responsibility is not None:
        return
    last = max((i for i, t in enumerate(point.tasks) if t.responsibility), default=None)
    if last is None or last + 1 >= len(point.tasks):
        return
    heading = _PART_HEADING_RE.match(point.tasks[last + 1].text)
    if heading and not any(t.responsibility for t in point.tasks[last + 1 :]):
        point.tasks = point.tasks[: last + 1]
        warnings.append(f"以下部分没有任何责任分工，不作为工作要点导入：“{heading.group(1)}”。")


def _read_without_points(
    text: str, document: Document, warnings: list[str], inline: _Inline
) -> tuple[int, list[ParsedPoint]]:
    """Read a plan that has no 一、 key points: annotated items, or task tables, only.

    Returns where the plan begins (the text before is its header) and its key points: one per
    section heading above the annotated items, or one for the whole document."""
    annotations = find_annotations(
        text.replace(EMPHASIS, ""), inline=bool(inline), acting=inline is _Inline.ACTING
    )
    if len(annotations) > MAX_PLAN_TASKS:
        raise _too_many(document.name, 1)
    marks = list(TABLE_MARK_RE.finditer(text))
    task_tables = [m for m in marks if header_index(document.tables[int(m.group(1))]) is not None]
    if not annotations:
        if not task_tables:
            return 0, []
        return task_tables[0].start(), _points_from_tables(task_tables, document, warnings)
    start = _with_headings_above(text, _first_item_start(text, annotations[0].start))
    if task_tables and task_tables[0].start() < start:
        start = _line_start(text, task_tables[0].start())
    body = text[start:]
    sections = _section_headings(body, _item_style(text, annotations[0].start))
    points = []
    bounds = [(0, "", 0), *sections]
    for index, (begin, title, body_start) in enumerate(bounds):
        end = bounds[index + 1][0] if index + 1 < len(bounds) else len(body)
        part = body[body_start:end]
        if not part.strip() or (
            index == 0
            and sections
            and not find_annotations(part, inline=bool(inline), acting=inline is _Inline.ACTING)
        ):
            continue
        heading = _Heading(len(points) + 1, start + begin, start + body_start, False)
        title = title.strip(" ：:。")
        try:
            point = _read_body(heading, title, part, document, warnings, inline)
        except _TooManyTasks:
            raise _too_many(document.name, heading.number) from None
        if not inline:
            _read_clauses(point)
        else:
            _join_clause_sentences(point)
        points.append(point)
        if sum(len(p.tasks) for p in points) > MAX_PLAN_TASKS:
            raise _too_many(document.name, heading.number)
    return start, _drop_unassigned_edges(points, warnings)


def _points_from_tables(marks, document: Document, warnings: list[str]) -> list[ParsedPoint]:
    points: list[ParsedPoint] = []
    for mark in marks:
        sections, table_warnings = read_table_sections(document.tables[int(mark.group(1))])
        warnings.extend(table_warnings)
        for section in sections or []:
            if not section.tasks:
                continue
            if section.title or not points or points[-1].title:
                points.append(ParsedPoint(number=len(points) + 1, title=section.title))
            points[-1].tasks.extend(section.tasks)
        if sum(len(p.tasks) for p in points) > MAX_PLAN_TASKS:
            raise _too_many(document.name, len(points))
    return points


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


_ITEM_RE = re.compile(
    rf"(?m)^[ \t\u3000]*(?:{EMPHASIS})?(?P<marker>[（(]{CN_NUMERAL}[)）]|[（(]\d{{1,3}}[)）]"
    rf"|\d{{1,3}}(?:[.．]\d{{1,3}})+|\d{{1,3}}[.．、](?!\d)|\d{{1,3}}[)）]|[①-⑳]|第{CN_NUMERAL}条)"
)


def _marker_style(marker: str) -> str:
    if marker[0] in "（(":
        return "(一)" if marker[1] in CN_DIGITS or marker[1] in "十百" else "(1)"
    if marker[0] in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return "①"
    if marker.startswith("第"):
        return "第一条"
    if re.fullmatch(r"\d+(?:[.．]\d+)+", marker):
        return "1." * (marker.count(".") + marker.count("．") + 1)
    return "1)" if marker[-1] in ")）" else "1."


def _item_style(text: str, position: int) -> str:
    """Return the numbering style of the item that an annotation at `position` closes."""
    items = [m for m in _ITEM_RE.finditer(text, 0, position)]
    return _marker_style(items[-1].group("marker")) if items else ""


def _first_item_start(text: str, annotation_at: int) -> int:
    """Return where the run of numbered items holding the first annotation begins."""
    items = list(_ITEM_RE.finditer(text, 0, annotation_at))
    if not items:
        # An annotation under an unnumbered paragraph: the plan starts at that paragraph.
        return _paragraph_start(text, annotation_at)
    style = _marker_style(items[-1].group("marker"))
    first = items[-1]
    for item in reversed(items):
        if _marker_style(item.group("marker")) == style:
            first = item
            if _item_number(item.group("marker")) <= 1:
                break
    return first.start()


def _with_headings_above(text: str, start: int) -> int:
    """Return `start` moved up over the section heading lines standing directly above it."""
    style = ""
    item = _ITEM_RE.match(text, start)
    if item:
        style = _marker_style(item.group("marker"))
    while start > 0:
        end = start - 1
        while end > 0 and text[end - 1] in " \t\u3000\n":
            end -= 1
        line_start = _line_start(text, end)
        line = text[line_start:end].replace(EMPHASIS, "").strip()
        heading = _ITEM_RE.match(line)
        if heading is None and _is_plain_heading(line):
            return line_start  # 党的建设 over 1. 2.: one unnumbered heading, no further
        if not heading or _marker_style(heading.group("marker")) == style:
            return start
        if not (_is_heading_line(line) or (len(line) <= 40 and line[-1:] not in SENTENCE_END)):
            return start
        start = line_start
    return start


def _is_plain_heading(line: str) -> bool:
    """Return whether an unnumbered line reads as a section heading (党的建设), not as a
    sentence, a title, a label or a wrapped line's end."""
    return (
        2 <= len(line) <= 25
        and not re.search(r"[，,。；;：:！？!?、]", line)
        and not YEAR_RE.search(line)
        and not any(word in line for word in TITLE_WORDS)
        and not TABLE_MARK_RE.search(line)
    )


def _item_number(marker: str) -> int:
    digits = re.findall(r"\d+", marker)
    if digits:
        return int(digits[-1])
    if marker[0] in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return ord(marker[0]) - ord("①") + 1
    numeral = re.search(CN_NUMERAL, marker)
    return chinese_number(numeral.group()) if numeral else 0


def _paragraph_start(text: str, index: int) -> int:
    before = text.rfind("\n\n", 0, _line_start(text, index))
    return before + 2 if before != -1 else 0


def _section_headings(body: str, task_style: str) -> list[tuple[int, str, int]]:
    """Return the heading lines above the task items: numbered in another style, short, and
    without a full stop (（一）宣传氛围 over 1.、2.). With headings of two numberings above the
    items (（一）经济发展 / 1.招商引资 / （1）…), the first numbering's are the key points and the
    others stay in their text, as the sections of the tasks under them."""
    found = _headings_above(body, task_style)
    styles = [style for _, _, _, style in found]
    top = styles[0] if styles else ""
    if top and len(set(styles)) > 1:
        found = [heading for heading in found if heading[3] == top]
    return [(start, title, end) for start, title, end, _ in found]


def _headings_above(body: str, task_style: str) -> list[tuple[int, str, int, str]]:
    found = []
    lines = list(re.finditer(r"(?m)^[ \t\u3000]*(.+)$", body))
    for index, match in enumerate(lines):
        line = match.group(1).replace(EMPHASIS, "").strip()
        item = _ITEM_RE.match(line)
        if item is None and _is_plain_heading(line) and index + 1 < len(lines):
            following = _ITEM_RE.match(lines[index + 1].group(1).replace(EMPHASIS, "").strip())
            if following and _marker_style(following.group("marker")) == task_style:
                found.append((match.start(), line, match.end(), ""))
            continue
        if not item or _marker_style(item.group("marker")) == task_style:
            continue
        if _is_heading_line(line) or (
            len(line) <= 40 and line[-1:] not in SENTENCE_END + "；;，," and "：" not in line[1:-1]
        ):
            title = line[item.end() :].strip(" \t\u3000、.．")
            found.append((match.start(), title, match.end(), _marker_style(item.group("marker"))))
    return found


_INVISIBLE_RE = re.compile("[\u200b-\u200f\u2060-\u2064\u202a-\u202e\x00-\x08\x0b\x0e-\x1f\x7f]")


def _clean(text: str) -> str:
    text = text.replace("\ufeff", "").replace("\u00a0", " ")
    # Zero-width and control characters a copy carries in (教\u200b务处) are no part of a name.
    text = _INVISIBLE_RE.sub("", text)
    # 學(xué)生處: a mirror site's pinyin after characters, tone marks and all.
    text = strip_pinyin(text)
    # (—) typed for (一): a dash looks like the numeral one.
    text = re.sub(r"(?m)^([ \t\u3000]*[（(])[—－-]([)）])", r"\1一\2", text)
    # Markdown emphasis is noise here: **（责任部门：…）** reads as the annotation itself.
    return re.sub(r"\*\*|__", EMPHASIS, text)


def _point_headings(text: str) -> list[list[_Heading]]:
    """Return the runs of key point headings numbered 1, 2, 3… in order; a heading numbered
    一 after a run has begun starts another run (a covering notice, then the plan itself).
    Other numbers are text."""
    runs: list[list[_Heading]] = []
    for match in POINT_HEADING_RE.finditer(text):
        number = chinese_number(match.group(2) or match.group(3))
        heading = _Heading(number, match.start(), match.end(), bool(match.group(1)))
        if runs and number == len(runs[-1]) + 1:
            runs[-1].append(heading)
        elif number == 1:
            runs.append([heading])
    return runs


def _plan_headings(text: str, tables: list[TableRows], inline: _Inline) -> list[_Heading]:
    """Return the key point headings of the plan: the run that assigns the most work.

    When no run assigns anything in its text but the document holds annotated items or task
    tables elsewhere, return none: the plan is read without 一、 key points."""
    runs = _point_headings(text)
    if not runs:
        return []
    # Found once, positions kept (emphasis marks become spaces), counted per run.
    starts = [
        a.start
        for a in find_annotations(
            text.replace(EMPHASIS, " "), inline=bool(inline), acting=inline is _Inline.ACTING
        )
    ]
    bounds = [run[0].start for run in runs[1:]] + [len(text)]
    scores = []
    for run, end in zip(runs, bounds, strict=True):
        annotations = bisect_left(starts, end) - bisect_left(starts, run[0].start)
        tables_in_run = sum(
            1
            for mark in TABLE_MARK_RE.finditer(text, run[0].start, end)
            if header_index(tables[int(mark.group(1))]) is not None
        )
        scores.append((annotations, tables_in_run))
    best = max(range(len(runs)), key=lambda i: (scores[i][0] + scores[i][1], -i))
    elsewhere = starts or _has_task_table(text, tables)
    if sum(scores[best]) == 0 and elsewhere:
        return []
    if scores[best][0] == 0 and scores[best][1]:
        last = runs[best][-1].start
        end = bounds[best]
        before_last = sum(
            1
            for mark in TABLE_MARK_RE.finditer(text, runs[best][0].start, last)
            if header_index(tables[int(mark.group(1))]) is not None
        )
        if len(runs[best]) == 1 or (not before_last and end > last):
            # A lone 一、 over a task table, or a covering notice whose last part is followed by
            # the table it sends (国务院办公厅 / 2016年4月6日 / …任务分工): the table's own
            # sections are the key points.
            return []
    return runs[best]


def _has_task_table(text: str, tables: list[TableRows]) -> bool:
    return any(
        header_index(tables[int(mark.group(1))]) is not None
        for mark in TABLE_MARK_RE.finditer(text)
    )


def _read_point(
    heading: _Heading, body: str, document: Document, warnings: list[str], inline: _Inline
) -> ParsedPoint:
    title, body = _title_sentence(body, emphasised=heading.emphasised)
    point = _read_body(heading, title, body, document, warnings, inline)
    if inline is _Inline.ACTING and point.responsibility is None:
        # 五、后勤处对校园内道路…进行彻底清理: in a notice that annotates nothing, an item of
        # one sentence whose subject is a unit is that unit's task.
        found = find_annotations(f"{title}。", inline=True, acting=True)
        resp = parse_annotation(found[0].inner)[0] if found else None
        if resp is not None and not resp.is_empty():
            if not point.tasks:
                point.tasks = [ParsedTask(text=title, responsibility=resp)]
            elif all(task.responsibility is None for task in point.tasks):
                point.responsibility = resp
    return point


def _read_body(
    heading: _Heading,
    title: str,
    body: str,
    document: Document,
    warnings: list[str],
    inline: _Inline,
) -> ParsedPoint:
    number = heading.number
    body = body.replace(EMPHASIS, "")
    annotations = find_annotations(body, inline=bool(inline), acting=inline is _Inline.ACTING)
    for annotation in annotations:
        if not annotation.closed:
            warnings.append(f"第{number}条要点：责任部门的括号没有闭合，已读到本条末尾。")
    table_rows: list[TableRows] = []

    def take_tables(segment: str) -> str:
        for match in TABLE_MARK_RE.finditer(segment):
            table_rows.append(document.tables[int(match.group(1))])
        return TABLE_MARK_RE.sub("\n", segment)

    # Split the body into the text before each annotation; the annotation governs that text.
    segments: list[tuple[str, Responsibility | None, str]] = []
    position = 0
    for annotation in annotations:
        responsibility, _ = parse_annotation(annotation.inner)
        text = take_tables(body[position : annotation.start])
        if responsibility.is_empty():
            # Only a 完成时限: the deadline of the text before it, which stays unassigned.
            segments.append((text, None, responsibility.deadline))
        else:
            segments.append((text, responsibility, responsibility.deadline))
        position = annotation.end
    segments.append((take_tables(body[position:]), None, ""))

    point = ParsedPoint(number=number, title=title)

    assigning = [resp for _, resp, _ in segments if resp is not None]
    trailing_text = segments[-1][0]
    items = _split_items(segments[0][0])
    numbered = [style for style, _ in items if style]
    # 4.修订培养方案 / 5.推进课程思政（责任单位：…）: an annotation on the last numbered line of
    # several is that item's; one on a line of its own after them is the key point's.
    last_line = segments[0][0][segments[0][0].rfind("\n") + 1 :]
    on_last_line = (
        len(numbered) > 1
        and bool(last_line.strip())
        and "\n" not in items[-1][1].strip()
        and _LIST_MARKER_AT.match(last_line.lstrip(" \t\u3000")) is not None
    )
    if (
        len(assigning) == 1
        and len(segments) == 2
        and not _sentences(trailing_text)
        and len(numbered) != 1  # one numbered item with its annotation is a task, not the point
        and not on_last_line
    ):
        # The usual form: tasks, then one annotation for the whole key point.
        point.responsibility = segments[0][1]
        point.tasks = [
            ParsedTask(text=s, section=sec, deadline=segments[0][2])
            for sec, s in _sentences(segments[0][0])
        ]
    else:
        outline: list[tuple[str, str]] = []  # (numbering style, title) of the items above
        numbered: ParsedTask | None = None  # the task of the numbered item being read
        for text, resp, deadline in segments:
            sentences = _sentences(text)
            if inline and numbered is not None and sentences and _goes_on(text):
                # 1、…由保卫处牵头，…。办公室、教务处负责…。: in a document whose clauses are
                # its annotations, the sentences after a numbered item's first are that item's,
                # and so are the units they name.
                numbered.text += "".join(sentence for _, sentence in sentences)
                numbered.responsibility = _joined(numbered.responsibility, resp)
                continue
            count = len(point.tasks)
            if resp is None:
                tasks = [ParsedTask(text=s, section=sec) for sec, s in sentences]
                if tasks and deadline:
                    tasks[-1].deadline = deadline
                elif deadline and point.tasks:
                    point.tasks[-1].deadline = point.tasks[-1].deadline or deadline
                point.tasks.extend(tasks)
            else:
                _read_assigned(text, resp, deadline, point, outline)
            items = _split_items(text)
            numbered = (
                point.tasks[-1]
                if len(point.tasks) > count and items and items[-1][0] and resp is not None
                else None
            )
    _fold_attributes(point)
    for rows in table_rows:
        tasks, table_warnings = read_task_table(rows, number)
        point.tasks.extend(tasks)
        warnings.extend(table_warnings)

    return point


def _goes_on(text: str) -> bool:
    """Return whether `text` continues the paragraph before it: no line break before its
    words, and no numbered item in it."""
    opening = text[: len(text) - len(text.lstrip(" \t\u3000\n"))]
    return "\n" not in opening and not _ITEM_RE.search(text)


def _joined(first: Responsibility | None, then: Responsibility | None) -> Responsibility | None:
    """Return the units of two sentences of one item: the first's lead leads, the rest help."""
    if first is None or then is None:
        return first or then
    joined = Responsibility(
        raw=f"{first.raw}；{then.raw}",
        lead=list(first.lead or then.lead[:1]),
        leaders=list(dict.fromkeys([*first.leaders, *then.leaders])),
        deadline=first.deadline or then.deadline,
    )
    named = [*first.lead, *first.co, *then.lead, *then.co]
    joined.co = [n for n in dict.fromkeys(named) if n not in joined.lead]
    joined.groups = list(dict.fromkeys([*first.groups, *then.groups]))
    return joined


# (一)协商形式：… (二)时间安排：… (四)组织实施：…: the parts of one item, each named by a label.
_ATTRIBUTE_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}[:：]")
_ORGANISER_RE = re.compile(
    r"^(?:组织实施|承办|主办|牵头|负责)[:：]\s*(?P<units>[^。；;]{2,80}?)[。；;]?$"
)


def _fold_attributes(point: ParsedPoint) -> None:
    """Make a key point whose tasks are only its labelled attributes (形式, 时间安排, 参加人员,
    组织实施) one task: the units one attribute names are the key point's."""
    tasks = point.tasks
    labelled = sum(1 for task in tasks if _ATTRIBUTE_RE.match(task.text))
    # Every part opens with its label, or continues the one before (…邀请…。负责同志参加。).
    if len(tasks) < 2 or not tasks or not _ATTRIBUTE_RE.match(tasks[0].text):
        return
    if labelled < 2 or 2 * labelled < len(tasks):
        return
    assigned = [task for task in tasks if task.responsibility is not None]
    # （四）组织实施：农业和农村委员会。: the attribute naming who runs it names the lead.
    organisers = [
        match["units"]
        for task in tasks
        if (match := _ORGANISER_RE.match(task.text)) and names_units(match["units"])
    ]
    if len(assigned) > 1 or point.responsibility is not None or not (assigned or organisers):
        return
    if len(tasks) < 3 and not organisers:
        return
    resp = assigned[0].responsibility if assigned else Responsibility(raw="")
    if organisers:
        stated, _ = parse_annotation(f"责任单位：{'、'.join(organisers)}")
        resp.co = [n for n in [*stated.co, *resp.lead, *resp.co] if n not in stated.lead]
        resp.lead = stated.lead
        resp.groups = [*stated.groups, *(g for g in resp.groups if g not in stated.groups)]
    point.responsibility = resp
    point.tasks = [
        ParsedTask(
            text=f"{point.title.rstrip('。')}。{''.join(task.text for task in tasks)}",
            deadline=next((task.deadline for task in tasks if task.deadline), ""),
            section=tasks[0].section,
        )
    ]


def _read_assigned(
    text: str, resp: Responsibility, deadline: str, point: ParsedPoint, outline: list
) -> None:
    """Read the text that one annotation closes: the last numbered item in it is the task the
    annotation assigns; items before it are headings or parents above it (（一）本科教育,
    1.启动专业认证 over ①②), or tasks the document left unassigned."""
    items = _split_items(text)
    if not items:
        point.responsibility = point.responsibility or resp
        return
    # 1.宣传发动： / (1)… (2)… (3)… / (责任部门：…) on a line of its own: the annotation closes
    # the item whose parts these are, and that item is the task.
    parts = _closed_parts(items) if text.rstrip(" \t\u3000").endswith("\n") else 0
    if parts:
        parent_style, parent = items[-parts - 1]
        _read_unassigned(items[: -parts - 1], point, outline, following=parent_style)
        _enter(outline, parent_style)
        section = outline[-1][1] if outline else ""
        joined = "".join(s for _, item in items[-parts:] for _, s in _sentences(item))
        task = ParsedTask(f"{_item_title(parent)}：{joined}", responsibility=resp, section=section)
        task.deadline = deadline
        point.tasks.append(task)
        return
    _read_unassigned(items[:-1], point, outline, following=items[-1][0])
    style, last = items[-1]
    _enter(outline, style)
    section = outline[-1][1] if outline else ""
    sentences = _sentences(last)
    heading = _opening_heading(last)
    if sentences:
        joined = "".join(s for _, s in sentences)
        if heading and sentences[0][0].endswith(heading):
            # The task's own heading line (（五）撰写汇报材料) is its first words.
            joined = f"{heading}：{joined}"
    elif heading:
        joined = heading  # a short item without a full stop (2.新开工项目30个) is still the task
    else:
        point.responsibility = point.responsibility or resp
        return
    point.tasks.append(
        ParsedTask(text=joined, responsibility=resp, section=section, deadline=deadline)
    )


def _closed_parts(items: list[tuple[str, str]]) -> int:
    """Return how many items at the end are the parts of the numbered heading before them (two
    or more of one numbering under an item of another whose line is only its title), else 0."""
    style = items[-1][0]
    count = 0
    while count < len(items) and items[-1 - count][0] == style:
        count += 1
    if not style or count < 2 or count == len(items):
        return 0
    parent_style, parent = items[-1 - count]
    title = _item_title(parent)
    only_title = "\n" not in parent.strip() and len(title) <= 30 and "。" not in parent
    if not parent_style or parent_style == style or not title or not only_title:
        return 0
    return count


def _read_unassigned(
    items: list[tuple[str, str]], point: ParsedPoint, outline: list, following: str
) -> None:
    """Read the items before the one an annotation closes (`following` is its numbering):
    headings above it, or tasks the document left unassigned."""
    for index, (style, item) in enumerate(items):
        next_style = items[index + 1][0] if index + 1 < len(items) else following
        _enter(outline, style)
        is_parent = next_style != style and next_style not in {s for s, _ in outline}
        sentences = _sentences(item)
        if style and next_style == style and not sentences and _item_title(item):
            # 1.组建交叉研究院 / 2.引进…: a sibling of the next item is a task, full stop or not.
            section = outline[-1][1] if outline else ""
            point.tasks.append(ParsedTask(text=_item_title(item), section=section))
        elif not sentences or (style and is_parent):
            outline.append((style, _item_title(item)))
        else:
            section = outline[-1][1] if outline else ""
            point.tasks.extend(
                ParsedTask(text=s, section=sec or section) for sec, s in _sentences(item)
            )


def _split_items(text: str) -> list[tuple[str, str]]:
    """Return (numbering style, text) of each numbered item in `text`, and of any text before
    the first (style "")."""
    starts = [m for m in _ITEM_RE.finditer(text)]
    items = []
    head = text[: starts[0].start()] if starts else text
    if head.strip() and re.search(r"\w", head):
        items.append(("", head))
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        items.append((_marker_style(match.group("marker")), text[match.start() : end]))
    return items


def _enter(outline: list[tuple[str, str]], style: str) -> None:
    """Close the items of the same numbering as a new item, and everything under them."""
    for index, (other, _) in enumerate(outline):
        if other == style:
            del outline[index:]
            return


def _item_title(item: str) -> str:
    line = item.strip(" \t\u3000\n").split("\n", 1)[0]
    return LIST_MARKER_RE.sub("", _ITEM_RE.sub("", line, count=1), count=1).strip(" ：:。")


def _opening_heading(text: str) -> str:
    """Return the text's first line without its number, if that line is a heading."""
    first = text.strip(" \t\u3000\n").split("\n", 1)[0].strip(" \t\u3000")
    if not _is_heading_line(first):
        return ""
    return LIST_MARKER_RE.sub("", first, count=1).strip()


def _title_sentence(text: str, *, emphasised: bool) -> tuple[str, str]:
    """Return the key point's title and the rest of its text.

    The title is the first sentence, without its full stop; or, when the point opens with
    emphasis, the emphasised words; it never runs into an annotation.
    """
    stripped = text.lstrip(" \t\u3000")
    if stripped.startswith(EMPHASIS):
        emphasised, stripped = True, stripped[1:]
    end = _sentence_end(stripped, 0, stop_at_newline=True)
    annotation = BRACKETED_START_RE.search(stripped, 0, end)
    short = SHORT_BRACKET_RE.search(stripped, 0, end)
    units = UNITS_BRACKET_RE.search(stripped, 0, end)
    for found in (annotation, short):
        if found and found.start() < end and (found is annotation or short_annotation(found)):
            end = found.start()
    # 一、召开庆祝大会（党委教师工作部）。: a bracket of units alone closes the title too.
    if units and units.start() < end and units_bracket(units["units"]):
        end = units.start()
    if emphasised and 0 < stripped.find(EMPHASIS) < end:
        end = stripped.find(EMPHASIS)
    title = stripped[:end].replace(EMPHASIS, "").strip()
    return title.rstrip("。.；;：:！!？?").strip(), stripped[end:]


def _sentence_end(text: str, start: int, *, stop_at_newline: bool) -> int:
    """Return the index just past the sentence starting at `start` (quotes and brackets kept whole)."""
    closers: list[str] = []
    index = start
    while index < len(text):
        char = text[index]
        if closers and char == closers[-1]:
            closers.pop()
        elif char in QUOTE_PAIRS:
            closers.append(QUOTE_PAIRS[char])
        elif char in "）)" and closers and closers[-1] in "）)":
            closers.pop()  # a mismatched （…) pair
        elif not closers and char in SENTENCE_END:
            return index + 1
        elif char == "\n" and (
            stop_at_newline
            # A blank line ends a sentence even inside an unclosed quote or bracket.
            or text.startswith("\n", index + 1)
            or (not closers and _is_paragraph_break(text, index))
        ):
            return index
        index += 1
    return len(text)


# What a line ends with when its sentence goes on in the next line.
_CONTINUES = "，,、（(“‘《〈【—-"


def _is_paragraph_break(text: str, index: int) -> bool:
    # Looks only at the line before `index` and the start of the next: copying the text before
    # and after each line break made a long key point cost the square of its length.
    end = index
    while end > 0 and text[end - 1] in " \t\u3000":
        end -= 1
    if end == 0 or text[end - 1] in SENTENCE_END + "：:；;":
        return True
    if text[end - 1] not in _CONTINUES:
        return True  # a line of its own: a line cut mid-sentence was joined with the next one
    after = _NON_SPACE.search(text, index)
    if after and _LIST_MARKER_AT.match(text, after.start()):
        return True
    return _is_heading_line(text[text.rfind("\n", 0, end) + 1 : end])


def _is_heading_line(line: str) -> bool:
    line = line.strip(" \t\u3000")
    return (
        bool(LIST_MARKER_RE.match(line))
        and len(line) <= 40
        and line[-1:] not in SENTENCE_END
        and not re.search("[，,；;]", line)  # a clause cut short, not a heading
    )


def _sibling_follows(line: str, rest: str) -> bool:
    """Return whether the text after a short numbered line opens with the next item of the same
    numbering (1.组建交叉研究院 / 2.引进…): siblings are tasks, whatever their punctuation."""
    here, after = LIST_MARKER_RE.match(line), LIST_MARKER_RE.match(rest.lstrip())
    if here is None or after is None:
        return False
    return _marker_style(here.group().strip()) == _marker_style(after.group().strip())


def _sentences(text: str) -> list[tuple[str, str]]:
    """Return (section, sentence) pairs; a short numbered line without a full stop is a section."""
    result: list[tuple[str, str]] = []
    section = ""
    index = 0
    while index < len(text):
        end = max(_sentence_end(text, index, stop_at_newline=False), index + 1)
        piece = text[index:end]
        index = end
        sentence = re.sub(r"\s*\n\s*", "", piece).strip(" \t\u3000")
        if not sentence or not re.search(r"\w", sentence):
            continue
        # A heading heads something: the last line of the text (3. 推进评价改革, its full stop
        # after the annotation) is a task without a full stop.
        if (
            _is_heading_line(sentence)
            and text[index:].strip()
            and not _sibling_follows(sentence, text[index:])
        ):
            section = sentence
            continue
        sentence = LIST_MARKER_RE.sub("", sentence, count=1).strip()
        if sentence:
            result.append((section, sentence))
            if len(result) > MAX_PLAN_TASKS:  # stop here, not after a million sentences
                raise _TooManyTasks
    return result


def _responsibilities_of(point: ParsedPoint) -> list[Responsibility]:
    return [
        resp
        for resp in [point.responsibility, *(task.responsibility for task in point.tasks)]
        if resp is not None
    ]


def _resolve_departments(
    points: list[ParsedPoint], registry: Mapping[str, str] | None, warnings: list[str]
) -> tuple[list[ParsedDepartment], list[AliasProposal]]:
    responsibilities = [
        resp
        for point in points
        for resp in [point.responsibility, *(task.responsibility for task in point.tasks)]
        if resp is not None
    ]
    for resp in responsibilities if registry else []:
        # A registered department whose name reads like a collective term (技术服务部门).
        known = [g for g in resp.groups if g in registry]
        if known:
            resp.groups = [g for g in resp.groups if g not in known]
            if not resp.lead:
                resp.lead, known = known[:1], known[1:]
            resp.co += [n for n in known if n not in resp.co]
    names = [name for resp in responsibilities for name in resp.department_names()]
    resolution = resolve_names(names, registry)
    warnings.extend(resolution.warnings)
    canonical = resolution.canonical
    for resp in responsibilities:
        resp.lead = list(dict.fromkeys(canonical[n] for n in resp.lead))
        resp.co = [n for n in dict.fromkeys(canonical[n] for n in resp.co) if n not in resp.lead]
    departments: dict[str, ParsedDepartment] = {}
    for name in names:
        full = canonical[name]
        department = departments.setdefault(full, ParsedDepartment(name=full))
        if name != full and name not in department.aliases:
            department.aliases.append(name)
    proposals = [AliasProposal(name, full) for name, full in resolution.proposals.items()]
    return list(departments.values()), proposals
