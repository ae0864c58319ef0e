"""What the message centre reads."""

from django.db.models import BooleanField, Count, ExpressionWrapper, Q

from workplan.notifications.access import own_notifications
from workplan.notifications.models import Notification


def messages_for(user, kind: str = ""):
    """Return the user's messages (of `kind` only, if one is given), unread first (newest
    first within each): the badge counts the unread ones, so they are what the message centre
    opens on."""
    unread = ExpressionWrapper(Q(read_at__isnull=True), output_field=BooleanField())
    messages = own_notifications(user)
    if kind:
        messages = messages.filter(kind=kind)
    return messages.alias(unread=unread).order_by("-unread", "-created_at", "-pk")


def unread_by_kind(user) -> list[tuple[str, str, int]]:
    """Return (kind, its label, unread messages) for every kind, in the order of `Kind`."""
    counts = dict(
        own_notifications(user)
        .filter(read_at__isnull=True)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [(kind.value, kind.label, counts.get(kind.value, 0)) for kind in Notification.Kind]


def unread_count(user) -> int:
    """Return how many of the user's messages are still unread (the badge)."""
    return own_notifications(user).filter(read_at__isnull=True).count()
