"""Who may read the audit trail: auditors and administrators. Nobody may change it."""

from django.http import Http404

from workplan.core.roles import may_see_audit_trail


def check_can_read_log(user) -> None:
    """Raise Http404 unless `user` may read the whole audit trail."""
    if not may_see_audit_trail(user):
        raise Http404
