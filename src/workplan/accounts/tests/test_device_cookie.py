"""The browser the owner signed in with carries a random device token (OWASP's device cookies):
it is judged on its own wrong passwords only, so a colleague behind the same address cannot
lock the owner out; a stolen token gives at most five guesses and dies with the password."""

import hashlib

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from workplan.accounts.models import DeviceToken

pytestmark = pytest.mark.django_db

OFFICE = "10.0.0.1"
COOKIE = "workplan_device"


def sign_in(client, username, password, address=OFFICE):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def browser_of(username) -> Client:
    """Return a browser in which `username` has signed in (and then signed out)."""
    browser = Client()
    assert sign_in(browser, username, f"pw-{username}-1").status_code == 302
    browser.post(reverse("logout"))
    return browser


def lock_the_pair(username, address=OFFICE):
    for _ in range(settings.WORKPLAN_LOGIN_FAILURE_LIMIT):
        sign_in(Client(), username, "wrong", address=address)
    assert sign_in(Client(), username, f"pw-{username}-1", address=address).status_code == 429


def test_owner_signs_in_with_their_browser_where_a_colleague_just_locked_the_pair(liaison):
    browser = browser_of("liaison")
    lock_the_pair("liaison")
    assert sign_in(browser, "liaison", "pw-liaison-1").status_code == 302
    assert browser.session["_auth_user_id"] == str(liaison.pk)


def test_owner_mistyping_in_their_browser_is_not_locked_by_the_colleagues_failures(liaison):
    browser = browser_of("liaison")
    lock_the_pair("liaison")
    assert sign_in(browser, "liaison", "typo").status_code == 200
    assert sign_in(browser, "liaison", "pw-liaison-1").status_code == 302


def test_two_browsers_get_different_random_tokens_stored_only_as_hashes(liaison):
    first, second = browser_of("liaison"), browser_of("liaison")
    tokens = {first.cookies[COOKIE].value, second.cookies[COOKIE].value}
    assert len(tokens) == 2
    stored = set(DeviceToken.objects.filter(user=liaison).values_list("token_hash", flat=True))
    assert stored == {hashlib.sha256(t.encode()).hexdigest() for t in tokens}


def test_the_cookie_is_http_only_same_site_lax_and_kept_180_days(client, liaison):
    response = sign_in(client, "liaison", "pw-liaison-1")
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 180 * 24 * 3600


def test_the_cookie_is_secure_where_the_session_cookie_is(client, liaison, settings):
    settings.SESSION_COOKIE_SECURE = True
    assert sign_in(client, "liaison", "pw-liaison-1").cookies[COOKIE]["secure"] is True


def test_the_token_stops_working_after_a_new_password_from_the_link(liaison):
    browser = browser_of("liaison")
    liaison.refresh_from_db()  # the reset token covers the time of the last sign-in
    uid = urlsafe_base64_encode(force_bytes(liaison.pk))
    token = default_token_generator.make_token(liaison)
    mailbox = Client()
    page = mailbox.get(reverse("password_reset_confirm", args=[uid, token]), follow=True)
    done = mailbox.post(
        page.redirect_chain[-1][0],
        {"new_password1": "Qiu-Shi-2026!", "new_password2": "Qiu-Shi-2026!"},
    )
    assert done.status_code == 302
    lock_the_pair("liaison")
    assert sign_in(browser, "liaison", "Qiu-Shi-2026!").status_code == 429
    assert not DeviceToken.objects.filter(user=liaison).exists()


def test_the_token_stops_working_after_the_password_is_changed_elsewhere(liaison):
    browser = browser_of("liaison")
    liaison.set_password("Qiu-Shi-2026!")  # `workplan changepassword`, for instance
    liaison.save()
    lock_the_pair("liaison")
    assert sign_in(browser, "liaison", "Qiu-Shi-2026!").status_code == 429


def test_five_wrong_passwords_with_a_stolen_token_revoke_it(liaison):
    owner = browser_of("liaison")
    thief = Client()
    thief.cookies[COOKIE] = owner.cookies[COOKIE].value
    lock_the_pair("liaison")
    answers = [sign_in(thief, "liaison", f"guess-{n}").status_code for n in range(5)]
    # The fifth spends the token; the thief is then judged like any browser at a locked pair.
    assert answers == [200, 200, 200, 200, 429]
    assert not DeviceToken.objects.filter(user=liaison).exists()
    assert sign_in(thief, "liaison", "guess-6").status_code == 429
    assert sign_in(owner, "liaison", "pw-liaison-1").status_code == 429


def test_a_forged_token_is_treated_as_no_token(liaison):
    lock_the_pair("liaison")
    forger = Client()
    forger.cookies[COOKIE] = "A" * 43
    assert sign_in(forger, "liaison", "pw-liaison-1").status_code == 429


def test_an_old_style_cookie_is_treated_as_no_token(liaison):
    lock_the_pair("liaison")
    old = Client()
    # The former cookie, an HMAC of the login name, was the same in every browser.
    old.cookies[COOKIE] = hashlib.sha256(b"liaison").hexdigest()
    assert sign_in(old, "liaison", "pw-liaison-1").status_code == 429


def test_a_token_from_another_account_does_not_help(liaison, head):
    browser = browser_of("head")
    lock_the_pair("liaison")
    assert sign_in(browser, "liaison", "pw-liaison-1").status_code == 429
