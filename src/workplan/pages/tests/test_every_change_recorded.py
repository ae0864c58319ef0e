"""Each change leaves exactly one audit record naming its actor and address."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from workplan.audit.models import AuditRecord
from workplan.org.models import Department, DepartmentGroup
from workplan.plans.models import Assignment, KeyPoint, Plan, Task
from workplan.progress.models import ReportingPeriod, Schedule

pytestmark = pytest.mark.django_db


def new_records(before: int):
    return AuditRecord.objects.order_by("id")[before:]


def test_plan_import_records_every_row_it_creates_with_the_importer(
    client, supervisor, example_plan
):
    client.force_login(supervisor)
    before = AuditRecord.objects.count()
    preview = client.post(
        reverse("plans:plan-upload"),
        {"document": SimpleUploadedFile("plan.md", example_plan.read_bytes())},
        REMOTE_ADDR="10.1.2.3",
    )
    assert AuditRecord.objects.count() == before  # a preview changes nothing
    client.post(preview["Location"], REMOTE_ADDR="10.1.2.3")
    records = list(new_records(before))
    rows = (
        Plan.objects.count()
        + KeyPoint.objects.count()
        + Task.objects.count()
        + Assignment.objects.count()
        + Department.objects.count()
        + DepartmentGroup.objects.count()
        + 1  # the alias 质评办
        + Schedule.objects.count()  # the reporting the import sets up with the plan
        + ReportingPeriod.objects.count()
    )
    assert len(records) == rows
    assert {(r.actor_id, r.ip_address, r.action) for r in records} == {
        (supervisor.pk, "10.1.2.3", "create")
    }
    task = Task.objects.first()
    assert AuditRecord.objects.filter(object_type="plans.task", object_id=str(task.pk)).count() == 1


def test_same_document_again_records_nothing(client, supervisor, example_plan):
    from django.core.management import call_command

    call_command("import", str(example_plan))
    before = AuditRecord.objects.count()
    call_command("import", str(example_plan))
    assert AuditRecord.objects.count() == before


def test_command_line_import_is_recorded_as_the_command_line(example_plan):
    from django.core.management import call_command

    call_command("import", str(example_plan))
    plan_record = AuditRecord.objects.get(object_type="plans.plan")
    assert plan_record.actor is None
    assert plan_record.actor_name in {"命令行", "command line"}


@pytest.mark.parametrize(
    ("who", "url_name", "data"),
    [
        ("liaison", "org:department-contact", {"phone": "1", "address": "A"}),
        ("supervisor", "org:group-edit", {"members": "department"}),
    ],
)
def test_registry_changes_leave_one_record(client, request, department, who, url_name, data):
    actor = request.getfixturevalue(who)
    group = DepartmentGroup.objects.create(name="各学院")
    target = group if url_name == "org:group-edit" else department
    data = {k: (department.pk if v == "department" else v) for k, v in data.items()}
    client.force_login(actor)
    before = AuditRecord.objects.count()
    client.post(reverse(url_name, args=[target.pk]), data, REMOTE_ADDR="10.0.0.7")
    [record] = new_records(before)
    assert (record.actor, record.ip_address, record.action) == (actor, "10.0.0.7", "change")
    client.post(reverse(url_name, args=[target.pk]), data)
    assert AuditRecord.objects.count() == before + 1  # saving the same values again is no change
