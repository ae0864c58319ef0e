from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def minutes(value) -> int:
    """Return a timedelta as whole minutes (30 for 0:30:00)."""
    return int(value.total_seconds() // 60) if isinstance(value, timedelta) else 0
