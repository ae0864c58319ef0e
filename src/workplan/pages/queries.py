"""Reads for the pages that show several apps' data at once; each part comes from the queries
and access rules of the app it belongs to."""

from __future__ import annotations

from itertools import groupby

from workplan.audit.queries import timeline
from workplan.core.roles import may_see_audit_trail
from workplan.org.models import Department
from workplan.org.queries import active_departments, department_name, empty_group_names
from workplan.plans.models import Assignment, Plan
from workplan.plans.queries import school_leaders, tasks_of_department
from workplan.plans.table import TableRow, table_row, table_rows
from workplan.progress.access import (
    report_records_visible_to,
    reports_visible_to,
    sees_all_reports,
)
from workplan.supervision.access import notice_records_visible_to
from workplan.supervision.lights import current_lights
from workplan.supervision.models import TaskLight
from workplan.supervision.queries import supervision_context

TABLE_FILTERS = ("department", "role", "leader", "month", "missing", "light", "point")


def task_page(user, task) -> dict:
    """Return what the task page shows `user`: its reports and the history of the task, its
    reports and notices, each filtered in its query by who may read it."""
    key_point = task.key_point
    records = timeline(
        f"plans.task:{task.pk}",
        f"plans.keypoint:{key_point.pk}",
        visible=report_records_visible_to(user) & notice_records_visible_to(user),
    )
    reports = (
        reports_visible_to(user)
        .filter(task=task)
        .select_related("department", "period")
        .prefetch_related("department__names")  # the name each bore when it reported
        .order_by("-period__opens_on", "role")
    )
    context = supervision_context(user, task)
    return {
        "records": records,
        "light": current_lights(key_point.plan, tasks=[task]).get(task.pk),
        # The light's reported percent is the lead department's report: shown to those who may
        # read that report, the colour and its reason to everyone who sees the task.
        "show_light_percent": sees_all_reports(user) or context["may_answer"],
        "reports": reports[:20],
        "show_addresses": may_see_audit_trail(user),
        **context,
    }


def table_groups(plan: Plan, params) -> tuple[list[tuple[object, list[TableRow]]], int]:
    """Return the plan's task table rows, each with its light, that match the filters in
    `params`, grouped by key point; and how many rows match."""
    rows = table_rows(plan)
    lights = current_lights(plan)
    for row in rows:
        row.light = lights.get(row.task.pk)
    rows = _filtered(rows, params)
    _flag_empty_groups(rows)
    groups = [
        (key_point, list(items))
        for key_point, items in groupby(rows, key=lambda r: r.task.key_point)
    ]
    return groups, len(rows)


def table_filter_choices(plan: Plan) -> dict:
    """Return what the task table's filters offer to choose from."""
    return {
        "departments": active_departments(),
        "leaders": school_leaders(),
        "key_points": plan.key_points.order_by("number"),
        "light_choices": TaskLight.Light.choices,
    }


def table_row_with_light(task) -> TableRow:
    """Return one task's table row with its light."""
    row = table_row(task)
    row.light = current_lights(task.key_point.plan, tasks=[task]).get(task.pk)
    _flag_empty_groups([row])
    return row


def _flag_empty_groups(rows: list[TableRow]) -> None:
    """Note on each row the collective terms it names that have no member (one query)."""
    empty = set(empty_group_names({g for row in rows for g in row.groups}))
    for row in rows:
        row.empty_groups = [g for g in row.groups if g in empty]


def _filtered(rows: list[TableRow], params) -> list[TableRow]:
    department = params.get("department", "")
    if department.isdecimal():
        name = department_name(int(department))
        if params.get("role") == Assignment.Role.LEAD:
            rows = [r for r in rows if name in r.lead]
        else:
            rows = [r for r in rows if name in r.lead or name in r.co]
    leader = params.get("leader")
    if leader and leader.isdecimal():
        rows = [r for r in rows if (r.task.leader_id or r.task.key_point.leader_id) == int(leader)]
    month = params.get("month", "")
    if len(month) == 7:
        rows = [r for r in rows if r.task.due_date and r.task.due_date.strftime("%Y-%m") == month]
    missing = params.get("missing")  # which column is empty: no due date, no lead department
    if missing == "due":
        rows = [r for r in rows if not r.task.due_date and not r.task.recurrence]
    elif missing == "lead":
        rows = [r for r in rows if not r.lead]
    elif missing == "unread":
        rows = [r for r in rows if r.task.deadline_unread]
    light, point = params.get("light"), params.get("point", "")
    if light:
        rows = [r for r in rows if r.light and r.light.light == light]
    if point.isdecimal():
        rows = [r for r in rows if r.task.key_point.number == int(point)]
    return rows


def department_tasks(department: Department) -> dict[str, list]:
    """Return the department's tasks across plans, those it leads and those it co-operates on."""
    rows = tasks_of_department(department)
    return {
        "lead_rows": [r for r in rows if r.role == Assignment.Role.LEAD],
        "co_rows": [r for r in rows if r.role == Assignment.Role.CO],
    }
