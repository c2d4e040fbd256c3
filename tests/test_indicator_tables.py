"""Indicator tables as real plans lay them out: the hard cases, named.

Every input here is CONSTRUCTED in the test (small Markdown or HTML plans).
"""
from __future__ import annotations

import pytest

from constructed import oddity_warnings, parse_constructed
from plan_parser import load_plan
from plan_parser.indicators import read_header

HEAD = "# 第一章 总体要求\n\n## 第一节 主要目标\n\n"


def parse_md(body: str, tmp_path):
    return parse_constructed(HEAD, body, tmp_path / "plan.md")


def codes(plan):
    return [code for code, _ in oddity_warnings(plan)]


def _indicator_box(tmp_path, title: str, *rows: str):
    """A plan of one chapter whose 专栏1 holds the table ``rows`` (cells joined by `` | ``)."""
    path = tmp_path / "plan.txt"
    path.write_text(f"{title}\n\n第一章  发展目标\n\n专栏1  主要指标\n\n" + "".join(r + "\n" for r in rows),
                    encoding="utf-8")
    return load_plan(path)


@pytest.mark.parametrize("cells, roles, years", [
    (["指标", "2020年基数", "2025年目标", "指标属性"],
     {0: "name", 1: "baseline", 2: "target", 3: "attribute"}, {"baseline": 2020, "target": 2025}),
    (["指标", "2015年", "规划目标", "2020年"],
     {0: "name", 1: "baseline", 2: "target", 3: "actual"}, {"baseline": 2015, "target": 2020, "actual": 2020}),
    (["指标", "2020年", "2025年", "属性"],
     {0: "name", 1: "baseline", 2: "target", 3: "attribute"}, {"baseline": 2020, "target": 2025}),
    (["指标", "2020年（基期）", "2025年（目标）", "属性"],
     {0: "name", 1: "baseline", 2: "target", 3: "attribute"}, {"baseline": 2020, "target": 2025}),
    # an explicitly completed column is the actual value, never a positional baseline
    (["指标", "规划目标", "2020年完成"], {0: "name", 1: "target", 2: "actual"}, {"target": 2020, "actual": 2020}),
    (["序号", "类别", "指标", "单位", "2020年实际完成", "2025年目标值", "指标性质"],
     {0: "seq", 1: "category", 2: "name", 3: "unit", 4: "actual", 5: "target", 6: "attribute"},
     {"actual": 2020, "target": 2025}),
])
def test_header_roles(cells, roles, years):
    header = read_header(cells)
    assert header.roles == roles
    assert header.years == years


@pytest.mark.parametrize("cells, growth_at, unit", [
    (["类别", "指标", "2020年", "2025年", "年均/累计", "属性"], 4, None),   # the national outline
    (["指标", "2020年", "2025年", "年均增长（%）", "属性"], 3, "%"),
    (["指标", "2020年基数", "2025年目标", "年均增速"], 3, None),
    (["指标", "2015年", "2020年", "五年累计"], 3, None),
    (["指标", "“十四五”累计", "属性"], 1, None),
    (["指标", "2021-2025年年均", "属性"], 1, None),
])
def test_growth_column(cells, growth_at, unit):
    header = read_header(cells)
    assert header.roles[growth_at] == "growth"
    assert header.units.get("growth") == unit


def test_growth_cells_in_a_table(tmp_path):
    plan = parse_md("专栏1 主要指标\n\n"
                    "| 指标 | 2020年 | 2025年 | 年均增长（%） | 属性 |\n| --- | --- | --- | --- | --- |\n"
                    "| 1.地区生产总值（亿元） | 1200 | — | 6.5左右 | 预期性 |\n"
                    "| 2.单位GDP能耗降低（%） | — | — | 〔14〕 | 约束性 |\n"
                    "| 3.研发投入增长（%） | 2.1 | — | >7、力争更高 | 预期性 |\n"
                    "| 4.人均预期寿命（岁） | 78 | 79 | — | 预期性 |\n", tmp_path)
    g = {i.seq: i.growth for i in plan.indicators}
    # the header's unit wins over the row's (亿元): growth is a rate
    assert (g[1].value, g[1].unit, g[1].comparator, g[1].year) == (6.5, "%", "~", None)
    assert (g[2].value, g[2].cumulative) == (14.0, True)  # brackets in this column are totals
    assert (g[3].comparator, g[3].lower, g[3].raw) == (">", 7.0, ">7、力争更高")
    assert g[4] is None
    assert plan.indicators[0].target is None and plan.indicators[3].target.value == 79.0


def test_header_that_is_not_an_indicator_table():
    assert read_header(["项目名称", "建设内容", "投资（亿元）"]) is None


def test_footnote_after_the_unit_and_parenthesized_numbers(tmp_path):
    plan = parse_md("""
        专栏1 主要指标

        | 指标 | 2020年（基期） | 2025年（目标） | 属性 |
        |---|---|---|---|
        | （1）城镇新增就业人数（万人）* | [8.49] | [5] | 约 束 性 |
        | （2）城镇调查失业率（％） | 5.5 | <5.5 | 预期性 |

        注：[ ]为五年累计数。
        """, tmp_path)
    first, second = plan.indicators
    assert (first.seq, first.name, first.unit, first.footnote) == (1, "城镇新增就业人数", "万人", "*")
    assert (first.target.base_value, first.target.cumulative, first.target.year) == (50000.0, True, 2025)
    assert (first.attribute, first.attribute_code) == ("约 束 性", "binding")
    assert (second.seq, second.name, second.unit, second.target.unit) == (2, "城镇调查失业率", "%", "%")
    assert codes(plan) == []


@pytest.mark.parametrize("note", ["注：[ ]内为五年累计值。", "注：[ ]为五年累计数。", "注：带〔 〕的为五年累计数。",
                                  "注：【】中数据为“十四五”累计值"])
def test_cumulative_notes_in_their_usual_wordings(note, tmp_path):
    plan = parse_md(f"""
        专栏1 主要指标

        | 指标 | 2020年基数 | 2025年目标 |
        |---|---|---|
        | 1.新增就业（万人） | [8] | [5] |

        {note}
        """, tmp_path)
    assert plan.indicators[0].target.cumulative is True


