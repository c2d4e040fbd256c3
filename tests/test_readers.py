"""Tests for the docx, HTML and Markdown readers and their shared table grid.

Every input here except the two bundled samples is CONSTRUCTED by this file: the
Word documents are built with python-docx (plus raw WordprocessingML where
python-docx has no API, e.g. numbering definitions and text boxes), the HTML
pages and Markdown files are strings written below.  They imitate the shapes
real plans use; none is copied from a published plan.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")
pytest.importorskip("lxml")

from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

from plan_parser.blocks import Paragraph, Table  # noqa: E402
from plan_parser.errors import PlanParseError  # noqa: E402
from plan_parser.readers import read_bytes  # noqa: E402
from plan_parser.readers._grid import GridCell, fill_grid  # noqa: E402
from plan_parser.readers.docx import chinese_number, read_docx  # noqa: E402
from plan_parser.readers.html import read_html  # noqa: E402
from plan_parser.readers.markdown import read_markdown  # noqa: E402
from plan_parser.readers.text import read_text  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


# ---------------------------------------------------------------- helpers

def texts(cell_or_table):
    """Rows of a table as lists of cell texts."""
    return [[cell.text for cell in row] for row in cell_or_table.rows]


def stream(blocks):
    """A compact picture of a block stream: ("P", text, style) and ("T", rows-of-texts)."""
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(("P", block.text, block.style))
        else:
            out.append(("T", texts(block)))
    return out


def flatten(blocks):
    """Texts in order: paragraphs, table rows as tuples, a box's paragraphs one by one.

    Whitespace runs (including the docx's non-breaking spaces) fold to one space,
    because the docx writes ``第一章\\xa0\\xa0…`` where the text has two spaces; the
    builder, not the reader, normalises that.
    """
    def norm(text):
        return re.sub(r"\s+", " ", text)

    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(norm(block.text))
        elif block.is_box:
            out.extend(norm(p.text) for p in block.rows[0][0].paragraphs)
        else:
            out.extend(tuple(norm(cell.text) for cell in row) for row in block.rows)
    return out


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def new_document():
    """A python-docx document with its template's sample paragraph-free body."""
    return docx.Document()


# ---------------------------------------------------------------- the reference sample

def test_sample_docx_matches_text_reader():
    txt = read_text((SAMPLES / "tongliang_hrss_14th.txt").read_bytes())
    dx = read_docx((SAMPLES / "tongliang_hrss_14th.docx").read_bytes())
    assert dx.format == "docx" and dx.encoding is None and dx.warnings == []
    assert flatten(dx.blocks) == flatten(txt.blocks)
    tables = [b for b in dx.blocks if isinstance(b, Table)]
    assert [t.is_box for t in tables] == [False, False, True, True, True, True, True]
    indicators = tables[1]
    assert texts(indicators)[:3] == [["指标", "2020年基数", "2025年目标", "指标属性"], ["一、就业创业"],
                                     ["1.城镇新增就业人数（万人）", "[8.49]", "[5]", "预期性"]]
    assert texts(indicators) == texts([b for b in txt.blocks if isinstance(b, Table)][1])


def test_sample_docx_locations_and_hints():
    dx = read_docx((SAMPLES / "tongliang_hrss_14th.docx").read_bytes())
    first, heading = dx.blocks[0], dx.blocks[9]
    assert first.loc == {"block": 0} and first.style == "bold"
    assert heading.text == "第一章\xa0\xa0指导思想和主要目标"  # kept as written; the builder folds spaces
    assert heading.style == "bold"
    table = next(b for b in dx.blocks if isinstance(b, Table))
    assert table.loc == {"block": 19}
    assert table.row_locs[2] == {"block": 19, "row": 2}
    assert table.rows[2][3].blocks[0].loc == {"block": 19, "row": 2, "cell": 3}
    box = next(b for b in dx.blocks if isinstance(b, Table) and b.is_box)
    assert box.rows[0][0].blocks[1].loc == {"block": box.loc["block"], "row": 0, "cell": 0, "paragraph": 1}


def test_sample_docx_through_dispatcher():
    result = read_bytes((SAMPLES / "tongliang_hrss_14th.docx").read_bytes())
    assert result.format == "docx" and len(result.blocks) == 113


# ---------------------------------------------------------------- docx: tables

def test_docx_grid_span_and_vertical_merge():
    document = new_document()
    table = document.add_table(rows=5, cols=3)
    for r, row in enumerate([["类别", "指标", "2025年"], ["就业", "1.城镇新增就业", "[5]"],
                             ["", "2.城镇调查失业率", "<5.5"], ["二、社会保障", "", ""], ["", "3.参保率", "95"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(2, 0))  # vMerge restart + continue
    table.cell(3, 0).merge(table.cell(3, 2))  # gridSpan=3
    result = read_docx(docx_bytes(document))
    [block] = result.blocks
    assert texts(block) == [["类别", "指标", "2025年"], ["就业", "1.城镇新增就业", "[5]"],
                            ["就业", "2.城镇调查失业率", "<5.5"], ["二、社会保障"], ["", "3.参保率", "95"]]
    assert block.row_locs == [{"block": 0, "row": r} for r in range(5)]
    assert block.rows[2][0].blocks[0].loc == {"block": 0, "row": 2, "cell": 0}


def test_docx_irregular_grid_and_grid_before():
    """A row that starts later in the grid (gridBefore) still lines up with the merge above it."""
    document = new_document()
    document.add_paragraph("")
    table = document.add_table(rows=2, cols=3)
    for c, text in enumerate(["甲", "乙", "丙"]):
        table.cell(0, c).text = text
    table.cell(0, 2).merge(table.cell(1, 2))
    tr = table.rows[1]._tr
    tr.remove(tr.tc_lst[0])
    tr.insert(0, parse_xml(f'<w:trPr {nsdecls("w")}><w:gridBefore w:val="1"/></w:trPr>'))
    tr.tc_lst[0].clear_content()
    tr.tc_lst[0].add_p().add_r().text = "丁"
    [block] = read_docx(docx_bytes(document)).blocks
    assert texts(block) == [["甲", "乙", "丙"], ["丁", "丙"]]
    assert block.loc == {"block": 1}  # the empty paragraph before it still counts


def test_docx_nested_table_in_box():
    document = new_document()
    document.add_paragraph("专栏3  实现更加充分和高质量就业重点项目")
    box = document.add_table(rows=1, cols=1)
    cell = box.cell(0, 0)
    cell.paragraphs[0].text = "1.持续开展专项行动。"
    cell.add_paragraph("2.重点群体就业扶持工程。")
    inner = cell.add_table(rows=2, cols=2)
    for r, row in enumerate([["项目", "投资"], ["人才驿站", "500"]]):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    result = read_docx(docx_bytes(document))
    title, table = result.blocks
    assert title.text.startswith("专栏3") and table.is_box
    blocks = table.rows[0][0].blocks
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph", "Table"]
    assert [b.text for b in blocks[:2]] == ["1.持续开展专项行动。", "2.重点群体就业扶持工程。"]
    assert texts(blocks[2]) == [["项目", "投资"], ["人才驿站", "500"]]
    assert blocks[2].loc == {"block": 1, "row": 0, "cell": 0, "paragraph": 2}
    assert blocks[2].rows[1][1].blocks[0].loc == {
        "block": 1, "row": 0, "cell": 0, "paragraph": 2, "within": [{"row": 1, "cell": 1}]}


# ---------------------------------------------------------------- docx: numbering

NUMBERING = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="%1.%3"/></w:lvl>
</w:abstractNum>"""


def add_numbered(document, text, num_id, ilvl):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def test_docx_automatic_numbering():
    document = new_document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    add_numbered(document, "就业创业", 90, 0)
    add_numbered(document, "城镇新增就业人数", 90, 1)
    add_numbered(document, "城镇调查失业率", 90, 1)
    add_numbered(document, "细项", 90, 2)
    add_numbered(document, "社会保障", 90, 0)
    add_numbered(document, "参保率", 90, 1)
    document.add_paragraph("甲项目", style="List Number")  # numbering through the style, tab suffix
    document.add_paragraph("乙项目", style="List Number")
    document.add_paragraph("要点", style="List Bullet")  # bullets add no text
    result = read_docx(docx_bytes(document))
    assert [p.text for p in result.blocks] == [
        "一、就业创业", "（1）城镇新增就业人数", "（2）城镇调查失业率", "一.1细项", "二、社会保障", "（1）参保率",
        "1. 甲项目", "2. 乙项目", "要点"]


def test_chinese_numbers():
    assert [chinese_number(n) for n in (1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1001)] == [
        "一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十", "一千零一"]
    assert chinese_number(12, legal=True) == "壹拾贰"


# ---------------------------------------------------------------- docx: paragraphs

def test_docx_heading_styles_and_bold():
    document = new_document()
    document.add_heading("某区“十四五”规划", level=0)
    document.add_heading("第一章  指导思想", level=1)
    document.add_heading("第一节  发展基础", level=2)
    outlined = document.add_paragraph("一、就业创业")
    outlined._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="2"/>'))
    bold = document.add_paragraph()
    bold.add_run("专栏1").bold = True
    bold.add_run("  ")
    bold.add_run("主要指标").bold = True
    mixed = document.add_paragraph()
    mixed.add_run("一是").bold = True
    mixed.add_run("稳定就业。")
    result = read_docx(docx_bytes(document))
    assert stream(result.blocks) == [
        ("P", "某区“十四五”规划", "title"), ("P", "第一章  指导思想", "heading1"),
        ("P", "第一节  发展基础", "heading2"), ("P", "一、就业创业", "heading3"),
        ("P", "专栏1  主要指标", "bold"), ("P", "一是稳定就业。", None)]
    assert [b.loc for b in result.blocks] == [{"block": i} for i in range(6)]


def test_docx_runs_hyperlinks_content_controls_breaks_and_spaces():
    document = new_document()
    document.add_paragraph("")  # skipped, but counted in locations
    p = document.add_paragraph("\xa0 根据")
    p._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="rId99"><w:r><w:t>《纲要》</w:t></w:r></w:hyperlink>'))
    p._p.append(parse_xml(
        f'<w:smartTag {nsdecls("w")} w:element="date"><w:r><w:t>2021年</w:t></w:r></w:smartTag>'))
    p._p.append(parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="x"/></w:sdtPr>'
        f'<w:sdtContent><w:r><w:tab/><w:t xml:space="preserve">编制\xa0本规划 </w:t></w:r></w:sdtContent></w:sdt>'))
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>'))
    breaks = document.add_paragraph("第一行")
    breaks.runs[0].add_break()
    breaks.add_run("第二行\xa0")
    document.element.body.insert(len(document.element.body) - 1, parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>控件段落</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    result = read_docx(docx_bytes(document))
    assert stream(result.blocks) == [
        ("P", "根据《纲要》2021年\t编制\xa0本规划", None), ("P", "第一行", None), ("P", "第二行", None),
        ("P", "控件段落", None)]
    assert [b.loc for b in result.blocks] == [{"block": 1}, {"block": 2, "part": 0}, {"block": 2, "part": 1},
                                              {"block": 3}]


def test_docx_text_box_read_once_at_its_anchor():
    document = new_document()
    document.add_paragraph("前文")
    anchor = document.add_paragraph("锚定段落")
    box = (f'<w:txbxContent {nsdecls("w")}><w:p><w:r><w:t>专栏2  重点项目</w:t></w:r></w:p>'
           f'<w:p><w:r><w:t>1.人才驿站建设。</w:t></w:r></w:p></w:txbxContent>')
    anchor._p.append(parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
        + box + '</wps:txbx></wps:wsp></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape><v:textbox>' + box + '</v:textbox></v:shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r>'))
    document.add_paragraph("后文")
    result = read_docx(docx_bytes(document))
    assert [b.text for b in result.blocks] == ["前文", "锚定段落", "专栏2  重点项目", "1.人才驿站建设。", "后文"]
    assert [b.loc for b in result.blocks][1:4] == [{"block": 1, "part": k} for k in range(3)]


# ---------------------------------------------------------------- docx: refusals

def test_docx_corrupt_and_not_docx():
    with pytest.raises(PlanParseError) as error:
        read_docx(b"PK\x03\x04 this is not really a zip")
    assert error.value.code == "corrupt"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.txt", "hello")
    with pytest.raises(PlanParseError) as error:
        read_docx(buffer.getvalue())
    assert error.value.code == "corrupt"
    damaged = rewrite_member(docx_bytes(new_document()), "word/document.xml", lambda xml: xml[: len(xml) // 2])
    with pytest.raises(PlanParseError) as error:
        read_docx(damaged)
    assert error.value.code == "corrupt"


def rewrite_member(data: bytes, name: str, change) -> bytes:
    """A copy of the zip ``data`` with member ``name`` passed through ``change``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            member = source.read(info)
            archive.writestr(info, change(member) if info.filename == name else member)
    return buffer.getvalue()


def test_docx_macro_enabled_refused_and_embedded_object_warned():
    good = docx_bytes(new_document())
    docm = rewrite_member(good, "[Content_Types].xml", lambda xml: xml.replace(
        b"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"vnd.ms-word.document.macroEnabled.main+xml"))
    with pytest.raises(PlanParseError) as error:
        read_docx(docm)
    assert (error.value.code, error.value.reason) == (
        "unsupported_format", "a macro-enabled Word document (.docm); save it as a plain .docx")
    document = new_document()
    document.add_paragraph("前文")
    holder = document.add_paragraph("见下表")
    holder._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:object><w:t>not text</w:t></w:object></w:r>'))
    result = read_docx(docx_bytes(document))
    assert [b.text for b in result.blocks] == ["前文", "见下表"]
    assert result.warnings == [("unsupported", "an embedded object (an OLE Excel sheet or the like) was not read",
                                {"block": 1})]


def test_docx_zip_bomb_refused_before_inflating():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b" " * (12 * 1024 * 1024) + b"/>")
    assert len(buffer.getvalue()) < 100_000
    with pytest.raises(PlanParseError) as error:
        read_docx(buffer.getvalue())
    assert error.value.code == "too_large"


def test_docx_entities_are_not_expanded():
    """DTD entities in document.xml are never expanded (python-docx parses with resolve_entities off):
    a small one is dropped with the text around it kept; a billion-laughs chain is refused by libxml2's
    amplification guard and reported as a damaged file."""
    def document_with(dtd: str, body: str) -> bytes:
        xml = (f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [{dtd}]>'
               f'<w:document {nsdecls("w")}><w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p></w:body></w:document>')
        return rewrite_member(docx_bytes(new_document()), "word/document.xml", lambda _xml: xml.encode())

    small = read_docx(document_with('<!ENTITY a "哈哈">', "前&a;后"))
    assert [b.text for b in small.blocks] == ["前后"]
    laughs = '<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {name} "{("&" + previous + ";") * 10}">' for previous, name in zip("abcde", "bcdef"))
    with pytest.raises(PlanParseError) as error:
        read_docx(document_with(laughs, "前&f;后"))
    assert error.value.code == "corrupt" and "amplification" in error.value.reason


# ---------------------------------------------------------------- HTML

GOV_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于印发规划的通知</title><script>var nav = "第一章 不是正文";</script><style>p{}</style></head>
<body>
<div class="header"><div class="logo">重庆市铜梁区人民政府</div></div>
<div class="top_nav"><ul><li><a href="/">首页</a></li><li>政务公开</li></ul></div>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 规划计划</div>
<table class="xxgk_table">
<tr><td>索 引 号：</td><td>11500224009274867B/2022-00101</td><td>主题分类：</td><td>综合政务</td></tr>
<tr><td>发布机构：</td><td>重庆市铜梁区人民政府办公室</td><td>成文日期：</td><td>2022年07月04日</td></tr>
<tr><td>标　　题：</td><td colspan="3">关于印发重庆市铜梁区人力资源和社会保障事业发展“十四五”规划（2021—2025年）的通知</td></tr>
<tr><td>发文字号：</td><td>铜府办发〔2022〕55号</td><td>发布日期：</td><td>2022-07-05</td></tr>
</table>
<div class="main">
<div id="zoom" class="TRS_Editor">
<p style="text-align:center"><strong>第一章  指导思想和主要目标</strong></p>
<h2>第一节 发展基础</h2>
<p>“十三五”期间，朱镕基同志<br>圆满完成了目标。<br/></p>
<div>专栏2  “十四五”时期主要指标</div>
<table border="1">
<tr><th>类别</th><th>指标</th><th>2020年基数</th><th>2025年目标</th></tr>
<tr><td colspan="4">一、就业创业</td></tr>
<tr><td rowspan="2">就业</td><td>1.城镇新增就业人数（万人）</td><td>[8.49]</td><td>[5]</td></tr>
<tr><td>2.城镇调查失业率（%）</td><td>5.5</td><td>&lt;5.5</td></tr>
</table>
<table><tr><td><p>1.持续开展专项行动。</p><p>2.重点群体就业扶持工程。</p>
<table><tr><td>项目</td><td>投资</td></tr></table></td></tr></table>
<div class="share">分享到：微信 微博</div>
</div></div>
<div id="footer">版权所有：重庆市铜梁区人民政府 渝ICP备05003300号</div>
</body></html>
"""

GOV_PAGE_STREAM = [
    ("P", "第一章 指导思想和主要目标", "bold"),
    ("P", "第一节 发展基础", "heading2"),
    ("P", "“十三五”期间，朱镕基同志", None),
    ("P", "圆满完成了目标。", None),
    ("P", "专栏2 “十四五”时期主要指标", None),
    ("T", [["类别", "指标", "2020年基数", "2025年目标"], ["一、就业创业"],
           ["就业", "1.城镇新增就业人数（万人）", "[8.49]", "[5]"], ["就业", "2.城镇调查失业率（%）", "5.5", "<5.5"]]),
    ("T", [["1.持续开展专项行动。\n2.重点群体就业扶持工程。\n项目\n投资"]]),
]


def test_html_gb2312_page_metadata_chrome_and_tables():
    result = read_bytes(GOV_PAGE.encode("gb18030"), hint="html")  # 镕 is GBK, not GB2312: read as GB18030
    assert result.format == "html" and result.encoding == "gb18030" and result.warnings == []
    assert result.meta_hints == {
        "issuer": "重庆市铜梁区人民政府办公室", "issued_date": "2022-07-04", "doc_number": "铜府办发〔2022〕55号",
        "title": "关于印发重庆市铜梁区人力资源和社会保障事业发展“十四五”规划（2021—2025年）的通知"}
    assert stream(result.blocks) == GOV_PAGE_STREAM
    assert [b.loc for b in result.blocks] == [{"block": i} for i in range(7)]
    table = result.blocks[5]
    assert table.row_locs[3] == {"block": 5, "row": 3}
    assert table.rows[3][0].blocks[0].loc == {"block": 5, "row": 3, "cell": 0}
    box = result.blocks[6]
    nested = box.rows[0][0].blocks[2]
    assert isinstance(nested, Table) and texts(nested) == [["项目", "投资"]]
    assert nested.rows[0][1].blocks[0].loc == {
        "block": 6, "row": 0, "cell": 0, "paragraph": 2, "within": [{"row": 0, "cell": 1}]}


def test_html_wrong_charset_declarations_fall_back_with_a_warning():
    utf8 = read_html(GOV_PAGE.encode("utf-8"))  # says gb2312, is UTF-8
    assert utf8.encoding == "utf-8"
    assert utf8.warnings == [("encoding", "declared gb2312 but the bytes are utf-8; decoded as utf-8", {})]
    assert stream(utf8.blocks) == GOV_PAGE_STREAM
    page = GOV_PAGE.replace("charset=gb2312", "charset=utf-8").encode("gb18030")  # says UTF-8, is GBK
    gbk = read_html(page)
    assert gbk.encoding == "gb18030" and gbk.warnings[0][0] == "encoding"
    assert gbk.warnings[0][1].startswith("declared utf-8 but byte ")
    assert stream(gbk.blocks) == GOV_PAGE_STREAM
    meta = read_html('<meta charset="UTF-8"><p>正文</p>'.encode("utf-8"))
    assert meta.encoding == "utf-8" and meta.warnings == [] and stream(meta.blocks) == [("P", "正文", None)]


def test_html_without_container_and_layout_table():
    """No known container: the body is read, unwrapped from an old-style layout table."""
    page = ("<html><body><table width='100%'><tr><td>"
            "<h1>某区规划</h1><p>第一章 总则</p><p>正文内容很长很长很长很长很长很长很长很长很长很长。</p>"
            "<ul><li>甲</li><li>乙</li></ul><ol start='3'><li>丙</li></ol><pre>第一行\n第二行</pre>"
            "</td></tr></table></body></html>")
    result = read_html(page.encode("utf-8"))
    assert stream(result.blocks) == [
        ("P", "某区规划", "heading1"), ("P", "第一章 总则", None),
        ("P", "正文内容很长很长很长很长很长很长很长很长很长很长。", None),
        ("P", "甲", None), ("P", "乙", None), ("P", "3.丙", None), ("P", "第一行", None), ("P", "第二行", None)]


def test_html_rowspan_spanning_past_a_short_row():
    page = ("<table><tr><td>a</td><td rowspan='3'>B</td><td>c</td></tr>"
            "<tr><td>d</td></tr><tr><td>e</td><td>f</td></tr></table>")
    [table] = read_html(page.encode()).blocks
    assert texts(table) == [["a", "B", "c"], ["d", "B"], ["e", "B", "f"]]


def test_html_hostile_nesting_does_not_crash():
    """Nesting past libxml2's 256 levels is refused in one clear error, never a crash and
    never text silently cut off."""
    deep = "<div>" * 5000 + "深" + "</div>" * 5000
    tables = "<table><tr><td>" * 3000 + "表" + "</td></tr></table>" * 3000
    for page in (deep, tables, "<p>" + "<b>" * 10000 + "粗</p>"):
        with pytest.raises(PlanParseError) as error:
            read_html(("<html><body><p>开头</p>" + page + "</body></html>").encode())
        assert error.value.code == "too_large"
    shallow = "<div>" * 100 + "深" + "</div>" * 100
    result = read_html(("<html><body><p>开头</p>" + shallow + "</body></html>").encode())
    assert [b.text for b in result.blocks] == ["开头", "深"]


def test_html_rowspan_amplification_refused():
    """Every row opening a 1000-row span would demand ~45 000 copies from 600 cells."""
    page = "<table>" + "<tr><td rowspan=1000>x</td><td>y</td></tr>" * 300 + "</table>"
    with pytest.raises(PlanParseError) as error:
        read_html(page.encode())
    assert error.value.code == "too_large"


def test_html_empty_page_refused():
    with pytest.raises(PlanParseError) as error:
        read_html(b"   ")
    assert error.value.code == "empty"


# ---------------------------------------------------------------- Markdown

MARKDOWN = """# 重庆市某区“十四五”规划

## 第一章  指导思想和主要目标

“十三五”期间，我区人力社保部门
围绕工作主线，**全力保障**和改善民生。
It wraps
in English.

**第一节 发展基础**

专栏2  “十四五”时期主要指标

| 指标 | 2020年基数 | 2025年目标 | 指标属性 |
|:---|---:|---|---|
| 一、就业创业 |
| 1.城镇新增就业人数（万人） | [8.49] | [5] | 预期性 |
| 2.城镇调查失业率（%） | 5.5 | <5.5 | 预期性 |

专栏3  重点项目

> 1.持续开展“把老乡留在老家”专项行动。
> 2.重点群体就业扶持工程。

- 甲项
1. 第一项
2. 第二项
1.城镇新增就业8.49\\*万人
"""


def test_markdown_headings_tables_paragraphs_lists_and_boxes():
    result = read_markdown(MARKDOWN.encode("utf-8"))
    assert result.format == "md" and result.encoding == "utf-8"
    assert stream(result.blocks) == [
        ("P", "重庆市某区“十四五”规划", "heading1"),
        ("P", "第一章  指导思想和主要目标", "heading2"),
        ("P", "“十三五”期间，我区人力社保部门围绕工作主线，全力保障和改善民生。It wraps in English.", None),
        ("P", "第一节 发展基础", "bold"),
        ("P", "专栏2  “十四五”时期主要指标", None),
        ("T", [["指标", "2020年基数", "2025年目标", "指标属性"], ["一、就业创业"],
               ["1.城镇新增就业人数（万人）", "[8.49]", "[5]", "预期性"], ["2.城镇调查失业率（%）", "5.5", "<5.5", "预期性"]]),
        ("P", "专栏3  重点项目", None),
        ("T", [["1.持续开展“把老乡留在老家”专项行动。\n2.重点群体就业扶持工程。"]]),
        ("P", "甲项", None), ("P", "1. 第一项", None), ("P", "2. 第二项", None),
        ("P", "1.城镇新增就业8.49*万人", None),
    ]
    table = result.blocks[5]
    assert table.loc == {"line": 14, "end_line": 18} and table.row_locs == [{"line": n} for n in (14, 16, 17, 18)]
    assert [b.loc for b in result.blocks[:3]] == [{"line": 1}, {"line": 3}, {"line": 5, "end_line": 8}]
    box = result.blocks[7]
    assert box.is_box and [p.loc for p in box.rows[0][0].blocks] == [{"line": 22}, {"line": 23}]


def test_markdown_gb18030_and_dispatch():
    data = "# 第一章 总则\n\n正文。\n".encode("gb18030")
    result = read_bytes(data, hint="md")
    assert result.format == "md" and result.encoding == "gb18030"
    assert stream(result.blocks) == [("P", "第一章 总则", "heading1"), ("P", "正文。", None)]


def test_a_txt_with_a_markdown_table_rule_is_read_as_text():
    """A .txt plan whose indicator table is written |---| style keeps the separate lines of
    its issuing notice (the Markdown reader would join them into one paragraph, and the
    issuer, date and document number were lost); without an extension it is sniffed."""
    data = ("檀宁县物流业发展“十四五”规划\n檀宁县人民政府办公室\n2021年11月26日\n\n"
            "| 指标 | 2020年 | 2025年 |\n|---|---|---|\n| 社会物流总额 | 180 | 260 |\n").encode()
    as_text = read_bytes(data, hint="txt")
    assert as_text.format == "txt"
    assert [b.text for b in as_text.blocks if isinstance(b, Paragraph)] == [
        "檀宁县物流业发展“十四五”规划", "檀宁县人民政府办公室", "2021年11月26日"]
    assert [[c.text for c in row] for row in as_text.blocks[-1].rows] == [
        ["指标", "2020年", "2025年"], ["社会物流总额", "180", "260"]]
    assert read_bytes(data).format == "md"


def test_markdown_fenced_box_and_setext_heading():
    text = "某区规划\n====\n\n```\n1.项目一\n\n2.项目二\n```\n"
    result = read_markdown(text.encode())
    assert stream(result.blocks) == [("P", "某区规划", "heading1"), ("T", [["1.项目一\n2.项目二"]])]


def test_markdown_numbering_starts_a_paragraph_but_a_decimal_does_not():
    """Soft-wrapped lines join, except where a line opens with numbering or a heading
    number (headings.NUMBERING / HEADING_NUMBER); ``1.5亿元`` opening a wrapped line is a
    figure, not an item ``1.``."""
    text = "新增投资\n1.5亿元，建成项目。\n（一）推进改革\n第二章 保障措施\n"
    assert [b.text for b in read_markdown(text.encode()).blocks] == [
        "新增投资1.5亿元，建成项目。", "（一）推进改革", "第二章 保障措施"]


# ---------------------------------------------------------------- shared grid

def test_fill_grid_survives_overlapping_spans():
    rows = [[GridCell([], colspan=2, rowspan=3), GridCell([])],
            [GridCell([], colspan=5)],  # overlaps the rowspan above: must not loop or raise
            [GridCell([]), GridCell([], continues=True)],
            [GridCell([], rowspan=10**9)]]
    grid = fill_grid(rows)
    assert [len(row) for row in grid] == [2, 2, 3, 1]


def test_markdown_character_references_are_decoded_outside_code_spans():
    """&amp; &lt; &nbsp; &#8226; as CommonMark reads them; a code span keeps them literally."""
    text = "城镇调查失业率&lt;5.5% &amp; 就业&nbsp;稳定 &#8226; `&amp;`\n"
    assert [b.text for b in read_markdown(text.encode()).blocks] == ["城镇调查失业率<5.5% & 就业\xa0稳定 • &amp;"]


def test_docx_member_written_twice_is_read_once_without_a_warning():
    """A zip may hold one name twice; zipfile reads the last, and re-packing it must not
    print zipfile's "Duplicate name" warning (a second stderr line in the CLI)."""
    import warnings

    good = docx_bytes(new_document())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(out, "w") as target:
        names = source.namelist()
        for name in names:
            target.writestr(name, source.read(name))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            target.writestr("word/document.xml", source.read("word/document.xml").replace(
                b"</w:body>", b"<w:p><w:r><w:t>\xe7\xac\xac\xe4\xba\x8c\xe4\xbb\xbd</w:t></w:r></w:p></w:body>"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = read_docx(out.getvalue())
    assert [b.text for b in result.blocks] == ["第二份"]
