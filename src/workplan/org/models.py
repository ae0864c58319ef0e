from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workplan.parsing.review import LONGEST_NAME


class Department(models.Model):
    """A department (部门/单位) of the institution, under its canonical full name."""

    class Kind(models.TextChoices):
        PARTY = "party", _("Party and mass-work department")
        ADMINISTRATIVE = "administrative", _("Administrative department")
        TEACHING = "teaching", _("School or teaching unit")
        SUPPORT = "support", _("Teaching support or affiliated unit")
        MASS = "mass", _("Mass organisation")
        PARTY_ORGANISATION = "party_organisation", _("Party organisation")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=LONGEST_NAME, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind, default=Kind.OTHER)
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        help_text=_("Created by an import from a name not yet in the registry."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    phone = models.CharField(_("office phone"), max_length=50, blank=True)
    address = models.CharField(_("office address"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self) -> str:
        return self.name

    def name_on(self, day) -> str:
        """Return the name the department bore on `day` (a date; None means today): the name of
        the latest rename in force then, the name before the first rename for an earlier day.
        Uses `names` as prefetched, so a list of reports costs one query for all their names."""
        history = sorted(self.names.all(), key=lambda n: n.valid_from)
        if day is None or not history:
            return self.name
        if hasattr(day, "date"):  # a datetime: the day in the site's time zone
            day = timezone.localtime(day).date()
        name = history[0].former_name
        for row in history:
            if row.valid_from <= day:
                name = row.name
        return name


class DepartmentName(models.Model):
    """One rename of a department: from `valid_from` on it is called `name`; before that it was
    `former_name`. Reports filed before the date show the name in force then."""

    department = models.ForeignKey(
        Department, on_delete=models.CASCADE, related_name="names", verbose_name=_("department")
    )
    name = models.CharField(_("name"), max_length=LONGEST_NAME)
    former_name = models.CharField(_("former name"), max_length=LONGEST_NAME)
    valid_from = models.DateField(_("in force from"))
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["department", "valid_from", "id"]
        verbose_name = _("department name")
        verbose_name_plural = _("department names")

    def __str__(self) -> str:
        return f"{self.name} ({self.valid_from:%Y-%m-%d})"


class DepartmentAlias(models.Model):
    """Another name for a department: an abbreviation (简称) such as 管评中心."""

    department = models.ForeignKey(
        Department, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("department")
    )
    name = models.CharField(_("alias"), max_length=LONGEST_NAME, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("department alias")
        verbose_name_plural = _("department aliases")

    def __str__(self) -> str:
        return self.name


class DepartmentGroup(models.Model):
    """A collective term (泛指) used in annotations, such as 各学院, and the departments it covers."""

    name = models.CharField(_("name"), max_length=LONGEST_NAME, unique=True)
    members = models.ManyToManyField(
        Department, blank=True, related_name="groups", verbose_name=_("members")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("department group")
        verbose_name_plural = _("department groups")

    def __str__(self) -> str:
        return self.name
