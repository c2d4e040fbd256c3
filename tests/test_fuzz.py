"""Mutation fuzzing of ``load_plan`` as part of the suite (the engine is ``benchmarks/fuzz.py``).

Every form of the reference plan (text, Markdown, a GB2312 web page, the .docx, the PDF)
is mutated; a case fails on any exception other than PlanParseError, on a hang (a case
still running after 60 s), and — for text mutated line by line — on a lost line, judged
by the nothing-lost check of ``reference_checks.py``.  CI runs a fixed few hundred cases
(seeded: a failure names the seed that reproduces it with
``python benchmarks/fuzz.py --forms FORM --seed N --cases 1``); ``PLAN_PARSER_NIGHTLY=1``
runs 2,000 more per form.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import fuzz  # noqa: E402

#: a case still running after this long is a hang (wall clock: generous, so a busy machine
#: is not mistaken for one; mutated cases take well under a second of CPU)
HANG_SECONDS = 60

#: cases per form in CI (about 40 s together on one core)
CI_CASES = {"txt": 80, "md": 50, "html": 60, "docx": 60, "pdf": 8}

#: Failing cases that are known and reported, skipped so that CI stays useful and fast.
#: Each names what fails and whose file it is in; delete an entry once it passes.
KNOWN: dict[tuple[str, int], str] = {}


def outcomes(form: str, seeds: range) -> list[str]:
    failures = []
    for n in seeds:
        if (form, n) in KNOWN:
            continue
        outcome = fuzz.run_case(fuzz.make_case(form, n), timeout=HANG_SECONDS)
        if outcome.status == "FAILED":
            failures.append(f"{form} seed {n}: {outcome.detail}")
    return failures


@pytest.mark.parametrize("form", list(CI_CASES))
def test_mutated_inputs_parse_or_are_refused_and_lose_nothing(form):
    if form not in fuzz.available_forms():
        pytest.skip(f"no {form} reader installed")
    assert outcomes(form, range(CI_CASES[form])) == []


@pytest.mark.nightly
@pytest.mark.skipif(not os.environ.get("PLAN_PARSER_NIGHTLY"), reason="set PLAN_PARSER_NIGHTLY=1")
@pytest.mark.parametrize("form", list(CI_CASES))
def test_thousands_of_mutated_inputs(form):
    if form not in fuzz.available_forms():
        pytest.skip(f"no {form} reader installed")
    assert outcomes(form, range(1000, 3000)) == []


def test_the_fuzzer_catches_what_it_looks_for(monkeypatch):
    """The three failure kinds are reported: an exception, a hang, a lost line."""
    import time

    import plan_parser.builder

    case = fuzz.make_case("txt", 1)
    real = plan_parser.builder.build_plan

    monkeypatch.setattr(plan_parser.builder, "build_plan", lambda *a, **k: 1 / 0)
    assert fuzz.run_case(case).detail.startswith("ZeroDivisionError: division by zero at test_fuzz.py")
    monkeypatch.setattr(plan_parser.builder, "build_plan", lambda *a, **k: time.sleep(5))
    assert fuzz.run_case(case, timeout=0.2).detail == "hang: no result after 0.2 s"

    def losing(*args, **kwargs):
        plan = real(*args, **kwargs)
        plan.chapters[0].sections[0].paragraphs.pop()
        return plan

    monkeypatch.setattr(plan_parser.builder, "build_plan", losing)
    outcome = fuzz.run_case(fuzz.make_case("txt", 0))
    assert outcome.status == "FAILED" and outcome.detail.startswith("lost lines: [(")


def test_the_oracle_reads_title_less_headings_and_tab_led_cells_as_the_reader_does(tmp_path):
    """第一章 alone on a line is the chapter recorded there (title ''), and a TAB-led line
    holding more TABs (``\t5\t\t6``) is one cell to the text reader: neither is lost.
    Losing either is still caught."""
    import dataclasses

    from reference_checks import unaccounted_lines

    from plan_parser import load_plan

    text = ("某区人力资源规划\n\n第一章\n\n推进就业。\n\n\t专栏1  主要指标\n\n\t指标\n\t2020年\n\t2025年\n"
            "\t属性\n\n\t城镇新增就业（万人）\n\t5\n\t5\t\t6\n\t预期性\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    plan = load_plan(path)
    assert unaccounted_lines(plan, text) == []
    row = plan.indicators[0]
    # the cell is text (two figures apart), so a text_value warning names it too
    assert "text_value" in [w.code for w in plan.warnings]
    row.target = dataclasses.replace(row.target, raw="5")  # the cell's second figure gone
    plan.warnings = []  # and no warning tells of it
    plan.chapters[0].loc = {"line": 4}  # the heading recorded at another line
    assert unaccounted_lines(plan, text) == [(3, "第一章"), (16, "5\t\t6")]
