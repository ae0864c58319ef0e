"""The import preview lists the first 100 notes on a document and says how many more there are."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from workplan.core.problems import MAX_LISTED

pytestmark = pytest.mark.django_db
DIGITS = "零一二三四五六七八九"


def numeral(n: int) -> str:
    """Return n (1–199) as the Chinese numeral a key point is numbered with."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    text = "一百" if hundreds else ""
    if tens:
        text += ("" if tens == 1 and not hundreds else DIGITS[tens]) + "十"
    elif hundreds and units:
        text += "零"
    return text + (DIGITS[units] if units else "")


def test_supervisor_sees_the_first_100_notes_and_how_many_more(client, supervisor):
    # 150 key points without an annotation: a note on each.
    points = "".join(f"{numeral(n)}、要点{n}。推进第{n}项工作。\n" for n in range(1, 151))
    document = SimpleUploadedFile("p.txt", f"某大学2024年工作要点\n{points}".encode())
    client.force_login(supervisor)
    response = client.post(reverse("plans:plan-upload"), {"document": document}, follow=True)
    page = response.content.decode()
    assert page.count("没有标注责任部门") == MAX_LISTED
    assert "共有 150 处问题" in page and "另有 50 处问题" in page
