"""The demo data set: the bundled example plan and one account for each role."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from workplan.accounts.actions import do_create_user
from workplan.accounts.models import User
from workplan.core.roles import Role
from workplan.org.models import Department
from workplan.org.queries import registry_names
from workplan.parsing import parse_bytes
from workplan.plans.actions import ImportOutcome, ImportStatus, do_import_plan
from workplan.plans.table import TaskValues, table_rows
from workplan.plans.table_actions import do_set_key_point_leader, do_update_task
from workplan.progress.actions import (
    ReportData,
    do_accept_report,
    do_return_report,
    do_save_report,
    do_set_up_schedule,
    do_start_report,
    do_submit_report,
)
from workplan.progress.models import ProgressReport
from workplan.progress.queries import duties
from workplan.supervision.actions import do_give_instruction, do_issue_notice
from workplan.supervision.lights import do_recompute_lights
from workplan.supervision.supervise import supervise

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
def do_load_demo(today=None) -> ImportOutcome:
    """Return the outcome of importing the example plan and creating the demo accounts.

    The example is a 2024 document; the demo shows it as this year's plan, part-way through,
    so that reports, lights and reminders have something true to show.
    """
    today = today or timezone.localdate()
    text = EXAMPLE_PLAN.read_text(encoding="utf-8").replace("2024", str(today.year))
    parsed = parse_bytes(text.encode("utf-8"), EXAMPLE_PLAN.name, registry=registry_names())
    # Imported at the start of the year, so the months acted out below were all reported on.
    outcome = do_import_plan(
        parsed, source_name=EXAMPLE_PLAN.name, today=today.replace(month=1, day=1)
    )
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
    if outcome.status == ImportStatus.CREATED:
        _fill_task_table(outcome.plan)
        _report_progress(outcome.plan, today)
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


def _report_progress(plan, today) -> None:
    """Three closed periods of reports: mostly on time, some late, some missing, one returned;
    a 督办通知 and a leader's 批示; then the lights and reminders of today."""
    do_set_up_schedule(plan)
    supervisor = User.objects.get(username="duban")
    zone = timezone.get_current_timezone()
    closed = list(plan.periods.filter(due_on__lt=today).order_by("-due_on")[:3])[::-1]
    # Each department's report is written by its own people: the actions refuse anyone else.
    people = {
        d: User.objects.filter(departments=d, role_grants__role__in=[Role.HEAD, Role.LIAISON])
        .order_by("pk")
        .first()
        or _demo_liaison(d)
        for d in Department.objects.all()
    }
    for index, period in enumerate(closed):
        last = index == len(closed) - 1
        for duty in duties(plan, period):
            roll = zlib.crc32(f"{duty.task.pk}-{duty.department_id}-{period.pk}".encode()) % 100
            if roll < 12:
                continue  # missing
            department = Department.objects.get(pk=duty.department_id)
            author = people[department]
            report = do_start_report(duty.task, department, period, duty.role, by=author)
            month_share = (period.due_on.month * 100) // 12
            percent = max(0, min(100, month_share - 25 + roll // 2))
            status = (
                ProgressReport.Status.LAGGING
                if percent < month_share - 20
                else (
                    ProgressReport.Status.DONE if percent >= 100 else ProgressReport.Status.ON_TRACK
                )
            )
            data = ReportData(
                status,
                percent,
                "按计划推进各项工作，本月完成阶段性目标。",
                "" if roll % 3 else "经费尚未到位。",
                "继续推进。",
            )
            do_save_report(report, data, read_version=None, by=author)
            day = (
                period.due_on - timedelta(days=3)
                if roll >= 25
                else period.due_on + timedelta(days=2)
            )
            do_submit_report(report, by=author, now=datetime.combine(day, time(10), tzinfo=zone))
            if last and roll % 17 == 0:
                do_return_report(report, "请补充佐证材料和具体数据。", by=supervisor)
            elif not last or roll % 2:
                do_accept_report(report, by=supervisor)
        do_recompute_lights(plan, period.due_on)  # as the hourly supervise run left them
    task = plan.key_points.get(number=4).tasks.first()
    finance = Department.objects.filter(name="财务处").first()
    if finance:
        do_issue_notice(
            task,
            finance,
            "请于下周五前说明实训室建设经费拨付进度。",
            today + timedelta(days=7),
            by=supervisor,
        )
    do_give_instruction(task, "要加快进度，确保年内完成。", by=User.objects.get(username="leader"))
    supervise(datetime.combine(today, time(9), tzinfo=zone))


def _demo_liaison(department) -> User:
    """Return a liaison account for a department the demo has no person for (no known password)."""
    return do_create_user(
        username=f"liaison-{department.pk}",
        full_name=f"{department.name}联络员",
        email=f"liaison-{department.pk}@example.edu.cn",
        departments=[department],
        roles=[Role.LIAISON],
        by=None,
    )
