"""A report carries at most 20 evidence files: the 21st is refused with the limit, and a
removed file makes room again."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from workplan.progress import actions
from workplan.progress.evidence import MAX_EVIDENCE_FILES
from workplan.progress.tests.test_reporting import PDF

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20")]


@pytest.fixture
def full(draft, liaison):
    """A draft report carrying as many files as a report may."""
    for number in range(MAX_EVIDENCE_FILES):
        actions.do_attach_evidence(draft, f"材料{number}.pdf", PDF, by=liaison)
    return draft


def test_limit_is_twenty():
    assert MAX_EVIDENCE_FILES == 20


def test_liaison_attaching_a_21st_file_is_told_the_limit(client, full, liaison):
    client.force_login(liaison)
    response = client.post(
        reverse("progress:attach-evidence", args=[full.pk]),
        {"file": SimpleUploadedFile("第21份.pdf", PDF)},
        follow=True,
    )
    assert "每份报告最多可附 20 个佐证文件" in response.text
    assert "第21份.pdf" in response.text
    assert full.evidence.count() == 20


def test_the_action_refuses_a_21st_file(full, liaison):
    with pytest.raises(actions.EvidenceRefused, match="20"):
        actions.do_attach_evidence(full, "再一份.pdf", PDF, by=liaison)
    assert full.evidence.count() == 20


def test_removing_a_file_makes_room_for_another(full, liaison):
    actions.do_remove_evidence(full.evidence.first(), by=liaison)
    actions.do_attach_evidence(full, "替换.pdf", PDF, by=liaison)
    assert full.evidence.count() == 20
