"""顺延 moves a task's 完成时限 words with its due date: the new date first, the words first
written kept in a note through later moves, and the words read back as the new date."""

import datetime

import pytest

from workplan.plans.actions import set_deadline
from workplan.plans.deadlines import moved_deadline_text, original_deadline_text, parse_deadline
from workplan.plans.models import KeyPoint, Plan, Task
from workplan.plans.table_actions import do_shift_due_dates

D = datetime.date


@pytest.mark.parametrize(
    ("text", "old", "new", "moved"),
    [
        ("6月底前", D(2021, 6, 30), D(2021, 9, 30), "2021年9月30日前（原：6月底前，已顺延）"),
        ("2021年9月30日前（原：6月底前，已顺延）", D(2021, 9, 30), D(2021, 10, 31),
         "2021年10月31日前（原：6月底前，已顺延）"),
        ("", None, D(2021, 7, 7), "2021年7月7日前（已顺延）"),
        ("年底前", D(2021, 12, 31), D(2021, 12, 1), "2021年12月1日前（原：年底前，已调整）"),
    ],
)  # fmt: skip
def test_moved_words_say_the_new_date_and_keep_the_first(text, old, new, moved):
    assert moved_deadline_text(text, old, new) == moved
    assert parse_deadline(moved, 2021).due_date == new
    assert parse_deadline(moved, 2021).text == moved


def test_a_quarterly_deadline_moved_is_read_by_its_new_date():
    moved = moved_deadline_text("每季度", None, D(2021, 9, 30))
    assert original_deadline_text(moved) == "每季度"
    reading = parse_deadline(moved, 2021)
    assert (reading.due_date, str(reading.recurrence)) == (D(2021, 9, 30), "")


def test_very_long_words_still_fit_the_field():
    assert len(moved_deadline_text("很" * 200, None, D(2021, 9, 30))) <= 200


@pytest.mark.django_db
def test_supervisor_shifting_due_dates_moves_the_words(supervisor):
    plan = Plan.objects.create(organization="江城学院", title="2021年工作要点", year=2021)
    key_point = KeyPoint.objects.create(plan=plan, number=1, title="加强党的建设")
    task = Task(key_point=key_point, number=1, text="制定方案。")
    set_deadline(task, "6月底前", 2021)
    task.save()
    do_shift_due_dates(plan, 7, by=supervisor)
    task.refresh_from_db()
    assert (task.due_date, task.deadline_text) == (
        D(2021, 7, 7),
        "2021年7月7日前（原：6月底前，已顺延）",
    )
