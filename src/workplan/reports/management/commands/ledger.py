from pathlib import Path

from django.core.management.base import BaseCommand

from workplan.plans.management.commands.table import find_plan
from workplan.reports.ledger import ledger
from workplan.reports.xlsx import ledger_workbook


class Command(BaseCommand):
    help = "导出督办台账（每项任务的最新进展、灯、督办和批示，以及各部门汇总）。"

    def add_arguments(self, parser):
        parser.add_argument("plan", help="工作要点编号或年度")
        parser.add_argument("-o", "--output", required=True, help="输出的 .xlsx 文件")

    def handle(self, *args, plan, output, **options):
        found = find_plan(plan)
        rows, summary = ledger(found)
        Path(output).write_bytes(ledger_workbook(found, rows, summary))
        self.stdout.write(f"已导出督办台账：{len(rows)} 项任务、{len(summary)} 个部门 → {output}")
