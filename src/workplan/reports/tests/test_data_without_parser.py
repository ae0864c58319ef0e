"""Reports' tests build their data directly, not by importing a document (the check and the
parser-refusing set-up are supervision's: reports' fixtures are the same factories). Two tests
keep the demo, which imports the example document: they are about the demo's pages."""

from pathlib import Path

import pytest

from workplan.supervision.tests.test_data_without_parser import parser_uses

TESTS = Path(__file__).resolve().parent
ABOUT_THE_DEMO = {
    # The user guide's pictures are of the demo's dashboards (scripts/screenshots).
    "test_browser_dashboards.py",
    # Compares the queries of the demo's pages with those of seed-scale data.
    "test_seed_scale.py",
}


@pytest.mark.parametrize(
    "path",
    sorted(p for p in TESTS.glob("*.py") if p.name not in ABOUT_THE_DEMO),
    ids=lambda p: p.name,
)
def test_no_test_or_fixture_module_reaches_for_the_parser(path):
    assert parser_uses(path) == []


@pytest.mark.parametrize("name", sorted(ABOUT_THE_DEMO))
def test_only_the_tests_about_the_demo_load_it(name):
    assert parser_uses(TESTS / name)  # else it joins the others
