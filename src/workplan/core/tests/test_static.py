"""The pages' own assets are found by Django's static files machinery (served locally, no CDN)."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_local_asset_a_page_links_is_found(client):
    page = client.get(reverse("login")).content.decode()
    assets = re.findall(r'(?:href|src)="/static/([^"]+)"', page)
    assert assets
    for asset in assets:
        assert finders.find(asset), asset


def test_no_page_loads_anything_from_another_site(client, viewer):
    client.force_login(viewer)
    for url in (reverse("login"), reverse("plans:plan-list"), reverse("org:department-list")):
        page = client.get(url).content.decode()
        assert not re.search(r'(?:href|src)="(?:https?:)?//', page), url
