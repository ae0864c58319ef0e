"""Two offices issuing 督办单 at the same moment get different numbers: each waits for the
other's lock on the year's counter row (PostgreSQL: SELECT … FOR UPDATE; SQLite: the one
writer at a time that IMMEDIATE transactions give)."""

import threading

import pytest
from django.db import connection

from workplan.supervision.actions import do_issue_notice
from workplan.supervision.models import Notice

pytestmark = [pytest.mark.django_db(transaction=True)]

PER_OFFICE = 5


def test_two_offices_issuing_at_once_never_share_a_number(task, department, supervisor):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("an in-memory SQLite database cannot take two writers from two threads")
    start = threading.Barrier(2)
    failures = []

    def office():
        try:
            start.wait()
            for _ in range(PER_OFFICE):
                do_issue_notice(task, department, "同时发出。", None, by=supervisor)
        except Exception as problem:  # reported by the assertion below
            failures.append(problem)
        finally:
            connection.close()

    threads = [threading.Thread(target=office) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    numbers = sorted(Notice.objects.values_list("number", flat=True))
    assert numbers == list(range(1, 2 * PER_OFFICE + 1))
