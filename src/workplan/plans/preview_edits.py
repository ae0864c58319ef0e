"""Corrections the office makes to a parsed document before saving it: the departments of a key
point or task, the split between key points and tasks, and which alias proposals to accept.

Plain functions on a ParsedPlan (they change it in place); `preview_actions` stores the result
in the preview, and the web confirmation and `workplan import` both accept proposals here, so
the two give the same plan."""

from __future__ import annotations

import copy
import re
from collections.abc import Collection
from dataclasses import dataclass

from django.utils.translation import gettext as _

from workplan.org.models import Department, DepartmentGroup
from workplan.parsing import (
    AliasProposal,
    ParsedDepartment,
    ParsedPlan,
    ParsedPoint,
    ParsedTask,
    Responsibility,
)
from workplan.parsing.responsibility import is_unit
from workplan.parsing.review import UNASSIGNED, looks_like_person
from workplan.plans.models import KeyPoint

# A person's name as typed for a leader in charge: longer is several names run together.
MAX_LEADER_NAME = 30

# How names are separated when typed in the preview: the marks documents use, and spaces.
NAME_SEPARATORS = re.compile(r"[、，,；;/／\s\u3000]+")


class EditRefused(ValueError):
    """The correction cannot be made; the message says what and where, for the user."""


class ItemGone(EditRefused):
    """The item corrected is not in the preview (a page drawn before the split changed)."""

    @staticmethod
    def message() -> str:
        return _("This item is no longer in the preview; please check the page and try again.")


class Operation:
    """The changes to the key point / task split offered beside each item."""

    do_not_call_in_templates = True

    MERGE_INTO_PREVIOUS = "merge"
    REMOVE_TASK = "remove"
    TASK_TO_KEY_POINT = "to_key_point"
    KEY_POINT_TO_TASK = "to_task"


@dataclass(frozen=True)
class Place:
    """Where an item is: the key point's position (from 0) and the task's, None for the point."""

    point: int
    task: int | None = None


# A department's or collective term's name: words, digits and the punctuation names use
# (brackets, 、 inside 各单位、部门, a middle dot, a hyphen); never a formula's or markup's signs.
NAME_RE = re.compile(r"[^\W_][\w（）()《》“”·．.—\-、]*", re.UNICODE)


def split_names(text: str) -> list[str]:
    """Return the names typed in `text`, in order, each once."""
    return list(dict.fromkeys(n for n in NAME_SEPARATORS.split(text or "") if n))


def item_code(parsed: ParsedPlan, place: Place) -> str:
    """Return how the preview numbers an item: "3" for a key point, "3.2" for its second task."""
    number = parsed.points[place.point].number
    return str(number) if place.task is None else f"{number}.{place.task + 1}"


def items_to_check(parsed: ParsedPlan) -> int:
    """Return how many key points and tasks carry a warning."""
    return sum(
        bool(point.warnings) + sum(bool(task.warnings) for task in point.tasks)
        for point in parsed.points
    )


def proposals_in_use(parsed: ParsedPlan) -> list[AliasProposal]:
    """Return the alias proposals whose name the plan still uses (a correction may remove it)."""
    used = _names_in_use(parsed)
    return [p for p in parsed.proposals if p.name in used and p.proposed != p.name]


