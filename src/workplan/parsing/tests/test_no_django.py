import subprocess
import sys


def test_importing_the_parser_loads_no_django_module():
    code = (
        "import sys, workplan.parsing, workplan.parsing.render, workplan.parsing.command; "
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')); "
        "print(loaded)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
