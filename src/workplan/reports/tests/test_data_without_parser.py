"""Reports' tests build their data directly, not by importing a document (the check and the
parser-refusing set-up are supervision's: reports' fixtures are the same factories). The tests
about the demo's pages live with the demo (workplan/demo/tests), above every app."""

from pathlib import Path

import pytest

from workplan.supervision.tests.test_data_without_parser import parser_uses

TESTS = Path(__file__).resolve().parent


@pytest.mark.parametrize("path", sorted(TESTS.glob("*.py")), ids=lambda p: p.name)
def test_no_test_or_fixture_module_reaches_for_the_parser(path):
    assert parser_uses(path) == []
