"""Each file that once broke a promise (``tests/data/repros/``, copied from the reliability
issue's repro set with its README) keeps it now.  Expectations are written from the files
themselves: what each holds is small enough to read.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from plan_parser import PlanParseError, load_plan
from reference_checks import unaccounted_lines
from test_limits import ENV, measured

REPROS = Path(__file__).parent / "data" / "repros"


def refused(name: str) -> PlanParseError:
    with pytest.raises(PlanParseError) as caught:
        load_plan(REPROS / name)
    return caught.value


def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "plan_parser", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=ENV, timeout=120)


def warned(plan) -> list[tuple]:
    return [(w.code, w.message, w.location) for w in plan.warnings]


# -- crashes: a traceback instead of a result --------------------------------------------

def test_indicator_row_whose_name_cell_is_only_a_footnote_is_warned_not_a_crash():
    """专栏1's one row has ``[5]`` for a name (text file, lines 10–13): no indicator, a warning
    that carries all four cells, and nothing lost."""
    path = REPROS / "footnote_name_cell.txt"
    plan = load_plan(path)
    assert [(c.number, c.title, c.kind) for c in plan.columns] == [(1, "主要指标", "indicators")]
    assert plan.indicators == []
    assert warned(plan) == [("unnamed_row", "row with no indicator name, not read: [5] | 1 | 2 | 预期性",
                             {"line": 10, "end_line": 13})]
    assert unaccounted_lines(plan, path.read_text(encoding="utf-8")) == []


def test_docx_indicator_row_whose_name_cell_is_only_a_footnote_is_warned_not_a_crash():
    plan = load_plan(REPROS / "footnote_name_cell.docx")
    assert plan.indicators == []
    assert warned(plan) == [("unnamed_row", "row with no indicator name, not read: [5] | 1 | 2 | 预期性",
                             {"block": 2, "row": 1})]


@pytest.mark.parametrize("name_cell", ["*", "①", "※", "［12］"])
def test_other_footnote_only_and_empty_name_cells_are_warned(name_cell):
    text = ("第一章  总体要求\n\n专栏1  主要指标\n\n\t指标\n\t2020年基数\n\t2025年目标\n\n"
            f"\t{name_cell}\n\t1\n\t2\n\n\t1.城镇新增就业人数（万人）\n\t3\n\t4\n")
    plan = load_plan(text.encode("utf-8"))
    assert [(i.seq, i.name, i.unit, i.target.raw) for i in plan.indicators] == [(1, "城镇新增就业人数", "万人", "4")]
    assert warned(plan) == [("unnamed_row", f"row with no indicator name, not read: {name_cell} | 1 | 2",
                             {"line": 9, "end_line": 11})]


def test_empty_name_cell_is_warned():
    page = ("<html><body><p>第一章  总体要求</p><p>专栏1  主要指标</p><table>"
            "<tr><td>指标</td><td>2020年基数</td><td>2025年目标</td></tr>"
            "<tr><td></td><td>1</td><td>2</td></tr></table></body></html>")
    plan = load_plan(page.encode("utf-8"))
    assert plan.indicators == []
    assert warned(plan) == [("unnamed_row", "row with no indicator name, not read: 1 | 2", {"block": 2, "row": 1})]


@pytest.mark.parametrize("name", ["nested_unrecognized_table.html", "nested_unrecognized_table.docx"])
def test_unrecognized_table_nested_in_one_cell_tables_is_warned_not_a_crash(name):
    """甲乙/丙丁 sit two one-cell tables deep: kept as text rows of the chapter, warned about
    at their nested location."""
    plan = load_plan(REPROS / name)
    assert [b.text for b in plan.chapters[0].paragraphs] == ["甲 | 乙", "丙 | 丁"]
    assert warned(plan) == [(
        "unrecognized_table",
        "a table whose header names no indicator, baseline, target or actual column (甲 | 乙); kept as text rows",
        {"block": 1, "row": 0, "cell": 0, "within": [{"row": 0, "cell": 0}]})]


def test_flipped_byte_in_docx_compressed_data_is_corrupt_in_one_line():
    path = REPROS / "zlib_error_flipped_byte.docx"
    reason = ("word/document.xml cannot be inflated (Error -3 while decompressing data: invalid distance "
              "too far back); a damaged .docx")
    error = refused(path.name)
    assert (error.code, error.reason) == ("corrupt", reason)
    out = cli("parse", path)
    assert (out.returncode, out.stdout, out.stderr) == (2, "", f"plan-parser: {path}: {reason}\n")


def test_nul_in_document_xml_is_one_line():
    """libxml2's message holds a newline; the error (and the CLI's line) does not."""
    path = REPROS / "nul_in_document_xml.docx"
    error = refused(path.name)
    assert error.code == "corrupt"
    assert error.reason == ("a damaged .docx (XMLSyntaxError: Invalid character: Char 0x0 out of allowed range "
                            ", line 1, column 188 (<string>, line 1))")
    out = cli("parse", path)
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and out.stderr.endswith(")\n")


def test_broken_content_type_says_what_is_wrong():
    error = refused("content_type_text_plain.docx")
    assert (error.code, error.reason) == (
        "corrupt", "the main part's content type is 'text/plain', not a Word document's "
                   "([Content_Types].xml is damaged)")
    assert "macro" not in error.reason


def test_mutated_text_plan_2706_parses_with_nothing_lost():
    """The sample with bytes mutated: its 专栏1 row 9 lost its name column (line 64), which
    is warned about with its text instead of crashing."""
    path = REPROS / "text_fuzz_2706.txt"
    plan = load_plan(path)
    assert ("unnamed_row", "row with no indicator name, not read: 9.失业保险（万人）", {"line": 64}) in warned(plan)
    assert unaccounted_lines(plan, path.read_text(encoding="utf-8")) == []


# -- amplification ---------------------------------------------------------------------

def test_docx_vmerge_repeating_a_megabyte_cell_is_refused_in_bounded_memory():
    """6 kB whose vMerge would repeat a 1 MB cell into 5,000 rows (5 G characters)."""
    result = measured(REPROS / "docx_vmerge_amplify_1mb_x5000.docx")
    assert (result["code"], result["reason"]) == (
        "too_large", "a table whose merged cells would repeat more than 5,000,000 characters of text")
    assert result["growth_mb"] < 150


def test_html_rowspan_repeating_a_big_cell_is_refused():
    """A 6,000-character cell spanning 1,000 rows would add 6 M characters of copies."""
    from plan_parser.readers.html import read_html

    page = (f"<html><body><table><tr><td rowspan=1000>{'字' * 6000}</td><td>a</td></tr>"
            + "<tr><td>b</td></tr>" * 999 + "</table></body></html>")
    with pytest.raises(PlanParseError) as caught:
        read_html(page.encode("utf-8"))
    assert (caught.value.code, caught.value.reason) == (
        "too_large", "a table whose merged cells would repeat more than 5,000,000 characters of text")


def test_merged_label_cells_of_a_real_table_are_still_repeated():
    """The limit is on characters: a 类别 cell spanning its rows labels each of them."""
    page = ("<html><body><p>第一章  总体要求</p><p>专栏1  主要指标</p><table>"
            "<tr><td>类别</td><td>指标</td><td>2020年</td><td>2025年</td></tr>"
            "<tr><td rowspan=2>就业</td><td>1.城镇新增就业人数（万人）</td><td>[8.49]</td><td>[5]</td></tr>"
            "<tr><td>2.城镇调查失业率（%）</td><td>4.8</td><td>&lt;5.5</td></tr></table></body></html>")
    plan = load_plan(page.encode("utf-8"))
    assert [(i.seq, i.category, i.name) for i in plan.indicators] == [(1, "就业", "城镇新增就业人数"),
                                                                     (2, "就业", "城镇调查失业率")]
