"""Find responsibility annotations (（责任部门：…）, 牵头单位：…；配合单位：…) and read their lists."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from .model import Responsibility

OPEN = "（([【〔‹<"
CLOSE = "）)]】〕›>"

# The bare forms (牵头：…；配合：…) are common in offices' own drafts.
LEAD_LABELS = (
    "牵头部门", "牵头单位", "牵头处室", "牵头科室", "主责部门", "主责单位", "主要责任单位", "牵头",
    "主责", "牵头责任单位", "牵头责任部门", "牵头实施单位", "牵头落实单位", "主要责任部门",
    "省牵头单位", "市牵头单位", "县牵头单位", "区牵头单位",
)  # fmt: skip
CO_LABELS = (
    "协同配合单位", "配合部门", "配合单位", "协办单位", "协办部门", "协作单位", "参与单位", "参与部门",
    "协同单位", "配合科室", "配合处室", "协办科室", "配合", "协办", "协同责任单位", "配合责任单位",
    "协同部门", "协作部门", "协办处室", "协同处室", "配合股室", "协办股室", "协同科室",
    "主要协作单位", "主要配合单位", "参加单位", "配合实施单位", "辅助单位", "协助单位", "协助部门",
    "协商部门", "参与协商部门", "协办处室", "协助",
)  # fmt: skip
PLAIN_LABELS = (
    "责任部门", "责任单位", "责任处室", "责任科室", "承办单位", "承办部门", "承办科室", "责任主体",
    "实施单位", "负责部门", "负责单位", "负责科室", "审核部门", "审核单位", "主办单位", "主办部门",
    "执行单位", "执行部门", "落实单位", "落实部门", "办理部门", "办理单位", "责任股室", "落实科室",
    "落实处室", "任务单位", "承担单位", "责任主体单位", "具体责任单位", "实施主体", "完成单位",
    "部门分工", "责任分工", "主办", "承办", "责任单位及责任人", "责任部门及责任人",
    "责任单位及负责人", "责任单位和责任人",
)  # fmt: skip
LEADER_LABELS = (
    "分管校领导", "责任校领导", "牵头校领导", "分管领导", "责任领导", "牵头领导", "牵头负责领导",
    "分管院领导", "责任院领导", "分管局领导", "责任局领导", "分管县领导", "责任县领导", "分管区领导",
    "责任区领导", "分管市领导", "责任市领导", "分管副县长", "分管副区长", "分管副市长", "分管副校长",
    "分管副院长", "分管副局长", "联系领导", "包保领导", "负责人", "责任人", "第一责任人",
    "主要责任人", "具体责任人", "直接责任人", "校领导", "院领导", "县领导", "区领导", "市领导",
    "局领导", "省领导",
)  # fmt: skip
# Not departments: kept with the task (its deadline) or left in the annotation's words.
DEADLINE_LABELS = ("完成时限", "完成时间", "时间节点", "时限要求", "完成期限", "时限", "时间安排")
OTHER_LABELS = ("预期成果", "成果形式", "工作目标", "完成标准")
ALL_LABELS = LEAD_LABELS + CO_LABELS + PLAIN_LABELS + LEADER_LABELS + DEADLINE_LABELS + OTHER_LABELS
LABEL_ALTERNATIVES = "|".join(sorted(map(re.escape, ALL_LABELS), key=len, reverse=True))
LABEL_RE = re.compile(rf"({LABEL_ALTERNATIVES})\s*[:：]")
# An annotation in brackets: the opening bracket directly followed by a label.
BRACKETED_START_RE = re.compile(rf"[（(\[【〔]\s*(?={LABEL_ALTERNATIVES}\s*[:：])")
# An annotation on a line of its own, without brackets.
LINE_START_RE = re.compile(
    rf"(?m)(?:^[ \t\u3000]*|(?<=[。；;])[ \t\u3000]*)(?=(?:{LABEL_ALTERNATIVES})\s*[:：])"
    # （一）适龄女生疫苗接种牵头责任部门：县卫生健康委员会 — a label glued to the item's words,
    # its names running to the line's end.
    rf"|(?<=[^\s。；;：:，,、（(])(?=(?:{LABEL_ALTERNATIVES})\s*[:：][^\n。]{{2,60}}$)"
)

SEPARATORS = "、，,；;/／"
GENERIC_NOUNS = {
    "单位", "部门", "学院", "院部", "院系", "系部", "处室", "科室", "总支", "支部", "二级学院",
    "职能部门", "党总支", "直属单位", "教学单位",
}  # fmt: skip
GROUP_PREFIXES = ("各", "相关", "有关", "其他", "其它", "全校", "所有")
# Nouns that, listed after a 各… term, continue it: 各乡镇人民政府、街道办事处.
COLLECTIVE_TAILS = {
    "街道办事处",
    "街道",
    "乡镇",
    "社区",
    "部门",
    "单位",
    "直属单位",
    "院系",
    "系部",
    # 各区、县级市 / 各县、市、区政府 / 各县（市、区）: the kinds of place, one term.
    "县级市",
    "市",
    "区",
    "县",
    "区政府",
    "市政府",
    "县政府",
    "县级市政府",
    "乡",
    "镇",
    # 各州、市人民政府: the governments of each kind of place.
    "人民政府",
    "市人民政府",
    "县人民政府",
    "区人民政府",
    "州人民政府",
}
# 区政府各部门, 县直各单位, 全区经济运行各专班, 区政府有关部门: a collective term.
_COLLECTIVE_INSIDE_RE = re.compile(r"^.{1,12}(?:各|有关|相关).{0,10}$")
KNOWN_GROUPS = {
    "直属党支部",
    "各总支",
    "机关各部门",
    "各单位、部门",
    "二级学院",
    "二级单位",
    "教学院部",
}


@dataclass
class Annotation:
    """One annotation found in a text: where it stands and what it says."""

    start: int
    end: int
    inner: str
    closed: bool


def find_annotations(text: str, *, inline: bool = False, acting: bool = False) -> list[Annotation]:
    """Return the responsibility annotations in `text`, in order of appearance; fields on
    consecutive lines (牵头单位：A / 配合单位：B / 完成时限：…) are one annotation.

    Besides labelled fields, a bracket holding only units and 负责/牵头/配合 is an annotation
    (（教务处负责）, （教务处牵头，学生处配合）); with `inline`, so is such a clause inside a
    sentence (由教务处牵头, 教务处、学生处按职责分工负责), read as closing its sentence; with
    `acting` too, a unit as the subject of what is done (后勤处做好…)."""
    found = _find_each(text) + _short_forms(text, inline=inline, acting=acting)
    found.sort(key=lambda a: a.start)
    merged: list[Annotation] = []
    for annotation in found:
        if merged and annotation.start < merged[-1].end:
            continue  # a short form inside a labelled annotation
        merged.append(annotation)
    return _merge_adjacent(text, merged)


def _merge_adjacent(text: str, found: list[Annotation]) -> list[Annotation]:
    merged: list[Annotation] = []
    for annotation in found:
        previous = merged[-1] if merged else None
        if previous and previous.closed and not text[previous.end : annotation.start].strip():
            merged[-1] = Annotation(
                previous.start,
                annotation.end,
                f"{previous.inner}；{annotation.inner}",
                annotation.closed,
            )
        else:
            merged.append(annotation)
    return merged


_UNITS = r"[^（）()。；;：:\n]{2,80}?"
SHORT_BRACKET_RE = re.compile(
    rf"[（(]\s*(?:由)?(?P<lead>{_UNITS})(?:按照?职责分工|按职责|分别|共同)?"
    rf"(?P<verb>牵头负责|牵头落实|负责落实|牵头|负责|落实|主办)"
    # 财政所、各村（社区）配合: a name among the helpers may hold a bracket of its own.
    r"(?:[，,、；;]\s*(?P<co>(?:[^（）()。；;：:\n]|[（(][^（）()。；;：:\n]{1,8}[)）]){2,200}?)"
    r"(?:配合|协助|辅助|参与|协同|协办|落实|负责|具体实施|实施|按照?职责分工负责|按职责负责|分别负责)"
    rf"(?:落实)?)?"
    # （A牵头，B配合，9月底前完成）: and when.
    r"(?:[，,；;]\s*(?P<when>(?:(?:19|20)\d{2}年)?(?:\d{1,2}月|年底|年内|长期|持续)[^（）()。；;：:\n]{0,12}))?"
    # …负责。列第一位者为牵头部门，其他有关部门按职责分工负责，下同: a note on who leads.
    r"(?:[。，,；;](?:列|排|其他|其余|下同)[^（）()\n]{0,80})?"
    r"\s*[)）]"
)
# What a unit does when it is its sentence's subject: 后勤处做好…, 保卫处、后勤处加强….
ACTING_VERBS = (
    "做好", "加强", "组织", "安排", "汇总", "落实", "开展", "推进", "制定", "检查", "协调", "督促",
    "统筹", "抓好", "搞好", "编制", "指导", "建立", "完善", "确保", "会同", "联合", "及时", "认真",
    "切实", "积极", "提供", "准备", "根据", "按照", "结合", "对", "制作", "印制", "张贴", "悬挂",
    "发放", "收集", "整理", "召集", "选派", "推荐", "上报", "报送", "布置", "评选", "拍摄",
    "撰写", "起草", "巡查", "排查", "清理", "维护",
)  # fmt: skip
# What follows a verb that is the middle of a unit's name (组织部, 统筹办, 指导中心).
_NAME_GOES_ON = "部处室科办委院馆中组站队所局厅会"
# What an institution calls itself: the whole of it, not one of its units.
_WHOLE_INSTITUTION = {
    "学院",
    "学校",
    "大学",
    "我院",
    "我校",
    "全院",
    "全校",
    "本校",
    "本院",
    "党委",
    "校党委",
}
# What opens a clause about the means, not the doer: 依托继续教育学院开展…, 发挥工会…作用.
_MEANS = (
    "依托", "发挥", "通过", "围绕", "利用", "借助", "结合", "按照", "根据", "依据", "支持", "鼓励",
    "推动", "推进", "加强", "建设", "完善", "组建", "成立", "设立", "新建", "筹建", "办好", "打造",
    "培育", "引进", "邀请", "召开", "举办", "开展", "在", "对", "把", "将", "以", "为", "与", "和",
    "协调", "督促", "配合", "协助", "联系", "对接", "负责",
)  # fmt: skip
# Words no unit's name holds: 部门负责人认真履行本部门… is people and what they do.
_NEVER_IN_NAMES = ("负责人", "认真", "切实", "积极", "及时", "履行", "做好", "加强", "主要领导")
# An item's own number before a unit that is its sentence's subject: 1.学生处负责…
_ITEM_NUMBER = (
    r"(?:\d{1,3}[.．、](?!\d)|[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）]|[①-⑳]"
    r"|[一二三四五六七八九十]{1,3}、)?"
)


# 由教育科学文化卫生(民族宗教侨务外事)委员会负责: a name may hold a bracket of its own.
_BRACKETED_UNITS = r"(?:[^（）()。；;：:\n]|[（(][^（）()。；;：:\n]{1,12}[)）]){2,80}?"


def _inline_pattern(subject_verbs: str) -> str:
    return (
        rf"(?:由(?P<lead>{_BRACKETED_UNITS})"
        # 由党委组织部牵头: 组织 and 统筹 may begin the rest of a name (组织部, 统筹办).
        r"(?P<verb>牵头负责|牵头|负责|承办|主办|统筹组织|组织实施|(?:统筹|组织)(?![部处室科办委院馆中组站队所局厅会]))"
        # 由校团委主办，校社联承办: in a student activity the unit hosting it helps.
        rf"(?:[，,、]\s*(?P<co>{_UNITS})(?:配合|协助|参与|协办|承办|按照?职责分工负责)"
        rf"(?:[，,、]\s*(?P<co_more>{_UNITS})(?:配合|协助|参与|协办))?)?"
        r"|(?P<shared>[^（）()。；;：:\n，,]{2,80}?)按(?:照)?职责分工负责"
        # 教务处负责所有公共教室的审批: a unit as the subject of the sentence, perhaps with its
        # short name in brackets (学工部(处)负责…).
        rf"|(?:(?<=[\n。；;：:])|^|(?P<comma>(?<=[，,])))[ \t\u3000]*{_ITEM_NUMBER}[ \t\u3000]*"
        r"(?:首先|其次|同时|另外|此外|最后)?"
        r"(?P<subject>[^（）()。；;：:\n，,由\s\d](?:[^（）()。；;：:\n，,由]|[（(][^（）()。；;：:\n，,]{1,6}[)）]){1,29}?)"
        rf"(?P<subject_verb>{subject_verbs})"
        # …，县人民医院牵头，县中医院、县妇幼保健院配合: the units that help, after a comma.
        r"(?:[，,][ \t\u3000]*(?P<subject_co>[^（）()。；;：:\n，,]{2,60}?)"
        r"(?:配合|协助|参与|协办|协同)(?=[。；;，,\n]|$|[\u4e00-\u9fff]))?)"
    )


# 安保处要加强巡逻: a unit told what to do is responsible for it too (not 要求).
_SHORT_INLINE_RE = re.compile(_inline_pattern(r"牵头负责|负责(?!人)|牵头|要(?!求)"))
# In a document that annotates nothing, so is a unit that does the work (后勤处做好…, 学工部、
# 各二级学院汇总…), unless the verb begins a longer name (党委组织部, 编制办).
_ACTING_RE = re.compile(
    _inline_pattern(
        rf"牵头负责|负责(?!人)|牵头|要(?!求)|必须|务必|应当|(?:{'|'.join(ACTING_VERBS)})(?![{_NAME_GOES_ON}])"
    )
)
# After a comma or told what to do (要), a subject must be names of units and nothing else:
# 各单位按照组委会的要求 or 其他各部门重点安全防范部位 are no units.
_STRICT_ENDINGS = ("部门", "单位", "院系", "系部")


# （办公室，9月底完成）: a bracket holding only units and when they are to be done.
_UNIT_DEADLINE_BRACKET_RE = re.compile(
    r"[（(](?P<units>[^（）()。；;：:\n，,]{2,40}?)(?:牵头负责|负责|牵头)?[，,；;]\s*"
    r"(?P<deadline>(?:(?:19|20)\d{2}年)?(?:\d{1,2}月|年底|年内|长期|持续)[^（）()。；;：:\n]{0,12})[)）]"
)


# （党委办公室、组织部）closing a sentence or an item: a bracket of nothing but units (and
# perhaps a note on who leads: 排名第一位为牵头单位, 下同).
UNITS_BRACKET_RE = re.compile(
    r"[（(〔【](?P<units>(?:[^（）()〔〕【】\n。：:]|[（(][^（）()\n]{1,8}[)）]){2,100})"
    r"[)）〕】](?=[ \t\u3000]*(?:[。；;]|\n|$))"
)
_LEAD_NOTE_RE = re.compile(
    r"^(?:排名第一|排在第一|排名首位|列第一|第一个|首个).{0,8}牵头.{0,4}$|^下同$"
)


def units_bracket(units: str) -> str:
    """Return the labelled form of a bracket of units, or "" when it holds other words."""
    if re.match(r"\s*(?:含|包括|包含|不含|如|即|除|简称|以下简称|下称|指)", units):
        return ""  # （含二级学院）, （以下简称学院）: words about the text, not who does it
    tokens = [t for t in re.split(r"[，,]", units) if t.strip()]
    names = [t for t in tokens if not _LEAD_NOTE_RE.match(t.strip())]
    listed: list[str] = []
    for token in names:
        departments, groups = split_department_list(token.strip())
        listed += [*departments, *groups] or [token.strip()]
    if not listed or not all(
        is_unit(n) and not re.search(r"\d", n) and len(n) >= 2 for n in listed
    ):
        return ""
    return f"责任单位：{'、'.join(t.strip() for t in names)}"


def _short_forms(text: str, *, inline: bool, acting: bool) -> list[Annotation]:
    found = []
    # （教务处；2026年6月）: units and when they are due, read before a bracket of units alone.
    for match in _UNIT_DEADLINE_BRACKET_RE.finditer(text):
        if names_units(match["units"]):
            inner = f"责任单位：{match['units']}；完成时限：{match['deadline']}"
            found.append(Annotation(match.start(), match.end(), inner, True))
    dated = {a.start for a in found}
    for match in UNITS_BRACKET_RE.finditer(text):
        inner = units_bracket(match["units"])
        if inner and match.start() not in dated:
            found.append(Annotation(match.start(), match.end(), inner, True))
    for match in SHORT_BRACKET_RE.finditer(text):
        inner = short_annotation(match)
        if inner:
            found.append(Annotation(match.start(), match.end(), inner, True))
    if inline:
        spans = sorted((a.start, a.end) for a in found)
        starts = [start for start, _ in spans]
        # The longest reach of the spans starting at or before each: one lookup a clause.
        reach = list(accumulate((end for _, end in spans), max))
        pattern, position = _ACTING_RE if acting else _SHORT_INLINE_RE, 0
        while match := pattern.search(text, position):
            inner = short_annotation(match)
            at = bisect_right(starts, match.start()) - 1
            if inner and not (at >= 0 and match.start() < reach[at]):
                # The clause stays in the task's words; the annotation closes its sentence.
                end = _sentence_close(text, match.end())
                found.append(Annotation(end, end, inner, True))
            # 由杨志武副市长负责,市发改委牵头…: words that name no unit may hide a clause that
            # does, so the search goes on inside them.
            position = match.end() if inner else match.start() + 1
        for match in _LEADER_CLAUSE_RE.finditer(text):
            end = _sentence_close(text, match.end())
            found.append(Annotation(end, end, f"责任领导：{match['leader']}", True))
    if acting:
        closed = {a.end for a in found}
        for match in _LIST_SUBJECT_RE.finditer(text):
            units = _list_subject(match["listed"], match["last"])
            end = _sentence_close(text, match.end())
            if units and end not in closed:
                found.append(Annotation(end, end, f"责任单位：{units}", True))
                closed.add(end)
        for match in _TOLD_RE.finditer(text):
            # 学校要求总务处加紧…: whatever the verb, the unit told to do it does it.
            end = _sentence_close(text, match.end())
            if _is_strict_unit(match["told"]) and end not in closed:
                found.append(Annotation(end, end, f"责任单位：{match['told']}", True))
                closed.add(end)
        for match in _UNITS_COMMA_RE.finditer(text):
            end = _sentence_close(text, match.end())
            if _strictly_units(match["units"]) and end not in closed:
                found.append(Annotation(end, end, f"责任单位：{match['units']}", True))
    return found


# 由杨志武副市长负责: the leader in charge, named in the sentence.
_LEADER_CLAUSE_RE = re.compile(
    r"由(?P<leader>[\u4e00-\u9fff]{2,4}(?:常务)?副?(?:市长|县长|区长|校长|院长|书记|主任|局长))"
    r"(?:负责|分管|牵头)"
)


# 1.【教务处】推进一流专业建设。: the units in a bracket opening an item, before its words.
_LEADING_UNITS_RE = re.compile(
    rf"(?m)^(?P<number>[ \t\u3000]*{_ITEM_NUMBER}[ \t\u3000]*)"
    r"[【（(\[〔](?P<units>[^【】（）()\[\]〔〕\n。：:]{2,60})[】）)\]〕][ \t\u3000]*"
    r"(?P<rest>[^\n]{4,})$"
)


def move_leading_units(text: str) -> str:
    """Return `text` with a bracket of units opening an item moved to the item's end, where an
    annotation stands: 1.【教务处】推进… → 1.推进…（责任单位：教务处）."""

    def moved(match: re.Match) -> str:
        if not _strictly_units(match["units"]) or not match["number"].strip():
            return match.group()
        return f"{match['number']}{match['rest']}（责任单位：{match['units']}）"

    return _LEADING_UNITS_RE.sub(moved, text)


# 学校要求总务处加紧进行浴池改造: the institution tells a unit what to do.
_TELLER = "学校|学院|我校|我院|本校|本院|局|我局|本局|县局|区局|市局"
_TOLD_RE = re.compile(
    rf"(?:^|(?<=[\n。；;：:，,]))[ \t\u3000]*{_ITEM_NUMBER}[ \t\u3000]*"
    rf"(?:{_TELLER})(?:要求|责成|督促)"
    r"(?P<told>[^，,。；;：:\n（）()、\s]{2,20}?[处部室科办委馆站队所局厅组]|[^，,。；;：:\n（）()、\s]{1,18}中心)"
    r"(?![部处室科办委院馆中组站队所局厅会心])"
)


# 2.保卫处，协调…; 4.总务处、后勤集团总公司，负责…: an item that opens with its units and a comma.
_UNITS_COMMA_RE = re.compile(
    r"(?m)^[ \t\u3000]*(?:\d{1,3}[.．、](?!\d)|[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）])"
    r"[ \t\u3000]*(?P<units>[^，,。；;：:\n（）()]{2,60}?)[，,]"
)


# 教务处、研究生院、国际教育学院科学安排…: a list of units opening a sentence is its subject,
# whatever the verb after it.
_LIST_SUBJECT_RE = re.compile(
    rf"(?m)(?:^|(?<=[。；;]))[ \t\u3000]*{_ITEM_NUMBER}[ \t\u3000]*"
    r"(?P<listed>(?:[^、，,。；;：:\s（）()]{2,20}(?:[（(][^（）()]{1,6}[)）])?、)+)"
    r"(?P<last>[^、，,。；;：:\s]{3,40})"
)


def _list_subject(listed: str, last: str) -> str:
    """Return the units of a list opening a sentence, the last one cut from the words after it,
    or "" when the list holds other words."""
    # 要求其他相关处室、系部按本方案…: those told to act, not the telling.
    items = [n for n in _TELLING_RE.sub("", f"{listed}{last}").split("、") if n]
    names: list[str] = []
    for item in items:
        if _is_strict_unit(item):
            names.append(item)
            continue
        if not names:
            return ""
        cuts = [
            cut
            for cut in range(min(len(item) - 1, 25), 1, -1)
            if _is_strict_unit(item[:cut])
            and not item[cut:].startswith(("的", "等", "和", "及", "与", "、"))
            and not re.search('[“”"《》]', item[:cut])  # 各部门实行“门前三包”
        ]
        # 国际教育学院科学安排: where the words after the name open what it does (科学, not 学);
        # 各部门对所管理使用的教室、实验室…: the list of units ends where their work begins.
        acting = [cut for cut in cuts if item[cut:].startswith(_OPENS_ACTION)]
        return "、".join([*names, item[: (acting or cuts)[0]]]) if cuts else ""
    return ""  # 各部门、各二级学院： names whom a notice is sent to, and does nothing


# What the words after a unit's name open with when they say what it does.
_OPENS_ACTION = (
    *ACTING_VERBS, "科学", "合理", "共同", "分别", "负责", "牵头", "要", "应", "须", "需", "将", "对",
    "在", "于", "与", "会同", "全力", "务必", "尽快", "统一", "严格", "主动", "按", "依",
)  # fmt: skip


def _is_strict_unit(name: str) -> bool:
    bare = without_short_name(name)
    return (
        is_unit(name)
        and "的" not in name
        and not any(word in name for word in _NEVER_IN_NAMES)
        and name not in _WHOLE_INSTITUTION
        and not name.startswith(_MEANS)
        and (bare.endswith((*UNIT_ENDINGS, *_STRICT_ENDINGS)) or is_group(name))
    )


def cell_annotation(value: str) -> str:
    """Return the labelled form of a table cell that says who leads in a few words (办公室牵头，
    各科室配合; 教务处负责), or "" when it does not."""
    match = SHORT_BRACKET_RE.fullmatch(f"（{value.strip()}）")
    return short_annotation(match) if match else ""


def short_annotation(match: re.Match) -> str:
    """Return the labelled form of a short annotation, or "" when its words are not units."""
    groups = match.groupdict()
    lead = groups.get("lead") or groups.get("shared") or groups.get("subject") or ""
    # 学校要求总务处组织…: the unit told, not the institution telling it.
    lead = _TELLING_RE.sub("", lead.strip(" ，,、"))
    # 放假前保卫处要…: when the work is done comes before the unit that does it.
    timed = _TIME_OPENING_RE.match(lead)
    if timed and _strictly_units(lead[timed.end() :]):
        lead = lead[timed.end() :]
    co = (groups.get("co") or "").strip(" ，,、")
    if groups.get("co_more"):
        co = f"{co}、{groups['co_more'].strip(' ，,、')}"  # …，B承办，C协办
    if groups.get("subject_co") and names_units(groups["subject_co"]):
        co = groups["subject_co"].strip()
    names = listed_names(lead)
    co_names = listed_names(co) if co else []
    listed = [*names, *co_names]
    # Units, and perhaps a person among them (flagged later); not a clause of other words.
    if not names or not is_unit(names[0]) or not all(is_unit(n) or _is_name(n) for n in listed):
        return ""
    # Told what to do (要) or doing it (做好): the subject is a unit only if nothing else.
    told = groups.get("subject_verb") not in (None, "牵头负责", "负责", "牵头")
    if (
        told
        and match.re is _ACTING_RE
        and (groups.get("subject") or "").startswith("请")
        and all(is_group(n) for n in listed)
    ):
        return ""  # 请各单位认真抓好落实: a covering notice's request; 请保卫处做好… is a task
    if told and any(
        n in _WHOLE_INSTITUTION or n.startswith(_MEANS) or any(w in n for w in _NEVER_IN_NAMES)
        for n in listed
    ):
        return ""  # 学院加强…, 依托继续教育学院开展…: the institution, or the means
    # In a notice that annotates nothing, 各学院要做好… is every college's duty; elsewhere it is
    # an instruction to everyone, no task of anyone's.
    if told and all(is_group(n) for n in listed) and match.re is not _ACTING_RE:
        return ""  # 各部门要高度重视: an instruction to everyone, not a task of anyone's
    strict = groups.get("comma") is not None or told
    if strict and not all(
        "的" not in n and without_short_name(n).endswith((*UNIT_ENDINGS, *_STRICT_ENDINGS))
        for n in listed
    ):
        return ""
    # Only 牵头 says who leads; A、B负责 names its units, the first of which leads.
    verb = groups.get("verb") or groups.get("subject_verb") or ""
    leads = "牵头" in verb or verb == "主办"
    inner = f"牵头单位：{lead}" if leads else f"责任单位：{lead}"
    inner = f"{inner}；配合单位：{co}" if co else inner
    return f"{inner}；完成时限：{groups['when']}" if groups.get("when") else inner


_TELLING_RE = re.compile(rf"^(?:由|请|(?:{_TELLER})?(?:要求|督促|责成|安排|指派|委托))")
# When, opening the sentence before the unit: 放假前, 开学后, 国庆节期间, 11月20日前, 即日起.
_OCCASIONS = (
    "放假|假期|节日|节假日|开学|学期|期末|期中|考试|活动|会议|元旦|春节|国庆节?|五一|清明|端午|中秋"
    "|寒假|暑假|入学|毕业|迎新|报到|汛期|比赛|大会|检查|评估"
)
_TIME_OPENING_RE = re.compile(
    rf"^(?:(?:{_OCCASIONS})(?:前|后|期间|之前|之后|以前|以后|中|结束后|开始前|初|末)"
    r"|(?:\d{1,2}月(?:\d{1,2}日|底|中旬|上旬|下旬)?|即日|本周|下周|本月|下月)(?:前|起|以前|之前|之内|内)"
    r"|近期|届时|平时|每天|每日|每周|每月|同期)[ \t\u3000]*"
)


def _is_name(name: str) -> bool:
    return 2 <= len(name) <= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", name) is not None


def without_short_name(name: str) -> str:
    """Return a unit's name without its short name in brackets: 学工部(处) → 学工部."""
    return _SHORT_NAME_TAIL_RE.sub("", name)


