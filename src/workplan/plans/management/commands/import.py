from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from workplan.org.queries import registry_names
from workplan.parsing import ParseError, parse_file
from workplan.plans.actions import (
    DeletionRefused,
    ImportRefused,
    ImportStatus,
    do_import_plan,
    do_revise_plan,
    find_existing_plan,
    fingerprint,
)
from workplan.plans.documents import FIRST_YEAR, LAST_YEAR, complete_plan, is_workbook
from workplan.plans.preview_edits import accept_proposals, proposals_in_use
from workplan.plans.queries import plan_follow_ups
from workplan.plans.revisions import compare_revision
from workplan.plans.table_import import MAX_TABLE_BYTES, is_task_table_export


class Command(BaseCommand):
    help = (
        "导入工作要点文档（.docx、.txt、.md、.html）或自行编制的任务分解表（.xlsx）：解析并保存为"
        "要点、任务和责任部门；修订稿用 --revise。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="文档路径")
        parser.add_argument("--year", type=int, help="文档未写明年度时使用的年度，如 2025")
        parser.add_argument("--title", default="", help="文档没有标题行时使用的标题")
        parser.add_argument("--organization", default="", help="文档未写明单位时使用的单位名称")
        parser.add_argument(
            "--revise", action="store_true", help="该年度已有工作要点时，按修订稿应用差异"
        )
        parser.add_argument(
            "--accept-aliases",
            action="store_true",
            help="采用部门名录提示的全部简称（如 组织部 → 组织人事部）；不加时名称按原文保存",
        )
        parser.add_argument(
            "--delete-reported",
            action="store_true",
            help="修订稿删去的任务已有进展填报、督办通知或领导批示时，确认连同这些记录一起删除",
        )

    def handle(self, *args, **options):
        # The sentences the import's apps write (what was set up, what is left to do) speak
        # the site's language, as the command's own lines do, whatever ran before in-process.
        with translation.override(settings.LANGUAGE_CODE):
            self.import_file(**options)

    def import_file(
        self,
        *,
        file,
        revise,
        delete_reported,
        accept_aliases,
        year,
        title,
        organization,
        **options,
    ):
        if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
            raise CommandError(
                f"--year {year}：年度应在 {FIRST_YEAR} 到 {LAST_YEAR} 之间。", returncode=2
            )
        self.refuse_task_table_export(Path(file))
        try:
            parsed = parse_file(file, registry=registry_names())
        except ParseError as exc:
            raise CommandError(str(exc), returncode=2) from None
        if year is not None and parsed.year is not None and year != parsed.year:
            self.stdout.write(
                self.style.WARNING(f"提醒：文档写明的年度是 {parsed.year}，未使用 --year {year}。")
            )
        complete_plan(parsed, year=year, title=title, organization=organization)
        if parsed.year is None:
            raise CommandError(
                f"{Path(file).name}：文档没有写明年度，请用 --year 指定，如 --year 2025。",
                returncode=2,
            )
        if not parsed.title.strip():
            raise CommandError(
                f"{Path(file).name}：文档没有标题行，请用 --title 指定标题，如 --title 2025年工作要点。",
                returncode=2,
            )
        self.report_proposals(parsed, accept=accept_aliases)
        existing = find_existing_plan(parsed) if parsed.year else None
        if existing is not None and existing.fingerprint != fingerprint(parsed):
            self.revise(existing, parsed, file, apply=revise, delete_reported=delete_reported)
            return
        try:
            outcome = do_import_plan(parsed, source_name=file)
        except ImportRefused as exc:
            raise CommandError(str(exc), returncode=2) from None
        plan = outcome.plan
        if outcome.status == ImportStatus.UNCHANGED:
            self.stdout.write(f"unchanged：{plan} 已导入过，内容相同，未做任何修改。")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"已导入 {plan}：{len(parsed.points)} 条要点、{parsed.task_count()} 项任务、"
                f"{len(parsed.departments)} 个部门（编号 {plan.pk}）。"
            )
        )
        if outcome.new_departments:
            self.stdout.write(f"新增部门（待核对）：{'、'.join(outcome.new_departments)}")
        for alias, name in outcome.new_aliases:
            self.stdout.write(f"新增简称：{alias} → {name}")
        for warning in parsed.warnings:
            self.stdout.write(self.style.WARNING(f"提醒：{warning}"))
        for problem in outcome.leader_problems:
            self.stdout.write(self.style.WARNING(f"责任领导待核对：{problem}"))
        for point in parsed.points:
            for warning in point.warnings:
                self.stdout.write(self.style.WARNING(f"提醒：要点 {point.number}：{warning}"))
            for index, task in enumerate(point.tasks, start=1):
                for warning in task.warnings:
                    self.stdout.write(
                        self.style.WARNING(f"提醒：任务 {point.number}.{index}：{warning}")
                    )
        for sentence in outcome.set_up:
            self.stdout.write(sentence)
        if follow_ups := plan_follow_ups(plan).lines():
            self.stdout.write("尚待完成：")
            for line in follow_ups:
                self.stdout.write(f"- {line}")

    def refuse_task_table_export(self, path: Path) -> None:
        """Refuse a task table this system exported: it edits a plan, it does not make one."""
        if not is_workbook(path.name) or not path.is_file():
            return
        if path.stat().st_size > MAX_TABLE_BYTES:
            return  # the reader refuses it by its size
        if is_task_table_export(path.read_bytes(), path.name):
            raise CommandError(
                f"{path.name}：这是本系统导出的任务分解表，不能用来新建工作要点。修改后请用 "
                f"workplan table import {path} --plan 年度 导入到对应的工作要点；新建工作要点请导入"
                "工作要点文档或自行编制的任务分解表。",
                returncode=2,
            )

    def report_proposals(self, parsed, *, accept: bool):
        """Accept every alias proposal, or list them and keep the names as written: the same
        choice the web preview offers, made by the same function."""
        if accept:
            for proposal in accept_proposals(parsed, [p.name for p in parsed.proposals]):
                self.stdout.write(f"采用简称：{proposal.name} → {proposal.proposed}")
            return
        proposals = proposals_in_use(parsed)
        if proposals:
            self.stdout.write(
                "部门名录提示以下名称可能是其他部门的简称；未加 --accept-aliases，按原文保存："
            )
        for proposal in proposals:
            self.stdout.write(f"  {proposal.name} → {proposal.proposed}（部门名录中的简称？）")

    def revise(self, plan, parsed, file, *, apply: bool, delete_reported: bool):
        revision = compare_revision(plan, parsed)
        if not revision.has_changes:
            # The same plan in another file (the .xlsx of a .docx, a copy saved as .txt).
            self.stdout.write(f"unchanged：{plan} 已导入过，这份文档内容相同，未做任何修改。")
            return
        self.stdout.write(f"{plan} 已存在，这份文档是它的修订稿：")
        for number in revision.points_added:
            self.stdout.write(f"+ 新增要点 {number}")
        for key_point in revision.points_removed:
            self.stdout.write(f"- 删除要点 {key_point.number}. {key_point.title}")
        for key_point, title in revision.points_retitled:
            self.stdout.write(f"~ 要点 {key_point.number} 标题：{key_point.title} → {title}")
        for number, before, after in revision.responsibility_changed:
            self.stdout.write(f"~ 要点 {number} 责任部门：{before} → {after}")
        for code, before, after in revision.task_responsibility_changed:
            self.stdout.write(f"~ 任务 {code} 责任部门：{before or '（随要点）'} → {after}")
        for place in revision.tasks_added:
            self.stdout.write(f"+ 新增任务 {place.point_number}.{place.index}：{place.parsed.text}")
        for task in revision.tasks_removed:
            self.stdout.write(f"- 删除任务 {task.key_point.number}.{task.number}：{task.text}")
            if work := revision.removed_work.get(task.pk):
                self.stdout.write(
                    self.style.WARNING(f"  ！该任务已有 {work.describe()}，将一并删除")
                )
        for task, place, score in revision.tasks_reworded:
            self.stdout.write(
                f"~ 任务 {place.point_number}.{place.index} 改写（相似度 {score:.0%}）：{task.text} → {place.parsed.text}"
            )
        carrying = revision.removed_with_work
        if not apply:
            raise CommandError(
                "未做修改：确认无误后加 --revise 再运行一次以应用修订。", returncode=2
            )
        if carrying and not delete_reported:
            raise CommandError(
                f"未做修改：要删除的任务中有 {len(carrying)} 项已有工作记录"
                f"（共 {revision.removed_work_total.describe()}）。"
                "如确需连同这些记录一起删除，请加 --delete-reported 再运行；"
                "否则请在修订稿中保留这些任务。",
                returncode=2,
            )
        try:
            applied = do_revise_plan(
                plan, parsed, source_name=file, delete_reported=delete_reported
            )
        except DeletionRefused as exc:
            raise CommandError(str(exc), returncode=2) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"已应用修订：新增 {len(applied.tasks_added)} 项、改写 {len(applied.tasks_reworded)} 项、"
                f"移到其他要点 {len(applied.tasks_moved)} 项、删除 {len(applied.tasks_removed)} 项任务；"
                "保留下来的任务，其任务分解表内容、进展填报和历史记录均保留。"
            )
        )
        for problem in applied.leader_problems:
            self.stdout.write(self.style.WARNING(f"责任领导待核对：{problem}"))
        if applied.removed_work:
            self.stdout.write(
                self.style.WARNING(
                    f"随删除的任务一并删除：{applied.removed_work_total.describe()}。"
                )
            )
