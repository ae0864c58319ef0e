"""What a reader changes in their message centre: marking messages read."""

from django.utils import timezone

from workplan.notifications.access import own_notifications


def do_mark_notifications_read(user, ids=None) -> int:
    """Return how many of `user`'s unread messages were marked read, in one update: those
    among `ids` (the ones a page showed), or all of them."""
    unread = own_notifications(user).filter(read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())
