"""diff_plans and `plan-parser diff`: the reference plan against an edited copy of itself,
and a constructed municipal plan against a constructed district plan.

The edited copy is made here from samples/tongliang_hrss_14th.txt by the string replacements
of tests/data/diff/edits.toml, so every expected pair below follows from one edit there.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import plan_parser
from plan_parser import diff_plans, load_plan
from plan_parser.cli import main
from plan_parser.diff import TableRef, fuzzy_score, match_items, normalize_key, pair_tables, table_refs
from plan_parser.settings import DEFAULTS
from reference_expected import MAIN, PROJECTS, REVIEW

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "tongliang_hrss_14th.txt"
DATA = ROOT / "tests" / "data" / "diff"
#: the constructed municipal/district pair shipped for the README's example (重庆市 is a 直辖市: level 省)
CITY = ROOT / "samples" / "constructed_city_chongqing_hrss_14th.txt"
DISTRICT = ROOT / "samples" / "constructed_district_rongchang_hrss_14th.txt"
FUZZY_THRESHOLD = DEFAULTS.fuzzy_threshold

EDITS = DATA / "edits.toml"  # each edit says why, and what the diff must show for it


def edited_text() -> str:
    """The sample with every edit of edits.toml applied; each edit must hit exactly once."""
    text = SAMPLE.read_text("utf-8")
    for edit in tomllib.loads(EDITS.read_text("utf-8"))["edit"]:
        assert text.count(edit["old"]) == 1, edit["why"]
        text = text.replace(edit["old"], edit["new"])
    return text


@pytest.fixture(scope="module")
def reference():
    return load_plan(SAMPLE)


@pytest.fixture(scope="module")
def edited_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("diff") / "tongliang_edited.txt"
    path.write_text(edited_text(), "utf-8")
    return path


@pytest.fixture(scope="module")
def diff(reference, edited_path):
    return diff_plans(reference, load_plan(edited_path))


def key(item):
    return None if item is None else (item.column, item.seq, item.name)


def row(pair):
    """(status, left, right, method, [(field, left raw, right raw, direction)], share, weaker, renamed)"""
    raw = lambda v: v["raw"] if isinstance(v, dict) else v  # noqa: E731
    return (pair.status, key(pair.left), key(pair.right), pair.match.method if pair.match else None,
            [(c.field, raw(c.left), raw(c.right), c.direction) for c in pair.changes], pair.share, pair.weaker,
            pair.renamed)


def same(column, seq, name, share=None):
    return ("matched", (column, seq, name), (column, seq, name), "exact", [], share, None, False)


COUNT_UNITS = {"万人", "万元", "万人次", "人"}


def expected_indicators() -> list[tuple]:
    rows = []
    for seq, _cat, name, unit, *_rest in REVIEW:
        if seq == 3:
            rows.append(("only_left", (1, 3, name), None, None, [], None, None, False))
        else:
            rows.append(same(1, seq, name, 1.0 if unit in COUNT_UNITS else None))
    main = {seq: (name, unit) for seq, _cat, name, unit, *_rest in MAIN}
    for seq, (name, unit) in main.items():
        share = 1.0 if unit in COUNT_UNITS else None
        if seq == 1:
            rows.append(same(2, 1, name, 1.0))  # 万人 → 人, [5] → [50000]: no change
        elif seq == 2:
            rows.append(("matched", (2, 2, name), (2, 2, name), "exact",
                         [("target", "<5.5", "<6", "looser")], None, None, False))
        elif seq == 3:  # renamed, values equal: no change, but the pair says it was renamed
            rows.append(("matched", (2, 3, name), (2, 3, "全区城镇登记失业率"), "fuzzy", [], None, None, True))
        elif seq == 4:
            rows.append(("only_right", None, (2, 4, "补贴性职业技能培训人次"), None, [], None, None, False))
            rows.append(("only_left", (2, 4, name), None, None, [], None, None, False))
        elif seq == 7:
            rows.append(("matched", (2, 7, name), (2, 7, name), "exact",
                         [("target", "9.2", "9.5", "stricter")], 1.032609, None, False))
        elif seq == 8:
            rows.append(("matched", (2, 8, name), (2, 8, name), "exact",
                         [("attribute", "约束性", "预期性", None)], 1.0, None, False))
        elif seq == 12:
            rows.append(("only_left", (2, 12, name), None, None, [], None, None, False))
        elif seq == 16:
            rows.append(("matched", (2, 16, name), (2, 16, name), "exact",
                         [("target", ">90", "≥90", "looser")], None, None, False))
        else:
            rows.append(same(2, seq, name, share))
    rows.append(("only_right", None, (2, 20, "城乡居民养老保险参保率"), None, [], None, None, False))
    return rows


def test_every_indicator_pair(diff):
    got = [row(p) for p in diff.indicators]
    expected = expected_indicators()
    assert len(got) == len(expected) == 36
    for g, e in zip(got, expected):
        assert g == e


def test_summary(diff):
    # the renamed row (城镇登记失业率 → 全区城镇登记失业率, equal values) is matched and renamed, not changed
    assert diff.summary == {"matched": 31, "only_left": 3, "only_right": 2, "changed": 4, "renamed": 1}
    assert not diff.same


def test_fuzzy_score_of_the_renamed_row(diff):
    pair = next(p for p in diff.indicators if p.match and p.match.method == "fuzzy")
    assert pair.match.score == 0.9375
    assert fuzzy_score(normalize_key("开展补贴性职业培训人次"), normalize_key("补贴性职业技能培训人次")) < FUZZY_THRESHOLD


def test_tables_paired_by_role(diff):
    got = [(p.status, p.left.column, p.left.role, p.left.target_year, p.right.column, p.match.method)
           for p in diff.tables]
    assert got == [("matched", 1, "review", 2020, 1, "exact"), ("matched", 2, "main", 2025, 2, "exact")]


def test_tables_fall_back_to_role_when_years_differ():
    left = [TableRef(1, "“十三五”主要指标", "main", 2020, {}), TableRef(2, "完成情况", "review", 2015, {})]
    right = [TableRef(4, "“十四五”主要指标", "main", 2025, {})]
    got = [(p.status, p.left and p.left.column, p.right and p.right.column, p.match and p.match.method)
           for p in pair_tables(left, right)]
    assert got == [("matched", 1, 4, "fuzzy"), ("only_left", 2, None, None)]


def test_projects(diff):
    got = [(p.status, p.left and p.left.title, p.right and p.right.title, [c.field for c in p.changes])
           for p in diff.projects]
    expected = []
    for column, titles in PROJECTS.items():
        for title in titles:
            if title == "人才驿站建设":
                expected.append(("only_left", title, None, []))
            elif title == "职业指导服务提升工程":
                expected.append(("matched", title, title, ["text"]))
            else:
                expected.append(("matched", title, title, []))
        if column == 7:
            expected.append(("only_right", None, "零工市场提升项目", []))
    assert got == expected
    text_change = next(c for p in diff.projects for c in p.changes)
    assert "2.5万人次" in text_change.left and "3万人次" in text_change.right


def test_sections(diff):
    changed = [(p.status, p.left.title, p.right.title, p.match.method, [(c.field, c.left, c.right) for c in p.changes])
               for p in diff.sections if p.different]
    assert changed == [("matched", "推进区域协同发展", "推进成渝区域协同发展", "fuzzy",
                        [("title", "推进区域协同发展", "推进成渝区域协同发展")])]
    assert len(diff.sections) == 19
    assert [p.left.level for p in diff.sections].count("chapter") == 3


def test_plan_against_itself_is_empty(reference):
    d = diff_plans(reference, reference)
    assert d.same
    assert d.summary == {"matched": 34, "only_left": 0, "only_right": 0, "changed": 0, "renamed": 0}
    assert all(p.match.method == "exact" for p in d.indicators + d.projects + d.sections)


def test_json_shape(diff):
    data = json.loads(diff.to_json())
    assert list(data) == ["schema_version", "provenance", "left", "right", "place_relation", "indicators",
                          "projects", "sections", "tasks", "prose", "tables", "summary"]
    assert data["place_relation"] == "same"  # the reference plan against its edited copy: both 500151
    assert data["schema_version"] == "1"
    assert set(data["left"]) >= {"path", "sha256", "title", "region", "level", "period_start", "period_end",
                                 "issued_date"}
    assert data["left"]["path"].endswith("samples/tongliang_hrss_14th.txt")
    assert data["left"]["issued_date"] == "2022-07-04"  # the notice's 2022年7月4日
    assert data["left"]["sha256"] == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    assert data["provenance"]["tool"] == "plan-parser" and data["provenance"]["version"] == plan_parser.__version__
    assert data["provenance"]["generated_at"].endswith("+00:00")
    assert data["left"]["region"] == "铜梁区" and data["left"]["level"] == "区"
    pair = data["indicators"][0]
    assert set(pair) == {"status", "left", "right", "match", "changes", "share", "weaker", "renamed"}
    assert pair["match"] == {"method": "exact", "score": 1.0}
    assert pair["left"]["target"]["raw"] == "11" and pair["left"]["loc"] == {"line": 42, "end_line": 45}
    target = next(c for p in data["indicators"] for c in p["changes"] if c["field"] == "target")
    assert set(target) == {"field", "left", "right", "direction"}
    assert target["left"]["base_value"] == 5.5 and target["right"]["base_value"] == 6.0


# -- the matcher on its own ---------------------------------------------------------------


def test_matcher_passes_and_order():
    left = ["城镇调查失业率", "失业保险", "ＡＢ 指标（万人）", "高技能人才总量"]
    right = ["其中：AB指标", "新指标", "失业保险参保人数", "城镇调查失业率", "高级职称人才总量"]
    got = match_items(left, right, lambda s: s)
    assert [(i, j, m.method if m else None) for i, j, m in got] == [
        (0, 3, "exact"), (1, 2, "fuzzy"), (2, 0, "normalized"), (None, 1, None),
        (None, 4, None), (3, None, None)]  # a right-only item follows the pair before it on the right


def test_matcher_is_one_to_one_best_first():
    got = match_items(["失业保险", "失业保险参保"], ["失业保险参保人数"], lambda s: s)
    assert [(i, j) for i, j, _m in got] == [(0, None), (1, 0)]


def test_matcher_respects_groups():
    got = match_items(["a率"], ["a率"], lambda s: s, group=lambda s: s.endswith("率") and len(s))
    assert got[0][2].method == "exact"
    got = match_items([("x", "%")], [("x", "人")], lambda t: t[0], group=lambda t: t[1])
    assert [(i, j) for i, j, _m in got] == [(None, 0), (0, None)]


# -- across levels: share and weaker ------------------------------------------------------


LEVEL_ROWS = [  # name, share (district / city), weaker, target direction (city → district)
    # counts across levels: the share is the finding, never stricter/looser
    ("城镇新增就业人数", 0.014286, None, None),             # [5]万 of [350]万
    ("城镇调查失业率", None, False, None),                  # <5.5 both: unchanged
    ("基本养老保险参保率", None, True, "looser"),           # rates keep their direction: >95 city, >90 district
    ("失业保险参保人数", 0.014154, None, None),             # 9.2万 of 650万
    ("劳动人事争议仲裁结案率", None, False, "stricter"),    # >90 city, >92 district
    ("城镇登记失业率", None, True, "looser"),               # <4.5 city, <5 district: less is better
    ("开展补贴性职业培训人次", None, None, None),           # [330] total against 2.2 a year: no share
    ("技能人才总量", 0.017167, None, None),                 # 103000人 of 600万人
]


def level_rows(d):
    out = []
    for p in d.indicators:
        target = next((c.direction for c in p.changes if c.field == "target"), None)
        out.append((p.left.name, p.share, p.weaker, target))
    return out


def test_city_against_district():
    city, district = load_plan(CITY), load_plan(DISTRICT)
    assert (city.meta.region, city.meta.level) == ("重庆市", "省")  # a 直辖市 ranks as a province
    assert (district.meta.region, district.meta.level) == ("荣昌区", "区")
    d = diff_plans(city, district)
    assert d.cross_level
    assert level_rows(d) == LEVEL_ROWS
    assert d.summary == {"matched": 8, "only_left": 0, "only_right": 0, "changed": 7, "renamed": 0}


def test_same_plans_one_level_keep_count_directions():
    """Two versions of one district plan: a smaller count target is looser (no level difference)."""
    text = DISTRICT.read_text("utf-8")
    assert text.count("\t8.2\n\t9.2\n") == 1
    edited = load_plan(text.replace("\t8.2\n\t9.2\n", "\t8.2\n\t9.0\n").encode("utf-8"), format="txt")
    d = diff_plans(load_plan(DISTRICT), edited)
    assert not d.cross_level
    assert [(p.left.name, [(c.field, c.direction) for c in p.changes]) for p in d.indicators if p.changes] == [
        ("失业保险参保人数", [("target", "looser")])]


def test_district_against_city_keeps_weaker():
    d = diff_plans(load_plan(DISTRICT), load_plan(CITY))
    got = [(name, weaker) for name, _share, weaker, _dir in level_rows(d)]
    assert got == [(name, weaker) for name, _share, weaker, _dir in LEVEL_ROWS]
    share = {name: s for name, s, _w, _d in level_rows(d)}
    assert share["城镇新增就业人数"] == 70.0 and share["开展补贴性职业培训人次"] is None


def test_same_level_has_no_weaker():
    d = diff_plans(load_plan(DISTRICT), load_plan(DISTRICT))
    assert [p.weaker for p in d.indicators] == [None] * 8
    assert d.same


# -- the command ------------------------------------------------------------------------


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_exit_codes(capsys, edited_path, tmp_path):
    assert run(capsys, "diff", SAMPLE, SAMPLE)[0] == 0
    assert run(capsys, "diff", SAMPLE, edited_path)[0] == 1
    code, out, err = run(capsys, "diff", SAMPLE, tmp_path / "missing.txt")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "missing.txt" in err
    not_a_plan = tmp_path / "notes.txt"
    not_a_plan.write_text("just a line of text\n", "utf-8")
    code, _out, err = run(capsys, "diff", not_a_plan, SAMPLE)
    assert code == 2 and "notes.txt" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as exc:
        main(["diff", str(SAMPLE), str(SAMPLE), "--format", "pdf"])
    assert exc.value.code == 2


def test_cli_json_is_the_api(capsys, edited_path, diff):
    code, out, _err = run(capsys, "diff", SAMPLE, edited_path, "--format", "json")
    assert code == 1
    got, api = json.loads(out), json.loads(diff.to_json())
    assert got.pop("provenance")["generated_at"] >= api.pop("provenance")["generated_at"]  # the time of each run
    assert got == api


def test_cli_only_changed(capsys, edited_path):
    code, out, _err = run(capsys, "diff", SAMPLE, edited_path, "--format", "json", "--only", "changed")
    data = json.loads(out)
    assert code == 1
    assert len(data["indicators"]) == 10  # 4 changed, 1 renamed, 3 only left, 2 only right
    assert data["summary"] == {"matched": 31, "only_left": 3, "only_right": 2, "changed": 4, "renamed": 1}
    assert len(data["projects"]) == 3 and len(data["sections"]) == 1


def test_cli_csv_one_row_per_pair(capsys, edited_path):
    code, out, _err = run(capsys, "diff", SAMPLE, edited_path, "--format", "csv", "--lang", "en")
    head = [line for line in out.splitlines() if line.startswith("#")]
    assert head[0].startswith(f"# generated by: plan-parser {plan_parser.__version__}, 20")
    assert head[2].strip("# ").startswith(f"{SAMPLE} · sha256 {hashlib.sha256(SAMPLE.read_bytes()).hexdigest()}")
    assert head[2].endswith("issued 2022-07-04") and head[4].strip("# ").startswith(str(edited_path))
    rows = [r for r in csv.DictReader(io.StringIO(out.split("\n", len(head))[-1])) if r["list"] == "indicators"]
    assert code == 1 and len(rows) == 36
    changed = [r for r in rows if r["status"] in ("changed", "renamed")]
    assert [(r["status"], r["left_seq"], r["changed_fields"], r["direction"]) for r in changed] == [
        ("changed", "2", "target", "looser"), ("renamed", "3", "name", ""), ("changed", "7", "target", "stricter"),
        ("changed", "8", "attribute", ""), ("changed", "16", "target", "looser")]
    renamed = changed[1]
    # --lang en: the glossary's names, no Chinese
    assert renamed["changes"] == ("indicator: registered urban unemployment rate→district-wide registered urban "
                                  "unemployment rate")
    assert rows[0]["share"] == "1" and rows[0]["left_target"] == "110,000 persons"  # 11 万人, in English


def test_cli_table_and_markdown(capsys, edited_path, tmp_path):
    code, out, _err = run(capsys, "diff", SAMPLE, edited_path)
    assert code == 1
    assert "指标: 匹配 31, 仅左 3, 仅右 2, 有变化 4, 更名 1" in out
    assert "2#2 城镇调查失业率" in out and "更松" in out
    target = tmp_path / "diff.md"
    code, out, _err = run(capsys, "diff", SAMPLE, edited_path, "--format", "markdown", "--lang", "en",
                          "-o", target)
    text = target.read_text("utf-8")
    assert code == 1 and out == ""
    assert "| matched | only left | only right | changed | renamed |" in text and "| 31 | 3 | 2 | 4 | 1 |" in text
    assert "## Indicators (36)" in text and "## Projects (30)" in text and "## Headings (19)" in text


# -- a plan against itself is always the same --------------------------------------------

UNTITLED = DATA / "untitled_table.md"  # the review's repro: one table, no 专栏 title (number 0, title "")
UNTITLED_TWO = DATA / "untitled_tables.md"  # two untitled tables: a review and a main table
CONTINUED = DATA / "continued_column.md"  # 专栏1, 专栏1（续） (the same number), then an untitled table
SELF_DIFF_PLANS = sorted([*(ROOT / "samples").glob("*.txt"), *(ROOT / "samples").glob("*.docx"),
                          *(ROOT / "tests" / "data").glob("*.txt"), *DATA.glob("*.txt"), *DATA.glob("*.md")])


def test_self_diff_inputs_are_all_there():
    names = {p.name for p in SELF_DIFF_PLANS}
    assert {"tongliang_hrss_14th.txt", "tongliang_hrss_14th.docx", "official_sequence.txt", "parts_and_toc.txt",
            "city_constructed.txt", "district_constructed.txt", UNTITLED.name, UNTITLED_TWO.name,
            CONTINUED.name} <= names


@pytest.mark.parametrize("path", SELF_DIFF_PLANS, ids=lambda p: p.name)
def test_plan_against_itself_is_same(path):
    """Property: for every bundled or constructed plan, diff(p, p) and diff(p, p reloaded) find nothing,
    and every indicator is paired exactly once, with itself."""
    plan = load_plan(path)
    for other in (plan, load_plan(path)):
        d = diff_plans(plan, other)
        assert d.same, path.name
        n = len(plan.indicators)
        assert d.summary == {"matched": n, "only_left": 0, "only_right": 0, "changed": 0, "renamed": 0}
        assert [plan.indicators.index(p.left) for p in d.indicators] == list(range(n))
        assert [other.indicators.index(p.right) for p in d.indicators] == list(range(n))
        assert all(p.status == "matched" and p.match.method == "exact" and not p.changes for p in d.tables)


def test_untitled_table_against_itself_cli(capsys):
    code, out, _err = run(capsys, "diff", UNTITLED, UNTITLED, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["summary"] == {"matched": 2, "only_left": 0, "only_right": 0, "changed": 0, "renamed": 0}
    assert [(t["status"], t["left"]["column"], t["left"]["title"], t["left"]["indicators"], t["match"])
            for t in data["tables"]] == [("matched", 0, "", [0, 1], {"method": "exact", "score": 1.0})]


def test_table_refs_own_their_rows():
    plan = load_plan(CONTINUED)
    assert [(t.column, t.title, t.indicators) for t in table_refs(plan)] == [
        (1, "主要指标", [0, 1]), (1, "（续）主要指标", [2, 3]), (0, "", [4])]
    plan = load_plan(UNTITLED_TWO)
    assert [(t.column, t.title, t.role, t.target_year, t.indicators) for t in table_refs(plan)] == [
        (0, "", "review", 2020, [0, 1]), (0, "", "main", 2025, [2, 3, 4])]


def test_table_refs_of_a_plan_built_by_hand():
    """No Indicator.table: an indicator goes to the first indicator table with its number; indicators whose
    number no column has become an untitled table of their own (so nothing drops out of the diff)."""
    from plan_parser.model import Column, Indicator, Plan, Source

    ind = lambda column, seq: Indicator(column, seq, f"指标{column}-{seq}", {})  # noqa: E731
    plan = Plan(Source(None, "txt", None, ""),
                columns=[Column(1, "甲", "indicators", {}), Column(1, "甲（续）", "indicators", {})],
                indicators=[ind(1, 1), ind(1, 2), ind(9, 1), ind(1, 3)])
    assert [(t.column, t.title, t.indicators) for t in table_refs(plan)] == [
        (1, "甲", [0, 1, 3]), (1, "甲（续）", []), (9, "", [2])]
    d = diff_plans(plan, plan)
    assert d.same and d.summary["matched"] == 4


def test_untitled_table_pairs_with_a_titled_one():
    """Untitled on the left, 专栏1 主要指标 on the right: the only main tables pair, and so do their rows."""
    titled = UNTITLED.read_text("utf-8").replace("| 指标 |", "专栏1 主要指标\n\n| 指标 |", 1)
    d = diff_plans(load_plan(UNTITLED), load_plan(titled.encode("utf-8"), format="md"))
    assert [(p.status, p.left.title, p.right.title, [c.field for c in p.changes]) for p in d.tables] == [
        ("matched", "", "主要指标", ["title"])]
    assert d.summary == {"matched": 2, "only_left": 0, "only_right": 0, "changed": 0, "renamed": 0}


# -- what is compared ------------------------------------------------------------------------


def test_target_year_is_not_compared(reference):
    """专栏2's header 2025年目标 written 目标值: the targets lose their year, and nothing changes."""
    text = SAMPLE.read_text("utf-8")
    assert text.count("\t2020年基数\n\t2025年目标\n") == 1
    edited = load_plan(text.replace("\t2020年基数\n\t2025年目标\n", "\t2020年基数\n\t目标值\n").encode("utf-8"),
                       format="txt")
    assert {i.target.year for i in edited.indicators if i.column == 2 and i.target} == {None}
    d = diff_plans(reference, edited)
    assert d.summary == {"matched": 34, "only_left": 0, "only_right": 0, "changed": 0, "renamed": 0}
    assert d.same


