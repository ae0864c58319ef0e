"""Notices that share out work by unit: a heading that is only a unit's name (三、学工部 /
7、财务处 / 一、县示范区管委会牵头工作（8项）) over the duties that unit carries, or an item that
opens with its unit and a colon (1.财务处：需更新…).

Such a document names no unit beside its tasks. This pass writes each heading's unit after each
item under it, as a document annotated item by item would have, so that the outline reads it as
it reads any annotated document. It runs only on documents without annotations of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate

from .responsibility import UNIT_ENDINGS, is_unit, listed_names, without_short_name

_CN = "一二三四五六七八九十"
# The numbering of official documents, from the highest level down: 一、 (一) 1. (1) ①.
_LEVELS = (
    rf"[{_CN}]{{1,3}}[、.．]",
    rf"[（(][{_CN}]{{1,3}}[)）]",
    r"\d{1,3}[、.．](?!\d)",
    r"[（(]\d{1,3}[)）]",
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
# 宣传部：负责利用校内宣传栏…: a line without a number that opens with its unit and its duty.
_PLAIN_OPENING_RE = re.compile(
    r"^[ \t\u3000]*(?P<units>[^\s，,。；;：:（）()]{2,30}?)[ \t\u3000]*[:：][ \t\u3000]*"
    r"(?:负责|牵头|做好|组织|加强|开展|协助|配合|落实|督促|指导)"
)
# What a key point's heading starts with when it names work, not a unit: 建设高水平研究院.
_VERBS = (
    "建设", "打造", "推进", "推动", "加强", "提升", "完善", "深化", "实施", "开展", "做好", "落实",
    "健全", "构建", "强化", "创建", "筹建", "组建", "成立", "召开", "举办", "组织", "设立",
    "办好", "引进", "培育", "培养", "发展", "支持", "保障", "促进", "提高", "扩大", "优化", "规范",
    "加快", "申报", "建成", "拓展", "巩固", "坚持", "争创", "用好", "管好", "服务",
)  # fmt: skip
_MIN_HEADINGS = 2
LEADS_FROM_HEADINGS = "各项的牵头单位按所在的小标题（如“（一）某某局牵头的工作”）读取，请核对。"
UNITS_FROM_HEADINGS = (
    "文中的任务没有逐项标注责任单位，已按各项所在的小标题（如“三、学工部”）或开头的单位名称"
    "（如“1.财务处：”）读取，请核对。"
)
_NAME_ENDINGS = (*UNIT_ENDINGS, "部门", "单位", "院系", "系部")


def assign_unit_headings(text: str, *, leads_only: bool = False) -> str:
    """Return `text` with the unit of each unit heading (or opening) written after its items.

    A heading may give the unit's other names in brackets (（一）综合办公室（党群工作部、监察室）):
    the unit leads and those named with it help; duties numbered ①②③ in one paragraph are
    put on lines of their own. With `leads_only` (a document that annotates its items), only
    headings saying their unit leads ((一)省审计厅牵头的工作) count: the lead they name joins the
    annotations of the items under them."""
    lines = _split_circled(text).split("\n")
    layout = _Layout(lines)
    headings = [(i, m) for i, line in enumerate(lines) if (m := _HEADING_RE.match(line))]
    headings = [(i, m) for i, m in headings if _names_units(_with_other_names(m["units"])[0])]
    if leads_only:
        headings = [(i, m) for i, m in headings if m["leads"]]
    openings = [(i, m) for i, line in enumerate(lines) if (m := _OPENING_RE.match(line))]
    openings = [(i, m) for i, m in openings if _names_units(m["units"]) and not leads_only]
    plain_openings = [
        (i, m)
        for i, line in enumerate(lines)
        if layout.levels[i] is None
        and not leads_only
        and (m := _PLAIN_OPENING_RE.match(line))
        and _names_units(m["units"])
    ]
    # A heading over nothing (2.申报重点实验室 between sibling items) is an item, not a unit's;
    # and unit headings are most of the headings of their level, not one among key points.
    headings = [(i, m) for i, m in headings if layout.item_ends(i)]
    per_level = Counter(layout.levels[i] for i, _ in headings)
    headings = [
        (i, m) for i, m in headings if 2 * per_level[layout.levels[i]] >= layout.siblings(i)
    ]
    # One heading that says its unit leads (一、县示范区管委会牵头工作) is enough; names alone
    # must come twice, so that one key point that happens to end in 中心 is not taken for one.
    weight = sum(2 if match["leads"] else 1 for _, match in headings)
    if weight < _MIN_HEADINGS and len(openings) + len(plain_openings) < _MIN_HEADINGS:
        return text
    notes: dict[int, str] = {}  # line index → the annotation written at its end
    if weight >= _MIN_HEADINGS:
        heading_lines = sorted(index for index, _ in headings)
        for index, match in headings:
            following = bisect_right(heading_lines, index)
            if following < len(heading_lines) and heading_lines[following] < layout.ends[index]:
                continue  # 三、相关部门工作职责 over 1.研究生院职责: the units are below
            label = "牵头单位" if match["leads"] else "责任单位"
            units, others = _with_other_names(match["units"])
            note = (
                f"（牵头单位：{units}；配合单位：{others}）" if others else f"（{label}：{units}）"
            )
            for last in layout.item_ends(index):
                notes[last] = note
            if others:  # the bracket is the heading's, not an annotation of the text above it
                lines[index] = lines[index][: match.start("units")] + units
    if weight < _MIN_HEADINGS:
        lines = text.split("\n")  # the circled duties stay as they were written
    if len(openings) + len(plain_openings) >= _MIN_HEADINGS:
        for index, match in openings:
            last = layout.last_filled(index, layout.next_marker[index])
            if last is not None:
                notes.setdefault(last, f"（责任单位：{match['units']}）")
        for index, match in plain_openings:
            notes.setdefault(index, f"（责任单位：{match['units']}）")
    return "\n".join(line + notes.get(i, "") for i, line in enumerate(lines))


class _Layout:
    """The numbering of a text's lines, read once: each line's level, where the text under each
    numbered line ends, and which lines hold words (a group's members do not)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.levels = [_level(line) for line in lines]
        count = len(lines)
        self.ends = [count] * count  # the next line numbered at the same level or above
        self.next_marker = [count] * count  # the next numbered line of any level
        open_lines: list[int] = []
        following = count
        for index in range(count - 1, -1, -1):
            self.next_marker[index] = following
            if self.levels[index] is not None:
                following = index
        for index, level in enumerate(self.levels):
            if level is None:
                continue
            while open_lines and self.levels[open_lines[-1]] >= level:
                self.ends[open_lines.pop()] = index
            open_lines.append(index)
        self.filled = [bool(line.strip()) and not _ROLE_LINE.match(line) for line in lines]
        self._filled_before = [0, *accumulate(self.filled)]
        self._siblings = Counter(
            level
            for index, level in enumerate(self.levels)
            if level is not None and self._has_text(index)
        )

    def _has_text(self, heading: int) -> bool:
        return self._filled_before[self.ends[heading]] > self._filled_before[heading + 1]

    def siblings(self, heading: int) -> int:
        """Return how many numbered lines of the heading's level have text under them."""
        return self._siblings[self.levels[heading]]

    def item_ends(self, heading: int) -> list[int]:
        """Return the last line of each item under the heading at `heading`, or of each line
        of words under it when it has no numbered items (one duty a line)."""
        end = self.ends[heading]
        starts = [j for j in range(heading + 1, end) if self.levels[j] is not None]
        if not starts:
            return [j for j in range(heading + 1, end) if self.filled[j]]
        ends = []
        for start, stop in zip(starts, [*starts[1:], end], strict=True):
            last = self.last_filled(start, stop)
            # （1）年度主要任务与要求： over ①②③ heads the duties; it is none of them.
            parent = stop < end and self.levels[stop] > self.levels[start]
            if last is not None and not parent:
                ends.append(last)
        return ends

    def last_filled(self, start: int, end: int) -> int | None:
        return next((j for j in range(end - 1, start - 1, -1) if self.filled[j]), None)


def without_other_names(text: str) -> str:
    """Return `text` without the other names a unit heading gives in brackets (（一）综合办公室
    （党群工作部、监察室）): they are no annotation of the text above the heading."""
    if "(" not in text and "（" not in text:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        match = _HEADING_RE.match(line)
        if match and _with_other_names(match["units"])[1]:
            lines[index] = line[: match.start("units")] + _with_other_names(match["units"])[0]
    return "\n".join(lines)


_OTHER_NAMES_RE = re.compile(r"^(?P<unit>[^（）()]{2,20})[（(](?P<others>[^（）()]{2,60})[)）]$")


def _with_other_names(units: str) -> tuple[str, str]:
    """Return a heading's unit and the other names given in brackets after it, if any."""
    match = _OTHER_NAMES_RE.match(units)
    others = match["others"] if match else ""
    if len(others) < 2 or not _names_units(others):
        return units, ""  # 学工部(处): a short name, not other units
    return match["unit"], others


# ①…；②…；③… in one paragraph: each circled number after the first starts a duty of its own.
_INLINE_CIRCLED_RE = re.compile(r"(?<=[；;。])[ \t\u3000]*(?=[②-⑳])")


def _split_circled(text: str) -> str:
    return _INLINE_CIRCLED_RE.sub("\n", text)


def _names_units(words: str) -> bool:
    if words.startswith(_VERBS):
        return False
    names = listed_names(words)
    # A heading such as 三、请相关部门做好准备工作 mentions units; it does not name one.
    return bool(names) and all(
        is_unit(name)
        and (name.startswith("各") or without_short_name(name).endswith(_NAME_ENDINGS))
        for name in names
    )


def _level(line: str) -> int | None:
    return next((rank for rank, marker in enumerate(_MARKER_RES) if marker.match(line)), None)


# 组长：/ 成员：/ 主任：— who sits in a group, not a duty.
_ROLE_LINE = re.compile(
    r"^[ \t\u3000]*(?:\S{0,8}?(?:副?组\s*长|组\s*员|成\s*员|副?主\s*任|副?书记|负责人|联系人|秘书长?))\s*[:：]"
)
