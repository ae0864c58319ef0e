"""Every write to plans: do_<verb>_<noun>, one transaction each."""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from workplan.audit.records import (
    record_changed,
    record_created,
    record_deleted,
    record_many_created,
)
from workplan.org.actions import RegistryChanges, do_register_names
from workplan.org.models import Department, DepartmentGroup
from workplan.parsing import ParsedPlan, Responsibility
from workplan.plans import hooks
from workplan.plans.deadlines import moved_deadline_text, parse_deadline
from workplan.plans.leaders import match_leader, task_leader
from workplan.plans.models import Assignment, ImportPreview, KeyPoint, Plan, Task
from workplan.plans.preview_edits import NAME_RE
from workplan.plans.queries import (
    RecordedWork,
    key_points_for_plan,
    leader_problems,
    recorded_work,
    school_leaders_by_name,
)
from workplan.plans.revisions import Revision, compare_revision


class ImportRefused(Exception):
    """The parsed document can't become a plan; the message says why, for the user."""


class DeletionRefused(Exception):
    """Tasks that carry recorded work would be deleted and that was not confirmed; nothing changed."""

    def __init__(self, work: dict[Task, RecordedWork]):
        self.work = work
        super().__init__(
            _(
                "Nothing was changed: tasks to be deleted carry recorded work ({codes}: {work}). "
                "Confirm that they and their records are to be deleted, or keep them."
            ).format(
                codes="、".join(task.code for task in work),
                work=sum(work.values(), RecordedWork()).describe(),
            )
        )


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
    # Leaders named in the document that match no single leader account: kept as written.
    leader_problems: list[str] = field(default_factory=list)
    # What the apps above set up for the new plan (its reporting periods), one sentence each.
    set_up: list[str] = field(default_factory=list)


