from django import forms
from django.utils.translation import gettext_lazy as _

from workplan.reports.models import ISSUER_CHARS, RED_HEADER_CHARS


class LetterheadForm(forms.Form):
    issuer = forms.CharField(
        label=_("Issuing office (落款)"),
        max_length=ISSUER_CHARS,
        help_text=_("Printed above the date at the end of the progress report."),
    )
    red_header = forms.CharField(
        label=_("Red header (红头, optional)"),
        max_length=RED_HEADER_CHARS,
        required=False,
        help_text=_("Printed in red above the title, e.g. 中共某某学院委员会办公室文件."),
    )
