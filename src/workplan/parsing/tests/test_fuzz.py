"""Whatever the input, the parser returns a plan or raises ParseError — nothing else."""

import io

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workplan.parsing import ParsedPlan, ParseError, parse_bytes

# Text made of the characters that drive the parser, so the grammar is really exercised.
ALPHABET = st.sampled_from(
    list(
        "一二三四五六七八九十、。，；：:()（）【】“”《》*#\n \t责任部门牵头配合单位领导各相关等处办中心学院年工作要点2021"
        "|1.①序号重点任务完成时限负责由按职责分工"
    )
)
FORMATS = st.sampled_from(["x.txt", "x.md", "x.html", "x.docx", "x.htm", "x.xlsx"])
HEADER_CELLS = ["序号", "重点工作", "具体任务", "牵头单位", "配合单位", "责任领导", "完成时限", ""]
CELLS = st.one_of(
    st.sampled_from([*HEADER_CELLS, "一、党建", "1", "1.1", "教务处\n学生处", "各学院", "|", ""]),
    st.text(alphabet=ALPHABET, max_size=20),
)


def _parses_or_refuses(data: bytes, name: str) -> None:
    try:
        result = parse_bytes(data, name)
    except ParseError as exc:
        assert str(exc)
    else:
        assert isinstance(result, ParsedPlan)
        assert result.points


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=400), FORMATS)
def test_random_plan_like_text_never_crashes(text, name):
    _parses_or_refuses(text.encode("utf-8"), name)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_unicode_text_never_crashes(text):
    _parses_or_refuses(text.encode("utf-8"), "x.txt")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), FORMATS)
def test_random_bytes_never_crash(data, name):
    _parses_or_refuses(data, name)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_random_text_in_gb18030_never_crashes(text):
    _parses_or_refuses(text.encode("gb18030"), "x.txt")


def _table_file(rows: list[list[str]], kind: str) -> tuple[bytes, str]:
    """Return rows as a workbook, or flattened as the copies of web tables flatten them."""
    if kind == "xlsx":
        workbook = openpyxl.Workbook()
        for row in rows:
            workbook.active.append([cell.replace("\x00", "") or None for cell in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue(), "x.xlsx"
    if kind == "tab":
        text = "\n".join("\t".join(row) for row in rows)
    elif kind == "pipe":
        text = "\n".join(
            f"{row[0]}\n" + "".join(f"| {c}\n" for c in row[1:]) + "|" for row in rows if row
        )
    else:
        text = "\n".join("| " + " | ".join(row) + " |" for row in rows)
    return text.encode("utf-8"), "x.md"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(CELLS, min_size=1, max_size=7), min_size=1, max_size=12),
    st.sampled_from(["xlsx", "tab", "pipe", "markdown"]),
)
def test_random_table_shapes_never_crash(rows, kind):
    _parses_or_refuses(*_table_file([HEADER_CELLS[:5], *rows], kind))