def set_responsibility(
    parsed: ParsedPlan,
    place: Place,
    *,
    lead: str,
    co: str,
    groups: str,
    leaders: str | None = None,
    registry: Collection[str] = (),
) -> None:
    """Give the item at `place` the departments and leaders in charge typed for it; its
    warnings are settled. `leaders` None keeps the leaders the document named. A name that
    looks like a person's is refused as a department unless `registry` knows it.

    Left all empty, a task inherits its key point's departments again."""
    item = item_at(parsed, place)
    lead_names, co_names, group_names = split_names(lead), split_names(co), split_names(groups)
    leader_names = None if leaders is None else split_names(leaders)
    code = item_code(parsed, place)
    if not lead_names and co_names:
        raise EditRefused(
            _(
                "{code}: co-operating departments are named but no lead department; name the "
                "lead department (the first one named usually leads)."
            ).format(code=code)
        )
    for name in [*lead_names, *co_names, *group_names, *(leader_names or [])]:
        if not NAME_RE.fullmatch(name):
            raise EditRefused(
                _(
                    "{code}: “{name}” is not a department name: names are written in words, "
                    "without = + @ < > | ! and similar signs at their start or inside."
                ).format(code=code, name=name[:40])
            )
    for name in [*lead_names, *co_names]:
        if name.startswith("各"):  # 各学院, 各单位: a collective term, not one department
            raise EditRefused(
                _(
                    "{code}: “{name}” is a collective term, not one department; put it under "
                    "groups."
                ).format(code=code, name=name)
            )
    for name in [*lead_names, *co_names, *group_names]:
        if len(name) < 2:
            raise EditRefused(
                _(
                    "{code}: “{name}” is too short for a department's name; separate names "
                    "with 、, not with spaces inside a name."
                ).format(code=code, name=name)
            )
    for name in leader_names or []:
        if len(name) >= 3 and is_unit(name):
            raise EditRefused(
                _(
                    "{code}: “{name}” looks like a department, not a person; put departments "
                    "under lead or co-operating departments."
                ).format(code=code, name=name)
            )
    for name in [*lead_names, *co_names]:
        if looks_like_person(name) and name not in registry:
            raise EditRefused(
                _(
                    "{code}: “{name}” looks like a person's name, not a department; put the "
                    "leaders in charge under leaders."
                ).format(code=code, name=name)
            )
    for name in leader_names or []:
        if len(name) > MAX_LEADER_NAME:
            raise EditRefused(
                _(
                    "{code}: the leader “{start}…” has {length} characters; a person's name "
                    "has at most {limit}. Separate the names with 、."
                ).format(code=code, start=name[:20], length=len(name), limit=MAX_LEADER_NAME)
            )
    _refuse_overlong(
        [*lead_names, *co_names],
        Department,
        _(
            "{code}: the department “{start}…” has {length} characters; at most {limit} fit. "
            "Separate the names with 、."
        ),
        code,
    )
    _refuse_overlong(
        group_names,
        DepartmentGroup,
        _(
            "{code}: the collective term “{start}…” has {length} characters; at most {limit} "
            "fit. Separate the terms with 、."
        ),
        code,
    )
    old = item.responsibility
    if leader_names is None:
        leader_names = list(old.leaders) if old else []
    if lead_names or co_names or group_names or leader_names:
        item.responsibility = Responsibility(
            raw=old.raw if old else "",
            lead=lead_names,
            co=[n for n in co_names if n not in lead_names],
            groups=group_names,
            leaders=leader_names,
        )
    else:
        item.responsibility = None
    point = parsed.points[place.point]
    # Left with nobody, as the key point is (or its tasks are), the item still needs checking.
    unassigned = item.responsibility is None and (
        point.responsibility is None
        if place.task is not None
        else any(task.responsibility is None for task in point.tasks)
    )
    item.warnings = [UNASSIGNED] if unassigned else []
    sync_departments(parsed)


def restructure(parsed: ParsedPlan, operation: str, place: Place) -> None:
    """Apply one change to the key point / task split; tasks that move keep the departments
    they had, so nothing is reassigned without the office seeing it."""
    item_at(parsed, place)
    if operation == Operation.MERGE_INTO_PREVIOUS and place.task is not None:
        _merge_into_previous(parsed, place)
    elif operation == Operation.TASK_TO_KEY_POINT and place.task is not None:
        _task_to_key_point(parsed, place)
    elif operation == Operation.KEY_POINT_TO_TASK and place.task is None:
        _key_point_to_task(parsed, place)
    elif operation == Operation.REMOVE_TASK and place.task is not None:
        _remove_task(parsed, place)
    else:
        raise EditRefused(_("This change cannot be made to this item."))
    for number, point in enumerate(parsed.points, start=1):
        point.number = number
    sync_departments(parsed)


def accept_proposals(parsed: ParsedPlan, names: Collection[str]) -> list[AliasProposal]:
    """Apply the proposals whose name is in `names`: the name becomes the proposed department
    everywhere and is kept as that department's alias (registered on import). Return them."""
    accepted = [p for p in proposals_in_use(parsed) if p.name in names]
    if not accepted:
        return []
    mapping = {p.name: p.proposed for p in accepted}
    for resp in _responsibilities(parsed):
        resp.lead = list(dict.fromkeys(mapping.get(n, n) for n in resp.lead))
        resp.co = [
            n for n in dict.fromkeys(mapping.get(n, n) for n in resp.co) if n not in resp.lead
        ]
    departments: dict[str, ParsedDepartment] = {}
    for department in parsed.departments:
        name = mapping.get(department.name, department.name)
        entry = departments.setdefault(name, ParsedDepartment(name=name))
        entry.aliases += [a for a in department.aliases if a not in entry.aliases]
    for proposal in accepted:
        entry = departments.setdefault(proposal.proposed, ParsedDepartment(proposal.proposed))
        if proposal.name not in entry.aliases:
            entry.aliases.append(proposal.name)
    parsed.departments = list(departments.values())
    sync_departments(parsed)
    return accepted


def sync_departments(parsed: ParsedPlan) -> None:
    """Make the plan's department list name exactly the departments its items use, keeping the
    aliases the document used; a name typed as one of those aliases becomes its department."""
    canonical = {alias: d.name for d in parsed.departments for alias in d.aliases}
    for resp in _responsibilities(parsed):
        resp.lead = list(dict.fromkeys(canonical.get(n, n) for n in resp.lead))
        resp.co = [
            n for n in dict.fromkeys(canonical.get(n, n) for n in resp.co) if n not in resp.lead
        ]
    known = {d.name: d for d in parsed.departments}
    used = _names_in_use(parsed)
    kept = [d for d in parsed.departments if d.name in used]
    new = [ParsedDepartment(name=n) for n in used if n not in known]
    parsed.departments = kept + new