def test_rename_is_flagged_not_changed(diff):
    pair = next(p for p in diff.indicators if p.renamed)
    assert (pair.left.name, pair.right.name, pair.changes, pair.changed, pair.different) == (
        "城镇登记失业率", "全区城镇登记失业率", [], False, True)
    assert [p.left.name for p in diff.indicators if p.changed] == [
        "城镇调查失业率", "失业保险参保人数", "工伤保险参保人数", "劳动人事争议仲裁结案率"]


# -- --lang and the JSON ------------------------------------------------------------------------


def test_json_carries_both_languages_whatever_lang(capsys, edited_path):
    _code, zh, _err = run(capsys, "diff", SAMPLE, edited_path, "--format", "json")
    _code, en, _err = run(capsys, "diff", SAMPLE, edited_path, "--format", "json", "--lang", "en")
    zh_data, en_data = json.loads(zh), json.loads(en)
    zh_data.pop("provenance"), en_data.pop("provenance")  # the time of each run
    assert zh_data == en_data
    first = json.loads(zh)["indicators"][0]["left"]
    assert first["name"] == "城镇新增就业人数" and first["name_en"]  # the English is the glossary's to word
    _code, table_en, _err = run(capsys, "diff", SAMPLE, edited_path, "--lang", "en")
    _code, table_zh, _err = run(capsys, "diff", SAMPLE, edited_path)
    assert first["name_en"] in table_en and first["name_en"] not in table_zh


