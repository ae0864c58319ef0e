"""Each button of the report page posts to its own address: whoever may press it gets the change
(302), others in the know 403, an outsider 404, and a GET 405. The page's own address still
takes the whole form and passes it on by the button pressed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from workplan.progress import actions
from workplan.progress.models import ProgressReport
from workplan.progress.tests.factories import make_report
from workplan.progress.tests.test_reporting import PDF, form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("june_20", "head_approval")]

ROLES = ["admin", "supervisor", "leader", "head", "liaison", "auditor", "outsider"]


@pytest.fixture
def people(admin_user, supervisor, leader, head, liaison, auditor, outsider):
    return dict(zip(ROLES, [admin_user, supervisor, leader, head, liaison, auditor, outsider], strict=True))  # fmt: skip


def words(report):
    return form(report, progress="本月完成了调研。")


def with_file(report, liaison):
    actions.do_attach_evidence(report, "方案.pdf", PDF, by=liaison)
    return report


def awaiting(report, liaison):
    return actions.do_submit_report(report, by=liaison)


def repeatable(report):
    """Give the report's department a report sent last period: what 本期无变化 repeats."""
    may = report.period.plan.periods.get(opens_on=report.period.opens_on.replace(month=5))
    make_report(report.task, report.department, may, state=ProgressReport.State.SUBMITTED)
    return report


def removable(report):
    return [report.pk, report.evidence.get().pk]


# URL name, the report's state before (from the liaison's draft), its URL arguments, the POST,
# and what each of ROLES gets: 302 done, 403 refused, 404 not seen
ENDPOINTS = {
    "save-report": (lambda r, p: r, lambda r: [r.pk], words, [403, 403, 403, 302, 302, 403, 404]),
    "submit-report": (lambda r, p: r, lambda r: [r.pk], words, [403, 403, 403, 302, 302, 403, 404]),
    "save-and-attach": (lambda r, p: r, lambda r: [r.pk], lambda r: {**words(r), "file": SimpleUploadedFile("a.pdf", PDF)}, [403, 403, 403, 302, 302, 403, 404]),
    "save-and-remove": (lambda r, p: with_file(r, p["liaison"]), removable, words, [403, 403, 403, 302, 302, 403, 404]),
    "report-no-change": (lambda r, p: repeatable(r), lambda r: [r.pk], lambda r: {}, [403, 403, 403, 302, 302, 403, 404]),
    "approve-report": (lambda r, p: awaiting(r, p["liaison"]), lambda r: [r.pk], lambda r: {}, [403, 403, 403, 302, 403, 403, 404]),
    "send-back-report": (lambda r, p: awaiting(r, p["liaison"]), lambda r: [r.pk], lambda r: {"comment": "请补充数据。"}, [403, 403, 403, 302, 403, 403, 404]),
}  # fmt: skip

CASES = [
    pytest.param(name, role, ENDPOINTS[name][3][index], id=f"{name} by {role}")
    for name in ENDPOINTS
    for index, role in enumerate(ROLES)
]


def snapshot(report):
    report = ProgressReport.objects.get(pk=report.pk)
    return report.state, report.version, report.evidence.count()


@pytest.mark.parametrize(("name", "role", "expected"), CASES)
def test_each_report_endpoint_lets_only_its_users_change_the_report(
    client, draft, people, name, role, expected
):
    prepare, args, data, _ = ENDPOINTS[name]
    report = prepare(draft, people)
    before = snapshot(report)
    client.force_login(people[role])
    response = client.post(reverse(f"progress:{name}", args=args(report)), data(report))
    assert response.status_code == expected
    assert (snapshot(report) != before) == (expected == 302)
    if expected == 302:
        assert response["Location"] == reverse("progress:report", args=[report.pk])


@pytest.mark.parametrize("name", ENDPOINTS)
def test_each_report_endpoint_refuses_a_get(client, draft, people, name):
    prepare, args, _, _ = ENDPOINTS[name]
    report = prepare(draft, people)
    before = snapshot(report)
    client.force_login(people["head"])
    assert client.get(reverse(f"progress:{name}", args=args(report))).status_code == 405
    assert snapshot(report) == before


def test_the_report_pages_buttons_post_to_their_endpoints(client, draft, liaison):
    repeatable(draft)  # a report to repeat: 本期无变化 is offered
    with_file(draft, liaison)
    client.force_login(liaison)
    page = client.get(reverse("progress:report", args=[draft.pk])).text
    for name in ["save-report", "submit-report", "save-and-attach", "report-no-change"]:
        assert f'formaction="{reverse(f"progress:{name}", args=[draft.pk])}"' in page
    assert f'formaction="{reverse("progress:save-and-remove", args=removable(draft))}"' in page


def test_the_heads_buttons_post_to_their_endpoints(client, draft, liaison, head):
    awaiting(draft, liaison)
    client.force_login(head)
    page = client.get(reverse("progress:report", args=[draft.pk])).text
    for name in ["approve-report", "send-back-report"]:
        assert f'formaction="{reverse(f"progress:{name}", args=[draft.pk])}"' in page


@pytest.mark.parametrize(
    ("action", "state"),
    [("save", "draft"), ("submit", "awaiting_approval"), ("no_change", "awaiting_approval")],
)
def test_the_whole_form_sent_to_the_page_does_what_its_button_says(
    client, draft, liaison, action, state
):
    """A form opened before the report's buttons had addresses of their own still works."""
    repeatable(draft)
    client.force_login(liaison)
    response = client.post(
        reverse("progress:report", args=[draft.pk]), {**words(draft), "action": action}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.state, draft.version > 1) == (state, True)


def test_a_file_removed_through_the_page_is_gone(client, draft, liaison):
    with_file(draft, liaison)
    client.force_login(liaison)
    evidence = draft.evidence.get()
    client.post(
        reverse("progress:report", args=[draft.pk]), {**words(draft), "remove": evidence.pk}
    )
    assert draft.evidence.count() == 0


@pytest.mark.parametrize("name", ["send-back-report", "review"])
def test_sending_back_without_a_reason_is_refused_with_why(client, draft, people, name):
    """The head's sending back and the office's return ask for a reason the same way."""
    report = awaiting(draft, people["liaison"])
    user = people["head"]
    if name == "review":
        report = actions.do_approve_report(report, by=people["head"])
        user = people["supervisor"]
    client.force_login(user)
    response = client.post(
        reverse(f"progress:{name}", args=[report.pk]),
        {"comment": " \r\n ", "decision": "return"},
        follow=True,
    )
    assert "请填写退回原因，以便部门了解需要修改的内容。" in response.text
    assert ProgressReport.objects.get(pk=report.pk).state == report.state
