from django.conf import settings
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from workplan.org.models import Department
from workplan.plans.models import Assignment, Plan, Task


class Schedule(models.Model):
    """How a plan is reported on: the cadence, the due day, approval, and the light rules."""

    class Cadence(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="schedule")
    cadence = models.CharField(
        _("cadence"), max_length=16, choices=Cadence, default=Cadence.MONTHLY
    )
    due_day = models.PositiveSmallIntegerField(_("reports due on day"), default=25)
    head_approval = models.BooleanField(
        _("department head approves before submission"), default=False
    )
    lag_points = models.PositiveSmallIntegerField(
        _("yellow when behind the expected progress by more than (points)"), default=20
    )
    near_days = models.PositiveSmallIntegerField(
        _("blue when the deadline is within (days)"), default=15
    )
    show_ranking = models.BooleanField(
        _("departments see the on-time reporting ranking"), default=False
    )

    class Meta:
        verbose_name = _("reporting schedule")
        verbose_name_plural = _("reporting schedules")

    def __str__(self) -> str:
        return f"{self.plan} · {self.get_cadence_display()}"


class ReportingPeriod(models.Model):
    """One reporting round (报送周期): opens on a date, due on a date; late reports are marked."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="periods")
    label = models.CharField(_("period"), max_length=50)
    opens_on = models.DateField(_("opens on"))
    due_on = models.DateField(_("due on"))
    # A plan imported part-way through its year gets the periods that had already ended as
    # closed: nobody was asked to report on them, so nobody is reminded, chased or marked down.
    closed = models.BooleanField(_("closed before the plan was imported"), default=False)

    class Meta:
        ordering = ["plan", "opens_on"]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        constraints = [
            models.UniqueConstraint(fields=["plan", "opens_on"], name="period_unique_start")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def display_label(self) -> str:
        """The label in the reader's language: the labels the system wrote (2024年6月,
        2024年第2季度) are written again for an English reader; a label typed by the office
        stays as typed."""
        return period_label(self.label, self.opens_on, self.due_on)


def period_label(label: str, opens_on, due_on) -> str:
    if (get_language() or "zh").startswith("zh"):
        return label
    year = opens_on.year
    if label == f"{year}年{opens_on.month}月":
        return date_format(opens_on, "F Y")
    if label == f"{year}年第{due_on.month // 3}季度":
        return f"Q{due_on.month // 3} {year}"
    return label


class ProgressReport(models.Model):
    """A department's report on one task for one period (进展填报)."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        ON_TRACK = "on_track", _("On track")
        DONE = "done", _("Completed")
        LAGGING = "lagging", _("Lagging")
        PAUSED = "paused", _("Paused")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AWAITING_APPROVAL = "awaiting_approval", _("Awaiting the head's approval")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        ACCEPTED = "accepted", _("Accepted")

    # The department's part in the task (牵头/配合), as its assignment in the plan gives it.
    Role = Assignment.Role

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reports")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="reports")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="reports")
    role = models.CharField(_("role"), max_length=8, choices=Role)
    status = models.CharField(
        _("status"), max_length=16, choices=Status, default=Status.NOT_STARTED
    )
    percent = models.PositiveSmallIntegerField(_("percent complete"), default=0)
    progress = models.TextField(_("progress this period"), blank=True)
    problems = models.TextField(_("difficulties and requests"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State, default=State.DRAFT)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    late = models.BooleanField(_("late"), default=False)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["period", "task", "role"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        constraints = [
            models.UniqueConstraint(
                fields=["task", "department", "period"], name="report_one_per_period"
            ),
            models.CheckConstraint(
                condition=models.Q(percent__lte=100), name="report_percent_max_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.task.code} {self.department}"


class ReportVersion(models.Model):
    """A submitted version of a report, with the office's decision on it: the review history."""

    class Decision(models.TextChoices):
        PENDING = "", _("Awaiting review")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned")

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    data = models.JSONField(default=dict)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField()
    approved_by = models.ForeignKey(  # the department head, when the plan asks for approval
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    late = models.BooleanField(default=False)
    decision = models.CharField(
        max_length=10, choices=Decision, blank=True, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="version_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.report} v{self.number}"


class EvidenceFile(models.Model):
    """A file supporting a report, stored outside the web root under a random name."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
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
        ordering = ["report", "uploaded_at"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self) -> str:
        return self.original_name

    @property
    def submitted(self) -> bool:
        """Whether the file went in with a submitted version of its report (so it must stay)."""
        submitted_at = self.report.submitted_at
        return submitted_at is not None and self.uploaded_at <= submitted_at