def is_unit(name: str) -> bool:
    """Return whether `name` reads as a unit's name (or a collective term), not other words."""
    name = without_short_name(name)
    if name.endswith(_NOT_UNIT_ENDINGS) or ":" in name or "：" in name:
        return False  # 课程评价体系, 人才培养体系: what is built, not who builds it
    # 教育科学文化卫生(民族宗教侨务外事)委员会: the bracket inside names the same body.
    bare = _INNER_BRACKET_RE.sub("", name)
    return len(bare) <= 20 and (
        is_group(name) or bare.endswith(UNIT_ENDINGS) or bool(_SECTOR_UNIT_RE.match(bare))
    )


_NOT_UNIT_ENDINGS = (
    "体系", "机制", "制度",
    "社会", "全社会", "机会",
    # Places where things happen: 马可音乐厅, 校工会活动室.
    "音乐厅", "报告厅", "演播厅", "大厅", "活动室", "会议室", "教室", "多功能厅",
    "平台", "舞台", "讲台", "看台", "展台", "柜台", "站台",
    # …政府对我校: the institution speaking of itself, not one of its units.
    "我校", "我院", "本校", "本院", "全校", "全院", "我局", "本局",
    # Meetings end like 工会 and 学生会: 务虚会, 家长会, 运动会 are held, they hold nothing.
    "大会", "例会", "晚会", "务虚会", "座谈会", "推进会", "培训会", "动员会", "表彰会", "运动会",
    "联欢会", "报告会", "研讨会", "交流会", "见面会", "家长会", "分析会", "总结会", "部署会",
    "协调会", "调度会", "汇报会", "观摩会", "招聘会", "洽谈会", "博览会", "展销会", "听证会",
    "教师会", "班会", "年会", "茶话会", "团拜会", "恳谈会",
)  # fmt: skip


