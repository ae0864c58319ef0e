"""`{{ report.department|name_on:report.submitted_at }}`: a department under the name it bore
on a day (a report filed before a rename keeps the former name)."""

from django import template

register = template.Library()


@register.filter
def name_on(department, day) -> str:
    """Return `department`'s name on `day` (a date or datetime; empty means today's name).
    Prefetch `department__names` where a list shows many."""
    if department is None:
        return ""
    return department.name_on(day or None)
