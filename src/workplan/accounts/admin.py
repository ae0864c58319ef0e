from django.contrib import admin
from django.contrib.auth.models import Group

from workplan.accounts.models import User
from workplan.core.admin import ReadOnlyAdmin

# Roles are RoleGrant rows, not Django groups; the admin's group pages wrote unaudited rows.
if admin.site.is_registered(Group):
    admin.site.unregister(Group)


@admin.register(User)
class UserAdmin(ReadOnlyAdmin):
    list_display = ["username", "full_name", "email", "is_active", "last_login"]
    search_fields = ["username", "full_name", "email"]
    exclude = ["password"]
