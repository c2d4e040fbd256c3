"""Oddities parsed, not fatal: each gives a warning with its location.

Every input here is CONSTRUCTED in the test (small plans in the sample's flattened-text
format: a cell is a TAB-led line, rows are separated by one blank line, a table ends at two).
"""
from __future__ import annotations

from constructed import oddity_warnings, parse_constructed
from plan_parser import load_plan

HEAD = "某某区就业“十四五”规划（2021—2025年）\n\n第一章  总体要求\n\n第一节  主要目标\n\n"


def parse(body: str, tmp_path):
    return parse_constructed(HEAD, body, tmp_path / "odd.txt")


codes = oddity_warnings


TABLE_HEAD = "专栏1  主要指标\n\n\t指标\n\t2020年基数\n\t2025年目标\n\t指标属性\n\n"


def test_row_with_too_many_and_too_few_cells(tmp_path):
    plan = parse(TABLE_HEAD + "\t1.城镇新增就业人数（万人）\n\t[8.49]\n\t[5]\n\t预期性\n\t多余\n\n"
                 "\t2.城镇调查失业率（%）\n\t5.5\n\n\n", tmp_path)
    assert [(i.seq, i.name, i.baseline.raw, i.target and i.target.raw, i.attribute) for i in plan.indicators] == [
        (1, "城镇新增就业人数", "[8.49]", "[5]", "预期性"), (2, "城镇调查失业率", "5.5", None, None)]
    assert codes(plan) == [("row_shape", {"line": 14, "end_line": 18}), ("row_shape", {"line": 20, "end_line": 21})]
    assert plan.warnings[0].message == ("row has 5 cells where the header has 4; read by position; "
                                        "cells not read: 多余")


def test_column_with_no_items(tmp_path):
    plan = parse("专栏1  重点项目\n\n第二节  保障措施\n\n正文。\n", tmp_path)
    assert [(c.number, c.kind) for c in plan.columns] == [(1, "other")]
    assert codes(plan) == [("empty_column", {"line": 7})]


def test_heading_numbers_that_skip(tmp_path):
    plan = parse("正文。\n\n第三节  跳过的节\n\n正文。\n\n第三章  跳过的章\n\n第一节  新章的节\n", tmp_path)
    assert [c.number for c in plan.chapters] == [1, 3]
    assert [[s.number for s in c.sections] for c in plan.chapters] == [[1, 3], [1]]
    assert codes(plan) == [("heading_skip", {"line": 9}), ("heading_skip", {"line": 13})]
    assert [w.message for w in plan.warnings if w.code == "heading_skip"] == [
        "第3节 跳过的节 follows 第1节", "第3章 跳过的章 follows 第1章"]


def test_indicator_with_no_unit(tmp_path):
    plan = parse(TABLE_HEAD + "\t1.城镇新增就业人数\n\t8.49\n\t5\n\t预期性\n\n"
                 "\t2.城镇调查失业率\n\t5.5\n\t<5.5\n\t预期性\n\n\n", tmp_path)
    first = plan.indicators[0]
    assert (first.unit, first.target.value, first.target.base_value, first.target.unit) == (None, 5.0, 5.0, None)
    # a rate (…率) needs no unit; a count does
    assert codes(plan) == [("missing_unit", {"line": 14, "end_line": 17})]


def test_two_columns_with_the_same_number(tmp_path):
    plan = parse("专栏1  重点项目\n\n\t1.项目甲。建设1个基地。\n\n\n专栏1  重点项目（续）\n\n\t1.项目乙。\n\n\n", tmp_path)
    assert [(c.number, c.title) for c in plan.columns] == [(1, "重点项目"), (1, "重点项目（续）")]
    assert [(p.column, p.seq, p.title) for p in plan.projects] == [(1, 1, "项目甲"), (1, 1, "项目乙")]
    assert codes(plan) == [("duplicate_column", {"line": 12})]


def test_group_headings_inside_a_project_column(tmp_path):
    plan = parse("专栏1  重点项目\n\n\t（一）就业工程\n\n1.项目甲。建设1个基地。\n\n2.项目乙。\n\n"
                 "（二）社保工程\n\n3.项目丙。\n\n\n第二节  保障\n", tmp_path)
    assert [(p.seq, p.title, p.group, p.text) for p in plan.projects] == [
        (1, "项目甲", "就业工程", "项目甲。建设1个基地。"), (2, "项目乙", "就业工程", "项目乙。"),
        (3, "项目丙", "社保工程", "项目丙。")]
    assert [b.text for b in plan.columns[0].paragraphs] == ["（一）就业工程", "（二）社保工程"]


