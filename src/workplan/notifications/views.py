from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from workplan.core.ids import parse_id
from workplan.notifications.actions import do_mark_notifications_read
from workplan.notifications.models import Notification
from workplan.notifications.queries import messages_for, unread_by_kind, unread_count


@require_GET
def notification_list(request):
    kind = request.GET.get("kind", "")
    if kind not in Notification.Kind.values:
        kind = ""  # an unknown kind shows every message, as the address without one does
    page = Paginator(messages_for(request.user, kind), 50).get_page(request.GET.get("page"))
    items = list(page)
    # Reading changes nothing: the page posts back the unread messages it shows (mark_read).
    shown_unread = [n.pk for n in items if n.read_at is None]
    context = {
        "items": items,
        "page": page,
        "shown_unread": shown_unread,
        "unread_elsewhere": unread_count(request.user) - len(shown_unread),
        "kind": kind,
        "kinds": unread_by_kind(request.user),
    }
    return render(request, "notifications/list.html", context)


@require_POST
def mark_read(request):
    """Mark read the messages a page of the centre showed; HTMX gets the new badge back."""
    ids = [i for i in map(parse_id, request.POST.getlist("id")) if i is not None]
    do_mark_notifications_read(request.user, ids)
    if request.htmx:
        context = {"unread": unread_count(request.user), "shown_unread": []}
        return render(request, "notifications/_marked_read.html", context)
    return redirect("notifications:list")


@require_POST
def mark_all_read(request):
    count = do_mark_notifications_read(request.user)
    messages.success(
        request,
        ngettext(
            "{count} message marked as read.", "{count} messages marked as read.", count
        ).format(count=count),
    )
    return redirect("notifications:list")
