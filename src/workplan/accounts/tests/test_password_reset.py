"""Password reset by e-mail, through a real SMTP server on loopback."""

import re
import time

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from workplan.audit.models import AuditRecord

pytestmark = pytest.mark.django_db


def test_person_resets_their_password_from_the_emailed_link(client, smtp_server, liaison):
    response = client.post(reverse("password_reset"), {"email": liaison.email})
    assert response.status_code == 302
    for _ in range(50):
        if smtp_server.messages:
            break
        time.sleep(0.05)
    [envelope] = smtp_server.messages
    assert envelope.rcpt_tos == [liaison.email]
    from email import message_from_bytes
    from email.header import decode_header, make_header

    message = message_from_bytes(envelope.content)
    subject = str(make_header(decode_header(message["Subject"])))
    body = message.get_payload(decode=True).decode(message.get_content_charset())
    assert "密码" in subject
    assert "liaison" in body
    link = re.search(r"http://testserver(/accounts/password-reset/\S+/)", body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Qiu-Shi-2026!", "new_password2": "Qiu-Shi-2026!"},
    )
    assert done.status_code == 302
    liaison.refresh_from_db()
    assert liaison.check_password("Qiu-Shi-2026!")
    assert (
        AuditRecord.objects.filter(object_id=str(liaison.pk), changes__0__field="password").count()
        == 1
    )


def test_unknown_address_gets_the_same_answer_and_no_mail(client, smtp_server):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.edu.cn"})
    assert response.status_code == 302
    time.sleep(0.2)
    assert smtp_server.messages == []


def test_new_password_shorter_than_twelve_characters_is_refused(client, liaison):
    uid = urlsafe_base64_encode(force_bytes(liaison.pk))
    token = default_token_generator.make_token(liaison)
    form = client.get(
        reverse("password_reset_confirm", args=[uid, token]), follow=True
    ).redirect_chain[-1][0]
    answer = client.post(form, {"new_password1": "Qiu-Shi-26!", "new_password2": "Qiu-Shi-26!"})
    assert answer.status_code == 200
    assert "此密码太短，至少要包含 12 个字符" in answer.content.decode()
    liaison.refresh_from_db()
    assert not liaison.check_password("Qiu-Shi-26!")
