from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from workplan.org.queries import registry_names
from workplan.plans import queries
from workplan.plans.access import (
    access_import_preview,
    access_plan,
    check_can_import_plan,
    check_may_change_plans,
    may_change_plans,
)
from workplan.plans.actions import (
    DeletionRefused,
    ImportRefused,
    ImportStatus,
    do_discard_import_preview,
    do_import_plan,
    do_match_leaders,
    do_revise_plan,
    do_stage_import_preview,
    find_existing_plan,
    fingerprint,
)
from workplan.plans.forms import PlanUploadForm
from workplan.plans.models import ImportPreview
from workplan.plans.preview_actions import preview_plan, preview_version
from workplan.plans.preview_edits import accept_proposals, proposals_in_use
from workplan.plans.preview_views import render_import_preview
from workplan.plans.revisions import compare_revision

LEGACY_SESSION_KEY = "pending_plan_imports"


@require_GET
def plan_list(request):
    form = PlanUploadForm() if may_change_plans(request.user) else None
    return render(
        request, "plans/plan_list.html", {"plans": queries.plans_for_list(), "form": form}
    )


@require_POST
def plan_upload(request):
    check_can_import_plan(request.user)
    form = PlanUploadForm(request.POST, request.FILES, registry=registry_names())
    if not form.is_valid():
        context = {"plans": queries.plans_for_list(), "form": form}
        return render(request, "plans/plan_list.html", context, status=400)
    preview = do_stage_import_preview(
        owner=request.user,
        kind=ImportPreview.Kind.PLAN_DOCUMENT,
        name=form.cleaned_data["document"].name,
        payload={"parsed": form.parsed.to_dict(), "digest": form.parsed.source_digest},
    )
    request.session.pop(LEGACY_SESSION_KEY, None)  # what earlier versions kept there
    return redirect("plans:import-preview", token=preview.token)


@require_http_methods(["GET", "POST"])
def import_preview(request, token: str):
    check_can_import_plan(request.user)
    preview = access_import_preview(request.user, token, ImportPreview.Kind.PLAN_DOCUMENT)
    if preview is None:
        messages.error(request, _("This preview has expired. Please upload the document again."))
        return redirect("plans:plan-list")
    parsed = preview_plan(preview)
    existing = find_existing_plan(parsed) if parsed.year else None
    if existing is not None and existing.fingerprint == fingerprint(parsed):
        # The same document again: its plan is already there, with whatever the office
        # corrected when it was imported; a preview would offer corrections it cannot keep.
        do_discard_import_preview(preview)
        messages.info(
            request,
            _(
                "This document was imported before as “{plan}”; nothing changed. Correct its "
                "departments on the plan's task table."
            ).format(plan=existing),
        )
        return redirect("pages:plan-detail", plan_id=existing.pk)
    if existing is not None:
        return _revision_preview(request, preview, parsed, existing)
    if request.method == "POST":
        shown = request.POST.get("version", "")
        if shown and shown != str(preview_version(preview)):
            messages.error(
                request,
                _(
                    "This preview was corrected elsewhere (perhaps in another tab) after this "
                    "page was shown; nothing was saved. Please check the page and save again."
                ),
            )
            return redirect("plans:import-preview", token=preview.token)
        accepted = accept_proposals(parsed, request.POST.getlist("accept_alias"))
        try:
            outcome = do_import_plan(parsed, source_name=preview.name, by=request.user)
        except ImportRefused as exc:
            messages.error(request, str(exc))  # the preview stays, to be corrected
            return redirect("plans:import-preview", token=preview.token)
        do_discard_import_preview(preview)
        if outcome.status == ImportStatus.UNCHANGED:
            messages.info(request, _("This document was imported before; nothing changed."))
        else:
            messages.success(
                request,
                _("Imported {points} key points and {tasks} tasks.").format(
                    points=len(parsed.points), tasks=parsed.task_count()
                ),
            )
        _warn_leader_problems(request, outcome.leader_problems)
        if accepted:
            messages.info(
                request,
                _("Names recorded as abbreviations: {names}").format(
                    names="；".join(f"{p.name} → {p.proposed}" for p in accepted)
                ),
            )
        for sentence in outcome.set_up:
            messages.info(request, sentence)
        if outcome.new_departments:
            messages.warning(
                request,
                _("New departments added to the registry for review: {names}").format(
                    names="、".join(outcome.new_departments)
                ),
            )
        # The plan page lists what is left to do (accounts, leaders, deadlines) with links.
        return redirect("pages:plan-detail", plan_id=outcome.plan.pk)
    return render_import_preview(request, preview, parsed)


