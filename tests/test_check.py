"""check_plan and `plan-parser check` on the reference plan: its review table against its
main table, and its prose (主要目标, 发展基础) against its tables.

Every expected finding below was read off samples/tongliang_hrss_14th.txt by hand.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from plan_parser import load_plan
from plan_parser.check import check_plan, prose_subject
from plan_parser.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "tongliang_hrss_14th.txt"
DISTRICT = ROOT / "tests" / "data" / "diff" / "district_constructed.txt"


@pytest.fixture(scope="module")
def result():
    return check_plan(load_plan(SAMPLE))


def side(fig):
    if fig is None:
        return None
    if fig.kind == "cell":
        return (fig.column, fig.seq, fig.name, fig.quantity.raw)
    return (fig.loc["line"], fig.name, fig.quantity.raw)


def rows(result, check, statuses=("agree", "disagree")):
    return [(f.status, side(f.left), side(f.right), f.match.method if f.match else None, f.note)
            for f in result.findings if f.check == check and f.status in statuses]


CUMULATIVE = "a multi-year total on one side only"


def test_review_actuals_against_main_baselines(result):
    assert rows(result, "baseline") == [
        # disagreements come first.  The same indicator: 96 achieved in 2020 by the review table,
        # 95 as the 2020 base of the main table
        ("disagree", (1, 15, "劳动人事争议仲裁结案率", "96"), (2, 16, "劳动人事争议仲裁结案率", "95"), "exact", None),
        ("agree", (1, 1, "城镇新增就业人数", "8.49*"), (2, 1, "城镇新增就业人数", "[8.49]"), "exact", CUMULATIVE),
        ("agree", (1, 8, "工伤保险", "11.6"), (2, 8, "工伤保险参保人数", "11.6"), "fuzzy", None),
        ("agree", (1, 9, "失业保险", "8.2"), (2, 7, "失业保险参保人数", "8.2"), "fuzzy", None),
        ("agree", (1, 10, "社会保障卡持卡人数", "89"), (2, 18, "社会保障卡持卡人数", "89"), "exact", None),
    ]


def test_baseline_one_sided(result):
    only_left = [f.left.seq for f in result.findings if f.check == "baseline" and f.status == "only_left"]
    only_right = [f.right.seq for f in result.findings if f.check == "baseline" and f.status == "only_right"]
    # 专业技能人才总量 (skilled) and 专业技术人才总量 (professional) are different indicators: a
    # swapped word (技能 → 技术) is discounted below the threshold, so they stay unpaired
    assert sorted(only_left) == [2, 3, 4, 5, 6, 7, 11, 12, 13, 14]
    assert sorted(only_right) == [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 17, 19]
    assert all(f.left.field == "actual" and f.left.quantity.year == 2020
               for f in result.findings if f.check == "baseline" and f.left)
    assert all(f.right.field == "baseline" and f.right.quantity.year == 2020
               for f in result.findings if f.check == "baseline" and f.right)


def test_fuzzy_scores_are_reported(result):
    scores = {f.left.name: f.match.score for f in result.findings
              if f.check == "baseline" and f.match and f.match.method == "fuzzy"}
    assert scores == {"工伤保险": 0.8333, "失业保险": 0.8333}


def test_prose_targets_against_main_table(result):
    assert rows(result, "target") == [
        ("agree", (154, "城镇新增就业", "5万人"), (2, 1, "城镇新增就业人数", "[5]"), "fuzzy", CUMULATIVE),
        ("agree", (154, "城镇调查失业率", "5.5%以内"), (2, 2, "城镇调查失业率", "<5.5"), "exact",
         "comparator <= vs <"),
        ("agree", (154, "城镇登记失业率", "5%以内"), (2, 3, "城镇登记失业率", "<5"), "exact", "comparator <= vs <"),
        ("agree", (155, "基本养老保险参保率", "超过95%"), (2, 6, "基本养老保险参保率", ">95"), "exact", None),
        ("agree", (155, "失业保险参保人数", "9.2万人"), (2, 7, "失业保险参保人数", "9.2"), "exact", None),
        ("agree", (155, "工伤保险参保人数", "11.7万人"), (2, 8, "工伤保险参保人数", "11.7"), "exact", None),
        ("agree", (157, "专业技术人才总量", "4.2万人"), (2, 9, "专业技术人才总量", "4.2"), "exact", None),
        ("agree", (159, "劳动人事争议调解成功率", "超过60%"), (2, 15, "劳动人事争议调解成功率", ">60"), "exact", None),
        ("agree", (159, "劳动人事争议仲裁结案率", "超过90%"), (2, 16, "劳动人事争议仲裁结案率", ">90"), "exact", None),
        ("agree", (161, "社会保障卡持卡人数", "90万人"), (2, 18, "社会保障卡持卡人数", "90"), "exact", None),
        ("agree", (161, "申领电子社保卡人口覆盖率", "70%"), (2, 19, "申领电子社保卡人口覆盖率", "70"), "exact", None),
    ]


def test_prose_targets_one_sided(result):
    assert rows(result, "target", ("only_left",)) == [
        ("only_left", (157, "技能人才总量", "超过10.3万人"), None, None, None)]  # no such row in 专栏2
    not_in_prose = [f.right.seq for f in result.findings if f.check == "target" and f.status == "only_right"]
    assert not_in_prose == [4, 5, 10, 11, 12, 13, 14, 17]


def test_foundation_prose_against_review_actuals(result):
    assert rows(result, "foundation") == [
        ("agree", (21, "城镇新增就业", "8.49万人"), (1, 1, "城镇新增就业人数", "8.49*"), "fuzzy", None),
        ("agree", (23, "城乡居民基本养老保险参保人数", "38.4万人"), (1, 7, "城乡居民养老保险", "38.4"), "fuzzy", None),
        ("agree", (23, "工伤保险参保人数", "11.6万人"), (1, 8, "工伤保险", "11.6"), "fuzzy", None),
        ("agree", (23, "失业保险参保人数", "8.2万人"), (1, 9, "失业保险", "8.2"), "fuzzy", None),
        ("agree", (23, "社会保障卡持卡人数", "89万人"), (1, 10, "社会保障卡持卡人数", "89"), "exact", None),
        ("agree", (25, "专业技能人才总量", "6.5万人"), (1, 11, "专业技能人才总量", "6.5"), "exact", None),
        ("agree", (25, "高技能人才总量", "1.44万人"), (1, 13, "高技能人才总量", "1.44"), "exact", None),
        ("agree", (27, "企业劳动合同签订率", "95%"), (1, 14, "企业劳动合同签订率", "95"), "exact", None),
        ("agree", (27, "劳动人事争议仲裁结案率", "96%"), (1, 15, "劳动人事争议仲裁结案率", "96"), "exact", None),
    ]


def test_foundation_one_sided(result):
    prose_only = [(f.left.loc["line"], f.left.quantity.raw) for f in result.findings
                  if f.check == "foundation" and f.status == "only_left"]
    assert prose_only == [(21, "95%以上"), (21, "3867万元"), (21, "4.34亿元"), (21, "3000余名"), (21, "2.39万人"),
                          (21, "6.4万余名"), (21, "64个"), (21, "16个"), (21, "3000余人"),
                          # the same figure as 专栏1 row 6 (15.3), but its name scores 0.64: a missed pair
                          (23, "15.3万人"),
                          (25, "1453人"), (25, "80名"), (25, "315名"), (27, "34家"), (31, "643名"), (31, "700余人"),
                          (31, "三个"), (31, "100%")]
    table_only = [f.right.seq for f in result.findings if f.check == "foundation" and f.status == "only_right"]
    assert table_only == [2, 3, 4, 5, 6, 12]


def test_summary_and_verdict(result):
    assert result.summary == {"disagree": 1, "agree": 24, "only_left": 29, "only_right": 28}
    assert not result.consistent and result.outcome == "inconsistent" and result.checked == 25
    assert result.notes == []
    assert result.findings[0].status == "disagree"  # the one disagreement leads, not row 27 of 82
    rest = result.findings[1:]
    assert [f.check for f in rest] == sorted((f.check for f in rest), key=["baseline", "target", "foundation"].index)


def test_prose_subject():
    assert prose_subject("实现全区城镇新增就业5万人", "5万人") == "城镇新增就业"
    assert prose_subject("城镇调查失业率控制在5.5%以内", "5.5%以内") == "城镇调查失业率"
    assert prose_subject("“十四五”期末，全区基本养老保险参保率超过95%", "超过95%") == "基本养老保险参保率"
    assert prose_subject("我区专业技能人才总量达6.5万人", "6.5万人") == "专业技能人才总量"
    assert prose_subject("城镇新增就业人数累计达到4万人", "4万人") == "城镇新增就业人数"


def test_plan_without_review_table():
    r = check_plan(load_plan(DISTRICT))
    assert r.consistent
    assert [(f.check, f.status, side(f.left), side(f.right)) for f in r.findings if f.status == "agree"] == [
        ("target", "agree", (11, "城镇调查失业率", "5.5%以内"), (1, 2, "城镇调查失业率", "<5.5"))]
    assert r.notes == ["no review table (no indicator table with actual values): baseline and foundation "
                       "checks skipped"]


def test_goals_section_found_by_its_word():
    """tests/data/official_sequence.txt heads its goals 二、主要目标 / （一）总体目标: the section titled
    总体目标 (a word of matching.toml's target list) holds the target task."""
    r = check_plan(load_plan(ROOT / "tests" / "data" / "official_sequence.txt"))
    got = [(f.check, f.status, side(f.left), f.left and (f.left.chapter, f.left.section), side(f.right), f.note)
           for f in r.findings]
    assert got == [
        ("target", "agree", (10, "城镇新增就业人数", "4万人"), (2, 1), (1, 1, "城镇新增就业人数", "[4]"), None),
        ("target", "only_right", None, None, (1, 2, "城镇调查失业率", "<5.5"), None)]


HEAD = "某某区就业“十四五”规划（2021—2025年）\n\n"
TABLE = ("专栏1  主要指标\n\n\t指标\n\t2020年基数\n\t2025年目标\n\t指标属性\n\n"
         "\t1.城镇新增就业人数（万人）\n\t[5]\n\t[4]\n\t预期性\n\n"
         "\t2.城镇调查失业率（%）\n\t5.5\n\t<5.5\n\t预期性\n\n")


@pytest.mark.parametrize("title", ["发展目标", "预期目标", "主要指标和目标"])
def test_target_sections_by_other_titles(title, tmp_path):
    text = (HEAD + f"第一章  总体要求\n\n第一节  {title}\n\n到2025年，城镇新增就业人数累计达到4万人，"
            "城镇调查失业率控制在6%以内。\n\n" + TABLE)
    path = tmp_path / "plan.txt"
    path.write_text(text, "utf-8")
    r = check_plan(load_plan(path))
    assert [(f.check, f.status, f.left.name, f.left.quantity.raw) for f in r.findings if f.left] == [
        ("target", "disagree", "城镇调查失业率", "6%以内"), ("target", "agree", "城镇新增就业人数", "4万人")]


def test_target_section_found_by_what_it_says(tmp_path):
    """No title names the goals: the section whose paragraph opens with 到2025年 (the plan's end year) is read."""
    text = (HEAD + "第一章  总体要求\n\n第一节  指导思想\n\n坚持就业优先，2000人参加了座谈。\n\n"
            "第二节  奋斗方向\n\n到2025年，城镇新增就业人数累计达到4万人。\n\n" + TABLE)
    path = tmp_path / "plan.txt"
    path.write_text(text, "utf-8")
    r = check_plan(load_plan(path))
    assert [(f.status, f.left.section, f.left.quantity.raw) for f in r.findings if f.left] == [("agree", 2, "4万人")]


def test_nothing_checked_is_its_own_outcome(tmp_path, capsys):
    """Every check skipped (no review table, no target prose): not "consistent" — exit 2 with a line
    saying so; --exit-zero gives 0 with the same line."""
    path = tmp_path / "tables_only.txt"
    path.write_text(HEAD + "第一章  总体要求\n\n第一节  指导思想\n\n坚持就业优先。\n\n" + TABLE, "utf-8")
    r = check_plan(load_plan(path))
    assert (r.outcome, r.consistent, r.checked, r.findings) == ("nothing_checked", False, 0, [])
    code, out, err = run(capsys, "check", path)
    assert code == 2 and "未做任何比对" in out
    assert err.strip() == (f"plan-parser: {path}: nothing was checked (no review table (no indicator table with "
                           "actual values): baseline and foundation checks skipped; no figures in a target section: "
                           "target check skipped)")
    code, out, err = run(capsys, "check", path, "--exit-zero", "--lang", "en")
    assert code == 0 and "nothing was checked" in out and "nothing was checked" in err


# -- the command ------------------------------------------------------------------------


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_exit_codes(capsys, tmp_path):
    assert run(capsys, "check", SAMPLE)[0] == 1
    assert run(capsys, "check", DISTRICT)[0] == 0
    code, out, err = run(capsys, "check", DISTRICT, "-o", tmp_path / "r.html", "--format", "html")
    assert (code, out, err) == (0, "", f"plan-parser: wrote {tmp_path / 'r.html'}\n")
    code, out, err = run(capsys, "check", tmp_path / "nope.docx")
    assert code == 2 and out == "" and "nope.docx" in err and len(err.strip().splitlines()) == 1


def test_cli_json_and_only_changed(capsys, result):
    code, out, _err = run(capsys, "check", SAMPLE, "--format", "json")
    data, api = json.loads(out), json.loads(result.to_json())
    assert data.pop("provenance")["generated_at"] >= api.pop("provenance")["generated_at"]
    assert code == 1 and data == api
    assert data["summary"] == result.summary and data["consistent"] is False
    first = data["findings"][0]  # the disagreement: 专栏1 row 15 (line 118) against 专栏2 row 16
    assert first["status"] == "disagree" and first["left"]["loc"]["line"] == 118
    assert data["outcome"] == "inconsistent" and data["plan"]["sha256"]
    code, out, _err = run(capsys, "check", SAMPLE, "--format", "json", "--only", "changed")
    assert [f["status"] for f in json.loads(out)["findings"]].count("agree") == 0


def test_cli_csv_and_table(capsys, result):
    code, out, _err = run(capsys, "check", SAMPLE, "--format", "csv", "--lang", "en")
    head = [line for line in out.splitlines() if line.startswith("# ")]
    assert head[0] == "# disagreements found" and head[1].startswith("# generated by: plan-parser")
    assert head[3].startswith(f"# {SAMPLE} · sha256 ") and head[3].endswith(" · issued 2022-07-04")
    found = list(csv.DictReader(io.StringIO(out.split("\n", len(head))[-1])))
    assert code == 1 and len(found) == len(result.findings)
    row9 = next(r for r in found if r["left_location"] == "column 1#9 actual, line 84")
    assert (row9["check"], row9["status"], row9["left_value"], row9["right_value"]) == (
        "baseline", "agree", "82,000 persons", "82,000 persons")  # 8.2 万人 on both sides, in English
    assert row9["right_location"] == "column 2#7 baseline, line 208"
    code, out, _err = run(capsys, "check", SAMPLE)
    assert "发现不一致: 不一致 1, 一致 24, 仅左 29, 仅右 28" in out
    assert "失业保险 = 8.2 (专栏1#9 实际, 行 84)" in out


UNTITLED_TWO = ROOT / "tests" / "data" / "diff" / "untitled_tables.md"


def test_untitled_review_and_main_tables():
    """Both tables are 专栏 number 0: the review table is told from the main one per table, not per number."""
    r = check_plan(load_plan(UNTITLED_TWO))
    assert [(f.check, f.status, side(f.left), side(f.right), f.note) for f in r.findings] == [
        ("baseline", "agree", (0, 1, "城镇新增就业人数", "[4.5]"), (0, 1, "城镇新增就业人数", "[4.5]"), None),
        ("baseline", "agree", (0, 2, "失业保险参保人数", "8.2"), (0, 2, "失业保险参保人数", "8.2"), None),
        ("baseline", "only_right", None, (0, 3, "城镇调查失业率", "5.5"), None)]
    assert "no main indicator table: baseline and target checks skipped" not in r.notes


def test_one_reading_of_the_tables():
    """check and diff read review and main tables with the same function."""
    import plan_parser.check
    import plan_parser.diff

    assert plan_parser.check.table_refs is plan_parser.diff.table_refs
    plan = load_plan(SAMPLE)
    review, main = plan_parser.check._tables(plan)
    refs = plan_parser.diff.table_refs(plan)
    assert [(t.column, t.role) for t in refs] == [(1, "review"), (2, "main")]
    assert review == [plan.indicators[k] for k in refs[0].indicators]
    assert main == [plan.indicators[k] for k in refs[1].indicators]


def test_disagreements_in_their_own_terminal_colour(result):
    from plan_parser.report import render_check

    lines = render_check(result, "table", color=True).split("\n")
    red = [line for line in lines if line.startswith("\x1b[1;31m")]
    assert len(red) == 1 and "劳动人事争议仲裁结案率" in red[0] and red[0].endswith("\x1b[0m")
    assert "\x1b" not in render_check(result, "table")  # into a pipe or a file: no escape codes


def test_the_chinese_check_view_says_what_each_check_compares_in_chinese(capsys):
    code, out, _err = run(capsys, "check", SAMPLE, "--exit-zero")
    assert code == 0
    assert "目标: 左 = 目标章节文字中的数字, 右 = 主要指标表的目标" in out
    assert "target-section prose" not in out and "review table actual" not in out
