"""The national 14th outline's 专栏1 (20 main indicators) as a web-page table.

The outline PDF prints every 专栏 as an image; ``tests/data/real/national_outline_column1.html``
was typed by hand from page 16 of ``../shared/real/cn_national_14th_fyp_outline.pdf``.  The
expectations below were written from that image, not from the parser's output: the national
layout ``类别 | 指标 | 2020年 | 2025年 | 年均/累计 | 属性`` carries many targets only in the
年均/累计 column.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from plan_parser import load_plan

HTML = Path(__file__).resolve().parent / "data" / "real" / "national_outline_column1.html"

# seq: (category, name, unit, 2020 cell, 2025 cell, 年均/累计 cell, attribute) — as printed.
ROWS = {
    1: ("经济发展", "国内生产总值（GDP）增长", "%", "2.3", None, "保持在合理区间、各年度视情提出", "预期性"),
    2: ("经济发展", "全员劳动生产率增长", "%", "2.5", None, "高于GDP增长", "预期性"),
    3: ("经济发展", "常住人口城镇化率", "%", "60.6*", "65", None, "预期性"),
    4: ("创新驱动", "全社会研发经费投入增长", "%", None, None, ">7、力争投入强度高于“十三五”时期实际", "预期性"),
    5: ("创新驱动", "每万人口高价值发明专利拥有量", "件", "6.3", "12", None, "预期性"),
    6: ("创新驱动", "数字经济核心产业增加值占GDP比重", "%", "7.8", "10", None, "预期性"),
    7: ("民生福祉", "居民人均可支配收入增长", "%", "2.1", None, "与GDP增长基本同步", "预期性"),
    8: ("民生福祉", "城镇调查失业率", "%", "5.2", None, "＜5.5", "预期性"),
    9: ("民生福祉", "劳动年龄人口平均受教育年限", "年", "10.8", "11.3", None, "约束性"),
    10: ("民生福祉", "每千人口拥有执业（助理）医师数", "人", "2.9", "3.2", None, "预期性"),
    11: ("民生福祉", "基本养老保险参保率", "%", "91", "95", None, "预期性"),
    12: ("民生福祉", "每千人口拥有3岁以下婴幼儿托位数", "个", "1.8", "4.5", None, "预期性"),
    13: ("民生福祉", "人均预期寿命", "岁", "77.3*", None, "〔1〕", "预期性"),
    14: ("绿色生态", "单位GDP能源消耗降低", "%", None, None, "〔13.5〕", "约束性"),
    15: ("绿色生态", "单位GDP二氧化碳排放降低", "%", None, None, "〔18〕", "约束性"),
    16: ("绿色生态", "地级及以上城市空气质量优良天数比率", "%", "87", "87.5", None, "约束性"),
    17: ("绿色生态", "地表水达到或好于Ⅲ类水体比例", "%", "83.4", "85", None, "约束性"),
    18: ("绿色生态", "森林覆盖率", "%", "23.2*", "24.1", None, "约束性"),
    19: ("安全保障", "粮食综合生产能力", "亿吨", None, "＞6.5", None, "约束性"),
    20: ("安全保障", "能源综合生产能力", "亿吨标准煤", None, "＞46", None, "约束性"),
}


@pytest.fixture(scope="module")
def plan():
    return load_plan(HTML)


def test_twenty_rows_in_the_national_layout(plan):
    assert [(c.number, c.title, c.kind) for c in plan.columns] == [
        (1, "“十四五”时期经济社会发展主要指标", "indicators")]
    got = {i.seq: (i.category, i.name, i.unit, i.baseline and i.baseline.raw, i.target and i.target.raw,
                   i.growth and i.growth.raw, i.attribute) for i in plan.indicators}
    assert got == ROWS


def test_growth_column_values(plan):
    ind = {i.seq: i for i in plan.indicators}
    # 〔 〕 in the 年均/累计 column: a five-year total (note ①)
    g = ind[14].growth
    assert (g.kind, g.value, g.unit, g.cumulative, g.comparator, g.year) == ("number", 13.5, "%", True, "=", None)
    assert (ind[15].growth.value, ind[15].growth.cumulative) == (18.0, True)
    assert (ind[13].growth.value, ind[13].growth.unit, ind[13].growth.cumulative) == (1.0, "岁", True)
    # a bound with a text tail keeps the bound
    g = ind[4].growth
    assert (g.kind, g.comparator, g.lower, g.value, g.unit) == ("number", ">", 7.0, 7.0, "%")
    g = ind[8].growth
    assert (g.kind, g.comparator, g.upper, g.unit, g.cumulative) == ("number", "<", 5.5, "%", False)
    # text targets stay text
    assert (ind[7].growth.kind, ind[7].growth.value) == ("text", None)
    assert ind[1].growth.kind == ind[2].growth.kind == "text"
    # a — in the column is no growth at all
    assert ind[3].growth is None and ind[20].growth is None


def test_targets_in_base_units(plan):
    ind = {i.seq: i for i in plan.indicators}
    t = ind[19].target  # ＞6.5 亿吨
    assert (t.comparator, t.value, t.unit, t.base_value, t.base_unit) == (">", 6.5, "亿吨", 650_000_000, "吨")
    t = ind[20].target  # ＞46 亿吨标准煤
    assert (t.value, t.base_value, t.base_unit) == (46.0, 4_600_000_000, "吨标准煤")
    assert (ind[5].target.value, ind[5].target.unit) == (12.0, "件")


def test_flagged_cells_speak_of_2019(plan):
    """Note ② says the cells marked * are 2019 data; the others are the 2020 baseline."""
    ind = {i.seq: i for i in plan.indicators}
    for seq in (3, 13, 18):
        assert (ind[seq].baseline.footnote, ind[seq].baseline.year) == ("*", 2019)
    assert (ind[1].baseline.footnote, ind[1].baseline.year) == (None, 2020)
    assert ind[9].target.year == 2025


def test_no_unit_warnings_and_note_kept(plan):
    assert [w for w in plan.warnings if w.code in ("missing_unit", "unread_cells", "row_shape")] == []
    assert plan.columns[0].notes[0].startswith("注：①〔〕内为5年累计数。②带*的为2019年数据。")


def _table_line(view: str, seq: str) -> list[str]:
    """The cells of the terminal view's row ``1 <seq>`` (columns split at runs of 2+ spaces)."""
    import re

    for line in view.splitlines():
        cells = re.split(r" {2,}", line.strip())
        if cells[:2] == ["1", seq]:
            return cells
    raise AssertionError(f"no row {seq}")


