"""Who may read or change a message: its reader, nobody else. Every query and action of the
message centre starts from `own_notifications`, so another person's message is never found,
exactly as a message that does not exist."""

from workplan.notifications.models import Notification


def own_notifications(user):
    """Return the messages addressed to `user` (none for an anonymous visitor)."""
    if not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(user=user)
