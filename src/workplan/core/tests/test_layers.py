"""The apps stand in the layers docs/architecture.md draws; import-linter (run by scripts/test)
checks the imports against pyproject.toml's contract, these tests keep the page and the contract
saying the same and catch an import tucked into a function to slip past a cycle."""

import re
import tomllib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
REPOSITORY = PACKAGE.parents[1]


def layers_contract() -> dict:
    config = tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return contract


def contract_layers() -> list[str]:
    # The first entry is the top-level modules (cli, demo, urls …), drawn as one line on the page.
    return [
        layer.strip("()").removeprefix("workplan.") for layer in layers_contract()["layers"][1:]
    ]


def drawn_layers() -> list[str]:
    page = (REPOSITORY / "docs" / "architecture.md").read_text(encoding="utf-8")
    picture = page.split("```", 2)[1]
    return re.findall(r"^  ([a-z]+) {2,}", picture, flags=re.MULTILINE)


def test_architecture_page_draws_the_contracts_order():
    assert drawn_layers() == contract_layers()


def test_every_installed_app_has_a_layer():
    settings = (PACKAGE / "settings" / "base.py").read_text(encoding="utf-8")
    installed = settings.split("INSTALLED_APPS = [", 1)[1].split("]", 1)[0]
    apps = set(re.findall(r'"workplan\.([a-z_]+)"', installed))
    assert apps, "no workplan app found in INSTALLED_APPS"
    top = {
        name.strip(" ()").removeprefix("workplan.")
        for name in layers_contract()["layers"][0].split("|")
    }
    assert apps <= set(contract_layers()) | top


def test_no_workplan_import_inside_a_function():
    """Except an app's own modules in its AppConfig.ready(): Django loads models only after the
    apps.py modules, so connecting receivers is the one import that must wait. Relative imports
    (`from ..plans import …`) count too."""
    hidden = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if "tests" in relative.parts or relative.name == "conftest.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            imported = re.match(r"^\s+(?:from|import) (workplan\.(\w+)|\.(\.*)(\w*))", line)
            if not imported:
                continue
            app = (
                imported[2] if imported[2] else (imported[4] if imported[3] else relative.parts[0])
            )
            if not (relative.name == "apps.py" and app == relative.parts[0]):
                hidden.append(f"{relative}:{number}: {line.strip()}")
    assert hidden == []
