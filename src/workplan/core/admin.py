from django.contrib import admin

from workplan.core.roles import may_see_audit_trail


class ReadOnlyAdmin(admin.ModelAdmin):
    """The Django admin only looks, and only for administrators and auditors: every change goes
    through the app's actions, which write the audit trail; a change here would leave no trace."""

    def has_module_permission(self, request):
        return may_see_audit_trail(request.user)

    def has_view_permission(self, request, obj=None):
        return may_see_audit_trail(request.user)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