def fingerprint(parsed: ParsedPlan) -> str:
    """Return a hash of the document, to recognise a re-import of the same one."""
    if parsed.source_digest:
        return parsed.source_digest
    data = parsed.to_dict()
    data.pop("warnings")
    encoded = json.dumps(data, ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(encoded).hexdigest()


def refuse_overlong_names(parsed: ParsedPlan) -> None:
    """Raise ImportRefused naming the first name too long to store: a title that swallowed a
    paragraph, or a 责任部门 line whose departments were run together without separators."""
    department_limit = Department._meta.get_field("name").max_length
    group_limit = DepartmentGroup._meta.get_field("name").max_length
    checks = [
        (
            [parsed.organization or parsed.title],
            Plan._meta.get_field("organization").max_length,
            _("The organization “{start}…” has {length} characters; at most {limit} fit."),
        ),
        (
            [parsed.title],
            Plan._meta.get_field("title").max_length,
            _("The title “{start}…” has {length} characters; at most {limit} fit."),
        ),
        (
            [n for d in parsed.departments for n in (d.name, *d.aliases)],
            department_limit,
            _(
                "The department “{start}…” has {length} characters; at most {limit} fit. Check "
                "that the responsibility line separates its departments with 、 or ，."
            ),
        ),
        (
            parsed.group_names(),
            group_limit,
            _(
                "The collective term “{start}…” has {length} characters; at most {limit} fit. "
                "Check that the responsibility line separates its terms with 、 or ，."
            ),
        ),
    ]
    for names, limit, message in checks:
        for name in names:
            if len(name) > limit:
                raise ImportRefused(message.format(start=name[:20], length=len(name), limit=limit))
    # The names the office could not type in the preview are not saved from a document either.
    signs = [
        name
        for name in [*(d.name for d in parsed.departments), *parsed.group_names()]
        if not NAME_RE.fullmatch(name)
    ]
    if signs:
        raise ImportRefused(
            _(
                "Not saved: “{names}” are no department names (names are written in words, "
                "without = + @ < > | ! and similar signs). Correct them in the preview first."
            ).format(names="”“".join(name[:40] for name in signs[:5]))
        )


@transaction.atomic
def do_import_plan(
    parsed: ParsedPlan, *, source_name: str = "", by=None, today: date | None = None
) -> ImportOutcome:
    """Return the outcome of saving a parsed document as a plan, all or nothing.

    The same document imported again changes nothing; a different document for a plan that
    already exists is refused (revisions are imported through their own review). A new plan
    is made live by the apps above (`hooks.plan_imported`) as if imported on `today` (default:
    today): its reporting periods that ended before then are closed.
    """
    if parsed.year is None:
        raise ImportRefused(
            _("The document does not say which year it is for; add the year to its title.")
        )
    if not parsed.points:
        raise ImportRefused(_("The document has no numbered key points."))
    refuse_overlong_names(parsed)
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
                "document; import it as a revision to see and apply the differences."
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
    leaders = school_leaders_by_name()
    key_points = KeyPoint.objects.bulk_create(
        _with_leader(
            KeyPoint(
                plan=plan,
                number=point.number,
                title=point.title[:500],
                responsibility_raw=point.responsibility.raw if point.responsibility else "",
                leaders=point.responsibility.leaders if point.responsibility else [],
            ),
            leaders,
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
                    outcome=task.outcome,
                    responsibility_raw=task.responsibility.raw if task.responsibility else "",
                    leaders=task.responsibility.leaders if task.responsibility else [],
                )
                for index, task in enumerate(point.tasks, start=1)
            ]
        )
        for row in tasks_by_point[-1]:
            set_deadline(row, row.deadline_text, parsed.year)
            _set_task_leader(row, key_point, leaders)
    Task.objects.bulk_create([task for tasks in tasks_by_point for task in tasks])

    assignments: list[Assignment] = []
    for key_point, point, tasks in zip(key_points, parsed.points, tasks_by_point, strict=True):
        assignments += _assignments(point.responsibility, registry, key_point=key_point)
        for task_row, task in zip(tasks, point.tasks, strict=True):
            assignments += _assignments(task.responsibility, registry, task=task_row)
    Assignment.objects.bulk_create(assignments)
    _record_import(plan, key_points, tasks_by_point, assignments, by=by, note=note)
    answers = hooks.plan_imported.send(
        sender=Plan, plan=plan, today=today or timezone.localdate(), by=by
    )
    return ImportOutcome(
        plan=plan,
        status=ImportStatus.CREATED,
        new_departments=registry.created,
        new_aliases=registry.new_aliases,
        leader_problems=leader_problems(plan),
        set_up=[str(answer) for _receiver, answer in answers if answer],
    )


def _with_leader(key_point: KeyPoint, leaders) -> KeyPoint:
    """Return the key point with the leader in charge its document names, if exactly one
    school leader account has that name."""
    key_point.leader = _point_leader_account(key_point.leaders, leaders)
    return key_point


def _point_leader_account(names: list[str], leaders):
    match = match_leader(names, leaders)
    return match.leader if match else None


def _set_task_leader(task: Task, key_point: KeyPoint, leaders) -> None:
    """Set the task's own leader in charge from the person it names; None when it names
    nobody of its own, or its key point's leader, whom it inherits."""
    task.leader = _task_leader_account(task.leaders, key_point, leaders)


def _task_leader_account(names: list[str], key_point: KeyPoint, leaders):
    match = task_leader(names, key_point, leaders)
    leader = match.leader if match else None
    return None if leader is not None and leader == key_point.leader else leader


def move_due_date(task: Task, new_due, *, by, note: str = "") -> None:
    """Move the task's due date to `new_due` (顺延), its deadline words saying so
    (2021年9月30日前（原：6月底前，已顺延）), with an audit record; inside the caller's
    transaction, `task` locked by it."""
    text = moved_deadline_text(task.deadline_text, task.due_date, new_due)[:200]
    record_changed(
        task,
        [
            ("due_date", task.due_date.isoformat() if task.due_date else "", new_due.isoformat()),
            ("deadline_text", task.deadline_text, text),
        ],
        by=by,
        note=note,
    )
    Task.objects.filter(pk=task.pk).update(
        due_date=new_due,
        deadline_text=text,
        recurrence="",
        deadline_unread=False,
        version=F("version") + 1,
    )


