"""What progress does when an app below it sends one of its hooks."""

from django.db import transaction
from django.db.models import Count

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
