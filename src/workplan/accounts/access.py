"""Who may manage accounts (the role tests themselves are in core/roles.py)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from workplan.accounts.models import User
from workplan.core.roles import is_admin


def check_admin(user) -> None:
    """Raise Http404 unless `user` administers accounts: others do not learn the pages exist."""
    if not is_admin(user):
        raise Http404


def access_user(actor, user_id: int) -> User:
    """Return the account `actor` may manage, or raise Http404."""
    check_admin(actor)
    return get_object_or_404(User, pk=user_id)
