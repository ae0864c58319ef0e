"""The `workplan` command: `workplan parse` runs without Django; everything else is a
Django management command (`workplan import`, `workplan demo`, `workplan migrate`, …)."""

from __future__ import annotations

import contextlib
import os
import sys

from workplan.parsing.command import run_parse


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(sys.argv[1:] if argv is None else argv)
    except BrokenPipeError:
        # `workplan import … | head`: the reader stopped reading; that is no error of ours.
        # What is left to flush at exit goes nowhere instead of raising again.
        with contextlib.suppress(AttributeError, OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run(argv: list[str]) -> int:
    if argv[:1] == ["parse"]:
        return run_parse(argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workplan.settings.dev")
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError, ProgrammingError

    try:
        execute_from_command_line(["workplan", *argv])
    except (OperationalError, ProgrammingError):
        if _database_is_current():
            raise
        print(
            "workplan: 数据库尚未建立或需要更新，请先运行 `uv run workplan migrate`。"
            " (The database is not set up or not up to date: run `workplan migrate` first.)",
            file=sys.stderr,
        )
        return 2
    return 0


def _database_is_current() -> bool:
    """Return whether every migration has been applied to the configured database."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection)
        return not executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception:  # the database cannot even be asked, so it is not current either
        return False


if __name__ == "__main__":
    raise SystemExit(main())
