from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "运行后台任务（提醒和催办邮件等）。--batch：处理完队列后退出（适合 cron）。"

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="处理完已排队的任务后退出")

    def handle(self, *args, batch=False, **options):
        arguments = ["--no-startup-delay"]
        if batch:
            arguments.append("--batch")
        call_command("db_worker", *arguments, verbosity=options.get("verbosity", 1))
