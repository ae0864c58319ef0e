"""`workplan unlock_sign_in --user NAME | --address ADDRESS | --all`: clear sign-in lock-outs
from the server, for when the only administrator is locked out."""

from django.core.management.base import BaseCommand, CommandError

from workplan.accounts.actions import do_clear_login_failures


class Command(BaseCommand):
    help = "清除登录锁定（Clear sign-in lock-outs）：--user 登录名、--address 地址，或 --all 全部。"

    def add_arguments(self, parser):
        parser.add_argument("--user", help="该账户在所有地址的锁定与错误记录")
        parser.add_argument("--address", help="从该地址对所有账户的锁定与错误记录")
        parser.add_argument("--all", action="store_true", help="全部锁定与错误记录")

    def handle(self, *args, user=None, address=None, all=False, **options):
        if not (user or address or all):
            raise CommandError(
                "请指定 --user、--address 或 --all。(Name --user, --address or --all.)"
            )
        if all and (user or address):
            raise CommandError("--all 不能与 --user 或 --address 同用。(--all goes alone.)")
        cleared = do_clear_login_failures(username=user, address=address, by=None)
        scope = ", ".join(filter(None, [user, address])) or "all"
        self.stdout.write(
            f"{scope}: 已清除 {cleared} 条登录错误记录 (cleared {cleared} failed sign-ins)"
        )
