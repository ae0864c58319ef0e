"""Whatever a request to the preview's corrections carries, the answer is the page or a
message: never a server error, and never a stored preview that no longer loads."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workplan.plans.models import ImportPreview
from workplan.plans.preview_actions import preview_plan
from workplan.plans.tests.previews import stage_plan_preview

pytestmark = pytest.mark.django_db

VALUES = st.one_of(
    st.integers(-3, 8).map(str), st.text(max_size=30), st.sampled_from(["", "1e9", "٣", "0x1"])
)
FIELDS = st.dictionaries(
    st.sampled_from(["point", "task", "version", "lead", "co", "groups", "operation"]),
    VALUES,
)
ENDPOINTS = st.sampled_from(
    [
        ("post", "plans:import-preview-responsibility"),
        ("post", "plans:import-preview-structure"),
        ("get", "plans:import-preview-item"),
    ]
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ENDPOINTS, FIELDS)
def test_forged_corrections_answer_without_a_server_error(client, supervisor, endpoint, fields):
    preview = ImportPreview.objects.first() or stage_plan_preview(supervisor)
    client.force_login(supervisor)
    method, name = endpoint
    response = getattr(client, method)(reverse(name, args=[preview.token]), fields)
    assert response.status_code in (200, 302, 400)
    assert preview_plan(ImportPreview.objects.get(pk=preview.pk)).points
