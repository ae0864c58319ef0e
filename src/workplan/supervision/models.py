from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from workplan.org.models import Department
from workplan.plans.models import Plan, Task
from workplan.progress.models import ReportingPeriod


class TaskLight(models.Model):
    """A task's light in a period, computed by the rules, with the reason shown to people."""

    class Light(models.TextChoices):
        GREEN = "green", _("Green")
        BLUE = "blue", _("Blue (deadline near)")
        YELLOW = "yellow", _("Yellow")
        RED = "red", _("Red")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="lights")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="lights")
    light = models.CharField(_("light"), max_length=8, choices=Light)
    reason = models.CharField(_("reason"), max_length=20)
    expected = models.PositiveSmallIntegerField(_("expected progress"), null=True, blank=True)
    percent = models.PositiveSmallIntegerField(_("reported progress"), null=True, blank=True)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["period", "task"]
        constraints = [
            models.UniqueConstraint(fields=["task", "period"], name="light_one_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.task.code} {self.period}: {self.get_light_display()}"

    @property
    def reason_text(self) -> str:
        """Return why the task has this light, in the reader's language."""
        from workplan.supervision.lights import light_reason_text

        return light_reason_text(self.reason)


class Notice(models.Model):
    """From the supervision office to a department: a reminder, a chase (催办) or a 督办通知."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Reminder")
        CHASE = "chase", _("Chase (催办)")
        NOTICE = "notice", _("Supervision notice (督办通知)")

    class Level(models.IntegerChoices):
        LIAISON = 0, _("Department liaison")
        HEAD = 1, _("Department head")
        LEADER = 2, _("Leader in charge")

    class State(models.TextChoices):
        OPEN = "open", pgettext_lazy("notice state", "Open")
        REPLIED = "replied", _("Replied")
        CLOSED = "closed", _("Closed")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="notices")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="notices")
    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, null=True, blank=True, related_name="notices"
    )
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.CASCADE, null=True, blank=True, related_name="notices"
    )
    level = models.PositiveSmallIntegerField(_("sent to"), choices=Level, default=Level.LIAISON)
    requirement = models.TextField(_("requirement"))
    reply_due = models.DateField(_("reply due"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.OPEN)
    reply = models.TextField(_("reply"), blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    replied_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    # Automatic reminders carry a key (period, department, kind, level): the unique constraint
    # is what stops two `supervise` runs from creating the same reminder twice.
    key = models.CharField(max_length=120, null=True, blank=True, unique=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.department}"


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
        from workplan.supervision.notify import Message

        return Message(self.words, **self.values).render(fallback=self.text)


class Instruction(models.Model):
    """A leader's 批示 on a task (or one of its reports); the lead departments must answer."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="instructions")
    leader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("instruction"))
    created_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("leader's instruction")
        verbose_name_plural = _("leaders' instructions")

    def __str__(self) -> str:
        return f"{self.leader}: {self.text[:30]}"


class ExtensionRequest(models.Model):
    """A department's request to move a task's deadline (延期申请), decided by the leader in charge."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="extension_requests")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    new_due = models.DateField(_("new deadline"))
    reason = models.TextField(_("reason"))
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("extension request")
        verbose_name_plural = _("extension requests")

    def __str__(self) -> str:
        return f"{self.task} → {self.new_due}"
