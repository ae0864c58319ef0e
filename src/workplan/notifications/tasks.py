"""Background jobs of the message centre (Django's tasks API; `workplan worker` runs them)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.utils import timezone, translation

from workplan.notifications.models import Notification


@task()
def email_notifications(notification_ids: list[int]) -> int:
    """E-mail each notification once (claimed by a conditional update); return how many went."""
    sent = 0
    for notification in Notification.objects.filter(pk__in=notification_ids).select_related("user"):
        claimed = Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True).update(
            emailed_at=timezone.now()
        )
        if not claimed or not notification.user.email:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            subject = f"【工作要点督办】{notification.text[:60]}"
            body = f"{notification.text}\n\n{settings.WORKPLAN_SITE_URL}{notification.url}\n"
        send_mail(subject, body, None, [notification.user.email])
        sent += 1
    return sent
