from workplan.progress.tests.conftest import plan  # noqa: F401  (the same reporting plan)