_INNER_BRACKET_RE = re.compile(r"[（(][^（）()]{1,12}[)）]")
_SHORT_NAME_TAIL_RE = re.compile(r"[（(][^（）()]{1,6}[)）]$")


def _sentence_close(text: str, position: int) -> int:
    for index in range(position, min(len(text), position + 200)):
        if text[index] in "。；;\n":
            return index + 1 if text[index] != "\n" else index
    return min(len(text), position + 200)


def _find_each(text: str) -> list[Annotation]:
    found: list[Annotation] = []
    position = 0
    bracketed = BRACKETED_START_RE.search(text)
    line = LINE_START_RE.search(text)
    while True:
        # Each search again only when the last match has been passed: searching both afresh
        # after every annotation made a long key point cost the square of its length.
        if bracketed is not None and bracketed.start() < position:
            bracketed = BRACKETED_START_RE.search(text, position)
        if line is not None and line.start() < position:
            line = LINE_START_RE.search(text, position)
        if bracketed is None and line is None:
            return found
        if bracketed is not None and (line is None or bracketed.start() <= line.start()):
            close = _matching_close(text, bracketed.start())
            inner_start = bracketed.end()
            if close is None:
                found.append(Annotation(bracketed.start(), len(text), text[inner_start:], False))
                return found
            found.append(Annotation(bracketed.start(), close + 1, text[inner_start:close], True))
            position = close + 1
        elif line is not None:
            end = text.find("\n", line.end())
            end = len(text) if end == -1 else end
            found.append(Annotation(line.start(), end, text[line.end() : end], True))
            position = max(end, line.end() + 1)


