"""Plain dataclasses for a parsed 工作要点; `to_dict` gives the `workplan parse --json` contract."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class ParseError(Exception):
    """The document cannot be read at all; the message names the file and the problem."""


@dataclass
class Responsibility:
    """Who is responsible, as annotated: lead and co departments, collective groups, leaders."""

    raw: str
    lead: list[str] = field(default_factory=list)
    co: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    # Read with the annotation but not part of the JSON contract: a 完成时限 field (given to the
    # task) and doubts about the reading (given to the item's warnings).
    deadline: str = field(default="", compare=False)
    notes: list[str] = field(default_factory=list, compare=False)

    def is_empty(self) -> bool:
        return not (self.lead or self.co or self.groups or self.leaders)

    def department_names(self) -> list[str]:
        return [*self.lead, *self.co]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "raw": self.raw,
            "lead": list(self.lead),
            "co": list(self.co),
            "groups": list(self.groups),
        }
        if self.leaders:
            data["leaders"] = list(self.leaders)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Responsibility | None:
        if data is None:
            return None
        return cls(
            raw=data["raw"],
            lead=list(data.get("lead", [])),
            co=list(data.get("co", [])),
            groups=list(data.get("groups", [])),
            leaders=list(data.get("leaders", [])),
        )


@dataclass
class ParsedTask:
    """One task sentence (or table row) of a key point."""

    text: str
    responsibility: Responsibility | None = None
    section: str = ""
    deadline: str = ""
    outcome: str = ""  # 预期成果, from a table's column of that name
    # Why this task's reading is uncertain (a missing lead, a person in a department field…),
    # shown beside it in the preview; empty when the reading is sure.
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "text": self.text,
            "responsibility": self.responsibility.to_dict() if self.responsibility else None,
        }
        if self.section:
            data["section"] = self.section
        if self.deadline:
            data["deadline"] = self.deadline
        if self.outcome:
            data["outcome"] = self.outcome
        if self.warnings:
            data["warnings"] = list(self.warnings)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParsedTask:
        return cls(
            text=data["text"],
            responsibility=Responsibility.from_dict(data.get("responsibility")),
            section=data.get("section", ""),
            deadline=data.get("deadline", ""),
            outcome=data.get("outcome", ""),
            warnings=list(data.get("warnings", [])),
        )


@dataclass
class ParsedPoint:
    """A numbered key point: its title sentence, its tasks and its own annotation."""

    number: int
    title: str
    tasks: list[ParsedTask] = field(default_factory=list)
    responsibility: Responsibility | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "number": self.number,
            "title": self.title,
            "tasks": [task.to_dict() for task in self.tasks],
            "responsibility": self.responsibility.to_dict() if self.responsibility else None,
        }
        if self.warnings:
            data["warnings"] = list(self.warnings)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParsedPoint:
        return cls(
            number=data["number"],
            title=data["title"],
            tasks=[ParsedTask.from_dict(t) for t in data.get("tasks", [])],
            responsibility=Responsibility.from_dict(data.get("responsibility")),
            warnings=list(data.get("warnings", [])),
        )


@dataclass
class AliasProposal:
    """A name the document uses that the registry suggests is another department's 简称.

    Proposed, never applied: the office confirms it in the preview (or `workplan import
    --accept-aliases`)."""

    name: str
    proposed: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "proposed": self.proposed}


@dataclass
class ParsedDepartment:
    """A department named in the document under its canonical name, with the aliases it used."""

    name: str
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "aliases": list(self.aliases)}


@dataclass
class ParsedPlan:
    """The whole document: header, preamble, key points, departments and warnings."""

    title: str
    organization: str
    organization_aliases: list[str]
    year: int | None
    preamble: str
    points: list[ParsedPoint]
    departments: list[ParsedDepartment]
    warnings: list[str] = field(default_factory=list)
    # Names the registry suggests belong to a known department; kept as written until confirmed.
    proposals: list[AliasProposal] = field(default_factory=list)
    # A digest of the document's own text, so the same document is recognised whatever the
    # registry resolved its names to. Not part of the JSON contract.
    source_digest: str = ""

    def task_count(self) -> int:
        return sum(len(point.tasks) for point in self.points)

    def group_names(self) -> list[str]:
        """Return the collective terms used anywhere, in order of first use."""
        seen: dict[str, None] = {}
        for point in self.points:
            for resp in [point.responsibility, *(t.responsibility for t in point.tasks)]:
                for group in resp.groups if resp else []:
                    seen.setdefault(group, None)
        return list(seen)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "title": self.title,
            "organization": self.organization,
            "organization_aliases": list(self.organization_aliases),
            "year": self.year,
            "preamble": self.preamble,
            "points": [point.to_dict() for point in self.points],
            "departments": [dept.to_dict() for dept in self.departments],
            "warnings": list(self.warnings),
        }
        if self.proposals:
            data["proposals"] = [proposal.to_dict() for proposal in self.proposals]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParsedPlan:
        return cls(
            title=data["title"],
            organization=data["organization"],
            organization_aliases=list(data.get("organization_aliases", [])),
            year=data.get("year"),
            preamble=data.get("preamble", ""),
            points=[ParsedPoint.from_dict(p) for p in data.get("points", [])],
            departments=[
                ParsedDepartment(name=d["name"], aliases=list(d.get("aliases", [])))
                for d in data.get("departments", [])
            ],
            warnings=list(data.get("warnings", [])),
            proposals=[AliasProposal(p["name"], p["proposed"]) for p in data.get("proposals", [])],
        )
