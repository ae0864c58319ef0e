"""A password that could not be checked (the server ran out of memory hashing it) is the
server's failure: the person is told to try again, and it is not counted as a wrong password."""

import logging

import argon2
import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client
from django.urls import reverse

from workplan.accounts.hashers import Argon2PasswordHasher, PasswordCheckUnavailable
from workplan.accounts.models import LoginFailure

pytestmark = pytest.mark.django_db


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


@pytest.fixture
def hasher_out_of_memory(monkeypatch):
    def fail(self, password, encoded):
        raise MemoryError

    monkeypatch.setattr(MD5PasswordHasher, "verify", fail)


def test_person_signing_in_when_the_hasher_runs_out_of_memory_is_asked_to_try_again(
    liaison, hasher_out_of_memory, caplog
):
    with caplog.at_level(logging.ERROR):
        response = sign_in(Client(raise_request_exception=False), "liaison", "pw-liaison-1")
    page = response.content.decode()
    assert response.status_code == 503
    assert "不匹配" not in page
    assert "稍后再试" in page
    assert any(r.levelno == logging.ERROR for r in caplog.records)


def test_hasher_failures_are_not_counted_as_wrong_passwords(liaison, hasher_out_of_memory):
    for _ in range(8):
        assert sign_in(Client(raise_request_exception=False), "liaison", "x").status_code == 503

    assert not LoginFailure.objects.exists()


def test_argon2_running_out_of_memory_is_not_a_wrong_password(monkeypatch):
    hasher = Argon2PasswordHasher()
    encoded = hasher.encode("pw-1", hasher.salt())
    assert hasher.verify("pw-1", encoded)
    assert not hasher.verify("pw-2", encoded)

    def out_of_memory(self, hash, password):
        raise argon2.exceptions.VerificationError("Memory allocation error")

    monkeypatch.setattr(argon2.PasswordHasher, "verify", out_of_memory)
    with pytest.raises(PasswordCheckUnavailable):
        hasher.verify("pw-1", encoded)
