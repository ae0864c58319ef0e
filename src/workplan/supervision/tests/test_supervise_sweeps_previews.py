"""An uploaded task table waits on the disk while its preview is shown; one nobody confirms
leaves with the hourly scan a day later, even if nobody uploads again."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from workplan.plans.actions import do_stage_import_preview, preview_file
from workplan.plans.models import ImportPreview

pytestmark = pytest.mark.django_db


def stage(owner) -> ImportPreview:
    return do_stage_import_preview(
        owner=owner, kind=ImportPreview.Kind.TASK_TABLE, name="任务分解表.xlsx", payload={},
        data=b"PK\x03\x04 waiting",
    )  # fmt: skip


def test_the_scan_removes_an_abandoned_upload_after_a_day(
    supervisor, django_capture_on_commit_callbacks, capsys
):
    abandoned, fresh = stage(supervisor), stage(supervisor)
    waiting = preview_file(abandoned)
    assert waiting.exists()
    ImportPreview.objects.filter(pk=abandoned.pk).update(
        created_at=timezone.now() - timedelta(days=1, minutes=5)
    )

    with django_capture_on_commit_callbacks(execute=True):
        call_command("supervise")

    assert list(ImportPreview.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert not waiting.exists()
    assert preview_file(fresh).exists()
    assert "已清理一天内未确认的导入预览 1 份" in capsys.readouterr().out


def test_the_scan_keeps_an_upload_still_being_looked_at(supervisor, capsys):
    fresh = stage(supervisor)
    call_command("supervise")
    assert ImportPreview.objects.filter(pk=fresh.pk).exists()
    assert "导入预览" not in capsys.readouterr().out
