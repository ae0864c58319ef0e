from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workplan.org.models import Department, DepartmentGroup
from workplan.plans import deadlines


@dataclass
class Responsible:
    """A key point's or task's assignments split by role: lead and co departments, groups."""

    leads: list
    cos: list
    groups: list

    @classmethod
    def of(cls, assignments) -> "Responsible":
        rows = list(assignments)
        return cls(
            leads=[
                a.department for a in rows if a.department_id and a.role == Assignment.Role.LEAD
            ],
            cos=[a.department for a in rows if a.department_id and a.role == Assignment.Role.CO],
            groups=[a.group for a in rows if a.group_id],
        )

    def __bool__(self) -> bool:
        return bool(self.leads or self.cos or self.groups)

    def names(self) -> tuple[list[str], list[str], list[str]]:
        """Return the lead, co-operating and group names."""
        return (
            [d.name for d in self.leads],
            [d.name for d in self.cos],
            [g.name for g in self.groups],
        )


class Plan(models.Model):
    """An institution's 工作要点 for one year."""

    organization = models.CharField(_("organization"), max_length=200)
    organization_aliases = models.JSONField(_("other names"), default=list, blank=True)
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    preamble = models.TextField(_("general requirements"), blank=True)
    source_name = models.CharField(_("source file"), max_length=255, blank=True)
    fingerprint = models.CharField(_("content fingerprint"), max_length=64, editable=False)
    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )

    class Meta:
        ordering = ["-year", "organization"]
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="plan_one_per_org_year")
        ]

    def __str__(self) -> str:
        return f"{self.organization}{self.title}"


class KeyPoint(models.Model):
    """A numbered key point (要点) of a plan."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="key_points", verbose_name=_("plan")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=500)
    responsibility_raw = models.TextField(_("responsibility as written"), blank=True)
    leaders = models.JSONField(_("leaders in charge"), default=list, blank=True)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("leader in charge"),
    )

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("key point")
        verbose_name_plural = _("key points")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="keypoint_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def responsible(self) -> Responsible:
        """Return the key point's departments and groups (from prefetched assignments)."""
        return Responsible.of(self.assignments.all())


class Task(models.Model):
    """One task (具体任务) of a key point."""

    class Recurrence(models.TextChoices):
        # The values are those of deadlines.Recurrence, which knows no Django; here they get
        # their labels.
        MONTHLY = deadlines.Recurrence.MONTHLY, _("Every month")
        QUARTERLY = deadlines.Recurrence.QUARTERLY, _("Every quarter")
        SEMESTER = deadlines.Recurrence.SEMESTER, _("Every semester")
        YEARLY = deadlines.Recurrence.YEARLY, _("Every year")
        CONTINUOUS = deadlines.Recurrence.CONTINUOUS, _("Ongoing")

    key_point = models.ForeignKey(
        KeyPoint, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("key point")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("task"))
    section = models.CharField(_("section"), max_length=200, blank=True)
    deadline_text = models.CharField(_("deadline as written"), max_length=200, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    recurrence = models.CharField(_("recurrence"), max_length=16, choices=Recurrence, blank=True)
    deadline_unread = models.BooleanField(
        _("deadline not understood"),
        default=False,
        help_text=_("The deadline's words could not be read as a date or a recurrence."),
    )
    responsibility_raw = models.TextField(_("responsibility as written"), blank=True)
    leaders = models.JSONField(_("leaders in charge"), default=list, blank=True)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("leader in charge"),
        help_text=_("Empty: the key point's leader in charge."),
    )
    contact = models.CharField(_("person responsible"), max_length=100, blank=True)
    outcome = models.TextField(_("expected outcome"), blank=True)
    note = models.TextField(_("remarks"), blank=True)
    # Bumped by every save, so a save based on an older reading is refused, not lost.
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["key_point", "number"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        constraints = [
            models.UniqueConstraint(fields=["key_point", "number"], name="task_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:40]}"

    @property
    def responsible(self) -> Responsible:
        """Return the task's own departments and groups; empty when it inherits its key point's."""
        return Responsible.of(self.assignments.all())

    @property
    def effective_leader(self):
        """Return the task's own leader in charge, or else its key point's."""
        return self.leader or self.key_point.leader

    @property
    def code(self) -> str:
        """Return the 序号 shown in task tables, such as 3.2."""
        return f"{self.key_point.number}.{self.number}"


class Milestone(models.Model):
    """A dated step towards a task's completion."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="milestones")
    due_date = models.DateField(_("date"))
    description = models.CharField(_("description"), max_length=300)

    class Meta:
        ordering = ["task", "due_date", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return f"{self.due_date:%Y-%m-%d} {self.description}"


class AssignmentRole(models.TextChoices):
    """Whether a department leads a task or co-operates on it (`Assignment.Role`)."""

    LEAD = "lead", _("Lead")
    CO = "co", _("Co-operating")


class Assignment(models.Model):
    """A department or group responsible for a key point (inherited by its tasks) or one task."""

    Role = AssignmentRole

    key_point = models.ForeignKey(
        KeyPoint, on_delete=models.CASCADE, null=True, blank=True, related_name="assignments"
    )
    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, null=True, blank=True, related_name="assignments"
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, related_name="assignments"
    )
    group = models.ForeignKey(
        DepartmentGroup, on_delete=models.PROTECT, null=True, blank=True, related_name="assignments"
    )
    role = models.CharField(_("role"), max_length=8, choices=Role)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.CheckConstraint(
                condition=Q(key_point__isnull=False, task__isnull=True)
                | Q(key_point__isnull=True, task__isnull=False),
                name="assignment_on_point_or_task",
            ),
            models.CheckConstraint(
                condition=Q(department__isnull=False, group__isnull=True)
                | Q(department__isnull=True, group__isnull=False, role=AssignmentRole.CO),
                name="assignment_department_or_group",
            ),
            models.UniqueConstraint(
                fields=["key_point", "department"],
                condition=Q(key_point__isnull=False, department__isnull=False),
                name="assignment_unique_point_department",
            ),
            models.UniqueConstraint(
                fields=["task", "department"],
                condition=Q(task__isnull=False, department__isnull=False),
                name="assignment_unique_task_department",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.department or self.group} ({self.get_role_display()})"


class ImportPreview(models.Model):
    """An uploaded plan document or task table waiting for its uploader to confirm it.

    Kept here, not in the session: a large document's parse would be loaded and saved again on
    every page its uploader opens. The session holds nothing; the preview's address carries a
    random token that only its owner can use. Deleted when applied, when the owner's newer
    uploads push it out, or after a day (plans.actions.PREVIEW_LIFETIME)."""

    class Kind(models.TextChoices):
        PLAN_DOCUMENT = "plan_document", _("plan document")
        TASK_TABLE = "task_table", _("task table")

    token = models.CharField(_("token"), max_length=64, unique=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )  # the plan a task table was read against
    name = models.CharField(_("file name"), max_length=255)
    # A plan document: its parse and digest. A task table: the digest of its differences (the
    # file itself waits under MEDIA_ROOT/staging/<token>.xlsx).
    payload = models.JSONField(_("content"), default=dict)
    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("import preview")
        verbose_name_plural = _("import previews")

    def __str__(self) -> str:
        return self.name
