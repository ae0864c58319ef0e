from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from workplan.demo.data import DEMO_ACCOUNTS, do_load_demo
from workplan.plans.actions import ImportStatus


class Command(BaseCommand):
    help = (
        "启动演示：迁移数据库、载入示例工作要点和演示账号，然后在 http://127.0.0.1:8000 提供服务。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--addrport", default="127.0.0.1:8000", help="监听地址（默认 127.0.0.1:8000）"
        )
        parser.add_argument("--no-serve", action="store_true", help="只准备数据，不启动网站")

    def handle(self, *args, addrport, no_serve, **options):
        call_command("migrate", interactive=False, verbosity=0)
        outcome = do_load_demo()
        plan = outcome.plan
        self.stdout.write(f"数据库：{settings.DATABASES['default']['NAME']}")
        self.stdout.write(
            f"示例工作要点：{plan}（{plan.key_points.count()} 条要点，"
            f"{'新导入' if outcome.status == ImportStatus.CREATED else '已存在'}）"
        )
        self.stdout.write("演示账号（用户名 / 密码）：")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(
                f"  {account.username:<9} / {account.password:<18} {account.description}"
            )
        if no_serve:
            return
        self.stdout.write(self.style.SUCCESS(f"打开 http://{addrport}/ 登录。按 Ctrl+C 停止。"))
        # With DEBUG off (the demo settings) runserver serves static files only when asked.
        call_command("runserver", addrport, use_reloader=False, insecure_serving=not settings.DEBUG)
