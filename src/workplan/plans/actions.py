"""Every write to plans: do_<verb>_<noun>, one transaction each."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum

from django.db import transaction
from django.utils.translation import gettext as _

from workplan.audit.records import record_many_created
from workplan.org.actions import RegistryChanges, do_register_names
from workplan.parsing import ParsedPlan, Responsibility
from workplan.plans.models import Assignment, KeyPoint, Plan, Task


class ImportRefused(Exception):
    """The parsed document can't become a plan; the message says why, for the user."""


class ImportStatus(StrEnum):
    CREATED = "created"
    UNCHANGED = "unchanged"


@dataclass
class ImportOutcome:
    """What an import did: the plan, whether it was new, and registry names to review."""

    plan: Plan
    status: ImportStatus
    new_departments: list[str] = field(default_factory=list)
    new_aliases: list[tuple[str, str]] = field(default_factory=list)


def fingerprint(parsed: ParsedPlan) -> str:
    """Return a hash of the document, to recognise a re-import of the same one."""
    if parsed.source_digest:
        return parsed.source_digest
    data = parsed.to_dict()
    data.pop("warnings")
    encoded = json.dumps(data, ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(encoded).hexdigest()


@transaction.atomic
def do_import_plan(parsed: ParsedPlan, *, source_name: str = "", by=None) -> ImportOutcome:
    """Return the outcome of saving a parsed document as a plan, all or nothing.

    The same document imported again changes nothing; a different document for a plan that
    already exists is refused (revisions are imported through their own review).
    """
    if parsed.year is None:
        raise ImportRefused(
            _("The document does not say which year it is for; add the year to its title.")
        )
    if not parsed.points:
        raise ImportRefused(_("The document has no numbered key points."))
    organization = parsed.organization or parsed.title
    digest = fingerprint(parsed)
    existing = (
        Plan.objects.select_for_update().filter(organization=organization, year=parsed.year).first()
    )
    if existing is not None:
        if existing.fingerprint == digest:
            return ImportOutcome(plan=existing, status=ImportStatus.UNCHANGED)
        raise ImportRefused(
            _(
                "A plan of {organization} for {year} already exists and differs from this "
                "document. Importing a revised version is not supported yet."
            ).format(organization=organization, year=parsed.year)
        )

    note = _("Imported from {name}").format(name=source_name or _("a document"))
    registry = do_register_names(parsed.departments, parsed.group_names(), by=by, note=note)
    plan = Plan.objects.create(
        organization=organization,
        organization_aliases=parsed.organization_aliases,
        title=parsed.title,
        year=parsed.year,
        preamble=parsed.preamble,
        source_name=source_name[:255],
        fingerprint=digest,
        created_by=by,
    )
    key_points = KeyPoint.objects.bulk_create(
        KeyPoint(
            plan=plan,
            number=point.number,
            title=point.title[:500],
            responsibility_raw=point.responsibility.raw if point.responsibility else "",
            leaders=point.responsibility.leaders if point.responsibility else [],
        )
        for point in parsed.points
    )
    tasks_by_point = []
    for key_point, point in zip(key_points, parsed.points, strict=True):
        tasks_by_point.append(
            [
                Task(
                    key_point=key_point,
                    number=index,
                    text=task.text,
                    section=task.section[:200],
                    deadline_text=task.deadline[:200],
                    responsibility_raw=task.responsibility.raw if task.responsibility else "",
                    leaders=task.responsibility.leaders if task.responsibility else [],
                )
                for index, task in enumerate(point.tasks, start=1)
            ]
        )
    Task.objects.bulk_create([task for tasks in tasks_by_point for task in tasks])

    assignments: list[Assignment] = []
    for key_point, point, tasks in zip(key_points, parsed.points, tasks_by_point, strict=True):
        assignments += _assignments(point.responsibility, registry, key_point=key_point)
        for task_row, task in zip(tasks, point.tasks, strict=True):
            assignments += _assignments(task.responsibility, registry, task=task_row)
    Assignment.objects.bulk_create(assignments)
    _record_import(plan, key_points, tasks_by_point, assignments, by=by, note=note)
    return ImportOutcome(
        plan=plan,
        status=ImportStatus.CREATED,
        new_departments=registry.created,
        new_aliases=registry.new_aliases,
    )


def _record_import(plan, key_points, tasks_by_point, assignments, *, by, note) -> None:
    """Record every row the import created, each on the timeline of its key point or task."""
    entries = [(plan, ["organization", "title", "year"], None)]
    entries += [(kp, ["number", "title"], None) for kp in key_points]
    entries += [(task, ["number", "text"], None) for tasks in tasks_by_point for task in tasks]
    for assignment in assignments:
        scope = (
            f"plans.task:{assignment.task_id}"
            if assignment.task_id
            else f"plans.keypoint:{assignment.key_point_id}"
        )
        entries.append((assignment, ["role", "department", "group"], scope))
    record_many_created(entries, by=by, note=note)


def _assignments(
    resp: Responsibility | None, registry: RegistryChanges, **target
) -> list[Assignment]:
    if resp is None:
        return []
    rows: list[Assignment] = []
    seen: set[int] = set()
    for role, names in ((Assignment.Role.LEAD, resp.lead), (Assignment.Role.CO, resp.co)):
        for name in names:
            department = registry.departments[name]
            if department.pk in seen:
                continue
            seen.add(department.pk)
            rows.append(Assignment(department=department, role=role, position=len(rows), **target))
    for name in resp.groups:
        rows.append(
            Assignment(
                group=registry.groups[name], role=Assignment.Role.CO, position=len(rows), **target
            )
        )
    return rows