def _merge_into_previous(parsed: ParsedPlan, place: Place) -> None:
    point = parsed.points[place.point]
    if place.task == 0:
        raise EditRefused(
            _("{code} is the first task of its key point; there is no task before it.").format(
                code=item_code(parsed, place)
            )
        )
    previous, task = point.tasks[place.task - 1], point.tasks.pop(place.task)
    previous.text += task.text
    previous.deadline = previous.deadline or task.deadline
    previous.responsibility = _combined(previous.responsibility, task.responsibility)
    warnings = dict.fromkeys([*previous.warnings, *task.warnings])
    if previous.responsibility is not None or point.responsibility is not None:
        warnings.pop(UNASSIGNED, None)  # the merged task is assigned by what it took in
    previous.warnings = list(warnings)


def _remove_task(parsed: ParsedPlan, place: Place) -> None:
    """Leave out an item that is no task (a signature, an instruction read as one)."""
    point = parsed.points[place.point]
    if len(point.tasks) == 1:
        raise EditRefused(
            _(
                "{code} is the only task of key point {number}; remove the key point's tasks "
                "only by merging or moving them."
            ).format(code=item_code(parsed, place), number=point.number)
        )
    point.tasks.pop(place.task)


def _task_to_key_point(parsed: ParsedPlan, place: Place) -> None:
    point = parsed.points[place.point]
    if place.task == 0:
        raise EditRefused(
            _(
                "{code} is the first task of key point {number}; as a key point of its own it "
                "would leave key point {number} without tasks."
            ).format(code=item_code(parsed, place), number=point.number)
        )
    if place.task == len(point.tasks) - 1:
        raise EditRefused(
            _(
                "{code} is the last task of key point {number}; as a key point of its own it "
                "would have no tasks."
            ).format(code=item_code(parsed, place), number=point.number)
        )
    task = point.tasks[place.task]
    limit = KeyPoint._meta.get_field("title").max_length
    if len(task.text) > limit:
        raise EditRefused(
            _(
                "{code} has {length} characters; a key point's title has at most {limit}. Merge "
                "or shorten it in the document instead."
            ).format(code=item_code(parsed, place), length=len(task.text), limit=limit)
        )
    following = _keeping_departments(point.tasks[place.task + 1 :], point.responsibility)
    point.tasks = point.tasks[: place.task]
    new_point = ParsedPoint(
        number=point.number + 1,
        title=task.text,
        tasks=following,
        responsibility=task.responsibility,
        warnings=list(task.warnings),
    )
    parsed.points.insert(place.point + 1, new_point)


def _key_point_to_task(parsed: ParsedPlan, place: Place) -> None:
    if place.point == 0:
        raise EditRefused(
            _("Key point {number} is the first; there is no key point before it.").format(
                number=parsed.points[0].number
            )
        )
    point = parsed.points.pop(place.point)
    previous = parsed.points[place.point - 1]
    as_task = ParsedTask(
        text=point.title,
        responsibility=copy.deepcopy(point.responsibility),
        warnings=list(point.warnings),
    )
    previous.tasks += _keeping_departments([as_task, *point.tasks], point.responsibility)


def _keeping_departments(tasks: list[ParsedTask], inherited: Responsibility | None):
    """Return `tasks`, each without departments of its own given the ones it inherited."""
    for task in tasks:
        if task.responsibility is None and inherited is not None:
            task.responsibility = copy.deepcopy(inherited)
    return tasks


def _combined(first: Responsibility | None, second: Responsibility | None):
    if first is None or second is None:
        return first or second
    lead = list(dict.fromkeys([*first.lead, *second.lead]))
    return Responsibility(
        raw="；".join(r for r in (first.raw, second.raw) if r),
        lead=lead,
        co=[n for n in dict.fromkeys([*first.co, *second.co]) if n not in lead],
        groups=list(dict.fromkeys([*first.groups, *second.groups])),
        leaders=list(dict.fromkeys([*first.leaders, *second.leaders])),
    )


def has_item(parsed: ParsedPlan, place: Place) -> bool:
    """Return whether the preview has an item at `place`."""
    if not 0 <= place.point < len(parsed.points):
        return False
    return place.task is None or 0 <= place.task < len(parsed.points[place.point].tasks)


def item_at(parsed: ParsedPlan, place: Place) -> ParsedPoint | ParsedTask:
    """Return the key point or task at `place`; ItemGone if there is none."""
    if not has_item(parsed, place):
        raise ItemGone(ItemGone.message())
    point = parsed.points[place.point]
    return point if place.task is None else point.tasks[place.task]


def _refuse_overlong(names: list[str], model, message: str, code: str) -> None:
    limit = model._meta.get_field("name").max_length
    for name in names:
        if len(name) > limit:
            raise EditRefused(
                message.format(code=code, start=name[:20], length=len(name), limit=limit)
            )


def _responsibilities(parsed: ParsedPlan) -> list[Responsibility]:
    return [
        resp
        for point in parsed.points
        for resp in [point.responsibility, *(t.responsibility for t in point.tasks)]
        if resp is not None
    ]


def _names_in_use(parsed: ParsedPlan) -> list[str]:
    names = (n for resp in _responsibilities(parsed) for n in resp.department_names())
    return list(dict.fromkeys(names))
