"""Settings reach the readers: ``load_plan(settings=…)`` tunes the text reader's reflow of
hard-wrapped lines and its one-row-per-line tables (``readers.read_bytes(settings=…)``)."""
from __future__ import annotations

import dataclasses

from plan_parser import load_plan
from plan_parser.blocks import Paragraph, Table
from plan_parser.readers import read_bytes
from plan_parser.settings import DEFAULTS

# One paragraph hard-wrapped at 30 characters into 14 lines, as text extracted from a PDF is.
_BODY = ("坚持就业优先战略，实施更加积极的就业政策，完善重点群体就业支持体系，"
         "健全就业公共服务体系，加强劳动者权益保障，推动实现更加充分更高质量就业。") * 6
WRAPPED = "第一章 总体要求\n\n" + "\n".join(_BODY[i:i + 30] for i in range(0, len(_BODY), 30)) + "\n"


def test_reflow_settings_reach_the_text_reader_through_load_plan():
    data = WRAPPED.encode()
    assert [p.text for p in load_plan(data).chapters[0].paragraphs] == [_BODY]
    # 14 lines are fewer than the reflow_min_lines this caller asks for: left as written
    strict = dataclasses.replace(DEFAULTS, reflow_min_lines=15)
    paragraphs = load_plan(data, settings=strict).chapters[0].paragraphs
    assert [p.text for p in paragraphs] == [_BODY[i:i + 30] for i in range(0, len(_BODY), 30)]


def test_table_line_settings_reach_the_text_reader():
    text = "指标  2025年  属性\n城镇新增就业（万人）  5  预期性\n".encode()
    assert [type(b) for b in read_bytes(text, format="txt").blocks] == [Table]
    fewer = read_bytes(text, format="txt", settings=dataclasses.replace(DEFAULTS, min_space_cells=4))
    assert [(type(b), b.text) for b in fewer.blocks] == [(Paragraph, "指标  2025年  属性"),
                                                         (Paragraph, "城镇新增就业（万人）  5  预期性")]


def test_readers_without_settings_ignore_them():
    html = "<p>第一章 总体要求</p>".encode()
    assert read_bytes(html, format="html", settings=DEFAULTS).blocks[0].text == "第一章 总体要求"
