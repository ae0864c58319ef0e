"""The `workplan` command as a terminal runs it: above every app, as the command is."""

import io
import sys

import pytest

from workplan.cli import main
from workplan.plans.models import Plan

# The command closes its database connections when it ends, as on a terminal: outside a test
# transaction, the next query opens a new one.
pytestmark = pytest.mark.django_db(transaction=True)


def test_import_piped_into_a_reader_that_stops_early_ends_quietly(tmp_path, monkeypatch):
    """`workplan import … | head`: the reader closes the pipe; no traceback, status 0, and the
    plan is saved."""
    path = tmp_path / "plan.txt"
    path.write_text("星河学院2026年工作要点\n一、教学\n1.推进改革。（责任单位：教务处）", "utf-8")

    class ClosedPipe(io.StringIO):
        def write(self, text):
            raise BrokenPipeError

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["import", str(path)]) == 0
    assert Plan.objects.filter(year=2026).count() == 1
