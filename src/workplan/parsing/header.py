"""The header of a document: page furniture around it, its title, organization and year."""

from __future__ import annotations

import re

from .readers import TABLE_MARK_RE

# 2026年; 2026学年 and 2025-2026学年 (a school year: its first year).
YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*(?:[-—－~至]\s*(?:19|20)?\d{2}\s*)?学?年")
NO_YEAR = "没有从标题中读出年度。"
NO_TITLE = "没有找到标题（如“2021年工作要点”）。"
NO_ORGANIZATION = "没有找到单位名称（标题上方或标题开头）。"
# What the title of a task list ends in, when it is not a 工作要点.
TITLE_WORDS = (
    "任务分解方案", "分工方案", "任务分解表", "责任清单", "任务清单", "分解表", "工作方案", "实施方案",
    "责任分工", "任务分工", "责任分解", "任务分解", "工作计划", "工作安排", "要点", "方案", "清单",
    "重点工作任务", "重点任务", "工作任务", "民生实事", "实事项目", "推进情况", "进展情况", "汇总表",
    "一览表", "安排", "计划", "行事历", "校历", "工作历", "日程表", "台账", "任务",
)  # fmt: skip


# Lines a web page puts around an article, and the date it gives (for the year).
_FURNITURE_RE = re.compile(
    # An attachments list: 附件：1.…任务清单, then 2.… and 3.… on lines of their own.
    r"(?m)^[ \t\u3000]*附件\s*[:：]\s*1[.．、][^\n]*(?:\n(?:[ \t\u3000]*\n)?[ \t\u3000]*\d{1,2}[.．、][^。\n]{2,60}$)+"
    r"|^[ \t\u3000]*(?:#\s*source:|索引号|发布机构|发文机关|信息来源|来源[:：]|作者[:：]|发布时间|"
    r"发布日期|更新时间|时间[:：]|日期[:：]|点击数|点击量|浏览次数|阅读次数|阅读量|访问量|当前位置|"
    r"您现在的位置|您的位置|所在位置|首页\s*[>›»]|【\s*(?:打印|关闭|字体|字号)|打印本页|关闭窗口|"
    r"分享到|责任编辑|编辑[:：]|审核[:：]|浏览字号|上一篇|下一篇|https?://|抄送[:：]|"
    r"附件\s*\d*\s*[:：]|附件\s*\d*\s*$|组配分类|主题分类|名称[:：]|文号[:：]|发文日期|成文日期|公开方式|"
    r"公开范围|有效性|设为首页|加入收藏|特此通知|联系人\s*[:：]|联系电话|联系方式\s*[:：]|（此件\S{2,8}）|\(此件\S{2,8}\)|"
    # A site's footer: 主办：…, 鄂ICP备…, 您是第…位访问者, 上一条 / 下一条, 填报人：.
    r"主办\s*[:：]|主办单位\s*[:：]\s*\S+\s+(?:承办|技术支持|联系)|\S*ICP备|您是第|上一条|下一条|填报人\s*[:：]|"
    r"技术支持\s*[:：]|版权所有|网站标识码|公网安备|[（(]\s*本文有删减\s*[)）]|[（(]\s*有删减\s*[)）]).*$"
    # A signature: the issuing body's name alone on its line, then the date alone on the next.
    r"|^[ \t\u3000]*(?:\S{2,30}(?:人民政府|办公室|委员会|党委|学院|大学|学校|局|厅)"
    r"(?:[ \t\u3000]+\S{2,30}(?:人民政府|办公室|委员会|党委|学院|大学|学校|局|厅|处|部))*[ \t\u3000]*\n+)?"
    r"[ \t\u3000]*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[一二〇○零]{2}[〇○零一二三四五六七八九]{2}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)"
    r"[ \t\u3000]*$"
    # A blank form's fields in a template attachment (样表): 填报单位：____  填报人：____.
    r"|^[ \t\u3000]*(?:(?:填报单位|填报人|填表人|审核人|填报日期|填表日期|报送单位|报送日期|"
    r"负责人签字|签字|盖章|单位盖章|（盖章）)[ \t\u3000]*[:：]?[ \t\u3000_＿]*){1,6}$"
    # A page number printed between dashes (— 3 —, - 12 -) or 第3页 共10页.
    r"|^[ \t\u3000]*(?:[—－\-–]\s*)+\d{1,3}(?:\s*[—－\-–])+[ \t\u3000]*$"
    r"|^[ \t\u3000]*第\s*\d{1,3}\s*页\s*(?:[，,/]?\s*共\s*\d{1,3}\s*页)?[ \t\u3000]*$"
    # …办公室 2025年2月10日印发: the imprint line of an official document.
    r"|^[ \t\u3000]*\S{0,30}[ \t\u3000]*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发[ \t\u3000]*$"
)
_DATE_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*\d{1,2}")


def strip_furniture(text: str) -> tuple[str, list[int]]:
    """Return `text` without web-page furniture lines, and the years of the dates they gave."""
    years = [
        int(year.group(1))
        for line in _FURNITURE_RE.finditer(text)
        for year in _DATE_YEAR_RE.finditer(line.group())
    ]
    return _FURNITURE_RE.sub("", text), years


# 发布机构: 某省卫生健康委员会 — a government page names its issuer above the document.
_PUBLISHER_RE = re.compile(
    r"(?m)^[ \t\u3000]*(?:发布机构|发文机关|发布单位|发文单位)[ \t\u3000]*[:：][ \t\u3000]*"
    r"([^\s:：|]{2,30})[ \t\u3000|]*$"
)


