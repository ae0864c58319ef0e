"""Why a reading is uncertain: the reasons each key point and task carries into the preview."""

from __future__ import annotations

import re

from .model import ParsedPoint, Responsibility
from .responsibility import UNIT_ENDINGS

# Common surnames: a two- or three-character name starting with one, and not ending like a unit,
# is likely a person written where a department belongs.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左"
    "柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈"
    "饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵"
    "苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)


UNASSIGNED = "没有标注责任单位。"
# The longest name a department or collective term may have (the registry stores no longer).
LONGEST_NAME = 100
# 学科办（李明）: a person in a unit's brackets; 人事秘书王芳: a post, then the person holding it.
_BRACKETED_RE = re.compile(r"[（(]([^（）()]{2,3})[)）]$")
_TITLED_PERSON_RE = re.compile(
    r"(秘书|干事|主任|老师|教师|科长|处长|部长|院长|校长|书记|联系人|负责人|专员|助理)"
    r"([\u4e00-\u9fff]{2,3})$"
)
# 各班主任, 各辅导员: collective terms for people, not for units.
_PEOPLE_ENDINGS = (
    "班主任", "辅导员", "教师", "老师", "负责人", "联系人", "书记", "校长", "院长", "主任",
    "干部", "职工", "学生", "家长", "同学",
)  # fmt: skip
# Signs no unit's or person's name holds: a formula's, markup's or a pipe.
_SIGNS = re.compile(r"^[=+\-@]|[=<>|{}$!\\]")


def looks_like_person(name: str) -> bool:
    """Return whether `name` looks like a person's name rather than a unit's."""
    return (
        2 <= len(name) <= 3
        and name[0] in _SURNAMES
        and not name.endswith(UNIT_ENDINGS)
        and re.fullmatch(r"[\u4e00-\u9fff]+", name) is not None
    )


def flag_items(points: list[ParsedPoint]) -> None:
    """Give each key point and task the reasons its reading is uncertain."""
    for point in points:
        # A key point needs no annotation of its own when each of its tasks has one.
        if point.responsibility is not None or not point.tasks:
            _flag(point.responsibility, point.warnings, inherited=None)
        for task in point.tasks:
            _flag(task.responsibility, task.warnings, inherited=point.responsibility)


def _flag(resp: Responsibility | None, target: list[str], inherited) -> None:
    if resp is None:
        if inherited is None and not target:
            target.append(UNASSIGNED)
        return
    for note in resp.notes:
        if note not in target:
            target.append(note)
    if not resp.lead and (resp.co or resp.groups):
        target.append("没有明确的牵头单位（只列了配合单位或泛指的单位）。")
    for name in [*resp.lead, *resp.co, *resp.groups, *resp.leaders]:
        if _SIGNS.search(name):
            target.append(f"“{name}”含有名称中不应有的符号（= + @ < > | 等），请核对。")
    for name in [*resp.lead, *resp.co]:
        bracketed = _BRACKETED_RE.search(name)
        titled = _TITLED_PERSON_RE.search(name)
        if looks_like_person(name):
            target.append(f"“{name}”像是人名，不像部门名称，请核对。")
        elif bracketed and looks_like_person(bracketed.group(1)):
            target.append(f"“{name}”的括号中“{bracketed.group(1)}”像是人名，请核对。")
        elif titled and looks_like_person(titled.group(2)):
            target.append(f"“{name}”像是职务和人名（{titled.group(2)}），不像部门名称，请核对。")
        elif len(name) <= 2 and not name.endswith(UNIT_ENDINGS):
            target.append(f"“{name}”不像完整的部门名称（可能被截断），请核对。")
    for name in [*resp.lead, *resp.co, *resp.groups]:
        if len(name) > LONGEST_NAME:
            target.append(
                f"“{name[:20]}…”有{len(name)}个字，超过部门名称的{LONGEST_NAME}字上限，"
                "像是几个名称或一段文字，请在预览中改正后再导入。"
            )
        if name.startswith(("各", "相关", "有关", "全体")) and name.endswith(_PEOPLE_ENDINGS):
            target.append(f"“{name}”指的是人员，不是部门，请核对。")
