from django.core.management.base import BaseCommand, CommandError

from workplan.org.queries import registry_names
from workplan.parsing import ParseError, parse_file
from workplan.plans.actions import ImportRefused, ImportStatus, do_import_plan


class Command(BaseCommand):
    help = "导入工作要点文档（.docx、.txt、.md、.html）：解析并保存为要点、任务和责任部门。"

    def add_arguments(self, parser):
        parser.add_argument("file", help="文档路径")

    def handle(self, *args, file, **options):
        try:
            parsed = parse_file(file, registry=registry_names())
            outcome = do_import_plan(parsed, source_name=file)
        except (ParseError, ImportRefused) as exc:
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
