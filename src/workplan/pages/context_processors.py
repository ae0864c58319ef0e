from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from workplan.core.roles import (
    Role,
    is_admin,
    is_supervisor,
    may_see_audit_trail,
    member_department_ids,
)
from workplan.notifications.queries import unread_count
from workplan.pages.workbench import running_plans, todo_count


def navigation(request):
    """Which menu entries the signed-in user may open, how many things wait for them on the
    工作台 and how many notifications are unread."""
    # A request refused before AuthenticationMiddleware ran (a foreign Host header, answered
    # with the 400 page by CommonMiddleware) has no user yet: show it the anonymous menu.
    user = getattr(request, "user", None) or AnonymousUser()
    if not user.is_authenticated:
        return {"nav": {}}
    today = timezone.localdate()
    dashboard = None
    if user.has_role(Role.LEADER, Role.SUPERVISOR):
        dashboard = running_plans(today).first()
    return {
        "nav": {
            "audit": may_see_audit_trail(user),
            "accounts": is_admin(user),
            # 我的填报 only for those who report for a department (head, liaison), not the office.
            "reports": bool(member_department_ids(user)),
            "review": is_supervisor(user),
            "dashboard": dashboard,
            "todo": todo_count(user, today),
            "unread": unread_count(user),
        }
    }
