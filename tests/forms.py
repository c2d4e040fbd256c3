"""Every form of the reference plan, CONSTRUCTED from the text sample for the tests.

The reference plan comes as text and as one real .docx; users bring other layouts.
Each function here renders the plan's text (read by the text reader into paragraphs
and tables) in one such layout: government web pages (utf-8, gb2312 with site chrome
and a metadata table), Markdown as converters emit it, and Word files laid out the
ways real plans are (Heading styles, 专栏 title in the table's first merged row, a
merged 类别 column with a 单位 column and a note row, automatic list numbering,
tables nested in a box, a 专栏 in a text box).  The expected values do not come from
here but from reference_expected.py.
"""
from __future__ import annotations

import html
import io
import re
from pathlib import Path

from plan_parser.blocks import Paragraph, Table
from plan_parser.readers.text import read_text

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "tongliang_hrss_14th.txt"

_HEADING = re.compile(r"^第[一二三四五六七八九十]+(章|节)")
_COLUMN = re.compile(r"^专栏\d+")
_NAME_UNIT = re.compile(r"^(.*?)（([^（）]+)）$")


def blocks():
    return read_text(SAMPLE.read_bytes()).blocks


def level(text: str) -> int | None:
    m = _HEADING.match(text)
    return None if not m else (1 if m.group(1) == "章" else 2)


