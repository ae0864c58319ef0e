from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from workplan.org.models import Department
from workplan.plans.models import Plan, Task
from workplan.progress.models import ReportingPeriod
from workplan.supervision import rules
from workplan.supervision.rules import Reason

REASON_TEXT = {
    Reason.DONE: _("Completed."),
    Reason.ON_TRACK: _("On track against the expected progress."),
    Reason.NEAR: _("The deadline is near."),
    Reason.BEHIND: _("Behind the expected progress."),
    Reason.MISSING: _("The last period's report was missing at its deadline."),
    Reason.OVERDUE: _("Past its deadline and not completed."),
    Reason.YELLOW_TWICE: _("Yellow for two periods running."),
}


def light_reason_text(reason: str) -> str:
    """Return why a task has its light (a `Reason` value), in the reader's language."""
    return str(REASON_TEXT.get(reason, reason))


class TaskLight(models.Model):
    """A task's light in a period, computed by the rules, with the reason shown to people."""

    class Light(models.TextChoices):
        # The values are the rules' own (rules.py is pure Python); the labels are for people.
        GREEN = rules.Light.GREEN.value, _("Green")
        BLUE = rules.Light.BLUE.value, _("Blue (deadline near)")
        YELLOW = rules.Light.YELLOW.value, _("Yellow")
        RED = rules.Light.RED.value, _("Red")

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
