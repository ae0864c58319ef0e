"""Score a parse against a hand annotation (the dev set's `NAME.gold.json`).

Each annotated item is matched to the parsed task (or key point) whose text contains the start
of its title (a task's own text first, then with its section, then a key point's title); a name
the parse resolved to a full name in the same document counts as that department; the departments found for it (lead, co and groups) are counted against the
annotated ones, and its first lead compared. The figures are what an office would notice: how
many responsible units the import got right, and whether the right one leads.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import ParseError, parse_file
from .script import strip_pinyin

# How much of a gold title must be found in the parsed text: enough to tell items apart.
TITLE_START = 10


def _compact(text: str) -> str:
    text = unicodedata.normalize("NFKC", strip_pinyin(text or ""))
    return re.sub(r"[\W_]+", "", text)


@dataclass
class ItemScore:
    title: str
    found: bool
    expected: list[str]
    parsed: list[str]
    lead_expected: str
    lead_parsed: str

    @property
    def true_positives(self) -> int:
        return len(set(self.expected) & set(self.parsed))

    @property
    def lead_correct(self) -> bool:
        return self.lead_expected == self.lead_parsed


@dataclass
class DocumentScore:
    name: str
    refused: str = ""
    items: list[ItemScore] = field(default_factory=list)

    def counts(self) -> tuple[int, int, int]:
        """Return (true positives, departments parsed, departments expected)."""
        tp = sum(item.true_positives for item in self.items)
        parsed = sum(len(set(item.parsed)) for item in self.items)
        expected = sum(len(set(item.expected)) for item in self.items)
        return tp, parsed, expected

    @property
    def leads_correct(self) -> int:
        return sum(item.lead_correct for item in self.items)


def _parsed_items(plan: dict[str, Any]) -> list[tuple[str, dict | None]]:
    """Return (text, responsibility) of every task, then of every task with its section in
    front (a title may run from a section into its task), then of every key point: a gold title
    is matched in that order, so a task's own words win over a section that repeats them."""
    tasks = [(point, task) for point in plan["points"] for task in point["tasks"]]
    items = [
        (_compact(task["text"]), task["responsibility"] or point["responsibility"])
        for point, task in tasks
    ]
    items += [
        (
            _compact(task.get("section", "") + task["text"]),
            task["responsibility"] or point["responsibility"],
        )
        for point, task in tasks
        if task.get("section")
    ]
    for point in plan["points"]:
        items.append((_compact(point["title"]), point["responsibility"]))
    return items


def _best_match(title: str, parsed_items: list[tuple[str, dict | None]]) -> dict | bool | None:
    """Return the responsibility of the parsed item holding the longest start of `title` (at
    least TITLE_START characters; the first such item on a tie), or False when none holds it:
    items opening alike (听取和审议市人民政府关于…) are told apart by what follows."""
    start = title[:TITLE_START]
    best, best_length = False, 0
    for text, resp in parsed_items:
        if not start or start not in text:
            continue
        low, high = len(start), len(title)  # the longest prefix held, by bisection
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if title[:middle] in text else (low, middle - 1)
        if low > best_length:
            best, best_length = resp, low
    return best


def _names(names: Iterable[str]) -> list[str]:
    # A gold name keeps a mirror site's pinyin as written (學(xué)生處); the unit is 學生處.
    return [unicodedata.normalize("NFKC", strip_pinyin(name)).strip() for name in names]


def score_plan(name: str, plan: dict[str, Any], gold: dict[str, Any]) -> DocumentScore:
    """Return the score of `plan` (the `--json` form of a parse) against `gold`."""
    score = DocumentScore(name=name)
    parsed_items = _parsed_items(plan)
    # A short name the parse resolved to a full one named in the same document (后勤处 →
    # 后勤管理处) is that department: the parse keeps the short name as its alias.
    full_names = {
        alias: department["name"]
        for department in plan.get("departments", [])
        for alias in _names(department.get("aliases", []))
    }
    for item in gold["points"]:
        # An annotator may write one lead as a string rather than a list of one.
        lead = (
            [item["lead"]] if isinstance(item["lead"], str) and item["lead"] else item["lead"] or []
        )
        expected = [full_names.get(n, n) for n in _names([*lead, *item["co"]])]
        match = _best_match(_compact(item["title"]), parsed_items)
        found = match is not False
        resp = match or {}
        groups = []
        for group in _names(resp.get("groups", [])):
            parts = group.split("、")
            # 各乡镇人民政府、街道办事处 is one collective term; a hand annotation may list its
            # parts. Either way counts.
            groups += parts if len(parts) > 1 and all(p in expected for p in parts) else [group]
        parsed = _names([*resp.get("lead", []), *resp.get("co", [])]) + groups
        score.items.append(
            ItemScore(
                title=item["title"],
                found=found,
                expected=expected,
                parsed=parsed,
                lead_expected=expected[0] if lead else "",
                lead_parsed=_names(resp.get("lead", []))[0] if resp.get("lead") else "",
            )
        )
    return score


def score_document(document: Path, gold_path: Path) -> DocumentScore:
    """Parse `document` and score it against the annotation in `gold_path`."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    try:
        plan = parse_file(document).to_dict()
    except ParseError as exc:
        score = score_plan(document.name, {"points": []}, gold)
        score.refused = str(exc)
        return score
    return score_plan(document.name, plan, gold)


def score_folder(folder: Path) -> list[DocumentScore]:
    """Score every document in `folder` that has a `NAME.gold.json` beside it."""
    scores = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        stem = gold_path.name.removesuffix(".gold.json")
        documents = [p for p in folder.glob(f"{stem}.*") if not p.name.endswith(".gold.json")]
        if documents:
            scores.append(score_document(documents[0], gold_path))
    return scores


def totals(scores: list[DocumentScore]) -> dict[str, float]:
    """Return precision, recall, F1 and lead accuracy over all `scores`."""
    tp = sum(s.counts()[0] for s in scores)
    parsed = sum(s.counts()[1] for s in scores)
    expected = sum(s.counts()[2] for s in scores)
    items = sum(len(s.items) for s in scores)
    precision = tp / parsed if parsed else 0.0
    recall = tp / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    leads = sum(s.leads_correct for s in scores)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "lead": leads / items if items else 0.0,
        "items": items,
        "refused": sum(bool(s.refused) for s in scores),
    }
