"""In-app notifications for the people who should know."""

from __future__ import annotations

from workplan.accounts.models import Role, User
from workplan.supervision.models import Notification


def notify(users, text: str, url: str = "") -> None:
    Notification.objects.bulk_create(
        Notification(user=u, text=text[:300], url=url[:300]) for u in users
    )


def notify_supervisors(text: str, url: str = "") -> None:
    notify(
        User.objects.filter(role_grants__role=Role.SUPERVISOR, is_active=True).distinct(), text, url
    )


def notify_department(
    department, text: str, url: str = "", roles=(Role.HEAD, Role.LIAISON)
) -> None:
    people = User.objects.filter(
        departments=department, role_grants__role__in=roles, is_active=True
    ).distinct()
    notify(people, text, url)
