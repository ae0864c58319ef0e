from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from workplan.plans.actions import do_discard_stale_previews
from workplan.supervision.supervise import supervise


class Command(BaseCommand):
    help = "督办扫描：办结已报齐的提醒和催办，重新计算红黄绿灯，并生成此刻应发的提醒和催办（邮件由 workplan worker 发送）；清理一天内未确认的导入预览。由 cron 每小时运行一次即可。"

    def add_arguments(self, parser):
        parser.add_argument("--at", help="按这个时刻运行，如 2021-06-28T09:00（默认：现在）")

    def handle(self, *args, at=None, **options):
        moment = timezone.now()
        if at:
            moment = parse_datetime(at)
            if moment is None:
                raise CommandError(f"无法识别的时刻“{at}”，请写成 2021-06-28T09:00。", returncode=2)
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
        run = supervise(moment)
        lights = "，".join(f"{k} {v}" for k, v in sorted(run.lights.items())) or "无"
        self.stdout.write(
            f"灯：{lights}；新提醒/催办 {len(run.notices)} 条；已报齐而办结 {len(run.settled)} 条"
        )
        for notice in run.notices:
            self.stdout.write(
                f"  {notice.get_kind_display()} → {notice.department}（{notice.period}）"
            )
        # Uploads nobody confirmed within a day leave the disk even if nobody uploads again.
        if stale := do_discard_stale_previews(moment):
            self.stdout.write(f"已清理一天内未确认的导入预览 {stale} 份")
