"""Whatever the input, the parser returns a plan or raises ParseError — nothing else."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workplan.parsing import ParsedPlan, ParseError, parse_bytes

# Text made of the characters that drive the parser, so the grammar is really exercised.
ALPHABET = st.sampled_from(
    list(
        "一二三四五六七八九十、。，；：:()（）【】“”《》*#\n \t责任部门牵头配合单位领导各相关等处办中心学院年工作要点2021"
    )
)
FORMATS = st.sampled_from(["x.txt", "x.md", "x.html", "x.docx", "x.htm"])


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
