"""In-app notifications (the 消息 centre) for the people who should know, optionally with an
e-mail copy: the one way every app tells people something.

A message is read later by someone else, so it is not written in the sender's language: a
`Message` keeps its English source sentence (marked with gettext_noop, so it is in the
catalogue) and the values of its placeholders, and each reader sees it in their own language.
E-mail copies and the stored `text` are in the site's language (Chinese)."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from workplan.accounts.models import User
from workplan.core.roles import Role
from workplan.notifications.message import Message
from workplan.notifications.models import Notification
from workplan.notifications.tasks import email_notifications

__all__ = ["Digest", "Kind", "Message", "notify", "notify_department", "notify_supervisors"]


Kind = Notification.Kind


def _stored(text: str | Message) -> tuple[str, str, dict]:
    if isinstance(text, Message):
        with translation.override(settings.LANGUAGE_CODE):
            stored = text.render()
        return stored[:300], text.words, text.values
    return text[:300], "", {}


def notify(
    users,
    text: str | Message,
    url: str = "",
    *,
    email: bool = False,
    kind: str = Kind.OTHER,
    digest: Digest | None = None,
) -> None:
    """Put `text` in each user's message centre; with `email`, also mail it after commit.

    Pass a `Message` whenever the text has words of ours: a plain string is shown as written.
    With a `digest`, a reader who has an unread message of the same digest gets that line
    updated (its count raised, its text the digest's, moved to the top) instead of a new one."""
    stored, words, values = _stored(text)
    users = list(users)
    merged = _merge_into_digest(users, digest) if digest else set()
    rows = Notification.objects.bulk_create(
        Notification(
            user=u,
            text=stored,
            words=words,
            values=values,
            url=url[:300],
            kind=kind,
            group=digest.group if digest else "",
        )
        for u in users
        if u.pk not in merged
    )
    if email and rows:
        ids = [row.pk for row in rows]
        transaction.on_commit(lambda: email_notifications.enqueue(ids))


class Digest:
    """How messages of one kind add up while unread: `group` names the digest (one per
    department and period, say); `message(count)` says what `count` of them amount to."""

    def __init__(self, group: str, message, url: str = ""):
        self.group, self.message, self.url = group[:80], message, url

    def render(self, count: int) -> tuple[str, str, dict]:
        return _stored(self.message(count))


def _merge_into_digest(users, digest: Digest) -> set[int]:
    """Fold a new message into each reader's unread line of the digest; return whose."""
    merged = set()
    lines = Notification.objects.select_for_update().filter(
        user__in=users, group=digest.group, read_at__isnull=True
    )
    for line in lines:
        count = line.count + 1
        text, words, values = digest.render(count)
        Notification.objects.filter(pk=line.pk).update(
            count=count,
            text=text,
            words=words,
            values=values,
            url=(digest.url or line.url)[:300],
            created_at=timezone.now(),
        )
        merged.add(line.user_id)
    return merged


def notify_supervisors(text: str | Message, url: str = "", **options) -> None:
    """Tell every active member of the supervision office (`options` as for `notify`)."""
    notify(
        User.objects.filter(role_grants__role=Role.SUPERVISOR, is_active=True).distinct(),
        text,
        url,
        **options,
    )


def notify_department(
    department,
    text: str | Message,
    url: str = "",
    roles=(Role.HEAD, Role.LIAISON),
    **options,
) -> None:
    """Tell the active people of `department` who hold one of `roles` (`options` as for
    `notify`)."""
    people = User.objects.filter(
        departments=department, role_grants__role__in=roles, is_active=True
    ).distinct()
    notify(people, text, url, **options)
