"""In-app notifications for the people who should know, optionally with an e-mail copy."""

from __future__ import annotations

from django.db import transaction

from workplan.accounts.models import Role, User
from workplan.supervision.models import Notification


def notify(users, text: str, url: str = "", *, email: bool = False) -> None:
    """Put `text` in each user's message centre; with `email`, also mail it after commit."""
    rows = Notification.objects.bulk_create(
        Notification(user=u, text=text[:300], url=url[:300]) for u in users
    )
    if email and rows:
        from workplan.supervision.tasks import email_notifications

        ids = [row.pk for row in rows]
        transaction.on_commit(lambda: email_notifications.enqueue(ids))


def notify_supervisors(text: str, url: str = "") -> None:
    notify(
        User.objects.filter(role_grants__role=Role.SUPERVISOR, is_active=True).distinct(), text, url
    )


def notify_department(
    department, text: str, url: str = "", roles=(Role.HEAD, Role.LIAISON), *, email: bool = False
) -> None:
    people = User.objects.filter(
        departments=department, role_grants__role__in=roles, is_active=True
    ).distinct()
    notify(people, text, url, email=email)