def _matching_close(text: str, open_at: int) -> int | None:
    """Return the index of the bracket closing the one at `open_at`, either width."""
    depth = 0
    for index in range(open_at, len(text)):
        char = text[index]
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth -= 1
            if depth == 0:
                return index
    return None


_NESTED_FIELD_RE = re.compile(rf"[（(]\s*((?:{LABEL_ALTERNATIVES})\s*[:：][^（）()]*)[)）]")


def parse_annotation(inner: str) -> tuple[Responsibility, list[str]]:
    """Return the responsibility an annotation's inner text states, and the names it lists.

    In a plain list (责任部门：A、B，各单位) the first department leads; explicit 牵头/配合
    labels win; names under a leader label are people, not departments; a 完成时限 field is
    the task's deadline."""
    # 人事处（分管领导：刘芳）: a field in brackets inside another is a field of its own.
    parts = _split_labels(_NESTED_FIELD_RE.sub(r"；\1", inner))
    raw = inner.strip()
    if len(parts) == 1 and parts[0][0] in PLAIN_LABELS:
        raw = parts[0][1]
    has_lead_label = any(label in LEAD_LABELS for label, _ in parts)
    resp = Responsibility(raw=raw)
    for label, value in parts:
        value = value.strip(" \t\u3000|")  # 牵头单位: | 市城管局 |: a table's cell bars
        if label in LEADER_LABELS:
            resp.leaders.extend(_split_people(value))
            continue
        if label in DEADLINE_LABELS:
            resp.deadline = resp.deadline or value
            continue
        if label in OTHER_LABELS:
            continue
        short = cell_annotation(value.strip().rstrip("。；;"))
        opening = LEADS_OPENING_RE.match(value)
        if not short and opening and label not in CO_LABELS and names_units(opening["units"]):
            # 市发改委牵头,市住建局等… cut off before its verb: who leads is said all the same.
            short = f"牵头单位：{opening['units']}；配合单位：{value[opening.end() :]}"
        if short and label not in CO_LABELS:
            # 部门分工：省发展改革委牵头，各地、各部门配合: the field says itself who leads.
            stated, _ = parse_annotation(short)
            _extend_unique(resp.lead, stated.lead)
            _extend_unique(resp.co, stated.co)
            _extend_unique(resp.groups, stated.groups)
            continue
        value, all_lead = _strip_lead_marker(_without_note(value))
        value, marked = _marked_leads(value)
        value, role_leads, role_helpers = _role_runs(value)
        marked |= role_leads
        value, helpers = _helping_part(value)
        if role_helpers:
            helpers = "、".join(filter(None, [helpers, role_helpers]))
        departments, groups = split_department_list(value, notes=resp.notes)
        if helpers:
            helping, helping_groups = split_department_list(helpers, notes=resp.notes)
            _extend_unique(resp.co, helping)
            _extend_unique(resp.groups, helping_groups)
        if marked:
            _extend_unique(resp.lead, [n for n in departments if n in marked])
            departments = [n for n in departments if n not in marked]
        _extend_unique(resp.groups, groups)
        if label in LEAD_LABELS or all_lead:
            _extend_unique(resp.lead, departments)
        elif label in CO_LABELS or (label in PLAIN_LABELS and has_lead_label):
            _extend_unique(resp.co, departments)
        else:
            if not resp.lead and departments:
                resp.lead.append(departments[0])
                departments = departments[1:]
            _extend_unique(resp.co, departments)
    resp.co = [name for name in resp.co if name not in resp.lead]
    return resp, [*resp.lead, *resp.co]