def test_help_says_what_lang_does(capsys):
    for command in ("diff", "check"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = " ".join(capsys.readouterr().out.split())
        assert ("--lang picks the labels of --format table, markdown, csv and html only; --format json ignores it "
                "and always carries both languages") in out


# -- jieba -------------------------------------------------------------------------------------

#: SNAPSHOT of what jieba + rapidfuzz score for docs/diff.md's table: (left, right, score, pairs?).
#: The scores were recorded from the code, not written from a document, so they are compared
#: within SCORE_TOLERANCE (a jieba or rapidfuzz release may move them a little); the last
#: column — whether the two names are the same indicator — is the hand-made judgement.
SCORE_TOLERANCE = 0.01
SCORE_SNAPSHOT = [
    ("城镇调查失业率", "全区城镇调查失业率", 0.9375, True),
    ("城镇新增就业", "城镇新增就业人数", 0.873, True),
    ("博士后研究人员招收数", "招收博士后研究人员", 0.8684, True),
    ("失业保险", "失业保险参保人数", 0.8333, True),
    ("专业技能人才总量", "专业技术人才总量", 0.7795, False),
    ("开展补贴性职业培训人次", "补贴性职业技能培训人次", 0.6982, False),
    ("城镇调查失业率", "城镇登记失业率", 0.6814, False),
    ("城镇登记失业人员就业人数", "城镇新增就业人数", 0.6406, False),
    ("高技能人才总量", "高级职称人才总量", 0.6316, False),
    ("城镇企业职工基本养老保险参保人数", "城镇职工养老保险", 0.5769, False),
]

JIEBA_PROBE = """
import json
import jieba
made, built = [], []
init, initialize = jieba.Tokenizer.__init__, jieba.Tokenizer.initialize
def counting_init(self, *args, **kwargs):
    made.append(id(self))
    init(self, *args, **kwargs)
def counting(self, dictionary=None):
    if not self.initialized:
        built.append(id(self))
    return initialize(self, dictionary)
jieba.Tokenizer.__init__, jieba.Tokenizer.initialize = counting_init, counting
from plan_parser.glossary import Glossary
assert Glossary.builtin().translate("城镇新增就业人数参保").method == "composed"  # the glossary cut words first
from plan_parser.diff import fuzzy_score, matching_key
scores = [fuzzy_score(matching_key(a), matching_key(b)) for a, b in {pairs!r}]
print(json.dumps({{"scores": scores, "tokenizers": len(made), "whole_dictionaries": len(built),
                   "global": jieba.dt.initialized}}))
"""


def test_one_jieba_dictionary_per_process_and_documented_scores():
    """The glossary and the diff cut words with one tokenizer (plan_parser.segment): a process that
    composes English labels and scores names makes one jieba Tokenizer, never has jieba build its whole
    dictionary (the segmenter reads the shards it needs), never the global one, and the scores of
    docs/diff.md's table hold there."""
    probe = JIEBA_PROBE.format(pairs=[(a, b) for a, b, _s, _p in SCORE_SNAPSHOT])
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
    assert done.returncode == 0, done.stderr[-2000:]
    got = json.loads(done.stdout)
    assert (got["tokenizers"], got["whole_dictionaries"], got["global"]) == (1, 0, False)
    assert got["scores"] == pytest.approx([s for _a, _b, s, _p in SCORE_SNAPSHOT], abs=SCORE_TOLERANCE)
    assert [s >= FUZZY_THRESHOLD for s in got["scores"]] == [p for _a, _b, _s, p in SCORE_SNAPSHOT]


# -- prose and tasks (issue 13: a changed 主要目标 figure and a renamed task gave exit 0) ----------


PROSE_EDITS = [  # (old, new) in samples/tongliang_hrss_14th.txt, line 154
    ("实现全区城镇新增就业5万人", "实现全区城镇新增就业8万人"),
    ("——高质量就业进入新阶段。", "——更高质量就业进入新阶段。"),
]


@pytest.fixture(scope="module")
def prose_edited(tmp_path_factory):
    text = SAMPLE.read_text("utf-8")
    for old, new in PROSE_EDITS:
        assert text.count(old) == 1
        text = text.replace(old, new)
    path = tmp_path_factory.mktemp("prose") / "prose_edited.txt"
    path.write_text(text, "utf-8")
    return path


def test_prose_figure_and_task_changes(reference, prose_edited):
    d = diff_plans(reference, load_plan(prose_edited))
    assert d.summary == {"matched": 34, "only_left": 0, "only_right": 0, "changed": 0, "renamed": 0}
    assert not d.same
    raw = lambda v: v["raw"] if isinstance(v, dict) else v  # noqa: E731
    prose = [(p.left.part, p.left.name, p.left.loc["line"], [(c.field, raw(c.left), raw(c.right), c.direction)
                                                              for c in p.changes]) for p in d.prose if p.different]
    assert prose == [("target", "城镇新增就业", 154, [("value", "5万人", "8万人", "stricter")])]
    tasks = [(p.left.title, p.right.title, p.match.method, [c.field for c in p.changes]) for p in d.tasks if p.different]
    assert tasks == [("高质量就业进入新阶段", "更高质量就业进入新阶段", "fuzzy", ["title", "text"])]
    # the reference plan has 35 tasks (——) and its target and achievement paragraphs 39 figures
    assert (len(d.tasks), len(d.prose)) == (35, 39)


def test_prose_change_exits_1(capsys, prose_edited):
    code, out, _err = run(capsys, "diff", SAMPLE, prose_edited)
    assert code == 1
    assert "[目标] 城镇新增就业 5万人" in out and "数值: 5万人→8万人" in out


def test_growth_is_compared_like_target():
    from plan_parser.model import Column, Indicator, Plan, Source
    from plan_parser.quantity import parse_quantity

    def plan(growth: str) -> Plan:
        q = parse_quantity(growth, "%")
        ind = Indicator(1, 1, "地区生产总值增长", {}, unit="%", target=None, growth=q, table=0)
        return Plan(Source(None, "txt", None, ""), columns=[Column(1, "主要指标", "indicators", {})], indicators=[ind])

    d = diff_plans(plan("6"), plan("6.5"))
    assert [(c.field, c.left["raw"], c.right["raw"], c.direction) for c in d.indicators[0].changes] == [
        ("growth", "6", "6.5", "stricter")]
    assert diff_plans(plan("6"), plan("6")).same


def test_readme_diff_example_runs_as_written():
    """README's notebook example: the shipped constructed pair, municipal against district."""
    import os

    readme = (ROOT / "README.md").read_text("utf-8")
    assert 'load_plan("samples/constructed_district_rongchang_hrss_14th.txt")' in readme
    cwd = os.getcwd()
    try:
        os.chdir(ROOT)
        district = load_plan("samples/constructed_district_rongchang_hrss_14th.txt")
        municipal = load_plan("samples/constructed_city_chongqing_hrss_14th.txt")
    finally:
        os.chdir(cwd)
    d = diff_plans(municipal, district)
    assert d.summary == {"matched": 8, "only_left": 0, "only_right": 0, "changed": 7, "renamed": 0}


CJK = __import__("re").compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "html"])
def test_english_views_carry_no_chinese(capsys, edited_path, prose_edited, fmt):
    """--lang en of diff, check and compare: no CJK character anywhere but in file paths (none here)."""
    for argv in (["diff", SAMPLE, edited_path], ["diff", SAMPLE, prose_edited], ["check", SAMPLE],
                 ["compare", CITY, DISTRICT, SAMPLE]):
        _code, out, _err = run(capsys, *argv, "--format", fmt, "--lang", "en")
        found = sorted(set(CJK.findall(out)))
        assert found == [], (argv[0], fmt, "".join(found)[:80])