def set_deadline(task: Task, text: str, year: int) -> None:
    """Set the task's deadline words and what they mean (a date, a recurrence, or flagged)."""
    deadline = parse_deadline(text, year)
    task.deadline_text = deadline.text[:200]
    task.due_date = deadline.due_date
    task.recurrence = str(deadline.recurrence)
    task.deadline_unread = not deadline.understood


def find_existing_plan(parsed: ParsedPlan) -> Plan | None:
    """Return the stored plan this document is a version of (same organization and year)."""
    organization = parsed.organization or parsed.title
    return Plan.objects.filter(organization=organization, year=parsed.year).first()


def _record_import(plan, key_points, tasks_by_point, assignments, *, by, note) -> None:
    """Record every row the import created, each on the timeline of its key point or task."""
    entries = [(plan, ["organization", "title", "year"], None)]
    entries += [(kp, ["number", "title", *_leader_field(kp)], None) for kp in key_points]
    entries += [
        (task, ["number", "text", *_leader_field(task)], None)
        for tasks in tasks_by_point
        for task in tasks
    ]
    for assignment in assignments:
        scope = (
            f"plans.task:{assignment.task_id}"
            if assignment.task_id
            else f"plans.keypoint:{assignment.key_point_id}"
        )
        entries.append((assignment, ["role", "department", "group"], scope))
    record_many_created(entries, by=by, note=note)


def _leader_field(row) -> list[str]:
    return ["leader"] if row.leader_id else []


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


@transaction.atomic
def do_revise_plan(
    plan: Plan, parsed: ParsedPlan, *, source_name: str = "", by=None, delete_reported=False
) -> Revision:
    """Return the revision applied to `plan` from the revised document `parsed`, all or nothing.

    Matched key points and tasks keep their rows, so everything entered in the task table
    (leaders, deadlines, outcomes, remarks, milestones, history) survives; only the words,
    order and document-given responsibility change. Removing tasks that carry reports, notices
    or instructions raises DeletionRefused unless `delete_reported` confirms it.
    """
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    revision = compare_revision(plan, parsed)
    removed_work = refuse_unconfirmed_deletions(revision.tasks_removed, confirmed=delete_reported)
    refuse_overlong_names(parsed)
    note = _("Revised from {name}").format(name=source_name or _("a document"))
    registry = do_register_names(parsed.departments, parsed.group_names(), by=by, note=note)
    leaders = school_leaders_by_name()

    before = {"title": plan.title, "preamble": plan.preamble}
    plan.title, plan.preamble = parsed.title, parsed.preamble
    plan.organization_aliases = parsed.organization_aliases
    plan.fingerprint, plan.source_name = fingerprint(parsed), source_name[:255]
    plan.save()
    record_changed(plan, [(f, before[f], getattr(plan, f)) for f in before], by=by, note=note)

    # Park every number out of the way, so points and tasks can take their new places freely.
    KeyPoint.objects.filter(plan=plan).update(number=F("number") + 1000)
    Task.objects.filter(key_point__plan=plan).update(number=F("number") + 1000)

    points: dict[int, KeyPoint] = {}
    for point in parsed.points:
        key_point = revision.point_match.get(point.number)
        resp = point.responsibility
        if key_point is None:
            key_point = KeyPoint.objects.create(
                plan=plan, number=point.number, title=point.title[:500]
            )
            record_created(key_point, by=by, fields=["number", "title"], note=note)
            changes = []
        else:
            key_point.refresh_from_db()
            changes = [("title", key_point.title, point.title)]
            key_point.number, key_point.title = point.number, point.title[:500]
        key_point.responsibility_raw = resp.raw if resp else ""
        changes += _revise_leader(
            key_point,
            resp.leaders if resp else [],
            lambda kp=key_point: _point_leader_account(kp.leaders, leaders),
        )
        record_changed(key_point, changes, by=by, note=note)
        key_point.save()
        if any(
            n == point.number for n, _b, _a in revision.responsibility_changed
        ) or key_point.pk not in {kp.pk for kp in revision.point_match.values()}:
            key_point.assignments.all().delete()
            Assignment.objects.bulk_create(_assignments(resp, registry, key_point=key_point))
        points[point.number] = key_point

    for point in parsed.points:
        key_point = points[point.number]
        for index, parsed_task in enumerate(point.tasks, start=1):
            task = revision.task_match.get((point.number, index))
            if task is None:
                task = Task(
                    key_point=key_point,
                    number=index,
                    text=parsed_task.text,
                    section=parsed_task.section[:200],
                )
                set_deadline(task, parsed_task.deadline, plan.year)
                if parsed_task.responsibility is not None:
                    task.leaders = parsed_task.responsibility.leaders
                    _set_task_leader(task, key_point, leaders)
                task.save()
                Assignment.objects.bulk_create(
                    _assignments(parsed_task.responsibility, registry, task=task)
                )
                record_created(task, by=by, fields=["number", "text"], note=note)
                continue
            task.refresh_from_db()
            changes = [
                ("text", task.text, parsed_task.text),
                ("key_point", str(task.key_point_id), str(key_point.pk)),
            ]
            task.key_point, task.number, task.text = key_point, index, parsed_task.text
            task.section = parsed_task.section[:200]
            if parsed_task.responsibility is not None:
                changes += _revise_leader(
                    task,
                    parsed_task.responsibility.leaders,
                    lambda kp=key_point, t=parsed_task: _task_leader_account(
                        t.responsibility.leaders, kp, leaders
                    ),
                )
            task.version = F("version") + 1
            task.save()
            if parsed_task.responsibility is not None:
                task.assignments.all().delete()
                Assignment.objects.bulk_create(
                    _assignments(parsed_task.responsibility, registry, task=task)
                )
            record_changed(task, [c for c in changes if c[0] != "key_point"], by=by, note=note)

    delete_tasks(revision.tasks_removed, removed_work, by=by, note=note)
    for key_point in revision.points_removed:
        record_deleted(key_point, by=by, note=note)
        KeyPoint.objects.filter(pk=key_point.pk).delete()
    revision.leader_problems = leader_problems(plan)
    return revision


