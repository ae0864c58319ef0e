from django.contrib import admin

from workplan.core.admin import ReadOnlyAdmin
from workplan.org.models import Department, DepartmentGroup


@admin.register(Department)
class DepartmentAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "needs_review", "is_active"]
    list_filter = ["kind", "needs_review", "is_active"]
    search_fields = ["name", "aliases__name"]


@admin.register(DepartmentGroup)
class DepartmentGroupAdmin(ReadOnlyAdmin):
    list_display = ["name"]
    search_fields = ["name"]
