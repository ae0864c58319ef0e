"""Who may see what in the registry. Everyone signed in may read it (issue 3 adds roles)."""

from django.shortcuts import get_object_or_404

from workplan.org.models import Department


def access_department(user, department_id: int) -> Department:
    """Return the department `user` may read, or raise Http404 (missing and hidden look alike)."""
    return get_object_or_404(Department, pk=department_id)