def _revision_preview(request, preview, parsed, plan):
    """Show what a revised document changes in the stored plan; apply it on confirmation."""
    if request.method == "POST":
        confirmed = request.POST.get("delete_reported", "")
        if confirmed and confirmed != compare_revision(plan, parsed).removal_digest():
            messages.error(
                request,
                _(
                    "Nothing was changed: the records on the tasks to be deleted changed after "
                    "this page was shown. Please check the revision again."
                ),
            )
            return redirect("plans:import-preview", token=preview.token)
        accept_proposals(parsed, request.POST.getlist("accept_alias"))
        try:
            revision = do_revise_plan(
                plan,
                parsed,
                source_name=preview.name,
                by=request.user,
                delete_reported=bool(confirmed),
            )
        except (DeletionRefused, ImportRefused) as exc:
            messages.error(request, str(exc))
            return redirect("plans:import-preview", token=preview.token)
        do_discard_import_preview(preview)
        messages.success(
            request,
            _(
                "The revision is applied. Tasks added: {added}; reworded: {reworded}; moved to "
                "another key point: {moved}; deleted: {removed}. The tasks that remain keep their "
                "task table entries, reports and history."
            ).format(
                added=len(revision.tasks_added),
                reworded=len(revision.tasks_reworded),
                moved=len(revision.tasks_moved),
                removed=len(revision.tasks_removed),
            ),
        )
        _warn_leader_problems(request, revision.leader_problems)
        if revision.removed_work:
            messages.warning(
                request,
                _("Deleted together with the removed tasks: {work}.").format(
                    work=revision.removed_work_total.describe()
                ),
            )
        return redirect("pages:plan-detail", plan_id=plan.pk)
    revision = compare_revision(plan, parsed)
    context = {
        "parsed": parsed,
        "name": preview.name,
        "token": preview.token,
        "plan": plan,
        "revision": revision,
        "proposals": proposals_in_use(parsed),
        "stored_tasks": len(revision.tasks_removed) + len(revision.task_match),
        "kept_tasks": len(revision.task_match),
    }
    return render(request, "plans/revision_preview.html", context)


LEADER_PROBLEMS_SHOWN = 10


def _warn_leader_problems(request, problems: list[str]) -> None:
    """Tell the office which leaders in charge the document names matched no single account."""
    if not problems:
        return
    shown = " ".join(problems[:LEADER_PROBLEMS_SHOWN])
    if len(problems) > LEADER_PROBLEMS_SHOWN:
        shown += _(" … and {count} more, marked on the plan page.").format(
            count=len(problems) - LEADER_PROBLEMS_SHOWN
        )
    messages.warning(request, shown)


@require_POST
def match_leaders(request, plan_id: int):
    plan = access_plan(request.user, plan_id)
    check_may_change_plans(request.user)
    outcome = do_match_leaders(plan, by=request.user)
    if outcome.matched:
        messages.success(
            request,
            _("Leaders in charge matched by name: {count}.").format(count=outcome.matched),
        )
    else:
        messages.info(request, _("No further leader in charge could be matched by name."))
    _warn_leader_problems(request, outcome.problems)
    return redirect("pages:plan-detail", plan_id=plan.pk)