def test_heading_title_on_the_next_line_and_parts_named_部分(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("某某区就业规划\n\n第一部分  总体要求\n\n第一章\n发展基础\n\n正文。\n\n第二部分 主要任务\n\n"
                    "第二章  促进就业\n\n正文。\n", encoding="utf-8")
    plan = load_plan(path)
    assert [(p.number, p.title) for p in plan.parts] == [(1, "总体要求"), (2, "主要任务")]
    assert [(c.number, c.title, c.part, c.loc) for c in plan.chapters] == [
        (1, "发展基础", 1, {"line": 5, "end_line": 6}), (2, "促进就业", 2, {"line": 12})]
    assert codes(plan) == []


def test_parts_named_部分_over_chapters_numbered_一(tmp_path):
    # a plan that numbers only its parts 第X部分 and its chapters 一、 (again from 一 in each
    # part), its sections （一）: the 一、 lines are its chapters, numbered through the plan as
    # 第X章 are (a chapter number names one chapter: tasks, 专栏, exports), and a restart is no skip
    plan = parse_constructed("某某市抽水蓄能发展规划\n\n", """
        第一部分 发展基础

        一、发展现状

        正文。

        二、面临形势

        （一）机遇。正文。

        第二部分 重点任务

        一、加快项目建设

        ——推进前期工作。正文。

        二、完善电价机制

        ——落实两部制电价。正文。
        """, tmp_path / "plan.txt")
    assert [(p.number, p.title) for p in plan.parts] == [(1, "发展基础"), (2, "重点任务")]
    assert [(c.part, c.number, c.title) for c in plan.chapters] == [
        (1, 1, "发展现状"), (1, 2, "面临形势"), (2, 3, "加快项目建设"), (2, 4, "完善电价机制")]
    assert [[(s.number, s.title) for s in c.sections] for c in plan.chapters] == [[], [(1, "机遇")], [], []]
    assert [(t.chapter, t.seq, t.title) for t in plan.tasks] == [(3, 1, "推进前期工作"), (4, 1, "落实两部制电价")]
    assert codes(plan) == []
    # a part whose 一、 chapters run on (三、) keeps their numbers, again with no skip
    plan = parse_constructed("某某市规划\n\n", "第一部分 总体要求\n\n一、发展目标\n\n二、基本原则\n\n"
                             "第二部分 主要任务\n\n三、加快电源建设\n\n四、完善电网\n", tmp_path / "plan2.txt")
    assert [(c.part, c.number) for c in plan.chapters] == [(1, 1), (1, 2), (2, 3), (2, 4)]
    assert codes(plan) == []
    # a part that runs on after one that started again keeps counting (second review)
    plan = parse_constructed("某某市规划\n\n", "第一部分 总体要求\n\n一、发展目标\n\n二、基本原则\n\n第二部分 主要任务\n\n"
                             "一、加快电源建设\n\n二、完善电网\n\n第三部分 保障\n\n三、加强领导\n", tmp_path / "plan3.txt")
    assert [(c.part, c.number) for c in plan.chapters] == [(1, 1), (1, 2), (2, 3), (2, 4), (3, 5)]
    assert codes(plan) == []


def test_chapters_numbered_第X章_over_sections_numbered_一(tmp_path):
    # 第X章 and no 第X节: the plan's sections are its 一、 lines, run-in ones too; with 第X节
    # (below) 一、 stays running text
    plan = parse_constructed("某某县马铃薯产业发展规划\n\n", """
        第一章 发展基础

        一、发展成就

        正文。

        二、面临形势

        正文。

        第二章 保障措施

        一、加强组织领导。成立领导小组。

        二、加大资金投入。统筹资金。
        """, tmp_path / "plan.txt")
    assert [[(s.number, s.title, [p.text for p in s.paragraphs]) for s in c.sections] for c in plan.chapters] == [
        [(1, "发展成就", ["正文。"]), (2, "面临形势", ["正文。"])],
        [(1, "加强组织领导", ["成立领导小组。"]), (2, "加大资金投入", ["统筹资金。"])]]
    assert codes(plan) == []
    # a cover notice's 附件： line before the plan switches nothing off (second review)
    plan = parse_constructed("青溪市人民政府关于印发青溪市教育发展“十四五”规划的通知\n\n", "附件：青溪市教育发展“十四五”规划\n\n"
                             "青溪市人民政府\n\n青溪市教育发展“十四五”规划\n\n第一章 发展基础\n\n一、发展成就\n\n正文。\n\n"
                             "二、面临形势\n\n正文。\n", tmp_path / "plan4.txt")
    assert [[s.title for s in c.sections] for c in plan.chapters] == [["发展成就", "面临形势"]]
    # an attachment after the last chapter is another document: its 一、 are no sections of 附则
    plan = parse_constructed("某某县办法\n\n", "第一章 总则\n\n正文。\n\n第二章 附则\n\n本办法自印发之日起施行。\n\n"
                             "附件1\n\n一、申请单位信息\n\n二、联系人信息\n", tmp_path / "plan3.txt")
    assert [[s.title for s in c.sections] for c in plan.chapters] == [[], []]
    assert [p.text for p in plan.chapters[1].paragraphs][-2:] == ["一、申请单位信息", "二、联系人信息"]
    plan = parse_constructed("某某县规划\n\n", "第一章 发展基础\n\n第一节 发展成就\n\n一、产业规模扩大\n\n正文。\n",
                             tmp_path / "plan2.txt")
    assert [(s.title, [p.text for p in s.paragraphs]) for s in plan.chapters[0].sections] == [
        ("发展成就", ["一、产业规模扩大", "正文。"])]


def test_table_of_contents_that_opens_with_a_foreword_entry(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("某某区就业规划\n\n目  录\n前  言\n第一章 发展基础\n第二章 主要任务\n\n"
                    "前  言\n\n为促进就业，制定本规划，这是一段较长的前言正文，说明规划的依据和期限。\n\n"
                    "第一章  发展基础\n\n正文。\n\n第二章  主要任务\n\n正文。\n", encoding="utf-8")
    plan = load_plan(path)
    assert [(c.number, c.title) for c in plan.chapters] == [(1, "发展基础"), (2, "主要任务")]
    assert [b.text for b in plan.preamble][-6:] == [
        "目  录", "前  言", "第一章 发展基础", "第二章 主要任务", "前  言",
        "为促进就业，制定本规划，这是一段较长的前言正文，说明规划的依据和期限。"]
    assert codes(plan) == []


def test_a_plan_period_in_brackets_is_not_a_heading():
    from plan_parser.headings import match_official

    assert match_official("（十四五）时期目标") is None
    assert match_official("十四五、对比") is None
    assert match_official("（十二）保障措施")[0].number == 12
