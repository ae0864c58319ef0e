"""A document that does not state its year (or has no title row) is completed by what the office
types on the upload form or gives the command (`--year`, `--title`, `--organization`); what the
document states wins."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from workplan.parsing import ParsedPlan
from workplan.plans.documents import complete_plan
from workplan.plans.models import ImportPreview, Plan

pytestmark = pytest.mark.django_db
POINTS = (
    "一、加强党的建设。完善党委领导下的校长负责制。（责任部门：党委办公室、组织部）\n\n"
    "二、提高教学质量。推进课程改革。（责任部门：教务处）\n"
)
WITHOUT_YEAR = ("青松职业学院工作要点\n\n" + POINTS).encode()
WITHOUT_TITLE = POINTS.encode()


def upload(client, data: bytes, **fields):
    document = SimpleUploadedFile("要点.txt", data)
    return client.post(reverse("plans:plan-upload"), {"document": document, **fields})


def parsed(**header) -> ParsedPlan:
    values = {"title": "", "organization": "", "year": None, **header}
    return ParsedPlan(organization_aliases=[], preamble="", points=[], departments=[], **values)


def test_what_the_office_types_fills_only_what_the_document_leaves_out():
    filled = complete_plan(parsed(), year=2025, title="2025年工作要点", organization="青松职业学院")
    assert (filled.year, filled.title, filled.organization) == (
        2025, "2025年工作要点", "青松职业学院",
    )  # fmt: skip
    stated = parsed(year=2024, title="2024年工作要点", organization="江城职业技术学院")
    kept = complete_plan(stated, year=2025, title="别的标题", organization="别的单位")
    assert (kept.year, kept.title, kept.organization) == (
        2024, "2024年工作要点", "江城职业技术学院",
    )  # fmt: skip


def test_supervisor_is_asked_for_the_year_the_document_does_not_state(client, supervisor):
    client.force_login(supervisor)
    response = upload(client, WITHOUT_YEAR)
    assert response.status_code == 400
    page = response.content.decode()
    assert "文档没有写明年度，请填写年度。" in page
    assert 'name="year"' in page
    assert not ImportPreview.objects.exists()


def test_the_year_typed_is_used_and_the_plan_saved_for_it(client, supervisor):
    client.force_login(supervisor)
    response = upload(client, WITHOUT_YEAR, year="2025")
    assert response.status_code == 302
    client.post(response["Location"])
    assert Plan.objects.get().year == 2025


def test_a_year_out_of_range_is_refused_at_its_field(client, supervisor):
    client.force_login(supervisor)
    response = upload(client, WITHOUT_YEAR, year="25")
    assert response.status_code == 400
    assert not ImportPreview.objects.exists()


def test_the_document_year_wins_over_the_year_typed(client, supervisor, example_plan):
    client.force_login(supervisor)
    response = upload(client, example_plan.read_bytes(), year="2030")
    client.post(response["Location"])
    assert Plan.objects.get().year == 2024


def test_supervisor_is_asked_for_a_title_the_document_lacks(client, supervisor):
    client.force_login(supervisor)
    asked = upload(client, WITHOUT_TITLE, year="2025")
    assert asked.status_code == 400
    assert "文档没有标题行，请填写工作要点的标题。" in asked.content.decode()
    response = upload(
        client, WITHOUT_TITLE, year="2025", title="2025年工作要点", organization="青松职业学院"
    )
    client.post(response["Location"])
    plan = Plan.objects.get()
    assert (plan.organization, plan.title, plan.year) == ("青松职业学院", "2025年工作要点", 2025)


def test_the_command_asks_for_year_then_uses_it(tmp_path):
    path = tmp_path / "要点.txt"
    path.write_bytes(WITHOUT_YEAR)
    with pytest.raises(CommandError) as refused:
        call_command("import", str(path))
    assert refused.value.returncode == 2
    assert "--year" in str(refused.value)
    assert not Plan.objects.exists()
    call_command("import", str(path), "--year", "2025")
    assert Plan.objects.get().year == 2025


def test_the_command_refuses_a_year_out_of_range(tmp_path):
    path = tmp_path / "要点.txt"
    path.write_bytes(WITHOUT_YEAR)
    with pytest.raises(CommandError, match="2000"):
        call_command("import", str(path), "--year", "25")


def test_the_command_takes_title_and_organization_when_missing(tmp_path):
    path = tmp_path / "要点.txt"
    path.write_bytes(WITHOUT_TITLE)
    with pytest.raises(CommandError, match="--title"):
        call_command("import", str(path), "--year", "2025")
    call_command(
        "import", str(path), "--year", "2025", "--title", "2025年工作要点",
        "--organization", "青松职业学院",
    )  # fmt: skip
    plan = Plan.objects.get()
    assert (plan.organization, plan.title, plan.year) == ("青松职业学院", "2025年工作要点", 2025)


def test_the_command_keeps_the_document_year_and_says_so(example_plan, capsys):
    call_command("import", str(example_plan), "--year", "2030")
    assert Plan.objects.get().year == 2024
    assert "文档写明的年度是 2024，未使用 --year 2030" in capsys.readouterr().out


def test_what_the_office_supplies_is_no_longer_warned_about(tmp_path, capsys):
    path = tmp_path / "list.txt"
    path.write_text(
        "1.修订培养方案。（责任部门：教务处）\n2.建设智慧校园。（责任部门：信息中心）", "utf-8"
    )
    call_command("import", str(path), "--year", "2026", "--title", "2026年重点工作")
    out = capsys.readouterr().out
    assert "没有从标题中读出年度" not in out and "没有找到标题" not in out
    assert Plan.objects.get().year == 2026