def test_table_fits_the_terminal(capsys, edited_path, monkeypatch):
    from plan_parser.render import display_width

    monkeypatch.setenv("COLUMNS", "100")
    _code, out, _err = run(capsys, "diff", SAMPLE, edited_path)
    table_lines = [line for line in out.splitlines() if line.startswith(("状态", "------", "无变化", "有变化", "仅"))]
    assert len(table_lines) > 36
    assert max(display_width(line) for line in table_lines) <= 100
    assert "…" in out  # names were cut, not wrapped
    monkeypatch.delenv("COLUMNS")
    _code, out, _err = run(capsys, "diff", SAMPLE, edited_path)  # not a terminal: nothing is cut
    assert "1#13 高技能人才总量" in out and "城镇登记失业人员就业人数" in out


def test_stdin_as_one_side(capsys, monkeypatch, edited_path):
    class Stdin:
        buffer = io.BytesIO(SAMPLE.read_bytes())

    monkeypatch.setattr("sys.stdin", Stdin)
    code, out, _err = run(capsys, "diff", "-", edited_path, "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["left"]["path"] == "<stdin>" and data["summary"]["changed"] == 4
    assert data["left"]["sha256"] == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    code, out, err = run(capsys, "diff", "-", "-")
    assert (code, out) == (2, "") and "standard input can stand for one input only" in err


def test_untitled_items_pair_in_order():
    """An untitled section or task (empty key) pairs with an untitled one, in order, so that a plan with
    one is still the same as itself (a real policy text with an empty 第X节 title was not)."""
    got = match_items(["", "城镇新增就业", ""], ["", "城镇新增就业"], lambda s: s)
    assert [(i, j, m.method if m else None) for i, j, m in got] == [(0, 0, "exact"), (1, 1, "exact"), (2, None, None)]


@pytest.mark.parametrize("left, right, relation", [
    ("500000", "500153", "contains"),   # 重庆市 holds 荣昌区
    ("100000", "500151", "contains"),   # 中国 holds 铜梁区
    ("370000", "370102", "contains"),   # 山东省 holds 济南市历下区
    ("370100", "370102", "contains"),   # 济南市 holds 历下区
    ("370102", "370100", "within"),
    ("500151", "500151", "same"),
    ("500151", "370102", "apart"),      # 铜梁区 and 历下区
    ("370100", "370200", "apart"),      # 济南市 and 青岛市
    (None, "500151", None),
])
def test_place_relation_from_the_division_codes(left, right, relation):
    from plan_parser.diff import place_relation

    assert place_relation(left, right) == relation


def test_a_city_against_its_district_says_the_city_holds_it():
    root = Path(__file__).resolve().parents[1] / "samples"
    city = load_plan(root / "constructed_city_chongqing_hrss_14th.txt")
    district = load_plan(root / "constructed_district_rongchang_hrss_14th.txt")
    data = diff_plans(city, district).to_dict()
    assert (data["left"]["adcode"], data["right"]["adcode"], data["right"]["parent_adcode"]) == (
        "500000", "500153", "500000")
    assert data["place_relation"] == "contains"
    assert diff_plans(district, city).place_relation == "within"


# -- a cold command: English labels and jieba only when the output needs them (issue 13) -----------

VIEW_PROBE = """
import os, sys
from plan_parser.cli import main
codes = [main([{command!r}, *{files!r}, "-f", fmt, *{extra!r}, "-o", os.devnull]) for fmt in {formats!r}]
print(codes, "jieba" in sys.modules)
"""


def _probe(command: str, files: list[Path], formats: list[str], extra: tuple = ()) -> str:
    probe = VIEW_PROBE.format(command=command, files=[str(f) for f in files], formats=formats, extra=list(extra))
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_a_chinese_view_loads_neither_english_labels_nor_jieba():
    """The city/district pair has no fuzzy candidates, so only English labels could load jieba: the
    Chinese table/markdown/csv/html views of diff and check never do; JSON (both languages) and
    --lang en views do, for the glossary's composer."""
    assert _probe("diff", [CITY, DISTRICT], ["table", "markdown", "csv", "html"]) == "[1, 1, 1, 1] False"
    assert _probe("check", [CITY], ["table", "html"], ("--exit-zero",)) == "[0, 0] False"
    assert _probe("compare", [CITY, DISTRICT], ["table", "csv"]) == "[0, 0] False"
    assert _probe("diff", [CITY, DISTRICT], ["json"]) == "[1] True"
    assert _probe("diff", [CITY, DISTRICT], ["table"], ("--lang", "en")) == "[1] True"


def test_json_report_is_the_library_diff_with_both_languages(capsys):
    """The command's JSON is the library's (load_plan's default English labels), both languages side by side."""
    from plan_parser.report import render_diff

    assert main(["diff", str(CITY), str(DISTRICT), "-f", "json"]) == 1
    cli = json.loads(capsys.readouterr().out)
    lib = json.loads(render_diff(diff_plans(load_plan(CITY), load_plan(DISTRICT)), "json"))
    for data in (cli, lib):
        data["provenance"].pop("generated_at")
    assert cli == lib
    assert (cli["left"]["region"], cli["left"]["region_en"]) == ("重庆市", "Chongqing Municipality")
    assert (cli["right"]["region"], cli["right"]["region_en"]) == ("荣昌区", "Rongchang District")
    first = cli["indicators"][0]["right"]
    assert (first["name"], first["unit"], first["unit_en"]) == ("城镇新增就业人数", "万人", "10,000 persons")
    assert all(p["left"]["name_en"] for p in cli["indicators"] if p["left"])


def test_chinese_views_are_the_same_with_or_without_english_labels():
    from plan_parser.report import render_diff

    with_en = diff_plans(load_plan(CITY), load_plan(DISTRICT))
    without = diff_plans(load_plan(CITY, english=False), load_plan(DISTRICT, english=False))
    without.provenance = with_en.provenance  # the time of the run
    for fmt in ("table", "markdown", "csv", "html"):
        assert render_diff(without, fmt, lang="zh") == render_diff(with_en, fmt, lang="zh"), fmt


def test_load_plan_fills_english_by_default_and_add_english_later():
    from plan_parser.api import add_english

    default = load_plan(SAMPLE)
    assert (default.meta.region, default.meta.region_en) == ("铜梁区", "Tongliang District")
    bare = load_plan(SAMPLE, english=False)
    assert (bare.meta.region, bare.meta.region_en) == ("铜梁区", None)

    def english_values(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k.endswith("_en"):
                    yield v
                yield from english_values(v)
        elif isinstance(node, list):
            for v in node:
                yield from english_values(v)

    assert set(english_values(bare.to_dict())) == {None}
    assert not [w for w in bare.warnings if w.code == "untranslated"]
    assert add_english(bare).to_json() == default.to_json()


def test_a_resolved_glossary_is_not_merged_again(tmp_path):
    from plan_parser.api import resolve_glossary
    from plan_parser.glossary import Glossary

    user = tmp_path / "mine.csv"
    user.write_text("zh,en\n城镇新增就业人数,urban jobs created\n", "utf-8")
    resolved = resolve_glossary(user)
    assert resolved is not Glossary.builtin()
    assert resolve_glossary(resolved) is resolved
    assert resolve_glossary(None) is Glossary.builtin() and resolve_glossary(Glossary.builtin()) is Glossary.builtin()
    assert load_plan(CITY, glossary=resolved).indicators[0].name_en == "urban jobs created"


def test_a_bad_glossary_is_an_error_in_a_chinese_view_too(tmp_path, capsys):
    """A Chinese view loads no English labels, but --glossary still names a file that must be read."""
    bad = tmp_path / "bad.toml"
    bad.write_text("[terms\n", "utf-8")
    assert main(["diff", str(CITY), str(DISTRICT), "--glossary", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.toml" in err and "cannot read glossary" in err
