"""Resolve department abbreviations (简称) to full names found in the document or registry."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# Common abbreviations whose full name is not derivable by the in-order rule alone, or is
# worth knowing for certain. Used only when the full name is already known.
COMMON_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "招就处": ("招生就业处",),
    "学工部": ("学生工作部", "党委学生工作部"),
    "学工处": ("学生工作处",),
    "组织部": ("党委组织部",),
    "宣传部": ("党委宣传部",),
    "统战部": ("党委统战部",),
    "党政办": ("党政办公室",),
    "党办": ("党委办公室",),
    "校办": ("校长办公室",),
    "人事处": ("人力资源处", "人事处（人才工作办公室）"),
    "研究生院": ("研究生院（研究生工作部）",),
    "国资处": ("国有资产管理处",),
    "科研处": ("科学研究处", "科技处"),
    "外事处": ("国际交流与合作处", "国际交流合作处"),
    "教评中心": ("教学评估中心", "教学质量监控与评估中心"),
    "网信中心": ("网络信息中心", "网络与信息中心"),
}


@dataclass
class Resolution:
    """How names were resolved: short name → canonical name, and anything doubtful."""

    canonical: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Names only the registry says abbreviate a known department: kept as written, proposed.
    proposals: dict[str, str] = field(default_factory=dict)


def is_abbreviation_of(short: str, full: str) -> bool:
    """Return whether `short` abbreviates `full`.

    Its characters appear in order in `full` and it ends alike; it is not simply a part of
    `full` (教务处 is not short for 职院教务处, which is another office); and it is short —
    at most four characters or three fifths of the full name, two characters fewer at least —
    so that 信息技术中心 and 信息管理技术中心 stay two departments.
    """
    # 办 is the usual short form of 办公室 (招标办 = 招标办公室).
    if full.endswith("办公室") and short.endswith("办"):
        full = full.removesuffix("公室")
        if short == full:
            return True
    if len(short) < 2 or len(short) > len(full) - 2 or short in full:
        return False
    if len(short) > 4 and len(short) > 0.6 * len(full):
        return False
    if short[-1] != full[-1]:
        return False
    position = 0
    for char in short:
        position = full.find(char, position)
        if position == -1:
            return False
        position += 1
    return True


def resolve_names(
    names: Iterable[str],
    registry: Mapping[str, str] | None = None,
) -> Resolution:
    """Return the canonical name of each of `names`.

    `registry` maps every known name and alias to its canonical department name. A name is
    canonical if the registry knows it; otherwise it resolves to the single longer name (in
    the document) it abbreviates. A name that abbreviates only a registry name, or that only the
    table of customary short names links to another (科研处 → 科技处), is kept as written and
    proposed; two candidates give a warning and no guess.
    """
    registry = dict(registry or {})
    names = list(dict.fromkeys(names))
    known_full = list(dict.fromkeys([*names, *registry.values()]))
    result = Resolution()
    for name in names:
        if name in registry:
            result.canonical[name] = registry[name]
            continue
        candidates = [
            full
            for full in known_full
            if full != name
            and (is_abbreviation_of(name, full) or full in COMMON_ABBREVIATIONS.get(name, ()))
        ]
        # A candidate that itself abbreviates another candidate is not a full name.
        candidates = [
            c for c in candidates if not any(is_abbreviation_of(c, o) for o in candidates)
        ]
        if len(candidates) == 1:
            full = registry.get(candidates[0], candidates[0])
            # 组织部 is part of 党委组织部, 管评中心 abbreviates its full name in order; 科研处
            # for 科技处 is only a custom of some schools: a guess, proposed like the registry's.
            sure = is_abbreviation_of(name, candidates[0]) or name in candidates[0]
            if full in names and not sure:
                # 科研处 and 科技处 both named in one document: two offices, not one.
                result.canonical[name] = name
            elif full in names:
                result.canonical[name] = full
            else:
                # Only the registry says so: another year's name may mean another office now,
                # so the office confirms it; until then the name stays as written.
                result.canonical[name] = name
                result.proposals[name] = full
                result.warnings.append(
                    f"“{name}”可能是部门名录中“{full}”的简称，未自动合并，请在导入时确认。"
                )
        else:
            result.canonical[name] = name
            if len(candidates) > 1:
                options = "、".join(candidates)
                result.warnings.append(
                    f"“{name}”可能是多个部门的简称（{options}），未自动合并，请人工确认。"
                )
    return result