def test_caption_and_unit_lines_above_the_header(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("""<html><body><p>第一章 总体要求</p><p>第一节 主要目标</p>
        <table>
        <tr><td colspan="3">专栏1 就业主要指标</td></tr>
        <tr><td colspan="3">单位：万人</td></tr>
        <tr><td>指标</td><td>2020年</td><td>2025年</td></tr>
        <tr><td>1.城镇新增就业</td><td>8.49</td><td>5</td></tr>
        <tr><td>2.城镇调查失业率（%）</td><td>5.5</td><td>&lt;5.5</td></tr>
        </table></body></html>""", encoding="utf-8")
    plan = load_plan(path)
    assert [(c.number, c.title, c.kind) for c in plan.columns] == [(1, "就业主要指标", "indicators")]
    assert [(i.name, i.unit, i.target.base_value) for i in plan.indicators] == [
        ("城镇新增就业", "万人", 50000.0), ("城镇调查失业率", "%", 5.5)]
    assert [p.text for p in plan.columns[0].paragraphs] == ["单位：万人"]
    assert codes(plan) == []


def test_a_table_with_no_known_header_is_kept_and_warned(tmp_path):
    plan = parse_md("""
        专栏1 重点工程

        | 项目名称 | 建设内容 | 投资（亿元） |
        |---|---|---|
        | 人才大厦 | 新建大楼 | 2.5 |
        """, tmp_path)
    assert [c.kind for c in plan.columns] == ["other"]
    assert [p.text for p in plan.columns[0].paragraphs] == ["项目名称 | 建设内容 | 投资（亿元）",
                                                           "人才大厦 | 新建大楼 | 2.5"]
    assert codes(plan) == ["unrecognized_table"]


def test_seq_column_and_unnumbered_part_rows(tmp_path):
    plan = parse_md("""
        专栏1 主要指标

        | 序号 | 指标 | 2020年 | 2025年 |
        |---|---|---|---|
        | 1 | 城镇新增就业人数（万人） | 8 | 9 |
        | 2 | 专业技术人才总量（万人） | 3.5 | 4.2 |
        |  | 其中：高级职称人才总量（万人） | 0.26 | 0.33 |
        | 3 | 失业保险参保人数（万人） | 8.2 | 9.2 |
        """, tmp_path)
    assert [(i.seq, i.name, i.parent_seq) for i in plan.indicators] == [
        (1, "城镇新增就业人数", None), (2, "专业技术人才总量", None), (4, "高级职称人才总量", 2),
        (3, "失业保险参保人数", None)]
    # plans leave 其中 rows unnumbered; its parent_seq places it, so nothing to warn about
    assert [w.code for w in plan.warnings if w.code != "untranslated"] == []


def test_an_unnumbered_row_that_is_no_part_is_warned_about(tmp_path):
    plan = parse_md("""
        专栏1 主要指标

        | 序号 | 指标 | 2020年 | 2025年 |
        |---|---|---|---|
        |  | 其中：高级职称人才总量（万人） | 0.26 | 0.33 |
        | 1 | 城镇新增就业人数（万人） | 8 | 9 |
        |  | 其他指标（个） | 3 | 5 |
        | 2 | 专业技术人才总量（万人） | 3.5 | 4.2 |
        """, tmp_path)
    assert [(i.seq, i.name, i.parent_seq) for i in plan.indicators] == [
        (3, "高级职称人才总量", None), (1, "城镇新增就业人数", None), (4, "其他指标", None),
        (2, "专业技术人才总量", None)]
    # a 其中 row with no row above it is part of nothing, so it is warned about too
    assert [(w.code, w.location) for w in plan.warnings if w.code != "untranslated"] == [
        ("unnumbered_row", {"line": 9}), ("unnumbered_row", {"line": 11})]


def test_table_without_numbers_is_numbered_in_order(tmp_path):
    plan = parse_md("""
        专栏1 主要指标

        | 指标 | 2020年 | 2025年 |
        |---|---|---|
        | 城镇新增就业人数（万人） | 8 | 9 |
        | 其中：高校毕业生就业人数（万人） | 1 | 2 |
        | 失业保险参保人数（万人） | 8.2 | 9.2 |
        """, tmp_path)
    assert [(i.seq, i.parent_seq) for i in plan.indicators] == [(1, None), (2, 1), (3, None)]
    assert codes(plan) == []


def test_notes_numbered_on_lines_of_their_own(tmp_path):
    """注： then ①②③ each on its own line, as the national outline prints them: all notes of
    the table; ① makes 〔 〕 totals and ② dates the cells flagged * to 2019."""
    plan = parse_md("专栏1 主要指标\n\n"
                    "| 指标 | 2020年 | 2025年 | 属性 |\n| --- | --- | --- | --- |\n"
                    "| 1.常住人口城镇化率（%） | 60.6* | 65 | 预期性 |\n"
                    "| 2.单位GDP能源消耗降低（%） | — | 〔13.5〕 | 约束性 |\n\n"
                    "注：\n\n①〔〕内为5年累计数。\n\n②带*的为2019年数据。\n\n"
                    "③2020年全员劳动生产率增长2.5%为预计数。\n\n"
                    "## 第二节 主要任务\n\n①这一段不在表后，是正文。\n", tmp_path)
    assert plan.column(1).notes == ["注：", "①〔〕内为5年累计数。", "②带*的为2019年数据。",
                                    "③2020年全员劳动生产率增长2.5%为预计数。"]
    ind = {i.seq: i for i in plan.indicators}
    assert (ind[1].baseline.year, ind[1].baseline.footnote, ind[1].target.year) == (2019, "*", 2025)
    assert (ind[2].target.value, ind[2].target.cumulative) == (13.5, True)
    assert plan.chapters[0].sections[1].paragraphs[0].text == "①这一段不在表后，是正文。"


def test_a_dash_unit_cell_is_no_unit_and_a_score_is_in_points(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("""<html><body><p>第一章 总体要求</p><p>第一节 主要目标</p>
        <table>
        <tr><td colspan="5">专栏1 主要指标</td></tr>
        <tr><td>指标</td><td>单位</td><td>2020年</td><td>2025年</td><td>属性</td></tr>
        <tr><td>1.营商环境评价得分</td><td>分</td><td>80</td><td>90</td><td>预期性</td></tr>
        <tr><td>2.数字经济核心产业增加值占比</td><td>—</td><td>5</td><td>10</td><td>预期性</td></tr>
        <tr><td>3.公共服务满意度（分）</td><td></td><td>85</td><td>&gt;90</td><td>预期性</td></tr>
        </table></body></html>""", encoding="utf-8")
    plan = load_plan(path)
    assert [(i.name, i.unit, i.target.raw, i.target.unit) for i in plan.indicators] == [
        ("营商环境评价得分", "分", "90", "分"), ("数字经济核心产业增加值占比", None, "10", None),
        ("公共服务满意度", "分", ">90", "分")]
    # 占比 names a share: no missing_unit warning for its bare numbers
    assert codes(plan) == []
    assert [i.name_en for i in plan.indicators][0] == "business environment evaluation score"


@pytest.mark.parametrize("number", ["1.", "1、", "1．"])
def test_a_project_whose_title_opens_with_a_number_and_a_letter(number, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("青溪市“十四五”数字经济发展规划\n\n第一章  重点任务\n\n第一节  建设数字基础设施\n\n"
                    "——加快网络建设。推进千兆光网建设。\n\n专栏1  数字基础设施重点工程\n\n"
                    f"{number}5G网络覆盖工程。新建5G基站3000个。\n\n2.千兆光网升级工程。实现城区千兆光网全覆盖。\n\n"
                    "3.数据中心建设工程。装机容量\n\n2020、2025年分别达到1万和2万机架。\n\n"
                    "4.5G应用示范工程。建设10个应用场景。\n", encoding="utf-8")
    plan = load_plan(path)
    assert [(p.seq, p.title) for p in plan.projects] == [
        (1, "5G网络覆盖工程"), (2, "千兆光网升级工程"), (3, "数据中心建设工程"), (4, "5G应用示范工程")]
    assert plan.projects[0].quantities[0].base_value == 3000
    # 2020、 is a year, not item 2020: the line stays in item 3's text
    assert plan.projects[2].text.endswith("2020、2025年分别达到1万和2万机架。")


def test_fen_is_a_unit_in_a_cell_but_no_quantity_in_running_text():
    from plan_parser.quantity import extract_quantities, parse_quantity

    assert parse_quantity("90分").base_unit == "分"
    assert extract_quantities("该工程十分重要，库容占全市三分之一，设立3分局") == []


def test_a_project_named_before_a_colon(tmp_path):
    """``（1）消防站建设工程：新建…`` names the project before the colon (the layout of a
    provincial fire-services plan and of central_065's 互联网+护理服务：…); a colon inside a
    sentence (…，包括：…) names nothing."""
    path = tmp_path / "plan.txt"
    path.write_text("岚江省“十四五”消防事业发展规划\n\n第一章  重点任务\n\n第一节  基础设施\n\n"
                    "专栏1  重点工程\n\n（1）消防站建设工程：新建、改扩建城市消防站64个，其中特勤消防站6个。\n\n"
                    "（2）应急救援物资储备库建设工程：建设1个省级储备库。\n\n"
                    "（3）建设训练设施，包括：高层建筑、地下空间训练设施。\n\n"
                    "（4）延长公共图书馆开放时间至21:00，按1:1比例配套资金。\n\n"
                    "（5）其中：新建小型消防站30个。\n\n（6）重点支持以下方向：智慧消防、应急通信。\n",
                    encoding="utf-8")
    plan = load_plan(path)
    assert [(p.seq, p.title) for p in plan.projects] == [
        (1, "消防站建设工程"), (2, "应急救援物资储备库建设工程"), (3, "建设训练设施，包括：高层建筑、地下空间训练设施"),
        (4, "延长公共图书馆开放时间至21:00，按1:1比例配套资金"), (5, "其中：新建小型消防站30个"),
        (6, "重点支持以下方向：智慧消防、应急通信")]
    assert plan.projects[0].text.startswith("消防站建设工程：新建、改扩建城市消防站64个")
    assert [q.base_value for q in plan.projects[0].quantities] == [64, 6]


def test_unnumbered_named_items_of_a_column_are_projects(tmp_path):
    """A 专栏 that numbers none of its items lists them as ``name：text`` lines (海绵城市,
    食用菌 and 政府采购 plans of a blind set): each line whose name ends as projects' do is a
    project; a lead-in (主要内容：…) continues the item before.  In a 专栏 that numbers its items,
    such a line continues the numbered item (a sub-project), as before."""
    path = tmp_path / "plan.txt"
    path.write_text("岷山省“十四五”海绵城市建设规划\n\n第一章 重点任务\n\n第一节 系统化全域推进\n\n"
                    "专栏1 海绵城市建设重点工程\n\n"
                    "城市排水防涝设施建设工程：新建和改造雨水管网1200公里，建设调蓄设施50处。\n\n"
                    "海绵型建筑与小区改造项目：改造老旧小区300个。\n\n主要内容：以上工程由各市负责实施。\n\n"
                    "专栏2 重点项目\n\n1．示范区建设工程。建设示范片区10个。\n\n示范片区A项目：改造道路20公里。\n\n"
                    "2．监测平台建设。建设省级监测平台。\n\n第二节 保障\n", encoding="utf-8")
    plan = load_plan(path)
    assert [(c.number, c.kind) for c in plan.columns] == [(1, "projects"), (2, "projects")]
    assert [(p.column, p.seq, p.title) for p in plan.projects] == [
        (1, 1, "城市排水防涝设施建设工程"), (1, 2, "海绵型建筑与小区改造项目"),
        (2, 1, "示范区建设工程"), (2, 2, "监测平台建设")]
    assert plan.projects[1].text.endswith("主要内容：以上工程由各市负责实施。")
    assert "示范片区A项目：改造道路20公里。" in plan.projects[2].text
    assert [q.base_value for q in plan.projects[0].quantities] == [1200, 50]


def test_named_items_spare_group_labels_fields_and_numbered_details(tmp_path):
    """Review cases: 续建项目：… labels a group and 实施计划：… is a field of one project (too short
    to be a project's name); numbered lines under a named item detail it, never re-issue a seq."""
    path = tmp_path / "plan.txt"
    path.write_text("岷山省“十四五”海绵城市建设规划\n\n第一章 重点任务\n\n第一节 系统化全域推进\n\n"
                    "专栏1 重点工程\n\n排水防涝设施提升工程：主要建设以下内容。\n\n1．新建雨水管网100公里。\n\n"
                    "2．改造泵站10座。\n\n污水处理提质增效工程：新建污水处理厂2座。\n\n"
                    "专栏2 项目清单\n\n续建项目：渝西水资源配置工程、藻渡水库。\n\n新建项目：城区供水管网改造。\n\n"
                    "专栏3 示范项目\n\n建设目标：建成示范区。\n\n实施计划：2021年启动。\n\n投资估算：5亿元。\n",
                    encoding="utf-8")
    plan = load_plan(path)
    assert [(c.number, c.kind) for c in plan.columns] == [(1, "projects"), (2, "other"), (3, "other")]
    assert [(p.column, p.seq, p.title) for p in plan.projects] == [
        (1, 1, "排水防涝设施提升工程"), (1, 2, "污水处理提质增效工程")]
    assert plan.projects[0].text.endswith("1．新建雨水管网100公里。\n2．改造泵站10座。")



def test_named_and_numbered_items_mixed_and_short_names(tmp_path):
    """A numbered line naming a project of its own after named items is the next project, its
    number off its title; a group label (近期重点建设项目：…) before numbered items is a paragraph;
    short names are projects (强基工程：…)."""
    path = tmp_path / "plan.txt"
    path.write_text("岷山省“十四五”海绵城市建设规划\n\n第一章 重点任务\n\n第一节 系统化全域推进\n\n"
                    "专栏1 重点工程\n\n污水处理提质增效工程：新建污水处理厂2座。\n\n3．城市供水保障工程：新建水厂1座。\n\n"
                    "专栏2 项目清单\n\n近期重点建设项目：共2个，总投资10亿元。\n\n1.城区排水管网改造工程：改造管网。\n\n"
                    "2.城北污水处理厂扩建工程：扩建。\n\n专栏3 文化工程\n\n强基工程：夯实基层。\n\n护苗行动：保护未成年人。\n",
                    encoding="utf-8")
    plan = load_plan(path)
    assert [(p.column, p.seq, p.title) for p in plan.projects] == [
        (1, 1, "污水处理提质增效工程"), (1, 2, "城市供水保障工程"),
        (2, 1, "城区排水管网改造工程"), (2, 2, "城北污水处理厂扩建工程"),
        (3, 1, "强基工程"), (3, 2, "护苗行动")]
    assert plan.columns[1].paragraphs[0].text.startswith("近期重点建设项目：")


def test_value_words_without_a_year_head_no_project_table():
    from plan_parser.indicators import read_header

    # 完成情况, 目标任务 or 现状 alone head a project table's columns, not values
    for cells in (["序号", "项目", "建设内容", "完成情况"], ["序号", "项目", "目标任务", "牵头单位"],
                  ["项目", "现状", "存在问题"]):
        assert read_header(cells) is None, cells
    assert read_header(["序号", "项目", "主要内容", "目标"]) is None
    roles = read_header(["指标", "现状值", "规划值"])
    assert (roles.roles, roles.years) == ({0: "name", 1: "baseline", 2: "target"}, {})
    # under 指标 a value word alone keeps its role: 现状 | 2025年 is baseline and target
    roles = read_header(["指标", "现状", "2025年", "属性"])
    assert (roles.roles, roles.years) == ({0: "name", 1: "baseline", 2: "target", 3: "attribute"}, {"target": 2025})


def test_a_row_after_a_part_row_is_a_part_only_in_the_same_unit(tmp_path):
    plan = parse_md("""
        专栏1 主要指标

        | 序号 | 指标 | 2020年 | 2025年 |
        |---|---|---|---|
        | 1 | 城镇新增就业人数（万人） | 8 | 9 |
        |  | 其中：高校毕业生就业人数（万人） | 3 | 4 |
        |  | 其他指标（个） | 3 | 5 |
        | 2 | 失业保险参保人数（万人） | 8.2 | 9.2 |
        """, tmp_path)
    assert [(i.seq, i.name, i.parent_seq) for i in plan.indicators] == [
        (1, "城镇新增就业人数", None), (3, "高校毕业生就业人数", 1), (4, "其他指标", None),
        (2, "失业保险参保人数", None)]
    assert [(w.code, w.location) for w in plan.warnings if w.code != "untranslated"] == [
        ("unnumbered_row", {"line": 11})]
    # two parts whose names need no unit (…率) are in the same unit
    plan = parse_md("""
        专栏1 主要指标

        | 序号 | 指标 | 2020年 | 2025年 |
        |---|---|---|---|
        | 1 | 居民收入增长率 | 5 | 6 |
        |  | 其中：城镇居民收入增长率 | 5 | 6 |
        |  | 农村居民收入增长率 | 7 | 8 |
        """, tmp_path)
    assert [(i.name, i.parent_seq) for i in plan.indicators] == [
        ("居民收入增长率", None), ("城镇居民收入增长率", 1), ("农村居民收入增长率", 1)]


def test_incidents_sets_and_lamps_are_units(tmp_path):
    """起 (事故起数), 组 and 盏 count things: in a name's brackets and in running text; 一起 and
    一组 stay words."""
    from plan_parser.quantity import extract_quantities

    plan = _indicator_box(tmp_path, "临桉市“十四五”邮政快递业发展规划", "指标 | 2020年 | 2025年 | 属性",
                          "1.较大以上火灾事故起数（起） | 12 | <10 | 约束性", "2.智能收投服务终端（组） | 860 | 2100 | 预期性")
    assert [(i.name, i.unit, i.target.base_value, i.target.comparator) for i in plan.indicators] == [
        ("较大以上火灾事故起数", "起", 10, "<"), ("智能收投服务终端", "组", 2100, "=")]
    assert [i.unit_en for i in plan.indicators] == ["incidents", "sets"]
    qs = extract_quantities("新增智能收投服务终端1240组，完成道路照明节能改造2.6万盏，新建一栋教学楼")
    assert [(q.raw, q.base_value, q.base_unit) for q in qs] == [
        ("1240组", 1240, "组"), ("2.6万盏", 26000, "盏"), ("一栋", 1, "栋")]
    # 起 counts in a cell; in running text it ends words far more often (units.toml [prose])
    assert extract_quantities("查处案件217起，谣言四起，实现零起付线，自2024起") == []


@pytest.mark.parametrize("text", [
    "一主两副三组团", "统一组织", "曲阜三孔，十七孔桥，九眼桥，三眼井胡同", "一个机构挂两块牌子",
    "统一宗教事务", "三宗罪", "100亿块状经济", "1块钱",
])
def test_words_that_end_in_a_new_unit_are_no_quantities(text):
    from plan_parser.quantity import extract_quantities

    assert [q.raw for q in extract_quantities(text) if q.unit in ("组", "孔", "眼", "块", "宗", "起")] == []


def test_a_figure_in_a_text_cell_is_a_warning(tmp_path):
    """较“十三五”时期下降10% is kept as text (a change, not a level): the 10% is not read, so
    the user is told; a text cell with no figure (保持稳定), a grade (5A级) or a rank (第10位)
    is no warning."""
    plan = _indicator_box(tmp_path, "岚江省“十四五”消防事业发展规划", "指标 | 2020年 | 2025年 | 属性",
                          "1.较大以上火灾事故起数（起） | 12 | 较“十三五”时期下降10% | 约束性",
                          "2.火灾形势（—） | 平稳 | 保持稳定 | 预期性", "3.景区等级（—） | 4A级 | 5A级 | 预期性",
                          "4.综合排名（—） | 第15位 | 第10位 | 预期性")
    assert plan.indicators[0].target.kind == "text" and plan.indicators[0].target.value is None
    assert [(w.code, w.message) for w in plan.warnings if w.code == "text_value"] == [
        ("text_value", "专栏1 row 1 较大以上火灾事故起数: kept as text, its figures not read as a value: "
                       "target=较“十三五”时期下降10%")]


def _table_rows(plan):
    """(seq, category, name, unit, baseline, target, target comparator, attribute) per row."""
    return [(i.seq, i.category, i.name, i.unit, i.baseline.value, i.target.value, i.target.comparator, i.attribute)
            for i in plan.indicators]


@pytest.mark.parametrize("title, rows, expected", [
    # 序号 | 类别 | 指标 | …: the blank goes back under 类别, not at the row's start (a provincial
    # market-regulation plan's layout; rows 2 and 4 were read one column to the left: the unit
    # as the name, the 2020 value as the unit)
    ("桐渊省“十四五”市场监管现代化规划",
     ["序号 | 类别 | 指标 | 单位 | 2020年 | 2025年 | 属性",
      "1 | 市场主体发展 | 市场主体总量 | 万户 | 486 | 650 | 预期性",
      "2 | 每千人拥有企业数 | 户 | 28.6 | 40 | 预期性",
      "3 | 质量安全 | 食品抽检合格率 | % | 98 | >98.5 | 约束性",
      "4 | 特种设备万台死亡率 | 人 | 0.3 | <0.3 | 约束性"],
     [(1, "市场主体发展", "市场主体总量", "万户", 486, 650, "=", "预期性"),
      (2, "市场主体发展", "每千人拥有企业数", "户", 28.6, 40, "=", "预期性"),
      (3, "质量安全", "食品抽检合格率", "%", 98, 98.5, ">", "约束性"),
      (4, "质量安全", "特种设备万台死亡率", "人", 0.3, 0.3, "<", "约束性")]),
    # 类别 | 序号 | …, a unit that data/units.toml lacks (学时) before a value: read by position
    # the row had its number as its category and its unit as its name (a provincial training
    # plan's layout)
    ("岚江省“十四五”干部教育培训规划",
     ["类别 | 序号 | 指标 | 单位 | 2020年 | 2025年 | 属性",
      "培训规模 | 1 | 干部年度培训人次 | 万人次 | 3.2 | 4 | 预期性",
      "2 | 人均年度网络学习时长 | 学时 | 50 | >60 | 约束性",
      "3 | 培训项目数 | 项次 | [120] | [150] | 预期性"],
     [(1, "培训规模", "干部年度培训人次", "万人次", 3.2, 4, "=", "预期性"),
      (2, "培训规模", "人均年度网络学习时长", "学时", 50, 60, ">", "约束性"),
      (3, "培训规模", "培训项目数", "项次", 120, 150, "=", "预期性")]),
    # a unit of three characters or more that the table lacks, with a 万 prefix or Latin letters
    ("汀澜县港口发展“十四五”规划",
     ["类别 | 序号 | 指标 | 单位 | 2020年 | 2025年 | 属性",
      "港口能力 | 1 | 港口吞吐量 | 万吨 | 1800 | 2600 | 预期性",
      "2 | 集装箱吞吐量 | 万TEU | 12 | 20 | 预期性",
      "3 | 船舶进出港 | 万艘次 | 3.1 | 4 | 预期性"],
     [(1, "港口能力", "港口吞吐量", "万吨", 1800, 2600, "=", "预期性"),
      (2, "港口能力", "集装箱吞吐量", "万TEU", 12, 20, "=", "预期性"),
      (3, "港口能力", "船舶进出港", "万艘次", 3.1, 4, "=", "预期性")]),
])
def test_a_merged_category_cell_goes_back_under_its_column(tmp_path, title, rows, expected):
    """A 类别 cell merged over its group is written on the group's first row only, so the
    other rows have one cell fewer: the blank goes back under the 类别 column."""
    plan = _indicator_box(tmp_path, title, *rows)
    assert _table_rows(plan) == expected
    assert codes(plan) == []


def test_a_row_short_of_a_value_is_not_taken_for_a_merged_category(tmp_path):
    """A row that writes its 类别 but lacks a value cell is one cell short too: it is read by
    position with a row_shape warning, never shifted so that its name becomes the unit."""
    plan = _indicator_box(tmp_path, "桐渊省“十四五”市场监管现代化规划", "序号 | 类别 | 指标 | 单位 | 2020年 | 2025年 | 属性",
                          "1 | 市场主体发展 | 市场主体总量 | 万户 | 486 | 650 | 预期性",
                          "2 | 市场主体发展 | 每千人拥有企业数 | 户 | 40 | 预期性")
    assert [(i.name, i.unit) for i in plan.indicators] == [("市场主体总量", "万户"), ("每千人拥有企业数", "户")]
    assert codes(plan) == ["row_shape"]


def test_a_table_caption_names_the_table_it_stands_above(tmp_path):
    """表1 … above an indicator table, where a 专栏 title would stand, is the table's name: it
    no longer runs into the task before it, and the table is no untitled 专栏 (a county port
    plan's layout).  A 表1 line that is a sentence, or that no table follows, stays text."""
    path = tmp_path / "plan.txt"
    path.write_text("岚江省汀澜县港口发展“十四五”规划\n\n第一章  发展目标\n\n"
                    "——港口能级明显提升。到2025年，港口吞吐能力达到3000万吨。\n"
                    "表1  “十四五”港口发展主要指标\n"
                    "| 序号 | 指标 | 单位 | 2020年 | 2025年 | 属性 |\n"
                    "| 1 | 港口吞吐量 | 万吨 | 1800 | 2600 | 预期性 |\n\n"
                    "第二章  主要任务\n\n——表2  是本章的附表，另行印发。\n表3  重点项目清单\n",
                    encoding="utf-8")
    plan = load_plan(path)
    assert [(c.number, c.title, c.kind, c.chapter) for c in plan.columns] == [
        (0, "表1 “十四五”港口发展主要指标", "indicators", 1)]
    assert [(i.name, i.target.value) for i in plan.indicators] == [("港口吞吐量", 2600)]
    assert [t.text for t in plan.tasks] == ["港口能级明显提升。到2025年，港口吞吐能力达到3000万吨。",
                                           "表2  是本章的附表，另行印发。\n表3  重点项目清单"]
    assert "table_outside_column" not in codes(plan)


def test_a_row_that_writes_its_category_but_no_unit_is_not_shifted(tmp_path):
    """类别 | 指标 | 单位 | …: a row with its 类别 and no unit is one cell short as well; its name
    (城镇化率) is no unit the table lacks, so the row stays as written, with its row_shape warning."""
    plan = _indicator_box(tmp_path, "岚江省“十四五”规划", "类别 | 指标 | 单位 | 2020年 | 2025年 | 属性",
                          "经济发展 | 地区生产总值 | 亿元 | 3200 | 4500 | 预期性",
                          "民生福祉 | 城镇化率 | 65 | 70 | 预期性")
    assert [(i.category, i.name) for i in plan.indicators] == [("经济发展", "地区生产总值"), ("民生福祉", "城镇化率")]
    assert codes(plan) == ["row_shape"]


@pytest.mark.parametrize("text, caption", [
    ("表1  “十四五”港口发展主要指标", "表1 “十四五”港口发展主要指标"),
    ("附表2：重点项目", "附表2：重点项目"),
    ("表3 主要指标", "表3 主要指标"),
    ("表1-1 主要指标", "表1-1 主要指标"), ("表1“十四五”时期主要指标", "表1“十四五”时期主要指标"),
    ("表1（续）", "表1（续）"),
    ("表1：2025年主要指标", "表1：2025年主要指标"),  # a figure after the colon (second review)
    ("表一 主要指标", "表一 主要指标"),  # the space after a Chinese numeral stays
    ("表1.2", None),  # a number, no name
    ("表1列出了“十四五”时期主要指标", None),  # a sentence: nothing between the number and the text
    ("表2  是本章的附表，另行印发。", None),  # ends as a sentence
    ("表彰先进集体", None),
])
def test_table_caption(text, caption):
    from plan_parser.headings import match_table_caption

    assert match_table_caption(text) == caption


def test_a_caption_above_a_table_with_its_own_box_title_opens_no_second_box(tmp_path):
    """表1 … above a table whose first row is 专栏1 …: the 专栏 row names the box; the caption
    stays text, and no empty unnumbered 专栏 is made."""
    path = tmp_path / "plan.html"
    path.write_text("<html><body><p>岚江省汀澜县港口发展“十四五”规划</p><p>第一章  发展目标</p><p>表1  主要指标</p>"
                    "<table><tr><td colspan='6'>专栏1  港口发展主要指标</td></tr>"
                    "<tr><td>序号</td><td>指标</td><td>单位</td><td>2020年</td><td>2025年</td><td>属性</td></tr>"
                    "<tr><td>1</td><td>港口吞吐量</td><td>万吨</td><td>1800</td><td>2600</td><td>预期性</td></tr>"
                    "</table></body></html>", encoding="utf-8")
    plan = load_plan(path)
    assert [(c.number, c.title, c.kind) for c in plan.columns] == [(1, "港口发展主要指标", "indicators")]
    assert [(i.name, i.target.value) for i in plan.indicators] == [("港口吞吐量", 2600)]
    assert "empty_column" not in codes(plan)


def test_a_caption_above_another_table_does_not_run_into_the_task(tmp_path):
    """表2 … above a table that is no indicator table (a project list) is a paragraph of its
    own: the task before it ends where it ended."""
    path = tmp_path / "plan.html"
    path.write_text("<html><body><p>岚江省汀澜县港口发展“十四五”规划</p><p>第一章  主要任务</p>"
                    "<p>——建设一批重点项目。到2025年，完成投资50亿元。</p><p>表2  “十四五”港口重点项目</p>"
                    "<table><tr><td>项目名称</td><td>建设内容</td></tr>"
                    "<tr><td>汀澜港区二期</td><td>新建泊位4个</td></tr></table></body></html>", encoding="utf-8")
    plan = load_plan(path)
    assert [t.text for t in plan.tasks] == ["建设一批重点项目。到2025年，完成投资50亿元。"]
    assert "表2 “十四五”港口重点项目" in [p.text for p in plan.chapters[0].paragraphs]


def test_plan_periods_in_a_header_name_their_years(tmp_path):
    """“十三五”完成情况 | “十四五”目标: the achieved value of 2020 and the target of 2025, as
    2020年实际完成 | 2025年目标值 are; the table was lost as unrecognized before."""
    plan = _indicator_box(tmp_path, "岚江县水利发展“十四五”规划",
                          "序号 | 指标 | 单位 | “十三五”完成情况 | “十四五”目标 | 属性",
                          "1 | 新增供水能力 | 万立方米 | 1200 | 1500 | 预期性",
                          "2 | 农田灌溉水有效利用系数 | — | 0.55 | >0.57 | 约束性")
    assert [(i.name, i.actual.value, i.actual.year, i.target.value, i.target.comparator, i.target.year)
            for i in plan.indicators] == [("新增供水能力", 1200, 2020, 1500, "=", 2025),
                                          ("农田灌溉水有效利用系数", 0.55, 2020, 0.57, ">", 2025)]
    assert codes(plan) == []


@pytest.mark.parametrize("growth", ["年均增长〔累计〕", "年均增长（累计）"])
def test_a_growth_header_with_its_cumulative_in_brackets(tmp_path, growth):
    """年均增长〔累计〕 (or （累计）) is the growth column: its values were dropped as unread."""
    plan = _indicator_box(tmp_path, "岚江县水利发展“十四五”规划",
                          f"指标 | 单位 | 2020年 | 2025年 | {growth} | 属性",
                          "水利投资 | 亿元 | 12 | 18 | 〔75〕 | 预期性",
                          "节水灌溉面积 | 万亩 | 30 | 36 | 3.7% | 预期性")
    assert [(i.name, i.growth.value, i.growth.cumulative) for i in plan.indicators] == [
        ("水利投资", 75, True), ("节水灌溉面积", 3.7, False)]
    assert "unread_cells" not in codes(plan)


def test_a_category_numbered_in_the_number_column(tmp_path):
    """一 | 水资源保障 | | …: a category row that writes its Chinese numeral under 序号 names the
    group, it is no empty indicator."""
    plan = _indicator_box(tmp_path, "岚江县水利发展“十四五”规划",
                          "序号 | 指标 | 单位 | 2020年 | 2025年 | 属性",
                          "一 | 水资源保障 |  |  |  | ",
                          "1 | 新增供水能力 | 万立方米 | 1200 | 1500 | 预期性",
                          "（二） | 水生态保护 |  |  |  | ",
                          "2 | 河湖水面率 | % | 8.1 | 8.3 | 约束性")
    assert [(i.seq, i.category, i.name) for i in plan.indicators] == [
        (1, "水资源保障", "新增供水能力"), (2, "水生态保护", "河湖水面率")]
    assert codes(plan) == []


def test_a_bracketed_total_with_its_qualifier_outside():
    from plan_parser.quantity import parse_quantity

    q = parse_quantity("〔4.5〕以上", brackets_cumulative=True)
    assert (q.kind, q.value, q.comparator, q.cumulative) == ("number", 4.5, ">=", True)
    q = parse_quantity(">〔13.5〕", brackets_cumulative=True)
    assert (q.kind, q.value, q.comparator, q.cumulative) == ("number", 13.5, ">", True)
    # the word 累计 after the qualifier says it again; the cell is still the bracketed figure
    q = parse_quantity("〔4.5〕以上（累计）", brackets_cumulative=False)
    assert (q.kind, q.value, q.comparator, q.cumulative) == ("number", 4.5, ">=", True)


def test_value_headers_with_the_year_after_the_word_or_none(tmp_path):
    """基期值（2020年） | 目标值（2025年）: the year after the word; 基期值 | 目标值 with no year
    are still the baseline and the target.  A rate per 100,000 (1/10万) is the row's unit."""
    plan = _indicator_box(tmp_path, "沅江省人口发展“十四五”规划",
                          "指标名称 | 基期值（2020年） | 目标值（2025年） | 指标性质",
                          "常住人口（万人） | 512.3 | 530左右 | 预期性",
                          "孕产妇死亡率（1/10万） | 9.8 | ≤9 | 约束性")
    got = [(i.name, i.unit, i.baseline.value, i.baseline.year, i.target.value, i.target.comparator, i.target.year)
           for i in plan.indicators]
    assert got == [("常住人口", "万人", 512.3, 2020, 530.0, "~", 2025),
                   ("孕产妇死亡率", "1/10万", 9.8, 2020, 9.0, "<=", 2025)]
    assert plan.indicators[1].unit_en == "per 100,000"
    assert codes(plan) == []
    plan = _indicator_box(tmp_path, "沅江省人口发展“十四五”规划",
                          "指标名称 | 基期值 | 目标值 | 指标性质", "常住人口（万人） | 512.3 | 530左右 | 预期性")
    i = plan.indicators[0]
    assert (i.baseline.value, i.baseline.year, i.target.value, i.target.year) == (512.3, None, 530.0, None)
    assert codes(plan) == []


def test_status_and_planned_value_headers_and_a_second_part_row(tmp_path):
    """现状值（2020年） | 规划值（2025年） are baseline and target; an unnumbered row right after
    an unnumbered 其中 row is a second part of the same indicator (城市社区 / 农村社区)."""
    plan = _indicator_box(tmp_path, "沛水市家庭教育工作“十四五”规划",
                          "| 序号 | 指标 | 现状值（2020年） | 规划值（2025年） |",
                          "| 1 | 家长学校覆盖率（%） | 80 | 95 |",
                          "|  | 其中：城市社区（%） | 90 | 100 |",
                          "|  | 农村社区（%） | 70 | 90 |",
                          "| 2 | 家庭教育指导服务站点（个） | 100 | 〔150〕 |")
    got = [(i.seq, i.parent_seq, i.name, i.unit, i.baseline.value, i.baseline.year, i.target.value, i.target.year)
           for i in plan.indicators]
    assert got == [(1, None, "家长学校覆盖率", "%", 80.0, 2020, 95.0, 2025),
                   (3, 1, "城市社区", "%", 90.0, 2020, 100.0, 2025),
                   (4, 1, "农村社区", "%", 70.0, 2020, 90.0, 2025),
                   (2, None, "家庭教育指导服务站点", "个", 100.0, 2020, 150.0, 2025)]
    assert codes(plan) == []


def test_a_review_and_plan_header_keeps_the_plans_target(tmp_path):
    """“十三五”规划目标 | “十三五”完成情况 | “十四五”目标: the target is the later one (2025); the
    old plan's target is a column with no role, said so; “十三五”末 is the year 2020."""
    plan = _indicator_box(tmp_path, "岚江县水利发展“十四五”规划",
                          "指标 | 单位 | “十三五”规划目标 | “十三五”完成情况 | “十四五”目标",
                          "新增供水能力 | 万立方米 | 1000 | 1200 | 1500")
    i = plan.indicators[0]
    assert (i.actual.value, i.actual.year, i.target.value, i.target.year) == (1200, 2020, 1500, 2025)
    assert codes(plan) == ["unread_cells"]
    plan = _indicator_box(tmp_path, "岚江县水利发展“十四五”规划",
                          "指标 | 单位 | “十三五”末 | “十四五”目标", "新增供水能力 | 万立方米 | 1200 | 1500")
    i = plan.indicators[0]
    assert (i.baseline.value, i.baseline.year, i.target.value, i.target.year) == (1200, 2020, 1500, 2025)


def test_a_table_written_one_cell_per_line_without_tabs(tmp_path):
    # text copied out of a PDF or a web page's table: a cell per line, no TAB, one blank line
    # between rows, a one-line category row; read like the TAB-flattened layout, not lost
    plan = parse_constructed("", """
        第一章 发展目标

        专栏1 “十四五”时期近视防控主要指标

        序号
        指标名称
        单位
        2020年
        2025年
        属性

        一、视力健康

        1
        儿童青少年总体近视率
        %
        53.7
        ≤48.5
        约束性

        2
        6岁儿童近视率
        %
        3.2
        3左右
        预期性

        3
        中小学生每天校内体育活动时间
        小时
        1
        ≥1
        约束性
        """, tmp_path / "plan.txt")
    assert [(c.number, c.kind) for c in plan.columns] == [(1, "indicators")]
    assert [(i.name, i.unit, i.category, i.baseline.value, i.target.raw, i.target.comparator, i.attribute)
            for i in plan.indicators] == [
        ("儿童青少年总体近视率", "%", "视力健康", 53.7, "≤48.5", "<=", "约束性"),
        ("6岁儿童近视率", "%", "视力健康", 3.2, "3左右", "~", "预期性"),
        ("中小学生每天校内体育活动时间", "小时", "视力健康", 1.0, "≥1", ">=", "约束性")]
    assert plan.indicators[0].loc["line"] == 14  # the row opens with its 序号 on line 14


def test_a_cell_table_right_under_its_caption_and_paragraphs_with_no_blank_line(tmp_path):
    # PDF text: paragraphs with no blank line between them, then a 表 caption, then the header
    # cells, all in one run; later rows leave out the merged 类别 cell.  The caption and the
    # paragraphs above it stay paragraphs; the header starts after the caption
    plan = parse_constructed("", """
        第一章 发展目标
        到2025年，全县海岸线保护格局基本形成。
        表1  澜浦县“十四五”海岸线保护主要指标
        类别
        序号
        指标名称
        单位
        2020年
        2025年
        属性

        岸线保护
        1
        大陆自然岸线保有率
        %
        41.2
        ≥41.2
        约束性

        2
        海岛自然岸线保有率
        %
        85.6
        不降低
        约束性

        海域环境
        3
        近岸海域水质优良比例
        %
        80
        85
        约束性
        """, tmp_path / "plan.txt")
    assert [(c.number, c.title, c.kind) for c in plan.columns] == [
        (0, "表1 澜浦县“十四五”海岸线保护主要指标", "indicators")]
    assert [(i.seq, i.name, i.unit, i.category, i.baseline.value, i.target.raw) for i in plan.indicators] == [
        (1, "大陆自然岸线保有率", "%", "岸线保护", 41.2, "≥41.2"),
        (2, "海岛自然岸线保有率", "%", "岸线保护", 85.6, "不降低"),
        (3, "近岸海域水质优良比例", "%", "海域环境", 80.0, "85")]
    assert [p.text for p in plan.chapters[0].paragraphs][:1] == ["到2025年，全县海岸线保护格局基本形成。"]
    assert oddity_warnings(plan) == []


def test_a_caption_naming_indicators_over_cells_no_reader_knows_is_warned_about(tmp_path):
    # one full row only (the rest leave out the merged 类别): too little to be sure of a table,
    # so the cells stay paragraphs, and the 表 caption that names indicators says so
    plan = parse_constructed("", """
        第一章 发展目标
        表1  主要指标
        类别
        序号
        指标名称
        2025年

        岸线保护
        1
        大陆自然岸线保有率
        ≥41.2

        2
        海岛自然岸线保有率
        不降低
        """, tmp_path / "plan.txt")
    assert plan.indicators == []
    assert oddity_warnings(plan) == [("indicators_not_read", {"line": 2})]


def test_a_tab_table_under_a_caption_written_with_a_tab(tmp_path):
    # 表1<TAB>name: a caption whose number and name a TAB parts, right above the TAB header;
    # it stays the table's caption, not its header (the table was lost, warned unrecognized)
    plan = parse_constructed("", """
        第一章 发展目标

        表1\t苍岭县印刷产业“十四五”发展主要指标
        类别\t序号\t指标名称\t单位\t2020年\t2025年\t属性
        产业规模\t1\t印刷工业总产值\t亿元\t38.5\t60\t预期性
        \t2\t规模以上印刷企业数量\t家\t42\t55\t预期性
        """, tmp_path / "plan.txt")
    assert [(c.number, c.title, c.kind) for c in plan.columns] == [
        (0, "表1 苍岭县印刷产业“十四五”发展主要指标", "indicators")]
    assert [(i.seq, i.name, i.unit, i.category, i.baseline.value, i.target.value) for i in plan.indicators] == [
        (1, "印刷工业总产值", "亿元", "产业规模", 38.5, 60.0),
        (2, "规模以上印刷企业数量", "家", "产业规模", 42.0, 55.0)]
    assert "unrecognized_table" not in codes(plan)


def test_a_caption_in_a_contents_list_or_over_a_unit_line_is_no_unread_table(tmp_path):
    # a 目录 entry naming 表1 is no caption over a lost table; a caption whose table follows a
    # 单位 line and a 注 line has its table (a review found both warned indicators_not_read)
    plan = parse_constructed("", """
        目  录

        第一章  发展目标
        表1  “十四五”时期主要指标……2

        第一章  发展目标

        表1  “十四五”时期主要指标

        单位：%

        注：带*为约束性指标。

        指标\t2020年\t2025年\t属性
        1.地区生产总值增速（%）\t6.5\t6\t预期性
        2.城镇调查失业率（%）\t5\t5.5\t约束性
        """, tmp_path / "plan.txt")
    assert [i.name for i in plan.indicators] == ["地区生产总值增速", "城镇调查失业率"]
    assert "indicators_not_read" not in codes(plan)


def test_a_tab_caption_of_three_cells_stays_the_caption(tmp_path):
    # 表1<TAB>name<TAB>单位：% above the TAB header: no header of a table lost as unrecognized
    plan = parse_constructed("", """
        第一章 发展目标

        表1\t主要指标\t单位：%
        指标\t2020年\t2025年\t属性
        地区生产总值增速\t6.5\t6\t预期性
        城镇调查失业率\t5\t5.5\t约束性
        """, tmp_path / "plan.txt")
    assert [(i.name, i.target.value) for i in plan.indicators] == [("地区生产总值增速", 6.0), ("城镇调查失业率", 5.5)]
    assert "unrecognized_table" not in codes(plan)


def test_a_cell_table_whose_names_are_numbered_in_their_own_column(tmp_path):
    # 类别 / 1.电影产业总收入 / 亿元 …: the number stands before the name, in the second cell of
    # every row; the table had been read as a 专栏 of numbered projects, its indicators lost
    plan = parse_constructed("", """
        第一章 发展目标

        专栏1 主要指标

        类别
        指标名称
        单位
        2020年
        2025年
        属性

        产业规模
        1.电影产业总收入
        亿元
        48
        100
        预期性

        产业规模
        2.入驻影视企业
        家
        1260
        2000以上
        预期性

        创作生产
        3.年出品备案电影
        部
        32
        50左右
        预期性
        """, tmp_path / "plan.txt")
    assert plan.projects == []
    assert [(i.seq, i.name, i.unit, i.category, i.target.raw) for i in plan.indicators] == [
        (1, "电影产业总收入", "亿元", "产业规模", "100"), (2, "入驻影视企业", "家", "产业规模", "2000以上"),
        (3, "年出品备案电影", "部", "创作生产", "50左右")]


def test_a_table_written_one_cell_per_paragraph(tmp_path):
    # a web page's table copied as text: every cell a paragraph, a blank line after each; 序号
    # numbers the rows, so the row is as wide as from 序号 to the first bare number
    cells = ["类别", "序号", "指标名称", "单位", "2020年", "2025年", "属性",
             "疫情控制", "1", "肺结核报告发病率", "1/10万", "48.6", "≤40", "预期性",
             "疫情控制", "2", "学校结核病聚集性疫情报告数", "起", "3", "0", "约束性",
             "患者管理", "3", "肺结核患者成功治疗率", "%", "90", "≥90", "约束性"]
    plan = parse_constructed("", "第一章 发展目标\n\n专栏1 “十四五”时期结核病防治主要指标\n"
                             + "".join(c + "\n\n" for c in cells) + "第二章 主要任务\n", tmp_path / "plan.txt")
    assert [(i.seq, i.name, i.unit, i.category, i.baseline.value, i.target.raw) for i in plan.indicators] == [
        (1, "肺结核报告发病率", "1/10万", "疫情控制", 48.6, "≤40"),
        (2, "学校结核病聚集性疫情报告数", "起", "疫情控制", 3.0, "0"),
        (3, "肺结核患者成功治疗率", "%", "患者管理", 90.0, "≥90")]
    assert oddity_warnings(plan) == []
    # a row with a merged cell left out shifts every cell after it: no table (partly read) at all,
    # the lines stay paragraphs and the caption says so
    cells.remove("患者管理")
    plan = parse_constructed("", "第一章 发展目标\n\n专栏1 “十四五”时期结核病防治主要指标\n"
                             + "".join(c + "\n\n" for c in cells) + "第二章 主要任务\n", tmp_path / "plan2.txt")
    assert plan.indicators == []
    assert [code for code, _ in oddity_warnings(plan)] == ["indicators_not_read"]


def test_box_items_numbered_as_headings_are(tmp_path):
    # （一）name：text in a 专栏 of projects: items 1–4 (blind set fresh16 had read two of four, and
    # in a box of such lines alone none); （一）水利工程 alone still heads a group
    plan = parse_constructed("", """
        第一章 重点任务

        专栏3 支撑保障工程
        （一）220千伏输变电工程：新建220千伏变电站一座，线路40公里。
        （二）园区铁路专用线工程：建设硅材料园区铁路专用线5公里。
        （三）硅材料检验检测中心：建设工业硅检测平台。
        （四）工业固体废物处置场：建设一般工业固体废物处置场一座。

        专栏4 水利项目
        （一）水利工程
        1.青溪水库工程。新建中型水库一座。

        专栏5 主要指标解释
        （一）地区生产总值：指本地区所有常住单位在一定时期内生产活动的最终成果。
        （二）城镇调查失业率：指城镇调查失业人数占城镇调查从业人数与失业人数之和的比例。
        """, tmp_path / "plan.txt")
    assert [(p.column, p.seq, p.title, p.group) for p in plan.projects] == [
        (3, 1, "220千伏输变电工程", None), (3, 2, "园区铁路专用线工程", None), (3, 3, "硅材料检验检测中心", None),
        (3, 4, "工业固体废物处置场", None), (4, 1, "青溪水库工程", "水利工程")]
    # a 专栏 that explains indicators: its （一）name：text lines are definitions, kept as text
    assert plan.column(5).kind == "other" and len(plan.column(5).paragraphs) == 2


def test_a_warning_about_a_table_in_no_box_names_its_caption(tmp_path):
    # a table under a 表 caption is in no 专栏: its warnings name the caption, not "专栏0"
    path = tmp_path / "plan.txt"
    path.write_text("澜浦县海岸线保护“十四五”规划\n\n第一章  发展目标\n\n表1  主要指标\n\n"
                    "指标 | 单位 | 2020年 | 2025年\n入海断面总氮浓度 | 毫克/升 | 2.1 | 下降10%以上\n"
                    "近岸海域水质优良比例 | % | 80 | 85\n", encoding="utf-8")
    plan = load_plan(path)
    assert [w.message.split(":")[0] for w in plan.warnings if w.code == "text_value"] == [
        "表1 主要指标 row 1 入海断面总氮浓度"]


def test_short_lines_of_prose_are_no_cell_table(tmp_path):
    # groups of short lines that are no table: a list with no figures, and groups of unequal
    # length; both stay paragraphs
    plan = parse_constructed("", """
        第一章 发展基础

        主要成效
        体系更加健全
        服务更加便捷

        存在问题
        基础仍然薄弱
        人才总量不足

        下一步
        加强统筹
        """, tmp_path / "plan.txt")
    assert plan.indicators == [] and plan.columns == []
    assert [p.text for p in plan.chapters[0].paragraphs] == [
        "主要成效", "体系更加健全", "服务更加便捷", "存在问题", "基础仍然薄弱", "人才总量不足", "下一步", "加强统筹"]


def test_an_indicator_box_whose_table_no_reader_knows_is_warned_about(tmp_path):
    # cells one per line with no blank line between rows: no table any reader knows; the
    # lines stay paragraphs of the 专栏 and a warning says its indicators were not read
    plan = parse_constructed("", """
        第一章 发展目标

        专栏1 主要指标
        指标名称
        2020年
        2025年
        儿童青少年总体近视率（%）
        53.7
        48.5

        第二章 主要任务
        """, tmp_path / "plan.txt")
    assert plan.indicators == []
    assert [p.text for p in plan.columns[0].paragraphs][:2] == ["指标名称", "2020年"]
    assert oddity_warnings(plan) == [("indicators_not_read", {"line": 3, "end_line": 9})]


def test_a_project_whose_title_opens_with_a_number_after_the_item_number(tmp_path):
    # 1.12英寸… is item 1 "12英寸…" in a 专栏 of items, not the decimal 1.12; 1.5万人… stays a figure
    plan = parse_constructed("", """
        第一章 重点任务

        专栏2 传感器产业重点项目

        1.12英寸MEMS传感器产线项目。新建产线一条。

        2.8英寸MEMS代工平台。扩建产能。

        3.智能传感器创新中心。建设中试平台。

        4.20万吨有机硅单体项目。建设生产线。

        专栏3 人才培训

        1.5万人次职业技能培训。面向产业工人。

        专栏4 交通圈

        1.5小时交通圈建设工程。构建城市群1.5小时交通圈。

        同城化交通。建设市域铁路。
        """, tmp_path / "plan.txt")
    assert [(p.column, p.seq, p.title) for p in plan.projects] == [
        (2, 1, "12英寸MEMS传感器产线项目"), (2, 2, "8英寸MEMS代工平台"), (2, 3, "智能传感器创新中心"),
        (2, 4, "20万吨有机硅单体项目")]  # a count after item 3: item 4, not the decimal 4.20 (blind set fresh16)
    assert [b.text for b in plan.column(3).paragraphs] == ["1.5万人次职业技能培训。面向产业工人。"]
    # no item 2 after it: 1.5小时… is a figure, not item 1 (found by review)
    assert [b.text for b in plan.column(4).paragraphs][0] == "1.5小时交通圈建设工程。构建城市群1.5小时交通圈。"


@pytest.mark.parametrize("body, chapters, projects", [
    # a 目录 in groups with page numbers: numbered lines, no table; the body's headings stay
    ("目  录\n\n一、发展基础 1\n（一）发展成就 1\n（二）面临形势 3\n\n二、总体要求 4\n（一）指导思想 4\n（二）发展目标 5\n\n"
     "三、主要任务 6\n（一）优化布局 6\n（二）提升质量 8\n\n一、发展基础\n\n（一）发展成就\n\n正文。\n\n（二）面临形势\n\n正文。\n\n"
     "二、总体要求\n\n正文。\n\n三、主要任务\n\n正文。\n", ["发展基础", "总体要求", "主要任务"], []),
    # 专栏 items written on three short lines each: numbered first lines, projects, no table
    ("第一章 重点任务\n\n专栏1 重点项目\n\n1.青溪水库工程\n新建库容500万立方米\n总投资3亿元\n\n2.松河大桥工程\n全长1.2公里\n"
     "总投资2亿元\n\n3.城区供水管网改造\n改造管网80公里\n总投资1.5亿元\n", ["重点任务"],
     ["青溪水库工程", "松河大桥工程", "城区供水管网改造"]),
])
def test_numbered_short_lines_in_groups_are_no_cell_table(tmp_path, body, chapters, projects):
    plan = parse_constructed("青溪市规划\n\n", body, tmp_path / "plan.txt")
    assert [c.title for c in plan.chapters] == chapters
    assert [p.title for p in plan.projects] == projects
    assert oddity_warnings(plan) == []


def test_a_cell_table_right_under_its_column_title(tmp_path):
    # 专栏1 主要指标 on the line above the header, no blank line: the title is no header cell
    plan = parse_constructed("青溪市卫生发展规划\n\n", """
        第一章 发展目标

        专栏1 主要指标
        指标名称
        单位
        2020年
        2025年
        属性

        人均预期寿命
        岁
        78.5
        79.5
        预期性

        孕产妇死亡率
        1/10万
        10
        9
        约束性
        """, tmp_path / "plan.txt")
    assert [(c.number, c.title) for c in plan.columns] == [(1, "主要指标")]
    assert [(i.name, i.unit, i.baseline.value, i.target.value) for i in plan.indicators] == [
        ("人均预期寿命", "岁", 78.5, 79.5), ("孕产妇死亡率", "1/10万", 10.0, 9.0)]


def test_a_table_word_with_a_chinese_numeral_in_a_column_item(tmp_path):
    # 表一 in a 专栏 item: a caption-like name read with its numeral (it raised AttributeError)
    plan = parse_constructed("", """
        第一章 重点任务

        专栏1 重点工程

        1.表一 重点工程。建设内容。

        2.表二 重点项目。建设内容。
        """, tmp_path / "plan.txt")
    assert [p.title for p in plan.projects] == ["表一 重点工程", "表二 重点项目"]


@pytest.mark.parametrize("title", ["主要指标解释", "指标说明"])
def test_a_column_that_explains_indicators_is_no_lost_table(tmp_path, title):
    # a box of definitions names indicators but holds no table: no indicators_not_read (review)
    plan = parse_constructed("", f"""
        第一章 发展目标

        专栏2 {title}

        城镇调查失业率：指城镇常住经济活动人口中失业人口所占比重。

        单位地区生产总值能耗：指一定时期内单位地区生产总值所消耗的能源。

        第二章 主要任务
        """, tmp_path / "plan.txt")
    assert oddity_warnings(plan) == []


def test_number_title_items_with_detail_lines(tmp_path):
    # 1.12英寸… then a detail line: item 1 is known once 2.8英寸… follows (second review)
    plan = parse_constructed("", """
        第一章 重点任务

        专栏1 重点项目

        1.12英寸MEMS传感器产线。
        建设产线1条，总投资10亿元。

        2.8英寸功率器件产线。
        建设产线2条，总投资5亿元。

        3.封装测试基地。
        建设基地1个。
        """, tmp_path / "plan.txt")
    assert [(p.seq, p.title, p.text) for p in plan.projects] == [
        (1, "12英寸MEMS传感器产线", "12英寸MEMS传感器产线。\n建设产线1条，总投资10亿元。"),
        (2, "8英寸功率器件产线", "8英寸功率器件产线。\n建设产线2条，总投资5亿元。"),
        (3, "封装测试基地", "封装测试基地。\n建设基地1个。")]
    assert plan.columns[0].paragraphs == []


def test_a_cell_table_whose_rows_number_their_names(tmp_path):
    # 1.地区生产总值（亿元） as a row's first cell: a table still (second review)
    plan = parse_constructed("", """
        第一章 发展目标

        专栏1 主要指标

        指标
        2020年
        2025年
        属性

        1.地区生产总值（亿元）
        100
        150
        预期性

        2.常住人口（万人）
        50
        55
        预期性
        """, tmp_path / "plan.txt")
    assert [(i.seq, i.name, i.unit, i.target.value) for i in plan.indicators] == [
        (1, "地区生产总值", "亿元", 150.0), (2, "常住人口", "万人", 55.0)]


def test_a_two_column_table_in_an_indicator_column_still_warns(tmp_path):
    # a two-column table kept as text rows gives no unrecognized_table: indicators_not_read says it
    plan = parse_constructed("", """
        第一章 发展目标

        专栏1 主要指标

        项目\t内容
        新能源装机\t达到300万千瓦
        能耗\t下降14%

        第二章 任务
        """, tmp_path / "plan.txt")
    assert [code for code, _ in oddity_warnings(plan)] == ["indicators_not_read"]
