"""Gather the 落实情况报告 of a plan up to a period from the accepted reports."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone, translation

from workplan.plans.table import table_rows
from workplan.progress.models import ProgressReport
from workplan.progress.queries import completion
from workplan.reports.completion import PointProgress, ProgressFigures, progress_figures
from workplan.reports.docx import LightRow, PointSection, ProgressReportDocument
from workplan.reports.queries import letterhead_of
from workplan.supervision.models import TaskLight, light_reason_text

LIGHT_NAMES = {
    TaskLight.Light.GREEN: "绿灯",
    TaskLight.Light.BLUE: "蓝灯",
    TaskLight.Light.YELLOW: "黄灯",
    TaskLight.Light.RED: "红灯",
}


def _add_once(lines: list[str], new: Iterable[str]) -> None:
    """Add lines not already there: a department that gives the same problem for several
    tasks of a key point is named once, as a clerk writing the report would."""
    for line in new:
        if line not in lines:
            lines.append(line)


def completion_sentence(figures: ProgressFigures) -> str:
    """Return the overview's 平均完成比例 with the rule it follows, as the dashboard states it."""
    if figures.percent is None:
        return f"本期{figures.missing}项任务均未报送进展，暂无平均完成比例。"
    return (
        f"平均完成比例{figures.percent}%（已报送{figures.reported}项任务的平均进度，"
        f"已办结任务计100%；未报送{figures.missing}项不计入）。"
    )


def point_summary(point: PointProgress, days_overdue: int) -> str:
    """Return the one line of a key point's figures; for a point with no reports, the only one."""
    late = f"（已逾期{days_overdue}天）" if days_overdue > 0 else ""
    if point.tasks == 0:
        return "本要点未分解具体任务。"
    if point.percent is None:
        return f"本要点共{point.tasks}项任务，本期均未报送进展{late}。"
    missing = f"；未报送{point.missing}项{late}" if point.missing else ""
    return (
        f"本要点共{point.tasks}项任务，已报送{point.reported}项，"
        f"平均完成比例{point.percent}%{missing}。"
    )


@translation.override("zh-hans")  # an official document: Chinese whatever the reader's UI
def build_progress_report(plan, period) -> ProgressReportDocument:
    """Return the report as of `period`: overview figures, then every key point under its own
    number — its figures, what was done (accepted reports), the problems and next steps, with
    the departments named; signed as the plan's letterhead says."""
    today = timezone.localdate()
    letterhead = letterhead_of(plan)
    progress = progress_figures(plan, period)
    reports = (
        ProgressReport.objects.filter(period=period, state=ProgressReport.State.ACCEPTED)
        .select_related("department", "task__key_point")
        .order_by("task__key_point__number", "task__number", "role")
    )
    days_overdue = (today - period.due_on).days
    sections = {
        point.number: PointSection(point.number, point.title, point_summary(point, days_overdue))
        for point in progress.points
    }
    by_task: dict[int, list[ProgressReport]] = {}
    for report in reports:
        by_task.setdefault(report.task_id, []).append(report)
    for task_reports in by_task.values():
        task = task_reports[0].task
        section = sections[task.key_point.number]
        done = [
            f"{r.progress.rstrip('。')}（{r.department.name}）" for r in task_reports if r.progress
        ]
        if done:
            section.done.append(f"{task.text.rstrip('。')}。" + "；".join(done) + "。")
        _add_once(
            section.problems,
            (
                f"{r.problems.rstrip('。')}。（{r.department.name}）"
                for r in task_reports
                if r.problems
            ),
        )
        _add_once(
            section.next_steps,
            (
                f"{r.next_steps.rstrip('。')}。（{r.department.name}）"
                for r in task_reports
                if r.next_steps and r.role == ProgressReport.Role.LEAD
            ),
        )
    # Lights are computed for the period being reported on; an older period may have none, so
    # take the latest computed on or before it.
    lit = TaskLight.objects.filter(period__plan=plan, period__opens_on__lte=period.opens_on)
    latest = lit.order_by("-period__opens_on").values_list("period_id", flat=True).first()
    lights = {light.task_id: light for light in lit.filter(period_id=latest)}
    counts = {k: 0 for k in LIGHT_NAMES}
    for light in lights.values():
        counts[light.light] += 1
    figures = completion(plan, period)
    rows = table_rows(plan)
    overview = (
        f"截至{period.due_on.year}年{period.due_on.month}月，{plan.organization}{plan.title}共分解任务{len(rows)}项。"
        f"本期牵头部门报送进展{figures['filed']}份，其中逾期报送{figures['late']}份；"
        f"累计已完成任务{figures['done']}项，"
        + completion_sentence(progress)
        + (
            f"按督办规则，绿灯{counts['green']}项、蓝灯{counts['blue']}项、黄灯{counts['yellow']}项、红灯{counts['red']}项。"
            if lights
            else ""
        )
        + "现将各项工作落实情况报告如下。"
    )
    light_rows = [
        LightRow(
            row.code,
            row.text,
            "、".join(row.lead),
            LIGHT_NAMES.get(lights[row.task.pk].light, "") if row.task.pk in lights else "未评定",
            light_reason_text(lights[row.task.pk].reason) if row.task.pk in lights else "",
        )
        for row in rows
    ]
    return ProgressReportDocument(
        title=f"{plan.organization}{plan.year}年工作要点落实情况报告（截至{period.due_on.year}年{period.due_on.month}月）",
        overview=overview,
        sections=list(sections.values()),
        lights=light_rows,
        issuer=letterhead.issuer,
        red_header=letterhead.red_header,
        date_text=f"{today.year}年{today.month}月{today.day}日",
    )


def report_file_name(plan, period, extension: str) -> str:
    """Return e.g. 2024年工作要点落实情况报告（截至6月）.pdf."""
    return f"{plan.year}年工作要点落实情况报告（截至{period.due_on.month}月）.{extension}"
