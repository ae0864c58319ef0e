"""A request naming a host the site does not serve is a bad request (400), not a failure."""

import logging

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/accounts/password-reset/"])
def test_visitor_with_a_foreign_host_header_gets_a_bad_request_page(client, caplog, path):
    with caplog.at_level(logging.INFO):
        response = client.get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "请求有误" in response.content.decode() or "Bad request" in response.content.decode()
    assert "evil.example" not in response.content.decode()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not [r for r in caplog.records if r.exc_info]


def test_visitor_posting_with_a_foreign_host_header_gets_a_bad_request_page(client, caplog):
    with caplog.at_level(logging.INFO):
        response = client.post(
            "/accounts/login/", {"username": "a", "password": "b"}, HTTP_HOST="evil.example"
        )
    assert response.status_code == 400
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
