from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workplan.plans.management.commands.table import find_plan
from workplan.reports.docx import progress_report_docx
from workplan.reports.pdf import PdfUnavailable, docx_to_pdf
from workplan.reports.progress_report import build_progress_report


class Command(BaseCommand):
    help = "生成工作要点落实情况报告（公文格式 .docx 或 .pdf）：workplan report 2021 --period 2021-06 -o 报告.docx"

    def add_arguments(self, parser):
        parser.add_argument("plan", help="工作要点编号或年度")
        parser.add_argument("--period", required=True, help="截至的周期，如 2021-06")
        parser.add_argument("-o", "--output", required=True, help="输出文件（.docx 或 .pdf）")

    def handle(self, *args, plan, period, output, **options):
        found = find_plan(plan)
        try:
            year, month = (int(x) for x in period.split("-"))
        except ValueError:
            raise CommandError(
                f"无法识别的周期“{period}”，请写成 2021-06。", returncode=2
            ) from None
        chosen = (
            found.periods.filter(due_on__year=year, due_on__month=month).order_by("-due_on").first()
        )
        if chosen is None:
            raise CommandError(f"{found} 没有 {period} 的报送周期。", returncode=2)
        extension = Path(output).suffix.lower()
        if extension not in {".docx", ".pdf"}:
            raise CommandError(
                f"不能生成“{output}”：输出文件请以 .docx 或 .pdf 结尾。", returncode=2
            )
        content = progress_report_docx(build_progress_report(found, chosen))
        if extension == ".pdf":
            try:
                content = docx_to_pdf(content)
            except PdfUnavailable as problem:
                raise CommandError(str(problem), returncode=1) from None
        Path(output).write_bytes(content)
        self.stdout.write(f"已生成：{output}")
