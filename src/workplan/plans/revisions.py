"""Compare a revised document (征求意见稿 → 正式稿) with the plan already stored: which key
points and tasks were added, removed or reworded, and whose responsibility changed. A lightly
reworded task is matched by similarity, so it keeps its identity, its table fields and its history;
so is one that stands in the same place among its key point's unchanged tasks and still shares
much of its wording (a task edited in the task table, then found as written in the document)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import pairwise

from workplan.parsing import ParsedPlan, ParsedTask, Responsibility
from workplan.plans.models import KeyPoint, Plan, Task
from workplan.plans.queries import RecordedWork, recorded_work

TASK_SIMILARITY = 0.6
POINT_SIMILARITY = 0.5
# In the same place between unchanged tasks: unrelated tasks of one key point of the real
# document score at most 0.32 (similarity) and 0.56 (containment), so these leave a margin.
PLACE_SIMILARITY = 0.4
PLACE_CONTAINMENT = 0.8


def similarity(a: str, b: str) -> float:
    return 1.0 if a == b else SequenceMatcher(None, a, b, autojunk=False).ratio()


def containment(a: str, b: str) -> float:
    """Return how much of the shorter text appears, in order, in the longer one."""
    if not a or not b:
        return 0.0
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / min(len(a), len(b))


def responsibility_text(resp: Responsibility | None) -> str:
    """Return lead / co / groups as one line, "" when nobody is named (as stored)."""
    if resp is None:
        return ""
    return _joined(["、".join(resp.lead), "、".join(resp.co), "、".join(resp.groups)])


def _joined(parts: list[str]) -> str:
    """Return lead / co / groups, without the empty parts at the end."""
    while parts and not parts[-1]:
        parts = parts[:-1]
    return " / ".join(parts)


def stored_responsibility_text(item: KeyPoint | Task) -> str:
    return _joined(["、".join(names) for names in item.responsible.names()])


@dataclass
class TaskPlace:
    """Where a task of the revised document stands: its key point's number and its order."""

    point_number: int
    index: int
    parsed: ParsedTask


@dataclass
class Revision:
    """What the revised document changes, and which stored rows its parts correspond to."""

    points_added: list[int] = field(default_factory=list)
    points_removed: list[KeyPoint] = field(default_factory=list)
    points_retitled: list[tuple[KeyPoint, str]] = field(default_factory=list)
    responsibility_changed: list[tuple[int, str, str]] = field(default_factory=list)
    # A task kept whose own departments change: (its number in the revision, before, after).
    task_responsibility_changed: list[tuple[str, str, str]] = field(default_factory=list)
    tasks_added: list[TaskPlace] = field(default_factory=list)
    tasks_removed: list[Task] = field(default_factory=list)
    tasks_reworded: list[tuple[Task, TaskPlace, float]] = field(default_factory=list)
    tasks_moved: list[tuple[Task, TaskPlace]] = field(default_factory=list)
    point_match: dict[int, KeyPoint] = field(default_factory=dict)  # new number → stored point
    task_match: dict[tuple[int, int], Task] = field(default_factory=dict)  # (point, index) → task
    removed_work: dict[int, RecordedWork] = field(default_factory=dict)  # task id → its records
    # Once applied: leaders named that match no single leader account, kept as written.
    leader_problems: list[str] = field(default_factory=list)

    @property
    def removed_with_work(self) -> list[tuple[Task, RecordedWork]]:
        """Return the removed tasks that carry recorded work, with what each carries."""
        return [
            (t, self.removed_work[t.pk]) for t in self.tasks_removed if t.pk in self.removed_work
        ]

    @property
    def removed_work_total(self) -> RecordedWork:
        return sum(self.removed_work.values(), RecordedWork())

    def removal_digest(self) -> str:
        """Return a fingerprint of the recorded work to be deleted, so the deletion confirmed
        is the one that was shown."""
        summary = sorted((pk, vars(work)) for pk, work in self.removed_work.items())
        return hashlib.sha256(json.dumps(summary, sort_keys=True).encode()).hexdigest()[:16]

    @property
    def has_changes(self) -> bool:
        return any(
            [self.points_added, self.points_removed, self.points_retitled, self.responsibility_changed,
             self.task_responsibility_changed, self.tasks_added, self.tasks_removed,
             self.tasks_reworded, self.tasks_moved]
        )  # fmt: skip


def _greedy(pairs: list[tuple[float, object, object]], threshold: float):
    """Return (a, b) matches, best first, each side used once."""
    pairs.sort(key=lambda p: p[0], reverse=True)
    used_a, used_b, matches = set(), set(), []
    for score, a, b in pairs:
        if score < threshold:
            break
        if id(a) in used_a or id(b) in used_b:
            continue
        used_a.add(id(a))
        used_b.add(id(b))
        matches.append((a, b, score))
    return matches


# Comparing every stored task with every revised one costs their product: 2,000 × 2,000 tasks
# would be four million comparisons, minutes of work. Unchanged tasks pair by their text
# first; the rest are compared all with all only up to this many pairs, and beyond it only
# within the same key point.
MAX_TASK_PAIRS = 100_000


