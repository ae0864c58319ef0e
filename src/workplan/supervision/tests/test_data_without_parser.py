"""Supervision's tests build their data directly, not by importing a document: a change to the
parser cannot break them. Their set-up runs with the parser refusing every call, and no test
module or fixture module of theirs reaches for the parser, a document or the import command."""

import ast
import sys
from pathlib import Path

import pytest

from workplan import parsing
from workplan.parsing import outline, readers
from workplan.plans import forms
from workplan.plans.models import KeyPoint, Task
from workplan.progress.actions import ReportData
from workplan.progress.models import ProgressReport
from workplan.progress.queries import duties
from workplan.progress.tests.factories import make_reporting_plan
from workplan.supervision.tests.factories import make_plan_with_reports

pytestmark = pytest.mark.django_db

TESTS = Path(__file__).resolve().parent
WORKPLAN = TESTS.parents[1]
FACTORIES = sorted(WORKPLAN.glob("*/tests/factories.py"))
# What reading a document goes through: the readers, the outline parser, and the two entry points.
ENTRY_POINTS = [
    (parsing, "parse_file"),
    (parsing, "parse_bytes"),
    (outline, "parse_document"),
    (readers, "read_document"),
    (readers, "read_bytes"),
]
DOCUMENT_FIXTURES = {"example_plan", "hubei_txt", "hubei_expected", "corpus"}


def parser_uses(path: Path) -> list[str]:
    """Return what in the module at `path` reaches for the parser or a document: an import of
    workplan.parsing, the import command, a call of do_import_plan or of the demo (which imports
    the example document), a document fixture."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("workplan.parsing"):
            found.append(f"line {node.lineno}: from {node.module} import")
        elif isinstance(node, ast.Import):
            found += [
                f"line {node.lineno}: import {a.name}"
                for a in node.names
                if a.name.startswith("workplan.parsing")
            ]
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            first = node.args[0] if node.args else None
            if name in ("do_import_plan", "do_load_demo") or (
                name == "call_command"
                and isinstance(first, ast.Constant)
                and first.value == "import"
            ):
                found.append(f"line {node.lineno}: {name}")
        elif isinstance(node, ast.FunctionDef):
            used = DOCUMENT_FIXTURES & {a.arg for a in node.args.args}
            found += [f"line {node.lineno}: fixture {name}" for name in sorted(used)]
    return found


@pytest.fixture
def parser_refuses(monkeypatch):
    """Make every entry point of the parser raise, wherever a module holds it by name."""

    def refuse(*args, **kwargs):
        raise AssertionError("the parser was called to build test data")

    for module, name in ENTRY_POINTS:
        original = getattr(module, name)
        for holder in list(sys.modules.values()):
            if getattr(holder, "__name__", "").startswith("workplan") and (
                getattr(holder, name, None) is original
            ):
                monkeypatch.setattr(holder, name, refuse)


def test_the_reporting_plan_is_built_with_the_parser_refusing(
    parser_refuses, department, other_department
):
    plan = make_reporting_plan()
    assert KeyPoint.objects.filter(plan=plan).count() == 12
    assert Task.objects.filter(key_point__plan=plan).count() == 50
    june = plan.periods.get(opens_on="2024-06-01")
    assert len(duties(plan, june, {department.pk})) == 5 + 4 + 4  # leads 4, co-operates on 6, 9
    assert {d.role for d in duties(plan, june, {other_department.pk})} == {"co"}


def test_a_plan_with_reports_is_built_with_the_parser_refusing(parser_refuses, department, liaison):
    data = ReportData("on_track", 60, "完成课程标准修订", "", "")
    plan = make_plan_with_reports(department, liaison, 6, data)
    assert ProgressReport.objects.filter(period__plan=plan, state="submitted").count() == 13


def test_with_the_parser_refusing_no_document_is_read(parser_refuses):
    """The two tests above can fail: a module holding the parser by name holds the refusal."""
    with pytest.raises(AssertionError, match="the parser was called"):
        forms.parse_bytes("2024年工作要点\n一、要点。".encode(), "plan.md")
    with pytest.raises(AssertionError, match="the parser was called"):
        parsing.parse_file(WORKPLAN / "examples" / "jiangcheng-2024.md")


@pytest.mark.parametrize(
    "path",
    [*sorted(set(TESTS.glob("*.py")) - {Path(__file__)}), *FACTORIES, WORKPLAN / "conftest.py"],
    ids=lambda p: str(p.relative_to(WORKPLAN)),
)
def test_no_test_or_fixture_module_reaches_for_the_parser(path):
    uses = parser_uses(path)
    if path == WORKPLAN / "conftest.py":  # it offers the document fixtures, to parser tests
        uses = [u for u in uses if "fixture" not in u]
    assert uses == []
