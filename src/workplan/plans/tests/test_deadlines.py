"""Deadline phrases as offices write them, each read into a due date or a recurrence."""

from datetime import date

import pytest

from workplan.plans.deadlines import Recurrence, parse_deadline

YEAR = 2021


@pytest.mark.parametrize(
    ("phrase", "due", "recurrence"),
    [
        ("2021年6月底前", date(2021, 6, 30), Recurrence.NONE),
        ("6月底前", date(2021, 6, 30), Recurrence.NONE),
        ("2月底前", date(2021, 2, 28), Recurrence.NONE),
        ("2022年10月底前编制并公布", date(2022, 10, 31), Recurrence.NONE),
        ("六月底", date(2021, 6, 30), Recurrence.NONE),
        ("十二月", date(2021, 12, 31), Recurrence.NONE),
        ("９月", date(2021, 9, 30), Recurrence.NONE),
        ("6月15日前", date(2021, 6, 15), Recurrence.NONE),
        ("2021-11-30", date(2021, 11, 30), Recurrence.NONE),
        ("5月中旬", date(2021, 5, 20), Recurrence.NONE),
        ("年底前", date(2021, 12, 31), Recurrence.NONE),
        ("年内", date(2021, 12, 31), Recurrence.NONE),
        ("到2025年底前", date(2025, 12, 31), Recurrence.NONE),
        ("上半年", date(2021, 6, 30), Recurrence.NONE),
        ("下半年", date(2021, 12, 31), Recurrence.NONE),
        ("明年3月底", date(2022, 3, 31), Recurrence.NONE),
        ("次年1月", date(2022, 1, 31), Recurrence.NONE),
        ("下一年度内", date(2022, 12, 31), Recurrence.NONE),
        ("今年底", date(2021, 12, 31), Recurrence.NONE),
        ("第三季度", date(2021, 9, 30), Recurrence.NONE),
        ("3-4月", date(2021, 4, 30), Recurrence.NONE),
        ("3—12月", date(2021, 12, 31), Recurrence.NONE),
        ("3月至5月", date(2021, 5, 31), Recurrence.NONE),
        ("全年", date(2021, 12, 31), Recurrence.NONE),
        ("持续推进", None, Recurrence.CONTINUOUS),
        ("长期坚持", None, Recurrence.CONTINUOUS),
        ("每季度", None, Recurrence.QUARTERLY),
        ("每月", None, Recurrence.MONTHLY),
        ("每学期", None, Recurrence.SEMESTER),
    ],
)
def test_phrase_is_read(phrase, due, recurrence):
    deadline = parse_deadline(phrase, YEAR)
    assert (deadline.due_date, deadline.recurrence) == (due, recurrence)
    assert deadline.understood
    assert deadline.text == phrase


def test_month_range_keeps_its_start():
    assert parse_deadline("3-4月", YEAR).starts == date(2021, 3, 1)


@pytest.mark.parametrize(
    "phrase",
    ["开学前", "视情况而定", "13月底", "2月30日", "4-3月", "9999年12月31日", "2100年1月1日"],
)
def test_unreadable_phrase_keeps_its_words_and_is_flagged(phrase):
    deadline = parse_deadline(phrase, YEAR)
    assert deadline.due_date is None
    assert deadline.recurrence == Recurrence.NONE
    assert not deadline.understood
    assert deadline.text == phrase


def test_empty_deadline_is_nothing_to_flag():
    deadline = parse_deadline("  ", YEAR)
    assert deadline.understood and deadline.due_date is None
