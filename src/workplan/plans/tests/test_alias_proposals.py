"""A name the registry suggests is another department's 简称 (组织部 → 组织人事部) is proposed,
never applied unasked: the web preview lists it unticked, `workplan import` lists it unless
given --accept-aliases, and the two give the same plan from the same document and registry."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from workplan.org.models import Department, DepartmentAlias
from workplan.org.tests.factories import make_department
from workplan.plans.models import ImportPreview, Plan
from workplan.plans.preview_actions import preview_plan
from workplan.plans.tests.previews import make_parsed_plan, stage_plan_preview

pytestmark = pytest.mark.django_db
COMMAND = "workplan.plans.management.commands.import.parse_file"

# A fictional institution's document; 组织部 is written short, the registry knows 组织人事部.
DOCUMENT = """青山职业学院2025年工作要点

一、加强党的建设
落实全面从严治党主体责任。开展基层党组织质量提升行动。（责任部门：党委办公室、组织部，各二级学院）

二、深化教学改革
推进专业群建设。完善教学质量保证体系。（责任部门：教务处、党委办公室）
"""


@pytest.fixture
def registry(db):
    make_department(name="组织人事部")
    make_department(name="党委办公室")


def plan_and_registry() -> dict:
    """Return what an import left: every key point and task with its departments, and the
    registry's departments (with 待核对) and aliases."""
    plan = Plan.objects.get()
    items = []
    for key_point in plan.key_points.order_by("number"):
        for item in [key_point, *key_point.tasks.order_by("number")]:
            names = [(a.role, str(a.department or a.group)) for a in item.assignments.all()]
            items.append((getattr(item, "title", None) or item.text, names))
    return {
        "items": items,
        "departments": sorted(Department.objects.values_list("name", "needs_review")),
        "aliases": sorted(DepartmentAlias.objects.values_list("name", "department__name")),
    }


def undone(run) -> dict:
    """Return what `run` left, then undo it, so another way of importing starts afresh."""
    with transaction.atomic():
        run()
        result = plan_and_registry()
        transaction.set_rollback(True)
    assert not Plan.objects.exists()
    return result


def confirm(client, preview, *, accept: bool):
    names = [p.name for p in preview_plan(preview).proposals] if accept else []
    url = reverse("plans:import-preview", args=[preview.token])
    return client.post(url, {"accept_alias": names})


def test_supervisor_sees_each_proposal_unticked(client, supervisor, registry):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    page = client.get(reverse("plans:import-preview", args=[preview.token])).content.decode()
    assert (
        '<input type="checkbox" name="accept_alias" value="组织部"> 组织部 → 组织人事部（部门名录中的简称？）'
        in page
    )


def test_an_unticked_proposal_is_saved_as_written_for_review(client, supervisor, registry):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    confirm(client, preview, accept=False)
    result = plan_and_registry()
    assert ("co", "组织部") in result["items"][0][1]
    assert ("组织部", True) in result["departments"]
    assert result["aliases"] == []


def test_a_ticked_proposal_becomes_the_department_and_its_alias(client, supervisor, registry):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    response = client.post(
        reverse("plans:import-preview", args=[preview.token]),
        {"accept_alias": ["组织部", "宣传部"]},  # a name never proposed changes nothing
        follow=True,
    )
    assert "已登记为简称：组织部 → 组织人事部" in response.content.decode()
    result = plan_and_registry()
    assert ("co", "组织人事部") in result["items"][0][1]
    assert "组织部" not in [name for name, _review in result["departments"]]
    assert ("宣传部", True) in result["departments"]
    assert result["aliases"] == [("组织部", "组织人事部")]


def test_a_proposal_for_a_name_corrected_away_is_not_offered(client, supervisor, registry):
    preview = stage_plan_preview(supervisor)
    client.force_login(supervisor)
    url = reverse("plans:import-preview-responsibility", args=[preview.token])
    client.post(url, {"point": 0, "version": 0, "lead": "党委办公室", "groups": "各二级学院"})
    page = client.get(reverse("plans:import-preview", args=[preview.token])).content.decode()
    assert "accept_alias" not in page


@pytest.mark.parametrize("accept", [False, True])
def test_the_command_lists_or_accepts_proposals_as_the_preview_does(
    client, supervisor, registry, monkeypatch, capsys, accept
):
    monkeypatch.setattr(COMMAND, lambda *args, **kwargs: make_parsed_plan())

    def web():
        client.force_login(supervisor)
        confirm(client, stage_plan_preview(supervisor), accept=accept)

    def command():
        call_command("import", "青山.docx", *(["--accept-aliases"] if accept else []))

    assert undone(web) == undone(command)
    printed = capsys.readouterr().out
    if accept:
        assert "采用简称：组织部 → 组织人事部" in printed
    else:
        assert "组织部 → 组织人事部（部门名录中的简称？）" in printed
        assert "未加 --accept-aliases，按原文保存" in printed
    assert "提醒：任务 1.2：没有写明牵头部门，请核对。" in printed


@pytest.mark.parametrize("accept", [False, True])
def test_the_web_import_and_the_command_give_the_same_plan_from_one_document(
    client, supervisor, registry, tmp_path, accept
):
    path = tmp_path / "青山职业学院2025年工作要点.txt"
    path.write_text(DOCUMENT, encoding="utf-8")

    def web():
        client.force_login(supervisor)
        upload = SimpleUploadedFile(path.name, DOCUMENT.encode())
        client.post(reverse("plans:plan-upload"), {"document": upload})
        confirm(client, ImportPreview.objects.get(), accept=accept)

    def command():
        call_command("import", str(path), *(["--accept-aliases"] if accept else []))

    from_web, from_command = undone(web), undone(command)
    assert from_web["items"] and from_web == from_command


def test_a_revision_offers_its_proposals_unticked_and_applies_the_ticked_ones(
    client, supervisor, registry
):
    first = make_parsed_plan()
    first.points[0].responsibility.co = []
    first.departments = [d for d in first.departments if d.name != "组织部"]
    first.proposals = []
    client.force_login(supervisor)
    confirm(client, stage_plan_preview(supervisor, first), accept=False)
    revised = make_parsed_plan()  # names 组织部, with its proposal
    revised.source_digest = "qingshan-2025-revised"
    preview = stage_plan_preview(supervisor, revised)
    page = client.get(reverse("plans:import-preview", args=[preview.token])).content.decode()
    assert "<h1>核对修订内容</h1>" in page
    assert '<input type="checkbox" name="accept_alias" value="组织部">' in page
    confirm(client, preview, accept=True)
    result = plan_and_registry()
    assert ("co", "组织人事部") in result["items"][0][1]
    assert result["aliases"] == [("组织部", "组织人事部")]
