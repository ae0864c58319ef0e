"""Documents written in other institutions' styles, in every file format each occurs in.

All institutions and names here are fictional. Each test asserts, per item, what the office
would check after importing: the key points, the tasks, the lead, the co departments, the
collective groups and the leaders in charge.
"""

from __future__ import annotations

import html
from pathlib import Path

import docx
import openpyxl
import pytest

from workplan.parsing import ParseError, parse_bytes, parse_file
from workplan.parsing.responsibility import is_group


def write(tmp_path: Path, paragraphs: list[str], fmt: str) -> Path:
    """Write `paragraphs` as a document in format `fmt` and return its path."""
    path = tmp_path / f"plan.{fmt.split('-')[0]}"
    if fmt == "txt":
        path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    elif fmt == "txt-lines":  # one line each, no blank line between
        path = tmp_path / "plan.txt"
        path.write_text("\n".join(paragraphs), encoding="utf-8")
    elif fmt == "txt-gbk":
        path = tmp_path / "plan.txt"
        path.write_bytes("\r\n".join(paragraphs).encode("gb18030"))
    elif fmt == "md":
        path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    elif fmt == "html":
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        path.write_text(f"<html><meta charset='utf-8'><body>{body}</body></html>", "utf-8")
    elif fmt == "docx":
        document = docx.Document()
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
        document.save(path)
    return path


def word_table(title: str, rows: list[list[str]]):
    """Return a Word document titled `title` holding one table of `rows`, and the table."""
    document = docx.Document()
    document.add_paragraph(title)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    return document, table


def responsibilities(plan):
    """Return [(point title, task text start, lead, co, groups, leaders)] with inheritance."""
    rows = []
    for point in plan.points:
        for task in point.tasks:
            resp = task.responsibility or point.responsibility
            rows.append(
                (
                    point.title,
                    task.text[:6],
                    resp.lead if resp else [],
                    resp.co if resp else [],
                    resp.groups if resp else [],
                    resp.leaders if resp else [],
                )
            )
    return rows


TEXT_FORMATS = ["txt", "txt-gbk", "md", "html", "docx"]

GOVERNMENT_STYLE = [
    "青禾县人民政府办公室文件",
    "青政办发〔2024〕3号",
    "各乡镇人民政府、街道办事处，县政府各部门：",
    "现将《青禾县2024年政府工作报告重点任务分解方案》印发给你们，请认真抓好落实。",
    "一、各责任单位要高度重视，主要负责同志亲自抓。",
    "二、各牵头单位要每季度报送一次进展情况。",
    "青禾县2024年政府工作报告重点任务分解方案",
    "一、稳住经济大盘",
    "1.全年地区生产总值增长6%左右。（责任领导：周明远；牵头单位：县发改局；责任单位：县统计局、县财政局）",
    "2.新开工亿元以上项目30个(责任领导:周明远;牵头单位:县发改局;责任单位:各乡镇人民政府、街道办事处)",
    "二、办好民生实事",
    "3.新建改建农村公路80公里。（牵头单位：县交通运输局；配合单位：县财政局、县自然资源局）",
    "4.城乡居民医保财政补助标准提高到每人每年640元。（县医保局、县财政局按职责分工负责）",
    "附件：1.重点任务台账",
    "青禾县人民政府办公室",
    "2024年2月20日",
]


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_government_task_split_with_covering_notice_leaders_and_short_forms(tmp_path, fmt):
    plan = parse_file(write(tmp_path, GOVERNMENT_STYLE, fmt))
    assert plan.year == 2024
    assert "任务分解方案" in plan.title
    assert [p.title for p in plan.points] == ["稳住经济大盘", "办好民生实事"]
    assert responsibilities(plan) == [
        ("稳住经济大盘", "全年地区生产", ["县发改局"], ["县统计局", "县财政局"], [], ["周明远"]),
        (
            "稳住经济大盘",
            "新开工亿元以",
            ["县发改局"],
            [],
            ["各乡镇人民政府、街道办事处"],
            ["周明远"],
        ),
        ("办好民生实事", "新建改建农村", ["县交通运输局"], ["县财政局", "县自然资源局"], [], []),
        ("办好民生实事", "城乡居民医保", ["县医保局"], ["县财政局"], [], []),
    ]
    assert all("周明远" not in d.name for d in plan.departments)
    # Every task is annotated: nothing to check on the key points or tasks.
    assert [p.warnings for p in plan.points] == [[], []]
    assert not any(t.warnings for p in plan.points for t in p.tasks)
    # The covering notice's instructions, the attachment and the signature are not tasks.
    texts = [t.text for p in plan.points for t in p.tasks]
    assert not any("高度重视" in t or "附件" in t or "2024年2月20日" in t for t in texts)


COLLEGE_FIELDS_ON_LINES = [
    "星河职业技术学院2023年重点工作责任清单",
    "（一）深化产教融合",
    "1.新建2个产业学院，推进校企共建实训基地。",
    "牵头单位:校企合作处",
    "配合单位：教务处、各二级学院",
    "完成时限：2023年6月底前",
    "2.修订专业人才培养方案。",
    "牵头单位：教务处 配合单位：各二级学院",
    "（二）加强队伍建设",
    "3.引进博士10名。",
    "责任部门：人事处,科研处",
    "4.开展师德师风专题教育。",
    "协办单位：各党总支",
    "牵头单位：党委教师工作部",
]


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_fields_on_their_own_lines_under_numbered_items_and_sections(tmp_path, fmt):
    plan = parse_file(write(tmp_path, COLLEGE_FIELDS_ON_LINES, fmt))
    assert plan.year == 2023
    assert [p.title for p in plan.points] == ["深化产教融合", "加强队伍建设"]
    assert responsibilities(plan) == [
        ("深化产教融合", "新建2个产业", ["校企合作处"], ["教务处"], ["各二级学院"], []),
        ("深化产教融合", "修订专业人才", ["教务处"], [], ["各二级学院"], []),
        ("加强队伍建设", "引进博士10", ["人事处"], ["科研处"], [], []),
        ("加强队伍建设", "开展师德师风", ["党委教师工作部"], [], ["各党总支"], []),
    ]
    assert plan.points[0].tasks[0].deadline == "2023年6月底前"
    assert "牵头单位" not in plan.points[0].tasks[0].text


ONLY_NUMBERED_ITEMS = [
    "云岭师范学校文明校园创建责任分工",
    "发布时间：2022-04-06  浏览次数：312",
    "当前位置：首页 > 通知公告",
    "1.校园环境整洁，无卫生死角。",
    "",
    "责任部门:总务处、各系部",
    "2.开展心理健康教育活动。（学生处负责）",
    "3.完善应急预案并组织演练（保卫处牵头，总务处、学生处配合）",
    "4.建立校史陈列室。",
    "责任部门：党政办公室 校史办",
]


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_numbered_items_without_key_points_make_one_implicit_key_point(tmp_path, fmt):
    plan = parse_file(write(tmp_path, ONLY_NUMBERED_ITEMS, fmt))
    assert len(plan.points) == 1
    assert plan.points[0].title == plan.title == "云岭师范学校文明校园创建责任分工"
    assert plan.year == 2022  # from the page's date, with a warning
    assert any("发布日期" in w for w in plan.warnings)
    assert responsibilities(plan) == [
        (plan.title, "校园环境整洁", ["总务处"], [], ["各系部"], []),
        (plan.title, "开展心理健康", ["学生处"], [], [], []),
        (plan.title, "完善应急预案", ["保卫处"], ["总务处", "学生处"], [], []),
        (plan.title, "建立校史陈列", ["党政办公室"], ["校史办"], [], []),
    ]
    assert not any("浏览次数" in t.text for p in plan.points for t in p.tasks)


def test_inline_clauses_assign_when_the_document_has_no_annotation(tmp_path):
    path = write(
        tmp_path,
        [
            "松江理工学院2025年工作要点",
            "一、加强内涵建设",
            "1.启动新一轮专业评估，由教务处牵头，各二级学院配合。",
            "2.推进智慧校园建设，网络信息中心、资产管理处按职责分工负责。",
        ],
        "txt",
    )
    plan = parse_file(path)
    assert responsibilities(plan) == [
        ("加强内涵建设", "启动新一轮专", ["教务处"], [], ["各二级学院"], []),
        ("加强内涵建设", "推进智慧校园", ["网络信息中心"], ["资产管理处"], [], []),
    ]


def test_scheme_parts_without_any_assignment_are_left_out(tmp_path):
    plan = parse_file(
        write(
            tmp_path,
            [
                "各部门、各学院：",
                "为做好迎检工作，特制定本方案。",
                "一、领导小组",
                "组长：王立新",
                "二、工作任务",
                "（一）宣传发动。",
                "广泛宣传，营造氛围。",
                "(牵头部门: 宣传部 责任单位: 各部门、各学院)",
                "（二）整理材料",
                "按时报送材料。",
                "(责任单位: 党政办、档案馆)",
                "三、工作要求",
                "1.各单位要高度重视。",
            ],
            "txt",
        )
    )
    assert [p.title for p in plan.points] == ["工作任务"]
    assert responsibilities(plan) == [
        ("工作任务", "宣传发动。广", ["宣传部"], [], ["各部门", "各学院"], []),
        ("工作任务", "整理材料：按", ["党政办"], ["档案馆"], [], []),
    ]
    assert any("领导小组" in w and "工作要求" in w for w in plan.warnings)


# A task table: header synonyms, a section row across the table, a lead cell merged over two
# rows, several units in one cell one per line, and a deadline cell that names a unit.
TABLE = [
    ["序号", "重点工作", "主要责任单位", "协同配合单位", "责任校领导", "时间节点"],
    ["一、人才培养", "", "", "", "", ""],
    ["1", "实施课程思政示范工程", "教务处", "马克思主义学院\n各二级学院", "林书记", "2024年12月"],
    ["2", "举办第五届技能大赛", "教务处", "学生处、团委", "林书记", "2024年5月前报团委备案"],
    ["二、科学研究", "", "", "", "", ""],
    ["3", "申报省级科研平台2个", "科研处", "", "赵校长", "2024年9月底前"],
]
MERGED = {(2, 2): 2}  # (row, column) → rows the cell spans


def table_file(tmp_path: Path, fmt: str, title: str = "明湖学院2024年重点任务分解表") -> Path:
    path = tmp_path / f"table.{fmt}"
    if fmt == "xlsx":
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
        for index, row in enumerate(TABLE):
            sheet.append([cell or None for cell in row])
            if row[0].startswith(("一", "二")):
                sheet.merge_cells(
                    start_row=index + 2, start_column=1, end_row=index + 2, end_column=6
                )
        for (row, column), span in MERGED.items():
            sheet.cell(row + 3, column + 1).value = None
            sheet.merge_cells(
                start_row=row + 2,
                start_column=column + 1,
                end_row=row + 1 + span,
                end_column=column + 1,
            )
        workbook.save(path)
    elif fmt == "docx":
        document = docx.Document()
        document.add_paragraph(title)
        table = document.add_table(rows=len(TABLE), cols=6)
        for r, row in enumerate(TABLE):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
            if row[0].startswith(("一", "二")):
                table.cell(r, 0).merge(table.cell(r, 5))
        for (row, column), span in MERGED.items():
            table.cell(row + span - 1, column).text = ""
            merged = table.cell(row, column).merge(table.cell(row + span - 1, column))
            merged.text = TABLE[row][column]
        document.save(path)
    elif fmt == "html":
        rows = []
        for r, row in enumerate(TABLE):
            if row[0].startswith(("一", "二")):
                rows.append(f"<tr><td colspan='6'>{row[0]}</td></tr>")
                continue
            cells = []
            for c, value in enumerate(row):
                if any(
                    r == mr + k
                    for (mr, mc), span in MERGED.items()
                    for k in range(1, span)
                    if mc == c
                ):
                    continue
                span = MERGED.get((r, c), 1)
                cells.append(f"<td rowspan='{span}'>{value.replace(chr(10), '<br>')}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        path.write_text(
            f"<html><meta charset='utf-8'><body><h1>{title}</h1><table>{''.join(rows)}</table>"
            "</body></html>",
            encoding="utf-8",
        )
    return path


def check_table_plan(plan) -> None:
    assert plan.year == 2024
    assert [p.title for p in plan.points] == ["人才培养", "科学研究"]
    assert responsibilities(plan) == [
        ("人才培养", "实施课程思政", ["教务处"], ["马克思主义学院"], ["各二级学院"], ["林书记"]),
        ("人才培养", "举办第五届技", ["教务处"], ["学生处", "团委"], [], ["林书记"]),
        ("科学研究", "申报省级科研", ["科研处"], [], [], ["赵校长"]),
    ]
    assert plan.points[0].tasks[1].deadline == "2024年5月前报团委备案"


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "html"])
def test_task_table_document(tmp_path, fmt):
    check_table_plan(parse_file(table_file(tmp_path, fmt)))


def flattened(style: str) -> str:
    lines = ["明湖学院2024年重点任务分解表"]
    for row in TABLE:
        cells = [c for c in row]
        if row[0].startswith(("一", "二")):
            cells = [row[0]]
        if style == "tab":
            lines.append("\t".join(c.replace("\n", "、") for c in cells))
        elif style == "pipe":
            lines.append(cells[0])
            lines.extend(f"| {c}" for c in cells[1:])
            lines.append("|")
        elif style == "markdown":
            lines.append("| " + " | ".join(c.replace("\n", "<br>") for c in cells) + " |")
            if row is TABLE[0]:
                lines.append("|" + "---|" * len(cells))
    return "\n".join(lines)


@pytest.mark.parametrize("style", ["tab", "pipe", "markdown"])
def test_task_table_flattened_to_text(tmp_path, style):
    path = tmp_path / ("table.md" if style == "markdown" else "table.txt")
    path.write_text(flattened(style), encoding="utf-8")
    check_table_plan(parse_file(path))


def test_truncated_table_parses_as_far_as_it_goes_with_a_warning(tmp_path):
    text = flattened("pipe").rsplit("\n| 科研处", 1)[0]
    path = tmp_path / "cut.txt"
    path.write_text(text, encoding="utf-8")
    plan = parse_file(path)
    assert [t.text[:6] for p in plan.points for t in p.tasks][:2] == [
        "实施课程思政",
        "举办第五届技",
    ]
    assert any("截断" in w for w in plan.warnings)


def test_department_names_split_flagged_and_people_noticed(tmp_path):
    path = write(
        tmp_path,
        [
            "海川学院2024年工作要点",
            "一、加强组织建设",
            "1.完善干部考核办法。（责任部门：党委组织部人事处、纪委办公室等）",
            "2.开展作风专项整治。（责任部门：李建国、监察室）",
            "3.推进二级学院改革。（责任部门：各学院，相关职能部门）",
        ],
        "txt",
    )
    plan = parse_file(path)
    tasks = plan.points[0].tasks
    assert tasks[0].responsibility.lead == ["党委组织部"]
    assert tasks[0].responsibility.co == ["人事处", "纪委办公室"]
    assert any("连写" in w for w in tasks[0].warnings)
    assert any("人名" in w and "李建国" in w for w in tasks[1].warnings)
    assert tasks[2].responsibility.groups == ["各学院", "相关职能部门"]
    assert any("牵头" in w for w in tasks[2].warnings)


def test_a_registry_guess_is_proposed_not_applied(tmp_path):
    path = write(
        tmp_path,
        ["海川学院2024年工作要点", "一、加强党建", "1.开展主题教育。（责任部门：组织部）"],
        "txt",
    )
    plan = parse_file(path, registry={"党委组织人事部": "党委组织人事部"})
    assert responsibilities(plan)[0][2] == ["组织部"]
    assert [(p.name, p.proposed) for p in plan.proposals] == [("组织部", "党委组织人事部")]
    assert plan.to_dict()["proposals"] == [{"name": "组织部", "proposed": "党委组织人事部"}]


def test_a_page_with_no_task_list_is_refused_clearly(tmp_path):
    path = write(tmp_path, ["关于放假的通知", "一、放假时间", "二、注意事项"], "txt")
    with pytest.raises(ParseError) as refused:
        parse_file(path)
    assert "plan.txt" in str(refused.value) and "任务" in str(refused.value)


def sections(plan):
    return [(p.title, t.section, t.text[:6], (t.responsibility or p.responsibility).lead)
            for p in plan.points for t in p.tasks]  # fmt: skip


@pytest.mark.parametrize("fmt", ["txt", "docx", "html"])
def test_articles_with_bracketed_numbers(tmp_path, fmt):
    plan = parse_file(
        write(
            tmp_path,
            [
                "北辰大学2025年工作要点",
                "第一条 全面加强党的建设",
                "（1）深化理论武装。（党委宣传部负责）",
                "（2）建强基层组织。（党委组织部牵头，各二级党组织配合）",
                "第二条 提高人才培养质量",
                "（1）推进新工科建设。（责任单位：教务处、各学院）",
                "（2）实施拔尖人才计划。（责任单位：教务处）",
            ],
            fmt,
        )
    )
    assert sections(plan) == [
        ("全面加强党的建设", "", "深化理论武装", ["党委宣传部"]),
        ("全面加强党的建设", "", "建强基层组织", ["党委组织部"]),
        ("提高人才培养质量", "", "推进新工科建", ["教务处"]),
        ("提高人才培养质量", "", "实施拔尖人才", ["教务处"]),
    ]


@pytest.mark.parametrize("fmt", ["txt", "md", "docx"])
def test_four_levels_of_numbering_annotated_at_different_depths(tmp_path, fmt):
    plan = parse_file(
        write(
            tmp_path,
            [
                "北辰大学2025年重点任务清单",
                "一、人才培养",
                "（一）本科教育",
                "1.启动专业认证。",
                "①完成3个专业认证申请。",
                "责任单位：教务处",
                "②组织认证培训。",
                "责任单位：教师发展中心",
                "2.建设一流课程。",
                "牵头单位：教务处",
                "（二）研究生教育",
                "3.扩大博士点。",
                "牵头单位：研究生院；配合单位：学科办",
                "二、科学研究",
                "4.新增省部级平台2个。（科研处负责）",
            ],
            fmt,
        )
    )
    assert sections(plan) == [
        ("人才培养", "启动专业认证", "完成3个专业", ["教务处"]),
        ("人才培养", "启动专业认证", "组织认证培训", ["教师发展中心"]),
        ("人才培养", "本科教育", "建设一流课程", ["教务处"]),
        ("人才培养", "研究生教育", "扩大博士点。", ["研究生院"]),
        ("科学研究", "", "新增省部级平", ["科研处"]),
    ]


def test_table_copied_one_cell_per_line(tmp_path):
    path = tmp_path / "cells.txt"
    path.write_text(
        "\n".join(
            [
                "南岭学院2024年重点任务分解表",
                "序号",
                "重点任务",
                "牵头单位",
                "配合单位",
                "完成时限",
                "1",
                "推进学分制改革",
                "教务处",
                "学生处",
                "2024年9月",
                "2",
                "完善绩效分配办法",
                "人事处",
                "财务处、审计处",
                "2024年12月",
            ]
        ),
        encoding="utf-8",
    )
    plan = parse_file(path)
    assert responsibilities(plan) == [
        (plan.title, "推进学分制改", ["教务处"], ["学生处"], [], []),
        (plan.title, "完善绩效分配", ["人事处"], ["财务处", "审计处"], [], []),
    ]
    assert [t.deadline for t in plan.points[0].tasks] == ["2024年9月", "2024年12月"]


def test_square_brackets_and_combined_short_forms(tmp_path):
    plan = parse_file(
        write(
            tmp_path,
            [
                "清溪区2023年重点工作责任分解",
                "1、完善常态化防控机制。[牵头单位:区卫健局;责任单位:区应急局、各街办(新区)]",
                "2、推进审批改革。【牵头单位：区数据局】",
                "3、清理证明事项。(区司法局、区数据局牵头,区级各有关部门及各镇按职责分工负责)",
            ],
            "txt",
        )
    )
    assert responsibilities(plan) == [
        (plan.title, "完善常态化防", ["区卫健局"], ["区应急局"], ["各街办(新区)"], []),
        (plan.title, "推进审批改革", ["区数据局"], [], [], []),
        (plan.title, "清理证明事项", ["区司法局", "区数据局"], [], ["区级各有关部门", "各镇"], []),
    ]
    assert all("[" not in t.text and "牵头" not in t.text for p in plan.points for t in p.tasks)


def test_traditional_script_is_read_and_names_kept_as_written(tmp_path):
    path = write(
        tmp_path,
        [
            "翠峰縣2022年政府工作報告重點任務分解",
            "一、深化改革",
            "1.全面實施許可事項清單管理。(縣政府辦公室、縣審改辦牽頭,縣級各有關部門按職責分工負責)",
            "2.推進數字政府建設。(責任單位:縣數據資源局)",
        ],
        "txt",
    )
    plan = parse_file(path)
    assert responsibilities(plan) == [
        ("深化改革", "全面實施許可", ["縣政府辦公室", "縣審改辦"], [], ["縣級各有關部門"], []),
        ("深化改革", "推進數字政府", ["縣數據資源局"], [], [], []),
    ]
    assert any("繁体" in w for w in plan.warnings)


