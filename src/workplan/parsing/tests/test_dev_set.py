"""The parser on the hand-annotated development set (../shared/corpus/dev-set): real documents of
other institutions that it was not written from. The figures are the issue's goal: departments
found per item F1 ≥ 0.95, the lead right for ≥ 95 % of items, no document refused."""

import os

import pytest

from workplan.parsing.scoring import score_folder, score_plan, totals


@pytest.fixture
def dev_set(corpus):
    folder = corpus / "dev-set"
    if not folder.is_dir():
        if os.environ.get("WORKPLAN_REQUIRE_CORPUS") == "1":
            pytest.fail(f"the development set is required but {folder} is missing")
        pytest.skip("../shared/corpus/dev-set is absent")
    return folder


def test_dev_set_departments_and_leads_reach_the_goal(dev_set):
    scores = score_folder(dev_set)
    assert len(scores) >= 3
    refused = [s.name for s in scores if s.refused]
    assert refused == []
    figures = totals(scores)
    missed = [
        (s.name, item.title[:12], item.expected, item.parsed)
        for s in scores
        for item in s.items
        if set(item.expected) != set(item.parsed) or not item.lead_correct
    ]
    assert figures["f1"] >= 0.95, missed
    assert figures["lead"] >= 0.95, missed
    assert all(item.found for s in scores for item in s.items)


@pytest.mark.parametrize("lead", ["教务处", ["教务处"]])
def test_an_annotated_lead_counts_whether_written_as_a_name_or_a_list(lead):
    responsibility = {"lead": ["教务处"], "co": ["学生处"], "groups": []}
    plan = {"points": [{"title": "教学", "responsibility": None, "tasks": [
        {"text": "推进专业认证工作。", "section": "", "responsibility": responsibility}
    ]}]}  # fmt: skip
    gold = {"points": [{"title": "推进专业认证工作", "lead": lead, "co": ["学生处"]}]}
    item = score_plan("plan", plan, gold).items[0]
    assert item.expected == ["教务处", "学生处"] and item.lead_correct
