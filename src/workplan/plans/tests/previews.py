"""Import previews for tests: a parse as the parser reports it (`make_parsed_plan`), built
directly from the parsing dataclasses, and staged for an office user (`stage_plan_preview`).
Kept out of factories.py, which builds plans without anything of the parser."""

from workplan.parsing import (
    AliasProposal,
    ParsedDepartment,
    ParsedPlan,
    ParsedPoint,
    ParsedTask,
    Responsibility,
)
from workplan.plans.actions import do_stage_import_preview
from workplan.plans.models import ImportPreview


def make_parsed_plan() -> ParsedPlan:
    """Return the parse of a fictional 青山职业学院 2025 document, as the parser reports an
    uncertain reading: item warnings, a plan warning, and an alias proposal (组织部 →
    组织人事部) kept as written. Built directly, so tests do not depend on the parser."""
    return ParsedPlan(
        title="2025年工作要点",
        organization="青山职业学院",
        organization_aliases=[],
        year=2025,
        preamble="2025年学院工作的总体要求是：稳中求进，提质培优。",
        points=[
            ParsedPoint(
                number=1,
                title="加强党的建设",
                responsibility=Responsibility(
                    raw="责任部门：党委办公室、组织部，各二级学院",
                    lead=["党委办公室"],
                    co=["组织部"],
                    groups=["各二级学院"],
                ),
                tasks=[
                    ParsedTask(text="落实全面从严治党主体责任。"),
                    ParsedTask(
                        text="开展基层党组织质量提升行动。",
                        responsibility=Responsibility(raw="配合部门：宣传部", co=["宣传部"]),
                        warnings=["没有写明牵头部门，请核对。"],
                    ),
                    ParsedTask(text="推进党建与业务深度融合。"),
                ],
            ),
            ParsedPoint(
                number=2,
                title="深化教学改革",
                responsibility=Responsibility(raw="责任部门：教务处科研处", lead=["教务处科研处"]),
                warnings=["“教务处科研处”可能是两个部门名连写，请核对。"],
                tasks=[
                    ParsedTask(text="推进专业群建设，"),
                    ParsedTask(text="建设一批示范课程。"),
                    ParsedTask(text="完善教学质量保证体系。"),
                ],
            ),
        ],
        departments=[
            ParsedDepartment("党委办公室"),
            ParsedDepartment("组织部"),
            ParsedDepartment("宣传部"),
            ParsedDepartment("教务处科研处"),
        ],
        warnings=["文末的落款和日期已略去。"],
        proposals=[AliasProposal("组织部", "组织人事部")],
        source_digest="qingshan-2025",
    )


def stage_plan_preview(owner, parsed: ParsedPlan | None = None) -> ImportPreview:
    """Return a plan document's preview for `owner`, as an upload stages it."""
    parsed = parsed or make_parsed_plan()
    return do_stage_import_preview(
        owner=owner,
        kind=ImportPreview.Kind.PLAN_DOCUMENT,
        name="青山职业学院2025年工作要点.docx",
        payload={"parsed": parsed.to_dict(), "digest": parsed.source_digest},
    )
