"""Undo the line breaks a PDF copy puts at the end of every printed line.

Text copied out of a PDF keeps the page's line breaks: every line of a paragraph is cut at the
same width, in the middle of a sentence, a heading or a department's name (园区党工 / 委). Such
text is recognised by the width most of its long lines share; a line of that width that does not
end a sentence continues on the next line. Text of any other shape is left as it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from itertools import pairwise

from .readers import TABLE_MARK_RE
from .responsibility import ALL_LABELS, LABEL_ALTERNATIVES

# Lines of tables drawn or copied with separators are never joined, nor counted.
_TABLE_SIGNS = re.compile(r"[|│┃┆\t]")
_SENTENCE_END = "。！？!?"
# How far a printed line's width may fall short of the page's: a paragraph's first line is
# indented, and a copy that turned full-width punctuation half-width made its lines shorter.
_SLACK = 6
_MIN_WIDTH = 30  # 15 Chinese characters: shorter lines are headings and list items
# A page narrower than 22 Chinese characters is a list of equal items, not a printed page.
_MIN_PAGE = 44
_MIN_LINES = 8
# What starts a line of its own even after a full one: a numbered item or a labelled field.
_LINE_START = re.compile(
    r"^[ \t\u3000]*(?:\d{1,3}[.．、](?!\d)|[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）]"
    r"|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}条|[①-⑳]"
    rf"|(?:{LABEL_ALTERNATIVES})\s*[:：])"
)


def width(line: str) -> int:
    """Return how wide `line` prints: a Chinese character two units, a Latin one one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def wrap_width(lines: list[str]) -> int | None:
    """Return the width at which the text's lines were cut, or None when they were not."""
    widths = [
        width(line.strip())
        for line in lines
        if not _TABLE_SIGNS.search(line) and width(line.strip()) >= _MIN_WIDTH
    ]
    if len(widths) < _MIN_LINES:
        return None
    counts = Counter(widths)

    def near(target: int) -> int:
        return sum(n for w, n in counts.items() if target - _SLACK <= w <= target)

    page = max(counts, key=lambda w: (near(w), w))
    if page < _MIN_PAGE:
        return None
    wider = sum(n for w, n in counts.items() if w > page + _SLACK)
    if near(page) < max(_MIN_LINES, 0.4 * len(widths)) or wider > 0.1 * len(widths):
        return None
    return page


def unwrap_lines(text: str) -> str:
    """Return `text` with the lines of each cut paragraph joined again."""
    lines = text.split("\n")
    page = wrap_width(lines)
    if page is None:
        return text
    paragraphs: list[list[str]] = []  # the lines of each, joined once at the end
    joining = False
    spaced = _double_spaced(lines)
    for line in lines:
        bare = line.strip()
        if joining and _PAGE_NUMBER_RE.match(line):
            continue  # a page's number between the halves of a sentence cut by the page's end
        if joining and spaced and not bare:
            continue  # a copy that put a blank line after every printed line
        if joining and bare and not _TABLE_SIGNS.search(line) and not _LINE_START.match(line):
            paragraphs[-1].append(bare)
        else:
            paragraphs.append([line])
        joining = (
            not _TABLE_SIGNS.search(line)
            and width(bare) >= page - _SLACK
            and not bare.endswith(tuple(_SENTENCE_END))
        )
    return "\n".join(_join(lines) for lines in paragraphs)


