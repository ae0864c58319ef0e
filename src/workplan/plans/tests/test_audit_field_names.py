"""The audit rows of a key point's new leader and of shifted due dates name the field, not its
label in the language of whoever made the change: the trail reads in each reader's language."""

import datetime

import pytest
from django.utils import translation

from workplan.audit.models import AuditRecord
from workplan.plans.models import KeyPoint, Plan, Task
from workplan.plans.table_actions import do_set_key_point_leader, do_shift_due_dates

pytestmark = pytest.mark.django_db


@pytest.fixture
def key_point():
    plan = Plan.objects.create(organization="江城学院", title="2024年工作要点", year=2024)
    key_point = KeyPoint.objects.create(plan=plan, number=1, title="加强党的建设")
    Task.objects.create(
        key_point=key_point, number=1, text="制定方案。", due_date=datetime.date(2024, 6, 30)
    )
    return key_point


def only_change(object_type):
    [record] = AuditRecord.objects.filter(object_type=object_type, action="change")
    return record


def test_supervisor_setting_a_leader_records_the_field_name(key_point, supervisor, leader):
    with translation.override("zh-hans"):
        do_set_key_point_leader(key_point, leader, by=supervisor)
    record = only_change("plans.keypoint")
    assert [c["field"] for c in record.changes] == ["leader"]
    with translation.override("en"):
        assert record.labelled_changes[0]["label"] == "leader in charge"


def test_supervisor_shifting_due_dates_records_the_field_name(key_point, supervisor):
    with translation.override("zh-hans"):
        do_shift_due_dates(key_point.plan, 7, by=supervisor)
    record = only_change("plans.task")
    assert record.changes == [
        {"field": "due_date", "before": "2024-06-30", "after": "2024-07-07"},
        {"field": "deadline_text", "before": "", "after": "2024年7月7日前（已顺延）"},
    ]
    with translation.override("en"):
        assert record.labelled_changes[0]["label"] == "due date"
