"""plans learns of the work recorded on its tasks, and lets that work be cleaned up when they
are deleted, only through its hooks: the apps above answer them (see pages/tests for the real
reports, evidence files, notices and instructions)."""

from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import transaction

from workplan.plans import hooks
from workplan.plans.actions import DeletionRefused, delete_tasks, refuse_unconfirmed_deletions
from workplan.plans.models import Task
from workplan.plans.queries import RecordedWork, recorded_work

pytestmark = pytest.mark.django_db


@contextmanager
def connected(signal, receiver):
    signal.connect(receiver, dispatch_uid="plans-test-hooks")
    try:
        yield
    finally:
        signal.disconnect(dispatch_uid="plans-test-hooks")


@pytest.fixture
def tasks(example_plan):
    call_command("import", str(example_plan))
    return list(Task.objects.order_by("pk")[:3])


def test_recorded_work_adds_up_what_each_receiver_answers(tasks):
    first, second, _third = tasks  # the third carries nothing and is left out

    def answer(sender, *, task_ids, **kwargs):
        assert sender is Task and task_ids == [t.pk for t in tasks]
        return {"reports": {first.pk: 2}, "notices": {first.pk: 1, second.pk: 3}}

    with connected(hooks.count_recorded_work, answer):
        work = recorded_work(t.pk for t in tasks)
    assert work == {
        first.pk: RecordedWork(reports=2, notices=1),
        second.pk: RecordedWork(notices=3),
    }


def test_deleting_tasks_with_work_needs_confirmation_and_tells_the_receivers(tasks, supervisor):
    first = tasks[0]
    deleted = []

    def answer(sender, *, task_ids, **kwargs):
        return {"instructions": {first.pk: 1}}

    def note(sender, *, task_ids, **kwargs):
        assert Task.objects.filter(pk__in=task_ids).count() == len(task_ids)  # not yet deleted
        deleted.extend(task_ids)

    with connected(hooks.count_recorded_work, answer):
        with pytest.raises(DeletionRefused):
            refuse_unconfirmed_deletions(tasks, confirmed=False)
        work = refuse_unconfirmed_deletions(tasks, confirmed=True)
    assert work == {first: RecordedWork(instructions=1)}
    with connected(hooks.deleting_tasks, note), transaction.atomic():
        delete_tasks(tasks, work, by=supervisor)
    assert deleted == [t.pk for t in tasks]
    assert not Task.objects.filter(pk__in=deleted).exists()
