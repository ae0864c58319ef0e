from workplan.accounts.access import is_admin, is_supervisor, may_see_audit_trail


def navigation(request):
    """Which menu entries the signed-in user may open."""
    user = request.user
    return {
        "nav": {
            "audit": may_see_audit_trail(user),
            "accounts": is_admin(user),
            "reports": user.is_authenticated and bool(user.department_ids),
            "review": is_supervisor(user),
            "unread": user.notifications.filter(read_at__isnull=True).count()
            if user.is_authenticated
            else 0,
        }
    }
