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
        # A 督办单 goes 已发出 → 已签收 → 已回复 → 已办结; reminders and chases skip 签收 and
        # are closed by the reports they ask for (or by the office).
        OPEN = "open", pgettext_lazy("notice state", "Sent")
        SIGNED = "signed", pgettext_lazy("notice state", "Signed for")
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
    # A 督办单's number, 督字〔year〕第number号: given by `NoticeCounter`, unique in its year.
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed for by"),
    )
    signed_at = models.DateTimeField(_("signed for at"), null=True, blank=True)
    # Automatic reminders carry a key (period, department, kind, level): the unique constraint
    # is what stops two `supervise` runs from creating the same reminder twice.
    key = models.CharField(max_length=120, null=True, blank=True, unique=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        constraints = [
            # The counter is what numbers them; this makes a clash impossible even if it failed.
            models.UniqueConstraint(fields=["year", "number"], name="notice_number_once_a_year")
        ]

    def __str__(self) -> str:
        return self.number_text or f"{self.get_kind_display()} {self.department}"

    @property
    def number_text(self) -> str:
        """Return the 督办单's number as printed (督字〔2024〕第3号), or "" if it has none."""
        return f"督字〔{self.year}〕第{self.number}号" if self.number else ""

    @property
    def is_order(self) -> bool:
        """Whether this is a numbered 督办单 (signed for, replied to and closed by hand)."""
        return self.kind == self.Kind.NOTICE

    def reply_overdue(self, today) -> bool:
        """Return whether the reply is late: due before `today` and not yet given."""
        return bool(
            self.reply_due
            and self.reply_due < today
            and self.state in (self.State.OPEN, self.State.SIGNED)
        )


class NoticeCounter(models.Model):
    """The last 督办单 number given in a year; its row is locked while the next is taken."""

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    last = models.PositiveIntegerField(_("last number given"), default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


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


class ReplyFile(models.Model):
    """A file sent with a notice's reply or an instruction's answer, stored outside the web
    root under a random name and served only to those who may read what it belongs to."""

    notice = models.ForeignKey(
        Notice, on_delete=models.CASCADE, null=True, blank=True, related_name="files"
    )
    instruction = models.ForeignKey(
        Instruction, on_delete=models.CASCADE, null=True, blank=True, related_name="files"
    )
    original_name = models.CharField(_("file name"), max_length=255)
    stored_name = models.CharField(max_length=80, unique=True)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(notice__isnull=False, instruction__isnull=True)
                | models.Q(notice__isnull=True, instruction__isnull=False),
                name="reply_file_of_one_thing",
            )
        ]

    def __str__(self) -> str:
        return self.original_name
