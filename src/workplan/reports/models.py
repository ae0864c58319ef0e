"""What the office sets for a plan's written reports."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from workplan.plans.models import Plan

DEFAULT_ISSUER = "党委办公室、校长办公室"
ISSUER_CHARS, RED_HEADER_CHARS = 60, 40


class Letterhead(models.Model):
    """How a plan's 落实情况报告 is signed: the issuing office (落款) and an optional 红头."""

    plan = models.OneToOneField(
        Plan, on_delete=models.CASCADE, related_name="letterhead", verbose_name=_("plan")
    )
    issuer = models.CharField(_("issuing office"), max_length=ISSUER_CHARS)
    red_header = models.CharField(_("red header"), max_length=RED_HEADER_CHARS, blank=True)

    class Meta:
        verbose_name = _("report letterhead")
        verbose_name_plural = _("report letterheads")

    def __str__(self) -> str:
        return f"{self.plan}：{self.issuer}"
