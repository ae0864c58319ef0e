"""The supervision office keeps the registry: confirms departments (one or several at once), sets
their kind, renames them from a date, adds and removes 简称 and fills 泛指 groups. Read-only
roles are refused; each change is one audit record; a refusal says why in Chinese."""

import datetime

import pytest
from django.urls import reverse

from workplan.audit.models import AuditRecord
from workplan.org.actions import do_rename_department
from workplan.org.models import Department, DepartmentAlias
from workplan.org.tests.factories import make_department, make_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_ones(db):
    return [make_department(name=n, needs_review=True) for n in ("新设中心", "某某办", "另一处")]


def test_office_confirms_one_department(client, supervisor, new_ones):
    client.force_login(supervisor)
    response = client.post(reverse("org:department-confirm", args=[new_ones[0].pk]), follow=True)
    assert "新设中心已确认。" in response.content.decode()
    new_ones[0].refresh_from_db()
    assert not new_ones[0].needs_review
    record = AuditRecord.objects.get(object_type="org.department", action="change")
    assert record.changes == [{"field": "needs_review", "before": True, "after": False}]


def test_office_confirms_several_from_the_registry_page(client, supervisor, new_ones):
    client.force_login(supervisor)
    page = client.get(reverse("org:department-list")).content.decode()
    assert f'name="departments" value="{new_ones[0].pk}"' in page
    response = client.post(
        reverse("org:departments-confirm"),
        {"departments": [new_ones[0].pk, new_ones[1].pk]},
        follow=True,
    )
    assert "已确认 2 个部门。" in response.content.decode()
    assert list(Department.objects.filter(needs_review=True).values_list("name", flat=True)) == [
        "另一处"
    ]
    assert AuditRecord.objects.filter(object_type="org.department", action="change").count() == 2


def test_confirming_nothing_ticked_says_so(client, supervisor, new_ones):
    client.force_login(supervisor)
    response = client.post(reverse("org:departments-confirm"), {}, follow=True)
    assert "请勾选要确认的部门。" in response.content.decode()
    assert Department.objects.filter(needs_review=True).count() == 3


@pytest.mark.parametrize("role", ["leader", "auditor", "liaison", "head", "viewer"])
def test_read_only_roles_cannot_change_the_registry(client, request, role, new_ones):
    client.force_login(request.getfixturevalue(role))
    department = new_ones[0]
    alias = DepartmentAlias.objects.create(department=department, name="新中心")
    posts = [
        ("org:departments-confirm", [], {"departments": [department.pk]}),
        ("org:department-confirm", [department.pk], {}),
        ("org:department-kind", [department.pk], {"kind": "support"}),
        ("org:department-rename", [department.pk], {"name": "改", "valid_from": "2024-01-01"}),
        ("org:alias-add", [department.pk], {"name": "简"}),
        ("org:alias-remove", [alias.pk], {}),
        ("org:department-merge", [department.pk], {"into": new_ones[1].pk}),
    ]
    for name, args, data in posts:
        assert client.post(reverse(name, args=args), data).status_code == 403, name
    assert client.get(reverse("org:department-edit", args=[department.pk])).status_code == 403
    department.refresh_from_db()
    assert department.needs_review and department.name == "新设中心" and department.is_active
    assert DepartmentAlias.objects.filter(pk=alias.pk).exists()
    assert not AuditRecord.objects.filter(object_type__startswith="org.").exists()


def test_missing_department_is_404_and_get_on_an_action_is_405(client, supervisor, new_ones):
    client.force_login(supervisor)
    assert client.post(reverse("org:department-confirm", args=[99999])).status_code == 404
    assert client.post(reverse("org:alias-remove", args=[99999])).status_code == 404
    assert client.get(reverse("org:department-confirm", args=[new_ones[0].pk])).status_code == 405
    assert client.get(reverse("org:departments-confirm")).status_code == 405


def test_admin_sets_the_kind(client, admin_user, department):
    client.force_login(admin_user)
    response = client.post(
        reverse("org:department-kind", args=[department.pk]), {"kind": "support"}, follow=True
    )
    assert "已保存教务处的类别。" in response.content.decode()
    department.refresh_from_db()
    assert department.kind == "support"
    assert AuditRecord.objects.filter(object_type="org.department", action="change").exists()


def test_unknown_kind_is_refused_with_a_message(client, supervisor, department):
    client.force_login(supervisor)
    response = client.post(reverse("org:department-kind", args=[department.pk]), {"kind": "x"})
    assert response.status_code == 400
    assert "选择一个有效的选项" in response.content.decode()


def test_rename_keeps_the_former_name_for_earlier_days(client, supervisor, department):
    client.force_login(supervisor)
    response = client.post(
        reverse("org:department-rename", args=[department.pk]),
        {"name": "教务部", "valid_from": "2024-07-01"},
        follow=True,
    )
    assert "教务处现名教务部" in response.content.decode()
    department.refresh_from_db()
    assert department.name == "教务部"
    assert department.name_on(datetime.date(2024, 6, 30)) == "教务处"
    assert department.name_on(datetime.date(2024, 7, 1)) == "教务部"
    assert department.name_on(None) == "教务部"
    # A document still using the former name finds the department.
    assert DepartmentAlias.objects.get(name="教务处").department == department
    assert AuditRecord.objects.filter(object_type="org.departmentname", action="create").exists()


