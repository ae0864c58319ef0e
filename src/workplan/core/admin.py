from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """The Django admin only looks: every change goes through the app's actions, which write
    the audit trail. A change made here would leave no trace, so none can be made here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
