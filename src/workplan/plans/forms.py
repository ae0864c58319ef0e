from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from workplan.core.uploads import archive_refusal_text
from workplan.parsing import ParsedPlan, ParseError, parse_bytes
from workplan.parsing.archive import ArchiveRefused
from workplan.parsing.readers import DOCX_SUFFIXES, HTML_SUFFIXES, TEXT_SUFFIXES


class PlanUploadForm(forms.Form):
    """Upload of a 工作要点 document; a valid form carries the parse in `parsed`."""

    document = forms.FileField(
        label=_("Work plan document"),
        help_text=_("A .docx, .txt, .md or .html file of at most 20 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(sorted(DOCX_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES))}
        ),
    )

    def __init__(self, *args, registry=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.registry = registry or {}
        self.parsed: ParsedPlan | None = None

    def clean_document(self):
        upload = self.cleaned_data["document"]
        limit = settings.WORKPLAN_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("%(name)s is too large (%(size)s MB); the limit is %(limit)s MB."),
                params={
                    "name": upload.name,
                    "size": f"{upload.size / 1024 / 1024:.1f}",
                    "limit": limit // 1024 // 1024,
                },
            )
        data = upload.read()
        try:
            self.parsed = parse_bytes(data, upload.name, self.registry)
        except ArchiveRefused as refused:
            raise forms.ValidationError(archive_refusal_text(refused)) from None
        except ParseError as exc:
            raise forms.ValidationError(str(exc)) from None
        return upload
