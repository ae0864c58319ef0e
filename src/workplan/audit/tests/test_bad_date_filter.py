"""A date filter that is not a date is not dropped without a word: the trail says which filter is
wrong and the format it expects, and the other filters still apply (on the page and the export)."""

import pytest
from django.urls import reverse

from workplan.audit.records import record_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_records(department, liaison, supervisor):
    record_changed(department, [("phone", "", "027-5555")], by=liaison)
    record_changed(department, [("phone", "027-5555", "027-6666")], by=supervisor)


def test_auditor_is_told_which_date_is_wrong_and_the_other_filters_stay(
    client, auditor, two_records
):
    client.force_login(auditor)
    response = client.get(reverse("audit:log"), {"since": "x", "actor": "liaison"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "起始日期：“x”不是日期，请按“年-月-日”填写，如 2024-06-30" in page
    assert response.context["page"].paginator.count == 1  # 由 liaison 的那一条
    assert 'value="liaison"' in page


def test_auditor_is_told_when_the_end_date_is_impossible(client, auditor, two_records):
    client.force_login(auditor)
    page = client.get(reverse("audit:log"), {"until": "2024-13-45"}).content.decode()
    assert "截止日期：“2024-13-45”不是日期" in page


def test_auditor_exporting_with_a_bad_date_is_shown_why(client, auditor, two_records):
    client.force_login(auditor)
    response = client.get(reverse("audit:export"), {"since": "x", "actor": "liaison"}, follow=True)
    assert "起始日期：“x”不是日期" in response.content.decode()


def test_auditor_with_good_dates_sees_no_warning(client, auditor, two_records):
    client.force_login(auditor)
    page = client.get(reverse("audit:log"), {"since": "2000-01-01"}).content.decode()
    assert "不是日期" not in page
