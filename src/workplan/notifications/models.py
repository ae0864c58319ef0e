from django.conf import settings
from django.db import models

from workplan.notifications.message import Message


class Notification(models.Model):
    """A line in someone's notification centre.

    It is read later by someone else, in their language: `words` (an English source sentence,
    marked with gettext_noop) and `values` (its placeholders' values) are put into the reader's
    language when shown. `text` holds it written in the site's language, for e-mail and for
    messages stored before `words` existed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    text = models.CharField(max_length=300)
    words = models.CharField(max_length=300, blank=True)
    values = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=300, blank=True)
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
