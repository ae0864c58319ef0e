from django.contrib import admin

from workplan.org.models import Department, DepartmentAlias, DepartmentGroup


class AliasInline(admin.TabularInline):
    model = DepartmentAlias
    extra = 1


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "needs_review", "is_active"]
    list_filter = ["kind", "needs_review", "is_active"]
    search_fields = ["name", "aliases__name"]
    inlines = [AliasInline]


@admin.register(DepartmentGroup)
class DepartmentGroupAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    filter_horizontal = ["members"]
