"""“十四五”智能制造发展规划 as PDF text extraction gives it (../shared/real/, a real document).

Lines are hard-wrapped at ~27 characters, page numbers stand on lines of their own, the 目录
has dot leaders, and two box endings are glued to the next paragraph on one line.  Every
expectation below was written by reading the text file, not the parser's output.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from plan_parser import load_plan
from plan_parser.blocks import Paragraph
from plan_parser.readers.text import read_text
from plan_parser.reflow import is_page_number

SHARED = Path(__file__).resolve().parents[2] / "shared" / "real"
SOURCE = SHARED / "cn_national_14th_smart_manufacturing_plan.txt"
pytestmark = pytest.mark.skipif(not SOURCE.exists(), reason=f"real documents not found at {SHARED} "
                                "(CI clones ../shared beside the repository)")

# 专栏 number -> (title, its items as printed 01 …, 02 …), lines 140–329 of the file
COLUMNS = {
    1: ("智能制造技术攻关行动", ["关键核心技术", "系统集成技术"]),
    2: ("智能制造示范工厂建设行动", ["智能场景", "智能车间", "智能工厂", "智慧供应链"]),
    3: ("行业智能化改造升级行动", ["装备制造领域", "电子信息领域", "原材料领域", "消费品领域"]),
    4: ("智能制造装备创新发展行动", ["基础零部件和装置", "通用智能制造装备", "专用智能制造装备", "新型智能制造装备"]),
    5: ("工业软件突破提升行动", ["研发设计类软件", "生产制造类软件", "经营管理类软件", "控制执行类软件",
                         "行业专用软件", "新型软件"]),
    6: ("智能制造标准领航行动", ["标准体系建设", "标准研制", "标准推广应用", "标准国际合作"]),
}

# chapter 1 (一、现状与形势, line 26) opens with this paragraph, printed over lines 27–39
CHAPTER_1_FIRST = (
    "近十年来，通过产学研用协同创新、行业企业示范应用、央地联合统筹推进，我国智能制造发展取得长足进步。"
    "供给能力不断提升，智能制造装备市场满足率超过 50%，主营业务收入超 10 亿元的系统解决方案供应商达 40 余家。"
    "支撑体系逐步完善，构建了国际先行的标准体系，发布国家标准 285 项，牵头制定国际标准 28 项；"
    "培育具有行业和区域影响力的工业互联网平台近 80 个。"
    "推广应用成效明显，试点示范项目生产效率平均提高 45%、产品研制周期平均缩短 35%、产品不良品率平均降低 35%，"
    "涌现出离散型智能制造、流程型智能制造、网络协同制造、大规模个性化定制、远程运维服务等新模式新业态。"
    "但与高质量发展的要求相比，智能制造发展仍存在供给适配性不高、创新能力不强、应用深度广度不够、专业人才缺乏等问题。"
)


@pytest.fixture(scope="module")
def plan():
    return load_plan(SOURCE)


def test_six_columns_with_their_items(plan):
    assert {c.number: (c.title, c.kind) for c in plan.columns} == {
        n: (title, "projects") for n, (title, _) in COLUMNS.items()}
    got: dict[int, list[str]] = {}
    for p in plan.projects:
        got.setdefault(p.column, []).append(p.title)
        assert p.seq == len(got[p.column])
    assert got == {n: items for n, (_, items) in COLUMNS.items()}


def test_items_keep_their_first_line_and_whole_text(plan):
    first = {(p.column, p.seq): p for p in plan.projects}
    assert first[(1, 1)].loc == {"line": 141, "end_line": 149}
    assert first[(6, 4)].loc["line"] == 326
    # 专栏1's second item ends on line 155, where the next section's heading is glued on
    assert first[(1, 2)].text.endswith("基于模型的价值流分析和优化技术。")
    # an item printed across a page break (page number 10 on line 256) is one text
    assert "航空航天大型复合材料智能铺放" in first[(4, 3)].text
    # the paragraph glued after 专栏2 is not part of its last item
    assert "推进中小企业数字化转型" not in first[(2, 4)].text


def test_headings_with_commas_and_a_full_stop(plan):
    assert [(c.number, c.title) for c in plan.chapters] == [
        (1, "现状与形势"), (2, "总体思路"), (3, "重点任务"), (4, "保障措施"), (5, "组织实施")]
    assert [(s.number, s.title) for s in plan.chapters[2].sections] == [
        (1, "加快系统创新，增强融合发展新动能"), (2, "深化推广应用，开拓转型升级新路径"),
        (3, "加强自主供给，壮大产业体系新优势"), (4, "夯实基础支撑，构筑智能制造新保障")]
    # （二）… is glued after 专栏1's last line: its loc is that physical line
    assert plan.chapters[2].sections[1].loc == {"line": 155}


def test_chapter_1_first_paragraph_is_whole(plan):
    first = plan.chapters[0].paragraphs[0]
    assert first.text == CHAPTER_1_FIRST
    assert first.loc == {"line": 27, "end_line": 39}


def test_no_page_numbers_and_no_toc_in_the_body(plan):
    texts = [b.text for c in plan.chapters for b in c.paragraphs]
    texts += [b.text for s in plan.sections for b in s.paragraphs]
    assert not [t for t in texts if is_page_number(t)]
    assert not [t for t in texts if "......" in t]
    # the 目录 stays in the front matter, without its leaders and page numbers
    preamble = [b.text for b in plan.preamble]
    assert preamble[1:4] == ["目 录", "一、现状与形势", "二、总体思路"]


def test_period_and_tasks(plan):
    assert (plan.meta.period_start, plan.meta.period_end) == (2021, 2025)
    assert [t.title for t in plan.tasks] == ["转型升级成效显著", "供给能力明显增强", "基础支撑更加坚实"]


def test_reader_drops_page_number_lines():
    blocks = read_text(SOURCE.read_bytes()).blocks
    lines = [b.loc["line"] for b in blocks if isinstance(b, Paragraph)]
    # lines 19, 139, 167 are the page numbers 1, 6, 7
    assert not {19, 139, 167} & set(lines)
