"""Which plans are still running. A plan has no closed flag: its year is over once the calendar
year after it has begun (a 2024 plan is finished on 1 January 2025). A finished plan is the
record of its year: a merge or other registry change never rewrites it."""

from django.db.models import QuerySet

from workplan.plans.models import Plan


def open_plans(today) -> QuerySet[Plan]:
    """Return the plans whose year is not over on `today`."""
    return Plan.objects.filter(year__gte=today.year)


def plan_is_over(plan: Plan, today) -> bool:
    """Whether `plan`'s year is over on `today`."""
    return plan.year < today.year
