"""Writes to the department registry: one transaction each, with audit records."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from workplan.audit.records import (
    record_changed,
    record_created,
    record_deleted,
    record_many_created,
    scope_of,
)
from workplan.core.errors import NotAllowed, WrongState
from workplan.org import hooks
from workplan.org.access import may_change_registry
from workplan.org.kinds import guess_kind
from workplan.org.merging import MergeLine, collect
from workplan.org.models import Department, DepartmentAlias, DepartmentGroup, DepartmentName
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
        department = known.get(parsed.name)
        if department is None or not department.is_active:
            # A merged department's name is a 简称 of the department it went into.
            department = by_alias.get(parsed.name) or department
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
    _check_keeper(by)
    members = list(members)
    before = sorted(group.members.values_list("name", flat=True))
    group.members.set(members)
    record_changed(group, [("members", before, sorted(m.name for m in members))], by=by)
    return group


def _check_keeper(by) -> None:
    if not may_change_registry(by):
        raise NotAllowed(_("Only the supervision office or an administrator keeps the registry."))


@transaction.atomic
def do_confirm_departments(departments: Iterable[Department], *, by) -> int:
    """Clear 待核对 on `departments`; return how many were waiting. One audit record each."""
    _check_keeper(by)
    waiting = [d for d in departments if d.needs_review and d.is_active]
    for department in waiting:
        record_changed(department, [("needs_review", True, False)], by=by)
    Department.objects.filter(pk__in=[d.pk for d in waiting]).update(needs_review=False)
    for department in waiting:
        department.needs_review = False
    return len(waiting)


@transaction.atomic
def do_set_department_kind(department: Department, kind: str, *, by) -> Department:
    """Return `department` of `kind`; one audit record if that changed."""
    _check_keeper(by)
    if kind not in Department.Kind.values:
        raise WrongState(_("Choose one of the kinds offered."))
    record_changed(department, [("kind", department.kind, kind)], by=by)
    department.kind = kind
    department.save(update_fields=["kind"])
    return department


# What no department's name or 简称 holds: a formula's or markup's sign, or a separator that
# reads as two names (a document, the task table and its Excel file split names on them).
_NOT_IN_NAMES = re.compile(r"^[=+\-@＝＋－＠]|[=<>|{}$!\\＜＞、，,；;\s]")


def _check_name(name: str, department: Department) -> None:
    """Refuse a name a document or the task table could not give back as this one name, and any
    change to a department that was merged away or stopped."""
    if not department.is_active:
        raise WrongState(
            _(
                "“{name}” is no longer in use (merged or stopped); change the department it went to."
            ).format(name=department.name)
        )
    if _NOT_IN_NAMES.search(name):
        raise WrongState(
            _(
                "“{name}” cannot be a department's name or short name: names hold no formula or "
                "markup signs (= + - @ < > |) and no separators (、，；, spaces), which would "
                "read as several names."
            ).format(name=name)
        )


def _name_taken(name: str, *, department: Department) -> str | None:
    """Return why `name` cannot name `department` or be one of its 简称, None if it can."""
    other = Department.objects.filter(name=name).exclude(pk=department.pk).first()
    if other is not None:
        return _("“{name}” is already the name of {department}.").format(
            name=name, department=other.name
        )
    alias = DepartmentAlias.objects.filter(name=name).select_related("department").first()
    if alias is not None and alias.department_id != department.pk:
        return _("“{name}” is already a short name of {department}.").format(
            name=name, department=alias.department.name
        )
    return None


@transaction.atomic
def do_rename_department(department: Department, name: str, valid_from, *, by, today=None):
    """Rename `department` to `name` from `valid_from` on: the reports filed before that day keep
    the name in force then (`Department.name_on`), and the former name stays a 简称 so that a
    document still using it finds the department. Return the department."""
    _check_keeper(by)
    department = Department.objects.select_for_update().get(pk=department.pk)
    today = today or timezone.localdate()
    name = name.strip()
    if not name:
        raise WrongState(_("Give the new name."))
    if name == department.name:
        raise WrongState(_("The department is already called “{name}”.").format(name=name))
    _check_name(name, department)
    if valid_from > today:
        raise WrongState(_("The new name can only take effect today or on an earlier day."))
    last = department.names.order_by("-valid_from").first()
    if last is not None and valid_from <= last.valid_from:
        raise WrongState(
            _(
                "The last rename took effect on {day}; the new one must take effect after it."
            ).format(day=last.valid_from.isoformat())
        )
    clash = _name_taken(name, department=department)
    if clash:
        raise WrongState(clash)
    former = department.name
    for alias in DepartmentAlias.objects.filter(department=department, name=name):
        # Its own 简称 becoming its name is no longer a 简称.
        record_deleted(alias, by=by, scope=scope_of(department))
        alias.delete()
    history = DepartmentName.objects.create(
        department=department, name=name, former_name=former, valid_from=valid_from
    )
    record_created(
        history, by=by, fields=["name", "former_name", "valid_from"], scope=scope_of(department)
    )
    record_changed(department, [("name", former, name)], by=by)
    department.name = name
    department.save(update_fields=["name"])
    if not DepartmentAlias.objects.filter(name=former).exists():
        alias = DepartmentAlias.objects.create(department=department, name=former)
        record_created(alias, by=by, fields=["name", "department"], scope=scope_of(department))
    return department


@transaction.atomic
def do_add_alias(department: Department, name: str, *, by) -> DepartmentAlias:
    """Return the new 简称 `name` of `department`; refused if any department or 简称 has it."""
    _check_keeper(by)
    name = name.strip()
    if not name:
        raise WrongState(_("Give the short name."))
    _check_name(name, department)
    if name == department.name:
        raise WrongState(_("“{name}” is the department's own name.").format(name=name))
    clash = _name_taken(name, department=department)
    if clash:
        raise WrongState(clash)
    if department.aliases.filter(name=name).exists():
        raise WrongState(_("“{name}” is already one of its short names.").format(name=name))
    alias = DepartmentAlias.objects.create(department=department, name=name)
    record_created(alias, by=by, fields=["name", "department"], scope=scope_of(department))
    return alias


@transaction.atomic
def do_remove_alias(alias: DepartmentAlias, *, by) -> None:
    """Remove the 简称 `alias`; documents using it will no longer find its department."""
    _check_keeper(by)
    record_deleted(alias, by=by, scope=scope_of(alias.department))
    alias.delete()


@transaction.atomic
def do_merge_departments(source: Department, target: Department, *, by, today=None) -> list:
    """Merge `source` into `target`: in the plans whose year is still running, its assignments,
    reports and notices go to `target` (each app above moves its own rows through
    `hooks.departments_merged`); its people, 简称 and 泛指 memberships go to `target`; its name
    becomes a 简称 of `target`; it is deactivated. A year that is over is never rewritten: its
    rows stay with `source`, under the name it had. Return the lines saying what moved."""
    _check_keeper(by)
    today = today or timezone.localdate()
    pair = {
        d.pk: d
        for d in Department.objects.select_for_update().filter(pk__in=[source.pk, target.pk])
    }
    source, target = pair.get(source.pk), pair.get(target.pk)
    if source is None or target is None or source.pk == target.pk:
        raise WrongState(_("Choose two different departments to merge."))
    if not source.is_active:
        raise WrongState(_("{name} was already merged or retired.").format(name=source.name))
    if not target.is_active:
        raise WrongState(
            _("{name} is no longer in use: merge into a department in use.").format(
                name=target.name
            )
        )
    lines = collect(
        hooks.departments_merged.send(
            sender=Department, source=source, target=target, today=today, by=by
        )
    )
    aliases = list(source.aliases.all())
    for alias in aliases:
        record_changed(
            alias, [("department", source.name, target.name)], by=by, scope=scope_of(target)
        )
    source.aliases.update(department=target)
    for group in source.groups.all():
        record_changed(group, [("members", source.name, target.name)], by=by)
        group.members.remove(source)
        group.members.add(target)
    if not DepartmentAlias.objects.filter(name=source.name).exists():
        alias = DepartmentAlias.objects.create(department=target, name=source.name)
        record_created(alias, by=by, fields=["name", "department"], scope=scope_of(target))
    record_changed(
        source,
        [("is_active", True, False)],
        by=by,
        note=_("Merged into {name}").format(name=target.name),
    )
    source.is_active = False
    source.save(update_fields=["is_active"])
    if aliases:
        lines.append(
            MergeLine(
                ngettext("{n} short name moved.", "{n} short names moved.", len(aliases)).format(
                    n=len(aliases)
                )
            )
        )
    return lines
