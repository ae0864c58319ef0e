"""Documents in traditional script: read them in simplified script, give the words back as written.

Mirror sites republish mainland documents converted to traditional characters; the labels and
column names the parser knows are simplified. OpenCC's t2s conversion keeps a text's length for
the characters found in task documents, so each converted character maps back to the one the
document used.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import opencc

from .model import ParsedPlan, Responsibility
from .readers import Document

# Characters written only in traditional script, common in task documents: a document with
# several is read in simplified script (mirror sites republish mainland documents converted).
_TRADITIONAL = set(
    "們這個為與國會發對區縣責單門辦負頭務關點內級導領時間處職體機構織組應開業經濟設計劃現實進動員學長產條質種項"
)


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def in_simplified(document: Document, warnings: list[str]) -> Document:
    """Return `document` in simplified script if it is written in traditional script."""
    sample = document.text[:20_000] + "".join(
        cell for table in document.tables[:3] for row in table[:50] for cell in row
    )
    if sum(1 for char in sample if char in _TRADITIONAL) < 5:
        return document
    convert = _to_simplified().convert
    warnings.append("文档是繁体字，已按简体字识别；名称仍按原文书写。")
    return Document(
        name=document.name,
        text=convert(document.text),
        tables=[[[convert(cell) for cell in row] for row in table] for table in document.tables],
    )


def write_as_original(plan: ParsedPlan, original: Document, simplified: Document) -> None:
    """Give the plan's words back in the document's own script: the names as written."""
    counts: dict[str, Counter] = {}
    pairs = [(original.text, simplified.text)] + [
        (a, b)
        for table_a, table_b in zip(original.tables, simplified.tables, strict=True)
        for row_a, row_b in zip(table_a, table_b, strict=True)
        for a, b in zip(row_a, row_b, strict=True)
    ]
    for before, after in pairs:
        if len(before) == len(after):
            for a, b in zip(before, after, strict=True):
                if a != b:
                    counts.setdefault(b, Counter())[a] += 1
    table = str.maketrans({b: c.most_common(1)[0][0] for b, c in counts.items()})

    def back(text: str) -> str:
        return text.translate(table)

    def responsibility(resp: Responsibility | None) -> None:
        if resp is not None:
            resp.raw = back(resp.raw)
            for names in (resp.lead, resp.co, resp.groups, resp.leaders):
                names[:] = [back(name) for name in names]

    plan.title, plan.organization, plan.preamble = map(
        back, (plan.title, plan.organization, plan.preamble)
    )
    plan.organization_aliases = [back(name) for name in plan.organization_aliases]
    for point in plan.points:
        point.title = back(point.title)
        responsibility(point.responsibility)
        for task in point.tasks:
            task.text, task.section, task.deadline = map(
                back, (task.text, task.section, task.deadline)
            )
            responsibility(task.responsibility)
    for department in plan.departments:
        department.name = back(department.name)
        department.aliases = [back(alias) for alias in department.aliases]
    for proposal in plan.proposals:
        proposal.name, proposal.proposed = back(proposal.name), back(proposal.proposed)


_PINYIN_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])[（(][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}[)）]"
)


def strip_pinyin(text: str) -> str:
    """Return `text` without the pinyin a mirror site put after characters: 學(xué)生處 → 學生處.
    Only a bracket of Latin letters with a tone mark, right after a Chinese character, goes."""
    return _PINYIN_RE.sub("", text)