def _double_spaced(lines: list[str]) -> bool:
    """Return whether nearly every printed line is followed by one blank line (a copy of a
    flip-book or a web page that spaced its lines), so a blank line ends no paragraph."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    single_gaps = sum(1 for a, b in pairwise(filled) if b == a + 2 and not lines[a + 1].strip())
    return len(filled) >= _MIN_LINES and single_gaps >= 0.6 * (len(filled) - 1)


# Where a numbered item may start inside a line: after a sentence, a clause or a space.
_INLINE_ITEM_RE = re.compile(
    r"(?<=[。；;：:！？!?\s])[ \t\u3000]*"
    r"(?P<number>\d{1,2}|[一二三四五六七八九十]{1,3})(?P<mark>[、.．])(?!\d)"
    # …质监站(二)小街巷专项整治: a bracketed number needs nothing before it.
    r"|[（(](?P<bracketed>\d{1,2}|[一二三四五六七八九十]{1,3})[)）]"
)
_CHINESE_DIGITS = "一二三四五六七八九十"
_LONG_LINE = 400  # characters: a whole document run into one line, not a paragraph
_LONG_LINE_WITH_POINTS = 120
_OPENS_WITH_FIRST_POINT_RE = re.compile(r"^[ \t\u3000]*一、")


def break_run_on_items(text: str) -> str:
    """Return `text` with a line break before each numbered item of a document copied into one
    long line (一、… 1、… 2、… run together): a number counts where it follows the one before
    (or restarts at 1), in the same style."""
    lines = []
    for line in text.split("\n"):
        # Long, or holding key points and tasks alike (一、… 1.… 二、…), or opening with 一、 and
        # going on to 二、 and 三、: a document, not a paragraph that counts its points inline
        # (要做到：1.…；2.…).
        matches = list(_INLINE_ITEM_RE.finditer(line)) if len(line) > 20 else []
        styles = {
            "digit" if (m["number"] or m["bracketed"]).isdigit() else "chinese" for m in matches
        }
        key_points = [m["number"] for m in matches if m["mark"] == "、" and m["number"] in "二三"]
        if (
            len(line) <= _LONG_LINE
            and not (len(line) > _LONG_LINE_WITH_POINTS and styles == {"digit", "chinese"})
            and not (_OPENS_WITH_FIRST_POINT_RE.match(line) and key_points[:2] == ["二", "三"])
        ):
            lines.append(line)
            continue
        last: dict[str, int] = {"chinese": 1} if _OPENS_WITH_FIRST_POINT_RE.match(line) else {}
        cuts = []
        for match in _INLINE_ITEM_RE.finditer(line):
            number = match["number"] or match["bracketed"]
            style = ("digit" if number.isdigit() else "chinese") + (
                "" if match["number"] else " in brackets"
            )
            value = int(number) if number.isdigit() else _chinese_value(number)
            if value == 1 or value == last.get(style, 0) + 1:
                last[style] = value
                cuts.append(match.start("number") if match["number"] else match.start())
        pieces = [line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]
        lines.extend(piece for piece in pieces if piece)
    return "\n".join(lines)


def _chinese_value(number: str) -> int:
    if number == "十":
        return 10
    if number.startswith("十"):
        return 10 + _CHINESE_DIGITS.index(number[1]) + 1
    if len(number) == 1:
        return _CHINESE_DIGITS.index(number) + 1
    if len(number) == 2 and number.endswith("十"):
        return (_CHINESE_DIGITS.index(number[0]) + 1) * 10
    if len(number) == 3 and number[1] == "十":
        return (_CHINESE_DIGITS.index(number[0]) + 1) * 10 + _CHINESE_DIGITS.index(number[2]) + 1
    return 0


# A page's number printed alone on its line (the copy of a PDF keeps it).
_PAGE_NUMBER_RE = re.compile(r"^[ \t\u3000]*\d{1,3}[ \t\u3000]*$")
_ENDS_ITEM = tuple(_SENTENCE_END + "；;）)")
_FIELD_RE = re.compile(rf"^[ \t\u3000]*(?:{LABEL_ALTERNATIVES})\s*[:：]")


def drop_page_numbers(text: str) -> str:
    """Return `text` without the page numbers standing alone between two items: after a line
    that ends a sentence or gives a field, and before one that starts an item or a field. Run once flattened
    tables are read, whose 序号 cells stand alone on their lines too."""
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    dropped = {
        here
        for before, here, after in zip(filled, filled[1:], filled[2:], strict=False)
        if _PAGE_NUMBER_RE.match(lines[here])
        and (lines[before].rstrip().endswith(_ENDS_ITEM) or _FIELD_RE.match(lines[before]))
        and _LINE_START.match(lines[after])
    }
    if not dropped:
        return text
    return "\n".join(line for i, line in enumerate(lines) if i not in dropped)


def _join(lines: list[str]) -> str:
    return "".join([lines[0].rstrip(), *lines[1:]]) if len(lines) > 1 else lines[0]


# 责任单位： on a line of its own, its names on the next (or with no colon at all); (二)责任单位：
# numbered as if the fields were items.
_BARE_LABEL_RE = re.compile(
    rf"^[ \t\u3000]*(?:{LABEL_ALTERNATIVES})[ \t\u3000]*[:：]?[ \t\u3000]*$"
)
_NUMBERED_LABEL_RE = re.compile(
    r"^([ \t\u3000]*)(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[①-⑳])[ \t\u3000]*"
    rf"(?=(?:{LABEL_ALTERNATIVES})[ \t\u3000]*[:：])"
)


# 责任科室：组织科、思政科等2 .夯实基层…: a copy that lost its line breaks runs a field's names
# into the next item's number.
_RUN_ON_FIELD_RE = re.compile(
    rf"((?:{LABEL_ALTERNATIVES})[ \t\u3000]*[:：][^\n:：。]{{2,80}}?[\u4e00-\u9fff）)])"
    r"(?=\d{1,2}[ \t\u3000]*[.．、](?!\d)[ \t\u3000]*[\u4e00-\u9fff])"
)


def break_run_on_fields(text: str) -> str:
    """Return `text` with a line break between a field's names and the item numbered after them."""
    return _RUN_ON_FIELD_RE.sub("\\1\n", text)


def join_label_lines(text: str) -> str:
    """Return `text` with each field's label and names on one line: a label alone on its line
    takes the next line as its value; a number before a label (（二）责任单位：) is dropped."""
    lines = text.split("\n")
    out: list[str] = []
    waiting = False  # the last line was a label alone
    for line in lines:
        line = _NUMBERED_LABEL_RE.sub(r"\1", line)
        if out and _cuts_label(out[-1], line):
            out[-1] = out[-1].rstrip() + line.strip()  # （牵头 / 单位：…: a label cut in two
            continue
        if (
            waiting
            and line.strip()
            and not _LINE_START.match(line)
            and not TABLE_MARK_RE.search(line)
        ):
            label = out[-1].rstrip()
            out[-1] = label + ("" if label.endswith(("：", ":")) else "：") + line.strip()
            waiting = False
            continue
        if waiting and not line.strip():
            continue  # a blank line between a label and its names
        out.append(line)
        waiting = bool(_BARE_LABEL_RE.match(line)) and len(line.strip()) > 2
    return "\n".join(out)


_LABEL_REST_RE = re.compile(r"^[ \t\u3000]*([\u4e00-\u9fff]{1,5})[ \t\u3000]*[:：]")


def _cuts_label(line: str, following: str) -> bool:
    """Return whether `line` ends with the start of a label that `following` finishes."""
    rest = _LABEL_REST_RE.match(following)
    if rest is None or rest.group(1) in ALL_LABELS:
        return False
    end = line.rstrip()
    return any(
        end[-size:] + rest.group(1) in ALL_LABELS
        for size in range(1, 6)
        if len(end) >= size and re.fullmatch(r"[\u4e00-\u9fff]+", end[-size:])
    )