def _revise_leader(row, names: list[str], matched) -> list[tuple[str, str, str]]:
    """Take the leaders a revised document names for a key point or task, and return the change
    of its leader in charge: matched again (`matched()`) when the document names another first
    person, or when none is set; kept when the document names nobody or the same person, so
    a leader the office chose in the task table stays."""
    previous, row.leaders = row.leaders, names
    if not names or (names[:1] == previous[:1] and row.leader_id):
        return []
    before = row.leader.display_name if row.leader_id else ""
    leader = matched()
    row.leader = leader
    return [("leader", before, leader.display_name if leader else "")]


@dataclass
class LeaderMatching:
    """What matching leaders by name did: how many key points and tasks got their leader in
    charge, and the names still unmatched."""

    matched: int
    problems: list[str]


@transaction.atomic
def do_match_leaders(plan: Plan, *, by) -> LeaderMatching:
    """Return the outcome of giving each key point and task of `plan` whose document named a
    leader in charge, and that has none set, the one school leader account of that name
    (accounts created after the import). Leaders already set are kept; none or several
    accounts of a name leave it as written, still flagged."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    leaders = school_leaders_by_name()
    note = _("Leaders in charge matched by name")
    matched = 0
    key_points = list(key_points_for_plan(plan))
    for key_point in key_points:
        if key_point.leader_id or not key_point.leaders:
            continue
        leader = _point_leader_account(key_point.leaders, leaders)
        if leader is not None:
            key_point.leader = leader
            key_point.save(update_fields=["leader"])
            record_changed(key_point, [("leader", "", leader.display_name)], by=by, note=note)
            matched += 1
    for key_point in key_points:
        for task in key_point.tasks.all():
            if task.leader_id or not task.leaders:
                continue
            leader = _task_leader_account(task.leaders, key_point, leaders)
            if leader is not None:
                # A new version, so a row editor opened before this cannot silently undo it.
                Task.objects.filter(pk=task.pk).update(leader=leader, version=F("version") + 1)
                record_changed(task, [("leader", "", leader.display_name)], by=by, note=note)
                matched += 1
    return LeaderMatching(matched=matched, problems=leader_problems(plan))


def refuse_unconfirmed_deletions(tasks, *, confirmed: bool) -> dict[Task, RecordedWork]:
    """Return the work recorded on `tasks`; DeletionRefused if there is some and `confirmed` is
    false. Early in the year, before any reporting, tasks are deleted freely."""
    work = recorded_work(task.pk for task in tasks)
    carrying = {task: work[task.pk] for task in tasks if task.pk in work}
    if carrying and not confirmed:
        raise DeletionRefused(carrying)
    return carrying


def delete_tasks(tasks, work: dict[Task, RecordedWork], *, by, note: str = "") -> None:
    """Delete the tasks with everything recorded on them; their evidence files leave the disk
    once the deletion is committed (`hooks.deleting_tasks`)."""
    hooks.deleting_tasks.send(sender=Task, task_ids=[t.pk for t in tasks])
    for task in tasks:
        carried = work.get(task)
        words = (
            _("Deleted with its records: {work}.").format(work=carried.describe())
            if carried
            else ""
        )
        record_deleted(task, by=by, note=" ".join(filter(None, [note, words])))
    Task.objects.filter(pk__in=[t.pk for t in tasks]).delete()


# A preview waits a day for confirmation; an uploader keeps their five latest of each kind
# (two tabs comparing documents), older ones are superseded.
PREVIEW_LIFETIME = timedelta(days=1)
PREVIEWS_KEPT = 5


def staging_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "staging"
    path.mkdir(parents=True, exist_ok=True)
    return path


def preview_file(preview: ImportPreview) -> Path:
    """Return where an uploaded task table waits while its preview is shown."""
    return staging_dir() / f"{preview.token}.xlsx"


@transaction.atomic
def do_stage_import_preview(
    *, owner, kind: str, name: str, payload: dict, plan: Plan | None = None, data=None
) -> ImportPreview:
    """Return a new preview of an upload for `owner` to confirm, after deleting every preview
    older than a day and the owner's previews of this kind that the new one supersedes.

    No audit row: a preview changes nothing; confirming it is recorded by the import."""
    do_discard_stale_previews(timezone.now())
    superseded = ImportPreview.objects.filter(owner=owner, kind=kind).order_by("-created_at")
    _discard_previews(
        ImportPreview.objects.filter(
            pk__in=list(superseded.values_list("pk", flat=True)[PREVIEWS_KEPT - 1 :])
        )
    )
    preview = ImportPreview.objects.create(
        token=secrets.token_urlsafe(24),
        owner=owner,
        kind=kind,
        plan=plan,
        name=name[:255],
        payload=payload,
    )
    if data is not None:
        preview_file(preview).write_bytes(data)
    return preview


@transaction.atomic
def do_discard_stale_previews(now) -> int:
    """Delete the previews nobody confirmed within a day of uploading, with their waiting files,
    and any waiting file older than that whose preview is already gone (a failed request).
    Return how many previews went. Run by every new upload and by the periodic scan, so an
    abandoned upload does not stay on the disk for good."""
    cutoff = now - PREVIEW_LIFETIME
    stale = ImportPreview.objects.filter(created_at__lt=cutoff)
    count = stale.count()
    _discard_previews(stale)
    for path in staging_dir().glob("*.xlsx"):
        if path.stat().st_mtime < cutoff.timestamp():
            path.unlink(missing_ok=True)
    return count


def do_discard_import_preview(preview: ImportPreview) -> None:
    """Delete a preview once applied, with its waiting file."""
    _discard_previews(ImportPreview.objects.filter(pk=preview.pk))


def _discard_previews(previews) -> None:
    files = [preview_file(p) for p in previews.filter(kind=ImportPreview.Kind.TASK_TABLE)]
    previews.delete()
    transaction.on_commit(lambda: [path.unlink(missing_ok=True) for path in files])
