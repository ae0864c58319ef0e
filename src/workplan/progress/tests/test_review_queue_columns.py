"""The review queue's columns say what they hold."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_supervisor_sees_when_each_report_was_submitted(client, supervisor):
    client.force_login(supervisor)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("progress:review-queue")).content.decode()
    assert "<th>Submitted at</th>" in page  # a time, not the state 'Submitted'
    assert "<th>Submitted</th>" not in page
