"""Behind a reverse proxy the client's own address is recorded and locked out, not the proxy's."""

from django.test import RequestFactory

from workplan.core.net import client_ip


def test_without_proxies_the_connection_address_counts(settings):
    settings.WORKPLAN_PROXY_COUNT = 0
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_ip(request) == "10.0.0.5"


def test_behind_one_proxy_the_forwarded_address_counts_and_cannot_be_forged(settings):
    settings.WORKPLAN_PROXY_COUNT = 1
    forged = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 10.2.3.4"
    )
    assert client_ip(forged) == "10.2.3.4"
    missing = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1")
    assert client_ip(missing) == "127.0.0.1"
