"""Opening or saving one row of the task table costs that row, not the whole plan: the row
editor used to build every row of the plan to show or check one."""

from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db.models.signals import post_init
from django.urls import reverse

from workplan.pages.tests.test_table_page import HX, edit_data
from workplan.plans.models import Plan, Task

pytestmark = pytest.mark.django_db


@contextmanager
def tasks_loaded():
    """Count the Task rows read from the database inside the block."""
    loaded = []

    def count(sender, instance, **kwargs):
        loaded.append(instance)

    post_init.connect(count, sender=Task)
    try:
        yield loaded
    finally:
        post_init.disconnect(count, sender=Task)


@pytest.fixture
def task(example_plan):
    call_command("import", str(example_plan))
    plan = Plan.objects.get()
    assert plan.key_points.count() > 1 and Task.objects.count() >= 50
    return Task.objects.get(key_point__number=3, number=1)


def test_row_editor_reads_only_its_task(client, supervisor, task):
    client.force_login(supervisor)
    with tasks_loaded() as loaded:
        response = client.get(reverse("pages:task-row-edit", args=[task.pk]), headers=HX)
    assert response.status_code == 200
    assert len(loaded) <= 3  # the task itself, as asked for and as shown in its row


def test_saving_a_row_reads_only_its_task(client, supervisor, task):
    client.force_login(supervisor)
    with tasks_loaded() as loaded:
        response = client.post(
            reverse("pages:task-row-edit", args=[task.pk]),
            edit_data(task, deadline="2024年9月底前"),
            headers=HX,
        )
    assert response.status_code == 200
    task.refresh_from_db()
    assert task.deadline_text == "2024年9月底前"
    assert len(loaded) <= 6
