"""The office corrects the departments of a key point or task in the import preview before
saving; the saved plan has what was corrected, and a bad correction answers with a message."""

import pytest
from django.test import Client
from django.urls import reverse

from workplan.accounts.tests.factories import make_user
from workplan.core.roles import Role
from workplan.org.models import Department
from workplan.plans.models import Assignment, ImportPreview, Plan, Task
from workplan.plans.preview_actions import preview_plan
from workplan.plans.tests.previews import make_parsed_plan, stage_plan_preview

pytestmark = pytest.mark.django_db


def correct(client, preview, *, point, task=None, version=0, **names):
    data = {"point": point, "version": version, **names}
    if task is not None:
        data["task"] = task
    url = reverse("plans:import-preview-responsibility", args=[preview.token])
    return client.post(url, data)


def save(client, preview, **data):
    return client.post(reverse("plans:import-preview", args=[preview.token]), data)


def roles(task: Task) -> list[tuple[str, str]]:
    return [(a.role, str(a.department or a.group)) for a in task.assignments.order_by("position")]


def test_supervisor_corrects_a_tasks_lead_and_the_saved_plan_has_it(client, supervisor):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    response = correct(client, preview, point=0, task=1, lead="组织部", co="宣传部、党委办公室")
    assert response.status_code == 302
    assert response["Location"].endswith("#p0-t1")
    page = client.get(response["Location"]).content.decode()
    assert "已修改 1.2 的责任部门。" in page
    assert "没有写明牵头部门" not in page  # the office has checked the item
    assert "1 项需要核对" in page

    save(client, preview)
    task = Task.objects.get(key_point__number=1, number=2)
    assert roles(task) == [
        (Assignment.Role.LEAD, "组织部"),
        (Assignment.Role.CO, "宣传部"),
        (Assignment.Role.CO, "党委办公室"),
    ]


def test_supervisor_corrects_a_run_together_key_point_lead_into_two_departments(client, supervisor):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    correct(client, preview, point=1, lead="教务处", co="科研处", groups="各二级学院、各系部")
    save(client, preview)
    plan = Plan.objects.get()
    key_point = plan.key_points.get(number=2)
    names = [(a.role, str(a.department or a.group)) for a in key_point.assignments.all()]
    assert names == [
        (Assignment.Role.LEAD, "教务处"),
        (Assignment.Role.CO, "科研处"),
        (Assignment.Role.CO, "各二级学院"),
        (Assignment.Role.CO, "各系部"),
    ]
    from_registry = set(plan.key_points.values_list("assignments__department__name", flat=True))
    assert "教务处科研处" not in from_registry


def test_a_task_cleared_of_departments_takes_its_key_points_again(client, supervisor):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    correct(client, preview, point=0, task=1, lead=" ", co="", groups="")
    parsed = preview_plan(ImportPreview.objects.get())
    assert parsed.points[0].tasks[1].responsibility is None
    assert "宣传部" not in [d.name for d in parsed.departments]  # no longer named anywhere


@pytest.mark.parametrize(
    ("names", "message"),
    [
        ({"lead": "", "co": "宣传部"}, "1.2：填写了配合部门，但没有牵头部门"),
        (
            {"lead": "宣" * 300},
            "1.2：部门名称“宣宣宣宣宣宣宣宣宣宣宣宣宣宣宣宣宣宣宣宣…”共 300 个字",
        ),
        (
            {"lead": "宣传部", "groups": "各" * 120},
            "1.2：泛指名称“各各各各各各各各各各各各各各各各各各各各…”共 120 个字",
        ),
        ({"lead": "宣" * 2001}, "牵头部门：最多 2000 个字（现有 2001 个字）。"),
        (
            {"lead": "宣传部", "co": "各二级学院"},
            "1.2：“各二级学院”是泛指，不是一个部门，请填在“泛指”一栏。",
        ),
        ({"lead": "宣传部\x00"}, "牵头部门：不允许"),
        ({"lead": "=HYPERLINK(1)"}, "1.2：“=HYPERLINK(1)”不是部门名称"),
        ({"lead": "宣传部", "co": "<img"}, "1.2：“&lt;img”不是部门名称"),
    ],
)
def test_a_bad_correction_answers_with_a_message_and_keeps_what_was_typed(
    client, supervisor, names, message
):
    preview = stage_plan_preview(supervisor)
    before = ImportPreview.objects.get().payload
    client.force_login(supervisor)
    response = correct(client, preview, point=0, task=1, **names)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "<h1>修改 1.2</h1>" in page  # the item's own form, not the whole preview again
    assert f'value="{names["lead"]}"' in page
    assert ImportPreview.objects.get().payload == before


