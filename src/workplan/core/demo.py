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
    DemoAccount("leader2", "demo-leader-2024", "李副校长", (Role.LEADER,), (), "校领导"),
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
    if outcome.status == "created":
        _fill_task_table(outcome.plan)
    return outcome


DEMO_DEADLINES = [
    "6月底前",
    "年底前",
    "每季度",
    "3-4月",
    "持续推进",
    "9月底前",
    "10月15日前",
    "开学前后",
]


def _fill_task_table(plan) -> None:
    """Give the demo table what a clerk would have entered: leaders, deadlines, outcomes."""
    from workplan.plans.table import TaskValues, table_rows
    from workplan.plans.table_actions import do_set_key_point_leader, do_update_task

    supervisor = User.objects.get(username="duban")
    leaders = [User.objects.get(username="leader"), User.objects.get(username="leader2")]
    for key_point in plan.key_points.all():
        do_set_key_point_leader(key_point, leaders[key_point.number % 2], by=supervisor)
    for index, row in enumerate(r for r in table_rows(plan) if r.task.number <= 2):
        values = TaskValues(
            text=row.text,
            leader=row.task.key_point.leader,
            lead=row.lead,
            co=row.co,
            groups=row.groups,
            deadline=DEMO_DEADLINES[index % len(DEMO_DEADLINES)],
            outcome="形成工作方案并组织实施" if index % 3 == 0 else "",
            note="",
        )
        do_update_task(row.task.pk, values, read_version=row.task.version, by=supervisor)
