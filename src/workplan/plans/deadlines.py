"""Read a deadline as offices write it (2021年6月底前, 年底前, 3-4月, 全年, 持续推进, 每季度)
into a due date or a recurrence. Pure: no Django."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Recurrence(StrEnum):
    NONE = ""
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMESTER = "semester"
    YEARLY = "yearly"
    CONTINUOUS = "continuous"


@dataclass(frozen=True)
class Deadline:
    """What a deadline phrase means: a due date, a recurrence, or neither (not understood)."""

    text: str
    due_date: date | None = None
    recurrence: Recurrence = Recurrence.NONE
    starts: date | None = None
    # Written as a date, but one no calendar has (2021-13-45, 2月30日, 9999年): a slip to refuse
    # where a person is typing it, rather than keep it flagged.
    impossible: bool = False

    @property
    def understood(self) -> bool:
        return (
            not self.text.strip() or self.due_date is not None or self.recurrence != Recurrence.NONE
        )


CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
            "十": 10, "十一": 11, "十二": 12}  # fmt: skip
MONTH = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
YEAR = r"(?:((?:19|20)\d{2})\s*年)?"
DASH = r"\s*(?:-|—|–|－|~|～|至|到)\s*"


def _month(token: str) -> int:
    return int(token) if token.isdigit() else CN_MONTH[token]


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _normalise(text: str) -> str:
    full = "０１２３４５６７８９"
    text = text.translate(str.maketrans(full, "0123456789"))
    return re.sub(r"\s+", "", text)


def _absolute_years(phrase: str, plan_year: int) -> str:
    """Write the years offices name relative to the plan's (明年3月底, 次年1月, 今年底) as numbers."""
    phrase = re.sub(r"明年|次年|翌年|下一?年度?", f"{plan_year + 1}年", phrase)
    return re.sub(r"今年", f"{plan_year}年", phrase)


# The note a moved deadline carries after its new date: （原：6月底前，已顺延）.
MOVED_NOTE = re.compile(r"（(?:原：(?P<original>.*)，)?已(?:顺延|调整)）\s*$")
ORIGINAL_CHARS = 150  # the original words kept in the note, so the whole fits in 200


def moved_deadline_text(text: str, old_due: date | None, new_due: date) -> str:
    """Return the deadline words after its due date moved from `old_due` to `new_due`: the new
    date first, then the words first written, kept through later moves —
    2021年9月30日前（原：6月底前，已顺延）; 已调整 when the date moved earlier."""
    original = original_deadline_text(text)
    new = f"{new_due.year}年{new_due.month}月{new_due.day}日前"
    moved = "已调整" if old_due is not None and new_due < old_due else "已顺延"
    if not original:
        return f"{new}（{moved}）"
    return f"{new}（原：{original[:ORIGINAL_CHARS]}，{moved}）"


def original_deadline_text(text: str) -> str:
    """Return the deadline words as first written, before any move (6月底前)."""
    text = (text or "").strip()
    match = MOVED_NOTE.search(text)
    return (match.group("original") or "").strip() if match else text


def parse_deadline(text: str, plan_year: int) -> Deadline:
    """Return the meaning of `text`; a phrase this cannot read keeps its words and no date. A
    moved deadline is read by its new date, not by the original words in its note."""
    deadline = _read(MOVED_NOTE.sub("", text or ""), plan_year)
    return Deadline(
        text=(text or "").strip() if deadline.text else "",
        due_date=deadline.due_date,
        recurrence=deadline.recurrence,
        starts=deadline.starts,
        impossible=deadline.impossible,
    )


