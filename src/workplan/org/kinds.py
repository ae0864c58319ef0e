"""Guess a department's kind from its name; pure, used when an import meets a new name."""

from workplan.org.models import Department

Kind = Department.Kind

# Checked in order; the first rule whose ending or word matches decides.
_RULES: list[tuple[tuple[str, ...], tuple[str, ...], Kind]] = [
    (("总支", "党支部", "党委"), (), Kind.PARTY_ORGANISATION),
    (("工会", "团委", "妇委会", "校友办", "校友会"), (), Kind.MASS),
    (
        ("组织部", "宣传部", "统战部", "学工部", "学生工作部", "武装部", "纪委"),
        ("纪委", "党办", "党委"),
        Kind.PARTY,
    ),
    (("学院", "院部", "系", "思政课部", "体育部", "研究院"), (), Kind.TEACHING),
    (("中心", "馆", "集团", "医院", "研究所"), (), Kind.SUPPORT),
    (("处", "办", "办公室", "室", "部"), (), Kind.ADMINISTRATIVE),
]


def guess_kind(name: str) -> str:
    """Return the likeliest Department.Kind for a department called `name`."""
    for endings, words, kind in _RULES:
        if name.endswith(endings) or any(word in name for word in words):
            return kind
    return Kind.OTHER