def publisher(text: str) -> str:
    """Return the issuer a web page names in its furniture (发布机构：…), or ""."""
    match = _PUBLISHER_RE.search(text[:3000])
    return match.group(1) if match else ""


def read_header(header: str, warnings: list[str]) -> tuple[str, str, list[str], int | None, str]:
    lines = [line.strip(" \t\u3000|") for line in header.split("\n")]
    lines = [line for line in lines if line and not TABLE_MARK_RE.fullmatch(line)]
    title_index = None
    for keywords in (("要点",), TITLE_WORDS):
        for needs_year in (True, False):
            title_index = next(
                (
                    i
                    for i, line in reversed(list(enumerate(lines)))
                    if _is_title(line, keywords) and (YEAR_RE.search(line) or not needs_year)
                ),
                None,
            )
            if title_index is not None:
                break
        if title_index is not None:
            break
    organization, title, year = "", "", None
    own_notice = None if title_index is not None else _own_notice(lines)
    if own_notice is not None:
        # 云岭学院关于做好毕业典礼工作的通知: a notice sharing out work is its own title.
        index, match = own_notice
        organization, title = match.group(1).strip(), match.group(2)
        year_match = YEAR_RE.search(title)
        year = int(year_match.group(1)) if year_match else None
        preamble_lines = lines[index + 1 :]
    elif title_index is None:
        warnings.append(NO_TITLE)
        preamble_lines = lines
    else:
        line = lines[title_index]
        year_match = YEAR_RE.search(line)
        if year_match and line[: year_match.start()].rstrip()[-1:] in ("(", "（"):
            # 市政府工作报告重点工作责任分解（2023年）: the year closes the title.
            year = int(year_match.group(1))
            prefix, title = "", line
        elif year_match:
            year = int(year_match.group(1))
            prefix, title = line[: year_match.start()].strip(), line[year_match.start() :].strip()
            prefix = re.sub(r"^附件\s*\d*[：:、.]?\s*", "", prefix)
        else:
            prefix, title = "", line
        if prefix and not re.search(r"[《》()（）【】，,。；;：:]", prefix):
            organization = prefix
        elif title_index > 0 and len(lines[title_index - 1]) <= 60:
            above = lines[title_index - 1]
            if re.search(r"[，,。；;：:！？]", above) or len(above) > 30:
                pass  # a sentence of a covering notice, not a name
            elif _looks_like_organization(above) or not _is_title(above, ("",)):
                organization = above
            elif above != line and above not in line and not re.search(r"\d", above):
                title = above + title  # a title set on two lines (全国文明城市创建 / 责任分工)
        preamble_lines = lines[title_index + 1 :]
    if year is None:
        warnings.append(NO_YEAR)
    notice = _NOTICE_TITLE_RE.match(organization + title)
    if notice:
        # 〔2023〕2号X人民政府关于印发X2023年…方案的通知: the plan is the title inside.
        organization, title = notice.group(1).strip(), notice.group(2).strip("《》 ")
        year_match = YEAR_RE.search(title)
        year = year or (int(year_match.group(1)) if year_match else None)
        if year is not None:
            warnings[:] = [w for w in warnings if w != NO_YEAR]
    if not organization:
        organization = _issuer(lines)
    organization, aliases = _split_organization(organization)
    if not organization:
        warnings.append(NO_ORGANIZATION)
    return title, organization, aliases, year, "\n".join(preamble_lines)


_NOTICE_TITLE_RE = re.compile(
    r"^(?:.*?〔\d{4}〕\s*\d+\s*号)?\s*(.{2,30}?)关于(?:印发|下发|转发)(.+?)的通知$"
)
_OWN_NOTICE_RE = re.compile(r"^(?:.*?〔\d{4}〕\s*\d+\s*号)?\s*(.{0,30}?)(关于.{2,60}的通知)$")


def _own_notice(lines: list[str]) -> tuple[int, re.Match] | None:
    """Return the line titling a notice that is itself the plan, and its match."""
    for index, line in enumerate(lines):
        match = _OWN_NOTICE_RE.match(line)
        if match and (not match.group(1) or _looks_like_organization(match.group(1))):
            return index, match
    return None


_ISSUER_RE = re.compile(r"^(?:.*?〔\d{4}〕\s*\d+\s*号)?\s*(.{2,30}?)关于(?:印发|下发|转发)")
ORGANIZATION_ENDINGS = (
    "大学", "学院", "学校", "中学", "小学", "人民政府", "政府", "委员会", "党委", "局", "厅", "办公室",
    "中心", "研究院", "医院", "集团", "公司",
)  # fmt: skip


def _looks_like_organization(name: str) -> bool:
    return name.rstrip("）)").endswith(ORGANIZATION_ENDINGS) or "（" in name


def _issuer(lines: list[str]) -> str:
    """Return who issued the document, from a line such as X人民政府关于印发…的通知."""
    for line in lines:
        match = _ISSUER_RE.match(line)
        if match and _looks_like_organization(match.group(1)):
            return match.group(1).strip()
    return ""


def _is_title(line: str, keywords: tuple[str, ...]) -> bool:
    return (
        len(line) <= 60
        and any(word in line for word in keywords)
        and line[-1:] not in "。：:；;，,"
        and not line.startswith(("关于", "根据", "为"))
    )


def _split_organization(name: str) -> tuple[str, list[str]]:
    """Return (name, second names): 湖北开放大学（湖北科技职业学院） → 湖北开放大学, [湖北科技职业学院]."""
    aliases = []
    while True:
        match = re.fullmatch(r"(.+?)[（(]([^（）()]+)[）)]", name)
        if not match:
            return name, aliases
        name = match.group(1).strip()
        aliases.insert(0, match.group(2).strip())
