"""The Django admin writes nothing the audit trail does not show: every add, change and delete
page of every model it lists refuses (403) or leaves an audit record, even for a superuser."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from workplan.accounts.models import User
from workplan.audit.models import AuditRecord
from workplan.org.models import DepartmentGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(admin_user):
    User.objects.filter(pk=admin_user.pk).update(is_staff=True, is_superuser=True)
    return admin_user


@pytest.fixture
def one_of_each(department, example_plan):
    """At least one row of every model the admin lists, for its change and delete pages."""
    call_command("import", str(example_plan))
    DepartmentGroup.objects.create(name="各学院")
    DBTaskResult.objects.create(
        args_kwargs={"args": [[]], "kwargs": {}},
        task_path="workplan.notifications.tasks.email_notifications",
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )


def refused_or_audited(client, url, data) -> bool:
    before = AuditRecord.objects.count()
    response = client.post(url, data)
    return response.status_code == 403 or AuditRecord.objects.count() > before


def test_every_admin_write_page_is_refused_or_audited(client, superuser, one_of_each):
    client.force_login(superuser)
    assert admin.site._registry, "the admin lists no model"
    for model in admin.site._registry:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        assert refused_or_audited(client, reverse(f"{name}_add"), {"name": "探针"}), model
        row = model._default_manager.first()
        assert row is not None, f"no {model._meta.label} to try its change and delete pages on"
        change = reverse(f"{name}_change", args=[row.pk])
        assert refused_or_audited(client, change, {"name": "探针"}), model
        delete = reverse(f"{name}_delete", args=[row.pk])
        assert refused_or_audited(client, delete, {"post": "yes"}), model
        bulk = {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"}
        client.post(reverse(f"{name}_changelist"), bulk)
        assert model._default_manager.filter(pk=row.pk).exists(), model


def test_the_admin_does_not_offer_django_groups(client, superuser):
    client.force_login(superuser)
    assert Group not in admin.site._registry
    assert client.post("/admin/auth/group/add/", {"name": "探针"}).status_code == 404
    assert not Group.objects.exists()
