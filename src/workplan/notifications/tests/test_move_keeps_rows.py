"""Notification moved from supervision to the notifications app with a migration that keeps
every row: a message stored before the move is still its reader's after `migrate`, and the
model's content type and permissions move along rather than being made anew, and an e-mail
job still queued finds its task at the new address."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

BEFORE = [("supervision", "0005_extensionrequest_decision_reason"), ("notifications", None)]


def migrate(targets):
    """Migrate the test database to `targets`; return the models as they stand there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_a_message_stored_before_the_move_is_kept():
    old = migrate(BEFORE)
    user = old.get_model("accounts", "User").objects.create(username="liaison", password="!")
    old.get_model("supervision", "Notification").objects.create(
        user=user,
        text="督办通知：请报送课程建设方案。",
        words="Supervision notice: {requirement}",
        values={"requirement": "请报送课程建设方案。"},
        url="/tasks/1/",
    )
    old_type = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="supervision", model="notification"
    )[0]
    permissions = set(
        old.get_model("auth", "Permission")
        .objects.filter(content_type_id=old_type.pk)
        .values_list("pk", flat=True)
    )
    assert len(permissions) == 4  # add, change, delete, view
    job = DBTaskResult.objects.create(
        args_kwargs={"args": [[1]], "kwargs": {}},
        task_path="workplan.supervision.tasks.email_notifications",
        backend_name="default",
        run_after=timezone.now(),
    )

    new = migrate(latest())
    kept = new.get_model("notifications", "Notification").objects.get()
    assert (kept.user_id, kept.text, kept.values, kept.url) == (
        user.pk,
        "督办通知：请报送课程建设方案。",
        {"requirement": "请报送课程建设方案。"},
        "/tasks/1/",
    )
    content_types = new.get_model("contenttypes", "ContentType").objects
    assert content_types.get(app_label="notifications", model="notification").pk == old_type.pk
    assert not content_types.filter(app_label="supervision", model="notification").exists()
    moved = new.get_model("auth", "Permission").objects.filter(content_type_id=old_type.pk)
    assert set(moved.values_list("pk", flat=True)) == permissions
    job.refresh_from_db()
    assert job.task_path == "workplan.notifications.tasks.email_notifications"
    assert job.task.name == "email_notifications"


@pytest.mark.django_db(transaction=True)
def test_the_move_can_be_undone_with_the_rows():
    new = migrate(latest())
    user = new.get_model("accounts", "User").objects.create(username="head", password="!")
    new.get_model("notifications", "Notification").objects.create(user=user, text="已退回。")
    old = migrate(BEFORE)
    assert old.get_model("supervision", "Notification").objects.get().text == "已退回。"
    migrate(latest())
