from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Holds the `workplan demo` command; no models."""

    name = "workplan.demo"
    label = "demo"
