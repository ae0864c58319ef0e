from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from workplan.audit.access import check_can_read_log
from workplan.audit.forms import LogFilterForm
from workplan.audit.queries import LogFilter, search_log
from workplan.audit.xlsx import audit_workbook

MAX_EXPORT_ROWS = 100_000


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
    if request.GET and not form.is_valid():  # the trail page says which filter is wrong
        return redirect(f"{reverse('audit:log')}?{request.GET.urlencode()}")
    records = search_log(form.log_filter() if request.GET else LogFilter())[:MAX_EXPORT_ROWS]
    response = HttpResponse(
        audit_workbook(records.iterator(chunk_size=2000)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.xlsx"'
    return response
