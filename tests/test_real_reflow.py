"""reflow: PDF-extracted text (hard-wrapped lines, page furniture) back into paragraphs.

Constructed inputs shaped like the real smart-manufacturing plan's text (see
test_real_smart_manufacturing.py for that document itself).
"""
from __future__ import annotations

import pytest

from plan_parser.blocks import Paragraph, Table
from plan_parser.reflow import (printed_width, is_hard_wrapped, is_page_number, join_wrapped, reflow, split_glued,
                                toc_entry)


@pytest.mark.parametrize("text", ["7", "— 7 —", "-7-", "- 7 -", "第7页", "第 3 页 共 20 页", " 12 ", "\u300014"])
def test_page_numbers(text):
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["一、", "7.", "1.5", "2025年", "第7章", "7个", "", "专栏 7"])
def test_not_page_numbers(text):
    assert not is_page_number(text)


def test_toc_entries_and_widths():
    assert toc_entry("一、现状与形势.............................1") == "一、现状与形势"
    assert toc_entry("（一）指导思想....................................................... 2") == "（一）指导思想"
    assert toc_entry("一、现状与形势") is None
    assert printed_width("智能制造 2035 年") == 8 + 6 + 2
    assert printed_width("“中文”") == 8  # full-width quotes on a Chinese page (a terminal: 6)
    assert join_wrapped("经济\n发展") == "经济发展"
    assert join_wrapped(["高于 GDP", "growth rate"]) == "高于 GDP growth rate"


def _lines(*texts):
    return [Paragraph(t, {"line": n}) for n, t in enumerate(texts, start=1)]


BODY = "这一行文字写满了版心的整个宽度而且没有结束句子还要往下"  # 27 characters, no sentence end


def test_full_lines_run_on_and_short_lines_end():
    blocks = _lines("一、现状与形势", "近十年来，通过产学研用协同创新、行业企业示范应用、", BODY, BODY, "8",
                    BODY, "结束了。", "新的一段开始了，它也写满了一整行的宽度而且没有结束", "短行结束。")
    out, warnings = reflow(blocks)
    assert [(p.text[:6], p.loc) for p in out] == [
        ("一、现状与形", {"line": 1}),
        ("近十年来，通", {"line": 2, "end_line": 7}),   # the page number 8 on line 5 is dropped
        ("新的一段开始", {"line": 8, "end_line": 9}),
    ]
    assert out[1].text.endswith(BODY + "结束了。") and "8" not in out[1].text
    assert warnings == []


def test_glued_box_end_and_items_boxed():
    blocks = _lines(BODY, "专栏 1 智能制造技术攻关行动", "01 关键核心技术", BODY + "一二三四五六", "技术。",
                    "02 系统集成技术", "全过程的复杂系统建模技术。 （二）深化推广应用，开拓转型升级新路径。",
                    "聚焦企业、行业、区域转型升级需要，围绕车间、工厂、", "培育推广智能制造新模式。")
    out, _ = reflow(blocks)
    kinds = [type(b).__name__ for b in out]
    assert kinds == ["Paragraph", "Paragraph", "Table", "Paragraph", "Paragraph"]
    box = out[2]
    assert isinstance(box, Table) and box.is_box
    assert [p.text[:7] for p in box.rows[0][0].paragraphs] == ["01 关键核心", BODY[:7], "02 系统集成", "全过程的复杂系"]
    assert out[3].text == "（二）深化推广应用，开拓转型升级新路径。" and out[3].loc == {"line": 7}


def test_heading_glued_to_a_sentence_end():
    """policy_corpus/central_033.txt line 13: ``…（2023 版）》。一、总体要求``."""
    assert split_glued("组织编制了《体系建设指南（2023 版）》。一、总体要求") == [
        "组织编制了《体系建设指南（2023 版）》。", "一、总体要求"]
    assert split_glued("要做到三点。一、加强领导，二、落实责任。") == ["要做到三点。一、加强领导，二、落实责任。"]


def test_running_header_dropped_with_a_warning():
    blocks, n = [], 1
    for page in range(1, 5):
        blocks.append(Paragraph("某某市人民政府办公室文件", {"line": n}))
        blocks += [Paragraph(BODY, {"line": n + k}) for k in range(1, 21)]
        blocks.append(Paragraph(f"— {page} —", {"line": n + 21}))
        n += 22
    assert is_hard_wrapped(blocks)
    out, warnings = reflow(blocks)
    assert len(out) == 1 and "某某市" not in out[0].text
    assert warnings == [("page_furniture", "running header '某某市人民政府办公室文件' dropped from every page",
                         {"line": 1})]


def test_whole_paragraph_lines_are_not_hard_wrapped():
    blocks = _lines(*[("第%d段。" % i) + "内容" * (10 + 7 * i) + "。" for i in range(20)])
    assert not is_hard_wrapped(blocks)


def test_table_cells_flattened_to_bare_numbers_are_figures_not_page_numbers():
    """pdftotext puts each cell of a ruled table on its own line: 11, 4, 568, 1000, 2324 (the
    reference plan's 专栏1 targets and actuals) must survive; the page numbers 1 and 2, a page
    apart, go."""
    page = [BODY + "。"] * 16
    blocks = _lines(*page, "1", "指标", "2020年", "11", "4", "568", "1000", "2324", *page, "2")
    out, _ = reflow(blocks)
    texts = [b.text for b in out]
    for cell in ("11", "4", "568", "1000", "2324"):
        assert cell in texts
    assert "1" not in texts and "2" not in texts


def test_a_lone_number_that_breaks_a_running_paragraph_is_a_page_number():
    blocks = _lines(BODY + "。", BODY, "5", "结束了。", "指标", "5")
    out, _ = reflow(blocks)
    # a full line after a sentence end runs on too (no indent): one paragraph; the 5 after 指标 is kept
    assert [b.text for b in out] == [BODY + "。" + BODY + "结束了。", "指标", "5"]
