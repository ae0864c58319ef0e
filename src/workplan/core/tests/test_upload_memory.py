"""Hostile files cost every reader behind an upload (and the command line) a few seconds and a
bounded amount of memory: each runs in its own process, its peak memory measured there."""

import json
import subprocess
import sys

import pytest

from workplan.parsing.tests import badfiles

MAX_SECONDS = 10
MAX_GROWTH_MB = 200

CHILD = r"""
import io, json, os, resource, sys, time
from contextlib import redirect_stderr
os.environ["DJANGO_SETTINGS_MODULE"] = "workplan.settings.test"
import django
django.setup()
from workplan.accounts.importing import read_account_sheet
from workplan.cli import main
from workplan.parsing import ParseError, parse_bytes
from workplan.plans.models import Plan
from workplan.plans.table_import import read_table
from workplan.progress.evidence import EvidenceRefused, check_evidence



def refuse(reader, path):
    # The refusal of the file at `path` by `reader`, or "" if it was accepted.
    name = os.path.basename(path)
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        if reader == "table":
            # Refused before the plan is looked at: an unsaved plan, and no database, will do.
            return " ".join(read_table(data, name, Plan(year=2024)).errors)
        if reader == "accounts":
            return " ".join(read_account_sheet(data, name).errors)
        if reader == "plan":
            parse_bytes(data, name)
        elif reader == "evidence":
            check_evidence(name, data)
        elif reader == "cli-parse":
            err = io.StringIO()
            with redirect_stderr(err):
                return err.getvalue() if main(["parse", path]) == 2 else ""
    except (ParseError, EvidenceRefused) as exc:
        return str(exc)
    return ""


reader = sys.argv[1]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
results = {}
for path in sys.argv[2:]:
    start = time.monotonic()
    refusal = refuse(reader, path)
    results[os.path.basename(path)] = {"refusal": refusal, "seconds": time.monotonic() - start}
growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024
print(json.dumps({"files": results, "growth_mb": growth}))
"""

# Bombs, and files within the size limits that hold far more than a real upload (badfiles.HEAVY).
HOSTILE = {**badfiles.BOMBS, **{name: make for name, (make, _) in badfiles.HEAVY.items()}}
HEAVY_FOR = {
    reader: [name for name, (_, readers) in badfiles.HEAVY.items() if reader in readers]
    for reader in ("table", "accounts", "plan")
}
READERS = {
    "table": [n for n in badfiles.BOMBS if n.endswith(".xlsx")]
    + ["bomb.docx"]
    + HEAVY_FOR["table"],
    "accounts": [n for n in badfiles.BOMBS if n.endswith(".xlsx")]
    + ["bomb.docx"]
    + HEAVY_FOR["accounts"],
    "plan": [n for n in badfiles.BOMBS if not n.endswith(".xlsx")] + HEAVY_FOR["plan"],
    "cli-parse": ["bomb.docx", "entities.docx", "deep.docx", "deep.html", *HEAVY_FOR["plan"]],
    "evidence": ["bomb.xlsx", "far-cell.xlsx", "entities.xlsx", "deep.xlsx", "bomb.docx"],
}


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    for name, make in HOSTILE.items():
        (folder / name).write_bytes(make())
    return folder


def measure(reader: str, paths) -> dict:
    """Return each file's refusal and seconds, and the child's peak memory growth over all."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, reader, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("reader", READERS)
def test_hostile_files_are_refused_quickly_in_bounded_memory(hostile_dir, reader):
    outcome = measure(reader, [hostile_dir / name for name in READERS[reader]])
    for name, result in outcome["files"].items():
        assert name in result["refusal"], (name, result)
        assert result["seconds"] < MAX_SECONDS, (name, result)
    assert outcome["growth_mb"] < MAX_GROWTH_MB, outcome
