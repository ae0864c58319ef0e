from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from workplan.audit.access import check_can_read_log
from workplan.audit.models import AuditRecord
from workplan.audit.queries import LogFilter, object_types, search_log
from workplan.audit.xlsx import audit_workbook

MAX_EXPORT_ROWS = 100_000


class LogFilterForm(forms.Form):
    text = forms.CharField(label=_("Contains"), required=False)
    actor = forms.CharField(label=_("By"), required=False)
    object_type = forms.ChoiceField(label=_("Object type"), required=False)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", "—"), *AuditRecord.Action.choices]
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from workplan.audit.labels import object_type_label

        self.fields["object_type"].choices = [
            ("", "—"),
            *((t, object_type_label(t)) for t in object_types()),
        ]

    def log_filter(self) -> LogFilter:
        return LogFilter(**self.cleaned_data) if self.is_valid() else LogFilter()


@require_GET
def log(request):
    check_can_read_log(request.user)
    form = LogFilterForm(request.GET or None)
    records = search_log(form.log_filter() if request.GET else LogFilter())
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "audit/log.html", context)


@require_GET
def export(request):
    check_can_read_log(request.user)
    form = LogFilterForm(request.GET or None)
    records = search_log(form.log_filter() if request.GET else LogFilter())[:MAX_EXPORT_ROWS]
    response = HttpResponse(
        audit_workbook(records.iterator(chunk_size=2000)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.xlsx"'
    return response