# 市发展改革委牵头,市住建局…: a value that opens by saying who leads.
LEADS_OPENING_RE = re.compile(r"^(?:由)?(?P<units>[^，,。；;：:\s]{2,30}?)(?:牵头负责|牵头)[，,]")


# 省发展改革委、商务厅按职责分工负责。具体任务均涉及各市(州)，不再做分工，下同。: the names
# end where the sentence does; a note after it names nobody.
_VALUE_NOTE_RE = re.compile(r"(?:按照?职责分工负责|分别负责|负责)?。(?!$).*$", re.DOTALL)


def _without_note(value: str) -> str:
    return _VALUE_NOTE_RE.sub("", value.strip())


# 发展规划处（牵头）inside a list: that unit leads.
_MARKED_LEAD_RE = re.compile(
    r"([^、，,；;（）()]{2,30}?)\s*[（(](?:牵头|牵头单位|主责|牵头部门)[)）]"
)
# …，各学院、各单位配合 after the names: those units help.
_HELPING_RE = re.compile(r"[，,；;]\s*([^，,；;]{2,80}?)(?:配合|协助|参与|协同配合)[。]?$")


# 局防控办主办、各工作组协办; 教务处牵头、学生处配合: each run of names says its own role. A
# unit doing the work jointly with another is run into it with 会 (宣传处会办公室).
_ROLE_RUN_RE = re.compile(
    r"(?P<names>(?:[^，,；;。、]{1,30}、){0,30}?[^，,；;。、]{1,30}?)"
    r"(?P<role>主办|牵头负责|牵头|协办|配合|协助|参与|参加|辅助)"
    r"(?=[ \t\u3000]*(?:[、，,；;。]|$))"
)
_JOINTLY_RE = re.compile(
    r"(?<=[处局委部室办科])会同?(?=[\u4e00-\u9fff]{2,12}?(?:处|室|办|局|委|部|科|中心)(?:[、，,；;。]|$))"
)
# 县司法局、乡镇人民政府按职责分工分别负责: how the units share the work, no part of a name.
_SHARING_TAIL_RE = re.compile(
    r"(?:按照?职责(?:分工)?|根据职责)?(?:分别|各自|共同)?(?:负责|落实)(?=[ \t\u3000]*(?:[、，,；;。]|$))"
)


