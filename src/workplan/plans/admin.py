from django.contrib import admin

from workplan.core.admin import ReadOnlyAdmin
from workplan.plans.models import Plan


@admin.register(Plan)
class PlanAdmin(ReadOnlyAdmin):
    list_display = ["organization", "title", "year", "created_at"]
