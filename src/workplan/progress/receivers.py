"""What progress does when an app below it sends one of its hooks."""

from django.db import transaction
from django.db.models import Count
from django.utils.translation import ngettext

from workplan.audit.records import record_changed
from workplan.org.merging import MergeLine
from workplan.plans.years import open_plans
from workplan.progress.actions import do_set_up_schedule
from workplan.progress.evidence import evidence_dir
from workplan.progress.models import EvidenceFile, ProgressReport
from workplan.progress.queries import schedule_set_up_summary


def _counts(queryset, path: str) -> dict[int, int]:
    rows = queryset.values_list(path).annotate(n=Count("pk")).order_by()
    return dict(rows)


def count_reports_and_evidence(sender, *, task_ids, **kwargs) -> dict[str, dict[int, int]]:
    """Answer `plans.hooks.count_recorded_work`: the tasks' reports and evidence files."""
    return {
        "reports": _counts(ProgressReport.objects.filter(task__in=task_ids), "task"),
        "evidence": _counts(EvidenceFile.objects.filter(report__task__in=task_ids), "report__task"),
    }


def remove_evidence_files(sender, *, task_ids, **kwargs) -> None:
    """Answer `plans.hooks.deleting_tasks`: the evidence files of the tasks' reports leave the
    disk once the deletion is committed."""
    stored = list(
        EvidenceFile.objects.filter(report__task__in=task_ids).values_list("stored_name", flat=True)
    )
    folder = evidence_dir()
    transaction.on_commit(lambda: [(folder / name).unlink(missing_ok=True) for name in stored])


def set_up_reporting(sender, *, plan, today, by, **kwargs) -> str:
    """Answer `plans.hooks.plan_imported`: the new plan reports monthly from the start, the
    periods that ended before the import closed; return the sentence saying so."""
    schedule = do_set_up_schedule(plan, closed_before=today, by=by)
    return schedule_set_up_summary(schedule)


def _merge_split(source, target, today) -> tuple[list, list]:
    """Return the source's reports on tasks of running plans that can pass to the target, and
    those that cannot: the target filed its own report on the same task and period."""
    reports = list(
        ProgressReport.objects.filter(
            department=source, task__key_point__plan__in=open_plans(today)
        ).select_related("task__key_point", "period")
    )
    taken = set(
        ProgressReport.objects.filter(
            department=target, task__in={r.task_id for r in reports}
        ).values_list("task_id", "period_id")
    )
    moving = [r for r in reports if (r.task_id, r.period_id) not in taken]
    staying = [r for r in reports if (r.task_id, r.period_id) in taken]
    return moving, staying


def _clash_line(staying, source, target) -> MergeLine:
    listed = "、".join(f"{r.task.code}（{r.period.display_label}）" for r in staying[:20])
    if len(staying) > 20:
        listed += "……"
    return MergeLine(
        ngettext(
            "{n} report stays with {source}: {target} filed its own report on the same task "
            "and period ({listed}). Both stay on record, each under its department's name.",
            "{n} reports stay with {source}: {target} filed its own reports on the same tasks "
            "and periods ({listed}). Both stay on record, each under its department's name.",
            len(staying),
        ).format(n=len(staying), source=source.name, target=target.name, listed=listed),
        warning=True,
    )


def preview_reports(sender, *, source, target, today, **kwargs) -> list[MergeLine]:
    """Answer `org.hooks.previewing_merge`: the reports that would pass, those that would stay."""
    moving, staying = _merge_split(source, target, today)
    lines = []
    if moving:
        lines.append(
            MergeLine(
                ngettext(
                    "{n} progress report of a running plan will pass to {name}.",
                    "{n} progress reports of running plans will pass to {name}.",
                    len(moving),
                ).format(n=len(moving), name=target.name)
            )
        )
    if staying:
        lines.append(_clash_line(staying, source, target))
    return lines


def move_reports(sender, *, source, target, today, by, **kwargs) -> list[MergeLine]:
    """Answer `org.hooks.departments_merged`: the source's reports on tasks of running plans
    pass to the target, with their versions and evidence. Where the target filed its own report
    on the same task and period (one report per task, department and period), the target's is
    the one that counts and the source's stays on record with the source, under its name."""
    moving, staying = _merge_split(source, target, today)
    for report in moving:
        record_changed(
            report,
            [("department", source.name, target.name)],
            by=by,
            scope=f"plans.task:{report.task_id}",
        )
    ProgressReport.objects.filter(pk__in=[r.pk for r in moving]).update(department=target)
    lines = []
    if moving:
        lines.append(
            MergeLine(
                ngettext(
                    "{n} progress report passed to {name}.",
                    "{n} progress reports passed to {name}.",
                    len(moving),
                ).format(n=len(moving), name=target.name)
            )
        )
    if staying:
        lines.append(_clash_line(staying, source, target))
    return lines
