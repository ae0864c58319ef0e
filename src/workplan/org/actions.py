"""Writes to the department registry; each runs inside the caller's transaction or its own."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from workplan.org.kinds import guess_kind
from workplan.org.models import Department, DepartmentAlias, DepartmentGroup
from workplan.parsing import ParsedDepartment


@dataclass
class RegistryChanges:
    """What registering a document's names did: canonical name → department, and what is new."""

    departments: dict[str, Department] = field(default_factory=dict)
    groups: dict[str, DepartmentGroup] = field(default_factory=dict)
    created: list[str] = field(default_factory=list)
    new_aliases: list[tuple[str, str]] = field(default_factory=list)
    alias_conflicts: list[str] = field(default_factory=list)


@transaction.atomic
def do_register_names(
    parsed_departments: list[ParsedDepartment], group_names: list[str]
) -> RegistryChanges:
    """Return the registry rows for a document's departments and groups, creating what is new.

    New departments are marked for review; an alias already used by another department is
    left alone and reported.
    """
    changes = RegistryChanges()
    wanted = [d.name for d in parsed_departments]
    known = {d.name: d for d in Department.objects.filter(name__in=wanted)}
    by_alias = {
        a.name: a.department
        for a in DepartmentAlias.objects.filter(name__in=wanted).select_related("department")
    }
    for parsed in parsed_departments:
        department = known.get(parsed.name) or by_alias.get(parsed.name)
        if department is None:
            department = Department.objects.create(
                name=parsed.name, kind=guess_kind(parsed.name), needs_review=True
            )
            changes.created.append(parsed.name)
        changes.departments[parsed.name] = department
        for alias in parsed.aliases:
            owner = DepartmentAlias.objects.filter(name=alias).select_related("department").first()
            if owner is None and not Department.objects.filter(name=alias).exists():
                DepartmentAlias.objects.create(department=department, name=alias)
                changes.new_aliases.append((alias, department.name))
            elif owner is not None and owner.department_id != department.pk:
                changes.alias_conflicts.append(alias)
            changes.departments[alias] = department
    existing_groups = {g.name: g for g in DepartmentGroup.objects.filter(name__in=group_names)}
    for name in group_names:
        group = existing_groups.get(name)
        if group is None:
            group = DepartmentGroup.objects.create(name=name)
            existing_groups[name] = group
        changes.groups[name] = group
    return changes
