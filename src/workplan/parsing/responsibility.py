"""Find responsibility annotations (（责任部门：…）, 牵头单位：…；配合单位：…) and read their lists."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Responsibility

OPEN = "（("
CLOSE = "）)"

# The bare forms (牵头：…；配合：…) are common in offices' own drafts.
LEAD_LABELS = ("牵头部门", "牵头单位", "牵头处室", "主责部门", "主责单位", "牵头", "主责")
CO_LABELS = (
    "配合部门", "配合单位", "协办单位", "协办部门", "协作单位", "参与单位", "参与部门", "配合", "协办",
)  # fmt: skip
PLAIN_LABELS = ("责任部门", "责任单位", "责任处室", "承办单位", "承办部门")
LEADER_LABELS = (
    "分管校领导", "责任校领导", "牵头校领导", "分管领导", "责任领导", "牵头领导", "牵头负责领导",
)  # fmt: skip
ALL_LABELS = LEAD_LABELS + CO_LABELS + PLAIN_LABELS + LEADER_LABELS
_LABEL_ALT = "|".join(sorted(map(re.escape, ALL_LABELS), key=len, reverse=True))
LABEL_RE = re.compile(rf"({_LABEL_ALT})\s*[:：]")
# An annotation in brackets: the opening bracket directly followed by a label.
BRACKETED_START_RE = re.compile(rf"[（(]\s*(?={_LABEL_ALT}\s*[:：])")
# An annotation on a line of its own, without brackets.
LINE_START_RE = re.compile(rf"(?m)^[ \t\u3000]*(?=(?:{_LABEL_ALT})\s*[:：])")

SEPARATORS = "、，,；;/／"
GENERIC_NOUNS = {
    "单位", "部门", "学院", "院部", "院系", "系部", "处室", "科室", "总支", "支部", "二级学院",
    "职能部门", "党总支", "直属单位", "教学单位",
}  # fmt: skip
GROUP_PREFIXES = ("各", "相关", "有关", "其他", "其它", "全校", "所有")
KNOWN_GROUPS = {"直属党支部", "各总支", "机关各部门", "各单位、部门"}


@dataclass
class Annotation:
    """One annotation found in a text: where it stands and what it says."""

    start: int
    end: int
    inner: str
    closed: bool


def find_annotations(text: str) -> list[Annotation]:
    """Return the responsibility annotations in `text`, in order of appearance."""
    found: list[Annotation] = []
    position = 0
    bracketed = BRACKETED_START_RE.search(text)
    line = LINE_START_RE.search(text)
    while True:
        # Each search again only when the last match has been passed: searching both afresh
        # after every annotation made a long key point cost the square of its length.
        if bracketed is not None and bracketed.start() < position:
            bracketed = BRACKETED_START_RE.search(text, position)
        if line is not None and line.start() < position:
            line = LINE_START_RE.search(text, position)
        if bracketed is None and line is None:
            return found
        if bracketed is not None and (line is None or bracketed.start() <= line.start()):
            close = _matching_close(text, bracketed.start())
            inner_start = bracketed.end()
            if close is None:
                found.append(Annotation(bracketed.start(), len(text), text[inner_start:], False))
                return found
            found.append(Annotation(bracketed.start(), close + 1, text[inner_start:close], True))
            position = close + 1
        elif line is not None:
            end = text.find("\n", line.end())
            end = len(text) if end == -1 else end
            found.append(Annotation(line.start(), end, text[line.end() : end], True))
            position = max(end, line.end() + 1)


def _matching_close(text: str, open_at: int) -> int | None:
    """Return the index of the bracket closing the one at `open_at`, either width."""
    depth = 0
    for index in range(open_at, len(text)):
        char = text[index]
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth -= 1
            if depth == 0:
                return index
    return None


def parse_annotation(inner: str) -> tuple[Responsibility, list[str]]:
    """Return the responsibility an annotation's inner text states, and the names it lists.

    In a plain list (责任部门：A、B，各单位) the first department leads; explicit 牵头/配合
    labels win; names under a leader label are people, not departments.
    """
    parts = _split_labels(inner)
    raw = inner.strip()
    if len(parts) == 1 and parts[0][0] in PLAIN_LABELS:
        raw = parts[0][1]
    has_lead_label = any(label in LEAD_LABELS for label, _ in parts)
    resp = Responsibility(raw=raw)
    for label, value in parts:
        if label in LEADER_LABELS:
            resp.leaders.extend(_split_people(value))
            continue
        departments, groups = split_department_list(value)
        _extend_unique(resp.groups, groups)
        if label in LEAD_LABELS:
            _extend_unique(resp.lead, departments)
        elif label in CO_LABELS or (label in PLAIN_LABELS and has_lead_label):
            _extend_unique(resp.co, departments)
        else:
            if not resp.lead and departments:
                resp.lead.append(departments[0])
                departments = departments[1:]
            _extend_unique(resp.co, departments)
    resp.co = [name for name in resp.co if name not in resp.lead]
    return resp, [*resp.lead, *resp.co]


def _split_labels(inner: str) -> list[tuple[str, str]]:
    matches = list(LABEL_RE.finditer(inner))
    parts = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(inner)
        value = inner[match.end() : end].strip()
        value = value.rstrip("；;，,。 \t\n\u3000")
        parts.append((match.group(1), value))
    return parts


def _extend_unique(target: list[str], names: list[str]) -> None:
    for name in names:
        if name not in target:
            target.append(name)


def _split_people(value: str) -> list[str]:
    people = []
    for token in re.split(rf"[{SEPARATORS}\s]+", value):
        token = token.strip().removesuffix("等")
        if token:
            people.append(token)
    return people


def split_department_list(value: str) -> tuple[list[str], list[str]]:
    """Return (department names, collective groups) named in a list such as 'A、B，各学院等'."""
    compact = re.sub(r"[\s\u3000]+", "", value).replace("**", "")
    tokens = _split_top_level(compact)
    departments: list[str] = []
    groups: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        # 各单位、部门 is one collective term even though it contains the list separator.
        if (
            token.startswith("各")
            and token[1:] in GENERIC_NOUNS
            and index + 1 < len(tokens)
            and tokens[index + 1] in GENERIC_NOUNS
        ):
            token = f"{token}、{tokens[index + 1]}"
            index += 1
        index += 1
        token = _strip_open_tail(token)
        if not token:
            continue
        target = groups if is_group(token) else departments
        if token not in target:
            target.append(token)
    return departments, groups


def _split_top_level(text: str) -> list[str]:
    """Split on list separators that are not inside brackets: 单位（部门） stays whole."""
    tokens, current, depth = [], [], 0
    for char in text:
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth = max(0, depth - 1)
        if char in SEPARATORS and depth == 0:
            tokens.append("".join(current))
            current = []
        else:
            current.append(char)
    tokens.append("".join(current))
    return [t for t in (token.strip() for token in tokens) if t]


def _strip_open_tail(token: str) -> str:
    for tail in ("等单位", "等部门", "等"):
        if token.endswith(tail) and len(token) > len(tail):
            return token[: -len(tail)]
    return token.strip("“”\"'")


def is_group(name: str) -> bool:
    """Return whether `name` is a collective term (各学院, 相关职能部门, 直属党支部) rather than a unit."""
    return name in KNOWN_GROUPS or name.startswith(GROUP_PREFIXES)
