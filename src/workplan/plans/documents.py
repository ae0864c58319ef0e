"""What the plan-document upload and `workplan import` share: the files they take (a 工作要点 or
a task-split table, .xlsx included) and the facts an office adds where the document states none.

A task table this system exported is not a plan document: it edits an existing plan through
the task table's own import (plans.table_import), and both uploads say so when given the other's
file (`is_task_table_export`).
"""

from __future__ import annotations

from pathlib import Path

from workplan.parsing import ParsedPlan
from workplan.parsing.header import NO_ORGANIZATION, NO_TITLE, NO_YEAR
from workplan.parsing.readers import DOCX_SUFFIXES, HTML_SUFFIXES, TEXT_SUFFIXES

WORKBOOK_SUFFIXES = frozenset({".xlsx"})
DOCUMENT_SUFFIXES = frozenset(DOCX_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | WORKBOOK_SUFFIXES)
FIRST_YEAR, LAST_YEAR = 2000, 2100


def is_workbook(name: str) -> bool:
    return Path(name).suffix.lower() in WORKBOOK_SUFFIXES


def complete_plan(
    parsed: ParsedPlan, *, year: int | None = None, title: str = "", organization: str = ""
) -> ParsedPlan:
    """Return `parsed` given the year, title and organization the office typed, each only
    where the document states none: what the document says wins."""
    settled = []
    if parsed.year is None and year:
        parsed.year = year
        settled.append(NO_YEAR)
    if not parsed.title.strip() and title.strip():
        parsed.title = title.strip()
        settled.append(NO_TITLE)
    if not parsed.organization.strip() and organization.strip():
        parsed.organization = organization.strip()
        settled.append(NO_ORGANIZATION)
    # What the office supplied is no longer missing: its warnings go.
    parsed.warnings = [w for w in parsed.warnings if w not in settled]
    return parsed
