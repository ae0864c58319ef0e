"""Writes to the department registry: one transaction each, with audit records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction

from workplan.audit.records import record_changed, record_many_created
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
    parsed_departments: list[ParsedDepartment], group_names: list[str], *, by=None, note: str = ""
) -> RegistryChanges:
    """Return the registry rows for a document's departments and groups, creating what is new.

    New departments are marked for review; an alias already used by another department is
    left alone and reported.
    """
    changes = RegistryChanges()
    created: list = []
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
            created.append((department, ["name", "kind"], None))
        changes.departments[parsed.name] = department
        for alias in parsed.aliases:
            owner = DepartmentAlias.objects.filter(name=alias).select_related("department").first()
            if owner is None and not Department.objects.filter(name=alias).exists():
                row = DepartmentAlias.objects.create(department=department, name=alias)
                changes.new_aliases.append((alias, department.name))
                created.append((row, ["name", "department"], f"org.department:{department.pk}"))
            elif owner is not None and owner.department_id != department.pk:
                changes.alias_conflicts.append(alias)
            changes.departments[alias] = department
    existing_groups = {g.name: g for g in DepartmentGroup.objects.filter(name__in=group_names)}
    for name in group_names:
        group = existing_groups.get(name)
        if group is None:
            group = DepartmentGroup.objects.create(name=name)
            existing_groups[name] = group
            created.append((group, ["name"], None))
        changes.groups[name] = group
    record_many_created(created, by=by, note=note)
    return changes


@transaction.atomic
def do_update_department_contact(
    department: Department, *, phone: str, address: str, by
) -> Department:
    """Return `department` with new contact details; one audit record if anything changed."""
    record_changed(
        department,
        [("phone", department.phone, phone), ("address", department.address, address)],
        by=by,
    )
    department.phone, department.address = phone, address
    department.save(update_fields=["phone", "address"])
    return department


@transaction.atomic
def do_set_group_members(
    group: DepartmentGroup, members: Iterable[Department], *, by
) -> DepartmentGroup:
    """Return `group` covering exactly `members`; one audit record if that changed."""
    members = list(members)
    before = sorted(group.members.values_list("name", flat=True))
    group.members.set(members)
    record_changed(group, [("members", before, sorted(m.name for m in members))], by=by)
    return group