def _read(text: str, plan_year: int) -> Deadline:
    phrase = _absolute_years(_normalise(text or ""), plan_year)
    if not phrase:
        return Deadline(text="")
    if any(not plan_year - 1 <= int(y) <= plan_year + 5 for y in re.findall(r"(\d{4})年", phrase)):
        # 9999年, 2100年: a slip of the keyboard, not a plan
        return Deadline(text=text.strip(), impossible=True)
    for reader in _READERS:
        result = reader(phrase, plan_year)
        if result is INVALID:
            # the phrase has this form but an impossible date: flag it, don't guess
            return Deadline(text=text.strip(), impossible=True)
        if result is not None:
            due, recurrence, starts = result
            return Deadline(text=text.strip(), due_date=due, recurrence=recurrence, starts=starts)
    return Deadline(text=text.strip())


INVALID = object()


def _valid(year: int, month: int, day: int | None = None) -> date | None:
    try:
        return date(year, month, day) if day else _end_of_month(year, month)
    except ValueError:
        return None


def _recurring(phrase: str, year: int):
    table = [
        (r"持续推进|长期坚持|长期|持续|常态化|经常性", Recurrence.CONTINUOUS),
        (r"每月|按月|月度", Recurrence.MONTHLY),
        (r"每季度?|按季度?|季度性", Recurrence.QUARTERLY),
        (r"每学期|按学期", Recurrence.SEMESTER),
        (r"每年|年度性", Recurrence.YEARLY),
    ]
    for pattern, recurrence in table:
        if re.search(pattern, phrase):
            return None, recurrence, None
    return None


def _month_range(phrase: str, year: int):
    match = re.search(YEAR + MONTH + r"月?" + DASH + YEAR + MONTH + r"月", phrase)
    if not match:
        return None
    first_year = int(match.group(1) or year)
    last_year = int(match.group(3) or match.group(1) or year)
    start = _valid(first_year, _month(match.group(2)), 1)
    end = _valid(last_year, _month(match.group(4)))
    if start is None or end is None or end < start:
        return INVALID
    return end, Recurrence.NONE, start


def _day(phrase: str, year: int):
    match = re.search(YEAR + MONTH + r"月(\d{1,2})[日号]", phrase)
    if not match:
        match = re.search(r"((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})", phrase)
        if not match:
            return None
        due = _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    else:
        due = _valid(int(match.group(1) or year), _month(match.group(2)), int(match.group(3)))
    return (due, Recurrence.NONE, None) if due else INVALID


def _month_end(phrase: str, year: int):
    match = re.search(
        YEAR + MONTH + r"月(?:份)?(?:底|末|中旬|上旬|下旬)?(?:前|以前|之前|内|完成)?", phrase
    )
    if not match:
        return None
    month = _month(match.group(2))
    if not 1 <= month <= 12:
        return INVALID
    chosen_year = int(match.group(1) or year)
    if "上旬" in phrase:
        return date(chosen_year, month, 10), Recurrence.NONE, None
    if "中旬" in phrase:
        return date(chosen_year, month, 20), Recurrence.NONE, None
    return _end_of_month(chosen_year, month), Recurrence.NONE, None


def _year_parts(phrase: str, year: int):
    match = re.search(r"((?:19|20)\d{2})年", phrase)
    chosen = int(match.group(1)) if match else year
    quarters = {"一": 3, "1": 3, "二": 6, "2": 6, "三": 9, "3": 9, "四": 12, "4": 12}
    quarter = re.search(r"第?([一二三四1-4])季度", phrase)
    if quarter:
        return _end_of_month(chosen, quarters[quarter.group(1)]), Recurrence.NONE, None
    # 下半年 before 半年: the second half of the year ends in December, not June.
    if re.search(r"下半年|年底|年末|年内|全年|本年度|年度内|当年", phrase):
        return date(chosen, 12, 31), Recurrence.NONE, None
    if re.search(r"上半年|年中|半年", phrase):
        return date(chosen, 6, 30), Recurrence.NONE, None
    if re.search(r"春季学期", phrase):
        return date(chosen, 7, 15), Recurrence.NONE, None
    if re.search(r"秋季学期", phrase):
        return date(chosen + 1, 1, 15), Recurrence.NONE, None
    return None


_READERS = [_recurring, _month_range, _day, _month_end, _year_parts]
