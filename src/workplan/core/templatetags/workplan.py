from datetime import timedelta

from django import template
from django.utils import translation

register = template.Library()


@register.filter
def minutes(value) -> int:
    """Return a timedelta as whole minutes (30 for 0:30:00)."""
    return int(value.total_seconds() // 60) if isinstance(value, timedelta) else 0


@register.simple_tag
def colon() -> str:
    """Return the colon after a label: full-width in Chinese (原因：), “: ” in English."""
    return "：" if (translation.get_language() or "").startswith("zh") else ": "
