"""Abbreviations resolve to the one full name they shorten; doubt gives a warning, not a guess."""

import pytest

from workplan.parsing import parse_bytes
from workplan.parsing.names import is_abbreviation_of, resolve_names


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("管评中心", "教学质量管理与评估中心", True),
        ("质评办", "质量管理与评估办公室", True),
        ("招标办", "招标办公室", True),
        ("教务处", "职院教务处", False),  # a part of a longer name is another office
        ("教务处", "教务处", False),
        ("管评中心", "教学质量管理与评估处", False),  # must end alike
        ("评管中心", "教学质量管理与评估中心", False),  # characters out of order
    ],
)
def test_abbreviation_rule(short, full, expected):
    assert is_abbreviation_of(short, full) is expected


def test_common_abbreviation_used_only_when_the_full_name_is_known():
    assert resolve_names(["招就处"]).canonical == {"招就处": "招就处"}
    resolved = resolve_names(["招生就业处", "招就处"]).canonical
    assert resolved["招就处"] == "招生就业处"


def test_registry_names_resolve_aliases_and_full_names():
    registry = {
        "教学质量管理与评估中心": "教学质量管理与评估中心",
        "管评中心": "教学质量管理与评估中心",
    }
    resolution = resolve_names(["管评中心", "教务处"], registry)
    assert resolution.canonical == {"管评中心": "教学质量管理与评估中心", "教务处": "教务处"}


def test_ambiguous_abbreviation_warns_and_is_kept():
    resolution = resolve_names(["信息技术中心", "信息管理技术中心", "信技中心"])
    assert resolution.canonical["信技中心"] == "信技中心"
    assert len(resolution.warnings) == 1
    assert "信技中心" in resolution.warnings[0]


def test_abbreviation_in_document_becomes_alias_of_full_name():
    text = (
        "某学院\n\n2023年工作要点\n\n"
        "一、抓质量。做甲。（责任部门：教学质量管理与评估中心、教务处）\n\n"
        "二、抓评估。做乙。（责任部门：管评中心）\n"
    )
    plan = parse_bytes(text.encode(), "p.txt")
    assert plan.points[1].responsibility.lead == ["教学质量管理与评估中心"]
    assert plan.departments[0].to_dict() == {
        "name": "教学质量管理与评估中心",
        "aliases": ["管评中心"],
    }
    assert len(plan.departments) == 2


def test_two_real_departments_are_not_merged():
    resolution = resolve_names(["信息技术中心", "信息管理技术中心"])
    assert resolution.canonical == {
        "信息技术中心": "信息技术中心",
        "信息管理技术中心": "信息管理技术中心",
    }
    assert resolution.warnings == []


def test_abbreviation_known_only_to_the_registry_is_proposed_not_applied():
    registry = {"组织人事部": "组织人事部"}
    resolution = resolve_names(["组织部", "教务处"], registry)
    assert resolution.canonical["组织部"] == "组织部"
    assert resolution.proposals == {"组织部": "组织人事部"}
    assert resolution.warnings == [
        "“组织部”可能是部门名录中“组织人事部”的简称，未自动合并，请在导入时确认。"
    ]
