"""Turn a document's text into a ParsedPlan: header, preamble, key points, tasks, annotations."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .model import ParsedDepartment, ParsedPlan, ParsedPoint, ParsedTask, ParseError, Responsibility
from .names import resolve_names
from .readers import TABLE_MARK_RE, Document
from .responsibility import BRACKETED_START_RE, find_annotations, parse_annotation
from .tables import TableRows, read_task_table

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}  # fmt: skip
CN_NUMERAL = "[一二三四五六七八九十百零〇两]+"
# Emphasis (markdown **…**, bold runs in .docx) is kept as this mark until the key point
# titles are found, because a bold opening phrase is the title even without a full stop.
EMPHASIS = "\ue000"
POINT_HEADING_RE = re.compile(
    rf"(?m)^[ \t\u3000]*({EMPHASIS})?(?:({CN_NUMERAL})[、.．]|第({CN_NUMERAL})条[\s\u3000：:]*)"
)
YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
SENTENCE_END = "。！？!?"
QUOTE_PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "【": "】", "「": "」"}
LIST_MARKER_RE = re.compile(
    rf"^[ \t\u3000]*(?:[（(]{CN_NUMERAL}[)）]|[（(]\d{{1,2}}[)）]|\d{{1,2}}[.．、](?!\d)|[①-⑳])[ \t\u3000]*"
)
_LIST_MARKER_AT = re.compile(LIST_MARKER_RE.pattern.removeprefix("^"))  # with match(text, pos)
_NON_SPACE = re.compile(r"\S")
# The real plans hold at most 63 tasks, a large one a few hundred: 5,000 is no 工作要点, and
# every task becomes a row of the preview page and of the plan.
MAX_PLAN_TASKS = 5_000


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


def parse_document(document: Document, registry: Mapping[str, str] | None = None) -> ParsedPlan:
    """Return the plan written in `document`; names resolve against `registry` (name → canonical)."""
    text = _clean(document.text)
    headings = _point_headings(text)
    if not headings:
        raise ParseError(
            f"{document.name}：没有找到编号的工作要点（如“一、”“二、”或“第一条”），无法识别为工作要点文档。"
        )
    warnings: list[str] = []
    header = text[: headings[0].start].replace(EMPHASIS, "")
    title, organization, org_aliases, year, preamble = _read_header(header, warnings)

    points: list[ParsedPoint] = []
    tasks = 0
    for index, heading in enumerate(headings):
        end = headings[index + 1].start if index + 1 < len(headings) else len(text)
        body = text[heading.body_start : end]
        try:
            points.append(_read_point(heading, body, document, warnings))
            tasks += len(points[-1].tasks)
        except _TooManyTasks:
            tasks = MAX_PLAN_TASKS + 1
        if tasks > MAX_PLAN_TASKS:
            raise ParseError(
                f"{document.name}：读到第{heading.number}条要点时，任务已超过上限 "
                f"{MAX_PLAN_TASKS} 项，一份工作要点没有这么多，请检查是否选错了文件。"
            )

    departments = _resolve_departments(points, registry, warnings)
    return ParsedPlan(
        title=title,
        organization=organization,
        organization_aliases=org_aliases,
        year=year,
        preamble=preamble,
        points=points,
        departments=departments,
        warnings=warnings,
        source_digest=document.digest(),
    )


def _clean(text: str) -> str:
    text = text.replace("\ufeff", "").replace("\u00a0", " ")
    # Markdown emphasis is noise here: **（责任部门：…）** reads as the annotation itself.
    return re.sub(r"\*\*|__", EMPHASIS, text)


def _point_headings(text: str) -> list[_Heading]:
    """Return the key point headings numbered 1, 2, 3… in order; other numbers are text."""
    headings: list[_Heading] = []
    for match in POINT_HEADING_RE.finditer(text):
        number = chinese_number(match.group(2) or match.group(3))
        if number == len(headings) + 1:
            headings.append(_Heading(number, match.start(), match.end(), bool(match.group(1))))
    return headings


def _read_header(header: str, warnings: list[str]) -> tuple[str, str, list[str], int | None, str]:
    lines = [line.strip(" \t\u3000") for line in header.split("\n")]
    lines = [line for line in lines if line and not TABLE_MARK_RE.fullmatch(line)]
    title_index = next(
        (
            i
            for i, line in enumerate(lines)
            if YEAR_RE.search(line) and "要点" in line and len(line) <= 60
        ),
        None,
    )
    if title_index is None:
        title_index = next(
            (i for i, line in enumerate(lines) if "要点" in line and len(line) <= 60), None
        )
    organization, title, year = "", "", None
    if title_index is None:
        warnings.append("没有找到标题（如“2021年工作要点”）。")
        preamble_lines = lines
    else:
        line = lines[title_index]
        year_match = YEAR_RE.search(line)
        if year_match:
            year = int(year_match.group(1))
            prefix, title = line[: year_match.start()].strip(), line[year_match.start() :].strip()
        else:
            prefix, title = "", line
        if prefix:
            organization = prefix
        elif title_index > 0 and len(lines[title_index - 1]) <= 60:
            organization = lines[title_index - 1]
        preamble_lines = lines[title_index + 1 :]
    if year is None:
        warnings.append("没有从标题中读出年度。")
    organization, aliases = _split_organization(organization)
    if not organization:
        warnings.append("没有找到单位名称（标题上方或标题开头）。")
    return title, organization, aliases, year, "\n".join(preamble_lines)


def _split_organization(name: str) -> tuple[str, list[str]]:
    """Return (name, second names): 湖北开放大学（湖北科技职业学院） → 湖北开放大学, [湖北科技职业学院]."""
    aliases = []
    while True:
        match = re.fullmatch(r"(.+?)[（(]([^（）()]+)[）)]", name)
        if not match:
            return name, aliases
        name = match.group(1).strip()
        aliases.insert(0, match.group(2).strip())


def _read_point(
    heading: _Heading, body: str, document: Document, warnings: list[str]
) -> ParsedPoint:
    number = heading.number
    title, body = _title_sentence(body, emphasised=heading.emphasised)
    body = body.replace(EMPHASIS, "")
    annotations = find_annotations(body)
    for annotation in annotations:
        if not annotation.closed:
            warnings.append(f"第{number}条要点：责任部门的括号没有闭合，已读到本条末尾。")
    table_rows: list[TableRows] = []

    def take_tables(segment: str) -> str:
        for match in TABLE_MARK_RE.finditer(segment):
            table_rows.append(document.tables[int(match.group(1))])
        return TABLE_MARK_RE.sub("\n", segment)

    # Split the body into the text before each annotation; the annotation governs that text.
    segments: list[tuple[str, Responsibility | None]] = []
    position = 0
    for annotation in annotations:
        responsibility, _ = parse_annotation(annotation.inner)
        segments.append((take_tables(body[position : annotation.start]), responsibility))
        position = annotation.end
    segments.append((take_tables(body[position:]), None))

    point = ParsedPoint(number=number, title=title)

    non_empty = [(text, resp) for text, resp in segments if _sentences(text) or resp]
    trailing_text = segments[-1][0]
    if len(annotations) == 1 and not _sentences(trailing_text):
        # The usual form: tasks, then one annotation for the whole key point.
        point.responsibility = segments[0][1]
        point.tasks = [ParsedTask(text=s, section=sec) for sec, s in _sentences(segments[0][0])]
    else:
        for text, resp in non_empty:
            sentences = _sentences(text)
            if resp is None:
                point.tasks.extend(ParsedTask(text=s, section=sec) for sec, s in sentences)
            elif sentences:
                # One annotation after a numbered task (or a run of sentences) governs all of it.
                section = sentences[0][0]
                joined = "".join(s for _, s in sentences)
                point.tasks.append(ParsedTask(text=joined, responsibility=resp, section=section))
            else:
                point.responsibility = point.responsibility or resp
    for rows in table_rows:
        tasks, table_warnings = read_task_table(rows, number)
        point.tasks.extend(tasks)
        warnings.extend(table_warnings)

    if point.responsibility is None and any(t.responsibility is None for t in point.tasks):
        warnings.append(f"第{number}条要点“{title}”没有标注责任部门。")
    if not point.tasks:
        warnings.append(f"第{number}条要点“{title}”没有具体任务。")
    return point


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
    if annotation:
        end = annotation.start()
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


def _is_paragraph_break(text: str, index: int) -> bool:
    # Looks only at the line before `index` and the start of the next: copying the text before
    # and after each line break made a long key point cost the square of its length.
    end = index
    while end > 0 and text[end - 1] in " \t\u3000":
        end -= 1
    if end == 0 or text[end - 1] in SENTENCE_END + "：:；;":
        return True
    after = _NON_SPACE.search(text, index)
    if after and _LIST_MARKER_AT.match(text, after.start()):
        return True
    return _is_heading_line(text[text.rfind("\n", 0, end) + 1 : end])


def _is_heading_line(line: str) -> bool:
    line = line.strip(" \t\u3000")
    return bool(LIST_MARKER_RE.match(line)) and len(line) <= 40 and line[-1:] not in SENTENCE_END


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
        if _is_heading_line(sentence):
            section = sentence
            continue
        sentence = LIST_MARKER_RE.sub("", sentence, count=1).strip()
        if sentence:
            result.append((section, sentence))
            if len(result) > MAX_PLAN_TASKS:  # stop here, not after a million sentences
                raise _TooManyTasks
    return result


def _resolve_departments(
    points: list[ParsedPoint], registry: Mapping[str, str] | None, warnings: list[str]
) -> list[ParsedDepartment]:
    responsibilities = [
        resp
        for point in points
        for resp in [point.responsibility, *(task.responsibility for task in point.tasks)]
        if resp is not None
    ]
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
    return list(departments.values())