def test_web_table_copies_with_trailing_pipes_and_rows_on_one_line(tmp_path):
    cells = tmp_path / "cells.txt"
    cells.write_text(
        "\n".join(
            [
                "柳岸县2024年重点工作目标任务分解表",
                "序号 |", "目标与任务 |", "分 管 县领导 |", "牵头责任单位 |", "责任单位 |",
                "41 |", "新增托位400个以上。 |", "孙 悦 |", "县教育局 |", "县各有关单位 |",
                "42 |", "支持职业学校发展。 |", "孙 悦 |", "县教育局 |", "县人社局 |",
            ]
        ),
        encoding="utf-8",
    )  # fmt: skip
    plan = parse_file(cells)
    assert responsibilities(plan) == [
        (plan.title, "新增托位40", ["县教育局"], [], ["县各有关单位"], ["孙悦"]),
        (plan.title, "支持职业学校", ["县教育局"], ["县人社局"], [], ["孙悦"]),
    ]
    rows = tmp_path / "rows.txt"
    rows.write_text(
        "柳岸县2024年重点工作任务表\n重点任务 | 工作内容 | 负责科室 |\n"
        "政策解读 | 对政策文件进行全面解读。 | 各业务科室 |\n"
        "政务服务 | 注重办理结果信息发布 | 综合科 |\n",
        encoding="utf-8",
    )
    plan = parse_file(rows)
    # Each row has its own 重点任务: it titles the row's task (no key point of one task each).
    assert [(p.title, t.text[:9], (t.responsibility.lead, t.responsibility.groups))
            for p in plan.points for t in p.tasks] == [
        (plan.title, "政策解读：对政策文", ([], ["各业务科室"])),
        (plan.title, "政务服务：注重办理", (["综合科"], [])),
    ]  # fmt: skip


def test_table_one_cell_per_paragraph_with_section_rows_between(tmp_path):
    paragraphs = [
        "桐城区教育局2025年重点工作任务分解表",
        "索引号: 11341602003/202506-00023",
        "序号", "重点工作任务", "主要责任单位", "协同配合单位",
        "一、主要预期目标",
        "3", "固定资产投资增长7.5%左右。", "区发改委", "区工信局、区住建局",
        "二、加快社会事业发展",
        "三、打造宜居家园",
        "68", "推进学前教育普惠发展。", "区教育局", "区政府有关部门,各乡镇人民政府、街道办事处。",
    ]  # fmt: skip
    plan = parse_file(write(tmp_path, paragraphs, "txt"))
    assert responsibilities(plan) == [
        ("主要预期目标", "固定资产投资", ["区发改委"], ["区工信局", "区住建局"], [], []),
        ("打造宜居家园", "推进学前教育", ["区教育局"], [],
         ["区政府有关部门", "各乡镇人民政府、街道办事处"], []),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "box", [("┌─┬─┐", "│", "├─┼─┤", "└─┴─┘"), ("+--+--+", "|", "+--+--+", "+--+--+")]
)
def test_table_drawn_with_box_characters_and_wrapped_cells(tmp_path, box):
    top, bar, middle, bottom = box
    lines = [
        "石桥县2024年重点工作任务分解表",
        top,
        f"{bar}序号{bar}重点工作{bar}牵头单位{bar}配合单位{bar}",
        middle,
        f"{bar}1{bar}推进县域医共体{bar}县卫健委{bar}县医保局、{bar}",
        f"{bar}{bar}建设。{bar}{bar}县财政局{bar}",
        middle,
        f"{bar}2{bar}新建污水管网20公里。{bar}县住建局{bar}各乡镇{bar}",
        bottom,
    ]
    path = write(tmp_path, lines, "txt-lines")
    plan = parse_file(path)
    assert responsibilities(plan) == [
        (plan.title, "推进县域医共", ["县卫健委"], ["县医保局", "县财政局"], [], []),
        (plan.title, "新建污水管网", ["县住建局"], [], ["各乡镇"], []),
    ]
    assert plan.points[0].tasks[0].text == "推进县域医共体建设。"


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_unnumbered_section_headings_over_numbered_items_are_key_points(tmp_path, fmt):
    plan = parse_file(
        write(
            tmp_path,
            [
                "溪山学院2024年重点工作任务",
                "党的建设",
                "1.开展主题教育。（责任部门：党委组织部）",
                "2.加强廉政教育，",
                "形成长效机制。（责任部门：纪委办公室）",
                "人才培养",
                "3.完善学分制。（责任部门：教务处）",
            ],
            fmt,
        )
    )
    assert [(p.title, [t.text[:4] for t in p.tasks]) for p in plan.points] == [
        ("党的建设", ["开展主题", "加强廉政"]),
        ("人才培养", ["完善学分"]),
    ]


def test_text_cut_off_after_the_last_annotation_warns(tmp_path):
    plan = parse_file(
        write(
            tmp_path,
            [
                "溪山学院2024年重点工作任务",
                "1.开展主题教育。（责任部门：党委组织部）",
                "2.完善学分制。（责任部门：教务处）",
                "3.建设智慧校园。（责任部门：信息中心）",
                "4.推进后勤社会化改革，提",
            ],
            "txt",
        )
    )
    assert plan.task_count() == 4
    assert any("截断" in w for w in plan.warnings)


def test_table_with_a_key_point_column_merged_over_its_tasks(tmp_path):
    rows = [
        ["序号", "重点工作", "具体任务", "牵头部门", "配合部门", "完成时间"],
        ["1", "深化教学改革", "修订人才培养方案", "教务处", "各二级学院", "2025年6月"],
        ["2", "深化教学改革", "建设在线开放课程5门", "教务处", "现代教育技术中心", "2025年12月"],
        ["3", "加强师资队伍", "引进高层次人才8名", "人事处", "", "2025年12月"],
    ]
    document, table = word_table("云杉职业学院2025年重点工作任务分解表", rows)
    table.cell(2, 1).text = ""
    table.cell(1, 1).merge(table.cell(2, 1)).text = "深化教学改革"
    path = tmp_path / "table.docx"
    document.save(path)
    plan = parse_file(path)
    assert responsibilities(plan) == [
        ("深化教学改革", "修订人才培养", ["教务处"], [], ["各二级学院"], []),
        ("深化教学改革", "建设在线开放", ["教务处"], ["现代教育技术中心"], [], []),
        ("加强师资队伍", "引进高层次人", ["人事处"], [], [], []),
    ]


def test_responsibility_lines_with_joint_leads_notes_and_deadlines(tmp_path):
    plan = parse_file(
        write(
            tmp_path,
            [
                "市政府工作报告重点工作责任分解（2023年）",
                "（除标注“分别牵头”外，列第一位为牵头单位，下同）",
                "一、推动经济稳进提质",
                "1.固定资产投资增长10%。",
                "责任单位:市发改委、市财政局(除标注“分别牵头”外,列第一位为牵头单位)",
                "2.城镇新增就业2万人。",
                "责任单位:市人社局、市农业农村局分别牵头",
                "二、办好民生实事",
                "3.完成老旧小区改造30个。（牵头单位：市住建局；责任单位：各区政府，6月底完成）",
            ],
            "txt",
        )
    )
    assert plan.title == "市政府工作报告重点工作责任分解（2023年）" and plan.year == 2023
    assert responsibilities(plan) == [
        ("推动经济稳进提质", "固定资产投资", ["市发改委"], ["市财政局"], [], []),
        ("推动经济稳进提质", "城镇新增就业", ["市人社局", "市农业农村局"], [], [], []),
        ("办好民生实事", "完成老旧小区", ["市住建局"], [], ["各区政府"], []),
    ]


def test_one_numbered_item_under_a_section_stays_one_task(tmp_path):
    plan = parse_file(
        write(
            tmp_path,
            [
                "滨江区2016年稳增长工作措施",
                "一、加快推进项目建设",
                "4.加强项目谋划储备。围绕重点领域谋划项目。建立项目库。(区发改局牵头,区财政局配合)",
                "二、促进消费",
                "5.发放消费券。(区商务局负责)",
            ],
            "txt",
        )
    )
    assert [(p.title, [t.text for t in p.tasks]) for p in plan.points] == [
        ("加快推进项目建设", ["加强项目谋划储备。围绕重点领域谋划项目。建立项目库。"]),
        ("促进消费", ["发放消费券。"]),
    ]
    assert responsibilities(plan)[0][2:4] == (["区发改局"], ["区财政局"])


def test_clauses_assign_tasks_left_unannotated_in_an_annotated_document(tmp_path):
    plan = parse_file(
        write(
            tmp_path,
            [
                "临川学院2025年工作要点",
                "一、人才培养",
                "1.启动专业评估。（牵头科室：教务科；配合科室：人事科）",
                "2.由学生工作部牵头，开展心理健康普查。",
                "3.教务处、研究生院按职责分工负责课程思政示范项目。",
                "二、科学研究",
                "4.组织申报国家级项目（科研处牵头，组织部配合）。",
                "5.修订经费管理办法（科技处负责）。",
                "6.完成资金审计（市发展改革委市财政局负责）。",
            ],
            "txt",
        )
    )
    assert responsibilities(plan)[:3] == [
        ("人才培养", "启动专业评估", ["教务科"], ["人事科"], [], []),
        ("人才培养", "由学生工作部", ["学生工作部"], [], [], []),
        ("人才培养", "教务处、研究", ["教务处"], ["研究生院"], [], []),
    ]
    assert not [w for w in plan.warnings if "没有标注" in w]
    # 科研处 and 科技处 both named: two offices, neither merged nor proposed.
    assert responsibilities(plan)[3][2] == ["科研处"]
    assert plan.proposals == []
    assert responsibilities(plan)[5][2:4] == (["市发展改革委"], ["市财政局"])
    assert any("连写" in w for w in plan.points[1].tasks[2].warnings)


