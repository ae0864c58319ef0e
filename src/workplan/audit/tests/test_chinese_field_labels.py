"""Every field name the audit trail shows reads in Chinese when the language is Chinese: each
field of every model (a record may name any of them), the values recorded that are not model
fields, and every name the actions record."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from workplan.audit.labels import EXTRA_FIELDS, field_label
from workplan.audit.models import AuditRecord

CHINESE = re.compile(r"[\u4e00-\u9fff]")
SOURCE = Path(__file__).resolve().parents[2]


def our_models():
    return [m for m in apps.get_models() if m.__module__.startswith("workplan.")]


def model_fields():
    """Return (object type, field name) for every field a record of a model can name."""
    return [
        (model._meta.label_lower, field.name)
        for model in our_models()
        for field in model._meta.get_fields()
        if field.concrete or (field.many_to_many and not field.auto_created)
    ]


def recorded_names() -> set[str]:
    """Return the field names the actions give record_changed / record_created, read from the
    source: ("state", before, after) in the call's changes or extra values, and fields=[...]."""
    names = set()
    for path in SOURCE.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for call in re.finditer(r"record_(?:changed|created|many_created)\(", text):
            window = text[call.end() : call.end() + 400].split("\n\n")[0]
            names |= set(re.findall(r'\(\s*"([a-z_]+)",[^,\n]+,[^\n]+\)', window))
        for listed in re.finditer(r"fields=\[([^\]]*)\]", text):
            names |= set(re.findall(r'"([a-z_]+)"', listed.group(1)))
    return names


def test_every_model_field_has_a_chinese_label():
    with translation.override("zh-hans"):
        english = [
            f"{kind}.{name} → {field_label(kind, name)}"
            for kind, name in model_fields()
            if not CHINESE.search(field_label(kind, name))
        ]
    assert english == []


def test_every_recorded_value_that_is_not_a_field_has_a_chinese_label():
    with translation.override("zh-hans"):
        english = [n for n in EXTRA_FIELDS if not CHINESE.search(field_label("", n))]
    assert english == []


def test_every_name_the_actions_record_is_a_labelled_field_or_value():
    known = {name for _kind, name in model_fields()} | set(EXTRA_FIELDS)
    names = recorded_names()
    assert {"state", "due_date", "phone", "roles"} <= names  # the scan reads the actions
    assert sorted(names - known) == []


@pytest.mark.django_db
def test_auditor_reads_a_new_reports_department_in_chinese(client, auditor):
    AuditRecord.objects.create(
        actor_name="陈老师",
        action=AuditRecord.Action.CREATE,
        object_type="progress.progressreport",
        object_id="1",
        object_repr="2024年6月 · 1.1 · 教务处",
        scope="plans.task:1",
        changes=[
            {"field": "department", "before": None, "after": "教务处"},
            {"field": "period", "before": None, "after": "2024年6月"},
        ],
    )
    client.force_login(auditor)
    page = client.get(reverse("audit:log")).text
    assert "部门：" in page and "department：" not in page and "period：" not in page
