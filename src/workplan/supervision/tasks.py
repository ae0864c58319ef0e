"""Supervision's background jobs (Django's tasks API; django-tasks-db stores them, `workplan worker` runs them)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from workplan.accounts.models import User
from workplan.core.roles import Role
from workplan.notifications.notify import Kind, Message, notify
from workplan.supervision.models import Notice
from workplan.supervision.queries import missing_tasks


def _recipients(notice: Notice) -> list[User]:
    if notice.level == Notice.Level.LEADER:
        leader_ids = {t.effective_leader.pk for t in notice.chased_tasks if t.effective_leader}
        people = User.objects.filter(pk__in=leader_ids, is_active=True)
        if people:
            return list(people)
    role = Role.HEAD if notice.level == Notice.Level.HEAD else Role.LIAISON
    return list(
        User.objects.filter(
            departments=notice.department, role_grants__role=role, is_active=True
        ).distinct()
    )


@task()
def send_notice_email(notice_id: int) -> int:
    """E-mail a reminder or chase once: the conditional update claims it, so a second run or a
    second worker finds nothing to send. Return how many people it went to."""
    claimed = Notice.objects.filter(pk=notice_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return 0
    notice = Notice.objects.select_related("department", "period", "plan").get(pk=notice_id)
    notice.chased_tasks = missing_tasks(notice.plan, notice.period, notice.department)
    people = _recipients(notice)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "notice": notice,
            "tasks": notice.chased_tasks,
            "site": settings.WORKPLAN_SITE_URL,
        }
        subject = render_to_string("supervision/notice_email_subject.txt", context).strip()
        body = render_to_string("supervision/notice_email.txt", context)
    addresses = [p.email for p in people if p.email]
    if addresses:
        send_mail(subject, body, None, addresses)
    reports = reverse("progress:my-reports")
    notify(
        people,
        _notice_message(notice),
        f"{reports}?{urlencode({'department': notice.department_id})}",
        kind=Kind.REMINDER,
    )
    return len(addresses)


def _notice_message(notice: Notice) -> Message:
    """Return the reminder's or chase's line in the message centre, for each reader's language
    (the period keeps the name the institution gave it)."""
    values = {"department": notice.department.name, "period": notice.period.label}
    if notice.kind == Notice.Kind.CHASE:
        return Message(
            gettext_noop("[Chase] {department}: reports for {period} not submitted"), **values
        )
    return Message(gettext_noop("[Reminder] {department}: reports for {period} are due"), **values)
