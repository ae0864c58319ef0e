"""Helpers for the pages tests: a task given the record of work that deleting it would destroy
(reports with evidence, notices, instructions), which plans learns of through its hooks."""

import datetime

import pytest

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def record_work(supervisor, leader):
    """Return a function that files reports (with evidence), notices and instructions on a task,
    through the same actions the pages use."""
    from workplan.accounts.models import Role, User
    from workplan.conftest import make_user
    from workplan.org.models import Department
    from workplan.progress.actions import do_attach_evidence, do_set_up_schedule, do_start_report
    from workplan.supervision.actions import do_give_instruction, do_issue_notice

    def record(task, *, reports=1, evidence=0, notices=0, instructions=0):
        plan = task.key_point.plan
        do_set_up_schedule(plan)
        department = Department.objects.get(name="党办校办")
        liaison = User.objects.filter(username="plan-liaison").first() or make_user(
            "plan-liaison", [Role.LIAISON], [department]
        )
        periods = list(plan.periods.order_by("opens_on")[:reports])
        made = [do_start_report(task, department, p, "lead", by=liaison) for p in periods]
        for index in range(evidence):
            do_attach_evidence(made[0], f"纪要{index}.pdf", PDF, by=liaison)
        for _ in range(notices):
            do_issue_notice(
                task, department, "请报送进展。", datetime.date(2021, 6, 30), by=supervisor
            )
        for _ in range(instructions):
            do_give_instruction(task, "抓紧落实。", by=leader)
        return made

    return record
