"""The task table on the web: filters, inline editing, concurrent edits, bulk actions, upload."""

import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from workplan.accounts.tests.factories import make_user
from workplan.audit.models import AuditRecord
from workplan.core.roles import Role
from workplan.org.models import Department
from workplan.plans.models import Plan, Task

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def plan(example_plan):
    """The 2024 example, imported at the start of its year: no period closed at the import."""
    with time_machine.travel("2024-01-02 10:00 +08:00"):
        call_command("import", str(example_plan))
    return Plan.objects.get()


def edit_data(task, **changes):
    data = {
        "text": task.text,
        "leader": "",
        "lead": "教务处",
        "co": "",
        "deadline": "",
        "outcome": "",
        "note": "",
        "version": task.version,
    }
    data.update(changes)
    return data


def test_table_lists_tasks_grouped_with_filters(client, viewer, plan):
    client.force_login(viewer)
    page = client.get(reverse("pages:table", args=[plan.pk]))
    assert page.status_code == 200
    assert page.context["row_count"] == 50
    jwc = Department.objects.get(name="教务处")
    filtered = client.get(reverse("pages:table", args=[plan.pk]), {"department": jwc.pk})
    assert {
        row.task.key_point.number for _, rows in filtered.context["groups"] for row in rows
    } == {4, 6, 9}
    no_due = client.get(reverse("pages:table", args=[plan.pk]), {"missing": "due"})
    assert no_due.context["row_count"] == 50
    assert "hx-get" not in page.content.decode()  # a viewer gets no edit links


def test_supervisor_edits_lead_and_deadline_inline(client, supervisor, plan):
    task = Task.objects.get(key_point__number=1, number=1)
    client.force_login(supervisor)
    form = client.get(reverse("pages:task-row-edit", args=[task.pk]), headers=HX)
    assert (
        form.status_code == 200
        and "<form" in form.content.decode()
        and "<html" not in form.content.decode()
    )
    saved = client.post(
        reverse("pages:task-row-edit", args=[task.pk]),
        edit_data(task, lead="质评办", deadline="6月底前"),
        headers=HX,
    )
    page = saved.content.decode()
    assert saved.status_code == 200 and "质量管理与评估办公室" in page and "2024-06-30" in page
    task.refresh_from_db()
    assert (task.deadline_text, str(task.due_date), task.version) == ("6月底前", "2024-06-30", 2)
    assert [a.department.name for a in task.assignments.all()] == ["质量管理与评估办公室"]
    [record] = AuditRecord.objects.filter(
        object_type="plans.task", object_id=str(task.pk), action="change"
    )
    assert record.actor == supervisor
    assert {c["field"] for c in record.changes} == {"牵头部门", "配合部门", "完成时限"}


def test_unknown_department_in_the_row_form_is_explained(client, supervisor, plan):
    task = Task.objects.first()
    client.force_login(supervisor)
    response = client.post(
        reverse("pages:task-row-edit", args=[task.pk]), edit_data(task, lead="教务部"), headers=HX
    )
    assert "教务部" in response.content.decode()
    task.refresh_from_db()
    assert task.version == 1


def test_second_save_of_a_stale_row_is_refused_and_shows_the_first_change(client, supervisor, plan):
    task = Task.objects.first()
    other = make_user("duban2", [Role.SUPERVISOR])
    first, second = client, client.__class__()
    first.force_login(supervisor)
    second.force_login(other)
    stale = edit_data(task, version=task.version)
    first.post(
        reverse("pages:task-row-edit", args=[task.pk]),
        {**stale, "note": "第一个人的修改"},
        headers=HX,
    )
    response = second.post(
        reverse("pages:task-row-edit", args=[task.pk]),
        {**stale, "note": "第二个人的修改"},
        headers=HX,
    )
    page = response.content.decode()
    assert "第一个人的修改" in page  # the other person's change is shown
    assert "第二个人的修改" in page  # and this person's input is kept
    task.refresh_from_db()
    assert task.note == "第一个人的修改"


def test_viewer_and_liaison_cannot_edit_rows(client, viewer, liaison, plan):
    task = Task.objects.first()
    for user in (viewer, liaison):
        client.force_login(user)
        assert client.get(reverse("pages:task-row-edit", args=[task.pk])).status_code == 403
        assert (
            client.post(
                reverse("pages:task-row-edit", args=[task.pk]), edit_data(task, note="x")
            ).status_code
            == 403
        )
    task.refresh_from_db()
    assert task.note == ""


def test_set_leader_of_a_key_point_and_shift_due_dates(client, supervisor, plan):
    leader = make_user("zhang", [Role.LEADER], full_name="张校长")
    client.force_login(supervisor)
    key_point = plan.key_points.get(number=3)
    client.post(reverse("plans:key-point-leader", args=[key_point.pk]), {"leader": leader.pk})
    page = client.get(reverse("pages:table", args=[plan.pk]), {"leader": leader.pk})
    assert {row.task.key_point.number for _, rows in page.context["groups"] for row in rows} == {3}
    task = key_point.tasks.first()
    client.post(
        reverse("pages:task-row-edit", args=[task.pk]),
        edit_data(task, lead="学生工作处", deadline="5月底前"),
    )
    client.post(
        reverse("plans:table-shift", args=[plan.pk]), {"days": "7", "key_point": key_point.pk}
    )
    task.refresh_from_db()
    assert str(task.due_date) == "2024-06-07"
    assert task.deadline_text == "2024年6月7日前（原：5月底前，已顺延）"  # 顺延 says the new date


