"""The 消息 centre opens on the unread messages, the badge counts only what is still unread, and
"mark all as read" clears it in one update. Opening the page writes nothing: the page posts
back the unread messages it showed, and those are marked read."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from workplan.notifications.models import Notification
from workplan.notifications.notify import notify

pytestmark = pytest.mark.django_db
CENTRE = reverse("notifications:list")
READ_ALL = reverse("notifications:mark-all-read")
READ_SHOWN = reverse("notifications:mark-read")


@pytest.fixture
def inbox(supervisor):
    """120 messages: the 10 oldest unread, the 110 newer ones read already."""
    notify([supervisor] * 120, "教务处 已报送任务 4.1 的进展。")
    rows = list(Notification.objects.filter(user=supervisor).order_by("pk"))
    Notification.objects.filter(pk__in=[r.pk for r in rows[10:]]).update(read_at=timezone.now())
    return [r.pk for r in rows[:10]]


def unread_ids(user) -> set[int]:
    return set(user.notifications.filter(read_at__isnull=True).values_list("pk", flat=True))


def open_centre(client):
    """Open the centre as a browser does: the page, then the HTMX post of what it showed."""
    page = client.get(CENTRE)
    marked = client.post(READ_SHOWN, {"id": page.context["shown_unread"]}, HTTP_HX_REQUEST="true")
    return page, marked


def test_the_first_page_shows_the_unread_messages_however_old(client, supervisor, inbox):
    client.force_login(supervisor)
    shown = open_centre(client)[0].context["items"]
    assert [n.pk for n in shown[:10]] == sorted(inbox, reverse=True)
    assert unread_ids(supervisor) == set()


def test_opening_the_centre_marks_nothing_read_by_itself(client, supervisor, inbox):
    client.force_login(supervisor)
    page = client.get(CENTRE)
    assert unread_ids(supervisor) == set(inbox)
    assert f'hx-post="{READ_SHOWN}"' in page.content.decode()


def test_only_what_was_shown_is_marked_read(client, supervisor, liaison, inbox):
    notify([liaison], "请报送课程建设方案。")
    client.force_login(supervisor)
    client.post(READ_SHOWN, {"id": inbox[:3] + list(unread_ids(liaison)) + ["1" * 25, "x"]})
    assert unread_ids(supervisor) == set(inbox[3:])
    assert len(unread_ids(liaison)) == 1


def test_mark_all_as_read_clears_the_badge_in_one_update(client, supervisor, inbox):
    notify([supervisor] * 60, "教务处 已报送任务 4.2 的进展。")  # more than a page is unread
    client.force_login(supervisor)
    page, marked = open_centre(client)
    assert f'action="{READ_ALL}"' in page.content.decode()
    assert 'class="count">20<' in marked.content.decode()  # the badge HTMX swaps in
    assert f'action="{READ_ALL}"' in marked.content.decode()
    with CaptureQueriesContext(connection) as queries:
        client.post(READ_ALL)
    updates = [q["sql"] for q in queries if q["sql"].startswith("UPDATE")]
    assert len([sql for sql in updates if Notification._meta.db_table in sql]) == 1
    assert unread_ids(supervisor) == set()
    assert 'class="count"' not in client.get(CENTRE).content.decode()


def test_mark_all_as_read_leaves_other_peoples_messages(client, supervisor, liaison, inbox):
    notify([liaison], "请报送课程建设方案。")
    client.force_login(supervisor)
    client.post(READ_ALL)
    assert len(unread_ids(liaison)) == 1


@pytest.mark.parametrize("url", [READ_ALL, READ_SHOWN])
def test_marking_read_is_a_post(client, supervisor, inbox, url):
    client.force_login(supervisor)
    assert client.get(url).status_code == 405
    assert unread_ids(supervisor) == set(inbox)
