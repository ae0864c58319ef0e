"""Read a 工作要点 document into plain data. Pure Python: nothing here imports Django."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .model import (
    AliasProposal,
    ParsedDepartment,
    ParsedPlan,
    ParsedPoint,
    ParsedTask,
    ParseError,
    Responsibility,
)
from .outline import parse_document
from .readers import Document, read_bytes, read_document

__all__ = [
    "AliasProposal",
    "Document",
    "ParseError",
    "ParsedDepartment",
    "ParsedPlan",
    "ParsedPoint",
    "ParsedTask",
    "Responsibility",
    "parse_bytes",
    "parse_file",
]


def parse_file(path: str | Path, registry: Mapping[str, str] | None = None) -> ParsedPlan:
    """Return the plan in the file at `path`, or raise ParseError naming the file and problem."""
    return _guarded(lambda: parse_document(read_document(path), registry), Path(path).name)


def parse_bytes(data: bytes, name: str, registry: Mapping[str, str] | None = None) -> ParsedPlan:
    """Return the plan in `data`, an uploaded file called `name`."""
    return _guarded(lambda: parse_document(read_bytes(data, name), registry), name)


def _guarded(parse, name: str) -> ParsedPlan:
    try:
        return parse()
    except ParseError:
        raise
    except RecursionError:
        raise ParseError(f"{name}：文档结构嵌套过深，无法读取。") from None
