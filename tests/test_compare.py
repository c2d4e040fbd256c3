"""compare_plans / `plan-parser compare`, and the name matching it shares with the diff.

The panel: the constructed municipal plan (samples/constructed_city_chongqing_hrss_14th.txt, 重庆市,
a 直辖市: level 省), the constructed district plan (samples/constructed_district_rongchang_hrss_14th.txt,
荣昌区) and the real reference plan (samples/tongliang_hrss_14th.txt, 铜梁区).  Every expected target
below is read off those files by hand; shares are district target / city target in base units.

The labelled name pairs (tests/data/name_pairs.csv) measure the matcher: precision and recall are
printed (run with -s) and held to what the calibration reached.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import plan_parser
from plan_parser import compare_plans, load_plan
from plan_parser.cli import main
from plan_parser.diff import _candidates, fuzzy_score, matching_key, modifier_conflict, names_match
from plan_parser.segment import tokens
from plan_parser.settings import DEFAULTS

ROOT = Path(__file__).resolve().parents[1]
CITY = ROOT / "samples" / "constructed_city_chongqing_hrss_14th.txt"
DISTRICT = ROOT / "samples" / "constructed_district_rongchang_hrss_14th.txt"
TONGLIANG = ROOT / "samples" / "tongliang_hrss_14th.txt"
PAIRS = ROOT / "tests" / "data" / "name_pairs.csv"


# -- the labelled name pairs --------------------------------------------------------------


def labelled() -> list[dict[str, str]]:
    lines = [line for line in PAIRS.read_text("utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


def test_labelled_pairs_cover_sectors_and_both_answers():
    rows = labelled()
    assert len(rows) >= 200
    assert {r["same"] for r in rows} == {"0", "1"}
    assert min(sum(r["same"] == v for r in rows) for v in "01") >= 100
    assert len({r["sector"] for r in rows}) >= 10
    assert len({(r["left"], r["right"]) for r in rows}) == len(rows)  # no pair twice


def test_precision_and_recall_on_labelled_pairs():
    """Calibrated: fuzzy_threshold 0.78 (Settings) with matching.toml's vocabulary gives precision 1.0,
    recall 0.88 on the 250 pairs (docs/diff.md has the sweep).  A pair wrongly made hides two rows
    behind a change, so precision must stay at 1.0; recall may not fall below 0.85."""
    tp = fp = fn = tn = 0
    wrong = []
    for r in labelled():
        got = names_match(r["left"], r["right"]) is not None
        same = r["same"] == "1"
        tp += got and same
        fp += got and not same
        fn += same and not got
        tn += not got and not same
        if got and not same:
            wrong.append((r["left"], r["right"]))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"\nname pairs: precision {precision:.3f}, recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn}, tn {tn}) "
          f"at threshold {DEFAULTS.fuzzy_threshold}")
    assert wrong == []
    assert precision == 1.0 and recall >= 0.85


@pytest.mark.parametrize("a,b,same", [
    ("社保卡", "社会保障卡", True),                   # an abbreviation (issue 13)
    ("基本医保参保率", "基本医疗保险参保率", True),
    ("人社政务服务事项网上可办率", "人力资源和社会保障政务服务事项网上可办率", True),
    ("技能人才总量", "高技能人才总量", False),         # scored 0.93 before the modifiers (issue 13)
    ("城镇调查失业率", "城镇登记失业率", False),
    ("城镇新增就业人数", "城镇累计新增就业人数", True),  # 累计新增 still counts 新增
    ("城乡居民基本养老保险参保人数", "城镇职工基本养老保险参保人数", False),
    ("5G基站数", "每万人拥有5G基站数", False),         # a per-capita figure is another indicator
])
def test_plan_language(a, b, same):
    assert (names_match(a, b) is not None) is same


def test_abbreviations_are_the_normalized_pass():
    assert matching_key("社会保障卡持卡人数") == matching_key("社保卡持卡人数") == "社保卡持卡人数"
    assert names_match("社会保障卡持卡人数", "社保卡持卡人数").method == "normalized"


def test_blocking_keeps_every_pair_that_can_reach_the_threshold():
    """Blocking is exact, not a heuristic: over every left × right name of the labelled file, the
    candidates include every pair whose full score reaches the threshold."""
    names = sorted({matching_key(r[k]) for r in labelled() for k in ("left", "right")})[::2]  # 200 names: CI time
    t = DEFAULTS.fuzzy_threshold
    idx = list(range(len(names)))
    kept = set(_candidates(names, names, idx, idx, 200 * t - 100))
    words = [tokens(n) for n in names]
    reaching = {(i, j) for i in idx for j in idx
                if i != j and not modifier_conflict(names[i], names[j])
                and fuzzy_score(names[i], names[j], tokens_a=words[i], tokens_b=words[j]) >= t}
    assert reaching and reaching <= kept
    assert len(kept) < len(names) ** 2 / 10  # and it does block


# -- compare_plans ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def panel():
    return compare_plans([load_plan(CITY), load_plan(DISTRICT), load_plan(TONGLIANG)])


def cell_view(cell):
    return None if cell is None else (cell.target.raw if cell.target else None, cell.share, cell.weaker)


#: (name, measure, city cell, 荣昌区 cell, 铜梁区 cell): (target raw, share of the city's target, weaker)
PANEL = [
    ("城镇新增就业人数", "count", ("[350]", None, None), ("[5]", 0.014286, None), ("[5]", 0.014286, None)),
    ("城镇调查失业率", "rate", ("<5.5", None, None), ("<5.5", None, False), ("<5.5", None, False)),
    ("基本养老保险参保率", "rate", (">95", None, None), (">90", None, True), (">95", None, False)),
    ("失业保险参保人数", "count", ("650", None, None), ("9.2", 0.014154, None), ("9.2", 0.014154, None)),
    ("劳动人事争议仲裁结案率", "rate", (">90", None, None), (">92", None, False), (">90", None, False)),
    ("城镇登记失业率", "rate", ("<4.5", None, None), ("<5", None, True), ("<5", None, True)),
    # [330] five-year total in the city; 2.2 a year in 荣昌区 (no share); [2.2] total in 铜梁区
    ("开展补贴性职业培训人次", "count", ("[330]", None, None), ("2.2", None, None), ("[2.2]", 0.006667, None)),
    ("技能人才总量", "count", ("600", None, None), ("103000", 0.017167, None), None),
]
#: 铜梁区's main-table rows that no other plan has, in its order (专栏2 rows 5, 8–15, 17–19)
TONGLIANG_ONLY = ["农民工参加补贴性职业培训人次", "工伤保险参保人数", "专业技术人才总量", "高级职称人才总量",
                  "新增取得专业技术职称资格证书", "博士后研究人员招收数",
                  "新增取得职业资格证书或职业技能等级证书人数",
                  "新增取得高级工以上职业资格证书或职业技能等级证书人数", "劳动人事争议调解成功率",
                  "劳动保障监察举报投诉案件结案率", "社会保障卡持卡人数", "申领电子社保卡人口覆盖率"]


def test_panel_rows(panel):
    assert panel.reference == 0  # the city: the highest level
    got = [(r.name, r.measure, *map(cell_view, r.cells)) for r in panel.rows]
    assert got[:len(PANEL)] == PANEL
    rest = got[len(PANEL):]
    assert [name for name, *_ in rest] == TONGLIANG_ONLY
    assert all(tuple(cells[:2]) == (None, None) for _n, _m, *cells in rest)


def test_panel_each_indicator_once(panel):
    """Transitive and one-to-one: every main-table indicator of every plan sits in exactly one row."""
    counts = [sum(r.cells[k] is not None for r in panel.rows) for k in range(3)]
    assert counts == [8, 8, 19]  # the city's and 荣昌区's 8 rows; 铜梁区's 专栏2 has 19
    assert all(c.match.method == "exact" for r in panel.rows for c in r.cells if c is not None)


def test_panel_plans_and_keys(panel):
    assert [(p["region"], p["level"]) for p in panel.plans] == [("重庆市", "省"), ("荣昌区", "区"), ("铜梁区", "区")]
    assert panel.plans[2]["issued_date"] == "2022-07-04" and panel.plans[2]["sha256"]
    again = compare_plans([load_plan(CITY), load_plan(DISTRICT), load_plan(TONGLIANG)])
    assert [r.key for r in again.rows] == [r.key for r in panel.rows]
    assert len({r.key for r in panel.rows}) == len(panel.rows)
    assert panel.rows[0].key == "p0i0" and panel.rows[len(PANEL)].key.startswith("p2i")


def test_panel_frame(panel):
    frame = panel.to_frame()
    assert len(frame) == len(PANEL) + len(TONGLIANG_ONLY)
    row = frame.iloc[0]
    assert (row["name"], row["重庆市 target"], row["重庆市 target_base_value"]) == ("城镇新增就业人数", "[350]", 3500000.0)
    assert (row["荣昌区 target"], row["荣昌区 target_base_value"], row["荣昌区 share"]) == ("[5]", 50000.0, 0.014286)
    assert list(frame.columns[:4]) == ["key", "name", "name_en", "measure"]


def test_panel_json_follows_the_contract(panel):
    data = json.loads(panel.to_json())
    assert list(data) == ["schema_version", "provenance", "plans", "reference", "rows"]
    assert set(data["plans"][0]) >= {"path", "sha256", "title", "region", "level", "period_start", "period_end"}
    row = data["rows"][0]
    assert set(row) == {"key", "name", "name_en", "measure", "cells"}
    assert set(row["cells"][1]) >= {"name", "column", "seq", "unit", "baseline", "target", "growth", "match"}
    assert row["cells"][1]["target"]["base_value"] == 50000.0 and row["cells"][1]["growth"] is None
    assert data["rows"][-1]["cells"][:2] == [None, None]


def test_compare_takes_paths(panel):
    by_path = compare_plans([CITY, str(DISTRICT), TONGLIANG])
    assert [r.key for r in by_path.rows] == [r.key for r in panel.rows]


def test_compare_progress_and_empty():
    seen = []
    compare_plans([load_plan(CITY), load_plan(DISTRICT)], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
    assert compare_plans([]).rows == []


def test_exported_from_the_package():
    assert {"check_plan", "compare_plans"} <= set(plan_parser.__all__)
    from plan_parser.check import check_plan

    assert plan_parser.check_plan is check_plan


# -- the command --------------------------------------------------------------------------


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_json_is_the_api(capsys, panel):
    code, out, _err = run(capsys, "compare", CITY, DISTRICT, TONGLIANG, "--format", "json")
    got, api = json.loads(out), json.loads(panel.to_json())
    got.pop("provenance"), api.pop("provenance")
    assert code == 0 and got == api


def test_cli_table_csv_markdown_html(capsys, tmp_path):
    code, out, _err = run(capsys, "compare", CITY, DISTRICT, "--format", "table")
    assert code == 0
    assert "1. 重庆市 (基准): 重庆市人力资源和社会保障事业发展“十四五”规划（2021—2025年） (重庆市, 省, 2021–2025)" in out
    line = next(x for x in out.splitlines() if x.startswith("p0i0"))
    assert line.split() == ["p0i0", "城镇新增就业人数", "数量", "[350]", "万人", "[5]", "万人", "1.43%"]
    code, out, _err = run(capsys, "compare", CITY, DISTRICT, "--format", "csv", "--lang", "en")
    body = [x for x in out.splitlines() if not x.startswith("# ")]
    rows = list(csv.DictReader(io.StringIO("\n".join(body))))
    assert (rows[5]["name"], rows[5]["Rongchang District target"], rows[5]["Rongchang District weaker"]) == (
        "registered urban unemployment rate", "< 5%", "yes")  # <5 against the city's <4.5
    assert rows[0]["Rongchang District share"] == "1.43%" and rows[0]["measure"] == "count"
    assert rows[0]["Chongqing Municipality target"] == "3,500,000 persons (5-year total)"  # [350] 万人
    target = tmp_path / "panel.html"
    code, out, err = run(capsys, "compare", CITY, DISTRICT, "--format", "html", "-o", target)
    assert (code, out, err) == (0, "", f"plan-parser: wrote {target}\n")
    page = target.read_text("utf-8")
    assert "<h1>规划比较</h1>" in page
    assert page.count('<tr class="changed">') == 2  # 基本养老保险参保率 >90 and 城镇登记失业率 <5: weaker
    code, out, _err = run(capsys, "compare", CITY, DISTRICT, "--format", "markdown")
    assert out.startswith("# 规划比较\n") and "| key | name | measure |" in out


def test_cli_batch_goes_on_past_a_bad_file(capsys, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("just a line of text\n", "utf-8")
    code, out, err = run(capsys, "compare", CITY, bad, DISTRICT, "--format", "json")
    assert code == 2 and "notes.txt" in err and len(err.strip().splitlines()) == 1
    assert [p["region"] for p in json.loads(out)["plans"]] == ["重庆市", "荣昌区"]


def test_cli_progress_on_request(capsys):
    _code, _out, err = run(capsys, "compare", CITY, DISTRICT, "--format", "json", "--progress")
    assert err.splitlines() == [f"plan-parser: [1/2] reading {CITY}", f"plan-parser: [2/2] reading {DISTRICT}",
                                "plan-parser: matched 1/2 plans", "plan-parser: matched 2/2 plans"]


def test_cli_stdin_once(capsys, monkeypatch):
    class Stdin:
        buffer = io.BytesIO(DISTRICT.read_bytes())

    monkeypatch.setattr("sys.stdin", Stdin)
    code, out, _err = run(capsys, "compare", CITY, "-", "--format", "json")
    assert code == 0 and json.loads(out)["plans"][1]["region"] == "荣昌区"
    code, _out, err = run(capsys, "compare", "-", "-")
    assert code == 2 and "standard input" in err


def test_growth_stands_in_where_targets_are_dashes():
    """National and provincial tables put targets in the 年均 column with — in the 2025 cell: the panel
    compares growth then (a province's 年均增长 6.5 against the country's 6: not weaker)."""
    from plan_parser.model import Column, Indicator, Meta, Plan, Source
    from plan_parser.quantity import parse_quantity
    from plan_parser.report import render_compare

    def plan(level: str, region: str, growth: str) -> Plan:
        ind = Indicator(1, 1, "地区生产总值增长", {}, unit="%", growth=parse_quantity(growth, "%"), table=0)
        return Plan(Source(None, "txt", None, ""), meta=Meta(region=region, level=level, period_end=2025),
                    columns=[Column(1, "主要指标", "indicators", {})], indicators=[ind])

    panel = compare_plans([plan("国家", "中国", "6"), plan("省", "山东省", "6.5"), plan("省", "甲省", "5.5")])
    assert [(c.growth.raw, c.share, c.weaker) for c in panel.rows[0].cells] == [
        ("6", None, None), ("6.5", None, False), ("5.5", None, True)]
    assert panel.to_frame().iloc[0]["山东省 growth"] == "6.5"
    assert "| 中国 target | 中国 年均/累计 |" in render_compare(panel, "markdown")


@pytest.mark.parametrize("unit, expected", [("％", "rate"), ("%", "rate"), ("1/10万", "rate"), ("个百分点", "rate"),
                                            ("万人", "count"), ("", "other")])
def test_an_indicator_without_values_is_measured_by_its_unit_as_written(unit, expected):
    # no baseline nor target: the unit as written says whether it is a rate (full-width ％ too)
    from plan_parser.compare import measure
    from plan_parser.model import Indicator

    ind = Indicator(name="城镇调查失业率", column=1, seq=1, unit=unit, baseline=None, target=None, loc={"line": 1})
    assert measure(ind) == expected
