"""The outline: title, organization, year, preamble, numbered points, sub-items, tables."""

import docx

from workplan.parsing import parse_bytes, parse_file


def parse_text(text: str):
    return parse_bytes(text.encode("utf-8"), "plan.txt")


def test_title_line_carrying_the_organization_is_split():
    plan = parse_text("湖南某学院2023年工作要点\n\n一、甲。做甲。（责任部门：教务处）")
    assert (plan.organization, plan.title, plan.year) == ("湖南某学院", "2023年工作要点", 2023)


def test_organization_with_two_names():
    plan = parse_text("甲大学（乙学院）\n\n2023年工作要点\n\n一、甲。做甲。（责任部门：教务处）")
    assert plan.organization == "甲大学"
    assert plan.organization_aliases == ["乙学院"]


def test_article_style_numbering_and_numbers_beyond_ten():
    points = "\n\n".join(
        f"第{n}条 任务{n}。做事{n}。（责任部门：教务处）" for n in "一二三四五六七八九十"
    )
    more = "\n\n第十一条 任务十一。做事。（责任部门：人事处）"
    plan = parse_text("某校2024年工作要点\n\n" + points + more)
    assert [p.number for p in plan.points] == list(range(1, 12))
    assert plan.points[10].title == "任务十一"


def test_twenty_points_and_out_of_order_numbers_stay_text():
    numerals = [
        "一",
        "二",
        "三",
        "四",
        "五",
        "六",
        "七",
        "八",
        "九",
        "十",
        "十一",
        "十二",
        "十三",
        "十四",
        "十五",
        "十六",
        "十七",
        "十八",
        "十九",
        "二十",
    ]
    body = "\n\n".join(
        f"{n}、要点{i}。任务{i}。（责任部门：教务处）" for i, n in enumerate(numerals, 1)
    )
    plan = parse_text("某校2024年工作要点\n\n" + body.replace("任务3。", "任务3。\n五、不是要点。"))
    assert len(plan.points) == 20
    assert plan.points[19].title == "要点20"
    assert [t.text for t in plan.points[2].tasks] == ["任务3。", "五、不是要点。"]


def test_heading_on_its_own_line_and_sub_items_kept_under_the_point():
    text = (
        "某校2024年工作要点\n\n一、加强党的建设\n\n（一）政治建设\n\n"
        "1. 开展学习教育。\n\n2. 完善制度。\n\n（二）组织建设\n\n3. 建强支部。\n\n"
        "（责任部门：组织部、宣传部）\n\n二、抓好教学。做乙。（责任部门：教务处）"
    )
    plan = parse_text(text)
    point = plan.points[0]
    assert point.title == "加强党的建设"
    assert [(t.section, t.text) for t in point.tasks] == [
        ("（一）政治建设", "开展学习教育。"),
        ("（一）政治建设", "完善制度。"),
        ("（二）组织建设", "建强支部。"),
    ]
    assert point.responsibility.lead == ["组织部"]
    assert len(plan.points) == 2


def test_each_numbered_task_with_its_own_annotation():
    text = (
        "某区2024年工作要点\n\n一、优化营商环境。\n\n"
        "1. 深化审批改革，压缩办理时间。(责任领导:张三;牵头单位:区发改局;责任单位:区财政局)\n\n"
        "2. 推进数据共享。(牵头单位:区数据局)\n"
    )
    point = parse_text(text).points[0]
    assert point.responsibility is None
    assert [t.text for t in point.tasks] == ["深化审批改革，压缩办理时间。", "推进数据共享。"]
    first, second = (t.responsibility for t in point.tasks)
    assert (first.lead, first.co, first.leaders) == (["区发改局"], ["区财政局"], ["张三"])
    assert second.lead == ["区数据局"]
    assert parse_text(text).warnings == []


def test_docx_task_table_rows_become_tasks_with_their_own_responsibility(tmp_path):
    document = docx.Document()
    document.add_paragraph("某学院2024年工作要点")
    document.add_paragraph("一、推进重点工作。")
    table = document.add_table(rows=3, cols=6)
    rows = [
        ["序号", "具体任务", "责任领导", "牵头单位", "配合单位", "完成时限"],
        ["1", "完成章程修订。", "王校长", "党政办公室", "组织人事部、各二级学院", "2024年6月底前"],
        ["2", "建成智慧校园平台。", "", "信息化建设中心", "", "年底前"],
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    path = tmp_path / "table.docx"
    document.save(path)
    plan = parse_file(path)
    tasks = plan.points[0].tasks
    assert [(t.text, t.deadline) for t in tasks] == [
        ("完成章程修订。", "2024年6月底前"),
        ("建成智慧校园平台。", "年底前"),
    ]
    assert tasks[0].responsibility.lead == ["党政办公室"]
    assert tasks[0].responsibility.co == ["组织人事部"]
    assert tasks[0].responsibility.groups == ["各二级学院"]
    assert tasks[0].responsibility.leaders == ["王校长"]
    assert [d.name for d in plan.departments] == ["党政办公室", "组织人事部", "信息化建设中心"]


def test_markdown_headings_and_emphasis_are_ignored():
    plan = parse_bytes(
        "# 某校2024年工作要点\n\n## 一、抓教学。\n\n**做甲。**（责任部门：教务处）".encode(), "p.md"
    )
    assert plan.title == "2024年工作要点"
    assert plan.points[0].title == "抓教学"
    assert [t.text for t in plan.points[0].tasks] == ["做甲。"]


def test_bold_opening_words_are_the_title_even_without_a_full_stop(tmp_path):
    document = docx.Document()
    document.add_paragraph("某学院2024年工作要点")
    paragraph = document.add_paragraph()
    paragraph.add_run("一、加强党的建设").bold = True
    paragraph.add_run("坚持理论学习。完善制度。（责任部门：组织部）")
    path = tmp_path / "bold.docx"
    document.save(path)
    point = parse_file(path).points[0]
    assert point.title == "加强党的建设"
    assert [t.text for t in point.tasks] == ["坚持理论学习。", "完善制度。"]


def test_emphasised_heading_in_markdown():
    plan = parse_bytes(
        "某校2024年工作要点\n\n**一、抓教学**做甲。做乙。（责任部门：教务处）".encode(), "p.md"
    )
    assert plan.points[0].title == "抓教学"
    assert [t.text for t in plan.points[0].tasks] == ["做甲。", "做乙。"]


def test_title_stops_before_an_annotation():
    plan = parse_bytes(
        "某校2024年工作要点\n\n一、做好安全工作（责任部门：保卫处）".encode(), "p.txt"
    )
    assert plan.points[0].title == "做好安全工作"
    assert plan.points[0].responsibility.lead == ["保卫处"]
