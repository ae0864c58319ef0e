"""The demo data set: the bundled example plan and one account for each role."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from workplan.accounts.actions import do_create_user
from workplan.accounts.models import Role, User
from workplan.org.models import Department
from workplan.org.queries import registry_names
from workplan.parsing import parse_file
from workplan.plans.actions import ImportOutcome, do_import_plan

EXAMPLE_PLAN = Path(__file__).resolve().parent.parent / "examples" / "jiangcheng-2024.md"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    name: str
    roles: tuple[str, ...]
    departments: tuple[str, ...] = ()
    description: str = ""


DEMO_ACCOUNTS = [
    DemoAccount(
        "admin", "demo-admin-2024", "系统管理员", (Role.ADMIN,), (), "系统管理员：账号、解锁、审计"
    ),
    DemoAccount(
        "duban",
        "demo-duban-2024",
        "王督办",
        (Role.SUPERVISOR,),
        ("党政办公室",),
        "督办员：导入工作要点、维护部门名录",
    ),
    DemoAccount("leader", "demo-leader-2024", "张校长", (Role.LEADER,), (), "校领导"),
    DemoAccount("jwc-head", "demo-head-2024", "刘处长", (Role.HEAD,), ("教务处",), "教务处负责人"),
    DemoAccount("jwc", "demo-liaison-2024", "陈老师", (Role.LIAISON,), ("教务处",), "教务处联络员"),
    DemoAccount(
        "audit", "demo-audit-2024", "赵审计", (Role.AUDITOR,), (), "纪检/审计：只读，可查审计记录"
    ),
]


@transaction.atomic
def do_load_demo() -> ImportOutcome:
    """Return the outcome of importing the example plan and creating the demo accounts."""
    parsed = parse_file(EXAMPLE_PLAN, registry=registry_names())
    outcome = do_import_plan(parsed, source_name=EXAMPLE_PLAN.name)
    for account in DEMO_ACCOUNTS:
        if User.objects.filter(username=account.username).exists():
            continue
        user = do_create_user(
            username=account.username,
            full_name=account.name,
            email=f"{account.username}@example.edu.cn",
            departments=Department.objects.filter(name__in=account.departments),
            roles=account.roles,
            password=account.password,
            by=None,
        )
        if Role.ADMIN in account.roles:
            # The Django admin (read-only here) is open to staff superusers only.
            User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    return outcome
