from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workplan.plans.actions import DeletionRefused
from workplan.plans.models import Plan
from workplan.plans.table import table_rows, table_title
from workplan.plans.table_actions import TableChanged, do_apply_table
from workplan.plans.table_import import MAX_TABLE_BYTES, read_table
from workplan.plans.xlsx import task_table_workbook


def find_plan(ref: str) -> Plan:
    """Return the plan named by its id, or by its year when only one plan has that year."""
    plans = (
        Plan.objects.filter(pk=int(ref))
        if ref.isdecimal() and len(ref) < 4
        else Plan.objects.filter(year=int(ref))
        if ref.isdecimal()
        else Plan.objects.none()
    )
    found = list(plans.order_by("pk")[:10])
    if len(found) > 1:
        listed = "；".join(f"{plan.pk}：{plan.organization}{plan.title}" for plan in found)
        raise CommandError(
            f"{ref} 年有不止一份工作要点，请用编号指明是哪一份（{listed}）。",
            returncode=2,
        )
    if not found:
        raise CommandError(f"找不到工作要点“{ref}”（请用编号或年度，如 1 或 2021）。", returncode=2)
    return found[0]


class Command(BaseCommand):
    help = "任务分解表：export 导出为 Excel；import 读入修改过的 Excel 并应用差异。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="导出任务分解表")
        export.add_argument("plan", help="工作要点编号或年度")
        export.add_argument("-o", "--output", required=True, help="输出的 .xlsx 文件")
        load = sub.add_parser("import", help="读入修改过的任务分解表")
        load.add_argument("file", help=".xlsx 文件")
        load.add_argument("--plan", required=True, help="工作要点编号或年度")
        load.add_argument("--dry-run", action="store_true", help="只显示差异，不修改")
        load.add_argument(
            "--delete-reported",
            action="store_true",
            help="表中删去的任务已有进展填报、督办通知或领导批示时，确认连同这些记录一起删除",
        )

    def handle(self, *args, action, **options):
        if action == "export":
            plan = find_plan(options["plan"])
            rows = table_rows(plan)
            Path(options["output"]).write_bytes(task_table_workbook(table_title(plan), rows))
            self.stdout.write(f"已导出 {len(rows)} 项任务到 {options['output']}")
            return
        plan = find_plan(options["plan"])
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}：文件不存在。", returncode=2)
        if path.stat().st_size > MAX_TABLE_BYTES:  # refused before it is read
            raise CommandError(
                f"{path.name}：文件大于 {MAX_TABLE_BYTES // 1024 // 1024} MB，未做任何修改。",
                returncode=2,
            )
        diff = read_table(path.read_bytes(), path.name, plan)
        for warning in diff.warnings:
            self.stdout.write(self.style.WARNING(f"提醒：{warning}"))
        if diff.warnings.more:
            self.stdout.write(self.style.WARNING(f"提醒：……另有 {diff.warnings.more} 处。"))
        for error in diff.errors:
            self.stderr.write(error)
        if diff.errors.more:
            self.stderr.write(f"……另有 {diff.errors.more} 处问题。")
        if diff.errors:
            raise CommandError(
                f"{path.name}：有 {diff.errors.total} 处问题，未做任何修改。", returncode=2
            )
        if not diff.has_changes:
            self.stdout.write("没有变化（no changes）。")
            return
        for row in diff.added:
            self.stdout.write(f"+ 新增（第 {row.row} 行，要点 {row.key_point.number}）：{row.text}")
        for changed in diff.changed:
            for label, before, after in changed.changes:
                self.stdout.write(
                    f"~ {changed.current.code} {label}：{before or '（空）'} → {after or '（空）'}"
                )
        for row in diff.removed:
            self.stdout.write(f"- 删除 {row.code}：{row.text}")
            if work := diff.removed_work.get(row.task.pk):
                self.stdout.write(
                    self.style.WARNING(f"  ！该任务已有 {work.describe()}，将一并删除")
                )
        if diff.removes_most:
            self.stdout.write(
                self.style.WARNING(
                    f"提醒：这份表将删除全部 {diff.task_count} 项任务中的 {len(diff.removed)} 项；"
                    "如只想修改部分行，请上传完整的任务分解表。"
                )
            )
        if options["dry_run"]:
            self.stdout.write("（试运行，未做修改）")
            return
        carrying = diff.removed_with_work
        if carrying and not options["delete_reported"]:
            raise CommandError(
                f"未做修改：要删除的任务中有 {len(carrying)} 项已有工作记录"
                f"（共 {diff.removed_work_total.describe()}）。"
                "如确需连同这些记录一起删除，请加 --delete-reported 再运行；"
                "否则请把这些行连同“系统编号”放回表中。",
                returncode=2,
            )
        try:
            counts = do_apply_table(
                plan,
                diff,
                by=None,
                source_name=path.name,
                delete_reported=options["delete_reported"],
            )
        except (TableChanged, DeletionRefused) as exc:
            raise CommandError(str(exc), returncode=2) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"已应用：新增 {counts['added']}，修改 {counts['changed']}，删除 {counts['removed']}。"
            )
        )
        if diff.removed_work:
            self.stdout.write(
                self.style.WARNING(f"随删除的任务一并删除：{diff.removed_work_total.describe()}。")
            )
