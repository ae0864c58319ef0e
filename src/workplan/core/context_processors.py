from django.contrib.auth.models import AnonymousUser

from workplan.accounts.access import (
    is_admin,
    is_supervisor,
    may_see_audit_trail,
    member_department_ids,
)


def navigation(request):
    """Which menu entries the signed-in user may open."""
    # A request refused before AuthenticationMiddleware ran (a foreign Host header, answered
    # with the 400 page by CommonMiddleware) has no user yet: show it the anonymous menu.
    user = getattr(request, "user", None) or AnonymousUser()
    return {
        "nav": {
            "audit": may_see_audit_trail(user),
            "accounts": is_admin(user),
            "reports": user.is_authenticated and bool(user.department_ids),
            "review": is_supervisor(user),
            "unread": user.notifications.filter(read_at__isnull=True).count()
            if user.is_authenticated
            else 0,
        },
        "ask_about_roles": _who_to_ask(user),
    }


def _who_to_ask(user) -> str:
    """Return whom a refused user should ask (the 403 page): a department asks the supervision
    office; the office, leaders and auditors ask the administrator; the administrator nobody."""
    if is_admin(user) or not user.is_authenticated:
        return ""
    if member_department_ids(user) and not is_supervisor(user):
        return "office"
    return "admin"
