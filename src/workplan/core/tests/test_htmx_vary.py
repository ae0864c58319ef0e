"""An answer to an HTMX request says it varies on HX-Request, so no cache hands a fragment to a
plain request for the same address; views see `request.htmx` as true only for HTMX requests."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django_htmx.middleware import HtmxMiddleware

from workplan.core.middleware import HtmxVaryMiddleware

pytestmark = pytest.mark.django_db


def answer(request):
    return HttpResponse("fragment" if request.htmx else "page", headers={"Vary": "Cookie"})


def run(headers):
    request = RequestFactory().get("/", headers=headers)
    return HtmxMiddleware(HtmxVaryMiddleware(answer))(request)


def test_htmx_request_gets_the_fragment_marked_as_varying_on_hx_request():
    response = run({"HX-Request": "true"})
    assert response.content == b"fragment"
    assert response["Vary"] == "Cookie, HX-Request"


def test_plain_request_gets_the_page_and_its_own_vary_header():
    response = run({})
    assert response.content == b"page"
    assert response["Vary"] == "Cookie"


def test_login_page_fetched_by_htmx_varies_on_hx_request(client):
    response = client.get("/accounts/login/", headers={"HX-Request": "true"})
    assert "HX-Request" in response["Vary"]
