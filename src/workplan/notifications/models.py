from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from workplan.notifications.message import Message


class Notification(models.Model):
    """A line in someone's notification centre.

    It is read later by someone else, in their language: `words` (an English source sentence,
    marked with gettext_noop) and `values` (its placeholders' values) are put into the reader's
    language when shown. `text` holds it written in the site's language, for e-mail and for
    messages stored before `words` existed."""

    class Kind(models.TextChoices):
        """What a message is about: the message centre filters by it."""

        REPORT = "report", _("Reports submitted")
        REVIEW = "review", _("Review and approval")
        REMINDER = "reminder", _("Reminders and chases")
        NOTICE = "notice", _("Supervision notices")
        INSTRUCTION = "instruction", _("Leaders' instructions")
        EXTENSION = "extension", _("Extension requests")
        OTHER = "other", _("Other")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    text = models.CharField(max_length=300)
    words = models.CharField(max_length=300, blank=True)
    values = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.OTHER)
    # Messages of one digest (a department's reports in one period) share a group: while the
    # reader has not read it, a new one updates the unread line and its `count` instead of
    # adding a line, so 60 departments' reports make 60 lines, not 600.
    group = models.CharField(_("digest"), max_length=80, blank=True, db_index=True)
    count = models.PositiveIntegerField(_("messages in the digest"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set when the e-mail copy is claimed for sending, so it goes once whatever runs twice.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.text

    @property
    def shown_text(self) -> str:
        """Return the message in the reader's language (as stored when it has no `words`)."""
        if not self.words:
            return self.text
        return Message(self.words, **self.values).render(fallback=self.text)