def test_upload_shows_the_diff_and_applies_on_confirmation(client, supervisor, plan):
    client.force_login(supervisor)
    exported = client.get(reverse("plans:table-export", args=[plan.pk]))
    assert "attachment" in exported["Content-Disposition"]
    book = load_workbook(io.BytesIO(exported.content))
    book.active.cell(3, 7).value = "9月底前"
    buffer = io.BytesIO()
    book.save(buffer)
    diff = client.post(
        reverse("plans:table-upload", args=[plan.pk]),
        {"sheet": SimpleUploadedFile("t.xlsx", buffer.getvalue())},
    )
    page = diff.content.decode()
    assert diff.status_code == 200 and "9月底前" in page
    assert Task.objects.get(key_point__number=1, number=1).deadline_text == ""
    token = diff.context["token"]
    client.post(reverse("plans:table-apply", args=[plan.pk, token]))
    assert Task.objects.get(key_point__number=1, number=1).deadline_text == "9月底前"
    again = client.post(reverse("plans:table-apply", args=[plan.pk, token]), follow=True)
    assert "已过期" in again.content.decode() or "expired" in again.content.decode()


def test_table_page_and_export_use_a_fixed_number_of_queries(client, viewer, plan, hubei_txt):
    client.force_login(viewer)

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = (
        count(reverse("pages:table", args=[plan.pk])),
        count(reverse("plans:table-export", args=[plan.pk])),
    )
    call_command("import", str(hubei_txt))
    big = Plan.objects.get(year=2021)
    large = (
        count(reverse("pages:table", args=[big.pk])),
        count(reverse("plans:table-export", args=[big.pk])),
    )
    assert small == large


def test_nonsense_in_filters_and_bulk_actions_is_refused_without_an_error_page(
    client, supervisor, plan
):
    client.force_login(supervisor)
    assert (
        client.get(
            reverse("pages:table", args=[plan.pk]),
            {"department": "abc", "leader": "x", "month": "2024-99"},
        ).status_code
        == 200
    )
    # Characters that count as digits but are not numbers (a superscript two) are ignored too.
    for name in ("department", "leader", "point"):
        page = client.get(reverse("pages:table", args=[plan.pk]), {name: "²"})
        assert page.status_code == 200
        assert page.context["row_count"] == 50
    for days in ("-1000000", "99999999999", "abc", "0"):
        page = client.post(
            reverse("plans:table-shift", args=[plan.pk]), {"days": days}, follow=True
        )
        assert page.status_code == 200
        assert "366" in page.content.decode()


def test_filters_from_the_dashboard_show_in_the_form_and_survive_another_filter(
    client, viewer, plan
):
    from datetime import date

    import time_machine

    from workplan.progress.actions import do_set_up_schedule
    from workplan.supervision.lights import do_recompute_lights
    from workplan.supervision.models import TaskLight

    do_set_up_schedule(plan)
    do_recompute_lights(plan, date(2024, 12, 28))
    yellow = TaskLight.objects.filter(light="yellow", task__key_point__number=3).count()
    assert yellow
    client.force_login(viewer)
    url = reverse("pages:table", args=[plan.pk])
    with time_machine.travel("2024-12-28 10:00 +08:00"):
        page = client.get(url, {"light": "yellow", "point": "3"}).content.decode()
        response = client.get(url, {"light": "yellow", "point": "3", "leader": ""})
    assert '<option value="yellow" selected>' in page and '<option value="3" selected>' in page
    assert "全部任务" in page  # the export says it holds every task, not the filtered ones
    # choosing one more filter submits the form, which still carries the light and key point
    rows = [r for _, rows in response.context["groups"] for r in rows]
    assert len(rows) == yellow
    assert all(r.task.key_point.number == 3 and r.light.light == "yellow" for r in rows)


def test_bad_key_point_leader_or_far_dates_are_refused_with_a_message(
    client, supervisor, leader, plan
):
    from workplan.plans.models import KeyPoint

    client.force_login(supervisor)
    point = KeyPoint.objects.get(plan=plan, number=1)
    point.leader = leader
    point.save()
    for nonsense in ("abc", "²", "99999"):
        page = client.post(
            reverse("plans:key-point-leader", args=[point.pk]), {"leader": nonsense}, follow=True
        )
        assert [m.level_tag for m in page.context["messages"]] == ["error"]
        point.refresh_from_db()
        assert point.leader == leader  # not quietly cleared
    for nonsense in ("abc", "²", "99999"):
        page = client.post(
            reverse("plans:table-shift", args=[plan.pk]),
            {"days": "7", "key_point": nonsense},
            follow=True,
        )
        assert [m.level_tag for m in page.context["messages"]] == ["error"]
    task = Task.objects.get(key_point__number=1, number=1)
    Task.objects.filter(pk=task.pk).update(due_date="9999-12-30")
    other = Task.objects.filter(key_point__plan=plan, due_date__isnull=False).exclude(pk=task.pk)
    before = dict(other.values_list("pk", "due_date"))
    page = client.post(reverse("plans:table-shift", args=[plan.pk]), {"days": "7"}, follow=True)
    assert [m.level_tag for m in page.context["messages"]] == ["error"]
    assert "9999-12-30" in page.content.decode()
    assert dict(other.values_list("pk", "due_date")) == before  # nothing moved


def test_a_collective_term_too_long_to_store_is_a_field_error(client, supervisor, plan):
    task = Task.objects.get(key_point__number=1, number=1)
    client.force_login(supervisor)
    long_term = "各" + "二级学院" * 40
    page = client.post(
        reverse("pages:task-row-edit", args=[task.pk]),
        edit_data(task, co=long_term),
        headers=HX,
    )
    assert page.status_code in (200, 409) and "161" in page.content.decode()
    task.refresh_from_db()
    assert task.version == 1 and not task.assignments.filter(group__name=long_term).exists()
