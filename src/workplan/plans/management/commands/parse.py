from django.core.management.base import BaseCommand

from workplan.parsing.command import run_parse


class Command(BaseCommand):
    help = "解析工作要点文档并输出提纲或 JSON（不写数据库）。同 `workplan parse FILE [--json]`。"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, file, json, **options):
        status = run_parse([file, *(["--json"] if json else [])])
        if status:
            raise SystemExit(status)
