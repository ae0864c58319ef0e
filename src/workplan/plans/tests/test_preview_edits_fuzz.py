"""Whatever corrections the office makes, in whatever order, each is made or refused with a
message; the words of the document are never lost, and the plan stays one the import saves."""

from hypothesis import given, settings
from hypothesis import strategies as st

from workplan.parsing import ParsedPlan
from workplan.plans.preview_edits import (
    EditRefused,
    Operation,
    Place,
    accept_proposals,
    restructure,
    set_responsibility,
)
from workplan.plans.tests.previews import make_parsed_plan

NAMES = st.text(alphabet=st.sampled_from(list("、， 教务处组织部各学院宣传")), max_size=12)
PLACES = st.builds(Place, st.integers(-1, 4), st.none() | st.integers(-1, 5))
OPERATIONS = st.sampled_from(
    [Operation.MERGE_INTO_PREVIOUS, Operation.TASK_TO_KEY_POINT, Operation.KEY_POINT_TO_TASK, "x"]
)
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("names"), PLACES, NAMES, NAMES, NAMES),
        st.tuples(st.just("split"), PLACES, OPERATIONS),
    ),
    max_size=12,
)


def words(parsed: ParsedPlan) -> str:
    return "".join(p.title + "".join(t.text for t in p.tasks) for p in parsed.points)


@settings(max_examples=300, deadline=None)
@given(STEPS, st.booleans())
def test_any_corrections_keep_the_words_and_a_plan_that_round_trips(steps, accept):
    parsed = make_parsed_plan()
    before = words(parsed)
    for step in steps:
        try:
            if step[0] == "names":
                _kind, place, lead, co, groups = step
                set_responsibility(parsed, place, lead=lead, co=co, groups=groups)
            else:
                _kind, place, operation = step
                restructure(parsed, operation, place)
        except EditRefused as refused:
            assert str(refused)
        parsed = ParsedPlan.from_dict(parsed.to_dict())  # as the preview stores it
    if accept:
        accept_proposals(parsed, ["组织部"])
    assert words(parsed) == before
    assert [p.number for p in parsed.points] == list(range(1, len(parsed.points) + 1))
    assert all(p.tasks for p in parsed.points)
    used = {
        name
        for p in parsed.points
        for resp in [p.responsibility, *(t.responsibility for t in p.tasks)]
        if resp
        for name in resp.department_names()
    }
    assert {d.name for d in parsed.departments} == used
    for p in parsed.points:
        for resp in [p.responsibility, *(t.responsibility for t in p.tasks)]:
            if resp:
                assert not set(resp.lead) & set(resp.co)
