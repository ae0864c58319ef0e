"""Writes to the task table: web edits, bulk actions and applying an uploaded table.
One transaction each; one audit record per task changed."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from workplan.audit.records import record_changed, record_created
from workplan.org.models import Department, DepartmentGroup
from workplan.plans.actions import (
    delete_tasks,
    move_due_date,
    refuse_unconfirmed_deletions,
    set_deadline,
)
from workplan.plans.models import Assignment, KeyPoint, Plan, Responsible, Task
from workplan.plans.table import LABELS_BY_KEY, TaskValues, table_row
from workplan.plans.table_import import TableDiff


class StaleEdit(Exception):
    """The task changed since the editor read it; `current` holds what it is now."""

    def __init__(self, task: Task):
        super().__init__(_("Someone else changed this task while you were editing it."))
        self.task = task


class TableChanged(Exception):
    """The plan changed between showing an uploaded table's differences and applying them."""


def _point_split(key_point: KeyPoint):
    return Responsible.of(key_point.assignments.select_related("department", "group")).names()


def _set_responsibility(task: Task, values: TaskValues) -> None:
    """Give the task its own assignments, or none when they equal its key point's."""
    task.assignments.all().delete()
    if (values.lead, values.co, values.groups) == _point_split(task.key_point):
        return
    departments = {
        d.name: d for d in Department.objects.filter(name__in=[*values.lead, *values.co])
    }
    rows = []
    for role, names in ((Assignment.Role.LEAD, values.lead), (Assignment.Role.CO, values.co)):
        rows += [
            Assignment(task=task, department=departments[n], role=role, position=len(rows))
            for n in names
        ]
    for name in values.groups:
        group, _created = DepartmentGroup.objects.get_or_create(name=name)
        rows.append(Assignment(task=task, group=group, role=Assignment.Role.CO, position=len(rows)))
    Assignment.objects.bulk_create(rows)


def _current_cells(task: Task) -> dict[str, str]:
    return table_row(task).cells()


def _write(task: Task, values: TaskValues, before: dict[str, str], *, by, note: str = "") -> bool:
    after = values.cells()
    changes = [(LABELS_BY_KEY[k], before[k], after[k]) for k in after if before[k] != after[k]]
    if not changes:
        return False
    task.text = values.text
    key_point_leader = task.key_point.leader
    task.leader = None if values.leader == key_point_leader else values.leader
    set_deadline(task, values.deadline, task.key_point.plan.year)
    task.outcome, task.note = values.outcome, values.note
    task.version = F("version") + 1
    task.save()
    task.refresh_from_db(fields=["version"])
    if before["lead"] != after["lead"] or before["co"] != after["co"]:
        _set_responsibility(task, values)
    record_changed(task, changes, by=by, note=note)
    return True


@transaction.atomic
def do_update_task(task_id: int, values: TaskValues, *, read_version: int, by) -> Task:
    """Return the task with the table's fields set; StaleEdit if it changed since `read_version`."""
    task = (
        # Lock only the task row: PostgreSQL refuses FOR UPDATE on the outer-joined leader.
        Task.objects.select_for_update(of=("self",))
        .select_related("key_point__plan", "key_point__leader")
        .get(pk=task_id)
    )
    if task.version != read_version:
        raise StaleEdit(task)
    _write(task, values, _current_cells(task), by=by)
    return task


@transaction.atomic
def do_apply_table(
    plan: Plan, diff: TableDiff, *, by, source_name: str = "", delete_reported: bool = False
) -> dict[str, int]:
    """Return how many tasks were added, changed and removed by applying `diff`, all or nothing.

    Removing tasks that carry reports, notices or instructions raises DeletionRefused, before
    anything is written, unless `delete_reported` confirms it.
    """
    note = _("From the table {name}").format(name=source_name) if source_name else ""
    locked = {
        t.pk: t
        for t in Task.objects.select_for_update(of=("self",))
        .filter(key_point__plan=plan)
        .select_related("key_point__plan", "key_point__leader")
    }
    removed_tasks = []
    for removed in diff.removed:
        task = locked.get(removed.task.pk)
        if task is None or task.version != removed.task.version:
            raise TableChanged(
                _("Task {code} changed after the table was read; please upload it again.").format(
                    code=removed.code
                )
            )
        removed_tasks.append(task)
    work = refuse_unconfirmed_deletions(removed_tasks, confirmed=delete_reported)
    for changed in diff.changed:
        task = locked.get(changed.current.task.pk)
        if task is None or task.version != changed.current.task.version:
            raise TableChanged(
                _("Task {code} changed after the table was read; please upload it again.").format(
                    code=changed.current.code
                )
            )
        _write(task, changed.values, changed.current.cells(), by=by, note=note)
    delete_tasks(removed_tasks, work, by=by, note=note)
    for added in diff.added:
        key_point = added.key_point
        number = (key_point.tasks.aggregate(n=Max("number"))["n"] or 0) + 1
        task = Task(
            key_point=key_point,
            number=number,
            text=added.text,
            outcome=added.outcome,
            note=added.note,
        )
        task.leader = None if added.leader == key_point.leader else added.leader
        set_deadline(task, added.deadline, plan.year)
        task.save()
        _set_responsibility(task, added)
        record_created(
            task,
            by=by,
            fields=["number", "text", "deadline_text", "outcome", "note"],
            note=note,
            scope=f"plans.task:{task.pk}",
        )
    return {"added": len(diff.added), "changed": len(diff.changed), "removed": len(diff.removed)}


@transaction.atomic
def do_set_key_point_leader(key_point: KeyPoint, leader, *, by) -> KeyPoint:
    """Return the key point with a new leader in charge (its tasks without their own follow)."""
    before = key_point.leader.display_name if key_point.leader else ""
    after = leader.display_name if leader else ""
    key_point.leader = leader
    key_point.save(update_fields=["leader"])
    record_changed(key_point, [("leader", before, after)], by=by)
    return key_point


class ShiftRefused(Exception):
    """Moving the due dates would take one outside the calendar; the message says which."""


@transaction.atomic
def do_shift_due_dates(plan: Plan, days: int, *, key_point: KeyPoint | None = None, by) -> int:
    """Return how many tasks had their due date moved by `days` (顺延), each 完成时限 saying
    the new date with its first words kept."""
    tasks = Task.objects.select_for_update().filter(key_point__plan=plan, due_date__isnull=False)
    if key_point is not None:
        tasks = tasks.filter(key_point=key_point)
    moved = 0
    for task in tasks:
        try:
            new_date = task.due_date + timedelta(days=days)
        except OverflowError:  # a date near 9999-12-31 (or 0001-01-01) has nowhere to go
            raise ShiftRefused(
                _(
                    "Task {code} is due on {date}, which cannot be moved by {days} days; no due date was moved."
                ).format(code=task.code, date=task.due_date.isoformat(), days=days)
            ) from None
        move_due_date(task, new_date, by=by)
        moved += 1
    return moved
