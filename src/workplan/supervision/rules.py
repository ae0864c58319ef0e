"""Traffic lights by rule, never typed in. Pure: plain data in, a verdict out.

Precedence: red (overdue, or yellow for two periods running) › yellow (behind the
time-linear expected progress 序时进度 by more than the threshold, or the period's report
missing at its deadline) › blue (临期: the deadline is near) › green (on track, or done).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Light(StrEnum):
    GREEN = "green"
    BLUE = "blue"
    YELLOW = "yellow"
    RED = "red"


class Reason(StrEnum):
    DONE = "done"
    ON_TRACK = "on_track"
    NEAR = "near"
    BEHIND = "behind"
    MISSING = "missing"
    OVERDUE = "overdue"
    YELLOW_TWICE = "yellow_twice"


@dataclass(frozen=True)
class LightRules:
    """The office's thresholds: points behind 序时进度 for yellow, days before the deadline for blue."""

    lag_points: int = 20
    near_days: int = 15


@dataclass(frozen=True)
class TaskState:
    """What is known of a task on `today`."""

    today: date
    starts_on: date
    due_on: date | None
    percent: int | None = None
    done: bool = False
    report_missing: bool = False
    yellow_last_period: bool = False


@dataclass(frozen=True)
class Verdict:
    light: Light
    reason: Reason
    expected: int | None = None
    details: dict = field(default_factory=dict)


def expected_percent(state: TaskState) -> int | None:
    """Return the time-linear expected progress (序时进度) in percent, or None without a deadline."""
    if state.due_on is None or state.due_on <= state.starts_on:
        return None
    elapsed = (state.today - state.starts_on).days
    total = (state.due_on - state.starts_on).days
    return max(0, min(100, round(100 * elapsed / total)))


def light_for(state: TaskState, rules: LightRules) -> Verdict:
    """Return the task's light and why."""
    expected = expected_percent(state)
    if state.done:
        return Verdict(Light.GREEN, Reason.DONE, expected)
    if state.due_on is not None and state.today > state.due_on:
        return Verdict(Light.RED, Reason.OVERDUE, expected)
    behind = expected is not None and expected - (state.percent or 0) > rules.lag_points
    if behind or state.report_missing:
        if state.yellow_last_period:
            return Verdict(Light.RED, Reason.YELLOW_TWICE, expected)
        return Verdict(
            Light.YELLOW, Reason.MISSING if state.report_missing else Reason.BEHIND, expected
        )
    if state.due_on is not None and (state.due_on - state.today).days <= rules.near_days:
        return Verdict(Light.BLUE, Reason.NEAR, expected)
    return Verdict(Light.GREEN, Reason.ON_TRACK, expected)


def department_light(task_light: Light, own_report_missing: bool) -> tuple[Light, Reason | None]:
    """Return the light one department sees on a task, and why when it differs from the task's:
    the task's own light, but no better than yellow while that department's own report for the
    last closed period is missing — a co department that did not report is not green because
    the lead department did."""
    if own_report_missing and task_light in (Light.GREEN, Light.BLUE):
        return Light.YELLOW, Reason.MISSING
    return task_light, None
