"""The reference plan as plain text: every count, value, title and location."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from plan_parser import load_plan
from reference_checks import (unaccounted_lines, check_columns, check_counts, check_headings, check_indicators,
                              check_meta, check_projects, check_reference_plan, check_tasks)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "tongliang_hrss_14th.txt"


@pytest.fixture(scope="module")
def plan():
    return load_plan(SAMPLE)


def test_counts(plan):
    check_counts(plan)


def test_meta(plan):
    check_meta(plan)
    assert plan.source.format == "txt"
    assert plan.source.encoding == "utf-8"
    assert len(plan.source.sha256) == 64


def test_headings(plan):
    check_headings(plan)


def test_columns(plan):
    check_columns(plan)


def test_every_indicator_value(plan):
    check_indicators(plan)


def test_projects(plan):
    check_projects(plan)


def test_tasks(plan):
    check_tasks(plan)


def test_no_warnings(plan):
    check_reference_plan(plan)


def test_locations(plan):
    assert [c.loc["line"] for c in plan.chapters] == [15, 282, 446]
    assert [s.loc["line"] for s in plan.sections] == [
        17, 132, 136, 148, 284, 320, 347, 381, 391, 416, 437, 448, 452, 456, 460, 464]
    assert [c.loc for c in plan.columns] == [
        {"line": 33, "end_line": 124}, {"line": 167, "end_line": 280},
        {"line": 299, "end_line": 317}, {"line": 338, "end_line": 344},
        {"line": 363, "end_line": 378}, {"line": 401, "end_line": 413},
        {"line": 428, "end_line": 434}]
    # each indicator row starts at its name cell
    assert [i.loc["line"] for i in plan.indicators[:3]] == [42, 47, 52]
    assert plan.indicators[-1].loc == {"line": 274, "end_line": 277}  # the row's four cells
    assert [p.loc for p in plan.projects if p.column == 5][4:6] == [{"line": 373}, {"line": 374}]
    assert plan.tasks[0].loc == {"line": 154}
    # the last goal runs on through "2035年远景目标为：" and its paragraph (contract: up to
    # the next task, heading or 专栏)
    assert plan.tasks[4].loc == {"line": 161, "end_line": 165}
    assert plan.tasks[4].text.split("\n")[1:] == [
        "2035年远景目标为：", plan_line(165)]
    assert plan.tasks[6 + 5].loc == {"line": 324, "end_line": 328}


def test_task_and_project_text(plan):
    first = plan.tasks[5]
    assert first.title == "实施就业优先战略和更加积极的就业政策"
    assert first.text.startswith("实施就业优先战略和更加积极的就业政策。促进经济发展与扩大就业良性互动")
    assert "——" not in first.text
    p = plan.projects[0]
    assert (p.column, p.seq, p.title) == (3, 1, "持续开展“把老乡留在老家”专项行动")
    assert p.text == "持续开展“把老乡留在老家”专项行动。“十四五”期间，培育1个农民工劳务培训基地，回引农民工3万人。"


def plan_line(number: int) -> str:
    return SAMPLE.read_text(encoding="utf-8").splitlines()[number - 1].strip()


def _q(plan, column, seq):
    return next(p for p in plan.projects if (p.column, p.seq) == (column, seq)).quantities


def test_project_quantities(plan):
    qs = _q(plan, 3, 1)
    assert [(q.raw, q.kind, q.value, q.unit, q.base_value, q.base_unit) for q in qs] == [
        ("1个", "number", 1.0, "个", 1.0, "个"), ("3万人", "number", 3.0, "万人", 30000.0, "人")]
    assert "农民工劳务培训基地" in qs[0].context
    guide = _q(plan, 7, 1)[0]
    assert (guide.raw, guide.kind, guide.lower, guide.upper, guide.unit, guide.value) == (
        "1—2名", "range", 1.0, 2.0, "名", None)
    experts = _q(plan, 5, 5)[0]
    assert (experts.raw, experts.kind, experts.lower, experts.upper, experts.unit) == (
        "30—50名", "range", 30.0, 50.0, "名")
    services = _q(plan, 3, 4)
    assert [(q.value, q.unit, q.base_value, q.base_unit) for q in services] == [
        (2.5, "万人次", 25000.0, "人次"), (1.0, "万人次", 10000.0, "人次")]
    mediators = _q(plan, 6, 4)[0]
    assert (mediators.value, mediators.unit, mediators.comparator, mediators.lower) == (70.0, "名", ">=", 70.0)


def test_nothing_is_lost(plan):
    """Every non-empty line of the input is in a heading, paragraph, task, 专栏, meta or warning."""
    text = SAMPLE.read_text(encoding="utf-8")
    assert unaccounted_lines(plan, text) == []
    assert sum(1 for line in text.splitlines() if line.strip()) == 288


def test_the_accounting_check_can_fail(plan):
    """unaccounted_lines notices a value, a paragraph or a heading that went missing."""
    import copy

    text = SAMPLE.read_text(encoding="utf-8")
    damaged = copy.deepcopy(plan)
    damaged.indicators[0].actual = None                     # line 45: 8.49*
    damaged.indicators[16].target.raw = "<5"                # line 183: <5.5 (now only in row 3)
    damaged.chapters[0].sections[0].paragraphs.pop(1)       # line 21
    damaged.projects[0].text = damaged.projects[0].title    # line 301 keeps its title; nothing lost
    damaged.tasks[4].text = damaged.tasks[4].text.split("\n")[0]  # lines 163 and 165
    assert [n for n, _ in unaccounted_lines(damaged, text)] == [21, 45, 163, 165, 183]


def test_the_accounting_check_gives_no_false_alarms():
    """Issue 15's false alarms: a line holding \\x85 or \\u2028 (one line to the reader, two
    to str.splitlines), text with quotes and backslashes (JSON-escaped, it matched nothing),
    a heading whose spaces the builder removed."""
    text = ("某某区“十四五”规划\n"
            "第一章  发 展 环 境\n"
            "全区就业\u2028形势总体稳定，\x85“稳就业”取得成效。\n"
            "路径写作 C:\\plans\\2025 与“引号”。\n")
    plan = load_plan(text.encode("utf-8"), format="txt")
    assert plan.chapters[0].title == "发展环境"
    assert unaccounted_lines(plan, text) == []
    plan.chapters[0].paragraphs.pop()  # and a line that really went missing is still caught
    assert unaccounted_lines(plan, text) == [(4, "路径写作 C:\\plans\\2025 与“引号”。")]


def test_the_accounting_check_reads_a_traditional_plan_as_converted():
    """A plan in traditional script is read converted to simplified; the check converts the
    source the same way, so the reference plan in 繁體 loses nothing either."""
    opencc = pytest.importorskip("opencc")
    text = opencc.OpenCC("s2hk").convert(SAMPLE.read_text(encoding="utf-8"))
    plan = load_plan(text.encode("utf-8"), format="txt")
    assert plan.source.script == "traditional"
    assert unaccounted_lines(plan, text) == []


def test_cli_parse_json_validates_against_shipped_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib.resources import files

    schema = json.loads(files("plan_parser").joinpath("schema/plan.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    out = subprocess.run([sys.executable, "-m", "plan_parser", "parse", str(SAMPLE), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=True)
    data = json.loads(out.stdout)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["schema_version"] == "1"
    assert data["indicators"][0]["actual"]["footnote"] == "*"
    assert "城镇新增就业人数" in out.stdout  # ensure_ascii=False: Chinese kept as is
    # the schema really constrains: a wrong type is rejected
    data["indicators"][0]["seq"] = "1"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)


def test_cli_table_and_markdown():
    table = subprocess.run([sys.executable, "-m", "plan_parser", "parse", str(SAMPLE), "--format", "table"],
                           capture_output=True, text=True, encoding="utf-8", check=True).stdout
    assert "34 indicators" in table and "29 projects" in table and "35 tasks" in table
    assert "城镇调查失业率" in table and "<5.5" in table
    md = subprocess.run([sys.executable, "-m", "plan_parser", "parse", str(SAMPLE), "--format", "markdown"],
                        capture_output=True, text=True, encoding="utf-8", check=True).stdout
    assert md.startswith("# 重庆市铜梁区人力资源和社会保障事业发展“十四五”规划（2021—2025年）")
    assert "## 专栏2 “十四五”时期主要指标" in md
    assert "| 10 |   其中：高级职称人才总量 | 万人 | 0.26 | 0.33 |  | 预期性 |" in md
