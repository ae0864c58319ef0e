"""In-app notifications (the 消息 centre) for the people who should know, optionally with an
e-mail copy.

A message is read later by someone else, so it is not written in the sender's language: a
`Message` keeps its English source sentence (marked with gettext_noop, so it is in the
catalogue) and the values of its placeholders, and each reader sees it in their own language.
E-mail copies and the stored `text` are in the site's language (Chinese)."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext

from workplan.accounts.models import Role, User
from workplan.supervision.models import Notification


class Message:
    """A sentence to translate when it is read, with its placeholders' values as plain text."""

    def __init__(self, words: str, **values) -> None:
        self.words = words
        self.values = {name: str(value) for name, value in values.items()}

    def render(self, fallback: str = "") -> str:
        """Return the sentence in the active language (`fallback` if a placeholder is missing)."""
        try:
            return gettext(self.words).format(**self.values)
        except (KeyError, IndexError, ValueError):
            return fallback or self.words


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
        from workplan.supervision.tasks import email_notifications

        ids = [row.pk for row in rows]
        transaction.on_commit(lambda: email_notifications.enqueue(ids))


def notify_supervisors(text: str | Message, url: str = "") -> None:
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
    people = User.objects.filter(
        departments=department, role_grants__role__in=roles, is_active=True
    ).distinct()
    notify(people, text, url, email=email)
