"""A plan document holds what a real 工作要点 holds: a file within the size limits but with far
more paragraphs, lines, table rows, characters or tasks is refused while it is read, in a few
seconds, naming the limit; the real plans are far inside every limit."""

import time

import pytest

from workplan.parsing import ParseError, parse_bytes, parse_file
from workplan.parsing.outline import MAX_PLAN_TASKS
from workplan.parsing.readers import (
    MAX_PLAN_BLOCKS,
    MAX_PLAN_CHARS,
    MAX_PLAN_XML_BYTES,
    MAX_PLAN_XML_ELEMENTS,
)
from workplan.parsing.tests import badfiles

# The parser alone, on an idle machine; the upload sweep holds the whole request to 10 s.
QUICK_SECONDS = 5


def refusal(data: bytes, name: str) -> str:
    start = time.monotonic()
    with pytest.raises(ParseError) as caught:
        parse_bytes(data, name)
    assert time.monotonic() - start < QUICK_SECONDS
    message = str(caught.value)
    assert message.startswith(name)
    return message


def test_a_docx_of_400_000_paragraphs_is_refused_before_word_reads_it():
    message = refusal(badfiles.docx_many_paragraphs(), "many.docx")
    assert "word/document.xml" in message and "15 MB" in message


def test_a_docx_of_more_paragraphs_than_a_plan_holds_is_refused():
    message = refusal(badfiles.docx_many_paragraphs(MAX_PLAN_BLOCKS + 1), "many.docx")
    assert str(MAX_PLAN_BLOCKS) in message and "段落" in message


def test_a_docx_of_more_elements_than_a_plan_holds_is_refused():
    runs = b"<w:r><w:rPr><w:b/></w:rPr><w:t>x</w:t></w:r>" * 30
    data = badfiles.docx(
        (
            badfiles.DOCUMENT_HEAD + b"<w:body>",
            b"<w:p>" + runs + b"</w:p>",
            5_000,
            b"</w:body></w:document>",
        )
    )
    message = refusal(data, "runs.docx")
    assert str(MAX_PLAN_XML_ELEMENTS) in message and "元素" in message


def test_a_docx_table_of_too_many_rows_is_refused():
    row = "<w:tr><w:tc><w:p><w:r><w:t>第%d行</w:t></w:r></w:p></w:tc></w:tr>".encode()
    table = b"<w:tbl>" + b"".join(row % n for n in range(MAX_PLAN_BLOCKS)) + b"</w:tbl>"
    data = badfiles.docx(badfiles.DOCUMENT_HEAD + b"<w:body>" + table + b"</w:body></w:document>")
    assert str(MAX_PLAN_BLOCKS) in refusal(data, "rows.docx")


def test_a_docx_whose_text_unpacks_past_the_plan_limit_is_refused():
    text = "推进内部质量保证体系诊断与改进工作。".encode() * (MAX_PLAN_XML_BYTES // 50)
    paragraph = b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>"
    data = badfiles.docx(
        badfiles.DOCUMENT_HEAD + b"<w:body>" + paragraph + b"</w:body></w:document>"
    )
    message = refusal(data, "long.docx")
    assert "word/document.xml" in message and f"{MAX_PLAN_XML_BYTES // 1024 // 1024} MB" in message


def test_markdown_of_272_250_tasks_is_refused_before_it_is_decoded():
    message = refusal(badfiles.md_many_tasks(), "huge.md")
    assert str(MAX_PLAN_CHARS) in message and "字" in message


def test_text_of_more_lines_than_a_plan_holds_is_refused():
    message = refusal(badfiles.md_many_tasks(MAX_PLAN_BLOCKS), "lines.md")
    assert str(MAX_PLAN_BLOCKS) in message and "行" in message


def test_a_web_page_of_99_500_paragraphs_is_refused():
    message = refusal(badfiles.html_many_elements(), "many.html")
    assert str(MAX_PLAN_BLOCKS) in message


def test_text_of_too_many_characters_on_few_lines_is_refused():
    line = "一、要点\n" + "推进第一项工作，确保按期完成" * (MAX_PLAN_CHARS // 14) + "。\n"
    message = refusal(line.encode(), "long.txt")
    assert str(MAX_PLAN_CHARS) in message and "字" in message


def test_more_tasks_than_a_plan_holds_are_refused():
    tasks = "".join(f"推进第{n}项工作。" for n in range(MAX_PLAN_TASKS + 1))
    message = refusal(f"2024年工作要点\n一、要点\n{tasks}\n".encode(), "tasks.txt")
    assert str(MAX_PLAN_TASKS) in message and "任务" in message


def test_a_plan_at_the_task_limit_is_read():
    tasks = "".join(f"推进第{n}项工作。" for n in range(MAX_PLAN_TASKS))
    plan = parse_bytes(f"2024年工作要点\n一、要点\n{tasks}\n".encode(), "tasks.txt")
    assert len(plan.points[0].tasks) == MAX_PLAN_TASKS


def test_the_real_plans_are_far_inside_the_limits(corpus, example_plan):
    for path in [*corpus.glob("*.txt"), *corpus.glob("dev-set/*.txt"), example_plan]:
        text = path.read_text()
        assert text.count("\n") * 100 < MAX_PLAN_BLOCKS, path.name
        assert len(text) * 100 < MAX_PLAN_CHARS, path.name
    hubei = parse_file(corpus / "hubei-open-university-2021.txt")
    assert sum(len(point.tasks) for point in hubei.points) * 50 < MAX_PLAN_TASKS


def test_a_long_key_point_of_lines_without_full_stops_is_read_in_seconds():
    # Each line break inside a key point asks whether it ends a paragraph; answering by copying
    # the text before and after it made such a point cost the square of its length.
    lines = "".join(f"推进第{n}项工作，做好第{n}项保障，\n" for n in range(MAX_PLAN_BLOCKS - 10))
    start = time.monotonic()
    plan = parse_bytes(f"2024年工作要点\n一、要点\n{lines}".encode(), "lines.txt")
    assert time.monotonic() - start < QUICK_SECONDS
    assert len(plan.points[0].tasks) == 1  # every line ends in a comma: one long sentence


def test_a_list_of_thousands_of_names_is_refused_before_they_are_compared():
    names = "、".join(f"第{n}教务处" for n in range(1_500))
    text = f"北湖学院2025年工作要点\n一、综合\n1.推进工作。（牵头单位：{names}）\n"
    with pytest.raises(ParseError, match="部门和单位超过 1000 个"):
        parse_bytes(text.encode(), "names.txt")
