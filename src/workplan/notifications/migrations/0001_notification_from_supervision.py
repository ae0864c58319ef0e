# Notification, moved here from supervision with its rows: supervision/0006 renamed the table
# (supervision_notification → notifications_notification), so this creates the model in the
# migration state only. Its content type (and so its permissions) moves along instead of a new
# one being created beside a stale one, and e-mail jobs still queued follow the job's new path.
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor, *, source="supervision", target="notifications"):
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(
        schema_editor.connection.alias
    )
    if not content_types.filter(app_label=target, model="notification").exists():
        content_types.filter(app_label=source, model="notification").update(app_label=target)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, source="notifications", target="supervision")


OLD_JOB = "workplan.supervision.tasks.email_notifications"
NEW_JOB = "workplan.notifications.tasks.email_notifications"


def move_queued_jobs(apps, schema_editor, *, source=OLD_JOB, target=NEW_JOB):
    try:  # only where the database backend keeps the queue, and once its table exists
        results = apps.get_model("django_tasks_database", "DBTaskResult")
    except LookupError:
        return
    results.objects.using(schema_editor.connection.alias).filter(task_path=source).update(
        task_path=target
    )


def move_queued_jobs_back(apps, schema_editor):
    move_queued_jobs(apps, schema_editor, source=NEW_JOB, target=OLD_JOB)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("supervision", "0006_hand_notification_to_notifications"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Notification",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("text", models.CharField(max_length=300)),
                        ("words", models.CharField(blank=True, max_length=300)),
                        ("values", models.JSONField(blank=True, default=dict)),
                        ("url", models.CharField(blank=True, max_length=300)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("read_at", models.DateTimeField(blank=True, null=True)),
                        ("emailed_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notifications",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-created_at"],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
        migrations.RunPython(move_queued_jobs, move_queued_jobs_back),
    ]