def rows(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def is_indicator_table(table: Table) -> bool:
    return len(table.rows) > 1


def box_items(table: Table) -> list[str]:
    return [p.text for p in table.rows[0][0].paragraphs]


# -- HTML -------------------------------------------------------------------------

def _html_table(table: Table) -> str:
    out = ['<table border="1" cellspacing="0">']
    width = max(len(r) for r in table.rows)
    for cells in rows(table):
        if len(cells) == 1 and width > 1:
            out.append(f'<tr><td colspan="{width}">{html.escape(cells[0])}</td></tr>')
        else:
            out.append("<tr>" + "".join(f"<td><p>{html.escape(c)}</p></td>" for c in cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def html_page(charset: str) -> bytes:
    """A government page: navigation, breadcrumb, metadata table, #zoom content, footer."""
    body = []
    items = blocks()
    for i, block in enumerate(items):
        if isinstance(block, Table):
            if is_indicator_table(block):
                body.append(_html_table(block))
            else:
                lines = "".join(f"<p>{html.escape(t)}</p>" for t in box_items(block))
                body.append(f'<table border="1"><tr><td>{lines}</td></tr></table>')
        elif level(block.text):
            body.append(f"<p style=\"text-align:center\"><strong>{html.escape(block.text)}</strong></p>")
        elif i < 12:
            body.append(f"<div>{html.escape(block.text)}<br></div>")  # the notice: divs with <br>
        else:
            body.append(f"<p>\u3000\u3000{html.escape(block.text)}</p>")
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>重庆市铜梁区人民政府办公室关于印发规划的通知_重庆市铜梁区人民政府</title>
<script>var x = "<p>不是正文</p>";</script><style>p {{ margin: 0 }}</style></head>
<body>
<div class="header"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<div class="nav"><ul><li>政府信息公开</li><li>政策文件</li></ul></div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<table class="xxgk_table">
<tr><td>索 引 号：</td><td>11500224009345678X/2022-00123</td><td>主题分类：</td><td>劳动、人事、监察</td></tr>
<tr><td>发布机构：</td><td>重庆市铜梁区人民政府办公室</td><td>成文日期：</td><td>2022-07-04</td></tr>
<tr><td>标　　题：</td><td>重庆市铜梁区人民政府办公室关于印发重庆市铜梁区人力资源和社会保障事业发展“十四五”规划（2021—2025年）的通知</td><td>发文字号：</td><td></td></tr>
</table>
<div id="zoom" class="TRS_Editor">
{chr(10).join(body)}
</div>
<div class="footer">主办：重庆市铜梁区人民政府办公室　网站标识码：5002240001　渝ICP备00000000号</div>
</body></html>"""
    return page.encode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset)


# -- Markdown ---------------------------------------------------------------------

def markdown() -> bytes:
    """As document converters emit it: # headings, pipe tables, numbered lines."""
    out = []
    for block in blocks():
        if isinstance(block, Table):
            if is_indicator_table(block):
                table = rows(block)
                width = max(len(r) for r in table)
                out.append("| " + " | ".join(table[0]) + " |")
                out.append("|" + "---|" * width)
                for cells in table[1:]:
                    cells = cells + [""] * (width - len(cells))
                    out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
            else:
                out += [f"{t}\n" for t in box_items(block)]
        elif level(block.text):
            out.append("#" * level(block.text) + " " + block.text)
        else:
            out.append(block.text)
        out.append("")
    return "\n".join(out).encode("utf-8")


# -- Word -------------------------------------------------------------------------

def _docx():
    import docx

    return docx.Document()


def _save(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _word_table(container, table_rows: list[list[str]], *, title: str | None = None):
    """A Word table; one-cell rows are merged across (gridSpan); a title row on top if given."""
    width = max(len(r) for r in table_rows)
    all_rows = ([[title]] if title else []) + table_rows
    table = container.add_table(rows=len(all_rows), cols=width)
    for r, cells in enumerate(all_rows):
        if len(cells) == 1 and width > 1:
            merged = table.cell(r, 0).merge(table.cell(r, width - 1))
            merged.text = cells[0]
        else:
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
    return table


def _split_unit(rows_: list[list[str]]) -> list[list[str]]:
    """指标 | … → 类别 | 指标 | 单位 | …, category rows folded into the 类别 column."""
    header, *body = rows_
    out = [["类别", header[0], "单位", *header[1:]]]
    category = ""
    for cells in body:
        if len(cells) == 1:
            category = cells[0]
            continue
        m = _NAME_UNIT.match(cells[0])
        name, unit = (m.group(1), m.group(2)) if m else (cells[0], "")
        out.append([category, name, unit, *cells[1:]])
    return out


def _merge_category_column(table, body_rows: list[list[str]], first_row: int) -> None:
    """Merge runs of equal 类别 cells vertically (vMerge), as Word users do."""
    start = first_row
    for r in range(first_row + 1, first_row + len(body_rows) + 1):
        if r == first_row + len(body_rows) or body_rows[r - first_row][0] != body_rows[start - first_row][0]:
            if r - 1 > start:
                text = body_rows[start - first_row][0]
                merged = table.cell(start, 0).merge(table.cell(r - 1, 0))
                merged.text = text
            start = r


def docx_form(layout: str) -> bytes:
    """The reference plan as a Word file in one layout (see the module docstring)."""
    document = _docx()
    items = blocks()
    pending_title: str | None = None
    for i, block in enumerate(items):
        if isinstance(block, Paragraph) and block.text.startswith(("注：", "备注：")) and layout == "category-column":
            continue  # moved into the table's last row
        if isinstance(block, Paragraph):
            if _COLUMN.match(block.text) and layout in ("title-in-table", "nested-box", "text-box"):
                pending_title = block.text
                continue
            lvl = level(block.text)
            if lvl and layout == "heading-styles":
                document.add_heading(block.text, level=lvl)
            else:
                para = document.add_paragraph()
                run = para.add_run(block.text)
                run.bold = bool(lvl)
            continue
        table_rows = rows(block)
        if is_indicator_table(block):
            if layout == "title-in-table":
                _word_table(document, table_rows, title=pending_title)
            elif layout == "nested-box":
                box = document.add_table(rows=1, cols=1).cell(0, 0)
                box.paragraphs[0].text = pending_title
                _word_table(box, table_rows)
            elif layout == "category-column":
                split = _split_unit(table_rows)
                note = next((b.text for b in items[i + 1:i + 3] if isinstance(b, Paragraph)
                             and b.text.startswith(("注：", "备注："))), None)
                table = _word_table(document, split + ([[note]] if note else []))
                _merge_category_column(table, split[1:], 1)
            else:
                if pending_title:  # text-box layout: only project boxes are drawn as text boxes
                    document.add_paragraph(pending_title)
                _word_table(document, table_rows)
            pending_title = None
            continue
        # a project box
        lines = box_items(block)
        if layout == "numbering":
            box = document.add_table(rows=1, cols=1).cell(0, 0)
            first = True
            for text in lines:
                body = re.sub(r"^\d+\.", "", text)
                para = box.paragraphs[0] if first else box.add_paragraph()
                para.style = document.styles["List Number"]
                para.add_run(body)
                first = False
            _restart_numbering(document, box)
        elif layout == "text-box":
            anchor = document.add_paragraph()
            _add_text_box(anchor, [pending_title, *lines])
        else:
            box = document.add_table(rows=1, cols=1).cell(0, 0)
            paragraphs = ([pending_title] if pending_title and layout in ("title-in-table", "nested-box") else [])
            for k, text in enumerate(paragraphs + lines):
                (box.paragraphs[0] if k == 0 else box.add_paragraph()).text = text
        pending_title = None
    return _save(document)


def _restart_numbering(document, cell) -> None:
    """Give each box its own list (a new w:num) so every box counts from 1, as Word does."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    numbering = document.part.numbering_part.element
    style = document.styles["List Number"].element
    num_id = style.find(qn("w:pPr")).find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
    abstract = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = abstract.find(qn("w:abstractNumId")).get(qn("w:val"))
    new_id = str(max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{new_id}"><w:abstractNumId w:val="{abstract_id}"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    for para in cell.paragraphs:
        para._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{new_id}"/></w:numPr>'))


def _add_text_box(anchor, lines: list[str]) -> None:
    """Put ``lines`` in a VML text box anchored in ``anchor`` (how many plans draw a 专栏)."""
    from docx.oxml import parse_xml

    paras = "".join(f"<w:p><w:r><w:t>{html.escape(t)}</w:t></w:r></w:p>" for t in lines if t)
    anchor._p.append(parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:400pt;height:300pt">'
        f'<v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))


DOCX_LAYOUTS = ["bold-paragraphs", "heading-styles", "title-in-table", "category-column", "numbering",
                "nested-box", "text-box"]
