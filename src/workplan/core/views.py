from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.views.decorators.http import require_GET


@login_not_required
@require_GET
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def home(request):
    """Where each person starts: departments at their reports, leaders at the dashboard."""
    from django.shortcuts import redirect

    from workplan.accounts.models import Role
    from workplan.plans.models import Plan

    user = request.user
    if user.has_role(Role.LIAISON, Role.HEAD) and user.department_ids:
        return redirect("progress:my-reports")
    if user.has_role(Role.LEADER):
        plan = Plan.objects.filter(schedule__isnull=False).order_by("-year").first()
        if plan is not None:
            return redirect("reports:dashboard", plan_id=plan.pk)
    return redirect("plans:plan-list")