_ROLE_CLAUSE_RE = re.compile(
    r"(牵头|配合|协助|负责)(?:做好|开展|完成|落实|实施|推进)[^、，,；;。]*"
)


def _role_runs(value: str) -> tuple[str, set[str], str]:
    """Return a list without the role each run of names states (A主办、B协办), the names said
    to lead and the names said to help (as a list); the rest keep the list's own order."""
    value = _SHARING_TAIL_RE.sub("", _JOINTLY_RE.sub("、", value))
    value = _ROLE_CLAUSE_RE.sub(r"\1", value)  # 园林局配合做好专项整治工作: 园林局 helps
    runs = list(_ROLE_RUN_RE.finditer(value))
    if not runs:
        return value, set(), ""
    leads: set[str] = set()
    helpers: list[str] = []
    kept: list[str] = []
    position = 0
    for run in runs:
        kept.append(value[position : run.start()])
        names = run["names"].strip(" 、，,；;")
        if run["role"] in ("主办", "牵头负责", "牵头"):
            leads.update(n.strip() for n in re.split(r"[、，,]", names) if n.strip())
            kept.append(run["names"])
        else:
            helpers.append(names)
        position = run.end()
    kept.append(value[position:])
    return "".join(kept).strip(" 、，,；;"), leads, "、".join(helpers)


def _marked_leads(value: str) -> tuple[str, set[str]]:
    marked = {m.group(1).strip() for m in _MARKED_LEAD_RE.finditer(value)}
    return (_MARKED_LEAD_RE.sub(r"\1", value), marked) if marked else (value, set())


def _helping_part(value: str) -> tuple[str, str]:
    match = _HELPING_RE.search(value)
    if match is None:
        return value, ""
    return value[: match.start()], match.group(1)


_LEAD_MARKER_RE = re.compile(r"[（(]?(?:分别|共同|联合)?牵头(?:负责)?[)）]?$")


def _strip_lead_marker(value: str) -> tuple[str, bool]:
    """Return a list without a closing 分别牵头 / 牵头, and whether it said so: then every
    unit it names leads (责任单位：A、B分别牵头)."""
    stripped = _LEAD_MARKER_RE.sub("", value.strip().rstrip("。；;，,"))
    return (stripped, True) if stripped != value.strip().rstrip("。；;，,") else (value, False)


def _split_labels(inner: str) -> list[tuple[str, str]]:
    matches = list(LABEL_RE.finditer(inner))
    parts = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(inner)
        value = inner[match.end() : end].strip()
        value = value.rstrip("；;，,。 \t\n\u3000")
        parts.append((match.group(1), value))
    return parts


def _extend_unique(target: list[str], names: list[str]) -> None:
    present = set(target)
    for name in names:
        if name not in present:
            present.add(name)
            target.append(name)


def _split_people(value: str) -> list[str]:
    """Return the people named: separated by 、，; or spaces between full names (孙 悦 is one).
    A bracket around them all is dropped ((周建平、黄晓明)), and so is a title in brackets
    beside a name (赵磊（副县长）, （副院长）许文涛)."""
    value = _TITLE_BRACKET_RE.sub("", value.replace("**", "").replace("\ue000", "").strip())
    if value[:1] in OPEN and value[-1:] in CLOSE:
        value = value[1:-1]
    people = []
    for part in re.split(rf"[{SEPARATORS}]+", value):
        pieces = [p for p in re.split(r"[\s\u3000]+", part.strip()) if p]
        if pieces and min(len(p) for p in pieces) == 1:
            pieces = ["".join(pieces)]
        people += [p.removesuffix("等") for p in pieces if p.removesuffix("等")]
    # 局党组书记、局长 郑国平: the titles before a person's name are no people.
    named = [p for p in people if not p.endswith(TITLES)]
    return named if named else people


# A leader's title in brackets beside the name: 赵磊（副县长）, （常务副院长）许文涛.
_TITLE_BRACKET_RE = re.compile(
    r"[（(][^（）()]{0,8}(?:书记|[县区市镇乡]长|校长|院长|主任|常委|部长|处长|局长|厅长|主席|"
    r"秘书长|经理|董事长|委员)[)）]"
)
# What a leader's title ends in (分管副校长, 县委常委, 局党组书记).
TITLES = (
    "书记", "局长", "县长", "区长", "市长", "校长", "院长", "主任", "常委", "部长", "处长", "厅长",
    "委员", "主席", "秘书长", "镇长", "乡长", "所长", "馆长", "站长", "科长", "经理", "董事长",
)  # fmt: skip


