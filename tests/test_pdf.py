"""The PDF reader: layouts CONSTRUCTED here with reportlab, the real national outline, and bad PDFs.

Every constructed PDF is drawn in the test that needs it (reportlab's built-in STSong-Light
CID font writes Chinese without a font file), so each expectation is the text the test
itself put on the page.  The reference plan's PDF is checked in test_forms.py with every
other form; the outline's expectations were typed from its 目录 pages and headings.
"""
from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from plan_parser import PlanParseError, load_plan
from plan_parser.blocks import Paragraph, Table
from plan_parser.readers.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PDF = ROOT / "samples" / "tongliang_hrss_14th.pdf"
OUTLINE = ROOT.parent / "shared" / "real" / "cn_national_14th_fyp_outline.pdf"
A4 = (595.0, 842.0)
#: WenQuanYi Zen Hei (Debian's fonts-wqy-zenhei, which .ci/run installs) is embedded as real
#: PDFs embed their fonts; without it, reportlab's built-in STSong-Light (not embedded) is used.
ZENHEI = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
FONT = "WenQuanYiZenHei" if ZENHEI.exists() else "STSong-Light"

pytest.importorskip("reportlab")


# -- drawing helpers ------------------------------------------------------------------

class Page:
    """Draw on a reportlab canvas in display coordinates (points from the top-left).

    ``rotate=90`` makes a landscape page the way scanners and some printers do: a portrait
    MediaBox with ``/Rotate 90`` and the content drawn turned, so it reads upright.
    """

    def __init__(self, canvas, size=A4, rotate=0):
        self.c, self.size, self.rotate = canvas, size, rotate
        # reportlab takes the size as shown: turned by 90, a portrait MediaBox shows landscape
        canvas.setPageSize((size[1], size[0]) if rotate else size)
        if rotate:
            canvas.setPageRotation(rotate)
            canvas.saveState()
            canvas.rotate(90)  # local (x, y) -> user (-y, x): shown at display (x, -y)

    def _xy(self, x, top):
        return (x, -top) if self.rotate else (x, self.size[1] - top)

    def text(self, x, top, s, size=12):
        """``s`` with its glyph box starting at ``top`` (baseline about 0.88 em below)."""
        self.c.setFont(FONT, size)
        bx, by = self._xy(x, top + size * 0.88)
        self.c.drawString(bx, by, s)

    def centred(self, top, s, size=12, width=None):
        w = len(s) * size
        full = width or (self.size[1] if self.rotate else self.size[0])
        self.text((full - w) / 2, top, s, size)

    def rule(self, x0, y0, x1, y1):
        a, b = self._xy(x0, y0), self._xy(x1, y1)
        self.c.setLineWidth(0.5)
        self.c.line(a[0], a[1], b[0], b[1])

    def table(self, x0, top, widths, rows, row_h=20, size=10):
        """A grid with every rule drawn; a one-string row spans all columns."""
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        y = top
        self.rule(xs[0], y, xs[-1], y)
        for row in rows:
            spans = [(0, len(widths))] if len(row) == 1 else [(k, k + 1) for k in range(len(row))]
            for cell, (a, b) in zip(row, spans):
                self.text(xs[a] + 3, y + (row_h - size) / 2, cell, size)
            for a, b in spans:
                self.rule(xs[a], y, xs[a], y + row_h)
            self.rule(xs[-1], y, xs[-1], y + row_h)
            y += row_h
            self.rule(xs[0], y, xs[-1], y)
        return y

    def done(self):
        if self.rotate:
            self.c.restoreState()
        self.c.showPage()


def new_canvas(**kwargs):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        if FONT == "STSong-Light":
            pdfmetrics.registerFont(UnicodeCIDFont(FONT))
        else:
            from reportlab.pdfbase.ttfonts import TTFont

            pdfmetrics.registerFont(TTFont(FONT, str(ZENHEI), subfontIndex=0))
    buf = io.BytesIO()
    return canvas.Canvas(buf, pagesize=A4, **kwargs), buf


def finish(c, buf) -> bytes:
    c.save()
    return buf.getvalue()


