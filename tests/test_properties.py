"""Property tests: the whole parser on mutated copies of the reference plan.

Mutations (lines deleted, duplicated or shuffled, blank lines added or removed,
full-width and half-width punctuation swapped, tabs turned to spaces) must never
raise anything but the documented PlanParseError, and every input line must still
be accounted for — in the model or in a warning.  Bounded: a fixed number of
examples and no per-example deadline, so CI time stays predictable.
"""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_parser import PlanParseError, load_plan
from reference_checks import unaccounted_lines

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "tongliang_hrss_14th.txt"
LINES = SAMPLE.read_text(encoding="utf-8").split("\n")
FULL_TO_HALF = str.maketrans("（）：，；！？％", "():,;!?%")
HALF_TO_FULL = str.maketrans("():,;!?%", "（）：，；！？％")

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

index = st.integers(min_value=0, max_value=len(LINES) - 1)
mutation = st.one_of(
    st.tuples(st.just("delete"), index),
    st.tuples(st.just("duplicate"), index),
    st.tuples(st.just("swap"), index, index),
    st.tuples(st.just("blank"), index),
    st.tuples(st.just("unblank"), index),
)


def mutate(lines: list[str], ops) -> list[str]:
    lines = list(lines)
    for op, *args in ops:
        if not lines:
            break
        i = args[0] % len(lines)
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = args[1] % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "blank":
            lines.insert(i, "")
        elif op == "unblank" and not lines[i].strip():
            del lines[i]
    return lines


def parse_and_account(text: str, tmp_path: Path) -> None:
    path = tmp_path / "mutated.txt"
    path.write_text(text, encoding="utf-8")
    try:
        plan = load_plan(path)
    except PlanParseError as exc:
        assert exc.code in ("not_a_plan", "empty"), exc
        return
    assert unaccounted_lines(plan, text) == []
    plan.to_json()  # serializable whatever the damage


@SETTINGS
@given(ops=st.lists(mutation, min_size=1, max_size=25))
def test_line_mutations(ops, tmp_path_factory):
    parse_and_account("\n".join(mutate(LINES, ops)), tmp_path_factory.mktemp("m"))


@SETTINGS
@given(ops=st.lists(mutation, max_size=10), width=st.sampled_from(["full-to-half", "half-to-full", "none"]),
       tabs=st.booleans())
def test_punctuation_and_tabs(ops, width, tabs, tmp_path_factory):
    text = "\n".join(mutate(LINES, ops))
    if width == "full-to-half":
        text = text.translate(FULL_TO_HALF)
    elif width == "half-to-full":
        text = text.translate(HALF_TO_FULL)
    if tabs:
        text = text.replace("\t", "    ")
    parse_and_account(text, tmp_path_factory.mktemp("p"))


@SETTINGS
@given(lines=st.permutations(LINES[:200]))
def test_shuffled_front_half(lines, tmp_path_factory):
    parse_and_account("\n".join(lines + LINES[200:]), tmp_path_factory.mktemp("s"))


def test_half_width_punctuation_keeps_the_indicators(tmp_path):
    """The whole plan in half-width punctuation still yields every indicator and unit."""
    path = tmp_path / "half.txt"
    path.write_text("\n".join(LINES).translate(FULL_TO_HALF), encoding="utf-8")
    plan = load_plan(path)
    assert len(plan.indicators) == 34
    assert [i.unit for i in plan.indicators[:5]] == ["万人", "万人", "万人", "万元", "万人"]
    assert plan.indicators[24].name == "高级职称人才总量" and plan.indicators[24].parent_seq == 9


@settings(max_examples=200, deadline=None, derandomize=True)
@given(reason=st.text(), name=st.binary(min_size=1, max_size=40))
def test_every_error_message_is_one_line_of_valid_utf8(reason, name):
    """Whatever a reason holds (libxml2 puts newlines in its messages) and whatever bytes a
    file name is made of, ``str(error)`` is one line that encodes as UTF-8."""
    import os

    error = PlanParseError(os.fsdecode(name), reason, "corrupt")
    message = str(error)
    assert message.encode("utf-8")
    assert not any(c in message for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
    assert "\n" not in error.reason
