"""Who may see or change plans. Everyone signed in may read them (issue 3 adds roles)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from workplan.plans.models import Plan


def access_plan(user, plan_id: int) -> Plan:
    """Return the plan `user` may read, or raise Http404 (missing and hidden look alike)."""
    return get_object_or_404(Plan, pk=plan_id)


def check_can_import_plan(user) -> None:
    """Raise PermissionDenied unless `user` may import a plan document."""
    if not user.has_perm("plans.add_plan"):
        raise PermissionDenied