def _task_pairs(stored_tasks: list[Task], places: list[TaskPlace], point_match) -> list:
    """Return (similarity, stored task, place) candidates for matching, cheapest first."""
    by_text: dict[str, list[TaskPlace]] = {}
    for place in places:
        by_text.setdefault(place.parsed.text, []).append(place)
    pairs, left = [], []
    for task in stored_tasks:
        same = by_text.get(task.text)
        if same:
            pairs.append((1.0, task, same.pop(0)))
        else:
            left.append(task)
    paired = {id(place) for _score, _task, place in pairs}
    right = [place for place in places if id(place) not in paired]
    if len(left) * len(right) <= MAX_TASK_PAIRS:
        candidates = ((task, place) for task in left for place in right)
    else:
        point_of = {number: kp.pk for number, kp in point_match.items()}
        candidates = (
            (task, place)
            for task in left
            for place in right
            if point_of.get(place.point_number) == task.key_point_id
        )
    for task, place in candidates:
        matcher = SequenceMatcher(None, task.text, place.parsed.text, autojunk=False)
        # The quick ratios bound the real one from above: most pairs stop there.
        if matcher.real_quick_ratio() >= TASK_SIMILARITY and matcher.quick_ratio() >= (
            TASK_SIMILARITY
        ):
            pairs.append((matcher.ratio(), task, place))
    return pairs


def compare_revision(plan: Plan, parsed: ParsedPlan) -> Revision:
    """Return the differences between the stored `plan` and the revised document `parsed`."""
    revision = Revision()
    stored_points = list(
        plan.key_points.prefetch_related(
            "assignments__department",
            "assignments__group",
            "tasks__assignments__department",
            "tasks__assignments__group",
        )
    )
    # Every pair of titles when few; with hundreds of key points, only the same title or the
    # same number (the cost of all pairs grows with their product).
    few = len(stored_points) * len(parsed.points) <= MAX_TASK_PAIRS
    point_pairs = [
        (similarity(kp.title, point.title) + (0.01 if kp.number == point.number else 0), kp, point)
        for kp in stored_points
        for point in parsed.points
        if few or kp.number == point.number or kp.title == point.title
    ]
    for kp, point, _score in _greedy(point_pairs, POINT_SIMILARITY):
        revision.point_match[point.number] = kp
        if kp.title != point.title:
            revision.points_retitled.append((kp, point.title))
        before, after = stored_responsibility_text(kp), responsibility_text(point.responsibility)
        if before != after:
            revision.responsibility_changed.append((point.number, before, after))
    matched_points = {kp.pk for kp in revision.point_match.values()}
    revision.points_added = [
        p.number for p in parsed.points if p.number not in revision.point_match
    ]
    revision.points_removed = [kp for kp in stored_points if kp.pk not in matched_points]

    stored_tasks = [task for kp in stored_points for task in kp.tasks.all()]
    places = [
        TaskPlace(point.number, index, task)
        for point in parsed.points
        for index, task in enumerate(point.tasks, start=1)
    ]
    matches = _greedy(_task_pairs(stored_tasks, places, revision.point_match), TASK_SIMILARITY)
    matches += _match_in_place(revision.point_match, places, matches)
    matched_tasks = set()
    for task, place, score in matches:
        matched_tasks.add(task.pk)
        revision.task_match[(place.point_number, place.index)] = task
        target = revision.point_match.get(place.point_number)
        # A task the revised document annotates gets those departments; one it does not keeps
        # its own.
        before = stored_responsibility_text(task)
        after = responsibility_text(place.parsed.responsibility)
        if place.parsed.responsibility is not None and before != after:
            code = f"{place.point_number}.{place.index}"
            revision.task_responsibility_changed.append((code, before, after))
        if score < 1.0:
            revision.tasks_reworded.append((task, place, score))
        elif target is None or target.pk != task.key_point_id:
            revision.tasks_moved.append((task, place))
    revision.tasks_added = [
        p for p in places if (p.point_number, p.index) not in revision.task_match
    ]
    revision.tasks_removed = [t for t in stored_tasks if t.pk not in matched_tasks]
    revision.removed_work = recorded_work(t.pk for t in revision.tasks_removed)
    return revision


def _match_in_place(point_match: dict[int, KeyPoint], places: list[TaskPlace], matches):
    """Return (task, place, similarity) for tasks left unmatched that stand in the same gap
    between matched tasks of the same key point and still share enough of their words."""
    task_of = {id(p): t for t, p, _s in matches}
    done_tasks = {t.pk for t, _p, _s in matches}
    found = []
    for number, key_point in point_match.items():
        stored = list(key_point.tasks.all())  # in number order (Task.Meta.ordering)
        new = [p for p in places if p.point_number == number]
        # Anchors: matched pairs inside this key point, kept only while both orders agree.
        anchors, last = [], -1
        for index, place in enumerate(new):
            task = task_of.get(id(place))
            if task is None or task.key_point_id != key_point.pk:
                continue
            position = next(i for i, t in enumerate(stored) if t.pk == task.pk)
            if position > last:
                anchors.append((position, index))
                last = position
        bounds = [(-1, -1), *anchors, (len(stored), len(new))]
        for (s0, n0), (s1, n1) in pairwise(bounds):
            left = [t for t in stored[s0 + 1 : s1] if t.pk not in done_tasks]
            right = [p for p in new[n0 + 1 : n1] if id(p) not in task_of]
            pairs = [
                (similarity(t.text, p.parsed.text), t, p)
                for t in left
                for p in right
                if similarity(t.text, p.parsed.text) >= PLACE_SIMILARITY
                or containment(t.text, p.parsed.text) >= PLACE_CONTAINMENT
            ]
            for task, place, score in _greedy(pairs, 0.0):
                found.append((task, place, score))
                done_tasks.add(task.pk)
                task_of[id(place)] = task
    return found
