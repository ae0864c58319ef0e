"""An uploaded task table never silently deletes the record of work: a row whose 系统编号 was
cleared or mangled is matched by its words, and deleting a task that carries reports, notices
or instructions is shown and needs its own confirmation, on the web and on the command line."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from workplan.plans.models import Plan, Task
from workplan.plans.queries import RecordedWork
from workplan.plans.table import table_rows, table_title
from workplan.plans.table_import import read_table
from workplan.plans.xlsx import task_table_workbook
from workplan.progress.models import ProgressReport
from workplan.supervision.models import Instruction, Notice

pytestmark = pytest.mark.django_db
ID_COLUMN = 10


@pytest.fixture
def plan(hubei_txt):
    call_command("import", str(hubei_txt))
    return Plan.objects.get()


@pytest.fixture
def reported(plan, record_work):
    """Task 3.2, with two reports, a notice and an instruction."""
    task = Task.objects.get(key_point__number=3, number=2)
    record_work(task, reports=2, notices=1, instructions=1)
    return task


def edited_table(plan, edit) -> bytes:
    book = load_workbook(io.BytesIO(task_table_workbook(table_title(plan), table_rows(plan))))
    sheet = book.active
    edit(sheet, {sheet.cell(r, 1).value: r for r in range(3, sheet.max_row + 1)})
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def without(code):
    return lambda sheet, rows: sheet.delete_rows(rows[code])


def intact(reported):
    assert Task.objects.count() == 63 and Task.objects.filter(pk=reported.pk).exists()
    assert ProgressReport.objects.filter(task=reported).count() == 2
    assert Notice.objects.count() == Instruction.objects.count() == 1


def upload(client, plan, data):
    return client.post(
        reverse("plans:table-upload", args=[plan.pk]),
        {"sheet": SimpleUploadedFile("表.xlsx", data)},
    )


@pytest.mark.parametrize("value", [None, "3.2", "x17"])
def test_a_row_whose_id_was_cleared_or_mangled_keeps_its_task(plan, reported, value):
    def clear(sheet, rows):
        sheet.cell(rows["3.2"], ID_COLUMN).value = value
        sheet.cell(rows["3.2"], 9).value = "重点督办"

    diff = read_table(edited_table(plan, clear), "表.xlsx", plan)
    assert diff.errors == [] and diff.added == [] and diff.removed == []
    assert [(c.current.task.pk, c.changes) for c in diff.changed] == [
        (reported.pk, [("备注", "", "重点督办")])
    ]
    assert any("3.2" in w for w in diff.warnings)


def test_a_mangled_id_that_matches_no_words_is_still_refused(plan):
    def mangle(sheet, rows):
        sheet.cell(rows["3.2"], ID_COLUMN).value = "x17"
        sheet.cell(rows["3.2"], 3).value = "另一项任务。"

    diff = read_table(edited_table(plan, mangle), "表.xlsx", plan)
    assert len(diff.errors) == 1 and "x17" in diff.errors[0]


def test_preview_warns_what_the_deleted_task_carries(client, supervisor, plan, reported):
    client.force_login(supervisor)
    page = upload(client, plan, edited_table(plan, without("3.2"))).content.decode()
    warning = page[page.index('id="deletion-warning"') :]
    with translation.override("zh-hans"):
        carried = RecordedWork(reports=2, notices=1, instructions=1).describe()
    assert "3.2" in warning and carried in warning
    assert 'name="delete_reported"' in page


def test_apply_without_confirmation_refuses_and_keeps_every_row(client, supervisor, plan, reported):
    client.force_login(supervisor)

    def edit(sheet, rows):
        sheet.cell(rows["1.1"], 9).value = "重点督办"
        sheet.delete_rows(rows["3.2"])

    token = upload(client, plan, edited_table(plan, edit)).context["token"]
    refused = client.post(reverse("plans:table-apply", args=[plan.pk, token]))
    assert refused.status_code == 400 and "deletion-warning" in refused.content.decode()
    intact(reported)
    assert Task.objects.get(key_point__number=1, number=1).note == ""  # not half applied
    client.post(reverse("plans:table-apply", args=[plan.pk, token]), {"delete_reported": "1"})
    assert not Task.objects.filter(pk=reported.pk).exists()
    assert ProgressReport.objects.count() == Notice.objects.count() == 0
    assert Task.objects.get(key_point__number=1, number=1).note == "重点督办"


def test_a_sheet_of_one_row_says_it_would_delete_most_of_the_plan(client, supervisor, plan):
    client.force_login(supervisor)

    def keep_one(sheet, rows):
        sheet.delete_rows(4, sheet.max_row)

    page = upload(client, plan, edited_table(plan, keep_one)).content.decode()
    assert 'id="removes-most"' in page and "62" in page and "63" in page
    assert "deletion-warning" not in page  # nothing recorded yet: deleting stays a free choice


def test_command_line_refuses_without_delete_reported(plan, reported, tmp_path, capsys):
    path = tmp_path / "表.xlsx"
    path.write_bytes(edited_table(plan, without("3.2")))
    with pytest.raises(CommandError) as refused:
        call_command("table", "import", str(path), "--plan", "2021")
    assert refused.value.returncode == 2 and "--delete-reported" in str(refused.value)
    assert reported.text in capsys.readouterr().out
    intact(reported)
    call_command("table", "import", str(path), "--plan", "2021", "--delete-reported")
    assert not Task.objects.filter(pk=reported.pk).exists()
    assert ProgressReport.objects.count() == 0
