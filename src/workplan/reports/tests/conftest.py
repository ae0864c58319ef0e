"""A plan whose June 2024 reports from 教务处 were accepted: what the report tests read."""

import pytest

from workplan.progress.actions import ReportData
from workplan.supervision.tests.factories import make_plan_with_reports


@pytest.fixture
def plan(department, liaison, supervisor):
    data = ReportData("on_track", 60, "完成课程标准修订", "实训经费不足", "推进教材建设")
    return make_plan_with_reports(department, liaison, 6, data, accept_by=supervisor)
