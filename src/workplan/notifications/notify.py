"""In-app notifications (the 消息 centre) for the people who should know, optionally with an
e-mail copy: the one way every app tells people something.

A message is read later by someone else, so it is not written in the sender's language: a
`Message` keeps its English source sentence (marked with gettext_noop, so it is in the
catalogue) and the values of its placeholders, and each reader sees it in their own language.
E-mail copies and the stored `text` are in the site's language (Chinese)."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import translation

from workplan.accounts.models import User
from workplan.core.roles import Role
from workplan.notifications.message import Message
from workplan.notifications.models import Notification
from workplan.notifications.tasks import email_notifications

__all__ = ["Message", "notify", "notify_department", "notify_supervisors"]


def notify(users, text: str | Message, url: str = "", *, email: bool = False) -> None:
    """Put `text` in each user's message centre; with `email`, also mail it after commit.

    Pass a `Message` whenever the text has words of ours: a plain string is shown as written."""
    if isinstance(text, Message):
        with translation.override(settings.LANGUAGE_CODE):
            stored = text.render()
        words, values = text.words, text.values
    else:
        stored, words, values = text, "", {}
    rows = Notification.objects.bulk_create(
        Notification(user=u, text=stored[:300], words=words, values=values, url=url[:300])
        for u in users
    )
    if email and rows:
        ids = [row.pk for row in rows]
        transaction.on_commit(lambda: email_notifications.enqueue(ids))


def notify_supervisors(text: str | Message, url: str = "") -> None:
    """Tell every active member of the supervision office."""
    notify(
        User.objects.filter(role_grants__role=Role.SUPERVISOR, is_active=True).distinct(), text, url
    )


def notify_department(
    department,
    text: str | Message,
    url: str = "",
    roles=(Role.HEAD, Role.LIAISON),
    *,
    email: bool = False,
) -> None:
    """Tell the active people of `department` who hold one of `roles`."""
    people = User.objects.filter(
        departments=department, role_grants__role__in=roles, is_active=True
    ).distinct()
    notify(people, text, url, email=email)