def test_section_rows_stay_key_points_beside_a_key_point_column(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [
        ["澄湖学院2025年重点工作任务分解表"],
        ["序号", "重点工作", "具体任务", "牵头单位"],
        ["一、立德树人"],
        ["1", "课程思政", "建设5门思政示范课程", "马克思主义学院"],
        ["2", "课程思政", "开展思政课教师培训", "马克思主义学院"],
        ["二、科技创新"],
        ["3", "平台建设", "申报省级平台", "科研处"],
    ]:
        sheet.append(row)
    path = tmp_path / "table.xlsx"
    workbook.save(path)
    plan = parse_file(path)
    assert [(p.title, [(t.section, t.text[:4]) for t in p.tasks]) for p in plan.points] == [
        ("立德树人", [("课程思政", "建设5门"), ("课程思政", "开展思政")]),
        ("科技创新", [("平台建设", "申报省级")]),
    ]


def test_the_last_item_annotated_before_its_full_stop_stays_a_task(tmp_path):
    plan = parse_file(
        write(
            tmp_path,
            [
                "星河大学2025年工作要点",
                "一、立德树人",
                "1. 完善学生资助体系。",
                "2. 加强实验室安全管理，由资产管理处牵头，保卫处配合。",
                "3. 推进教学评价改革（责任部门：教务处）。",
            ],
            "txt",
        )
    )
    assert [t.text for t in plan.points[0].tasks] == [
        "完善学生资助体系。",
        "加强实验室安全管理，由资产管理处牵头，保卫处配合。",
        "推进教学评价改革",
    ]
    assert responsibilities(plan)[1][2:4] == (["资产管理处"], ["保卫处"])


def test_workbook_empty_cells_are_empty_and_bare_numerals_in_the_serial_column_are_sections(
    tmp_path,
):
    workbook = openpyxl.Workbook()
    for row in [
        ["枫林学院2049年重点工作任务分解表"],
        ["序号", "重点工作", "牵头单位", "完成时限", "配合单位"],
        ["一", "党建与思政"],
        ["1", "建设示范党支部", "党委组织部", "2049年12月", "宣传部"],
        ["2", "开展专项整治", "人事处", None, None],
        ["二", "办学治理"],
        ["3", "修订章程", "党政办公室", "2049年6月", "法律事务室"],
    ]:
        workbook.active.append(row)
    workbook.save(tmp_path / "t.xlsx")
    plan = parse_file(tmp_path / "t.xlsx")
    assert responsibilities(plan) == [
        ("党建与思政", "建设示范党支", ["党委组织部"], ["宣传部"], [], []),
        ("党建与思政", "开展专项整治", ["人事处"], [], [], []),
        ("办学治理", "修订章程", ["党政办公室"], ["法律事务室"], [], []),
    ]
    assert plan.points[0].tasks[1].deadline == ""


def test_a_flattened_table_cut_in_its_last_row_warns_and_copies_nothing(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_text(
        "枫林学院2046年任务分解表\n序号 | 重点工作 | 牵头单位 | 配合单位 | 完成时限 |\n"
        "1 | 建成智慧校园平台 | 信息中心 | 教务处 | 2046年12月 |\n"
        "2 | 开展校园安全大检查 | 保卫处 |\n",
        encoding="utf-8",
    )
    plan = parse_file(path)
    assert responsibilities(plan)[1][2:4] == (["保卫处"], [])
    assert plan.points[0].tasks[1].deadline == ""
    assert any("截断" in w for w in plan.warnings)


def test_a_person_in_a_short_form_is_read_and_flagged(tmp_path):
    plan = parse_file(
        write(
            tmp_path,
            ["星河大学2025年工作要点", "一、质量", "1.做好考核（评估中心、李建国负责）。"],
            "txt",
        )
    )
    assert responsibilities(plan)[0][2:4] == (["评估中心"], ["李建国"])
    assert any("人名" in w for w in plan.points[0].warnings + plan.points[0].tasks[0].warnings)


def test_thousands_of_names_run_together_are_read_as_one_overlong_name(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(
        "星河大学2036年工作要点\n一、教学\n1. 推进（责任部门：" + "教务处" * 60_000 + "）", "utf-8"
    )
    plan = parse_file(path)
    assert [len(name) for name in (d.name for d in plan.departments)] == [180_000]


def test_word_automatic_numbering_is_read_as_printed(tmp_path):
    document = docx.Document()
    document.add_paragraph("云杉学院2043年工作要点")
    for heading, tasks in [
        ("加强党的建设", ["开展主题教育（组织部负责）。", "加强基层党组织建设（组织部负责）。"]),
        ("提高教学质量", ["推进专业认证（教务处负责）。"]),
    ]:
        document.add_paragraph(heading, style="Heading 1")
        for task in tasks:
            document.add_paragraph(task, style="List Number")
    path = tmp_path / "auto.docx"
    document.save(path)
    plan = parse_file(path)
    assert responsibilities(plan) == [
        ("加强党的建设", "开展主题教育", ["组织部"], [], [], []),
        ("加强党的建设", "加强基层党组", ["组织部"], [], [], []),
        ("提高教学质量", "推进专业认证", ["教务处"], [], [], []),
    ]


@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
def test_a_duties_notice_with_units_as_subjects_after_the_item_numbers(tmp_path, fmt):
    """A notice that shares out work: 1.学生处负责… / 2、教务部、各系部负责… — the item's
    number is no part of the unit; a unit's short name in brackets stays with it."""
    path = write(
        tmp_path,
        [
            "云岭职业学院关于做好2025届毕业典礼工作的通知",
            "各部门、各系部：",
            "一、典礼时间",
            "6月20日上午9:00。",
            "二、工作分工",
            "1.学生处负责毕业生代表发言的组织。",
            "2、教务部、各系部负责毕业证书的核对和发放。",
            "3.学工部(处)负责典礼议程的拟定。",
            "（4）宣传部负责现场摄影和新闻报道。",
        ],
        fmt,
    )
    plan = parse_file(path)
    rows = [(r[1], r[2], r[3], r[4]) for r in responsibilities(plan)]
    assert rows == [
        ("学生处负责毕", ["学生处"], [], []),
        ("教务部、各系", ["教务部"], [], ["各系部"]),
        ("学工部(处)", ["学工部(处)"], [], []),
        ("宣传部负责现", ["宣传部"], [], []),
    ]


def test_clauses_with_their_co_units_after_a_comma_or_a_pause_mark(tmp_path):
    """由A负责，B、C及D配合 / 由A牵头、B配合: the co units are read too; a unit described by
    its role (使用部门, 学生所在单位) is a collective term, not one department."""
    path = write(
        tmp_path,
        [
            "东川大学关于开展校园安全检查的通知",
            "（一）常规安全检查",
            "1.教学楼的基础设施安全，由资产处牵头、使用部门配合；",
            "2.学生公寓的消防安全，由后勤处负责，保卫处、学生处及学生所在单位配合；",
        ],
        "txt",
    )
    plan = parse_file(path)
    rows = [(r[1], r[2], r[3], r[4]) for r in responsibilities(plan)]
    assert rows == [
        ("教学楼的基础", ["资产处"], [], ["使用部门"]),
        ("学生公寓的消", ["后勤处"], ["保卫处", "学生处"], ["学生所在单位"]),
    ]


def test_a_table_copied_one_cell_per_paragraph_with_several_units_and_a_merged_row(tmp_path):
    """One cell per paragraph, a column named in the office's words (民生实事), several units
    one per line, a deadline line, and a number whose row has two sub-rows sharing its unit."""
    paragraphs = [
        "青河县人民政府办公室关于印发2025年民生实事目标任务分解表的通知",
        "各乡镇人民政府，县级各部门：",
        "现将《2025年民生实事目标任务分解表》印发给你们，请认真贯彻执行。",
        "2025年民生实事目标任务分解表",
        "序号", "民生实事", "责任单位", "完成时限",
        "1", "新建城区公园两座。", "县住建局", "县自然资源局", "县园林中心", "12月底前",
        "2", "开工建设老年养护楼。", "县民政局", "5月底前动工",
        "改造老年大学教学楼。", "10月底前",
        "3", "新增公办幼儿园学位600个。", "县教育局", "9月投入使用",
    ]  # fmt: skip
    path = tmp_path / "minsheng.txt"
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    plan = parse_file(path)
    rows = [(r[1], r[2], r[3]) for r in responsibilities(plan)]
    assert rows == [
        ("新建城区公园", ["县住建局"], ["县自然资源局", "县园林中心"]),
        ("开工建设老年", ["县民政局"], []),
        ("改造老年大学", ["县民政局"], []),
        ("新增公办幼儿", ["县教育局"], []),
    ]
    tasks = plan.points[0].tasks
    assert [t.deadline for t in tasks] == ["12月底前", "5月底前动工", "10月底前", "9月投入使用"]
    assert plan.year == 2025


def test_an_office_of_a_body_is_one_unit_not_two_run_together(tmp_path):
    path = write(
        tmp_path,
        [
            "河川市2025年重点工作任务分解",
            "1.做好常态化防控工作。",
            "责任单位：市防控指挥部办公室、市卫生健康委等，各县(市、区)政府",
        ],
        "txt",
    )
    plan = parse_file(path)
    resp = plan.points[0].tasks[0].responsibility
    assert (resp.lead, resp.co) == (["市防控指挥部办公室"], ["市卫生健康委"])
    assert plan.points[0].tasks[0].warnings == []


def test_text_copied_from_a_pdf_with_every_printed_line_cut_and_page_numbers(tmp_path):
    """A PDF copy cuts every line at the page's width — in a heading, a sentence and a unit's
    name — and keeps the page numbers (— 3 —) between the lines."""
    lines = [
        "西岭区贯彻落实街道工作意见的任务分解方案",
        "一、提高基层党建工作水平,加强党对基层治理工作的全面",
        "领导",
        "1.完善街道党工委对地区治理重大工作的领导体制机制,优",
        "化决策程序,涉及基层治理的重大事项、重点工作和重要问题",
        "由街道党工委讨论决定,全面提升街道抓党建抓治理的能力。",
        "牵头单位:区委组织部",
        "协办单位:区委编办、区民政局(区委社会工委)、科技园区党工",
        "委、各街道党工委",
        "— — — 3 —",
        "2.以区域化党建为重点,构建区、街道、社区党组织三级上下",
        "贯通,单位党建、行业党建多方联动的基层党建工作体系。健全",
        "街道党建工作协调委员会,完善议事规则和工作程序等制度。",
        "牵头单位:区委组织部",
        "协办单位:各街道党工委",
        "— — — 4 —",
        "3.深化街道管理体制改革,推进街道职能转变和机构整合,建立",
        "健全街道综合执法机制,赋予街道更多的统筹协调职责和权力。",
        "牵头单位:区委编办",
    ]
    path = write(tmp_path, lines, "txt-lines")
    plan = parse_file(path)
    assert [p.title for p in plan.points] == ["提高基层党建工作水平,加强党对基层治理工作的全面领导"]
    tasks = plan.points[0].tasks
    assert [t.text[:8] for t in tasks] == [
        "完善街道党工委对",
        "以区域化党建为重",
        "深化街道管理体制",
    ]
    assert "优化决策程序" in tasks[0].text  # the cut sentence is whole again
    first = tasks[0].responsibility
    assert first.co == ["区委编办", "区民政局(区委社会工委)", "科技园区党工委"]
    assert first.groups == ["各街道党工委"]
    assert not any("— 3 —" in t.text or "3 —" in t.text for t in tasks)


def test_bare_page_numbers_of_a_pdf_copy_are_no_tasks_and_cut_no_sentence(tmp_path):
    """A PDF copy prints a page's number alone on its line (2, 3): between two items it is
    dropped, and inside a sentence cut by the page's end the sentence is whole again."""
    lines = [
        "东坪县2024年重点工作任务分解方案",
        "一、持续优化营商环境，推动县域经济高质量发展再上新台阶",
        "1.深化行政审批制度改革，全面推行承诺制审批和容缺受理，压",
        "减审批时限，提升政务服务一网通办水平和群众满意度。",
        "牵头单位：县行政审批局",
        "2",
        "2.实施招商引资攻坚行动，围绕主导产业开展精准招商，全年",
        "3",
        "引进亿元以上项目二十个以上，推动签约项目早落地早投产。",
        "牵头单位：县商务局；配合单位：县发展改革局",
        "3.加快重点项目建设进度，落实县级领导包联重点项目制度，",
        "协调解决项目建设中的用地、资金和审批等方面的困难问题。",
        "牵头单位：县发展改革局",
        "4",
        "4.推进乡村振兴示范片区建设，完善农村基础设施和公共服务，",
        "提升农村人居环境整治成效，打造一批宜居宜业和美乡村。",
        "牵头单位：县农业农村局",
    ]
    path = write(tmp_path, lines, "txt-lines")
    tasks = parse_file(path).points[0].tasks
    assert [t.text[:6] for t in tasks] == [
        "深化行政审批",
        "实施招商引资",
        "加快重点项目",
        "推进乡村振兴",
    ]
    assert "全年引进亿元以上项目" in tasks[1].text
    assert tasks[1].responsibility.co == ["县发展改革局"]


def test_a_numbered_table_row_per_line_keeps_its_numbers(tmp_path):
    """The 序号 cells of a table flattened one cell per line stand alone like page numbers
    do, and stay the rows' numbers."""
    lines = ["南溪学院2024年重点工作任务分解表", "序号", "重点工作", "牵头单位", "完成时限"]
    for number, (work, unit) in enumerate(
        [
            ("完善内部控制制度，强化预算执行。", "财务处"),
            ("推进智慧校园二期建设。", "信息中心"),
            ("开展教学质量年活动。", "教务处"),
        ],
        start=1,
    ):
        lines += [str(number), work, unit, "2024年12月"]
    path = write(tmp_path, lines, "txt-lines")
    tasks = [t for p in parse_file(path).points for t in p.tasks]
    assert [t.responsibility.lead for t in tasks] == [["财务处"], ["信息中心"], ["教务处"]]


def test_paragraphs_of_any_length_are_not_joined(tmp_path):
    """A document whose lines are paragraphs (not cut at one width) keeps every line break,
    even where a line does not end in a full stop."""
    items = [
        "落实全面从严治党主体责任，完善党委会议事规则",
        "推进基层党组织标准化建设",
        "加强意识形态阵地管理，健全网络舆情的研判、处置和通报机制，压实各级责任",
        "开展师德师风专题教育",
        "完善二级学院党组织会议制度，提高议事决策质量，坚持民主集中制原则",
        "建设高素质专业化干部队伍",
        "深化全面从严治党，推动巡察整改落实落地",
        "推进清廉校园建设",
        "加强统一战线工作，支持民主党派基层组织建设，发挥党外人士作用",
    ]
    paragraphs = ["北坡学院2025年工作要点", "一、加强党的建设"]
    for item in items:
        paragraphs += [item, "责任部门：党委办公室"]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(paragraphs), encoding="utf-8")
    plan = parse_file(path)
    assert [t.text for t in plan.points[0].tasks] == items


def test_lines_without_full_stops_under_an_annotated_point_are_one_task_each(tmp_path):
    """In a text file whose lines follow one another without blank lines, each line under a
    key point that carries its annotation is a task even without a full stop; a line that ends
    in a comma goes on in the next."""
    path = write(
        tmp_path,
        [
            "北坡学院2025年工作要点",
            "一、加强党的建设（牵头单位：党委办公室）",
            "落实全面从严治党主体责任",
            "推进基层党组织标准化建设，",
            "完善党支部工作条例",
            "二、提升人才培养质量（牵头单位：教务处）",
            "深化专业建设",
            "推进课程思政",
        ],
        "txt-gbk",
    )
    plan = parse_file(path)
    assert [[t.text for t in p.tasks] for p in plan.points] == [
        ["落实全面从严治党主体责任", "推进基层党组织标准化建设，完善党支部工作条例"],
        ["深化专业建设", "推进课程思政"],
    ]


@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
def test_a_notice_sharing_out_duties_under_unit_headings(tmp_path, fmt):
    """Each heading names only a unit (一、党政办公室 / 二、学工部(处)); the duties under it,
    numbered or one paragraph, are that unit's. Contact lines are no duties."""
    path = write(
        tmp_path,
        [
            "松岭学院关于做好2025年田径运动会各部门工作的通知",
            "各部门、各单位：",
            "现将运动会各部门职责通知如下：",
            "一、党政办公室",
            "联系人：周平",
            "（一）负责起草开幕词。",
            "（—）负责主席台座位安排。",
            "二、学工部(处)",
            "（一）负责看台的人员分布。",
            "（二）各院系维持好看台秩序。",
            "三、校医院",
            "在主席台南边设救护站，做好突发伤害的处置。",
            "四、其他要求",
            "各部门要高度重视，按时完成各项工作。",
        ],
        fmt,
    )
    plan = parse_file(path)
    assert [p.title for p in plan.points] == ["党政办公室", "学工部(处)", "校医院"]
    rows = [(r[1], r[2]) for r in responsibilities(plan)]
    assert rows == [
        ("负责起草开幕", ["党政办公室"]),
        ("负责主席台座", ["党政办公室"]),
        ("负责看台的人", ["学工部(处)"]),
        ("各院系维持好", ["学工部(处)"]),
        ("在主席台南边", ["校医院"]),
    ]
    assert plan.year == 2025


def test_unit_headings_numbered_1_with_duties_numbered_bracket_1(tmp_path):
    path = write(
        tmp_path,
        [
            "2025年迎新工作各部门职责",
            "1、财务处",
            "(1)负责新生银行卡的制作；",
            "(2)及时统计新生交费情况。",
            "2、保卫处",
            "(1)负责校门车辆出入管理；",
            "3、信息化建设与管理中心",
            "(1)负责迎新系统的运行保障。",
            "三、新生报到",
            "新生凭校园卡到报到点刷卡报到。",
        ],
        "txt",
    )
    plan = parse_file(path)
    assert "以下部分没有任何责任分工，不作为工作要点导入：“新生报到”。" in plan.warnings
    rows = [(r[0], r[1], r[2]) for r in responsibilities(plan)]
    assert rows == [
        ("财务处", "负责新生银行", ["财务处"]),
        ("财务处", "及时统计新生", ["财务处"]),
        ("保卫处", "负责校门车辆", ["保卫处"]),
        ("信息化建设与管理中心", "负责迎新系统", ["信息化建设与管理中心"]),
    ]


def test_items_that_open_with_their_unit_and_a_colon(tmp_path):
    path = write(
        tmp_path,
        [
            "关于做好2025届毕业生离校工作的通知",
            "1.财务处：更新毕业生费用结算数据。",
            "2.图书馆：更新毕业生图书归还数据。",
            "3.教务处和各二级学院：更新毕业证书发放数据。",
        ],
        "txt",
    )
    plan = parse_file(path)
    rows = [(r[1], r[2], r[4]) for r in responsibilities(plan)]
    assert rows == [
        ("财务处：更新", ["财务处"], []),
        ("图书馆：更新", ["图书馆"], []),
        ("教务处和各二", ["教务处"], ["各二级学院"]),
    ]


def test_a_key_point_naming_its_lead_unit_after_a_notice_and_its_attachments_list(tmp_path):
    path = write(
        tmp_path,
        [
            "河口县人民政府办公室关于印发2025年重点工作任务清单的通知",
            "一、责任到人，闭环管理。各单位要明确责任人，按月报送进展。",
            "二、节点管控，动态调度。由牵头单位发挥统筹协调作用，协同单位积极配合。",
            "附件：1.2025年县政府工作报告任务清单",
            "2.2025年民生实事任务分解",
            "河口县人民政府办公室",
            "2025年5月18日",
            "2025年县政府工作报告任务清单",
            "一、县开发区管委会牵头工作（2项）",
            "1.建设新能源装备产业园。",
            "2.打造食用菌生产基地。",
            "二、县发展改革局牵头工作（1项）",
            "3.推进重点项目前期工作。",
        ],
        "txt",
    )
    plan = parse_file(path)
    rows = [(r[1], r[2], r[4]) for r in responsibilities(plan)]
    assert rows == [
        ("建设新能源装", ["县开发区管委会"], []),
        ("打造食用菌生", ["县开发区管委会"], []),
        ("推进重点项目", ["县发展改革局"], []),
    ]
    assert plan.year == 2025


def test_key_points_that_merely_end_like_a_unit_are_not_taken_for_units(tmp_path):
    """一、建设高水平研究院 names work, not a unit: its tasks keep their own annotations."""
    path = write(
        tmp_path,
        [
            "东湖大学2025年工作要点",
            "一、建设高水平研究院",
            "1.引进领军人才团队。（责任单位：人事处）",
            "二、打造科技创新中心",
            "2.建设共享实验平台。（责任单位：科技处）",
        ],
        "txt",
    )
    plan = parse_file(path)
    assert [(r[0], r[2]) for r in responsibilities(plan)] == [
        ("建设高水平研究院", ["人事处"]),
        ("打造科技创新中心", ["科技处"]),
    ]


def test_a_web_table_whose_copy_ended_every_cell_alike_and_numbered_rows_in_a_column_of_its_own():
    """Every cell followed by a lone |, rows unmarked; the rows' numbers stand in a column the
    header does not name, and a key point cell merged over two rows appears once."""
    cells = [
        "工作任务", "具体要求", "责任科室", "时限要求",
        "强化规范性文件公开", "1", "全面清理规范性文件并公布目录。", "办公室", "年底前",
        "做好主动公开工作", "2", "规范发布法定主动公开内容。", "各科室", "持续推进",
        "3", "按时编制发布政务公开年度报告。", "办公室", "1月底前",
    ]  # fmt: skip
    text = "某县信访局2025年政务公开工作任务分工\n\n" + "\n|\n".join(cells) + "\n|\n"
    plan = parse_bytes(text.encode(), "gongkai.txt")
    assert [p.title for p in plan.points] == ["强化规范性文件公开", "做好主动公开工作"]
    rows = [(r[0], r[1], r[2], r[4]) for r in responsibilities(plan)]
    assert rows == [
        ("强化规范性文件公开", "全面清理规范", ["办公室"], []),
        ("做好主动公开工作", "规范发布法定", [], ["各科室"]),
        ("做好主动公开工作", "按时编制发布", ["办公室"], []),
    ]
    assert [t.deadline for p in plan.points for t in p.tasks] == ["年底前", "持续推进", "1月底前"]


def test_a_progress_table_copied_with_spaces_between_its_cells():
    """序号 … 牵头领导 牵头单位 配合单位 … 进展: cells separated by spaces, a leader's name
    spaced apart (汪  峰), a unit cell over two lines, and progress notes after the units."""
    text = "\n".join(
        [
            "2025年县政府重点工作责任清单进展情况汇总表",
            "序号 2025年重点工作任务 牵头  领导 牵头         责任单位 配合         责任单位 进展情况",
            "12 新增托育机构2所以上。 陈  敏   林海 县卫健委 各乡镇",
            "县开发区 已完成 完成两所托育机构备案",
            "13 推进县医院新院区启用。 林海 县卫健委 县住建局 达到时序进度 主体工程完工",
        ]
    )
    plan = parse_bytes(text.encode(), "jinzhan.txt")
    assert [(r[1], r[2], r[3], r[4], r[5]) for r in responsibilities(plan)] == [
        ("新增托育机构", ["县卫健委"], ["县开发区"], ["各乡镇"], ["陈敏", "林海"]),
        ("推进县医院新", ["县卫健委"], ["县住建局"], [], ["林海"]),
    ]
    assert plan.year == 2025


def test_units_read_from_headings_or_spaced_cells_are_pointed_out_for_checking(tmp_path):
    headings = write(
        tmp_path,
        ["2025年迎新工作各部门职责", "1、财务处", "(1)负责新生银行卡的制作。", "2、保卫处",
         "(1)负责校门车辆出入管理。"],
        "txt",
    )  # fmt: skip
    assert any("小标题" in w for w in parse_file(headings).warnings)
    spaced = "\n".join(
        [
            "2025年重点工作责任清单",
            "序号 重点工作任务 牵头单位 配合单位",
            "1 新增托育机构。 县卫健委 各乡镇",
        ]
    )
    assert any("以空格分列" in w for w in parse_bytes(spaced.encode(), "a.txt").warnings)
    annotated = write(
        tmp_path, ["2025年工作要点", "一、党建", "1.落实责任。（责任单位：党办）"], "md"
    )
    assert not any("小标题" in w or "空格" in w for w in parse_file(annotated).warnings)


def test_a_registered_department_whose_name_reads_like_a_collective_term_stays_a_department(
    tmp_path,
):
    path = write(
        tmp_path,
        [
            "西岭学院2025年工作要点",
            "一、服务保障",
            "1.完善校园服务。（责任单位：后勤服务部门、使用部门）",
        ],
        "txt",
    )
    without = parse_file(path).points[0].tasks[0].responsibility
    assert (without.lead, without.groups) == ([], ["后勤服务部门", "使用部门"])
    registered = parse_file(path, registry={"后勤服务部门": "后勤服务部门"})
    resp = registered.points[0].tasks[0].responsibility
    assert (resp.lead, resp.co, resp.groups) == (["后勤服务部门"], [], ["使用部门"])


def test_duties_under_unit_headings_ending_in_zhize_below_a_part_naming_all_of_them(tmp_path):
    """三、相关部门工作职责 over 1.研究生院职责 / ①… : the units are the headings below; a group's
    members (组长：/成员：) are no duties."""
    path = write(
        tmp_path,
        [
            "北湖大学关于举行2025年学位授予仪式的通知",
            "一、仪式领导小组",
            "组长：王明",
            "成员：李华 赵新",
            "二、相关部门工作职责",
            "1.研究生院职责",
            "①学位证书的发放",
            "②导师代表的邀请",
            "2.研究生工作部职责",
            "①参加仪式的学生名单统计",
            "3.各学院职责",
            "①组织研究生按时入场",
        ],
        "txt",
    )
    plan = parse_file(path)
    rows = [(r[1], r[2], r[4]) for r in responsibilities(plan)]
    assert rows == [
        ("学位证书的发", ["研究生院"], []),
        ("导师代表的邀", ["研究生院"], []),
        ("参加仪式的学", ["研究生工作部"], []),
        ("组织研究生按", [], ["各学院"]),
    ]


def test_units_told_what_to_do_are_responsible_and_an_instruction_to_all_is_everyones(tmp_path):
    """In a notice that annotates nothing, 保卫处要… is the office's duty and 各部门要… every
    department's: a collective term to resolve, not a task of nobody's."""
    path = write(
        tmp_path,
        [
            "西山学院关于做好2025年清明节期间安全工作的通知",
            "各部门：",
            "（一）保卫处要加强校园治安巡逻。",
            "（二）严禁随意延长假期，教务处、各系要做好节后上课检查。",
            "（三）各部门要高度重视，按照学院的要求落实值班。",
            "（四）后勤管理处要做好节日期间餐饮服务。",
        ],
        "txt",
    )
    plan = parse_file(path)
    rows = [(r[1], r[2], r[4]) for r in responsibilities(plan)]
    assert rows == [
        ("保卫处要加强", ["保卫处"], []),
        ("严禁随意延长", ["教务处"], ["各系"]),
        ("各部门要高度", [], ["各部门"]),
        ("后勤管理处要", ["后勤管理处"], []),
    ]


def test_a_bracket_of_units_and_a_deadline_and_a_federation_as_a_unit(tmp_path):
    path = write(
        tmp_path,
        [
            "南塘小学2025年校庆工作方案",
            "一、筹备工作",
            "1、编辑出版校庆画册；（办公室，9月底完成）",
            "2、举办校友座谈会；（校友会、教导处，10月中旬）",
            "3、开展助残志愿服务。（区残联负责）",
        ],
        "txt",
    )
    plan = parse_file(path)
    rows = [(r[1], r[2], r[3]) for r in responsibilities(plan)]
    assert rows == [
        ("编辑出版校庆", ["办公室"], []),
        ("举办校友座谈", ["校友会"], ["教导处"]),
        ("开展助残志愿", ["区残联"], []),
    ]
    assert [t.deadline for t in plan.points[0].tasks][:2] == ["9月底完成", "10月中旬"]


def test_pinyin_a_mirror_site_put_after_characters_is_no_part_of_the_names(tmp_path):
    path = write(
        tmp_path,
        [
            "東山學院2025年運動會工作安排",
            "1、開幕式入場順序由學(xué)生處負(fù)責(zé)。",
            "2、場地布置由體育系負(fù)責(zé)。",
        ],
        "txt",
    )
    plan = parse_file(path)
    assert [(r[1], r[2]) for r in responsibilities(plan)] == [
        ("開幕式入場順", ["學生處"]),
        ("場地布置由體", ["體育系"]),
    ]


def test_a_table_of_projects_each_with_its_content_makes_one_task_a_project(tmp_path):
    """实事项目 | 工作举措 (steps 1.4月底前… inside): each project is a task titled by its name;
    a key point column that spans several rows still makes key points."""
    projects = tmp_path / "projects.txt"
    projects.write_text(
        "临川区2025年民生实事项目\n序号 | 实事项目 | 工作举措及实施计划 | 责任单位 | 配合单位 |\n"
        "1 | 新建公办幼儿园3所。 | 1.4月底前完成选址；2.10月底前竣工。 | 区教育局 | 区住建局 |\n"
        "2 | 改造老旧小区20个。 | 1.6月底前开工；2.12月底前完工。 | 区住建局 | 各街道 |\n",
        encoding="utf-8",
    )
    plan = parse_file(projects)
    assert [(t.text[:14], t.responsibility.lead) for t in plan.points[0].tasks] == [
        ("新建公办幼儿园3所：1.4月", ["区教育局"]),
        ("改造老旧小区20个：1.6月", ["区住建局"]),
    ]
    grouped = tmp_path / "grouped.txt"
    grouped.write_text(
        "临川区2025年重点任务分解\n序号 | 重点工作 | 具体任务 | 牵头单位 |\n"
        "1 | 优化营商环境 | 推行一网通办。 | 区政务服务中心 |\n"
        "2 | 优化营商环境 | 压缩审批时限。 | 区发改委 |\n"
        "3 | 提升城市品质 | 改造老旧小区。 | 区住建局 |\n",
        encoding="utf-8",
    )
    plan = parse_file(grouped)
    assert [p.title for p in plan.points] == ["优化营商环境", "提升城市品质"]


def test_a_progress_table_whose_copy_dropped_empty_cells_is_aligned_by_what_the_cells_hold(
    tmp_path,
):
    """The header has ten columns; each row, copied one cell a line ending ` |`, has eight or
    nine (an empty 全年目标任务 and 说明 dropped), the first row follows the header without a row
    end, and `||` ends a row. Cells go where they fit: the person under 分管领导, units under
    牵头单位 and 责任主体, progress notes never among the departments."""
    cells = [
        "序号 |", "主要任务 |", "全年目标任务 |", "分管 领导 |", "牵头 单位 |",
        "责任主体与协同单位 |", "1-10月推进情况 |", "1-11月推进情况 |", "是否达序 |", "说明 |",
        "7 |", "改造背街小巷30条。 |", "周立 |", "城管局 |", "市政局、相关街道 |",
        "已完成40%。 |", "已完成70%。 |", "是 |", "||",
        "8 |", "新建垃圾分类亭50个。 |", "周立 |", "城管局 |", "环卫处、各街道 |",
        "正在选址。 |", "已建成20个。 |", "否 |", "|",
    ]  # fmt: skip
    path = tmp_path / "progress.txt"
    path.write_text("2025年区政府民生实事项目推进情况\n" + "\n".join(cells), encoding="utf-8")
    plan = parse_file(path)
    assert [(r[1], r[2], r[3], r[4], r[5]) for r in responsibilities(plan)] == [
        ("改造背街小巷", ["城管局"], ["市政局"], ["相关街道"], ["周立"]),
        ("新建垃圾分类", ["城管局"], ["环卫处"], ["各街道"], ["周立"]),
    ]
    assert all("完成" not in d.name for d in plan.departments)


def test_too_many_duties_under_unit_headings_is_a_clear_refusal():
    lines = ["丰水学院关于2025年工作分工的通知"]
    for number in range(1, 6002):
        lines += [f"{number}、{'教务处' if number % 2 else '财务处'}", f"负责第{number}项工作。"]
    with pytest.raises(ParseError, match="任务已超过上限"):
        parse_bytes("\n".join(lines).encode(), "fengong.txt")


def test_numbered_items_without_full_stops_under_one_annotation_are_all_tasks(tmp_path):
    path = write(
        tmp_path,
        [
            "东湖大学2025年工作要点",
            "一、建设高水平研究院",
            "1.组建交叉研究院",
            "2.引进领军人才团队（责任单位：人事处）",
            "二、办好继续教育学院",
            "1.扩大培训规模",
            "2.开发在线课程（责任单位：继续教育学院）",
        ],
        "txt",
    )
    plan = parse_file(path)
    assert [(p.title, [t.text for t in p.tasks]) for p in plan.points] == [
        ("建设高水平研究院", ["组建交叉研究院", "引进领军人才团队"]),
        ("办好继续教育学院", ["扩大培训规模", "开发在线课程"]),
    ]
    # The annotation on the last numbered line is that item's; the item before names nobody.
    assert [[t.responsibility and t.responsibility.lead for t in p.tasks] for p in plan.points] == [
        [None, ["人事处"]],
        [None, ["继续教育学院"]],
    ]
    assert plan.points[0].tasks[0].warnings == ["没有标注责任单位。"]
    own_line = write(
        tmp_path,
        ["东湖大学2025年工作要点", "一、服务社会", "1.开展继续教育。", "2.推进校地合作。",
         "（责任单位：继续教育学院）"],
        "txt",
    )  # fmt: skip
    point = parse_file(own_line).points[0]
    assert point.responsibility.lead == ["继续教育学院"]  # on a line of its own: the key point's


def test_a_pdf_cut_inside_a_label_is_joined_and_equal_short_lines_are_not():
    """（牵头 / 单位：…: a cut inside the label joins the lines (单位： is no field of its own);
    lines of exactly twenty characters in an ordinary document are no PDF copy."""
    body = []
    filler = "完善人才培养方案和课程体系，健全教学质量保障体系，推进教学评价改革和专业建设"
    for number in range(1, 9):
        # Cut every 26 characters, as the PDF printed it: the second line ends inside the label.
        paragraph = (
            f"{number}.深化教育教学改革，{filler}"[:49] + "（牵头单位：教务处；配合单位：人事处）"
        )
        body += [paragraph[:26], paragraph[26:52], paragraph[52:]]
    text = "南岭学院2025年工作要点\n一、深化改革\n" + "\n".join(body)
    plan = parse_bytes(text.encode(), "pdf.txt")
    tasks = plan.points[0].tasks
    assert len(tasks) == 8
    assert all(t.responsibility.lead == ["教务处"] for t in tasks)
    assert any("PDF" in w for w in plan.warnings)
    short = ["北岭学院2025年工作要点", "一、推进校园文化建设（牵头单位：宣传部）"]
    short += [f"开展第{n}项校园文化品牌建设活动和评比工作" for n in range(1, 10)]
    plan = parse_bytes("\n".join(short).encode(), "short.txt")
    assert not any("PDF" in w for w in plan.warnings)


def test_government_fields_named_lead_and_joint_responsible_units_and_places_as_one_term(tmp_path):
    path = write(
        tmp_path,
        [
            "青州市人民政府2025年重点工作及责任分解",
            "    1. 地区生产总值增长7%以上。",
            "    牵头负责领导:林明。",
            "    牵头责任单位:市发展改革委。",
            "    协同责任单位:市统计局、市财政局等,各县、市、区政府。",
            "    2. 新增高新技术企业50家。（牵头单位：市科技局，配合单位：市财政局，各区、县级市）",
        ],
        "txt",
    )
    plan = parse_file(path)
    assert [(r[2], r[3], r[4], r[5]) for r in responsibilities(plan)] == [
        (["市发展改革委"], ["市统计局", "市财政局"], ["各县、市、区政府"], ["林明"]),
        (["市科技局"], ["市财政局"], ["各区、县级市"], []),
    ]


def test_progress_tables_without_their_header_or_with_a_merged_lead_cell():
    """Rows of a progress table whose page began below the header (numbers, tasks, one unit
    each, then notes), and rows whose 牵头单位 was merged with the row above (`| |` at the end):
    the header is read off the rows, and the merged unit is the row above's."""
    headerless = "\n".join(
        [
            "1 | 完成20所学校基础设施改造。 | 县教育局 | 已完成设计方案。 | 按时序推进 |",
            "|",
            "2 | 新建居家养老服务中心10家。 | 县民政局 | 5家施工中,联合财政、公安等部门推进。 |",
            "|",
            "3 | 为200名残疾儿童实施康复救助。 | 县残联 | 已确定救助对象。 | 按时序推进 |",
        ]
    )
    plan = parse_bytes(("2025年民生实事进展\n" + headerless).encode(), "progress.txt")
    assert [(r[1], r[2], r[3]) for r in responsibilities(plan)] == [
        ("完成20所学", ["县教育局"], []),
        ("新建居家养老", ["县民政局"], []),
        ("为200名残", ["县残联"], []),
    ]
    merged = "\n".join(
        [
            "2025年4月民生实事项目进展情况汇总表",
            "序号 | 项目内容 | 月度工作计划 | 牵头单位 | 落实情况 |",
            "1 | 免费接种流感疫苗2万人。 | 4月:制定方案。 | 县卫生健康局 | 已完成。 |",
            "2 | 免费开展结直肠癌筛查7400人。 | 4月:筛查1480人。 | 已完成。完成率47%。 | |",
            "3 | 培训应急救护人员235人。 | 4月:培训65人。 | 县红十字会 | 已完成。 |",
        ]
    )
    plan = parse_bytes(merged.encode(), "merged.txt")
    assert [(r[1], r[2]) for r in responsibilities(plan)] == [
        ("免费接种流感", ["县卫生健康局"]),
        ("免费开展结直", ["县卫生健康局"]),
        ("培训应急救护", ["县红十字会"]),
    ]
    assert all("完成" not in d.name for d in plan.departments)
    aligned = [any("已按各格的内容对齐" in w for w in t.warnings) for t in plan.points[0].tasks]
    assert aligned == [False, True, False]


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_section_rows_numbered_in_the_serial_column_of_a_table_with_two_task_columns(tmp_path, fmt):
    rows = [
        ["序号", "重点工作", "具体任务", "牵头单位", "配合单位", "责任领导", "完成时限"],
        ["一、", "深化教育教学改革", "", "", "", "", ""],
        ["1", "推进课程思政", "建设示范课程10门。", "教务处", "各二级学院", "张明", "2025年12月"],
        ["2", "推进课程思政", "开展教学竞赛。", "教务处", "工会", "张明", "2025年10月"],
        ["二、", "强化师资队伍", "", "", "", "", ""],
        ["3", "引进人才", "引进博士20名。", "人事处", "各二级学院", "李华", "2025年12月"],
    ]
    path = tmp_path / f"plan.{fmt}"
    if fmt == "xlsx":
        workbook = openpyxl.Workbook()
        workbook.active.append(["石桥学院2025年重点工作任务分解表"])
        for row in rows:
            workbook.active.append(row)
        workbook.save(path)
    else:
        document = docx.Document()
        document.add_paragraph("石桥学院2025年重点工作任务分解表")
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        document.save(path)
    plan = parse_file(path)
    assert [(p.title, [(t.text, t.section) for t in p.tasks]) for p in plan.points] == [
        (
            "深化教育教学改革",
            [("建设示范课程10门。", "推进课程思政"), ("开展教学竞赛。", "推进课程思政")],
        ),
        ("强化师资队伍", [("引进博士20名。", "引进人才")]),
    ]


def test_a_sentence_saying_only_who_does_the_task_before_it_is_that_tasks_annotation(tmp_path):
    path = write(
        tmp_path,
        [
            "南山学院2025年工作要点",
            "一、人才培养",
            "1.深化教学改革。（责任单位：教务处）",
            "2.推进双创教育。教务处、团委按职责分工负责。",
            "3.加强学风建设。（责任单位：学生处）",
        ],
        "txt",
    )
    plan = parse_file(path)
    assert [(r[1], r[2], r[3]) for r in responsibilities(plan)] == [
        ("深化教学改革", ["教务处"], []),
        ("推进双创教育", ["教务处"], ["团委"]),
        ("加强学风建设", ["学生处"], []),
    ]


def test_names_with_formula_or_markup_signs_are_pointed_out(tmp_path):
    path = write(
        tmp_path,
        [
            "石桥职业学院2025年重点建设项目安排",
            "一、建设项目",
            '1.建设实训楼。（牵头单位：=HYPERLINK("x")处；配合单位：@SUM(A1)中心；责任领导：<b>王五</b>）',
        ],
        "txt",
    )
    plan = parse_file(path)
    assert (plan.title, plan.year) == ("2025年重点建设项目安排", 2025)
    warnings = plan.points[0].tasks[0].warnings
    assert sum("不应有的符号" in w for w in warnings) >= 2


def test_brackets_of_units_alone_tortoise_brackets_and_notes_after_the_names(tmp_path):
    """（党委办公室、组织部） closing a sentence; 〔责任单位：…〕; a note on who leads inside the
    bracket (排名第一位为牵头单位，下同) or after the names (。具体任务…，下同。) names nobody."""
    path = write(
        tmp_path,
        [
            "云州市2025年学前教育行动计划",
            "（一）健全管理体制。建立市统筹、县为主的管理体制。"
            "（市教育局，市委农办，各县（市、区）人民政府，排名第一位为牵头单位，下同）",
            "（二）优化市场环境。推进高标准市场体系建设。"
            "〔责任单位：市发展改革委、市市场监管局按职责分工负责。具体任务均涉及各县，不再做分工，下同。〕",
            "（三）加强师资建设。扩充幼儿园教师队伍。〔责任单位：市人社局〕",
            "（四）完善收费政策。（试行）",
            "（五）扩大普惠资源（含民办幼儿园）。（市教育局）",
        ],
        "txt",
    )
    plan = parse_file(path)
    rows = [(r[1], r[2], r[3], r[4]) for r in responsibilities(plan)]
    assert rows[:3] == [
        ("健全管理体制", ["市教育局"], ["市委农办"], ["各县（市、区）人民政府"]),
        ("优化市场环境", ["市发展改革委"], ["市市场监管局"], []),
        ("加强师资建设", ["市人社局"], [], []),
    ]
    assert all("试行" not in d.name and "民办" not in d.name for d in plan.departments)


def test_labels_alone_on_their_line_and_fields_numbered_like_items(tmp_path):
    """责任单位： (or 责任单位 without a colon) on a line, the names on the next; and fields
    numbered （一）责任领导：/（二）责任单位：/（三）协办单位： under each 一、 item."""
    projects = write(
        tmp_path,
        [
            "全县2025年为民办实事项目进展情况",
            "1.项目名称：提升县域生态环境",
            "项目内容：",
            "连通城区河道水系。",
            "责任单位：",
            "水务局、城管局、自然资源局",
            "2.项目名称：加大文化惠民力度",
            "项目内容：",
            "新建城市书房1个。",
            "责任单位",
            "文广旅局",
        ],
        "txt",
    )
    plan = parse_file(projects)
    found = [(r[2], r[3]) for r in responsibilities(plan)]
    assert found == [(["水务局"], ["城管局", "自然资源局"]), (["文广旅局"], [])]
    numbered = write(
        tmp_path,
        [
            "青山市2025年十件实事责任落实及任务分解方案",
            "一、实施农村寄宿制学校建设工程",
            "（一）责任领导：高明",
            "（二）责任单位：市教育局",
            "（三）协办单位：市财政局，各县市区人民政府",
            "（四）完成时限：2025年内",
            "二、建设通村水泥路1500公里",
            "（一）责任领导：梁山",
            "（二）责任单位：市交通局",
        ],
        "txt",
    )
    plan = parse_file(numbered)
    points = [(p.title, p.responsibility.lead, p.responsibility.co, p.responsibility.leaders)
              for p in plan.points]  # fmt: skip
    assert points == [
        ("实施农村寄宿制学校建设工程", ["市教育局"], ["市财政局"], ["高明"]),
        ("建设通村水泥路1500公里", ["市交通局"], [], ["梁山"]),
    ]


def test_unit_headings_over_many_lines_are_read_in_one_pass():
    """A notice of 500 unit headings with lines of duties under each: every line is a duty of
    its heading's unit, and too many of them is the clear task-limit refusal, at once."""
    lines = ["丰水学院关于2025年工作分工的通知"]
    for heading in range(1, 121):
        lines.append(f"{heading}、{'教务处' if heading % 2 else '财务处'}")
        lines += [f"负责第{heading}-{duty}项日常工作。" for duty in range(1, 4)]
    plan = parse_bytes("\n".join(lines).encode(), "fengong.txt")
    tasks = [task for point in plan.points for task in point.tasks]
    assert len(tasks) == 360
    assert tasks[-1].responsibility.lead == ["财务处"]
    lines = ["丰水学院关于2025年工作分工的通知"]
    for heading in range(1, 500):
        lines.append(f"{heading}、{'教务处' if heading % 2 else '财务处'}")
        lines += [f"负责第{heading}-{duty}项日常工作。" for duty in range(1, 40)]
    with pytest.raises(ParseError, match="任务已超过上限"):
        parse_bytes("\n".join(lines).encode(), "many.txt")


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pipe"])
def test_rows_with_empty_cells_and_tasks_ending_like_units_are_read_as_they_stand(tmp_path, fmt):
    """A blank 备注 or 配合单位, a key point cell merged over two rows, and tasks that end like
    a unit's name (…工作体系, …实验室, …研究中心): nothing is moved or lost."""
    rows = [
        ["序号", "重点工作", "具体任务", "牵头单位", "配合单位", "完成时限", "备注"],
        ["1", "深化教学改革", "推进专业认证工作", "教务处", "各学院", "2026年9月", "需报备"],
        ["2", "深化教学改革", "健全课程思政工作体系", "教务处", "党委宣传部", "2026年12月", ""],
        ["3", "加强科研创新", "建设省级重点实验室", "科研处", "", "2026年6月", ""],
        ["4", "加强科研创新", "组建新能源研究中心", "科研处", "各学院", "2026年12月", ""],
    ]
    title = "南湖学院2026年重点工作任务分解表"
    path = tmp_path / f"plan.{'txt' if fmt == 'pipe' else fmt}"
    if fmt == "xlsx":
        workbook = openpyxl.Workbook()
        workbook.active.append([title])
        for row in rows:
            workbook.active.append(row)
        workbook.active.merge_cells("B3:B4")
        workbook.active.merge_cells("B5:B6")
        workbook.save(path)
    elif fmt == "docx":
        document = docx.Document()
        document.add_paragraph(title)
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if not (c == 1 and r in (2, 4)):
                    table.cell(r, c).text = value
        table.cell(1, 1).merge(table.cell(2, 1))
        table.cell(3, 1).merge(table.cell(4, 1))
        document.save(path)
    else:
        lines = [title, *("| " + " | ".join(row) + " |" for row in rows)]
        path.write_text("\n".join(lines), encoding="utf-8")
    plan = parse_file(path)
    assert [(p.title, [(t.text, t.responsibility.lead) for t in p.tasks]) for p in plan.points] == [
        ("深化教学改革", [("推进专业认证工作", ["教务处"]), ("健全课程思政工作体系", ["教务处"])]),
        ("加强科研创新", [("建设省级重点实验室", ["科研处"]), ("组建新能源研究中心", ["科研处"])]),
    ]
    assert {d.name for d in plan.departments} == {"教务处", "党委宣传部", "科研处"}


def test_a_name_joined_by_yu_is_one_unit_and_a_system_is_no_unit(tmp_path):
    path = write(
        tmp_path,
        [
            "北湖学院2025年工作要点",
            "一、条件保障",
            "1.更新教学仪器设备。（牵头单位：实验室与设备管理处；配合单位：财务处）",
            "二、质量建设",
            "2.课程评价体系要进一步完善。",
        ],
        "txt",
    )
    plan = parse_file(path)
    assert plan.points[0].tasks[0].responsibility.lead == ["实验室与设备管理处"]
    assert "课程评价体系" not in {d.name for d in plan.departments}


def test_a_label_cut_at_a_narrow_line_end_is_joined_whatever_the_width():
    text = "\n".join(
        [
            "北湖学院2025年工作要点",
            "一、发展规划",
            "1.完善学科评估机制。（牵头",
            "单位：发展规划处；配合单位：人事处）",
            "2.推进智慧校园建设。（牵头单",
            "位：信息中心）",
        ]
    )
    plan = parse_bytes(text.encode(), "narrow.txt")
    assert [t.responsibility.lead for t in plan.points[0].tasks] == [["发展规划处"], ["信息中心"]]


def test_a_lead_marked_inside_a_list_helpers_after_the_names_and_pipe_rows_with_empty_edges():
    text = "\n".join(
        [
            "星河大学2025年工作要点",
            "一、改革",
            "1.深化校院两级管理改革。（责任单位：人事处、发展规划处（牵头）、财务处）",
            "2.开展消防安全隐患排查整治。（责任部门：保卫处，各学院、各单位配合）",
        ]
    )
    plan = parse_bytes(text.encode(), "marked.txt")
    assert [(r[2], r[3], r[4]) for r in responsibilities(plan)] == [
        (["发展规划处"], ["人事处", "财务处"], []),
        (["保卫处"], [], ["各学院", "各单位"]),
    ]
    assert all("牵头" not in d.name for d in plan.departments)
    table = "\n".join(
        [
            "星河大学2025年重点任务",
            "重点工作 | 具体任务 | 牵头单位 | 配合单位 | 备注",
            "建设现代治理体系 | 内部控制工作体系 | 审计处 |  | ",
            " | 区域发展研究中心 | 社会科学处 | 发展规划处 | ",
        ]
    )
    plan = parse_bytes(table.encode(), "pipes.txt")
    assert [(p.title, [(t.text, t.responsibility.lead) for t in p.tasks]) for p in plan.points] == [
        (
            "建设现代治理体系",
            [("内部控制工作体系", ["审计处"]), ("区域发展研究中心", ["社会科学处"])],
        )
    ]


def test_a_unit_that_does_the_work_is_its_subject_in_a_notice_without_annotations(tmp_path):
    """后勤处做好…, 学生处、各二级学院做好…: in a notice without annotations a unit as the
    subject of what is done is responsible, and so are all departments told to do it; the
    institution as a whole, a verb that begins a longer name (党委组织部) and a subject of other
    words are not."""
    lines = [
        "青川学院关于做好2025年春季开学工作的通知",
        "各部门、各二级学院：",
        "1.学院加强党建工作，落实全面从严治党责任。",
        "2.党委组织部开展干部培训，提升干部能力。",
        "3.学生处、各二级学院做好家庭经济困难学生资助工作。",
        "4.各部门要高度重视，确保开学工作平稳有序。",
        "5.实验室安全检查组织到位。",
        "6.后勤处及时做好宿舍维修。",
        "7.综合管理服务中心组织协调校园卫生大检查。",
    ]
    path = write(tmp_path, lines, "txt-lines")
    tasks = parse_file(path).points[0].tasks
    read = [
        (t.responsibility.lead, t.responsibility.groups) if t.responsibility else None
        for t in tasks
    ]
    assert read == [
        None,
        (["党委组织部"], []),
        (["学生处"], ["各二级学院"]),
        ([], ["各部门"]),
        None,
        (["后勤处"], []),
        (["综合管理服务中心"], []),
    ]


def test_a_table_copied_with_every_cell_ending_in_a_pipe_and_unmarked_rows(tmp_path):
    """序号 | / 日期 | / … one cell a line, every cell ending in ` |` and no row marked: the rows
    are found by their numbers, a lone `|` is an empty cell, 活动内容 names the task and 组织部门
    the units, and the notice's text after the table is no cell of its last row."""
    header = ["序号", "日期", "地点", "活动内容", "参与人员", "组织部门"]
    rows = [
        ["1", "5月", "体育馆", "消防安全主题团日活动", "学生志愿者", "保卫处、团委、"],
        ["2", "5月、6月", "", "安全生产宣传月活动", "后勤职工", "后勤处、保卫处"],
        ["3", "6月8日", "报告厅", "实验室安全知识讲座", "实验室管理员", "资产处、各二级学院"],
    ]
    lines = ["南屏职业学院关于开展2024年安全生产月活动的通知", "各部门：", "具体安排如下："]
    lines += [f"{cell} |" if cell else "|" for row in [header, *rows] for cell in row]
    lines.append("各二级学院应组织各班级开展主题班会，并将开展情况报送保卫处。")
    path = write(tmp_path, lines, "txt-lines")
    tasks = [t for p in parse_file(path).points for t in p.tasks]
    assert [(t.text, t.responsibility.lead, t.responsibility.co, t.responsibility.groups)
            for t in tasks] == [
        ("消防安全主题团日活动", ["保卫处"], ["团委"], []),
        ("安全生产宣传月活动", ["后勤处"], ["保卫处"], []),
        ("实验室安全知识讲座", ["资产处"], [], ["各二级学院"]),
    ]  # fmt: skip


def test_a_calendar_whose_rows_have_the_merged_week_and_date_cells_only_once(tmp_path):
    """起止日期 | 主要工作 | 责任处室: the first row of a week carries the week and its dates
    (one cell more than the header), the rows after it only the work and the office; each
    cell goes under its column by what it holds, and meetings (务虚会, 教师会) are no units."""
    lines = [
        "北岭中学2024-2025学年第二学期工作行事历",
        "起止日期 | 主要工作 | 责任处室 | |",
        "开学前 | 2月14日 | 下午行政务虚会 | 办公室 |",
        "2月15日 | 全体教职工大会 | 办公室 | |",
        "第一周 | 2月17日-2月23日 | 开学典礼;升旗仪式 | 德育处、团委 |",
        "开学教学常规检查 | 教务处 | ||",
        "初二全体教师会 | 教务处 | ||",
        "消防安全隐患排查 | 保卫处 | ||",
    ]
    path = write(tmp_path, lines, "txt-lines")
    tasks = [t for p in parse_file(path).points for t in p.tasks]
    assert [(t.text, t.responsibility.lead) for t in tasks] == [
        ("下午行政务虚会", ["办公室"]),
        ("全体教职工大会", ["办公室"]),
        ("开学典礼;升旗仪式", ["德育处"]),
        ("开学教学常规检查", ["教务处"]),
        ("初二全体教师会", ["教务处"]),
        ("消防安全隐患排查", ["保卫处"]),
    ]
    assert tasks[2].responsibility.co == ["团委"]


def test_a_table_one_cell_a_line_whose_column_names_wrapped_in_their_cells(tmp_path):
    """A PDF copy of a narrow table wraps 重点工作 into 重点 / 工作 and 牵头单位 into 牵头 / 单位:
    the halves are joined into the column's name."""
    lines = ["西山学院2025年重点工作任务分解表", "序号", "重点", "工作", "牵头", "单位", "配合"]
    lines += ["单位", "完成", "时限"]
    lines += ["1", "完善内部控制制度，强化预算执行。", "财务处", "审计处", "2025年6月"]
    lines += ["2", "推进智慧校园二期建设。", "信息中心", "各学院", "2025年12月"]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    tasks = plan.points[0].tasks
    assert [(t.responsibility.lead, t.responsibility.co, t.deadline) for t in tasks] == [
        (["财务处"], ["审计处"], "2025年6月"),
        (["信息中心"], [], "2025年12月"),
    ]
    assert tasks[1].responsibility.groups == ["各学院"]
    assert plan.warnings == []


def test_a_unit_cell_that_says_who_leads_and_a_task_row_short_of_its_key_point(tmp_path):
    """工作任务 | 具体要求 | 责任部门 with rows that continue a key point written without their
    first cell, and unit cells such as 办公室牵头,各科室配合: the office leads, the sections help."""
    lines = [
        "东湖储备中心2023年政务公开工作任务分解",
        "工作任务 | 具体要求 | 责任部门 |",
        "一、做好财政信息公开。 | 1.推进本中心预算、决算公开。 | 财务科 |",
        "二、做好网站专栏信息公开。 | 2.及时更新网站概况信息。 | 办公室 |",
        "3.及时更新微信公众号信息。 | 办公室牵头,各科室配合 | |",
        "4.及时答复网民留言。 | 各科室 | |",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    read = [
        (p.title, [(t.text, t.responsibility.lead, t.responsibility.groups) for t in p.tasks])
        for p in plan.points
    ]
    assert read == [
        ("做好财政信息公开", [("推进本中心预算、决算公开。", ["财务科"], [])]),
        (
            "做好网站专栏信息公开",
            [
                ("及时更新网站概况信息。", ["办公室"], []),
                ("及时更新微信公众号信息。", ["办公室"], ["各科室"]),
                ("及时答复网民留言。", [], ["各科室"]),
            ],
        ),
    ]


def test_a_table_one_cell_a_paragraph_with_key_points_and_a_unit_cell_over_several_tasks(
    tmp_path,
):
    """工作任务 / 具体要求 / 落实科室(部门) one cell a paragraph, no 序号: a line without a number is
    the next key point; numbered tasks start rows; one unit cell after several tasks (they
    shared a cell) is theirs; units written as 'A、B按职责分工落实' are A and B."""
    lines = [
        "南山市医疗保障局2024年政务公开工作要点分工方案",
        "工作任务",
        "具体要求",
        "落实科室(部门)",
        "做好各类规划主动公开",
        "1.主动公开本部门发展规划原文和政策解读。",
        "各科室、医保中心按职责分工落实",
        "2.在门户网站统一归集发布各类规划。",
        "办公室",
        "做好监管执法信息公开",
        "3.主动公开市场准入负面清单。",
        "4.定期公布签订协议的定点机构名单。",
        "基金监管科、医药服务科按职责分工落实",
    ]
    plan = parse_file(write(tmp_path, lines, "txt"))
    read = [
        (p.title, [(t.text[:6], t.responsibility.lead, t.responsibility.co) for t in p.tasks])
        for p in plan.points
    ]
    assert read == [
        ("做好各类规划主动公开", [("主动公开本部", ["医保中心"], []), ("在门户网站统", ["办公室"], [])]),
        (
            "做好监管执法信息公开",
            [("主动公开市场", ["基金监管科"], ["医药服务科"]), ("定期公布签订", ["基金监管科"], ["医药服务科"])],
        ),
    ]  # fmt: skip
    assert plan.points[0].tasks[0].responsibility.groups == ["各科室"]


def test_unit_headings_with_their_other_names_over_duties_circled_in_one_paragraph(tmp_path):
    """（一）综合办公室（党群工作部、监察室）over （1）年度主要任务与要求： and ①…；②…；③… in one
    paragraph: each duty is a task the office leads and its other names help with; the heading's
    bracket annotates nothing above it; the （1） line over the duties is none of them."""
    lines = [
        "清河工业园区各部室2024年度主要任务",
        "（一）综合办公室（党群工作部、监察室）",
        "（1）年度主要任务与要求：",
        "①做好园区宣传推介工作；②协调落实单位三定方案；③完成领导交办的其他工作。",
        "（二）招商合作局（行政审批局）",
        "（1）年度主要任务与要求：",
        "①制作和更新园区招商手册；②为企业全程代办证照手续。",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    tasks = [t for p in plan.points for t in p.tasks]
    assert [(t.text[:6], t.responsibility.lead, t.responsibility.co) for t in tasks] == [
        ("做好园区宣传", ["综合办公室"], ["党群工作部", "监察室"]),
        ("协调落实单位", ["综合办公室"], ["党群工作部", "监察室"]),
        ("完成领导交办", ["综合办公室"], ["党群工作部", "监察室"]),
        ("制作和更新园", ["招商合作局"], ["行政审批局"]),
        ("为企业全程代", ["招商合作局"], ["行政审批局"]),
    ]


@pytest.mark.parametrize("words", ["各类规划主动公开", "各年级入学考试", "做好各项工作"])
def test_words_of_a_task_that_begin_with_each_are_no_collective_term(words):
    assert not is_group(words)
    assert is_group("各二级学院") and is_group("各乡镇人民政府") and is_group("区政府各部门")


def test_a_table_whose_columns_are_named_in_the_office_own_words(tmp_path):
    """督查科室 and 工作内容及要求 are no usual column names, but say what the columns hold."""
    rows = [
        ["序号", "工作内容及要求", "督查科室", "完成时限"],
        ["1", "开展春季校园安全大检查。", "保卫科", "3月底"],
        ["2", "组织教职工健康体检。", "工会、办公室", "5月底"],
    ]
    lines = ["北塘中学2025年春季学期重点工作", *(" | ".join(row) + " |" for row in rows)]
    tasks = [t for p in parse_file(write(tmp_path, lines, "txt-lines")).points for t in p.tasks]
    assert [(t.text, t.responsibility.lead, t.responsibility.co) for t in tasks] == [
        ("开展春季校园安全大检查。", ["保卫科"], []),
        ("组织教职工健康体检。", ["工会"], ["办公室"]),
    ]


def test_labels_glued_to_an_item_and_fields_run_into_the_next_item(tmp_path):
    """牵头责任部门： glued to the end of an item's words, a field whose names run into the next
    item's number (a copy that lost its line breaks), 牵头 … 落实 in a bracket, and a unit's name
    with 处理 in it (not 处 and a second name)."""
    lines = [
        "琼南县2024年为民办实事项目分工",
        "一、民生项目",
        "（一）适龄女生疫苗接种牵头责任部门：县卫生健康委员会",
        "（二）白沙水库政策处理牵头责任部门：白沙水库工程政策处理工作领导小组",
        "（三）做好返校学生健康监测（县教育局牵头，各中小学落实）",
        "二、机关建设",
        "1.强化理论武装。责任科室：组织科、思政科等2.夯实基层党组织建设。责任科室：组织科",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    read = [
        (t.text[:6], t.responsibility.lead, t.responsibility.co, t.responsibility.groups)
        for p in plan.points
        for t in p.tasks
    ]
    assert read == [
        ("适龄女生疫苗", ["县卫生健康委员会"], [], []),
        ("白沙水库政策", ["白沙水库工程政策处理工作领导小组"], [], []),
        ("做好返校学生", ["县教育局"], [], ["各中小学"]),
        ("强化理论武装", ["组织科"], ["思政科"], []),
        ("夯实基层党组", ["组织科"], [], []),
    ]


def test_units_as_subjects_before_a_preposition_or_joined_by_and(tmp_path):
    """信息中心根据…, 党委学生工作部(处)和各二级学院要…, and a list of units before any verb
    (…国际教育学院科学安排…, not 国际教育学院科): in a notice without annotations."""
    lines = [
        "东坡学院关于做好2024年暑期工作的通知",
        "各部门、各二级学院：",
        "1.信息中心根据开学安排做好网络保障。",
        "2.党委学生工作部(处)和各二级学院要加强留校学生管理。",
        "3.各单位要在放假前开展一次安全教育。",
        "4.教务处、研究生院、国际教育学院科学安排期末考试。",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    read = [
        (t.responsibility.lead, t.responsibility.co, t.responsibility.groups)
        for p in plan.points
        for t in p.tasks
    ]
    assert read == [
        (["信息中心"], [], []),
        (["党委学生工作部(处)"], [], ["各二级学院"]),
        ([], [], ["各单位"]),
        (["教务处"], ["研究生院", "国际教育学院"], []),
    ]


def test_county_sections_leaders_named_by_rank_and_numbers_by_level(tmp_path):
    """From the outside probe: units ending in 股, a 分管院领导 field naming a person, a 协办处室
    field, （A牵头，B、C负责）, and tasks numbered 1.1.1 whose numbers are no part of the text."""
    lines = [
        "东港区教育局2027年安全工作要点",
        "一、健全安全责任体系",
        "1.1.1 签订安全目标责任书。（安全股牵头，人事股、督导室负责）",
        "1.1.2 完善安全考核办法。（牵头单位：安全股；分管院领导：王海涛）",
        "1.2.1 推进护学岗建设。（责任处室：基教股；协办处室：区公安分局）",
    ]
    tasks = parse_file(write(tmp_path, lines, "txt-lines")).points[0].tasks
    read = [
        (t.text, t.responsibility.lead, t.responsibility.co, t.responsibility.leaders)
        for t in tasks
    ]
    assert read == [
        ("签订安全目标责任书。", ["安全股"], ["人事股", "督导室"], []),
        ("完善安全考核办法。", ["安全股"], [], ["王海涛"]),
        ("推进护学岗建设。", ["基教股"], ["区公安分局"], []),
    ]


def test_names_cut_by_a_line_and_a_document_cut_inside_a_name(tmp_path):
    """党委 / 办公室 and 纪委办 / 公室 cut by a line are one name each; 团委 on the next line
    is a name of its own; a document that stops inside its last name (发展规) keeps no
    fragment and says it may be cut short."""
    lines = [
        "西岭师范学院2027年党政工作要点",
        "一、加强党的政治建设",
        "1.完善中心组学习制度。（牵头单位：党委宣传部；配合单位：党委",
        "办公室、各二级党组织）",
        "2.落实主体责任。（牵头单位：党委办公室；配合单位：纪委办",
        "公室、党委",
        "团委）",
        "3.申报博士学位授予点。（牵头单位：研究生处；配合单位：发展规",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    tasks = plan.points[0].tasks
    assert [t.responsibility.co for t in tasks] == [
        ["党委办公室"],
        ["纪委办公室", "党委", "团委"],
        [],
    ]
    assert "发展规" not in {d.name for d in plan.departments}
    assert any("中断" in w and "发展规" in w for w in plan.warnings)


def test_a_site_footer_a_calendar_title_and_a_group_member_list(tmp_path):
    """A web page's footer (主办：, ICP备, 您是第…位访问者, 上一条/下一条) is no task; a
    行事历 is a title; 成员：各部门负责人 names people, not the departments."""
    lines = [
        "实验中学2027年春季学期工作行事历",
        "一、教学工作",
        "1.开学工作检查。（责任部门：教务处）",
        "2.召开学生运动会。（责任部门：体育组）",
        "二、组织领导",
        "成立工作领导小组，组长：赵国庆，成员：各部门负责人。",
        "上一条：没有了 下一条：关于做好期末考试工作的通知",
        "主办：实验中学 联系电话：0571-12345678",
        "浙ICP备12345678号 您是第 123456 位访问者",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    assert (plan.title, plan.year) == ("2027年春季学期工作行事历", 2027)
    texts = [t.text for p in plan.points for t in p.tasks]
    assert texts == ["开学工作检查。", "召开学生运动会。"]
    assert {d.name for d in plan.departments} == {"教务处", "体育组"}


def test_more_labels_a_field_that_says_who_leads_and_helpers_that_assist(tmp_path):
    """任务单位 and 主要协作单位 fields; 部门分工：A牵头，各地、各部门配合 read as it says;
    （A负责，B、C辅助）."""
    lines = [
        "南江省2025年重点工作分工",
        "一、稳定经济增长",
        "1.地区生产总值增长6%以上。",
        "部门分工：省发展改革委牵头，各地、各部门配合。",
        "2.开展消防安全月活动。（任务单位：学生处、安全保卫部，各学院）",
        "3.落实积极应对人口老龄化战略。",
        "牵头责任单位：省卫健委",
        "主要协作单位：省民政厅、各市政府",
        "4.组织文明校园检查。（保卫处负责，学工部、研工部辅助）",
    ]
    tasks = parse_file(write(tmp_path, lines, "txt-lines")).points[0].tasks
    read = [(t.responsibility.lead, t.responsibility.co, t.responsibility.groups) for t in tasks]
    assert read == [
        (["省发展改革委"], [], ["各地", "各部门"]),
        (["学生处"], ["安全保卫部"], ["各学院"]),
        (["省卫健委"], ["省民政厅"], ["各市政府"]),
        (["保卫处"], ["学工部", "研工部"], []),
    ]


def test_an_item_that_opens_with_its_units_and_a_comma(tmp_path):
    """In a notice without annotations: 2.保卫处，协调… / 3.总务处、后勤集团总公司，负责…"""
    lines = [
        "东岭大学关于做好2023年文明校园检查工作的通知",
        "二、工作分工",
        "1.保卫处，协调公安部门做好校园周边秩序整治。",
        "2.总务处、后勤集团总公司，负责校园环境卫生整治。",
        "3.各学院，安排学生志愿者参与服务。",
    ]
    tasks = [t for p in parse_file(write(tmp_path, lines, "txt-lines")).points for t in p.tasks]
    read = [(t.responsibility.lead, t.responsibility.co, t.responsibility.groups) for t in tasks]
    assert read == [
        (["保卫处"], [], []),
        (["总务处"], ["后勤集团总公司"], []),
        ([], [], ["各学院"]),
    ]


def test_labels_in_black_brackets_titles_before_leaders_and_a_label_before_a_name(tmp_path):
    """【牵头部门】A【配合部门】B; 【责任领导】分管副校长 何平 and 局党组书记、局长 郑国平 name one
    person each; 责任社区：幸福里社区 (a label this reader does not know) names 幸福里社区."""
    lines = [
        "华东职业学院2026年党政工作要点",
        "一、全面加强党的领导",
        "1.修订议事规则。【牵头部门】党委办公室【配合部门】校长办公室【责任领导】分管副校长 何平",
        "2.推进清廉建设。（牵头单位：纪委办公室；责任领导：局党组书记、局长 郑国平）",
        "3.改造老旧小区。（牵头单位：城市管理办公室；配合单位：责任社区：幸福里社区）",
    ]
    tasks = parse_file(write(tmp_path, lines, "txt-lines")).points[0].tasks
    read = [(t.responsibility.lead, t.responsibility.co, t.responsibility.leaders) for t in tasks]
    assert read == [
        (["党委办公室"], ["校长办公室"], ["何平"]),
        (["纪委办公室"], [], ["郑国平"]),
        (["城市管理办公室"], ["幸福里社区"], []),
    ]


def test_a_sentence_saying_who_does_the_task_before_it_in_a_document_of_clauses(tmp_path):
    """由教学办牵头，计算机系配合。 after a task in a document annotated only by such clauses
    is that task's annotation, not a task of its own."""
    lines = [
        "信息学院2026年工作要点",
        "一、人才培养",
        "1.完成专业认证自评报告。",
        "由教学办牵头，计算机系、软件工程系配合。",
        "2.新建校企合作产业学院1个。",
        "由学院办公室牵头，实践教学中心配合。",
    ]
    tasks = parse_file(write(tmp_path, lines, "txt-lines")).points[0].tasks
    read = [(t.text[:8], t.responsibility.lead, t.responsibility.co) for t in tasks]
    assert read == [
        ("完成专业认证自评", ["教学办"], ["计算机系", "软件工程系"]),
        ("新建校企合作产业", ["学院办公室"], ["实践教学中心"]),
    ]


def test_a_request_to_every_unit_above_a_task_table_is_no_task(tmp_path):
    """请各单位认真抓好落实 in the sentence above a task table is the covering text: the table's
    sections are the key points."""
    lines = [
        "西林大学2026年学校重点工作任务分解表",
        "现将2026年重点工作任务分解如下，请各单位认真抓好落实。",
        "| 序号 | 重点工作 | 牵头单位 | 配合单位 |",
        "| 一、加强党的建设 | | | |",
        "| 1 | 召开第三次党代会 | 党委办公室 | 组织部 |",
        "| 二、推进内涵发展 | | | |",
        "| 2 | 新增硕士学位授权点 | 研究生处 | 发展规划处 |",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    assert [p.title for p in plan.points] == ["加强党的建设", "推进内涵发展"]
    assert [t.responsibility.lead for p in plan.points for t in p.tasks] == [
        ["党委办公室"],
        ["研究生处"],
    ]


@pytest.mark.parametrize(
    ("title", "organization", "year"),
    [
        ("实验中学2026学年第一学期工作行事历", "实验中学", 2026),
        ("长宁区2026年重点改革任务", "长宁区", 2026),
        ("东山中学2025-2026学年第二学期工作计划", "东山中学", 2025),
    ],
)
def test_titles_of_school_years_and_of_reform_tasks(tmp_path, title, organization, year):
    lines = [title, "一、重点工作", "1.开展教学检查。（责任部门：教务处）"]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    assert (plan.organization, plan.year) == (organization, year)


def test_a_leader_written_with_a_title_a_total_row_and_units_with_a_deadline(tmp_path):
    """局长 韩冰 in the leader column is a person (the row is read as it stands even with its
    备注 empty), a 合计 row is no task, and （A、B负责，6月底前完成） gives units and a deadline."""
    rows = [
        ["序号", "重点任务", "责任领导", "牵头单位", "完成时限", "备注"],
        ["1", "全年实际利用外资2000万美元", "局长 韩冰", "县商务局", "2026年12月"],
        ["2", "举办招商推介会4场", "副主任 宋佳", "县投资促进中心", "每季度1场"],
        ["合计", "2项"],
    ]
    lines = ["青禾县2026年招商引资重点任务分解表", *("| " + " | ".join(r) + " |" for r in rows)]
    tasks = [t for p in parse_file(write(tmp_path, lines, "txt-lines")).points for t in p.tasks]
    read = [(t.responsibility.leaders, t.responsibility.lead, t.deadline) for t in tasks]
    assert read == [
        (["韩冰"], ["县商务局"], "2026年12月"),
        (["宋佳"], ["县投资促进中心"], "每季度1场"),
    ]
    notice = [
        "东湖街道2026年重点工作",
        "一、安全生产",
        "1.开展燃气安全专项整治。（应急管理办公室、市场监管所负责，2026年6月底前完成）",
    ]
    task = parse_file(write(tmp_path, notice, "txt-lines")).points[0].tasks[0]
    assert (task.responsibility.lead, task.responsibility.co) == (
        ["应急管理办公室"],
        ["市场监管所"],
    )
    assert task.deadline == "2026年6月底前完成"


def test_a_lead_clause_followed_by_the_units_that_help(tmp_path):
    """…，A牵头，B、C配合 names the helpers too; words before 配合 that are no units are left."""
    lines = [
        "青禾县卫生健康局2026年工作要点",
        "一、提升医疗服务能力",
        "1.推进县域医共体建设，县人民医院牵头，县中医院、县妇幼保健院配合。",
        "2.开展院感防控培训，医政股牵头，全面落实培训计划配合。",
    ]
    tasks = parse_file(write(tmp_path, lines, "txt-lines")).points[0].tasks
    read = [(t.responsibility.lead, t.responsibility.co) for t in tasks]
    assert read == [(["县人民医院"], ["县中医院", "县妇幼保健院"]), (["医政股"], [])]


def test_workbook_with_a_two_row_header_a_category_column_and_an_uncalculated_formula(tmp_path):
    """时间节点 over 开始 | 完成 is one header (the task is due when it is 完成), a 工作类别 column
    merged over its tasks gives the key points, a header repeated after a page break is no task,
    and a formula cell whose value the file never stored is named instead of read as blank."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [
        ["青禾职业学院2026年重点工作任务分解表"],
        ["序号", "工作类别", "重点任务", "牵头单位", "配合单位", "时间节点", None],
        [None, None, None, None, None, "开始", "完成"],
        [1, "党的建设", "开展主题教育", "党委办公室", "组织部", "3月", "6月"],
        [2, None, "加强基层党组织建设", "组织部", "各二级学院", "3月", "12月"],
        ["序号", "工作类别", "重点任务", "牵头单位", "配合单位", "开始", "完成"],
        [3, "教学改革", "推进专业群建设", "教务处", "各二级学院", "1月", "12月"],
        [4, None, "完善质量保证体系", "质量办", "教务处", "1月", "=G7"],
    ]:
        sheet.append(row)
    for cells in ["A1:G1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:G2", "B4:B5", "B7:B8"]:
        sheet.merge_cells(cells)
    path = tmp_path / "分解表.xlsx"
    workbook.save(path)
    plan = parse_file(path)
    assert [(p.title, [(t.text, t.deadline) for t in p.tasks]) for p in plan.points] == [
        ("党的建设", [("开展主题教育", "6月"), ("加强基层党组织建设", "12月")]),
        ("教学改革", [("推进专业群建设", "12月"), ("完善质量保证体系", "")]),
    ]
    assert responsibilities(plan)[0][2:4] == (["党委办公室"], ["组织部"])
    assert "牵头单位" not in {d.name for d in plan.departments}
    assert any("“Sheet”有 1 个公式单元格（G8）没有保存计算结果" in w for w in plan.warnings)


def test_roles_written_after_each_run_of_names(tmp_path):
    """主办 leads and 协办 helps, in a field or a bracket; 按职责分工分别负责 and 会 (two units
    doing it jointly) are no part of a name; 负责人 names a person; 由A统筹组织 assigns A; a
    long closing bracket names banks and 各州、市人民政府 as one collective term."""
    lines = [
        "青禾市卫生健康局2026年政务公开工作任务分工",
        "一、加强信息发布",
        "1.做好疫情防控信息发布。（责任单位：局防控办主办、各工作组协办）",
        "2.做好财政信息公开。（市财政局主办，市税务局、市统计局协办）",
        "3.推进法治政府建设。（责任单位：市政府办公室、市司法局、各有关部门，乡镇人民政府按职责分工分别负责。）",
        "4.加强政策解读。（责任单位：宣传科会办公室）",
        "5.组织安全生产月活动。【牵头单位：安全科，负责人：周明远，协助单位：保卫科】",
        "6.开展爱国卫生运动，由各管理使用单位统筹组织。",
        "7.推进重大项目建设。（市发展改革委、市财政局牵头；市自然资源局、市生态环境局、市住房城乡建设局、"
        "市林业局、市水利局、市税务局，国家开发银行青禾分行、农业发展银行青禾分行，各县、市人民政府配合）",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    read = [
        (lead, co, groups, leaders) for _, _, lead, co, groups, leaders in responsibilities(plan)
    ]
    assert read == [
        (["局防控办"], [], ["各工作组"], []),
        (["市财政局"], ["市税务局", "市统计局"], [], []),
        (["市政府办公室"], ["市司法局", "乡镇人民政府"], ["各有关部门"], []),
        (["宣传科"], ["办公室"], [], []),
        (["安全科"], ["保卫科"], [], ["周明远"]),
        ([], [], ["各管理使用单位"], []),
        (
            ["市发展改革委", "市财政局"],
            ["市自然资源局", "市生态环境局", "市住房城乡建设局", "市林业局", "市水利局",
             "市税务局", "国家开发银行青禾分行", "农业发展银行青禾分行"],
            ["各县、市人民政府"],
            [],
        ),
    ]  # fmt: skip


def test_an_annotation_on_its_own_line_closes_the_item_whose_parts_precede_it(tmp_path):
    """1.宣传发动： over (1)(2)(3), then (责任部门：…) on a line of its own: the annotation is the
    whole duty's, one task, not only its last part's."""
    lines = [
        "星河大学2025年防范电信诈骗工作方案",
        "一、组织机构与职责",
        "（一）工作职责",
        "1.宣传发动:",
        "(1)发挥学校官网推送反诈知识。",
        "(2)利用校园广播播放反诈宣传内容。",
        "(责任部门:宣传部 安全管理处)",
        "2.制定方案:",
        "(1)3月底前制定专项治理方案。",
        "(2)4月15日前编制宣传折页。",
        "(责任部门:安全管理处)",
    ]
    for fmt in ("txt-lines", "docx"):
        plan = parse_file(write(tmp_path, lines, fmt))
        assert [(t.text, t.section) for t in plan.points[0].tasks] == [
            ("宣传发动：发挥学校官网推送反诈知识。利用校园广播播放反诈宣传内容。", "工作职责"),
            ("制定方案：3月底前制定专项治理方案。4月15日前编制宣传折页。", "工作职责"),
        ]
        assert [r[2:4] for r in responsibilities(plan)] == [
            (["宣传部"], ["安全管理处"]),
            (["安全管理处"], []),
        ]


def test_a_page_laid_out_with_tables_gives_its_text_and_its_task_table(tmp_path):
    """An old government site lays its page out in tables: the layout's cells are the page's
    text, and the task table inside it is read as a task table."""
    rows = "".join(
        f"<tr><td>{n}</td><td>{task}</td><td>{lead}</td><td>{co}</td></tr>"
        for n, task, lead, co in [
            ("1", "推进政务服务“一网通办”。", "县数据资源局", "县政务服务中心"),
            ("2", "开展营商环境评价。", "县发展改革局", "各乡镇人民政府、街道办事处"),
        ]
    )
    page = (
        "<html><meta charset='utf-8'><body><table width='100%'><tr><td>首页 &gt; 政务公开</td></tr>"
        "<tr><td><table><tr><td><p>青禾县2026年优化营商环境重点任务分解表</p>"
        "<table border='1'><tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th></tr>"
        f"{rows}</table></td></tr></table></td></tr></table></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    plan = parse_file(path)
    assert (plan.title, plan.year) == ("2026年优化营商环境重点任务分解表", 2026)
    assert [r[1:5] for r in responsibilities(plan)] == [
        ("推进政务服务", ["县数据资源局"], ["县政务服务中心"], []),
        ("开展营商环境", ["县发展改革局"], [], ["各乡镇人民政府、街道办事处"]),
    ]
    prose = (
        "<html><meta charset='utf-8'><body><table><tr><td><p>星河学院2026年工作要点</p>"
        "<p>一、加强党的建设</p>\n<p>1.开展主题教育。（责任单位：党委办公室、组织部）</p>"
        "</td></tr></table></body></html>"
    )
    path.write_text(prose, encoding="utf-8")
    assert responsibilities(parse_file(path))[0][2:4] == (["党委办公室"], ["组织部"])


def test_people_inside_brackets_after_a_post_or_as_a_collective_term_are_flagged(tmp_path):
    lines = [
        "星河学院2026年工作要点",
        "一、加强学科建设",
        "1.推进一流学科建设。（责任单位：学科办（李明）、科研处）",
        "2.完善人事制度。（责任单位：人事处、人事秘书王芳）",
        "3.加强班级管理。（责任单位：学生处、各班主任）",
        "4.建设校长办公室档案室。（责任单位：校长办公室（档案馆））",
    ]
    tasks = parse_file(write(tmp_path, lines, "txt-lines")).points[0].tasks
    assert [t.warnings for t in tasks] == [
        ["“学科办（李明）”的括号中“李明”像是人名，请核对。"],
        ["“人事秘书王芳”像是职务和人名（王芳），不像部门名称，请核对。"],
        ["“各班主任”指的是人员，不是部门，请核对。"],
        [],
    ]


def test_a_web_page_names_its_issuer_in_its_furniture(tmp_path):
    lines = [
        "索 引 号：11341602003/202603-00012",
        "发布机构: 青禾市卫生健康委员会",
        "发文日期: 2026年03月16日",
        "2026年政务公开工作重点任务台账",
        "一、做好信息发布",
        "1.做好疫情防控信息发布。（责任单位：应急处）",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    assert (plan.organization, plan.title) == (
        "青禾市卫生健康委员会",
        "2026年政务公开工作重点任务台账",
    )
    assert not any("单位名称" in w for w in plan.warnings)


def test_a_document_copied_into_one_line_is_cut_at_its_item_numbers(tmp_path):
    """A report pasted as one long line: its 1、 2、 3、 items are items again; 学校要求总务处 is
    总务处's task; …政府对我校 is no unit."""
    opening = "东山中学关于办学条件问题整改情况的报告 我校于2026年3月组织各部门负责人开展自查，" * 8
    line = (
        f"{opening}现将整改情况报告如下: 1、学校要求总务处组织人力加装灯管，提升照明质量; "
        "2、学校要求教务处调整课表，保证体育课时; 3、学校要求总务处做好旧厕改造，确保达标。"
        "今后我们将积极争取，确保顺利通过政府对我校推进均衡发展工作的验收。"
    )
    plan = parse_file(write(tmp_path, [line], "txt-lines"))
    assert [(r[1], r[2]) for r in responsibilities(plan)][:3] == [
        ("学校要求总务", ["总务处"]),
        ("学校要求教务", ["教务处"]),
        ("学校要求总务", ["总务处"]),
    ]
    assert all("我校" not in d.name for d in plan.departments)
    assert "文档像是整篇复制在一行中，已按编号重新分段，请核对。" in plan.warnings


def test_a_disclosure_table_without_a_serial_or_task_column_name(tmp_path):
    """信息类别 | 内容描述 | 责任主体: the category titles each row, 内容描述 is the task."""
    rows = [
        ["信息类别", "内容描述", "责任主体", "公开时限"],
        ["领导信息", "局领导班子成员姓名及分工", "办公室", "变更之日起20个工作日内"],
        ["人事信息", "任免的直属单位负责人员", "人事股", "变更之日起20个工作日内"],
        ["工作动态", "本局重大政务活动", "各股室按照职责分工负责", "信息形成之日起20个工作日内"],
    ]
    lines = ["青禾县教育局政务公开目录", *(" | ".join(r) + " |" for r in rows)]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    assert [r[1:5] for r in responsibilities(plan)] == [
        ("领导信息：局", ["办公室"], [], []),
        ("人事信息：任", ["人事股"], [], []),
        ("工作动态：本", [], [], ["各股室"]),
    ]


def test_a_consultation_plan_of_labelled_attributes_and_units_with_brackets(tmp_path):
    """A key point whose parts are only labelled attributes (协商形式, 时间安排, 组织实施) is one
    task, and the units its 组织实施 names are the key point's; 协商部门 are co-operating units;
    由X(Y)委员会负责 names a committee whose name holds a bracket."""
    lines = [
        "青禾区政协2026年度协商工作计划",
        "一、围绕“一府两院”工作报告开展全体协商",
        "(一)协商形式:区政协全体会议。",
        "(二)时间安排:2月。",
        "(三)参加人员:区政府领导,区级有关部门负责人。",
        "(四)组织实施:由区政协主席会议组织实施。责任部门:区政协办公室,参与部门:区法院、区检察院。",
        "二、围绕降低企业成本开展专题协商",
        "时间安排:7月",
        "承办部门:区政协提案委",
        "协商部门:区工信局、区人社局",
        "三、听取和审议区人民政府关于科技创新工作情况的报告",
        "报告拟安排在8月份举行的常委会会议上听取和审议。由教育科学文化卫生(民族宗教侨务外事)委员会负责做好相关工作。",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    first = plan.points[0]
    assert len(first.tasks) == 1 and first.tasks[0].deadline == "2月"
    assert (first.responsibility.lead, first.responsibility.co) == (
        ["区政协办公室"],
        ["区法院", "区检察院"],
    )
    second = plan.points[1].responsibility or plan.points[1].tasks[0].responsibility
    assert (second.lead, second.co) == (["区政协提案委"], ["区工信局", "区人社局"])
    third = responsibilities(plan)[-1]
    assert third[2] == ["教育科学文化卫生(民族宗教侨务外事)委员会"]


def test_a_notice_sending_a_table_copied_with_spaces_and_no_full_stops(tmp_path):
    """A covering notice's 一、二、三、, its signature, then the table it sends, copied one row a
    line with spaces between cells, tasks without full stops and a header spaced out
    (工 作 任 务): the table is the plan."""
    lines = [
        "青禾市人民政府办公室关于印发2026年重点指标任务分工的通知",
        "各县（市、区）人民政府，市政府各部门：",
        "一、各有关部门要高度重视，按照分工抓紧制定工作方案。",
        "二、各有关部门要按时报送进展情况。",
        "三、市政府将加强跟踪督办，定期通报。",
        "青禾市人民政府办公室",
        "2026年3月6日",
        "(本文有删减)",
        "2026年重点指标任务分工",
        "序号 工 作 任 务 牵头负责部门",
        "1 居民消费价格涨幅3%左右 市发展改革委",
        "2 城镇新增就业3万人以上 市人力资源社会保障局",
        "3 新建5G基站1000个 市工业和信息化局 市通信发展办",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    assert plan.title == "2026年重点指标任务分工"
    assert [r[1:4] for r in responsibilities(plan)] == [
        ("居民消费价格", ["市发展改革委"], []),
        ("城镇新增就业", ["市人力资源社会保障局"], []),
        ("新建5G基站", ["市工业和信息化局"], ["市通信发展办"]),
    ]


def test_a_wide_table_one_cell_per_line_with_measures_merged_cells_and_several_units(tmp_path):
    """考核项目 | 序号 | 考核指标 | 考核内容 | 单位 | 年度目标 | 责任部门 copied one cell per line:
    单位 is what the target counts in, not a responsible unit; two unit lines are one cell; a
    row whose 考核指标 was merged with the row above has a line less; a target of 42 is no row
    number; a task ending like a unit's name (建成县残疾人综合服务中心。) is a task."""
    cells = [
        "青禾县2026年乡村振兴任务清单",
        "考核项目", "序号", "考核指标", "考核内容", "单位", "年度目标", "责任部门",
        "农业高质高效",
        "1", "确保重要农产品供给", "农林牧渔业增加值增幅", "%", "≥2%", "县海洋与渔业局", "县农业农村局",
        "2", "农业劳动生产率及增幅", "万元/人", "全市统筹", "县海洋与渔业局", "县农业农村局",
        "3", "水产品产量", "万吨", "42", "县农业农村局",
        "4", "建成县残疾人综合服务中心。", "个", "1", "县残联",
    ]  # fmt: skip
    plan = parse_file(write(tmp_path, cells, "txt-lines"))
    assert [(t.text, t.responsibility.lead, t.responsibility.co) for t in plan.points[0].tasks] == [
        ("农林牧渔业增加值增幅", ["县海洋与渔业局"], ["县农业农村局"]),
        ("农业劳动生产率及增幅", ["县海洋与渔业局"], ["县农业农村局"]),
        ("水产品产量", ["县农业农村局"], []),
        ("建成县残疾人综合服务中心。", ["县残联"], []),
    ]
    assert "%" not in {d.name for d in plan.departments}


def test_units_opening_an_item_people_in_charge_and_a_deadline_after_a_semicolon(tmp_path):
    """1.【教务处】推进… names the units before the words; 责任人 / 第一责任人 name people;
    （教务处；2026年6月） gives the units and the deadline."""
    lines = [
        "星河学院2026年工作要点",
        "一、深化教学改革",
        "1.【教务处】推进一流专业建设。",
        "2.（学生处、团委）完善学生资助体系。",
        "3.推进课程思政建设（教务处；2026年6月）。",
        "4.加强实验室安全管理。责任单位：资产管理处 责任人：李明 完成时限：6月",
        "5.开展教学质量评估。第一责任人：王强；责任部门：质量办",
        "6.（2026年）完成校史馆布展。（责任单位：档案馆）",
    ]
    for fmt in ("txt-lines", "docx"):
        plan = parse_file(write(tmp_path, lines, fmt))
        tasks = plan.points[0].tasks
        read = [
            (
                t.text,
                t.responsibility.lead,
                t.responsibility.co,
                t.responsibility.leaders,
                t.deadline,
            )
            for t in tasks
        ]
        assert read == [
            ("推进一流专业建设。", ["教务处"], [], [], ""),
            ("完善学生资助体系。", ["学生处"], ["团委"], [], ""),
            ("推进课程思政建设", ["教务处"], [], [], "2026年6月"),
            ("加强实验室安全管理。", ["资产管理处"], [], ["李明"], "6月"),
            ("开展教学质量评估。", ["质量办"], [], ["王强"], ""),
            ("（2026年）完成校史馆布展。", ["档案馆"], [], [], ""),
        ]  # fmt: skip


def test_a_word_table_with_a_merged_two_row_header(tmp_path):
    """责任单位 merged over 牵头 | 配合, the other names merged down two rows, 工作类别 merged
    over its tasks: the columns keep their places and the deadline column is read."""
    rows = [
        ["序号", "工作类别", "重点任务", "责任单位", "", "完成时限"],
        ["", "", "", "牵头", "配合", ""],
        ["1", "党的建设", "开展主题教育", "党委办公室", "组织部", "6月"],
        ["2", "", "加强基层党组织建设", "组织部", "各二级学院", "12月"],
        ["3", "教学改革", "推进专业群建设", "教务处", "各二级学院", "12月"],
    ]
    document, table = word_table("青禾职业学院2026年重点工作任务分解表", rows)
    table.cell(0, 3).merge(table.cell(0, 4))
    for column in (0, 1, 2, 5):
        table.cell(0, column).merge(table.cell(1, column))
    table.cell(2, 1).merge(table.cell(3, 1))
    path = tmp_path / "分解表.docx"
    document.save(path)
    plan = parse_file(path)
    assert [(p.title, [(t.text, t.deadline) for t in p.tasks]) for p in plan.points] == [
        ("党的建设", [("开展主题教育", "6月"), ("加强基层党组织建设", "12月")]),
        ("教学改革", [("推进专业群建设", "12月")]),
    ]
    assert [r[2:4] for r in responsibilities(plan)][:2] == [
        (["党委办公室"], ["组织部"]),
        (["组织部"], []),
    ]


def test_a_notice_of_one_sentence_items_whose_subjects_are_units(tmp_path):
    """一、…七、 of one sentence each, in a notice that annotates nothing: each item whose subject
    is a unit (后勤处对…, 学生管理部门要…, 各单位、各部门自行…) is that unit's task; the two
    offices signing above the date are no task."""
    lines = [
        "各部门、各单位：",
        "为做好秋季爱国卫生运动，现将有关事项通知如下：",
        "一、各单位、各部门自行开展卫生教育活动，引导师生养成良好卫生习惯。",
        "二、学生管理部门要加强学生文明习惯养成教育，开展一次宿舍卫生大清理。",
        "三、后勤处对校园内道路、绿地等公共区域进行彻底清理。",
        "四、后勤处加强基建施工现场的管理，杜绝建筑垃圾随意堆放。",
        "党政办公室 后勤处",
        "2026年9月21日",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    assert [(r[2], r[4]) for r in responsibilities(plan)] == [
        ([], ["各单位", "各部门"]),
        ([], ["学生管理部门"]),
        (["后勤处"], []),
        (["后勤处"], []),
    ]
    assert not any("党政办公室" in t.text for p in plan.points for t in p.tasks)


def test_duties_written_as_unit_colon_lines_without_numbers(tmp_path):
    lines = [
        "关于开展2026年爱国卫生月活动的通知",
        "一、活动主题",
        "文明健康 绿色环保",
        "二、任务分工",
        "（一）宣传教育",
        "宣传部：负责利用校内宣传栏、电子屏宣传爱国卫生运动的意义。",
        "校医院：负责普及传染病预防知识。",
        "（二）环境整治",
        "后勤管理处：负责校园公共区域的清理。",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    assert [(r[1], r[2]) for r in responsibilities(plan)] == [
        ("宣传教育：宣", ["宣传部"]),
        ("校医院：负责", ["校医院"]),
        ("环境整治：后", ["后勤管理处"]),
    ]


def test_a_scheme_copied_into_one_line_with_bracketed_items_and_role_clauses(tmp_path):
    """(一)…(二)… run into one long line are items again; 等有关部门参加 and 配合做好… are the
    helpers' roles, not parts of their names."""
    opening = "为做好创建全国文明城市工作，根据区委的总体部署，我局结合本行业实际，制定本方案。" * 8
    line = (
        f"{opening}实施专项整治工作(一)建筑施工场地专项整治:要求施工企业文明施工。"
        "牵头领导:阮斌 责任部门:建工科、安全站(二)小街巷专项整治:对路面坑洼开展整治。"
        "责任部门:城建科牵头，市政管理处、区城管局等有关部门参加(三)道路绿化养护:做好树木修剪。"
        "责任部门:城建科，园林所配合做好专项整治工作"
    )
    plan = parse_file(write(tmp_path, [line], "txt-lines"))
    assert [r[2:4] for r in responsibilities(plan)] == [
        (["建工科"], ["安全站"]),
        (["城建科"], ["市政管理处", "区城管局"]),
        (["城建科"], ["园林所"]),
    ]


def test_a_sentence_of_who_does_it_right_under_a_key_point_is_the_key_points(tmp_path):
    lines = [
        "青禾省2026年食品放心工程工作实施方案",
        "一、治理畜牧业产品污染",
        "由省商务厅承办，省农业农村厅、省卫生健康委协办。治理工作目标：定点屠宰率达85%以上。",
        "（一）加快无公害畜禽基地建设，省农业农村厅负责。",
        "二、治理蔬菜污染",
        "由省农业农村厅承办，省市场监管局协办。推广绿色防控技术。",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    first, second = plan.points
    assert (first.responsibility.lead, first.responsibility.co) == (
        ["省商务厅"],
        ["省农业农村厅", "省卫生健康委"],
    )
    assert not any(t.text.startswith("由") for t in first.tasks)
    assert (second.responsibility.lead, second.responsibility.co) == (
        ["省农业农村厅"],
        ["省市场监管局"],
    )


def test_a_leadership_groups_members_and_people_in_charge_assign_no_work(tmp_path):
    """一、…领导小组 with 组长 and 荆州校区负责人：… lines names people, not units: it neither
    makes the document an annotated one nor stays as a key point; the units' duties below are
    read from their headings."""
    lines = [
        "星河大学2026年学位授予仪式工作安排",
        "一、学位授予典礼领导小组",
        "组 长:王文凯",
        "组 员:张晨露 袁婵璐",
        "东校区负责人:张晨露",
        "二、相关部门工作职责",
        "1.研究生院职责",
        "①学位服的发放",
        "②学位证书的发放",
        "2.研究生工作部职责",
        "①统计参与仪式的学生名单",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    assert [p.title for p in plan.points] == ["相关部门工作职责"]
    assert [(r[1], r[2]) for r in responsibilities(plan)] == [
        ("学位服的发放", ["研究生院"]),
        ("学位证书的发", ["研究生院"]),
        ("统计参与仪式", ["研究生工作部"]),
    ]


def test_a_list_of_units_opening_a_sentence_that_lists_other_things_after(tmp_path):
    lines = [
        "关于开展秋季爱国卫生运动的通知",
        "一、各单位、各部门对所管理的教室、实验室、办公室等区域进行彻底大扫除，保持整洁环境。"
        "要按程序处置淘汰的办公物品。",
        "二、后勤处对校园内道路、绿地等公共区域进行彻底清理。",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    first = plan.points[0].responsibility or plan.points[0].tasks[0].responsibility
    assert first.groups == ["各单位", "各部门"]


def test_a_web_table_copied_with_spaces_section_rows_and_deadlines(tmp_path):
    lines = [
        "东川学院2026年重点工作任务分解表",
        "序号 重点工作 牵头单位 配合单位 完成时限",
        "一、学科建设",
        "1 启动学科评估自评工作 学科建设处 研究生院、各学院 2026年6月",
        "2 建设省级重点实验室1个 科学技术处 资产管理处 2026年12月",
        "二、师资队伍",
        "3 引进高层次人才15名 人事处 各学院 12月底前",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    assert [p.title for p in plan.points] == ["学科建设", "师资队伍"]
    read = [
        (t.text, t.responsibility.lead, t.responsibility.co, t.deadline)
        for p in plan.points
        for t in p.tasks
    ]
    assert read == [
        ("启动学科评估自评工作", ["学科建设处"], ["研究生院"], "2026年6月"),
        ("建设省级重点实验室1个", ["科学技术处"], ["资产管理处"], "2026年12月"),
        ("引进高层次人才15名", ["人事处"], [], "12月底前"),
    ]  # fmt: skip


def test_a_web_page_cut_off_inside_its_task_table(tmp_path):
    page = (
        "<html><meta charset='utf-8'><body><p>东川学院2026年工作要点任务分解表</p><table>"
        "<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td></tr>"
        "<tr><td>1</td><td>修订发展规划</td><td>发展规划处</td><td>各学院</td></tr>"
        "<tr><td>2</td><td>推进智慧校园建设</td><td>信息中心"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    plan = parse_file(path)
    assert [t.responsibility.lead for t in plan.points[0].tasks] == [["发展规划处"], ["信息中心"]]
    assert any("截断" in w for w in plan.warnings)


def test_bare_host_and_leader_labels_inside_a_bracket_and_a_name_after_by(tmp_path):
    """（主办：A；协办：B）, （区领导：钟山；牵头单位：A） and 由党委组织部牵头 (组织 is part of
    the name, not the verb)."""
    lines = [
        "柳岸区2026年重点任务分工",
        "一、招商引资",
        "1.举办招商推介会。（主办：区工业和信息化局；协办：区科技局）",
        "2.引进重大项目。（区领导：钟山；牵头单位：区投资促进局）",
        "3.开展干部培训，由党委组织部牵头，各单位配合。",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    assert [(r[1], r[2], r[3], r[5]) for r in responsibilities(plan)] == [
        ("举办招商推介", ["区工业和信息化局"], ["区科技局"], []),
        ("引进重大项目", ["区投资促进局"], [], ["钟山"]),
        ("开展干部培训", ["党委组织部"], [], []),
    ]
    assert not any(d.name.endswith("）") for d in plan.departments)


def test_a_consultation_plan_whose_organisers_are_named_by_组织实施(tmp_path):
    lines = [
        "政协青禾市委员会2026年度协商工作计划",
        "一、全体会议协商：围绕“十五五”规划建言献策",
        "（一）协商形式：全体会议大会发言。",
        "（二）时间安排：2026年1月。",
        "（三）参加范围：政协委员，邀请市财政局。负责同志参加。",
        "（四）组织实施：政协办公室、提案委员会。",
        "二、专题协商会：优化营商环境",
        "（一）协商形式：专题协商会。",
        "（二）协商部门：市营商环境建设局。",
        "（三）组织实施：经济委员会、社会和法制委员会。",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    read = [(p.responsibility.lead, p.responsibility.co, len(p.tasks)) for p in plan.points]
    assert read == [
        (["政协办公室"], ["提案委员会"], 1),
        (["经济委员会"], ["社会和法制委员会", "市营商环境建设局"], 1),
    ]
    assert plan.points[0].tasks[0].deadline == "2026年1月"


def test_a_web_page_copied_into_one_line_with_its_breadcrumb_and_covering_notice(tmp_path):
    line = (
        "当前位置：首页 > 通知公告 > 正文 关于印发《星河学院2026年工作要点任务分解方案》的通知 "
        "各学院、各部门：现将方案印发给你们。一、各责任单位要高度重视。二、党委办公室将定期督查。 "
        "星河学院2026年工作要点任务分解方案 一、推动党建与业务融合 "
        "1.完善院长负责制运行机制。（牵头部门：党委组织部；配合部门：人事处） "
        "2.开展教师党支部书记培育工程。（牵头部门：党委组织部；配合部门：各学院） "
        "二、提升人才培养质量 3.推进专业认证整改。（牵头部门：教务处）"
    )
    plan = parse_file(write(tmp_path, [line], "txt-lines"))
    assert [p.title for p in plan.points] == ["推动党建与业务融合", "提升人才培养质量"]
    assert [r[2] for r in responsibilities(plan)] == [["党委组织部"], ["党委组织部"], ["教务处"]]


def test_invisible_characters_in_names_are_dropped(tmp_path):
    lines = [
        "边界学院2026年工作要点",
        "一、边界测试",
        "1.测试零宽字符。（牵头单位：教\u200b务处；配合单位：科研处\u2060）",
        "2.测试控制字符。（责任单位：后勤\x07处）",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    assert {d.name for d in plan.departments} == {"教务处", "科研处", "后勤处"}


def test_a_short_form_bracket_that_also_says_when(tmp_path):
    lines = [
        "星河学院2026年工作要点",
        "一、学生资助",
        "1.完善资助体系。（学生资助管理中心牵头，财务处、各二级学院配合，9月底前完成）",
    ]
    task = parse_file(write(tmp_path, lines, "txt-lines")).points[0].tasks[0]
    resp = task.responsibility
    assert (resp.lead, resp.co, resp.groups, task.deadline) == (
        ["学生资助管理中心"],
        ["财务处"],
        ["各二级学院"],
        "9月底前完成",
    )


def test_units_named_through_their_heads_and_railway_sections(tmp_path):
    lines = [
        "青禾市2026年消防站点建设责任分解",
        "一、消防站点建设",
        "1.2026年底前，完成盘龙消防三中队建设。",
        "责任单位及责任人：盘龙区政府主要领导、市消防救援支队负责同志。",
        "2.青禾铁路车务段牵头负责辖区内铁路系统安全督查。",
    ]
    plan = parse_file(write(tmp_path, lines, "txt-lines"))
    assert [(r[2], r[3]) for r in responsibilities(plan)] == [
        (["盘龙区政府"], ["市消防救援支队"]),
        (["青禾铁路车务段"], []),
    ]


def test_a_table_without_serial_numbers_and_a_place_column(tmp_path):
    """No 序号: the first column, in the office's own words, names each row's task; units in a
    cell may be separated by spaces; a place (马可音乐厅) is no unit; a task in quotes ending like
    a unit (“杭小唛”校园讲解队) is a task."""
    rows = [
        "专项整治行业名称 | 时间安排 | 责任单位 |",
        "烟花爆竹 | 1月份 | 安监站 安监所 |",
        "电力设施 | 3月份 | 电管所 |",
    ]
    plan = parse_file(write(tmp_path, ["青禾镇2026年安全生产专项整治安排表", *rows], "txt-lines"))
    assert [(r[1], r[2], r[3]) for r in responsibilities(plan)] == [
        ("烟花爆竹", ["安监站"], ["安监所"]),
        ("电力设施", ["电管所"], []),
    ]
    events = [
        "序号 | 活动名称 | 活动地点 | 承办单位 |",
        "1 | “师生同乐”乒乓球友谊赛 | 校工会活动室 | 工会 |",
        "2 | “杭小唛”校园讲解队 | 马可音乐厅 | 党委宣传部 |",
    ]
    plan = parse_file(write(tmp_path, ["星河学院2026年校庆活动一览表", *events], "txt-lines"))
    assert [(r[1], r[2]) for r in responsibilities(plan)] == [
        ("“师生同乐”", ["工会"]),
        ("“杭小唛”校", ["党委宣传部"]),
    ]


def test_a_list_of_units_ends_before_a_quoted_phrase_and_regional_lead_labels(tmp_path):
    notice = [
        "关于开展校庆前环境整治的通知",
        "一、各学院(部)、各部门实行“门前三包”责任制，清理责任区。",
        "二、后勤处对校园道路进行彻底清理。",
    ]
    plan = parse_file(write(tmp_path, notice, "txt-lines"))
    first = plan.points[0].responsibility or plan.points[0].tasks[0].responsibility
    assert first.groups == ["各学院(部)", "各部门"]
    fields = [
        "青禾市2026年重点工作任务分解",
        "一、农业农村",
        "1.稳定粮食生产。",
        "省牵头单位：省农业农村厅",
        "责任单位：市农业农村局、市商务局",
    ]
    resp = parse_file(write(tmp_path, fields, "txt-lines")).points[0].tasks[0].responsibility
    assert (resp.lead, resp.co) == (["省农业农村厅"], ["市农业农村局", "市商务局"])


@pytest.mark.parametrize("fmt", ["txt-lines", "docx", "html"])
def test_a_holiday_notice_whose_units_are_asked_timed_or_told_they_must(tmp_path, fmt):
    notice = [
        "关于做好2026年国庆节放假期间有关工作的通知",
        "各学院、各部门：",
        "一、放假时间安排",
        "10月1日至8日放假调休，共8天。",
        "二、做好安全稳定工作",
        "放假前保卫处要组织开展一次安全大检查。后勤管理处要做好水电气设施检修。",
        "三、做好学生管理工作",
        "请学生工作处做好学生离校返校统计工作，各学院要加强对留校学生的管理。",
        "四、做好值班工作",
        "各单位、部门必须安排专人值班，党委办公室负责汇总值班表。",
        "学校办公室",
        "2026年9月20日",
    ]
    plan = parse_file(write(tmp_path, notice, fmt))
    safety, students, duty = plan.points
    assert [t.responsibility.lead for t in safety.tasks] == [["保卫处"], ["后勤管理处"]]
    resp = students.responsibility or students.tasks[0].responsibility
    assert (resp.lead, resp.groups) == (["学生工作处"], ["各学院"])
    resp = duty.responsibility or duty.tasks[0].responsibility
    assert (resp.lead, resp.groups) == (["党委办公室"], ["各单位、部门"])
    # A unit is never read with the time before it, nor a request's 请 (请各单位… is no task).
    assert all("放假前" not in d.name and "请" not in d.name for d in plan.departments)


@pytest.mark.parametrize("fmt", ["txt-lines", "docx"])
def test_sector_departments_of_a_government_are_units_not_groups(tmp_path, fmt):
    lines = [
        "青禾县2026年城乡环境综合整治工作任务分工",
        "一、整治占道经营。由城管部门牵头，市场监管部门配合。",
        "二、规范交通秩序。由公安、交通部门负责。",
        "三、整治校园周边环境。教育部门牵头，公安部门、相关部门配合。",
    ]
    plan = parse_file(write(tmp_path, lines, fmt))
    found = [
        (r.lead, r.co, r.groups)
        for r in (p.responsibility or p.tasks[0].responsibility for p in plan.points)
    ]
    assert found == [
        (["城管部门"], ["市场监管部门"], []),
        (["公安部门"], ["交通部门"], []),
        (["教育部门"], ["公安部门"], ["相关部门"]),
    ]
    # Whichever units the words describe are still groups.
    assert all(is_group(n) for n in ("使用部门", "主管部门", "相关职能部门", "学生所在单位"))


@pytest.mark.parametrize("fmt", ["txt-lines", "html"])
def test_key_points_run_into_one_short_line_each_with_a_bracket_of_units(tmp_path, fmt):
    one_line = (
        "一、召开庆祝大会（党委教师工作部）。二、走访慰问老教师（离退休工作处）。"
        "三、表彰优秀教师（人事处）。四、宣传先进事迹（党委宣传部）。"
    )
    lines = ["关于开展2026年教师节庆祝活动的通知", "各部门、各学院：", one_line, "2026年9月1日"]
    plan = parse_file(write(tmp_path, lines, fmt))
    assert [
        (p.title, (p.responsibility or p.tasks[0].responsibility).lead) for p in plan.points
    ] == [
        ("召开庆祝大会", ["党委教师工作部"]),
        ("走访慰问老教师", ["离退休工作处"]),
        ("表彰优秀教师", ["人事处"]),
        ("宣传先进事迹", ["党委宣传部"]),
    ]
    # The same items one to a line are read alike.
    lines[2:3] = [f"{item}。" for item in one_line.rstrip("。").split("。")]
    plan = parse_file(write(tmp_path, lines, fmt))
    assert len(plan.points) == 4 and plan.points[3].title == "宣传先进事迹"


def test_an_activity_table_whose_copy_ended_every_cell_with_a_lone_pipe():
    """Cells of several lines (units one per line), an empty 承办单位 cell, columns the office
    named itself (参加对象, 活动地点), and two unit columns: the first leads."""
    header = ["序号", "活动内容", "活动时间", "参加对象", "活动地点", "负责单位", "承办单位"]
    rows = [
        [
            "1",
            "读书节开幕式",
            "4月21日\n9:00",
            "院领导\n师生代表",
            "图书馆大厅",
            "图书馆\n院团委",
            "",
        ],
        ["2", "经典影片欣赏周", "4月26日", "全院师生", "报告厅", "院团委\n图书馆", "各系学习部"],
        ["3", "书画比赛", "4月15日", "学生", "图书馆", "学生工作处\n图书馆", "书画协会"],
    ]
    # Each cell's lines, then a lone pipe; an empty cell is only its pipe.
    lines = [line for cell in (*header, *(c for row in rows for c in row)) for line in (cell, "|")]
    body = "\n".join(line for line in lines if line)
    text = f"关于举办青禾学院第三届读书节的通知\n活动安排如下:\n{body}\n"
    plan = parse_bytes(text.encode(), "dushu.txt")
    found = [(t.text, t.responsibility.lead, t.responsibility.co, t.responsibility.groups)
             for t in plan.points[0].tasks]  # fmt: skip
    assert found == [
        ("读书节开幕式", ["图书馆"], ["院团委"], []),
        ("经典影片欣赏周", ["院团委"], ["图书馆"], ["各系学习部"]),
        ("书画比赛", ["学生工作处"], ["图书馆", "书画协会"], []),
    ]


@pytest.mark.parametrize("fmt", ["txt-lines", "docx"])
def test_a_table_copied_one_cell_a_line_with_activities_under_a_merged_category(tmp_path, fmt):
    """The units come last in each sub-row; the category (活动内容) is written once over its
    activities; a place (体验馆, 博物馆) reads like a unit but stands in its own column; an
    empty cell is simply missing."""
    lines = [
        "青禾职业学院2026年科技活动周活动实施表",
        "序号", "活动内容", "活动事件", "时间", "活动人员", "活动地点", "承办单位",
        "1", "启动仪式", "校领导致辞", "5月21日", "全校师生", "运动场", "科研处",
        "2", "科普活动", "安全逃生与自救", "5月25日", "中小学生", "安全体验馆", "化工学院",
        "中医药科普知识", "5月26日", "中医药博物馆", "医药学院",
        "药用菌培养技术", "5月28日", "城乡群众", "市郊农田", "制药学院、宣传部",
        "3", "科技宣传", "科技人物宣传", "5月22日", "全校师生", "操场大屏幕", "二级学院",
    ]  # fmt: skip
    plan = parse_file(write(tmp_path, lines, fmt))
    found = [(t.text, t.responsibility.lead, t.responsibility.co, t.responsibility.groups)
             for p in plan.points for t in p.tasks]  # fmt: skip
    assert [(text.split("：")[-1], lead, co, groups) for text, lead, co, groups in found] == [
        ("校领导致辞", ["科研处"], [], []),
        ("安全逃生与自救", ["化工学院"], [], []),
        ("中医药科普知识", ["医药学院"], [], []),
        ("药用菌培养技术", ["制药学院"], ["宣传部"], []),
        ("科技人物宣传", [], [], ["二级学院"]),  # every college, no one of them
    ]


def test_an_organiser_column_names_the_units():
    text = "\n".join([
        "关于开展2026年教职工健身活动的通知",
        "序号 | 健身项目 | 举办时间 | 组织者 |",
        "1 | 乒乓球联谊赛 | 10月 | 体育中心、工会 |",
        "2 | 广播操比赛 | 12月 | 工会 |",
    ])  # fmt: skip
    tasks = parse_bytes(text.encode(), "jianshen.txt").points[0].tasks
    assert [(t.responsibility.lead, t.responsibility.co) for t in tasks] == [
        (["体育中心"], ["工会"]),
        (["工会"], []),
    ]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_numbered_item_of_several_sentences_is_one_task_with_all_its_units(tmp_path, fmt):
    notice = [
        "关于开展2026年宪法宣传月活动的通知",
        "各处室、系部：",
        "一、活动时间",
        "2026年12月1日至31日。",
        "二、活动安排",
        "1、活动由保卫处牵头，制定实施方案。办公室、教务处负责教职工的宣传教育。"
        "要求其他相关处室、系部按本方案分别组织开展主题活动。",
        "2、保卫处制作宣传栏两个。",
        "3、保卫处牵头，学生处协助召集学生，举行一场宪法知识讲座。重点宣讲宪法基本原则。",
    ]
    plan = parse_file(write(tmp_path, notice, fmt))
    found = [(t.responsibility.lead, t.responsibility.co, t.responsibility.groups)
             for t in plan.points[0].tasks]  # fmt: skip
    assert found == [
        (["保卫处"], ["办公室", "教务处", "系部"], ["其他相关处室"]),
        (["保卫处"], [], []),
        (["保卫处"], ["学生处"], []),
    ]
    assert plan.points[0].tasks[2].text.endswith("重点宣讲宪法基本原则。")


def test_counted_and_qualified_collective_terms_and_a_table_cut_inside_its_unit_cell():
    lines = [
        "青禾区2026年社会事业发展任务分解表",
        "序号\t主要任务\t牵头部门\t相关责任部门",
        "1\t继续推进素质教育\t教育局\t13个街道、镇",
        "2\t深化数字政务服务\t行政审批局\t区直有关部门、单位，各街道",
        "3\t畅通政务服务热线\t区发展改革委牵头,区住建局等政府各有关",
    ]
    plan = parse_bytes("\n".join(lines).encode(), "fenjie.txt")
    found = [(t.responsibility.lead, t.responsibility.co, t.responsibility.groups)
             for t in plan.points[0].tasks]  # fmt: skip
    assert found == [
        (["教育局"], [], ["13个街道、镇"]),
        (["行政审批局"], [], ["区直有关部门、单位", "各街道"]),
        # The page stops inside the last cell: what it says before the cut still counts.
        (["区发展改革委"], ["区住建局"], []),
    ]


def test_a_label_and_value_table_copied_with_bars():
    text = "\n".join([
        "重点工作: | 12.推进违法建设分类治理。 |",
        "牵头单位: | 区城市管理综合执法局 |",
        "年度目标: | 第一季度完成20%以上。 |",
    ])  # fmt: skip
    plan = parse_bytes(text.encode(), "zhongdian.txt")
    resp = plan.points[0].responsibility or plan.points[0].tasks[0].responsibility
    assert resp.lead == ["区城市管理综合执法局"]
    assert [d.name for d in plan.departments] == ["区城市管理综合执法局"]


@pytest.mark.parametrize("fmt", ["txt-lines", "docx"])
def test_a_deadline_cell_that_names_the_unit_carrying_it_out(tmp_path, fmt):
    lines = [
        "青禾县2026年重点工作任务分解表",
        "序号\t重点工作\t牵头单位\t完成时限",
        "1\t完善考核办法\t县委办\t年底前（考核办具体落实）",
        "2\t推进项目建设\t县发改局\t6月底前",
    ]
    if fmt == "docx":
        document, _ = word_table(lines[0], [line.split("\t") for line in lines[1:]])
        path = tmp_path / "plan.docx"
        document.save(path)
    else:
        path = write(tmp_path, lines, fmt)
    tasks = parse_file(path).points[0].tasks
    assert [(t.deadline, t.responsibility.lead, t.responsibility.co) for t in tasks] == [
        ("年底前", ["县委办"], ["考核办"]),
        ("6月底前", ["县发改局"], []),
    ]


def test_a_duty_list_whose_copy_garbled_its_header_and_merged_unit_cells():
    """The header split over two lines, items numbered in their own text ((1.1), (2)), a
    category row between them, units separated by spaces, and rows whose unit cell was merged
    with the one above (only bars left)."""
    text = "\n".join([
        "青禾学院信息公开目录 | ||||",
        "序号 | 类别 | 公开事项 | 信息更新 | |",
        "责任部门 | 生成时间 | |||",
        "1 | 基本信息 (3项) |",
        "(1.1)办学规模、机构设置等办学基本情况 | 党政办公室 | 每年10月 |",
        "(1.2)学校章程及各项规章制度 | 党政办公室 法规室 | 变动即更 | ||",
        "(2)招生章程及招生计划 | 招生办公室 | 变动即更 |",
        "(3)考生录取信息查询渠道和办法 | ||||",
        "财务信息 (1项) |",
        "(4)财务、资产管理制度 | 财务处 | 变动即更 | |",
    ])  # fmt: skip
    plan = parse_bytes(text.encode(), "gongkai.txt")
    found = [(p.title, t.text[:6], t.responsibility.lead, t.responsibility.co)
             for p in plan.points for t in p.tasks]  # fmt: skip
    assert found == [
        ("基本信息 (3项)", "办学规模、机", ["党政办公室"], []),
        ("基本信息 (3项)", "学校章程及各", ["党政办公室"], ["法规室"]),
        ("基本信息 (3项)", "招生章程及招", ["招生办公室"], []),
        ("基本信息 (3项)", "考生录取信息", ["招生办公室"], []),
        ("财务信息 (1项)", "财务、资产管", ["财务处"], []),
    ]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_target_table_copied_a_cell_a_paragraph_with_parts_and_units_a_line(tmp_path, fmt):
    """领域 / 主要目标 / 主要责任单位 / 责任单位: a target's parts (——…) are its words until its
    units; a part after them with units of its own is its own row; the first unit leads; a
    unit the office shortened (省人口计生) is still a unit."""
    paragraphs = [
        "青禾省妇女发展规划目标责任分解书",
        "领域", "主要目标", "主要责任单位", "责任单位",
        "1.妇女享有良好的基本卫生服务。", "——妇女人均预期寿命延长。", "——建立妇女健康档案。",
        "省卫生厅", "省财政厅", "省人口计生", "省妇联",
        "2.提高孕产妇医疗保健水平。", "——孕产妇死亡率降低。",
        "省卫生厅", "省公安厅",
        "——孕产妇住院分娩率达到98%以上。",
        "省卫生厅", "省发改委",
    ]  # fmt: skip
    plan = parse_file(write(tmp_path, paragraphs, fmt))
    found = [(t.text, t.responsibility.lead, t.responsibility.co)
             for p in plan.points for t in p.tasks]  # fmt: skip
    assert found == [
        (
            "妇女享有良好的基本卫生服务。——妇女人均预期寿命延长。——建立妇女健康档案。",
            ["省卫生厅"],
            ["省财政厅", "省人口计生", "省妇联"],
        ),
        ("提高孕产妇医疗保健水平。——孕产妇死亡率降低。", ["省卫生厅"], ["省公安厅"]),
        ("——孕产妇住院分娩率达到98%以上。", ["省卫生厅"], ["省发改委"]),
    ]


@pytest.mark.parametrize("fmt", ["txt-lines", "docx"])
def test_a_leader_in_charge_named_in_the_sentence_before_the_lead_unit(tmp_path, fmt):
    lines = [
        "青禾市2026年争取国家项目工作分工",
        "1、设立综合改革试验区事宜",
        "由张明远副市长负责,市发改委牵头,相关部门配合,尽快完成实施方案。",
        "2、城市轨道交通项目",
        "由李秋实副市长负责,市建设局牵头,市发改委配合,进一步完善建设方案。",
    ]
    plan = parse_file(write(tmp_path, lines, fmt))
    found = [(t.text[:6], r.leaders, r.lead, r.co, r.groups)
             for p in plan.points for t in p.tasks if (r := t.responsibility)]  # fmt: skip
    assert found == [
        ("设立综合改革", ["张明远副市长"], ["市发改委"], [], ["相关部门"]),
        ("城市轨道交通", ["李秋实副市长"], ["市建设局"], ["市发改委"], []),
    ]


def test_a_flip_book_copy_with_a_blank_line_after_every_printed_line():
    """A PDF page copied with every printed line cut at the page's width and a blank line after
    each: an item's words and its bracket of units run on across the blank lines."""
    items = [
        "（一）以全国科普日活动、科技活动周为载体，结合卫生健康节日纪念日，持续推进健康科普行动。"
        "开展新时代健康科普作品征集大赛，开展大学生暑期“三下乡”健康专项活动。"
        "（省科技厅、省卫生健康委、省中医药局、团省委、共青团中央、省科协按职责分工负责）",
        "（二）部署加强学校食品安全和营养健康工作，完善校园食品安全管理体制，推动营养健康食堂建设。"
        "（省教育厅、省卫生健康委、省市场监管局按职责分工负责）",
        "（三）举办第一届全省全民健身大会，实施全民健身场地设施提升工程，推进公共体育场馆免费开放。"
        "（省体育局牵头负责。列第一位者为牵头部门，其他部门按职责分工负责，下同）",
        "（四）组织做好青少年烟草流行监测和控烟干预工作，巩固无烟党政机关、无烟医疗卫生机构、"
        "无烟学校建设成果。（省卫生健康委牵头负责）",
        "（五）严厉打击通过互联网销售烟草制品和向未成年人销售烟草制品的违法行为，保护未成年人"
        "免受烟草侵害。（省市场监管局、省烟草专卖局按职责分工负责）",
    ]
    lines = ["青禾省卫生健康委员会2026年工作要点"]
    for item in items:
        text = "\u3000\u3000" + item
        # Cut at the page's width (36 characters), each printed line followed by a blank one.
        lines += [" " * 14 + text[i : i + 36] for i in range(0, len(text), 36)]
    lines = [part for line in lines for part in (line, "")]
    plan = parse_bytes("\n".join(lines).encode(), "yaodian.txt")
    found = [(t.text[:6], t.responsibility.lead, t.responsibility.co)
             for p in plan.points for t in p.tasks]  # fmt: skip
    assert found == [
        (
            "以全国科普日",
            ["省科技厅"],
            ["省卫生健康委", "省中医药局", "团省委", "共青团中央", "省科协"],
        ),
        ("部署加强学校", ["省教育厅"], ["省卫生健康委", "省市场监管局"]),
        ("举办第一届全", ["省体育局"], []),
        ("组织做好青少", ["省卫生健康委"], []),
        ("严厉打击通过", ["省市场监管局"], ["省烟草专卖局"]),
    ]


def test_a_bureau_inside_a_ministry_is_one_unit():
    from workplan.parsing.responsibility import split_department_list

    assert split_department_list("中央军委后勤保障部卫生局、党委组织部人事处")[0] == [
        "中央军委后勤保障部卫生局",
        "党委组织部",
        "人事处",
    ]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_student_activity_notice_with_hosts_and_a_two_column_table(tmp_path, fmt):
    paragraphs = [
        "青禾学院第五届社团文化节活动安排",
        "1.社团文化节启动仪式。由校团委主办，校社联承办，各校级社团协办。",
        "2.英语辩论赛。由校社联牵头，校外语协会承办。",
        "3.校园广播节目展播。广播台负责。",
        "活动一览表",
        "具体项目", "负责单位",
        "“雷锋在心中”专题板报", "学宣部",
        "“感恩三月”义卖活动", "爱心基金会、社团部",
    ]  # fmt: skip
    plan = parse_file(write(tmp_path, paragraphs, fmt))
    found = [(t.text[:6], r.lead, r.co, r.groups)
             for p in plan.points for t in p.tasks if (r := t.responsibility)]  # fmt: skip
    assert found == [
        ("社团文化节启", ["校团委"], ["校社联"], ["各校级社团"]),
        ("英语辩论赛。", ["校社联"], ["校外语协会"], []),
        ("校园广播节目", ["广播台"], [], []),
        ("“雷锋在心中", ["学宣部"], [], []),
        ("“感恩三月”", ["爱心基金会"], ["社团部"], []),
    ]


def test_a_collective_term_of_two_kinds_of_body_stays_one():
    from workplan.parsing.responsibility import split_department_list

    assert split_department_list("省财政厅、各州(市)党委和政府") == (
        ["省财政厅"],
        ["各州(市)党委和政府"],
    )
    assert split_department_list("教务处和学生处，搭建服务平台")[0][:2] == ["教务处", "学生处"]


def test_a_name_longer_than_the_registry_keeps_is_flagged_in_the_preview():
    text = (
        "青禾学院2026年工作要点\n一、加强党建。推进党建工作。（责任部门："
        + "党委组织部" * 30
        + "）\n"
    )
    point = parse_bytes(text.encode(), "yaodian.txt").points[0]
    assert any("超过部门名称的100字上限" in w for w in point.warnings)


@pytest.mark.parametrize("fmt", ["txt-lines", "docx"])
def test_a_blank_template_attached_after_the_plan_adds_no_task(tmp_path, fmt):
    lines = [
        "青禾学院2026年工作要点",
        "一、加强党建。推进党建工作。（责任部门：党委组织部）",
        "二、深化教学改革。推进课程建设。（责任部门：教务处）",
        "附件：工作进展情况报送表（样表）",
        "序号\t重点工作\t牵头单位\t完成时限\t进展情况",
        "1\t\t\t\t",
        "2\t\t\t\t",
        "填报单位：            填报人：",
    ]
    plan = parse_file(write(tmp_path, lines, fmt))
    assert [[t.text for t in p.tasks] for p in plan.points] == [
        ["推进党建工作。"],
        ["推进课程建设。"],
    ]


def test_leaders_in_brackets_or_with_their_titles_in_brackets_are_the_names_alone():
    lines = [
        "青禾县2026年重点工作任务分解表",
        "序号\t重点工作\t牵头单位\t分管县领导\t完成时限",
        "1\t新建农村公路30公里。\t县交通运输局\t（黄明远）\t11月底前",
        "2\t完成国省道改造。\t县交通运输局\t（周建平、黄明远）\t10月底前",
        "3\t新建5G基站150个。\t县经信局\t赵磊（副县长）\t年底前",
    ]
    tasks = parse_bytes("\n".join(lines).encode(), "fenjie.txt").points[0].tasks
    assert [t.responsibility.leaders for t in tasks] == [
        ["黄明远"],
        ["周建平", "黄明远"],
        ["赵磊"],
    ]
    text = "青禾学院2026年工作要点\n一、队伍建设\n1.推进职员制改革。（牵头部门：人事处（分管领导：刘芳））\n"
    resp = parse_bytes(text.encode(), "yaodian.txt").points[0].tasks[0].responsibility
    assert (resp.lead, resp.leaders) == (["人事处"], ["刘芳"])
    fields = "青禾学院2026年工作要点\n一、医疗服务\n1.开设便民门诊。\n责任领导：（副院长）许文涛\n牵头部门：医务部\n"
    resp = parse_bytes(fields.encode(), "yaodian.txt").points[0].tasks[0].responsibility
    assert (resp.lead, resp.leaders) == (["医务部"], ["许文涛"])


def test_a_short_form_whose_helpers_hold_a_bracket_and_deadline_cells_with_other_verbs():
    text = (
        "青禾镇2026年工作要点\n一、农业农村\n"
        "1.推进村集体经济“清零消薄”。（农业农村办公室牵头，财政所、各村（社区）配合）\n"
        "2.完成高标准农田建设4000亩。（农业农村办公室负责）\n"
    )
    resp = parse_bytes(text.encode(), "yaodian.txt").points[0].tasks[0].responsibility
    assert (resp.lead, resp.co, resp.groups) == (["农业农村办公室"], ["财政所"], ["各村（社区）"])
    table = "\n".join([
        "青禾县2026年目标任务分解",
        "序号\t目标任务\t牵头单位\t完成时限",
        "1\t完成国省道改造20公里。\t县交通运输局\t10月底前（县财政局保障资金）",
        "2\t新建5G基站150个。\t县经信局\t年底前（县通信办配合）",
    ])  # fmt: skip
    tasks = parse_bytes(table.encode(), "fenjie.txt").points[0].tasks
    assert [(t.deadline, t.responsibility.co) for t in tasks] == [
        ("10月底前", ["县财政局"]),
        ("年底前", ["县通信办"]),
    ]


def test_a_copy_ending_each_cell_in_a_bar_keeps_an_empty_cell_in_its_row():
    cells = [
        "序号 |", "重点任务 |", "牵头单位 |", "配合单位 |", "完成时限 |", "|",
        "1 |", "修订学校章程。 |", "党政办公室 |", "法律事务室 |", "6月底前 |", "|",
        "2 |", "完成校园网络升级改造。 |", "信息中心 |", " |", "9月底前 |", "|",
        "3 |", "建设教师发展中心。 |", "人事处 |", " |", "12月底前 |", "|",
    ]  # fmt: skip
    text = "青禾学院2026年重点任务分解表\n" + "\n".join(cells)
    plan = parse_bytes(text.encode(), "fenjie.txt")
    assert len(plan.points) == 1
    assert [
        (t.deadline, t.responsibility.lead, t.responsibility.co) for t in plan.points[0].tasks
    ] == [
        ("6月底前", ["党政办公室"], ["法律事务室"]),
        ("9月底前", ["信息中心"], []),
        ("12月底前", ["人事处"], []),
    ]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_two_levels_of_headings_above_the_annotated_items_without_any_yi(tmp_path, fmt):
    paragraphs = [
        "青禾镇2026年工作要点",
        "（一）经济发展",
        "1.招商引资",
        "（1）全年引进项目8个。（经济发展办公室负责）",
        "2.农业农村",
        "（1）完成高标准农田建设。（农业农村办公室负责）",
        "（二）社会事业",
        "1.民生保障",
        "（1）发放民生补助资金。（社会事务办公室负责）",
        "附件：1.2026年重点工作任务分解表",
        "2.2026年工作要点起草说明",
    ]
    plan = parse_file(write(tmp_path, paragraphs, fmt))
    assert [(p.title, [(t.section, t.text) for t in p.tasks]) for p in plan.points] == [
        ("经济发展", [("招商引资", "全年引进项目8个。"), ("农业农村", "完成高标准农田建设。")]),
        ("社会事业", [("民生保障", "发放民生补助资金。")]),
    ]


@pytest.mark.parametrize("fmt", ["txt-lines", "docx"])
def test_headings_naming_the_lead_over_items_whose_fields_name_the_helpers(tmp_path, fmt):
    lines = [
        "青禾省人民政府2026年工作目标责任分解",
        "一、省长负责的工作",
        "(一)省监察厅牵头的工作",
        "加强行政监察工作，全面落实党风廉政建设责任制。",
        "(二)省审计厅牵头的工作",
        "全面加强审计工作。",
        "协同单位：省直各部门和各市人民政府。",
        "(三)省编办牵头的工作",
        "1.深化行政管理体制改革，优化政府机构设置。",
        "2.积极稳妥地推进乡镇机构改革。",
        "协同单位：省财政厅、省农业厅等省直有关部门和各市人民政府。",
    ]
    plan = parse_file(write(tmp_path, lines, fmt))
    # A heading over one paragraph opens its task's words (省审计厅牵头的工作：全面加强…).
    found = [(t.text.split("：")[-1][:6], r.lead, r.co, r.groups)
             for p in plan.points for t in p.tasks if (r := t.responsibility)]  # fmt: skip
    assert found == [
        ("加强行政监察", ["省监察厅"], [], []),
        ("全面加强审计", ["省审计厅"], [], ["省直各部门", "各市人民政府"]),
        ("深化行政管理", ["省编办"], [], []),
        ("积极稳妥地推", ["省编办"], ["省财政厅", "省农业厅"], ["省直有关部门", "各市人民政府"]),
    ]
    assert any("牵头单位按所在的小标题" in w for w in plan.warnings)


def test_a_table_copied_with_spaces_and_several_unit_cells_after_the_task():
    lines = [
        "青禾市全面推行河长制主要任务分解表",
        "序号 类别 主要任务 牵头单位 参与单位 责任单位",
        "1 水资源 实施用水总量和强度双控行动。 市水利局 市发展改革委、市农业局等 各县(市、区)人民政府",
        "2 水环境 加快城镇污水处理设施建设。 市住建局 市生态环境局 各县(市、区)人民政府",
    ]
    tasks = parse_bytes("\n".join(lines).encode(), "hezhang.txt").points[0].tasks
    assert [
        (t.responsibility.lead, t.responsibility.co, t.responsibility.groups) for t in tasks
    ] == [
        (["市水利局"], ["市发展改革委", "市农业局"], ["各县(市、区)人民政府"]),
        (["市住建局"], ["市生态环境局"], ["各县(市、区)人民政府"]),
    ]


def test_a_table_whose_copy_lost_every_separator():
    """序号工作内容…责任单位 run together, then each row's number glued to its words and its
    units glued to the next number (a document site's copy, its page marks 2、 cutting a name)."""
    text = "\n".join([
        "青禾市垃圾分类重点任务责任分工表",
        "1、青禾市垃圾分类重点任务责任分工表序号工作内容目标任务责任单位备注1将垃圾分类作为"
        "精神文明建设的重要内容，加强宣传发动。年底前，群众知晓率达90%以上。市委宣传部(市文明办)、"
        "市城管委，市总工会、团市委等部门，各区(市)县政府2完善回收利用体系，优化社区回收设施布局。"
        "2026年6月底前，基本建成回收利用体系。市商务局，市",
        "2、住建局、市城管委，各区(市)县政府3加强有害垃圾处置的规范化管理。年底前，完善处置体系。"
        "市生态环境局，各区(市)县政府",
    ])  # fmt: skip
    plan = parse_bytes(text.encode(), "fengong.txt")
    assert any("丢失了单元格分隔" in warning for warning in plan.warnings)
    found = [(t.text[:6], r.lead, r.co, r.groups)
             for p in plan.points for t in p.tasks if (r := t.responsibility)]  # fmt: skip
    assert found == [
        (
            "将垃圾分类作",
            ["市委宣传部(市文明办)"],
            ["市城管委", "市总工会", "团市委"],
            ["各区(市)县政府"],
        ),
        ("完善回收利用", ["市商务局"], ["市住建局", "市城管委"], ["各区(市)县政府"]),
        ("加强有害垃圾", ["市生态环境局"], [], ["各区(市)县政府"]),
    ]


def test_a_court_table_copied_without_separators_over_several_lines():
    text = "\n".join([
        "2026年青禾法院工作要点任务分解表",
        "序号任务名称任务内容牵头部门配合部门工作落实情况(每季度填报一次)",
        "1持续加强科学理论武装1.严格落实“第一议题”制度。",
        "2.落实政治轮训制度。",
        "政治处各部门",
        "2依法惩治各类犯罪1.严厉打击严重暴力犯罪。",
        "2.妥善办理涉众型金融犯罪。",
        "刑二庭刑一庭",
    ])  # fmt: skip
    plan = parse_bytes(text.encode(), "fenjie.txt")
    found = [
        (r.lead, r.co, r.groups) for p in plan.points for t in p.tasks if (r := t.responsibility)
    ]
    assert found == [(["政治处"], [], ["各部门"]), (["刑二庭"], ["刑一庭"], [])]
    assert "政治处各部门" not in [d.name for d in plan.departments]


def test_masked_names_and_rows_short_of_their_merged_cells_in_a_bar_table():
    """A mirror site masks names with asterisks (****分局): the marks are no part of a name. A row
    whose category cells were merged above it starts with its task; its units still go under
    the unit column."""
    text = "\n".join([
        "2026年青禾县食品安全重点工作任务清单",
        "| 工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限 |",
        "| 一、治理突出问题 | (一)强化源头治理 | 1.加强重金属污染源头防控。 | ****分局牵头,各有关部门按照职责分工负责 | 11月底前 |",
        "| 2.持续开展兽药使用减量行动。 | 县农业农村局 | 11月底前 | ||",
    ])  # fmt: skip
    plan = parse_bytes(text.encode(), "qingdan.txt")
    found = [
        (t.text[:6], r.lead, r.groups)
        for p in plan.points
        for t in p.tasks
        if (r := t.responsibility)
    ]
    assert found == [
        ("加强重金属污", ["分局"], ["各有关部门"]),
        ("持续开展兽药", ["县农业农村局"], []),
    ]
    assert all("\ue000" not in d.name and "*" not in d.name for d in plan.departments)


@pytest.mark.parametrize("fmt", ["txt-lines", "docx"])
def test_a_table_a_cell_a_line_whose_short_rows_share_merged_unit_cells(tmp_path, fmt):
    """A row of only its number and task had its unit cell merged with the row above's; a
    column name wrapped with its bracket (责任股室 / (单位)) is one; two sections run together
    (文化宣传股文化馆) are split."""
    lines = [
        "青禾县文化和旅游局2026年目标任务分解表",
        "序号", "指标", "工作任务", "完成时限", "责任领导", "责任股室", "(单位)", "备注",
        "1", "公共文化服务", "“两馆一站”免费开放服务人次增长15%。", "12月底前", "夏明远", "文化宣传股", "文化馆",
        "2", "全年开展文化下乡惠民演出不少于100场。", "文化宣传股文化馆",
        "3", "开展好“三下乡”活动。",
        "4", "文化市场管理", "开展专项整治行动4次以上。", "执法大队",
        "5", "净化网络文化环境，抽查合格率达到92%以上。",
        "6", "广电", "完成应急广播系统建设。", "广电事业股",
    ]  # fmt: skip
    plan = parse_file(write(tmp_path, lines, fmt))
    found = [(t.text.split("：")[-1][:6], r.lead, r.co)
             for p in plan.points for t in p.tasks if (r := t.responsibility)]  # fmt: skip
    assert found == [
        ("“两馆一站”", ["文化宣传股"], ["文化馆"]),
        ("全年开展文化", ["文化宣传股"], ["文化馆"]),
        ("开展好“三下", ["文化宣传股"], ["文化馆"]),
        ("开展专项整治", ["执法大队"], []),
        ("净化网络文化", ["执法大队"], []),
        ("完成应急广播", ["广电事业股"], []),
    ]
