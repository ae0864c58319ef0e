"""Match the leaders a document names (责任领导 / 分管领导) to school leader accounts by name.

A document names people as written ("张三", "张三副校长", "张 三"); the first one named is the
leader in charge. Exactly one active school leader of that name is matched; none or several
leave the name as written and flagged, never a guess. A name never becomes a department.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

# Titles a document may write after a leader's name; the name is matched without them.
_TITLES = sorted(
    {
        "同志", "校长", "副校长", "常务副校长", "书记", "副书记", "院长", "副院长", "主任",
        "副主任", "区长", "副区长", "县长", "副县长", "市长", "副市长", "局长", "副局长", "部长",
        "副部长", "处长", "副处长", "厅长", "副厅长", "主席", "副主席", "秘书长", "常委", "委员",
        "校领导", "总会计师",
    },
    key=len,
    reverse=True,
)  # fmt: skip
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")


def folded(name: str) -> str:
    """Return a name as matched: full-width folded, without spaces or a middle dot."""
    return re.sub(r"[\s·•]+", "", unicodedata.normalize("NFKC", name or ""))


def _without_title(name: str) -> str:
    name = _BRACKETED.sub("", name)
    stripped = True
    while stripped:
        stripped = False
        for title in _TITLES:
            if name.endswith(title) and len(name) > len(title):
                name, stripped = name[: -len(title)], True
                break
    return name


def leaders_by_name(accounts) -> dict[str, list]:
    """Return the school leader accounts grouped by their folded display name."""
    by_name: dict[str, list] = {}
    for account in accounts:
        by_name.setdefault(folded(account.display_name), []).append(account)
    return by_name


@dataclass
class LeaderMatch:
    """The first person a key point or task names, and the leader accounts of that name."""

    name: str
    accounts: list

    @property
    def leader(self):
        """Return the one account of that name, or None (no account, or several)."""
        return self.accounts[0] if len(self.accounts) == 1 else None

    def problem(self) -> str:
        """Return why the name was not matched, for the office ("" once matched)."""
        if len(self.accounts) == 1:
            return ""
        if not self.accounts:
            return _(
                "Leader in charge “{name}” matches no school leader account; kept as written."
            ).format(name=self.name)
        return _(
            "Leader in charge “{name}” matches {count} school leader accounts of the same name; "
            "none was chosen. Choose one in the task table."
        ).format(name=self.name, count=len(self.accounts))


def match_leader(names: list[str], by_name: dict[str, list]) -> LeaderMatch | None:
    """Return the match of the first of `names` (None if the document names nobody)."""
    name = next((n for n in names if folded(n)), None)
    if name is None:
        return None
    accounts = by_name.get(folded(name))
    if accounts is None:
        accounts = by_name.get(folded(_without_title(folded(name))), [])
    return LeaderMatch(name=name, accounts=list(accounts))


def same_person(account, name: str) -> bool:
    """Return whether `account` is the person a document calls `name`."""
    if account is None or not name:
        return False
    mine = folded(account.display_name)
    return mine in {folded(name), folded(_without_title(folded(name)))}


def unlinked(name: str) -> str:
    return _(
        "Leader in charge “{name}” has a school leader account that is not yet linked; use "
        "“Match leaders by name”."
    ).format(name=name)


def point_problem(key_point, by_name: dict[str, list]) -> str:
    """Return why the leader in charge the key point names is not set ("" if it is, or if the
    document names nobody)."""
    if key_point.leader_id or not key_point.leaders:
        return ""
    match = match_leader(key_point.leaders, by_name)
    if match is None:
        return ""
    return match.problem() or unlinked(match.name)


def task_problem(task, key_point, by_name: dict[str, list]) -> str:
    """Return why the leader in charge the task names is not set: "" if it is, if the task
    names nobody of its own, or if its key point's leader in charge is that person."""
    if task.leader_id or not task.leaders:
        return ""
    match = match_leader(task.leaders, by_name)
    if match is None:
        return ""
    if key_point.leaders[:1] == task.leaders[:1]:
        return ""  # the same person as the key point's, flagged there if unmatched
    if key_point.leader_id and key_point.leader_id in {a.pk for a in match.accounts}:
        return ""
    return match.problem() or unlinked(match.name)


def task_leader(task_names: list[str], key_point, by_name: dict[str, list]) -> LeaderMatch | None:
    """Return the match of the person a task names, None if it names nobody of its own (no
    one, or the key point's first person, whom it inherits)."""
    if task_names[:1] == key_point.leaders[:1]:
        return None
    return match_leader(task_names, by_name)


def parsed_leader_problems(parsed, by_name: dict[str, list]) -> list[str]:
    """Return, for a document before it is saved, each leader it names that matches no single
    school leader account, once per leader, with the key points and tasks that name them."""
    places: dict[str, list[str]] = {}
    for point in parsed.points:
        point_names = point.responsibility.leaders if point.responsibility else []
        match = match_leader(point_names, by_name)
        if match is not None and match.problem():
            places.setdefault(match.problem(), []).append(
                _("key point {number}").format(number=point.number)
            )
        for index, task in enumerate(point.tasks, start=1):
            names = task.responsibility.leaders if task.responsibility else []
            if not names or names[:1] == point_names[:1]:
                continue
            match = match_leader(names, by_name)
            if match is not None and match.problem():
                places.setdefault(match.problem(), []).append(
                    _("task {code}").format(code=f"{point.number}.{index}")
                )
    return [
        _("{places}: {problem}").format(places=_places_text(named), problem=problem)
        for problem, named in places.items()
    ]


PLACES_SHOWN = 5


def _places_text(places: list[str]) -> str:
    """Return 任务 1.1、任务 1.2 …, the first few of many and how many in all."""
    shown = "、".join(places[:PLACES_SHOWN])
    if len(places) <= PLACES_SHOWN:
        return shown
    return _("{shown} … ({count} in all)").format(shown=shown, count=len(places))
