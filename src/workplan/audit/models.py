from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workplan.audit import labels


class AppendOnlyError(Exception):
    """Raised on any attempt to change or delete an audit record."""


class AuditRecordQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("audit records cannot be changed")

    def delete(self):
        raise AppendOnlyError("audit records cannot be deleted")


class ReadableJSONEncoder(DjangoJSONEncoder):
    """Store Chinese as characters, not \\u escapes, so the log can be searched for words."""

    def __init__(self, *args, **kwargs):
        kwargs["ensure_ascii"] = False
        super().__init__(*args, **kwargs)


class AuditRecord(models.Model):
    """One change to one object: who, when, from where, and each field before and after.

    Append-only: the ORM refuses updates and deletes, and a database trigger refuses UPDATE.
    """

    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        CHANGE = "change", _("Changed")
        DELETE = "delete", _("Deleted")

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    # The name as it was then, and for changes made from the command line (no actor).
    actor_name = models.CharField(_("by (name)"), max_length=150)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    action = models.CharField(_("action"), max_length=8, choices=Action)
    object_type = models.CharField(_("object type"), max_length=64)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=300)
    # The timeline an entry belongs to, e.g. "plans.task:17" for a task and its assignments.
    scope = models.CharField(_("scope"), max_length=80, db_index=True)
    changes = models.JSONField(_("changes"), default=list, blank=True, encoder=ReadableJSONEncoder)
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = AuditRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.get_action_display()} {self.object_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("audit records cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("audit records cannot be deleted")

    @property
    def object_type_label(self) -> str:
        return labels.object_type_label(self.object_type)

    @property
    def labelled_changes(self) -> list[dict]:
        """Return the changes with each field's readable name under "label"."""
        return [
            {
                **c,
                "label": labels.field_label(self.object_type, c["field"]),
                "before": labels.value_label(self.object_type, c["field"], c["before"]),
                "after": labels.value_label(self.object_type, c["field"], c["after"]),
            }
            for c in self.changes
        ]