def split_department_list(
    value: str, notes: list[str] | None = None
) -> tuple[list[str], list[str]]:
    """Return (department names, collective groups) named in a list such as 'A、B，各学院等'.

    Names are separated by 、，,；; or by spaces and line breaks between them. Two names run
    together (党委组织部人事处) are split and noted in `notes` for the office to check."""
    # Emphasis (**, or the mark a bold run left) is no part of a name.
    compact = _spaces_to_separators(value.replace("**", "").replace("\ue000", "")).rstrip("。.！!")
    tokens = _split_top_level(compact)
    # 公安、交通部门: sectors listed before the 部门 they share are each a 部门 of their own.
    for at in range(len(tokens) - 2, -1, -1):
        shared = _SECTOR_UNIT_RE.match(tokens[at + 1]) and tokens[at + 1].endswith("部门")
        if shared and _SECTOR_RE.match(tokens[at]):
            tokens[at] += "部门"
    departments: list[str] = []
    groups: list[str] = []
    seen: set[tuple[int, str]] = set()  # (list, name): a list of thousands is read once
    index = 0
    while index < len(tokens):
        token = tokens[index]
        # 各单位、部门 is one collective term even though it contains the list separator.
        # So are 各乡镇人民政府、街道办事处 and 各处室、部门.
        while index + 1 < len(tokens) and (
            (token.startswith("各") and tokens[index + 1] in GENERIC_NOUNS | COLLECTIVE_TAILS)
            # 市直有关部门、单位; 13个街道、镇: the kinds of body a collective term gathers.
            or ((is_group(token) or _COUNTED_RE.match(token)) and tokens[index + 1] in _BODY_KINDS)
        ):
            token = f"{token}、{tokens[index + 1]}"
            index += 1
        index += 1
        # 政治处各部门: an office and then every department, run together (区政府各部门 is the
        # departments of the district government, one term).
        office = _OFFICE_THEN_GROUP_RE.match(token)
        if office and is_unit(office["office"]) and is_group(office["group"]):
            tokens.insert(index, office["group"])
            token = office["office"]
            if notes is not None:
                notes.append(
                    f"“{office.group()}”像是单位和泛指连写，已拆分为{office['office']}、"
                    f"{office['group']}，请核对。"
                )
        # 省农业厅等省直有关部门: the units named, then the collective term they stand for.
        head, _, tail = token.partition("等")
        qualified = tail and not _OPEN_TAIL_RE.fullmatch(f"等{tail}")  # not 等有关部门
        if qualified and is_unit(head) and not is_group(head) and is_group(tail):
            tokens.insert(index, tail)
            token = head
        token = _strip_open_tail(token)
        # 盘龙区政府主要领导 under 责任单位及责任人: the unit, through its head.
        headless = _UNIT_HEAD_RE.sub("", token)
        if headless != token and is_unit(headless):
            token = headless
        if not token:
            continue
        joined = _split_conjunction(token)
        if len(joined) > 1:
            tokens[index:index] = joined[1:]
            token = joined[0]
        if is_group(token):
            names, target = [token], groups
        else:
            names, target = split_run_together(token), departments
            if len(names) > 1 and notes is not None:
                notes.append(f"“{token}”像是两个部门连写，已拆分为{'、'.join(names)}，请核对。")
        for name in names:
            if (id(target), name) not in seen:
                seen.add((id(target), name))
                target.append(name)
    return departments, groups


_OFFICE_THEN_GROUP_RE = re.compile(r"^(?P<office>.{2,20}?[处室科庭部])(?P<group>各.{1,10})$")
_BODY_KINDS = {"单位", "部门", "直属单位", "街道", "乡镇", "镇", "乡", "社区", "街道办事处"}
# 13个街道、镇: every one of a counted kind, one collective term.
_COUNTED_RE = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})个")

_UNIT_HEAD_RE = re.compile(r"(?:主要领导|主要负责人|主要负责同志|负责同志|分管领导)$")


def listed_names(value: str) -> list[str]:
    """Return the names of a list, departments and collective terms alike, in that order."""
    departments, groups = split_department_list(value)
    return [*departments, *groups]


def names_units(value: str) -> bool:
    """Return whether `value` names units (or collective terms) and nothing else."""
    names = listed_names(value)
    return bool(names) and all(is_unit(name) for name in names)


def _strictly_units(value: str) -> bool:
    """Return whether `value` names units and nothing else, by the strict test of a subject."""
    names = listed_names(value)
    return bool(names) and all(_is_strict_unit(name) for name in names)


# What the name of a unit ends in.
UNIT_ENDINGS = (
    "办公室", "委员会", "中心", "学院", "研究院", "研究所", "图书馆", "博物馆", "出版社", "医院",
    "公司", "部", "处", "办", "室", "委", "院", "馆", "科", "站", "所", "队", "会", "局", "厅",
    "组", "团", "社", "系", "校", "府", "司", "署", "庭", "中队", "支部", "总支", "党委", "工委",
    "开发区", "高新区", "园区", "新区", "示范区", "保税区", "联", "协", "股", "幼儿园", "银行",
    "分行", "支行", "集团", "务段", "辆段", "公路段", "养护段", "团中央", "台", "臺",
)  # fmt: skip
# Longer than any unit's name: many names run together, or a paragraph in a unit field.
MAX_SPLIT_NAME = 60


def split_run_together(name: str) -> list[str]:
    """Return `name` split where two unit names were written without a separator.

    Only at 部 or 处 inside the name (or 委/局/办 before 市/县/区…), when both halves are unit
    names of three or more characters: 党委组织部人事处 → 党委组织部, 人事处; 组织人事处 and
    党委组织部 stay whole. A name longer than any real one is left alone (the import refuses it)."""
    if len(name) < 6 or len(name) > MAX_SPLIT_NAME or any(ch in name for ch in OPEN + CLOSE):
        return [name]
    pieces = []
    start = 0
    while True:
        for cut in range(start + 3, len(name) - 2):
            head, tail = name[start:cut], name[cut:]
            if (
                head[-1] in "部处庭股" or (head[-1] in "委局办" and tail[0] in "市县区省州镇乡")
            ) and (len(tail) >= 3 and tail.endswith(UNIT_ENDINGS)):
                # 指挥部办公室: an office of the body before it, not a second unit.
                bare = tail in UNIT_ENDINGS or tail in GENERIC_NOUNS
                # 学工部宿管科, 人事处师资科: a section inside the office before it.
                section = tail.endswith(("科", "室", "股")) or (
                    head[-1] == "部" and tail.endswith("局")  # 后勤保障部卫生局
                )
                # 政策处理工作领导小组: 处理, 部署 are words, not a unit's end.
                word = tail.startswith(("室", "门", "长", "理", "置", "罚", "分", "署"))
                if bare or section or head.endswith("处部") or word:
                    continue
                pieces.append(head)
                start = cut
                break
        else:
            pieces.append(name[start:])
            return pieces


_GATHERED_KINDS = {"政府", "人民政府", "部门", "单位", "党委", "党组", "管委会"}


