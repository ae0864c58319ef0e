from django.contrib import admin

from workplan.plans.models import Plan


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["organization", "title", "year", "created_at"]
    readonly_fields = ["fingerprint", "created_at", "created_by"]
