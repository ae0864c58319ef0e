"""Each light rule on hand-made timelines, with the boundaries."""

from datetime import date

import pytest

from workplan.supervision.rules import (
    Light,
    LightRules,
    Reason,
    TaskState,
    expected_percent,
    light_for,
)

RULES = LightRules(lag_points=20, near_days=15)
JAN1 = date(2021, 1, 1)
JUN30 = date(2021, 6, 30)


def state(today, **kw):
    return TaskState(
        today=today, starts_on=kw.pop("starts_on", JAN1), due_on=kw.pop("due_on", JUN30), **kw
    )


# today, facts → light, reason
TABLE = [
    (
        "done beats everything",
        state(date(2021, 7, 5), done=True, percent=100),
        Light.GREEN,
        Reason.DONE,
    ),
    ("on track", state(date(2021, 3, 31), percent=50), Light.GREEN, Reason.ON_TRACK),
    (
        "behind by exactly the threshold is not yellow",
        state(date(2021, 4, 1), percent=30),
        Light.GREEN,
        Reason.ON_TRACK,
    ),
    (
        "behind by one more point is yellow",
        state(date(2021, 4, 1), percent=29),
        Light.YELLOW,
        Reason.BEHIND,
    ),
    (
        "report missing at the deadline",
        state(date(2021, 2, 26), percent=90, report_missing=True),
        Light.YELLOW,
        Reason.MISSING,
    ),
    (
        "yellow again after a yellow period turns red",
        state(date(2021, 4, 1), percent=10, yellow_last_period=True),
        Light.RED,
        Reason.YELLOW_TWICE,
    ),
    (
        "green after a yellow period stays green",
        state(date(2021, 3, 1), percent=40, yellow_last_period=True),
        Light.GREEN,
        Reason.ON_TRACK,
    ),
    ("due day itself is not overdue", state(JUN30, percent=100), Light.BLUE, Reason.NEAR),
    (
        "the day after the deadline is red",
        state(date(2021, 7, 1), percent=95),
        Light.RED,
        Reason.OVERDUE,
    ),
    (
        "15 days before the deadline is blue",
        state(date(2021, 6, 15), percent=90),
        Light.BLUE,
        Reason.NEAR,
    ),
    (
        "16 days before the deadline is green",
        state(date(2021, 6, 14), percent=90),
        Light.GREEN,
        Reason.ON_TRACK,
    ),
    (
        "near but behind is yellow, not blue",
        state(date(2021, 6, 20), percent=50),
        Light.YELLOW,
        Reason.BEHIND,
    ),
    (
        "ongoing task: only a missing report counts",
        state(date(2021, 9, 1), due_on=None, percent=0),
        Light.GREEN,
        Reason.ON_TRACK,
    ),
    (
        "ongoing task with a missing report",
        state(date(2021, 9, 1), due_on=None, report_missing=True),
        Light.YELLOW,
        Reason.MISSING,
    ),
    (
        "no report yet counts as 0 %",
        state(date(2021, 3, 1), percent=None),
        Light.YELLOW,
        Reason.BEHIND,
    ),
]


@pytest.mark.parametrize(("name", "task", "light", "reason"), TABLE, ids=[row[0] for row in TABLE])
def test_light_rule(name, task, light, reason):
    verdict = light_for(task, RULES)
    assert (verdict.light, verdict.reason) == (light, reason)


def test_expected_progress_is_linear_in_time():
    assert expected_percent(state(JAN1)) == 0
    assert expected_percent(state(date(2021, 4, 1))) == 50
    assert expected_percent(state(JUN30)) == 100
    assert expected_percent(state(date(2021, 8, 1))) == 100
    assert expected_percent(state(date(2021, 4, 1), due_on=None)) is None


def test_a_stricter_rule_changes_the_light():
    task = state(date(2021, 4, 1), percent=40)
    assert light_for(task, RULES).light == Light.GREEN
    assert light_for(task, LightRules(lag_points=5)).light == Light.YELLOW
