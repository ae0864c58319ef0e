"""Fill a database with a large synthetic history, for benchmarks and for trying the pages at
province scale. Bulk inserts only; synthetic rows get no audit records. Each opened period gets
reports for about nine tasks in ten and a light for every task, given by the office's real light
rules (`supervision.rules`), so that dashboards and reports show a believable year."""

import random
from datetime import date, datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from workplan.org.models import Department
from workplan.plans.models import Assignment, KeyPoint, Plan, Task
from workplan.progress.models import ProgressReport, ReportingPeriod, Schedule
from workplan.supervision.models import TaskLight
from workplan.supervision.rules import LightRules, TaskState, light_for

BATCH = 5000


def flush(model, rows: list, at_least: int = BATCH) -> int:
    """Insert `rows` once there are `at_least` of them; return how many were inserted."""
    if len(rows) < at_least:
        return 0
    model.objects.bulk_create(rows)
    count = len(rows)
    rows.clear()
    return count


class Command(BaseCommand):
    help = "生成大规模模拟数据（部门、多年工作要点、任务、报送周期和进展报告），用于性能测试。"

    def add_arguments(self, parser):
        parser.add_argument("--departments", type=int, default=500)
        parser.add_argument("--tasks", type=int, default=5000, help="每年的任务数")
        parser.add_argument("--years", type=int, default=10)
        parser.add_argument("--periods", type=int, default=12, help="每年的报送周期数（≤12）")
        parser.add_argument("--organization", default="模拟大学")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, departments, tasks, years, periods, organization, seed, **options):
        if not 1 <= periods <= 12:
            raise CommandError("--periods 须在 1 到 12 之间。", returncode=2)
        if Plan.objects.filter(organization=organization).exists():
            raise CommandError(
                f"已有“{organization}”的数据；换一个 --organization 或使用空数据库。", returncode=2
            )
        rng = random.Random(seed)  # noqa: S311 (synthetic data, not secrets)
        zone = timezone.get_current_timezone()
        with transaction.atomic():
            depts = Department.objects.bulk_create(
                Department(name=f"{organization}第{n:03d}部门", kind=Department.Kind.ADMINISTRATIVE)
                for n in range(1, departments + 1)
            )
            first_year = timezone.localdate().year - years + 1
            totals = {"plans": 0, "tasks": 0, "reports": 0, "lights": 0}
            today, rules = timezone.localdate(), LightRules()
            for year in range(first_year, first_year + years):
                plan = Plan.objects.create(
                    organization=organization,
                    title=f"{year}年工作要点",
                    year=year,
                    fingerprint=f"seed-{year}",
                )
                Schedule.objects.create(plan=plan)
                points = KeyPoint.objects.bulk_create(
                    KeyPoint(plan=plan, number=n, title=f"第{n}项重点工作") for n in range(1, 13)
                )
                rows = [
                    Task(
                        key_point=points[i % 12],
                        number=i // 12 + 1,
                        text=f"{year}年模拟任务{i + 1}。",
                        due_date=date(year, rng.randint(3, 12), 28),
                    )
                    for i in range(tasks)
                ]
                created = Task.objects.bulk_create(rows, batch_size=BATCH)
                Assignment.objects.bulk_create(
                    [
                        Assignment(key_point=p, department=rng.choice(depts), role="lead")
                        for p in points
                    ],
                    batch_size=BATCH,
                )
                leads = {}
                task_assignments = []
                for task in created:
                    lead = rng.choice(depts)
                    leads[task.pk] = lead
                    task_assignments.append(Assignment(task=task, department=lead, role="lead"))
                Assignment.objects.bulk_create(task_assignments, batch_size=BATCH)
                period_rows = ReportingPeriod.objects.bulk_create(
                    ReportingPeriod(
                        plan=plan,
                        label=f"{year}年{m}月",
                        opens_on=date(year, m, 1),
                        due_on=date(year, m, 25),
                    )
                    for m in range(1, periods + 1)
                )
                reports, lights = [], []
                yellow_before: set[int] = set()
                for period in period_rows:
                    if period.opens_on > today:
                        break  # nothing is reported for periods still to come
                    submitted = datetime.combine(period.due_on, time(10), tzinfo=zone)
                    yellow_now = set()
                    for task in created:
                        percent = None
                        if rng.random() >= 0.1:
                            percent = min(100, period.opens_on.month * 8 + rng.randint(0, 10))
                            reports.append(
                                ProgressReport(
                                    task=task, department=leads[task.pk], period=period, role="lead",
                                    status="done" if percent == 100 else "on_track", percent=percent,
                                    progress="按计划推进。", state=ProgressReport.State.ACCEPTED,
                                    submitted_at=submitted,
                                )
                            )  # fmt: skip
                        verdict = light_for(
                            TaskState(
                                today=period.due_on, starts_on=date(year, 1, 1), due_on=task.due_date,
                                percent=percent, done=percent == 100, report_missing=percent is None,
                                yellow_last_period=task.pk in yellow_before,
                            ),
                            rules,
                        )  # fmt: skip
                        if verdict.light == "yellow":
                            yellow_now.add(task.pk)
                        lights.append(
                            TaskLight(
                                task=task, period=period, light=verdict.light,
                                reason=verdict.reason, expected=verdict.expected, percent=percent,
                            )
                        )  # fmt: skip
                        totals["reports"] += flush(ProgressReport, reports)
                        totals["lights"] += flush(TaskLight, lights)
                    yellow_before = yellow_now
                totals["reports"] += flush(ProgressReport, reports, at_least=1)
                totals["lights"] += flush(TaskLight, lights, at_least=1)
                totals["plans"] += 1
                totals["tasks"] += len(created)
                self.stdout.write(f"{year}: {len(created)} 项任务")
        self.stdout.write(
            f"完成：{departments} 个部门、{totals['plans']} 份工作要点、{totals['tasks']} 项任务、{totals['reports']} 份进展报告、{totals['lights']} 条亮灯记录。"
        )
