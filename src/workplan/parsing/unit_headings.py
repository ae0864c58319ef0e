"""Notices that share out work by unit: a heading that is only a unit's name (三、学工部 /
7、财务处 / 一、县示范区管委会牵头工作（8项）) over the duties that unit carries, or an item that
opens with its unit and a colon (1.财务处：需更新…).

Such a document names no unit beside its tasks. This pass writes each heading's unit after each
item under it, as a document annotated item by item would have, so that the outline reads it as
it reads any annotated document. It runs only on documents without annotations of their own.
"""

from __future__ import annotations

import re

from .responsibility import UNIT_ENDINGS, is_unit, split_department_list, without_short_name

_CN = "一二三四五六七八九十"
# The numbering of official documents, from the highest level down: 一、 (一) 1. (1) ①.
_LEVELS = (
    rf"[{_CN}]{{1,3}}[、.．]",
    rf"[（(][{_CN}]{{1,3}}[)）]",
    r"\d{1,2}[、.．](?!\d)",
    r"[（(]\d{1,2}[)）]",
    r"[①-⑳]",
)
_MARKER_RES = [re.compile(rf"^[ \t\u3000]*(?:{level})") for level in _LEVELS]
_MARKER = "|".join(f"(?:{level})" for level in _LEVELS)
_HEADING_RE = re.compile(
    rf"^[ \t\u3000]*(?:{_MARKER})[ \t\u3000]*(?P<units>[^\s，,。；;：:]{{2,40}}?)"
    r"(?P<leads>牵头(?:负责)?的?(?:工作|任务|事项)?)?(?:的?(?:主要|工作)?职责)?"
    r"[ \t\u3000]*(?:[（(]\d{1,3}项[)）])?"
    r"[ \t\u3000]*[:：]?[ \t\u3000]*$"
)
_OPENING_RE = re.compile(
    rf"^[ \t\u3000]*(?:{_MARKER})[ \t\u3000]*(?P<units>[^\s，,。；;：:]{{2,40}}?)[ \t\u3000]*[:：]"
    r"[ \t\u3000]*\S"
)
# What a key point's heading starts with when it names work, not a unit: 建设高水平研究院.
_VERBS = (
    "建设", "打造", "推进", "推动", "加强", "提升", "完善", "深化", "实施", "开展", "做好", "落实",
    "健全", "构建", "强化", "创建", "筹建", "组建", "成立", "召开", "举办", "组织", "设立",
    "办好", "引进", "培育", "培养", "发展", "支持", "保障", "促进", "提高", "扩大", "优化", "规范",
    "加快", "申报", "建成", "拓展", "巩固", "坚持", "争创", "用好", "管好", "服务",
)  # fmt: skip
_MIN_HEADINGS = 2
UNITS_FROM_HEADINGS = (
    "文中的任务没有逐项标注责任单位，已按各项所在的小标题（如“三、学工部”）或开头的单位名称"
    "（如“1.财务处：”）读取，请核对。"
)
_NAME_ENDINGS = (*UNIT_ENDINGS, "部门", "单位", "院系", "系部")


