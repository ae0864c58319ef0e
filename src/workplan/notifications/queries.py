"""What the message centre reads."""

from django.db.models import BooleanField, ExpressionWrapper, Q

from workplan.notifications.access import own_notifications


def messages_for(user):
    """Return the user's messages, unread first (newest first within each): the badge counts
    the unread ones, so they are what the message centre opens on."""
    unread = ExpressionWrapper(Q(read_at__isnull=True), output_field=BooleanField())
    return own_notifications(user).alias(unread=unread).order_by("-unread", "-created_at", "-pk")


def unread_count(user) -> int:
    """Return how many of the user's messages are still unread (the badge)."""
    return own_notifications(user).filter(read_at__isnull=True).count()
