"""Fixtures shared by every app's tests."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
EXAMPLE_PLAN = Path(__file__).resolve().parent / "examples" / "jiangcheng-2024.md"
HUBEI = "hubei-open-university-2021"


def corpus_dir() -> Path:
    return Path(os.environ.get("WORKPLAN_CORPUS", REPOSITORY.parent / "shared" / "corpus"))


@pytest.fixture
def corpus() -> Path:
    """The real documents in ../shared/corpus; tests skip without them, CI insists on them."""
    path = corpus_dir()
    if not (path / f"{HUBEI}.txt").is_file():
        if os.environ.get("WORKPLAN_REQUIRE_CORPUS") == "1":
            pytest.fail(f"the corpus is required but {path} has no {HUBEI}.txt")
        pytest.skip(f"corpus not found at {path}")
    return path


@pytest.fixture
def hubei_txt(corpus) -> Path:
    return corpus / f"{HUBEI}.txt"


@pytest.fixture
def hubei_expected(corpus) -> dict:
    return json.loads((corpus / f"{HUBEI}.expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def example_plan() -> Path:
    return EXAMPLE_PLAN


@pytest.fixture
def viewer(django_user_model):
    """A signed-in user with no special rights."""
    return django_user_model.objects.create_user("viewer", password="pw-viewer-1")


@pytest.fixture
def supervisor(django_user_model):
    """A user of the supervision office, who may import plans."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("supervisor", password="pw-super-1")
    user.user_permissions.add(Permission.objects.get(codename="add_plan"))
    return user