def _split_conjunction(token: str) -> list[str]:
    """Split 财务处及审计处 / 教务处和学生处 where both sides are units; keep 研究与发展中心."""
    if len(token) > MAX_SPLIT_NAME:
        return [token]
    pieces = []
    while True:
        # Not 与: it joins the parts of one name (实验室与设备管理处, 网络与信息中心).
        for word in ("及", "和", "以及"):
            head, _, tail = token.partition(word)
            # 各州(市)党委和政府: the kinds of body a collective term gathers, one term.
            shared = is_group(head) and tail in _GATHERED_KINDS
            if (
                len(head) >= 2
                and len(tail) >= 2
                and (is_unit(head) or is_group(head))
                and (is_unit(tail) or is_group(tail))
                and not shared
            ):
                pieces.append(head)
                token = tail
                break
        else:
            pieces.append(token)
            return pieces


def _spaces_to_separators(value: str) -> str:
    """Turn spaces and line breaks between names into 、, and join a name that a line break or
    justified spacing cut (教务\n处, 组 长): a cut is where the text before is no unit name yet."""
    parts = re.split(r"([\s\u3000]+)", value.strip())
    pieces, gaps = parts[::2], parts[1::2]
    if not pieces or not pieces[0]:
        return ""
    joined = pieces[0]
    for gap, piece in zip(gaps, pieces[1:], strict=True):
        before = joined.rstrip(SEPARATORS)
        token = piece.split("、")[0]
        ends_name = (
            joined[-1] in SEPARATORS
            or piece[0] in SEPARATORS
            or (before.endswith(UNIT_ENDINGS) or is_group(_last_token(before)))
            # 省人口计生 / 省妇联: a line opening with its own place and naming a whole unit.
            or ("\n" in gap and len(token) >= 3 and token[0] in "省市县区" and is_unit(token))
        )
        if ends_name and "\n" in gap and joined[-1] not in SEPARATORS:
            # 党委 / 办公室, 纪委办 / 公室: a line cut a name whose second half is no unit of
            # its own, only a unit's ending, or the end of an ending cut in two.
            whole = _last_token(before) + token
            straddles = any(len(e) > len(token) and whole.endswith(e) for e in UNIT_ENDINGS)
            cut = (
                (token in UNIT_ENDINGS and token not in _STANDALONE)
                or straddles
                or not is_unit(token)
            )
            ends_name = not (is_unit(whole) and cut)
        joined += ("、" if ends_name and joined[-1] not in SEPARATORS else "") + piece
    return joined


# Endings of names that are, on a line of their own, a unit of their own (院团委 / 图书馆).
_STANDALONE = ("图书馆", "博物馆", "档案馆", "出版社", "医院")


def _last_token(text: str) -> str:
    return re.split(f"[{SEPARATORS}]", text)[-1]


def _split_top_level(text: str) -> list[str]:
    """Split on list separators that are not inside brackets: 单位（部门） stays whole."""
    tokens, current, depth = [], [], 0
    for char in text:
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth = max(0, depth - 1)
        if char in SEPARATORS and depth == 0:
            tokens.append("".join(current))
            current = []
        else:
            current.append(char)
    tokens.append("".join(current))
    return [t for t in (token.strip() for token in tokens) if t]


_NOTE_TAIL_RE = re.compile(r"[（(][^（）()]*(?:[“”\"，,、]|[^（）()]{9,})[^（）()]*[)）]$")
_DEADLINE_TOKEN_RE = re.compile(
    r"^(?:(?:19|20)\d{2}年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}日)?"
    r"(?:底|中旬|上旬|下旬|前|以前|底前)*(?:前|完成|完成|启动|实现)*$|^年底前?(?:完成)?$|^长期$|^持续推进$"
)


# 等, 等单位, 等有关部门, 等相关职能部门: the named units and others like them.
_OPEN_TAIL_RE = re.compile(
    r"等(?:[市县区]?政府)?各?(?:有关|相关|其他|其它)?(?:职能)?(?:单位|部门|处室|成员单位)?$"
)


def _strip_open_tail(token: str) -> str:
    """Return a name without 等 / 等单位 and without a note in brackets glued to its end
    (市卫健委(除标注“分别牵头”外,列第一位为牵头单位)); a deadline (6月底完成) is no name."""
    token = _NOTE_TAIL_RE.sub("", token)
    if _DEADLINE_TOKEN_RE.match(token):
        return ""
    # 责任社区：幸福里社区: a label this reader does not know, before the name.
    token = re.sub(r"^[\u4e00-\u9fff]{2,6}[:：]\s*(?=\S)", "", token)
    tail = _OPEN_TAIL_RE.search(token)
    if tail and tail.start() > 0:
        return token[: tail.start()]
    return token.strip("“”\"'")


# What a collective term ends in: a unit's ending, or the kind of body it gathers.
_GROUP_ENDINGS = (
    *UNIT_ENDINGS, "单位", "部门", "门", "乡镇", "街道", "社区", "区", "县", "市", "镇", "乡", "村",
    "班级", "年级", "地", "企业", "学校", "小学", "中学", "高校", "机构", "组织", "成员", "系统", "口",
    "方", "园", "单位等",
)  # fmt: skip


# The sectors of government, each a unit when it is the 部门 of one: 公安部门 and 教育行政部门
# are the police and the education bureau, not "whichever units" as 使用部门 is.
_SECTORS = (
    "公安|交通|交通运输|交警|建设|住建|住房城乡建设|住房和城乡建设|财政|教育|卫生|卫健|卫生健康|民政"
    "|环保|生态环境|税务|人社|人力资源社会保障|人力资源和社会保障|市场监管|市场监督管理|自然资源"
    "|国土|规划|城管|城市管理|综合执法|农业|农业农村|林业|水利|水务|文旅|文化和旅游|文化|旅游|体育"
    "|应急|应急管理|安监|消防|商务|发改|发展改革|工信|经信|科技|司法|审计|统计|气象|宣传|网信"
    "|信访|医保|金融|海关|邮政|电力|通信|广电|粮食|物价|编制|档案|人防|民宗|统战|组织|纪检监察"
    "|退役军人事务|乡村振兴|供销|妇联|残联|共青团|工会"
)
_SECTOR_UNIT_RE = re.compile(
    rf"^(?:省|市|州|县|区|镇|乡|各级)?(?:{_SECTORS})(?:行政|主管|管理|执法|职能)?(?:部门|机关)$"
)
_SECTOR_RE = re.compile(rf"^(?:{_SECTORS})$")


def is_group(name: str) -> bool:
    """Return whether `name` is a collective term (各学院, 相关职能部门, 直属党支部) rather than a unit."""
    collective = (
        (name.startswith(GROUP_PREFIXES) and name not in GROUP_PREFIXES)
        or bool(_COLLECTIVE_INSIDE_RE.match(name))  # 区政府各部门, 县直各单位
        or bool(_COUNTED_RE.match(name))  # 13个街道, 五个镇
    )
    return (
        name in KNOWN_GROUPS
        # 各类规划主动公开, 各年级入学考试: words of a task, not units
        or (collective and _SHORT_NAME_TAIL_RE.sub("", name).endswith(_GROUP_ENDINGS))
        # 使用部门, 学生所在单位: whichever units the words describe, not one of them.
        or (
            len(name) >= 4
            and name.endswith(("部门", "单位"))
            and name not in ALL_LABELS
            and not _SECTOR_UNIT_RE.match(name)
        )
    )
