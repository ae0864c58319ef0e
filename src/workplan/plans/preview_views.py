"""The import preview of a plan document: what the page shows, and the office's corrections to
the departments and to the key point / task split before saving."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from workplan.core.problems import ProblemList
from workplan.org.queries import registry_names
from workplan.parsing import ParsedPlan, Responsibility
from workplan.plans import queries
from workplan.plans.access import access_import_preview, check_can_import_plan
from workplan.plans.forms import (
    PreviewItemForm,
    PreviewResponsibilityForm,
    PreviewRestructureForm,
)
from workplan.plans.leaders import parsed_leader_problems
from workplan.plans.models import ImportPreview
from workplan.plans.preview_actions import (
    do_restructure_import_preview,
    do_set_preview_responsibility,
    preview_plan,
    preview_version,
)
from workplan.plans.preview_edits import (
    EditRefused,
    ItemGone,
    Operation,
    Place,
    has_item,
    item_at,
    item_code,
    items_to_check,
    proposals_in_use,
)


def render_import_preview(request, preview: ImportPreview, parsed: ParsedPlan):
    """Render the preview page. Each item links to its correction form, fetched only when
    opened: a document of two thousand tasks would otherwise carry two thousand forms."""
    points = []
    for p, point in enumerate(parsed.points):
        tasks = [_row(parsed, Place(p, t), task) for t, task in enumerate(point.tasks)]
        points.append({**_row(parsed, Place(p), point), "tasks": tasks})
    context = {
        "parsed": parsed,
        "points": points,
        "to_check": items_to_check(parsed),
        # The first 100, and a count; leaders named in the document who match no account too.
        "warnings": ProblemList(
            parsed.warnings + parsed_leader_problems(parsed, queries.school_leaders_by_name())
        ),
        "proposals": proposals_in_use(parsed),
        "registry": set(registry_names()),
        "name": preview.name,
        "token": preview.token,
        "version": preview_version(preview),
    }
    return render(request, "plans/import_preview.html", context)


def _row(parsed: ParsedPlan, place: Place, item) -> dict:
    query = f"point={place.point}" + ("" if place.task is None else f"&task={place.task}")
    return {
        "item": item,
        "place": place,
        "anchor": _anchor(place),
        "code": item_code(parsed, place),
        "query": query,
    }


def _render_item(request, preview, parsed, place: Place, *, typed=None, error="", status=200):
    """Render the correction form of one item: alone (HTMX, opened inside the preview) or on a
    page of its own, where a refused correction comes back with what was typed and why."""
    item = item_at(parsed, place)
    resp: Responsibility | None = item.responsibility
    values = typed or {
        "lead": "、".join(resp.lead) if resp else "",
        "co": "、".join(resp.co) if resp else "",
        "groups": "、".join(resp.groups) if resp else "",
        "leaders": "、".join(resp.leaders) if resp else "",
    }
    context = {
        "row": _row(parsed, place, item),
        "is_point": place.task is None,
        "first": (place.point if place.task is None else place.task) == 0,
        "values": values,
        "error": error,
        "token": preview.token,
        "version": preview_version(preview),
        "operations": Operation,
        "name": preview.name,
    }
    htmx = request.htmx and request.method == "GET"
    template = "plans/_preview_item_form.html" if htmx else "plans/preview_item.html"
    return render(request, template, context, status=status)


def _anchor(place: Place) -> str:
    return f"p{place.point}" if place.task is None else f"p{place.point}-t{place.task}"


def _back(preview: ImportPreview, place: Place | None = None):
    url = reverse("plans:import-preview", kwargs={"token": preview.token})
    return redirect(f"{url}#{_anchor(place)}" if place else url)


def _own_preview(request, token: str) -> ImportPreview | None:
    check_can_import_plan(request.user)
    preview = access_import_preview(request.user, token, ImportPreview.Kind.PLAN_DOCUMENT)
    if preview is None:
        messages.error(request, _("This preview has expired. Please upload the document again."))
    return preview


@require_GET
def preview_item(request, token: str):
    preview = _own_preview(request, token)
    if preview is None:
        return redirect("plans:plan-list")
    form = PreviewItemForm({**request.GET.dict(), "version": preview_version(preview)})
    parsed = preview_plan(preview)
    if not form.is_valid() or not has_item(parsed, form.place()):
        messages.error(request, ItemGone.message())
        return _back(preview)
    return _render_item(request, preview, parsed, form.place())


@require_POST
def preview_responsibility(request, token: str):
    preview = _own_preview(request, token)
    if preview is None:
        return redirect("plans:plan-list")
    form = PreviewResponsibilityForm(request.POST)
    if not form.is_valid() and form.stale():
        messages.error(request, form.refusal())
        return _back(preview)
    place = form.place()
    if not has_item(preview_plan(preview), place):
        messages.error(request, ItemGone.message())
        return _back(preview)
    typed = {name: request.POST.get(name, "") for name in ("lead", "co", "groups")}
    # A form drawn before leaders could be corrected sends none: the document's are kept.
    typed["leaders"] = request.POST.get("leaders")
    try:
        if form.errors:
            raise EditRefused(form.refusal())
        preview = do_set_preview_responsibility(
            preview, place, **typed, version=form.cleaned_data["version"], by=request.user
        )
    except ItemGone as exc:  # the page was out of date: say so above it
        messages.error(request, str(exc))
        return _back(preview)
    except EditRefused as exc:
        parsed = preview_plan(preview)
        return _render_item(
            request, preview, parsed, place, typed=typed, error=str(exc), status=400
        )
    messages.success(
        request,
        _("The departments of {code} are corrected.").format(
            code=item_code(preview_plan(preview), place)
        ),
    )
    return _back(preview, place)


@require_POST
def preview_restructure(request, token: str):
    preview = _own_preview(request, token)
    if preview is None:
        return redirect("plans:plan-list")
    form = PreviewRestructureForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.refusal())
        return _back(preview)
    try:
        preview = do_restructure_import_preview(
            preview,
            form.place(),
            operation=form.cleaned_data["operation"],
            version=form.cleaned_data["version"],
            by=request.user,
        )
    except EditRefused as exc:
        messages.error(request, str(exc))
        return _back(preview, form.place())
    messages.success(request, _("The key points and tasks are rearranged."))
    return _back(preview, Place(form.place().point))
