"""Chinese is the default language; English is complete; the compiled catalogue is current."""

import gettext
from pathlib import Path

import polib
import pytest
from django.urls import reverse

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "zh_Hans" / "LC_MESSAGES"

pytestmark = pytest.mark.django_db


def test_login_page_is_in_chinese_by_default(client):
    page = client.get(reverse("login")).content.decode()
    assert "登录" in page
    assert "工作要点督办系统" in page


def test_english_is_available(client, viewer):
    client.force_login(viewer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("plans:plan-list")).content.decode()
    assert "Work plans" in page
    assert "Sign out" in page


def test_every_message_is_translated_and_compiled():
    catalogue = polib.pofile(str(LOCALE / "django.po"))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            continue
        found = (
            compiled.pgettext(entry.msgctxt, entry.msgid)
            if entry.msgctxt
            else compiled.gettext(entry.msgid)
        )
        assert found == entry.msgstr, entry.msgid


def test_english_browser_still_gets_chinese_until_the_user_switches(client):
    page = client.get(reverse("login"), headers={"accept-language": "en-US,en;q=0.9"})
    assert "登录" in page.content.decode()
    assert page["Content-Language"] == "zh-hans"
