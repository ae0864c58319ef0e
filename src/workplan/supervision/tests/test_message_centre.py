"""The 消息 centre opens on the unread messages, the badge counts only what is still unread, and
"mark all as read" clears it in one update."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from workplan.supervision.models import Notification
from workplan.supervision.notify import notify

pytestmark = pytest.mark.django_db
CENTRE = reverse("supervision:notifications")
READ_ALL = reverse("supervision:notifications-read")


@pytest.fixture
def inbox(supervisor):
    """120 messages: the 10 oldest unread, the 110 newer ones read already."""
    notify([supervisor] * 120, "教务处 已报送任务 4.1 的进展。")
    rows = list(Notification.objects.filter(user=supervisor).order_by("pk"))
    Notification.objects.filter(pk__in=[r.pk for r in rows[10:]]).update(read_at=timezone.now())
    return [r.pk for r in rows[:10]]


def unread_ids(user) -> set[int]:
    return set(user.notifications.filter(read_at__isnull=True).values_list("pk", flat=True))


def test_the_first_page_shows_the_unread_messages_however_old(client, supervisor, inbox):
    client.force_login(supervisor)
    shown = client.get(CENTRE).context["items"]
    assert [n.pk for n in shown[:10]] == sorted(inbox, reverse=True)
    assert unread_ids(supervisor) == set()


def test_mark_all_as_read_clears_the_badge_in_one_update(client, supervisor, inbox):
    notify([supervisor] * 60, "教务处 已报送任务 4.2 的进展。")  # more than a page is unread
    client.force_login(supervisor)
    page = client.get(CENTRE).content.decode()
    assert f'action="{READ_ALL}"' in page and 'class="count">20<' in page
    with CaptureQueriesContext(connection) as queries:
        client.post(READ_ALL)
    updates = [q["sql"] for q in queries if q["sql"].startswith("UPDATE")]
    assert len([sql for sql in updates if "supervision_notification" in sql]) == 1
    assert unread_ids(supervisor) == set()
    assert 'class="count"' not in client.get(CENTRE).content.decode()


def test_mark_all_as_read_leaves_other_peoples_messages(client, supervisor, liaison, inbox):
    notify([liaison], "请报送课程建设方案。")
    client.force_login(supervisor)
    client.post(READ_ALL)
    assert len(unread_ids(liaison)) == 1


def test_mark_all_as_read_is_a_post(client, supervisor, inbox):
    client.force_login(supervisor)
    assert client.get(READ_ALL).status_code == 405