def assign_unit_headings(text: str) -> str:
    """Return `text` with the unit of each unit heading (or opening) written after its items."""
    lines = text.split("\n")
    headings = [(i, m) for i, line in enumerate(lines) if (m := _HEADING_RE.match(line))]
    headings = [(i, m) for i, m in headings if _names_units(m["units"])]
    openings = [(i, m) for i, line in enumerate(lines) if (m := _OPENING_RE.match(line))]
    openings = [(i, m) for i, m in openings if _names_units(m["units"])]
    # One heading that says its unit leads (一、县示范区管委会牵头工作) is enough; names alone
    # must come twice, so that one key point that happens to end in 中心 is not taken for one.
    # A heading over nothing (2.申报重点实验室 between sibling items) is an item, not a unit's;
    # and unit headings are most of the headings of their level, not one among key points.
    headings = [(i, m) for i, m in headings if _item_ends(lines, i)]
    headings = [(i, m) for i, m in headings if _most_of_level(lines, i, headings)]
    weight = sum(2 if match["leads"] else 1 for _, match in headings)
    if weight < _MIN_HEADINGS and len(openings) < _MIN_HEADINGS:
        return text
    notes: dict[int, str] = {}  # line index → the annotation written at its end
    if weight >= _MIN_HEADINGS:
        lines_of_headings = {index for index, _ in headings}
        for index, match in headings:
            if any(j in lines_of_headings for j in range(index + 1, _block_end(lines, index))):
                continue  # 三、相关部门工作职责 over 1.研究生院职责: the units are below
            label = "牵头单位" if match["leads"] else "责任单位"
            for last in _item_ends(lines, index):
                notes[last] = f"（{label}：{match['units']}）"
    if len(openings) >= _MIN_HEADINGS:
        for index, match in openings:
            level = _level(lines[index])
            end = next(
                (j for j in range(index + 1, len(lines)) if _level(lines[j]) is not None),
                len(lines),
            )
            last = _last_filled(lines, index, end)
            if level is not None and last is not None:
                notes.setdefault(last, f"（责任单位：{match['units']}）")
    return "\n".join(line + notes.get(i, "") for i, line in enumerate(lines))


def _most_of_level(lines: list[str], index: int, headings) -> bool:
    """Return whether the unit headings of the level of the one at `index` are at least half of
    the headings of that level with text under them (the level's siblings in the document)."""
    level = _level(lines[index])
    siblings = [j for j, line in enumerate(lines) if _level(line) == level and _item_ends(lines, j)]
    units = sum(1 for j, _ in headings if _level(lines[j]) == level)
    return 2 * units >= len(siblings)


def _names_units(words: str) -> bool:
    if words.startswith(_VERBS):
        return False
    departments, groups = split_department_list(words)
    names = [*departments, *groups]
    # A heading such as 三、请相关部门做好准备工作 mentions units; it does not name one.
    return bool(names) and all(
        is_unit(name)
        and (name.startswith("各") or without_short_name(name).endswith(_NAME_ENDINGS))
        for name in names
    )


def _level(line: str) -> int | None:
    return next((rank for rank, marker in enumerate(_MARKER_RES) if marker.match(line)), None)


def _item_ends(lines: list[str], heading: int) -> list[int]:
    """Return the last line of each item under the heading at `heading` (of the whole text
    under it when it has no numbered items), up to the next heading of its level or above."""
    end = _block_end(lines, heading)
    starts = [j for j in range(heading + 1, end) if _level(lines[j]) is not None]
    if not starts:
        last = _last_filled(lines, heading + 1, end)
        return [] if last is None else [last]
    ends = []
    for start, stop in zip(starts, [*starts[1:], end], strict=True):
        last = _last_filled(lines, start, stop)
        if last is not None:
            ends.append(last)
    return ends


def _block_end(lines: list[str], heading: int) -> int:
    """Return where the text under the heading at `heading` ends: at the next heading of its
    level or above."""
    level = _level(lines[heading])
    return next(
        (j for j in range(heading + 1, len(lines)) if (lv := _level(lines[j])) is not None
         and lv <= level),
        len(lines),
    )  # fmt: skip


# 组长：/ 成员：/ 主任：— who sits in a group, not a duty.
_ROLE_LINE = re.compile(
    r"^[ \t\u3000]*(?:副?组\s*长|组\s*员|成\s*员|副?主\s*任|副?书记|负责人|联系人|秘书长?)\s*[:：]"
)


def _last_filled(lines: list[str], start: int, end: int) -> int | None:
    return next(
        (
            j
            for j in range(end - 1, start - 1, -1)
            if lines[j].strip() and not _ROLE_LINE.match(lines[j])
        ),
        None,
    )