def item_url(preview, query: str) -> str:
    return reverse("plans:import-preview-item", args=[preview.token]) + query


def test_supervisor_opens_an_items_form_in_place_or_on_its_own_page(client, supervisor):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    preview_page = client.get(reverse("plans:import-preview", args=[preview.token]))
    assert item_url(preview, "?point=0&amp;task=1") in preview_page.content.decode()
    fragment = client.get(item_url(preview, "?point=0&task=1"), headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode()
    assert 'name="co" value="宣传部"' in fragment.content.decode()
    page = client.get(item_url(preview, "?point=1")).content.decode()
    assert "<h1>修改 2</h1>" in page and 'name="lead" value="教务处科研处"' in page
    assert "改为上一要点的任务" in page and "并入上一项任务" not in page


def test_an_items_form_for_an_item_not_there_says_so(client, supervisor):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    for query in ("?point=0&task=9", "?point=x", ""):
        response = client.get(item_url(preview, query), follow=True)
        assert "预览中已没有这一项" in response.content.decode()


def test_a_correction_to_an_item_no_longer_there_answers_with_a_message(client, supervisor):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    for lead in ("宣传部", "宣" * 2001):
        response = correct(client, preview, point=0, task=9, lead=lead)
        assert "预览中已没有这一项" in client.get(response["Location"]).content.decode()
    for data in ({"point": "x", "version": 0}, {"point": 0}, {}):
        url = reverse("plans:import-preview-responsibility", args=[preview.token])
        response = client.post(url, data, follow=True)
        assert "页面提交的修改不完整" in response.content.decode()


def test_a_correction_from_a_page_shown_before_another_change_is_refused(client, supervisor):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    correct(client, preview, point=0, task=1, lead="组织部")
    response = correct(client, preview, point=0, task=1, lead="宣传部", version=0)
    assert "已在别处" in client.get(response["Location"]).content.decode()
    assert preview_plan(ImportPreview.objects.get()).points[0].tasks[1].responsibility.lead == [
        "组织部"
    ]
    response = save(client, preview, version=0)
    assert "本次未保存" in client.get(response["Location"]).content.decode()
    assert not Plan.objects.exists()


def test_another_supervisor_cannot_correct_someone_elses_preview(client, supervisor):
    preview = stage_plan_preview(supervisor)
    colleague = make_user("colleague", [Role.SUPERVISOR])
    client.force_login(colleague)
    assert correct(client, preview, point=0, task=1, lead="组织部").status_code == 404
    assert client.get(item_url(preview, "?point=0")).status_code == 404
    url = reverse("plans:import-preview-structure", args=[preview.token])
    assert client.post(url, {"point": 1, "version": 0, "operation": "to_task"}).status_code == 404
    assert preview_plan(ImportPreview.objects.get()).points[0].tasks[1].responsibility.lead == []


def test_a_department_user_is_forbidden_and_get_is_not_allowed(client, supervisor, liaison):
    preview = stage_plan_preview(supervisor)
    client.force_login(liaison)
    assert correct(client, preview, point=0, task=1, lead="组织部").status_code == 403
    client.force_login(supervisor)
    url = reverse("plans:import-preview-responsibility", args=[preview.token])
    assert client.get(url).status_code == 405


def test_a_correction_to_an_expired_preview_says_so(client, supervisor):
    preview = stage_plan_preview(supervisor)
    ImportPreview.objects.all().delete()
    client.force_login(supervisor)
    response = correct(client, preview, point=0, task=1, lead="组织部")
    assert "已过期" in client.get(response["Location"]).content.decode()


def test_a_correction_without_the_pages_csrf_token_is_refused(supervisor):
    preview = stage_plan_preview(supervisor)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(supervisor)
    assert correct(browser, preview, point=0, task=1, lead="组织部").status_code == 403
    assert preview_plan(ImportPreview.objects.get()).points[0].tasks[1].responsibility.lead == []


def test_supervisor_names_a_tasks_leader_in_charge_and_the_saved_task_has_that_leader(
    client, supervisor
):
    leader = make_user("vice-president", [Role.LEADER], full_name="林晓峰")
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    form = client.get(item_url(preview, "?point=0&task=1")).content.decode()
    assert 'name="leaders"' in form
    response = correct(client, preview, point=0, task=1, lead="组织部", leaders="林晓峰")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "林晓峰" in page

    save(client, preview, version=1)
    task = Task.objects.get(key_point__number=1, number=2)
    assert task.leaders == ["林晓峰"]
    assert task.leader == leader


def test_a_correction_without_the_leaders_field_keeps_the_leaders_the_document_named(
    client, supervisor
):
    parsed = make_parsed_plan()
    parsed.points[0].tasks[1].responsibility.leaders = ["周敏"]
    preview = stage_plan_preview(supervisor, parsed)
    client.force_login(supervisor)
    correct(client, preview, point=0, task=1, lead="组织部")  # a form drawn without the field
    task = preview_plan(ImportPreview.objects.get()).points[0].tasks[1]
    assert task.responsibility.leaders == ["周敏"]
    correct(client, preview, point=0, task=1, version=1, lead="组织部", leaders="")
    task = preview_plan(ImportPreview.objects.get()).points[0].tasks[1]
    assert task.responsibility.leaders == []


def test_a_persons_name_typed_as_the_lead_department_is_refused_unless_the_registry_has_it(
    client, supervisor
):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    response = correct(client, preview, point=0, task=1, lead="王建国")
    assert response.status_code == 400
    assert "“王建国”像是人名，不是部门名称" in response.content.decode()
    assert preview_plan(ImportPreview.objects.get()).points[0].tasks[1].responsibility.lead == []

    Department.objects.create(name="王建国")  # an office really named so: the registry decides
    assert correct(client, preview, point=0, task=1, lead="王建国").status_code == 302
    task = preview_plan(ImportPreview.objects.get()).points[0].tasks[1]
    assert task.responsibility.lead == ["王建国"]


def test_a_name_cut_by_a_space_or_a_department_typed_as_a_leader_is_refused(client, supervisor):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    response = correct(client, preview, point=0, task=1, lead="张 三")
    assert response.status_code == 400
    assert "“张”太短" in response.content.decode()
    response = correct(client, preview, point=0, task=1, lead="组织部", leaders="教务处")
    assert response.status_code == 400
    assert "“教务处”像是部门" in response.content.decode()
    assert preview_plan(ImportPreview.objects.get()).points[0].tasks[1].responsibility.lead == []


def test_an_item_left_with_nobody_keeps_its_reason_to_check(client, supervisor):
    parsed = make_parsed_plan()
    parsed.points[1].responsibility = None  # 深化教学改革 names nobody for its tasks
    preview = stage_plan_preview(supervisor, parsed)
    client.force_login(supervisor)
    correct(client, preview, point=1, task=0, lead="", co="", groups="")
    task = preview_plan(ImportPreview.objects.get()).points[1].tasks[0]
    assert task.warnings == ["没有标注责任单位。"]
