"""Asking for a password reset answers the same way whether or not the address is known: the
mail is sent after the answer has gone, so its time does not tell anyone who has an account."""

import threading
import time
from email import message_from_bytes

import pytest
from django.core.mail.backends.smtp import EmailBackend
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def wait_for(inbox, count=1):
    for _ in range(100):
        if len(inbox.messages) >= count:
            return
        time.sleep(0.05)


def test_the_mail_to_a_known_address_is_sent_only_after_the_answer(
    client, smtp_server, liaison, monkeypatch
):
    answered = threading.Event()
    opened_after_answer = []
    real_open = EmailBackend.open

    def open_connection(self):
        opened_after_answer.append(answered.wait(timeout=3))
        return real_open(self)

    monkeypatch.setattr(EmailBackend, "open", open_connection)
    response = client.post(reverse("password_reset"), {"email": liaison.email})
    answered.set()
    assert response.status_code == 302
    wait_for(smtp_server)
    assert opened_after_answer == [True]
    [envelope] = smtp_server.messages
    assert envelope.rcpt_tos == [liaison.email]


def test_the_mail_is_written_in_the_language_the_person_asked_in(client, smtp_server, liaison):
    client.cookies["django_language"] = "en"
    client.post(reverse("password_reset"), {"email": liaison.email})
    wait_for(smtp_server)
    [envelope] = smtp_server.messages
    body = message_from_bytes(envelope.content).get_payload(decode=True).decode()
    assert "Dear liaison" in body


def test_known_and_unknown_addresses_cost_the_request_the_same_work(client, smtp_server, liaison):
    with CaptureQueriesContext(connection) as known:
        known_answer = client.post(reverse("password_reset"), {"email": liaison.email})
    with CaptureQueriesContext(connection) as unknown:
        unknown_answer = client.post(reverse("password_reset"), {"email": "nobody@example.edu.cn"})
    assert len(known.captured_queries) == len(unknown.captured_queries)
    assert known_answer.status_code == unknown_answer.status_code == 302
    assert known_answer["Location"] == unknown_answer["Location"]
    wait_for(smtp_server)
    assert len(smtp_server.messages) == 1