def test_two_renames_each_hold_in_their_time(supervisor, department):
    do_rename_department(department, "教务部", datetime.date(2024, 3, 1), by=supervisor)
    do_rename_department(department, "教学事务部", datetime.date(2024, 9, 1), by=supervisor)
    department.refresh_from_db()
    days = ["2024-02-01", "2024-03-01", "2024-08-31", "2024-09-01"]
    assert [department.name_on(datetime.date.fromisoformat(d)) for d in days] == [
        "教务处",
        "教务部",
        "教务部",
        "教学事务部",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "财务处", "valid_from": "2024-01-01"}, "“财务处”已是财务处的名称。"),
        ({"name": "教务处", "valid_from": "2024-01-01"}, "该部门已叫“教务处”。"),
        ({"name": "教务部", "valid_from": "2999-01-01"}, "新名称只能从今天或更早的日期起生效。"),
        ({"name": "教务部", "valid_from": "2024-13-45"}, "输入一个有效的日期。"),
    ],
)
def test_a_rename_that_cannot_be_is_refused(
    client, supervisor, department, other_department, data, message
):
    client.force_login(supervisor)
    response = client.post(reverse("org:department-rename", args=[department.pk]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    department.refresh_from_db()
    assert department.name == "教务处"


def test_office_adds_and_removes_a_short_name(client, supervisor, department):
    client.force_login(supervisor)
    response = client.post(
        reverse("org:alias-add", args=[department.pk]), {"name": "教务"}, follow=True
    )
    assert "“教务”现也指教务处。" in response.content.decode()
    alias = DepartmentAlias.objects.get(name="教务")
    response = client.post(reverse("org:alias-remove", args=[alias.pk]), follow=True)
    assert "“教务”不再指教务处。" in response.content.decode()
    assert not DepartmentAlias.objects.filter(name="教务").exists()
    actions = list(
        AuditRecord.objects.filter(object_type="org.departmentalias").values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == ["create", "delete"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("财务处", "“财务处”已是财务处的名称。"),
        ("财务", "“财务”已是财务处的简称。"),
        ("教务处", "“教务处”是该部门自己的名称。"),
        ("教务", "“教务”已是它的简称。"),
    ],
)
def test_a_short_name_in_use_is_refused(
    client, supervisor, department, other_department, name, message
):
    DepartmentAlias.objects.create(department=other_department, name="财务")
    DepartmentAlias.objects.create(department=department, name="教务")
    client.force_login(supervisor)
    response = client.post(reverse("org:alias-add", args=[department.pk]), {"name": name})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert DepartmentAlias.objects.count() == 2


def test_emptying_a_group_warns(client, supervisor, department):
    group = make_group(name="各二级学院", members=[department])
    client.force_login(supervisor)
    response = client.post(reverse("org:group-edit", args=[group.pk]), {}, follow=True)
    assert "“各二级学院”没有成员：分给它的任务通知不到任何部门。" in response.content.decode()
    assert not group.members.exists()


def test_edit_page_shows_each_form(client, supervisor, department):
    make_department(name="教学部")
    client.force_login(supervisor)
    page = client.get(reverse("org:department-edit", args=[department.pk])).content.decode()
    for url in ("department-kind", "department-rename", "alias-add", "department-merge"):
        assert reverse(f"org:{url}", args=[department.pk]) in page
    assert "教学部" in page  # offered to merge into


def test_renaming_to_its_own_short_name_turns_the_short_name_into_the_former_name(
    supervisor, department
):
    DepartmentAlias.objects.create(department=department, name="教务部")
    do_rename_department(department, "教务部", datetime.date(2024, 3, 1), by=supervisor)
    assert list(department.aliases.values_list("name", flat=True)) == ["教务处"]
    assert AuditRecord.objects.filter(object_type="org.departmentalias", action="delete").exists()


BAD_NAMES = ['=HYPERLINK("http://x","y")', "<script>alert(1)</script>", "国际交流处、港澳台办",
             "+SUM(1)", "@cmd", "-1+1", "＝HYPERLINK(\"x\")", "商贸 物流"]  # fmt: skip


@pytest.mark.parametrize("name", BAD_NAMES)
def test_a_name_the_task_table_could_not_give_back_is_refused(client, supervisor, department, name):
    client.force_login(supervisor)
    rename = client.post(
        reverse("org:department-rename", args=[department.pk]),
        {"name": name, "valid_from": "2024-01-01"},
    )
    alias = client.post(reverse("org:alias-add", args=[department.pk]), {"name": name})
    for response in (rename, alias):
        assert response.status_code == 400
        assert "不能用作部门名称或简称" in response.content.decode()
    department.refresh_from_db()
    assert department.name == "教务处" and not department.aliases.exists()


def test_a_department_merged_away_is_not_changed_any_more(client, supervisor, department):
    department.is_active = False
    department.save()
    client.force_login(supervisor)
    response = client.post(reverse("org:alias-add", args=[department.pk]), {"name": "教处"})
    assert response.status_code == 400
    assert "已不再使用" in response.content.decode()
    assert not department.aliases.exists()
