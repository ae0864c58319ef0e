from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from workplan.core.uploads import archive_refusal_text
from workplan.parsing import ParsedPlan, ParseError, parse_bytes
from workplan.parsing.archive import ArchiveRefused
from workplan.parsing.readers import DOCX_SUFFIXES, HTML_SUFFIXES, TEXT_SUFFIXES
from workplan.plans.preview_edits import Operation, Place


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


class PreviewItemForm(forms.Form):
    """Which item of a preview a correction is for, and which version of the preview was shown."""

    point = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    task = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def place(self) -> Place:
        return Place(point=self.cleaned_data["point"], task=self.cleaned_data["task"])

    def stale(self) -> bool:
        """Return whether the hidden fields are wrong: only an old or altered page sends that."""
        return any(self.has_error(name) for name in ("point", "task", "version"))

    def refusal(self) -> str:
        """Return what is wrong, one sentence per field, each naming its field."""
        if self.stale():
            return str(_("The page sent an incomplete correction; please reload it and retry."))
        return " ".join(
            f"{self.fields[name].label}：{error}"
            for name, errors in self.errors.items()
            for error in errors
        )


NAMES_FIELD = {
    "required": False,
    "max_length": 2000,
    "error_messages": {
        "max_length": _("at most %(limit_value)d characters (it has %(show_value)d).")
    },
}


class PreviewResponsibilityForm(PreviewItemForm):
    """The departments of one key point or task, typed as names separated by 、."""

    lead = forms.CharField(label=_("Lead departments"), **NAMES_FIELD)
    co = forms.CharField(label=_("Co-operating departments"), **NAMES_FIELD)
    groups = forms.CharField(label=_("Groups"), **NAMES_FIELD)


class PreviewRestructureForm(PreviewItemForm):
    """One change to the key point / task split."""

    operation = forms.ChoiceField(
        label=_("Change"),
        choices=[
            (Operation.MERGE_INTO_PREVIOUS, _("Merge into the previous task")),
            (Operation.TASK_TO_KEY_POINT, _("Make it a new key point")),
            (Operation.KEY_POINT_TO_TASK, _("Make it a task of the previous key point")),
        ],
    )
