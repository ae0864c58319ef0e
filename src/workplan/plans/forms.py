from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from workplan.core.uploads import archive_refusal_text
from workplan.parsing import ParsedPlan, ParseError, parse_bytes
from workplan.parsing.archive import ArchiveRefused
from workplan.plans.documents import (
    DOCUMENT_SUFFIXES,
    FIRST_YEAR,
    LAST_YEAR,
    complete_plan,
    is_workbook,
)
from workplan.plans.models import Plan
from workplan.plans.preview_edits import Operation, Place
from workplan.plans.table_import import is_task_table_export


class PlanUploadForm(forms.Form):
    """Upload of a 工作要点 document or a task-split table; a valid form carries the parse in
    `parsed`, completed with the year, title and organization typed where it states none."""

    document = forms.FileField(
        label=_("Work plan document"),
        help_text=_(
            "A .docx, .xlsx, .txt, .md or .html file of at most 20 MB: the work plan itself, or a "
            "task-split table (任务分解表) written in Excel or WPS."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(DOCUMENT_SUFFIXES))}),
    )
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        help_text=_("Only used when the document does not state its year."),
    )
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=Plan._meta.get_field("title").max_length,
        help_text=_("Only used when the document has no title row, e.g. 2025年工作要点."),
    )
    organization = forms.CharField(
        label=_("Organization"),
        required=False,
        max_length=Plan._meta.get_field("organization").max_length,
        help_text=_("Only used when the document does not name its organization."),
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
        if is_workbook(upload.name) and is_task_table_export(data, upload.name):
            raise forms.ValidationError(
                _(
                    "%(name)s is a task table exported from this system. To change a plan's "
                    "tasks with it, open that plan's task table and upload it under “Import an "
                    "edited table” there. To create a new plan, upload the work plan document or "
                    "a task-split table written outside this system."
                ),
                params={"name": upload.name},
            )
        try:
            self.parsed = parse_bytes(data, upload.name, self.registry)
        except ArchiveRefused as refused:
            raise forms.ValidationError(archive_refusal_text(refused)) from None
        except ParseError as exc:
            raise forms.ValidationError(str(exc)) from None
        return upload

    def clean(self):
        data = super().clean()
        if self.parsed is None:
            return data
        complete_plan(
            self.parsed,
            year=data.get("year"),
            title=data.get("title") or "",
            organization=data.get("organization") or "",
        )
        if self.parsed.year is None and "year" not in self.errors:
            self.add_error(
                "year", _("The document does not state which year it is for; enter the year.")
            )
        if not self.parsed.title.strip() and "title" not in self.errors:
            self.add_error("title", _("The document has no title row; enter the plan's title."))
        return data


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
    leaders = forms.CharField(label=_("Leaders in charge"), **NAMES_FIELD)


class PreviewRestructureForm(PreviewItemForm):
    """One change to the key point / task split."""

    operation = forms.ChoiceField(
        label=_("Change"),
        choices=[
            (Operation.MERGE_INTO_PREVIOUS, _("Merge into the previous task")),
            (Operation.TASK_TO_KEY_POINT, _("Make it a new key point")),
            (Operation.KEY_POINT_TO_TASK, _("Make it a task of the previous key point")),
            (Operation.REMOVE_TASK, _("Leave it out: it is no task")),
        ],
    )
