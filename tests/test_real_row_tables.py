"""Tables in plain text written one row per line, as text copied from Word or a web page
comes out: cells separated by TABs, by ``|`` or by runs of spaces.

The inputs are the national outline's 专栏1 (typed by hand from page 16 of the outline PDF,
see test_real_national_outline.py) in each of those layouts; the expectations are that
module's hand-written ROWS.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from plan_parser import load_plan
from plan_parser.readers.text import read_text

from test_real_national_outline import ROWS

DATA = Path(__file__).resolve().parent / "data" / "real"


@pytest.mark.parametrize("layout", ["tabs", "pipes", "spaces"])
def test_one_row_per_line_is_a_table(layout):
    plan = load_plan(DATA / f"national_outline_column1_{layout}.txt")
    assert [(c.number, c.kind) for c in plan.columns] == [(1, "indicators")]
    assert plan.projects == []
    got = {i.seq: (i.category, i.name, i.unit, i.baseline and i.baseline.raw, i.target and i.target.raw,
                   i.growth and i.growth.raw, i.attribute) for i in plan.indicators}
    assert got == ROWS
    assert [w.code for w in plan.warnings if w.code in ("row_shape", "unread_cells", "missing_unit",
                                                        "unrecognized_table")] == []


def test_rows_keep_their_lines_and_blank_category_cells_inherit():
    plan = load_plan(DATA / "national_outline_column1_tabs.txt")
    ind = {i.seq: i for i in plan.indicators}
    assert ind[1].loc == {"line": 5}  # the header is line 4
    assert ind[20].loc == {"line": 24}
    assert ind[2].category == "经济发展"  # its 类别 cell is empty: the merged column
    assert ind[14].growth.cumulative  # the note under the table: 〔〕 is a five-year total
    assert plan.column(1).notes == ["注：①〔〕内为5年累计数。②带*的为2019年数据。"]


def test_category_line_inside_a_tab_table():
    text = ("专栏2　主要指标\n"
            "指标\t2020年\t2025年\t属性\n"
            "一、经济发展\n"
            "1.地区生产总值（亿元）\t1200\t1800\t预期性\n"
            "二、民生福祉\n"
            "2.城镇调查失业率（%）\t5.2\t<5.5\t预期性\n").encode()
    (table,) = [b for b in read_text(text).blocks if hasattr(b, "rows")]
    assert [[c.text for c in row] for row in table.rows] == [
        ["指标", "2020年", "2025年", "属性"], ["一、经济发展"], ["1.地区生产总值（亿元）", "1200", "1800", "预期性"],
        ["二、民生福祉"], ["2.城镇调查失业率（%）", "5.2", "<5.5", "预期性"]]
    assert table.row_locs == [{"line": n} for n in range(2, 7)]


def test_prose_and_spaced_headings_are_not_tables():
    text = ("第一篇  总体要求\n第一章  发展环境\n第二章  指导思想\n"
            "坚持稳中求进。  推动高质量发展。\n").encode()
    blocks = read_text(text).blocks
    assert all(not hasattr(b, "rows") for b in blocks)
    assert len(blocks) == 4


def test_tab_after_a_heading_number_is_no_table():
    """policy_corpus/central_086.txt: ``（一）<TAB>指导思想。`` is a heading spaced with a TAB, and
    the paragraph between two of them is not a category row."""
    text = ("一、总体要求\n（一）\t指导思想。\n全面贯彻党的二十大精神，加快推进标准体系建设，为高质量发展提供支撑。\n"
            "（二）\t建设目标。\n").encode()
    blocks = read_text(text).blocks
    assert all(not hasattr(b, "rows") for b in blocks)
    plan = load_plan(text, format="txt")
    assert [s.title for s in plan.chapters[0].sections] == ["指导思想", "建设目标"]
