from django.contrib.auth.models import AnonymousUser

from workplan.core.roles import (
    is_admin,
    is_supervisor,
    may_see_audit_trail,
    member_department_ids,
)
from workplan.notifications.queries import unread_count


def navigation(request):
    """Which menu entries the signed-in user may open, and how many notifications are unread."""
    # A request refused before AuthenticationMiddleware ran (a foreign Host header, answered
    # with the 400 page by CommonMiddleware) has no user yet: show it the anonymous menu.
    user = getattr(request, "user", None) or AnonymousUser()
    return {
        "nav": {
            "audit": may_see_audit_trail(user),
            "accounts": is_admin(user),
            # 我的填报 only for those who report for a department (head, liaison), not the office.
            "reports": bool(member_department_ids(user)),
            "review": is_supervisor(user),
            "unread": unread_count(user),
        }
    }
