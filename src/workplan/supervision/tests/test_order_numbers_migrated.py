"""督办通知 issued before numbering get their numbers from the migration, in the order they
were issued in each year; reminders and chases stay unnumbered, and new ones follow on."""

import importlib
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps

from workplan.supervision.actions import do_issue_notice
from workplan.supervision.models import Notice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]

MIGRATION = importlib.import_module(
    "workplan.supervision.migrations.0007_notice_numbers_signing_files"
)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def old_notice(plan, department, kind, when):
    notice = Notice.objects.create(kind=kind, plan=plan, department=department, requirement="x")
    Notice.objects.filter(pk=notice.pk).update(created_at=when)
    return notice


def test_old_notices_are_numbered_by_year_in_issue_order(plan, task, department, supervisor):
    late_2023 = old_notice(
        plan, department, "notice", datetime(2023, 12, 31, 23, 30, tzinfo=SHANGHAI)
    )
    second = old_notice(plan, department, "notice", datetime(2024, 3, 2, tzinfo=SHANGHAI))
    first = old_notice(plan, department, "notice", datetime(2024, 1, 5, tzinfo=SHANGHAI))
    chase = old_notice(plan, department, "chase", datetime(2024, 2, 1, tzinfo=SHANGHAI))
    MIGRATION.number_existing_notices(apps, None)
    numbered = {n.pk: n.number_text for n in Notice.objects.all()}
    assert numbered[late_2023.pk] == "督字〔2023〕第1号"  # in Beijing time, still 2023
    assert (numbered[first.pk], numbered[second.pk]) == ("督字〔2024〕第1号", "督字〔2024〕第2号")
    assert numbered[chase.pk] == ""
    new = do_issue_notice(task, department, "新发。", None, by=supervisor)
    assert new.number_text == "督字〔2024〕第3号"
