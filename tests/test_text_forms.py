"""Plain text in its real-world forms, and the other heading systems plans use.

The encodings and line-end variants are made here from the reference plan; the
heading-system samples under tests/data/ are constructed (each says so).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from plan_parser import PlanParseError, load_plan
from reference_checks import check_reference_plan

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "tongliang_hrss_14th.txt"
DATA = Path(__file__).parent / "data"


def _indent_ideographic(text: str) -> str:
    """Indent every prose line with two ideographic spaces, as Word-to-text exports do."""
    return "\n".join(line if line.startswith("\t") or not line.strip() else "\u3000\u3000" + line
                     for line in text.split("\n"))


TEXT_FORMS = {
    "utf-8 LF": lambda t: t.encode("utf-8"),
    "utf-8 BOM": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "utf-8 CRLF": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "gb18030": lambda t: t.encode("gb18030"),
    "gbk CRLF": lambda t: t.replace("\n", "\r\n").encode("gbk"),
    "ideographic indent": lambda t: _indent_ideographic(t).encode("utf-8"),
}


@pytest.mark.parametrize("form", TEXT_FORMS)
def test_reference_plan_in_every_text_form(form, tmp_path):
    data = TEXT_FORMS[form](SAMPLE.read_text(encoding="utf-8"))
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    plan = load_plan(path)
    check_reference_plan(plan)
    assert plan.source.encoding == {"utf-8 BOM": "utf-8-sig", "gb18030": "gb18030",
                                    "gbk CRLF": "gb18030"}.get(form, "utf-8")


def test_bytes_and_file_objects_are_inputs_too():
    data = SAMPLE.read_bytes()
    check_reference_plan(load_plan(data))
    with SAMPLE.open("rb") as fh:
        check_reference_plan(load_plan(fh))


def test_parts_toc_and_heading_spacing():
    plan = load_plan(DATA / "parts_and_toc.txt")
    assert [(p.number, p.title) for p in plan.parts] == [(1, "总体要求"), (2, "主要任务")]
    assert [(c.number, c.title, c.part) for c in plan.chapters] == [
        (1, "发展环境", 1), (2, "指导思想", 1), (3, "促进就业", 2)]
    assert [[(s.number, s.title) for s in c.sections] for c in plan.chapters] == [
        [(1, "发展基础")], [], [(1, "实施就业优先战略"), (2, "技能培训")]]
    # the 目录 entries stay front matter: no chapter or part is created twice
    toc = [b.text for b in plan.preamble]
    assert toc[-6:] == ["目  录", "第一篇  总体要求", "第一章 发展环境", "第二章  指导思想", "第二篇 主要任务",
                        "第三章 促进就业"]
    assert plan.meta.region == "某某省" and plan.meta.level == "省"
    assert [(t.chapter, t.section, t.title) for t in plan.tasks] == [
        (3, 1, "稳定和扩大就业"), (3, 2, "大规模开展职业技能培训")]
    assert [(p.seq, p.title) for p in plan.projects] == [(1, "高校毕业生就业促进计划"), (2, "农民工返乡创业工程")]
    games = plan.projects[0].quantities[0]
    assert (games.kind, games.lower, games.upper, games.unit) == ("range", 5.0, 10.0, "场次")
    assert plan.warnings == []


def test_official_heading_sequence_with_run_in_headings():
    plan = load_plan(DATA / "official_sequence.txt")
    assert plan.meta.title == "重庆市某某区就业促进“十四五”规划（2021—2025年）"
    assert (plan.meta.region, plan.meta.level) == ("某某区", "区")
    assert [(c.number, c.title) for c in plan.chapters] == [(1, "发展基础"), (2, "主要目标"), (3, "保障措施")]
    assert [[(s.number, s.title) for s in c.sections] for c in plan.chapters] == [
        [(1, "发展成就"), (2, "面临形势")], [(1, "总体目标")], [(1, "加强组织领导")]]
    first = plan.chapters[0].sections[0]
    assert [b.text for b in first.paragraphs] == ["“十三五”期间，全区城镇新增就业5万人。"]
    assert first.paragraphs[0].loc == first.loc  # the run-in paragraph shares the heading's line
    assert [t.title for t in plan.tasks] == ["就业规模持续扩大"]
    ind = plan.indicators
    assert [(i.seq, i.name, i.unit, i.category) for i in ind] == [
        (1, "城镇新增就业人数", "万人", "就业创业"), (2, "城镇调查失业率", "%", "就业创业")]
    assert ind[0].target.cumulative and ind[0].target.base_value == 40000.0
    assert (ind[1].target.comparator, ind[1].target.upper) == ("<", 5.5)
    assert plan.column(1).notes == ["注:[ ]内为五年累计值。"]


@pytest.mark.parametrize("content, code", [
    (b"", "empty"),
    (b"   \n\n\t\n", "empty"),
    (b"\x00\x01\x02binary\x00junk" * 20, "binary"),
    ("今天天气很好，我们去公园散步。\n晚上回家吃饭。\n".encode("utf-8"), "not_a_plan"),
    (b"\xff\xfe\xfa\xfb" * 30, "encoding"),
    (b"%PDF-1.7\n...", "corrupt"),  # PDFs are read now: a truncated one is a damaged PDF
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "unsupported_format"),
])
def test_not_a_plan_raises_one_documented_error(content, code, tmp_path):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(PlanParseError) as info:
        load_plan(path)
    assert info.value.code == code
    assert info.value.path == str(path)
    assert str(info.value).startswith(f"{path}: ")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(PlanParseError) as info:
        load_plan(tmp_path / "nope.txt")
    assert info.value.code == "unreadable"
    with pytest.raises(PlanParseError) as info:
        load_plan(tmp_path)
    assert info.value.code == "unreadable"


BOX_ITEMS = """第一章 总体要求
专栏1 便民服务重点工程
1.社区服务提升。每个社区打造
15 分钟便民生活圈。
2.养老服务。新建养老机构
24 小时服务热线。
专栏2 软件攻关
{items}
第二章 保障措施
"""


def test_a_two_digit_number_opens_an_item_only_in_a_run_of_box_items():
    """``15 分钟便民生活圈`` wrapped onto its own line stays in its item (it was read as item 15,
    its number lost); ``10 …`` to ``12 …`` continue a run of ``01 …`` items."""
    items = "\n".join(f"{n:02d} 软件{n}" if n < 10 else f"{n} 软件{n}" for n in range(1, 13))
    plan = load_plan(BOX_ITEMS.format(items=items).encode("utf-8"))
    first, second = [p for p in plan.projects if p.column == 1]
    assert (first.seq, first.text) == (1, "社区服务提升。每个社区打造\n15 分钟便民生活圈。")
    assert (second.seq, second.text) == (2, "养老服务。新建养老机构\n24 小时服务热线。")
    box2 = [p for p in plan.projects if p.column == 2]
    assert [p.seq for p in box2] == list(range(1, 13))
    assert box2[9].title == "软件10" and box2[11].title == "软件12"


def test_a_markdown_rule_line_in_a_text_file_is_no_indicator():
    """A pipe table read as plain text: the |---|---| rule under the header draws the table; it
    was read as an indicator named '---'."""
    text = ("第一章 总则\n专栏1 主要指标\n| 指标 | 2020年基数 | 2025年目标 | 指标属性 |\n|---|---|---|---|\n"
            "| 1.城镇新增就业人数（万人） | [5] | [6] | 预期性 |\n| 2.城镇调查失业率（%） | 5.5 | <5.5 | 预期性 |\n")
    plan = load_plan(text.encode("utf-8"), format="txt")
    assert [(i.seq, i.name, i.target.raw) for i in plan.indicators] == [(1, "城镇新增就业人数", "[6]"),
                                                                        (2, "城镇调查失业率", "<5.5")]
    assert plan.warnings == []
