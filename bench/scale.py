"""Province-scale benchmark: seed a large synthetic history, then time the leadership dashboard,
the 督办台账 export and the task-table export on it, each against the fastest way to do the same
work (raw SQL into the same database, openpyxl's write-only mode), and count their queries
against the demo data. Run through `bench/run`; prints a table and fails if a page's queries
grow with the data.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import sys
import time
from contextlib import contextmanager

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workplan.settings.dev")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from workplan.accounts.models import User  # noqa: E402
from workplan.demo.data import do_load_demo  # noqa: E402
from workplan.plans.models import Plan  # noqa: E402
from workplan.progress.models import ProgressReport  # noqa: E402
from workplan.supervision.models import TaskLight  # noqa: E402

SIZES = {
    "full": {"departments": 500, "tasks": 5000, "years": 10, "periods": 12},
    "quick": {"departments": 50, "tasks": 500, "years": 2, "periods": 12},
}
PAGES = {
    "dashboard": "/reports/plans/{}/dashboard/",
    "ledger.xlsx": "/reports/plans/{}/ledger.xlsx",
    "table.xlsx": "/plans/{}/table.xlsx",
}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def stopwatch(results: dict, key: str):
    start = time.perf_counter()
    yield
    results[key] = time.perf_counter() - start


def median_seconds(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fetch(client, url: str) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_HOST="localhost")
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return len(queries), response.content


def raw_insert_seconds(table: str) -> float:
    """Copy every row of `table` into an empty twin with executemany: the database's own
    speed for the same rows, without the ORM or the program that made them."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 -- fixed names
        data = cursor.fetchall()
        cursor.execute(f"CREATE TEMPORARY TABLE bench_copy AS SELECT * FROM {table} WHERE 1 = 0")  # noqa: S608
        marks = ", ".join(["%s"] * len(data[0]))
        start = time.perf_counter()
        cursor.executemany(f"INSERT INTO bench_copy VALUES ({marks})", data)  # noqa: S608
        seconds = time.perf_counter() - start
        cursor.execute("DROP TABLE bench_copy")
    return seconds


def raw_dashboard(plan) -> None:
    """The least the dashboard must do: count the current period's lights per key point."""
    period = plan.periods.order_by("-opens_on").values_list("pk", flat=True).first()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT k.number, l.light, COUNT(*) FROM supervision_tasklight l"
            " JOIN plans_task t ON t.id = l.task_id JOIN plans_keypoint k ON k.id = t.key_point_id"
            " WHERE l.period_id = %s GROUP BY k.number, l.light",
            [period],
        )
        cursor.fetchall()


def raw_ledger(plan) -> bytes:
    """The least the ledger export must do: one row per task with its latest lead report,
    written by openpyxl in write-only mode."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.id, k.number, t.number, t.text, r.status, r.percent, r.progress"
            " FROM plans_task t JOIN plans_keypoint k ON k.id = t.key_point_id"
            " LEFT JOIN progress_progressreport r ON r.task_id = t.id AND r.role = 'lead'"
            " AND r.period_id = (SELECT id FROM progress_reportingperiod p"
            "   WHERE p.plan_id = %s ORDER BY p.opens_on DESC LIMIT 1)"
            " WHERE k.plan_id = %s ORDER BY k.number, t.number",
            [plan.pk, plan.pk],
        )
        rows = cursor.fetchall()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("督办台账")
    for row in rows:
        sheet.append(row[1:] + ("",) * 8)  # the ledger has 15 columns
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=SIZES, default="full")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    settings.DEBUG = False  # no query log while seeding; CaptureQueriesContext counts anyway
    size = SIZES[options.size]
    call_command("migrate", verbosity=0)

    do_load_demo()
    demo = Plan.objects.get(organization="江城职业技术学院")
    office = User.objects.get(username="duban")
    client = Client()
    client.force_login(office)
    demo_queries = {name: fetch(client, url.format(demo.pk))[0] for name, url in PAGES.items()}

    seconds: dict[str, float] = {}
    with stopwatch(seconds, "seed"):
        call_command(
            "seed-scale",
            *[f"--{k}={v}" for k, v in size.items()],
            stdout=io.StringIO(),
        )
    reports = ProgressReport.objects.filter(department__name__startswith="模拟大学").count()
    lights = TaskLight.objects.filter(task__key_point__plan__organization="模拟大学").count()
    raw_seed = raw_insert_seconds("progress_progressreport") + raw_insert_seconds(
        "supervision_tasklight"
    )
    plan = Plan.objects.filter(organization="模拟大学").order_by("-year").first()

    print(f"workplan bench/scale · {connection.vendor} · size {options.size}: {size}")
    print(f"seed-scale: {reports:,} reports + {lights:,} lights in {seconds['seed']:.1f} s")
    print(
        f"  raw executemany of the same rows: {raw_seed:.1f} s  → ratio {seconds['seed'] / raw_seed:.1f}×"
    )
    print(
        f"{'page':<12} {'queries demo':>12} {'queries scale':>13} {'seconds':>8} {'raw':>7} {'ratio':>6}"
    )
    failed = False
    baselines = {
        "dashboard": lambda: raw_dashboard(plan),
        "ledger.xlsx": lambda: raw_ledger(plan),
        "table.xlsx": lambda: raw_ledger(plan),
    }
    for name, url in PAGES.items():
        count, _ = fetch(client, url.format(plan.pk))
        took = median_seconds(lambda u=url: fetch(client, u.format(plan.pk)), options.repeat)
        raw = median_seconds(baselines[name], options.repeat)
        flag = "" if count == demo_queries[name] else "  ← queries grow with the data"
        failed |= bool(flag)
        print(
            f"{name:<12} {demo_queries[name]:>12} {count:>13} {took:>8.2f} {raw:>7.2f}"
            f" {took / raw:>5.1f}×{flag}"
        )
    print(f"peak memory of the whole run: {peak_rss_mb():.0f} MB")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
