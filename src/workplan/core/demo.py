"""The demo data set: the bundled example plan and one account per kind of user."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction

from workplan.org.queries import registry_names
from workplan.parsing import parse_file
from workplan.plans.actions import ImportOutcome, do_import_plan

EXAMPLE_PLAN = Path(__file__).resolve().parent.parent / "examples" / "jiangcheng-2024.md"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    name: str
    description: str
    superuser: bool = False
    can_import: bool = False


DEMO_ACCOUNTS = [
    DemoAccount(
        "admin", "demo-admin-2024", "系统管理员", "系统管理员（可进入 /admin/）", superuser=True
    ),
    DemoAccount(
        "duban",
        "demo-duban-2024",
        "王督办",
        "督办员（党政办公室，可导入工作要点）",
        can_import=True,
    ),
    DemoAccount("viewer", "demo-viewer-2024", "李老师", "普通用户（只读）"),
]


@transaction.atomic
def do_load_demo() -> ImportOutcome:
    """Return the outcome of importing the example plan and creating the demo accounts."""
    user_model = get_user_model()
    import_permission = Permission.objects.get(content_type__app_label="plans", codename="add_plan")
    for account in DEMO_ACCOUNTS:
        user, created = user_model.objects.get_or_create(
            username=account.username,
            defaults={"first_name": account.name, "is_staff": account.superuser},
        )
        if created:
            user.set_password(account.password)
            user.is_superuser = account.superuser
            user.save()
        if account.can_import:
            user.user_permissions.add(import_permission)
    parsed = parse_file(EXAMPLE_PLAN, registry=registry_names())
    importer = user_model.objects.get(username="duban")
    return do_import_plan(parsed, source_name=EXAMPLE_PLAN.name, by=importer)