def test_views_show_the_growth_column_where_the_targets_are(plan):
    """Rows 13–15 have no 2025 target: the outline prints 〔1〕, 〔13.5〕, 〔18〕 under 年均/累计."""
    from plan_parser.render import plan_markdown, plan_table

    zh = plan_table(plan)
    assert "  actual  年均/累计  " in zh
    assert _table_line(zh, "14") == ["1", "14", "单位GDP能源消耗降低", "%", "〔13.5〕", "约束性"]
    assert _table_line(zh, "8") == ["1", "8", "城镇调查失业率", "%", "5.2", "＜5.5", "预期性"]
    en = plan_table(plan, "en")
    assert "  actual  growth  " in en
    assert _table_line(en, "15")[-2:] == ["18% (5-year total)", "binding"]
    md = plan_markdown(plan)
    assert "| # | indicator | unit | baseline | target | actual | 年均/累计 | attribute |" in md
    assert "| 13 | 人均预期寿命 | 岁 | 77.3* |  |  | 〔1〕 | 预期性 |" in md


def test_views_of_a_plan_without_growth_keep_their_columns():
    """The reference plan's tables have no 年均/累计 column, and neither has its view."""
    from plan_parser.render import plan_markdown, plan_table

    sample = Path(__file__).resolve().parents[1] / "samples" / "tongliang_hrss_14th.txt"
    reference = load_plan(sample)
    assert plan_table(reference).splitlines()[4].split() == [
        "专栏", "#", "indicator", "unit", "baseline", "target", "actual", "attribute"]
    assert plan_table(reference, "en").splitlines()[4].split() == [
        "box", "#", "indicator", "baseline", "target", "actual", "attribute"]
    assert "年均/累计" not in plan_markdown(reference) and "growth |" not in plan_markdown(reference, "en")