def wrap(text: str, per_line: int) -> list[str]:
    return [text[i:i + per_line] for i in range(0, len(text), per_line)]


def paragraph(page: Page, x: float, top: float, text: str, per_line=30, size=12, pitch=18) -> float:
    """``text`` set in lines of ``per_line`` characters (a justified CJK column); returns the
    top of the line after it."""
    for line in wrap(text, per_line):
        page.text(x, top, line, size)
        top += pitch
    return top


def texts(blocks) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Paragraph)]


def table_rows(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


P1 = "坚持就业优先战略，完善促进就业的政策体系，扩大就业容量，提升就业质量，推动实现更加充分更高质量就业。"
P2 = "健全覆盖全民、统筹城乡、公平统一、可持续的多层次社会保障体系，全面实施全民参保计划。"
P3 = "建设高水平人才队伍，深化人才发展体制机制改革，加强专业技术人才和技能人才队伍建设。"
P4 = "构建和谐劳动关系，完善劳动关系协调机制，加强劳动保障监察执法，保障劳动者合法权益。"


# -- constructed layouts ----------------------------------------------------------------

HEADER = ["指标", "2020年", "2025年", "属性"]
ROWS = [[f"{k}.指标{k}（万人）", f"{k}.5", f"[{k + 1}]", "预期性"] for k in range(1, 31)]


def split_table_pdf() -> bytes:
    """专栏1's table runs over two pages; the second page repeats the header row."""
    c, buf = new_canvas()
    page = Page(c)
    page.text(72, 60, "第一章 总体要求", 14)
    page.text(72, 90, "专栏1 主要指标", 12)
    widths = [200, 80, 80, 80]
    page.table(72, 120, widths, [HEADER] + ROWS[:30 - 10])
    page.centred(800, "— 1 —", 10)
    page.done()
    page = Page(c)
    y = page.table(72, 60, widths, [HEADER] + ROWS[20:])
    page.text(72, y + 20, "注：[ ]内为五年累计值。", 12)
    page.centred(800, "— 2 —", 10)
    page.done()
    return finish(c, buf)


def test_table_split_over_two_pages_is_one_table_without_the_repeated_header():
    result = read_pdf(split_table_pdf(), ocr=False)
    tables = [b for b in result.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert table_rows(tables[0]) == [HEADER] + ROWS
    assert tables[0].loc == {"page": 1, "block": 2}
    assert tables[0].row_locs[1] == {"page": 1, "block": 2, "row": 1}
    assert tables[0].row_locs[-1]["page"] == 2
    assert texts(result.blocks) == ["第一章 总体要求", "专栏1 主要指标", "注：[ ]内为五年累计值。"]
    assert result.warnings == []


def test_split_table_reads_as_one_indicator_column(tmp_path):
    path = tmp_path / "split.pdf"
    path.write_bytes(split_table_pdf())
    plan = load_plan(path)
    assert plan.source.format == "pdf" and plan.source.ocr is False
    assert [i.seq for i in plan.indicators] == list(range(1, 31))
    last = plan.indicators[-1]
    assert (last.name, last.unit, last.target.raw, last.target.cumulative) == ("指标30", "万人", "[31]", True)
    assert last.loc["page"] == 2


WIDE = [["地区", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025"],
        ["甲区"] + [str(100 + k) for k in range(10)],
        ["乙区"] + [str(200 + k) for k in range(10)]]


@pytest.mark.skipif(not ZENHEI.exists(), reason="needs fonts-wqy-zenhei: PDFium drops rotated CJK-only runs "
                                                 "of the non-embedded STSong-Light font")
def test_rotated_landscape_page_with_a_wide_table():
    c, buf = new_canvas()
    page = Page(c)
    paragraph(page, 72, 72, P1)
    page.done()
    page = Page(c, rotate=90)  # shown 842 wide, 595 high
    page.text(60, 50, "专栏2 分地区指标", 12)
    page.table(60, 80, [80] + [66] * 10, WIDE)
    page.done()
    data = finish(c, buf)
    import pypdfium2 as pdfium

    made = pdfium.PdfDocument(data)[1]
    assert (made.get_mediabox(), made.get_rotation(), made.get_size()) == ((0, 0, 595, 842), 90, (842, 595))
    result = read_pdf(data, ocr=False)
    assert texts(result.blocks) == [P1, "专栏2 分地区指标"]
    (table,) = [b for b in result.blocks if isinstance(b, Table)]
    assert table_rows(table) == WIDE
    assert table.loc["page"] == 2


def test_two_column_page_reads_left_column_then_right():
    c, buf = new_canvas()
    page = Page(c)
    page.centred(50, "第二章 重点任务", 16)
    top = paragraph(page, 60, 100, P1, per_line=18)
    paragraph(page, 60, top + 12, P2, per_line=18)
    top = paragraph(page, 320, 100, P3, per_line=18)
    paragraph(page, 320, top + 12, P4, per_line=18)
    page.done()
    result = read_pdf(finish(c, buf), ocr=False)
    assert texts(result.blocks) == ["第二章 重点任务", P1, P2, P3, P4]


def test_running_header_footer_and_page_numbers_are_dropped_and_paragraphs_join_across_pages():
    c, buf = new_canvas()
    body = [P1 * 3, P2, P3 * 4, P4]
    numbers = ["— 1 —", "-2-", "3", "第4页"]
    lines = [(k, line) for k, text in enumerate(body) for line in wrap(text, 30)]
    per_page = 4  # 15 lines: P1 runs onto page 2, P3 from page 2 over page 3 to page 4
    for n in range(4):
        page = Page(c)
        page.text(72, 30, "重庆市某某区人力资源和社会保障事业发展规划", 9)
        page.rule(72, 44, 523, 44)
        top, prev = 70, None
        for k, line in lines[n * per_page:(n + 1) * per_page]:
            if prev is not None and k != prev:
                top += 14  # paragraph spacing
            page.text(72, top, line)
            top, prev = top + 18, k
        page.text(72, 790, f"某某区人民政府办公室 印发 第{n + 1}页", 9)
        page.centred(810, numbers[n], 10)
        page.done()
    result = read_pdf(finish(c, buf), ocr=False)
    assert texts(result.blocks) == body
    assert [b.loc["page"] for b in result.blocks] == [1, 2, 2, 4]
    assert result.warnings == [
        ("page_furniture", "running header '重庆市某某区人力资源和社会保障事业发展规划' dropped from 4 pages", {"page": 1}),
        ("page_furniture", "running header '某某区人民政府办公室 印发 第1页' dropped from 4 pages", {"page": 1})]


def test_browser_print_chrome_is_dropped():
    """A page printed from a browser: date and title on top, URL and n/N at the foot."""
    c, buf = new_canvas()
    for n in range(3):
        page = Page(c)
        page.text(30, 20, "2022/7/4 上午10:15", 8)
        page.text(300, 20, "重庆市铜梁区人民政府", 8)
        paragraph(page, 72, 80 + 20 * n, [P1, P2, P3][n])
        page.text(30, 815, "http://www.cqstl.gov.cn/zwgk_239/fdzdgknr/lzyj/xzgfxwj/202207/t20220704.html", 8)
        page.text(540, 815, f"{n + 1}/3", 8)
        page.done()
    result = read_pdf(finish(c, buf), ocr=False)
    assert texts(result.blocks) == [P1, P2, P3]
    assert [w[1] for w in result.warnings] == [  # 1/3, 2/3, 3/3 are page numbers: dropped unnamed
        "running header '2022/7/4 上午10:15' dropped from 3 pages",
        "running header '重庆市铜梁区人民政府' dropped from 3 pages",
        "running header 'http://www.cqstl.gov.cn/zwgk_239/fdzdgknr/lzyj/xzgfxwj/202207/t20220704.html' "
        "dropped from 3 pages"]


def test_merged_cells_are_one_cell():
    """A 类别 cell spanning two rows (rowspan) and a title row spanning every column."""
    xs, ys = [72, 152, 352, 452], [100, 120, 140, 160]
    # no inner rule in the title row; the rule under 就业 stops short of its column
    c2, buf2 = new_canvas()
    page = Page(c2)
    page.rule(xs[0], ys[0], xs[-1], ys[0])
    page.rule(xs[0], ys[1], xs[-1], ys[1])
    page.rule(xs[1], ys[2], xs[-1], ys[2])
    page.rule(xs[0], ys[3], xs[-1], ys[3])
    page.rule(xs[0], ys[0], xs[0], ys[-1])
    page.rule(xs[-1], ys[0], xs[-1], ys[-1])
    for x in xs[1:-1]:
        page.rule(x, ys[1], x, ys[-1])
    page.text(75, 104, "专栏3 重点项目", 10)
    page.text(75, 134, "就业", 10)
    page.text(155, 124, "城镇新增就业", 10)
    page.text(355, 124, "[5]", 10)
    page.text(155, 144, "失业率", 10)
    page.text(355, 144, "<5.5", 10)
    page.done()
    (table,) = [b for b in read_pdf(finish(c2, buf2), ocr=False).blocks if isinstance(b, Table)]
    assert table_rows(table) == [["专栏3 重点项目"], ["就业", "城镇新增就业", "[5]"], ["就业", "失业率", "<5.5"]]


# -- the real national outline: 19 篇, 65 章 and their 节 from the text layer ----------------

# Typed from the outline's 目录 (pages 1-6) and, for the 节, from the headings in its body;
# compared with spaces removed (the PDF sets 2035 年 with a gap, and the 篇 titles' two
# phrases are separated by spacing, not by a character).
PARTS = [
    "开启全面建设社会主义现代化国家新征程", "坚持创新驱动发展 全面塑造发展新优势",
    "加快发展现代产业体系 巩固壮大实体经济根基", "形成强大国内市场 构建新发展格局",
    "加快数字化发展 建设数字中国", "全面深化改革 构建高水平社会主义市场经济体制",
    "坚持农业农村优先发展 全面推进乡村振兴", "完善新型城镇化战略 提升城镇化发展质量",
    "优化区域经济布局 促进区域协调发展", "发展社会主义先进文化 提升国家文化软实力",
    "推动绿色发展 促进人与自然和谐共生", "实行高水平对外开放 开拓合作共赢新局面",
    "提升国民素质 促进人的全面发展", "增进民生福祉 提升共建共治共享水平",
    "统筹发展和安全 建设更高水平的平安中国", "加快国防和军队现代化 实现富国和强军相统一",
    "加强社会主义民主法治建设 健全党和国家监督制度", "坚持“一国两制” 推进祖国统一", "加强规划实施保障",
]
# (篇, 章 title, [节 titles]) for 第一章 … 第六十五章
CHAPTERS = [
    (1, "发展环境", ["决胜全面建成小康社会取得决定性成就", "我国发展环境面临深刻复杂变化"]),
    (1, "指导方针", ["指导思想", "必须遵循的原则", "战略导向"]),
    (1, "主要目标", ["2035年远景目标", "“十四五”时期经济社会发展主要目标"]),
    (2, "强化国家战略科技力量", ["整合优化科技资源配置", "加强原创性引领性科技攻关", "持之以恒加强基础研究", "建设重大科技创新平台"]),
    (2, "提升企业技术创新能力", ["激励企业加大研发投入", "支持产业共性基础技术研发", "完善企业创新服务体系"]),
    (2, "激发人才创新活力", ["培养造就高水平人才队伍", "激励人才更好发挥作用", "优化创新创业创造生态"]),
    (2, "完善科技创新体制机制", ["深化科技管理体制改革", "健全知识产权保护运用体制", "积极促进科技开放合作"]),
    (3, "深入实施制造强国战略", ["加强产业基础能力建设", "提升产业链供应链现代化水平", "推动制造业优化升级", "实施制造业降本减负行动"]),
    (3, "发展壮大战略性新兴产业", ["构筑产业体系新支柱", "前瞻谋划未来产业"]),
    (3, "促进服务业繁荣发展", ["推动生产性服务业融合化发展", "加快生活性服务业品质化发展", "深化服务领域改革开放"]),
    (3, "建设现代化基础设施体系", ["加快建设新型基础设施", "加快建设交通强国", "构建现代能源体系", "加强水利基础设施建设"]),
    (4, "畅通国内大循环", ["提升供给体系适配性", "促进资源要素顺畅流动", "强化流通体系支撑作用", "完善促进国内大循环的政策体系"]),
    (4, "促进国内国际双循环", ["推动进出口协同发展", "提高国际双向投资水平"]),
    (4, "加快培育完整内需体系", ["全面促进消费", "拓展投资空间"]),
    (5, "打造数字经济新优势", ["加强关键数字技术创新应用", "加快推动数字产业化", "推进产业数字化转型"]),
    (5, "加快数字社会建设步伐", ["提供智慧便捷的公共服务", "建设智慧城市和数字乡村", "构筑美好数字生活新图景"]),
    (5, "提高数字政府建设水平", ["加强公共数据开放共享", "推动政务信息化共建共用", "提高数字化政务服务效能"]),
    (5, "营造良好数字生态", ["建立健全数据要素市场规则", "营造规范有序的政策环境", "加强网络安全保护", "推动构建网络空间命运共同体"]),
    (6, "激发各类市场主体活力", ["加快国有经济布局优化和结构调整", "推动国有企业完善中国特色现代企业制度",
                                 "健全管资本为主的国有资产监管体制", "优化民营企业发展环境", "促进民营企业高质量发展"]),
    (6, "建设高标准市场体系", ["全面完善产权制度", "推进要素市场化配置改革", "强化竞争政策基础地位", "健全社会信用体系"]),
    (6, "建立现代财税金融体制", ["加快建立现代财政制度", "完善现代税收制度", "深化金融供给侧结构性改革"]),
    (6, "提升政府经济治理能力", ["完善宏观经济治理", "构建一流营商环境", "推进监管能力现代化"]),
    (7, "提高农业质量效益和竞争力", ["增强农业综合生产能力", "深化农业结构调整", "丰富乡村经济业态"]),
    (7, "实施乡村建设行动", ["强化乡村建设的规划引领", "提升乡村基础设施和公共服务水平", "改善农村人居环境"]),
    (7, "健全城乡融合发展体制机制", ["深化农业农村改革", "加强农业农村发展要素保障"]),
    (7, "实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接", ["巩固提升脱贫攻坚成果", "提升脱贫地区整体发展水平"]),
    (8, "加快农业转移人口市民化", ["深化户籍制度改革", "健全农业转移人口市民化机制"]),
    (8, "完善城镇化空间布局", ["推动城市群一体化发展", "建设现代化都市圈", "优化提升超大特大城市中心城区功能",
                              "完善大中城市宜居宜业功能", "推进以县城为重要载体的城镇化建设"]),
    (8, "全面提升城市品质", ["转变城市发展方式", "推进新型城市建设", "提高城市治理水平", "完善住房市场体系和住房保障体系"]),
    (9, "优化国土空间开发保护格局", ["完善和落实主体功能区制度", "开拓高质量发展的重要动力源", "提升重要功能性区域的保障能力"]),
    (9, "深入实施区域重大战略", ["加快推动京津冀协同发展", "全面推动长江经济带发展", "积极稳妥推进粤港澳大湾区建设",
                                "提升长三角一体化发展水平", "扎实推进黄河流域生态保护和高质量发展"]),
    (9, "深入实施区域协调发展战略", ["推进西部大开发形成新格局", "推动东北振兴取得新突破", "开创中部地区崛起新局面",
                                    "鼓励东部地区加快推进现代化", "支持特殊类型地区发展", "健全区域协调发展体制机制"]),
    (9, "积极拓展海洋经济发展空间", ["建设现代海洋产业体系", "打造可持续海洋生态环境", "深度参与全球海洋治理"]),
    (10, "提高社会文明程度", ["推动理想信念教育常态化制度化", "发展中国特色哲学社会科学", "传承弘扬中华优秀传统文化", "持续提升公民文明素养"]),
    (10, "提升公共文化服务水平", ["加强优秀文化作品创作生产传播", "完善公共文化服务体系", "提升中华文化影响力"]),
    (10, "健全现代文化产业体系", ["扩大优质文化产品供给", "推动文化和旅游融合发展", "深化文化体制改革"]),
    (11, "提升生态系统质量和稳定性", ["完善生态安全屏障体系", "构建自然保护地体系", "健全生态保护补偿机制"]),
    (11, "持续改善环境质量", ["深入开展污染防治行动", "全面提升环境基础设施水平", "严密防控环境风险", "积极应对气候变化", "健全现代环境治理体系"]),
    (11, "加快发展方式绿色转型", ["全面提高资源利用效率", "构建资源循环利用体系", "大力发展绿色经济", "构建绿色发展政策体系"]),
    (12, "建设更高水平开放型经济新体制", ["加快推进制度型开放", "提升对外开放平台功能", "优化区域开放布局", "健全开放安全保障体系"]),
    (12, "推动共建“一带一路”高质量发展", ["加强发展战略和政策对接", "推进基础设施互联互通", "深化经贸投资务实合作", "架设文明互学互鉴桥梁"]),
    (12, "积极参与全球治理体系改革和建设", ["维护和完善多边经济治理机制", "构建高标准自由贸易区网络", "积极营造良好外部环境"]),
    (13, "建设高质量教育体系", ["推进基本公共教育均等化", "增强职业技术教育适应性", "提高高等教育质量", "建设高素质专业化教师队伍", "深化教育改革"]),
    (13, "全面推进健康中国建设", ["构建强大公共卫生体系", "深化医药卫生体制改革", "健全全民医保制度", "推动中医药传承创新",
                                "建设体育强国", "深入开展爱国卫生运动"]),
    (13, "实施积极应对人口老龄化国家战略", ["推动实现适度生育水平", "健全婴幼儿发展政策", "完善养老服务体系"]),
    (14, "健全国家公共服务制度体系", ["提高基本公共服务均等化水平", "创新公共服务提供方式", "完善公共服务政策保障体系"]),
    (14, "实施就业优先战略", ["强化就业优先政策", "健全就业公共服务体系", "全面提升劳动者就业创业能力"]),
    (14, "优化收入分配结构", ["拓展居民收入增长渠道", "扩大中等收入群体", "完善再分配机制"]),
    (14, "健全多层次社会保障体系", ["改革完善社会保险制度", "优化社会救助和慈善制度", "健全退役军人工作体系和保障制度"]),
    (14, "保障妇女未成年人和残疾人基本权益", ["促进男女平等和妇女全面发展", "提升未成年人关爱服务水平", "加强家庭建设", "提升残疾人保障和发展能力"]),
    (14, "构建基层社会治理新格局", ["夯实基层社会治理基础", "健全社区管理和服务机制", "积极引导社会力量参与基层治理"]),
    (15, "加强国家安全体系和能力建设", []),
    (15, "强化国家经济安全保障", ["实施粮食安全战略", "实施能源资源安全战略", "实施金融安全战略"]),
    (15, "全面提高公共安全保障能力", ["提高安全生产水平", "严格食品药品安全监管", "加强生物安全风险防控", "完善国家应急管理体系"]),
    (15, "维护社会稳定和安全", ["健全社会矛盾综合治理机制", "推进社会治安防控体系现代化"]),
    (16, "提高国防和军队现代化质量效益", []),
    (16, "促进国防实力和经济实力同步提升", []),
    (17, "发展社会主义民主", []),
    (17, "全面推进依法治国", []),
    (17, "完善党和国家监督体系", []),
    (18, "保持香港、澳门长期繁荣稳定", ["支持港澳巩固提升竞争优势", "支持港澳更好融入国家发展大局"]),
    (18, "推进两岸关系和平发展和祖国统一", ["深化两岸融合发展", "加强两岸人文交流"]),
    (19, "加强党中央集中统一领导", []),
    (19, "健全统一规划体系", ["强化国家发展规划的统领作用", "加强规划衔接协调"]),
    (19, "完善规划实施机制", ["落实规划实施责任", "加强规划实施监测评估", "强化政策协同保障", "加快发展规划立法"]),
]


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def outline():
    """The outline's text layer only (PLAN_PARSER_OCR=0): OCR of its 28 专栏 pictures is
    test_ocr.py's business."""
    if not OUTLINE.exists():
        pytest.skip("the shared real documents are not beside this checkout")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLAN_PARSER_OCR", "0")
        return load_plan(OUTLINE)


def test_outline_parts_chapters_and_sections_come_from_the_text_layer(outline):
    assert len(PARTS) == 19 and len(CHAPTERS) == 65 and sum(len(c[2]) for c in CHAPTERS) == 192
    assert [(p.number, _bare(p.title)) for p in outline.parts] == [(k, _bare(t)) for k, t in enumerate(PARTS, 1)]
    got = [(c.number, _bare(c.title), [(s.number, _bare(s.title)) for s in c.sections]) for c in outline.chapters]
    want = [(k, _bare(t), [(n, _bare(s)) for n, s in enumerate(secs, 1)]) for k, (_, t, secs) in enumerate(CHAPTERS, 1)]
    assert got == want
    part_of = {}
    for p in outline.parts:
        for ch in outline.chapters:
            if ch.loc["block"] > p.loc["block"]:
                part_of[ch.number] = p.number
    assert [part_of[k] for k in range(1, 66)] == [c[0] for c in CHAPTERS]


def test_outline_meta_and_the_pages_its_images_hide(outline):
    assert outline.meta.title == "中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要"
    assert outline.meta.level == "国家"
    assert outline.chapters[0].loc == {"page": 7, "block": outline.chapters[0].loc["block"]}
    assert outline.source.ocr is False
    (warning,) = [w for w in outline.warnings if w.code == "ocr_needed"]
    # 专栏1 (the main indicators) is the picture on page 16; 专栏 pages 28, 34, 36 and 60 are pictures only
    assert "page(s) 28, 34, 36, 60 are images only" in warning.message
    assert "page(s) 16, 18, 20, " in warning.message
    assert warning.message.endswith(("their text is not read. OCR is turned off (PLAN_PARSER_OCR=0)",
                                     "their text is not read. Install the OCR extra: pip install 'plan-parser[ocr]'"))
    assert warning.location == {"page": 16}


# -- bad PDFs: one line, a code, bounded time and memory -------------------------------------

def refused(data: bytes, tmp_path, name="bad.pdf") -> PlanParseError:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(PlanParseError) as caught:
        load_plan(path)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)
    return caught.value


def encrypted(user: str) -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption

    c, buf = new_canvas(encrypt=StandardEncryption(user, ownerPassword="owner-secret", canCopy=0))
    page = Page(c)
    page.text(72, 72, "第一章 总体要求", 14)
    page.text(72, 110, "专栏1 主要指标", 12)
    page.table(72, 140, [200, 80, 80], [["指标", "2020年", "2025年"], ["1.城镇新增就业人数（万人）", "8.49", "[5]"]])
    page.done()
    return finish(c, buf)


def test_encrypted_pdf_needing_a_password_is_refused(tmp_path):
    error = refused(encrypted("secret"), tmp_path)
    assert error.code == "encrypted" and "password" in error.reason


def test_encrypted_pdf_with_an_empty_user_password_is_read(tmp_path):
    """An empty user password is what every viewer tries first: such a file opens for anyone."""
    path = tmp_path / "owner-only.pdf"
    path.write_bytes(encrypted(""))
    plan = load_plan(path)
    assert [(i.name, i.unit, i.target.raw) for i in plan.indicators] == [("城镇新增就业人数", "万人", "[5]")]


def test_truncated_pdf_is_refused(tmp_path):
    data = SAMPLE_PDF.read_bytes()
    error = refused(data[: len(data) // 2], tmp_path)
    assert error.code == "corrupt" and "truncated" in error.reason


def test_garbage_after_the_header_is_refused(tmp_path):
    error = refused(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n", tmp_path)
    assert error.code == "corrupt"


def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF from numbered object bodies, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def test_pdf_with_no_pages_is_refused(tmp_path):
    data = _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])
    error = refused(data, tmp_path)
    assert error.code == "empty" and "no pages" in error.reason


def test_page_count_bomb_is_refused(tmp_path):
    """Ten levels of ten shared kids: 10**10 pages from a few hundred bytes."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(10):
        me = len(objects) + 1
        kids = b" ".join([b"%d 0 R" % (me + 1)] * 10)
        objects.append(b"<< /Type /Pages /Kids [%s] /Count %d %s>>"
                       % (kids, 10 ** (10 - level), b"/Parent %d 0 R " % (me - 1) if level else b""))
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] >>" % len(objects))
    error = refused(_pdf(objects), tmp_path)
    assert error.code in ("too_large", "corrupt")  # PDFium refuses the tree itself


def test_too_many_pages_are_refused_before_any_is_read(tmp_path):
    pages = 2_500
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (3 + k) for k in range(pages)), pages)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    error = refused(_pdf(objects), tmp_path)
    assert (error.code, error.reason) == ("too_large", "a PDF of 2,500 pages (limit 2,000)")


def test_self_referencing_page_tree_is_refused(tmp_path):
    data = _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                 b"<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>"])
    error = refused(data, tmp_path)
    assert error.code == "corrupt" and "page 1" in error.reason


def test_deeply_nested_objects_are_refused_or_read_in_bounded_time(tmp_path):
    deep = b"[" * 200_000 + b"]" * 200_000
    data = _pdf([b"<< /Type /Catalog /Pages 2 0 R /Deep 4 0 R >>",
                 b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>", deep])
    error = refused(data, tmp_path)  # its one page is blank: nothing to read
    assert error.code == "empty" and "neither text nor pictures" in error.reason


def test_giant_image_is_not_decoded(tmp_path):
    """A 100000 x 100000 image (10 GB as pixels) in a 40-byte stream: the page is reported,
    never rendered or decoded, so memory stays bounded (checked in a subprocess)."""
    import zlib

    pixels = zlib.compress(b"\x00" * 100_000, 9)
    image = (b"<< /Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceGray "
             b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream")
    content = b"q 500 0 0 700 40 70 cm /Im0 Do Q"
    data = _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                 b"/Resources << /XObject << /Im0 5 0 R >> >> >>",
                 b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
                 image])
    path = tmp_path / "giant.pdf"
    path.write_bytes(data)
    code = ("import resource, sys\n"
            "from plan_parser import load_plan, PlanParseError\n"
            "try:\n    load_plan(sys.argv[1])\nexcept PlanParseError as e:\n    print(e.code)\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    error_code, peak_mb = done.stdout.split()
    assert error_code in ("ocr_needed", "too_large")
    assert int(peak_mb) < 1500


def test_cli_reports_a_bad_pdf_in_one_line_and_goes_on(tmp_path):
    bad = tmp_path / "locked.pdf"
    bad.write_bytes(encrypted("secret"))
    done = subprocess.run([sys.executable, "-m", "plan_parser", "parse", str(bad), str(SAMPLE_PDF), "--format", "json"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "locked.pdf" in done.stderr and "password" in done.stderr
    assert '"format": "pdf"' in done.stdout


def _picture_of_page_two(tmp_path) -> Path:
    """An image-only PDF: the sample's page 2 (专栏1) rendered to a grey picture."""
    from pdf_pictures import scan

    path = tmp_path / "scan.pdf"
    path.write_bytes(scan(Path(__file__).resolve().parents[1] / "samples" / "tongliang_hrss_14th.pdf", [1], dpi=50))
    return path


def test_settings_ocr_false_reads_the_text_layer_only(tmp_path):
    """Settings(ocr=False) never runs OCR: an image-only PDF is refused with ocr_needed whether
    or not the [ocr] extra is installed."""
    import dataclasses

    from plan_parser.settings import DEFAULTS

    with pytest.raises(PlanParseError) as err:
        load_plan(_picture_of_page_two(tmp_path), settings=dataclasses.replace(DEFAULTS, ocr=False))
    assert err.value.code == "ocr_needed"


def test_cli_no_ocr_is_settings_ocr_false(tmp_path):
    path = _picture_of_page_two(tmp_path)
    done = subprocess.run([sys.executable, "-m", "plan_parser", "parse", str(path), "--no-ocr"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and str(path) in done.stderr and "images only" in done.stderr
