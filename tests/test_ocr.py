"""OCR through the ``[ocr]`` extra: the national outline's 专栏1 (a picture on page 16) and a
scan of the reference plan's PDF CONSTRUCTED here (pages rendered to grey images, no text layer).

Marked ``ocr`` (about two minutes on a loaded two-core machine; skip with ``-m 'not ocr'``);
skipped when the extra is not installed.  Expected rows of 专栏1 were typed from the image
on page 16 of the outline; the scan's expectations are the reference plan's (reference_expected.py).
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from pdf_pictures import pages_of, scan
from plan_parser import PlanParseError, load_plan

pytestmark = pytest.mark.ocr
pytest.importorskip("rapidocr_onnxruntime")
pdfium = pytest.importorskip("pypdfium2")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PDF = ROOT / "samples" / "tongliang_hrss_14th.pdf"
OUTLINE = ROOT.parent / "shared" / "real" / "cn_national_14th_fyp_outline.pdf"


# 专栏1 “十四五”时期经济社会发展主要指标, typed from the picture on page 16 of the outline:
# (seq, 类别, name, unit, 2020年, 2025年, 年均/累计, 属性); None where the cell is —
COLUMN1 = [
    (1, "经济发展", "国内生产总值（GDP）增长", "%", "2.3", None, "保持在合理区间、各年度视情提出", "预期性"),
    (2, "经济发展", "全员劳动生产率增长", "%", "2.5", None, "高于GDP增长", "预期性"),
    (3, "经济发展", "常住人口城镇化率", "%", "60.6*", "65", None, "预期性"),
    (4, "创新驱动", "全社会研发经费投入增长", "%", None, None, ">7、力争投入强度高于“十三五”时期实际", "预期性"),
    (5, "创新驱动", "每万人口高价值发明专利拥有量", "件", "6.3", "12", None, "预期性"),
    (6, "创新驱动", "数字经济核心产业增加值占GDP比重", "%", "7.8", "10", None, "预期性"),
    (7, "民生福祉", "居民人均可支配收入增长", "%", "2.1", None, "与GDP增长基本同步", "预期性"),
    (8, "民生福祉", "城镇调查失业率", "%", "5.2", None, "<5.5", "预期性"),
    (9, "民生福祉", "劳动年龄人口平均受教育年限", "年", "10.8", "11.3", None, "约束性"),
    (10, "民生福祉", "每千人口拥有执业（助理）医师数", "人", "2.9", "3.2", None, "预期性"),
    (11, "民生福祉", "基本养老保险参保率", "%", "91", "95", None, "预期性"),
    (12, "民生福祉", "每千人口拥有3岁以下婴幼儿托位数", "个", "1.8", "4.5", None, "预期性"),
    (13, "民生福祉", "人均预期寿命", "岁", "77.3*", None, "〔1〕", "预期性"),
    (14, "绿色生态", "单位GDP能源消耗降低", "%", None, None, "〔13.5〕", "约束性"),
    (15, "绿色生态", "单位GDP二氧化碳排放降低", "%", None, None, "〔18〕", "约束性"),
    (16, "绿色生态", "地级及以上城市空气质量优良天数比率", "%", "87", "87.5", None, "约束性"),
    (17, "绿色生态", "地表水达到或好于Ⅲ类水体比例", "%", "83.4", "85", None, "约束性"),
    (18, "绿色生态", "森林覆盖率", "%", "23.2*", "24.1", None, "约束性"),
    (19, "安全保障", "粮食综合生产能力", "亿吨", None, ">6.5", None, "约束性"),
    (20, "安全保障", "能源综合生产能力", "亿吨标准煤", None, ">46", None, "约束性"),
]


def raw(q):
    return None if q is None else q.raw


@pytest.fixture(scope="module")
def column1(tmp_path_factory):
    if not OUTLINE.exists():
        pytest.skip("the shared real documents are not beside this checkout")
    path = tmp_path_factory.mktemp("ocr") / "outline_page16.pdf"
    path.write_bytes(pages_of(OUTLINE, [15]))
    return load_plan(path)


def test_outline_column1_picture_is_read_into_its_20_indicators(column1):
    assert column1.source.ocr is True
    assert [w.message for w in column1.warnings if w.code == "ocr"] == [
        "text read by OCR on page(s) 1; check its figures against the page images"]
    assert [(c.number, c.title, c.kind) for c in column1.columns] == [
        (1, "“十四五”时期经济社会发展主要指标", "indicators")]
    got = [(i.seq, i.category, i.name, i.unit, raw(i.baseline), raw(i.target), raw(i.growth), i.attribute)
           for i in column1.indicators]
    assert got == COLUMN1


def test_ocr_figures_go_through_the_quantity_grammar(column1):
    by_seq = {i.seq: i for i in column1.indicators}
    energy = by_seq[14].growth  # 〔13.5〕: a five-year total
    assert (energy.value, energy.unit, energy.cumulative) == (13.5, "%", True)
    grain = by_seq[19].target  # >6.5 亿吨: a lower bound
    assert (grain.comparator, grain.lower, grain.unit, grain.base_value) == (">", 6.5, "亿吨", 6.5e8)
    assert by_seq[3].baseline.footnote == "*"
    assert by_seq[1].loc == {"page": 1, "block": 0, "row": 2}


def test_scan_of_the_reference_plan_gives_its_indicators(tmp_path):
    """Pages 2, 4 and 5 of the reference PDF (专栏1, and 专栏2 running over a page break)
    scanned: every field of all 34 indicators as the reference plan states them."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from reference_checks import indicator_dict
    from reference_expected import expected_indicators

    path = tmp_path / "scan.pdf"
    path.write_bytes(scan(SAMPLE_PDF, [1, 3, 4]))
    plan = load_plan(path)
    assert plan.source.ocr is True
    assert [w.message for w in plan.warnings if w.code == "ocr"] == [
        "text read by OCR on page(s) 1-3; check its figures against the page images"]
    got = [indicator_dict(i) for i in plan.indicators]
    expected = expected_indicators()
    assert len(got) == len(expected) == 34
    for g, e in zip(got, expected):  # raw compared without spaces: OCR cannot see the one in "[ 2.39]"
        assert _spaceless(g) == _spaceless(e), f"专栏{e['column']} row {e['seq']}"


def _spaceless(indicator: dict) -> dict:
    return {key: ({**value, "raw": value["raw"].replace(" ", "")} if isinstance(value, dict) else value)
            for key, value in indicator.items()}


def test_image_only_pdf_without_the_extra_is_refused_naming_it(tmp_path, monkeypatch):
    monkeypatch.setattr("plan_parser.readers.ocr.available", lambda: False)
    path = tmp_path / "scan.pdf"
    path.write_bytes(scan(SAMPLE_PDF, [0], dpi=50))
    with pytest.raises(PlanParseError) as caught:
        load_plan(path)
    assert caught.value.code == "ocr_needed" and "pip install 'plan-parser[ocr]'" in caught.value.reason


def test_pdf_with_some_image_pages_without_the_extra_reads_the_rest_and_warns(tmp_path, monkeypatch):
    """The reference PDF with its page 3 replaced by a picture of itself."""
    monkeypatch.setattr("plan_parser.readers.ocr.available", lambda: False)
    doc = pdfium.PdfDocument(pages_of(SAMPLE_PDF, [0, 1]))
    doc.import_pages(pdfium.PdfDocument(scan(SAMPLE_PDF, [2], dpi=50)))
    buf = io.BytesIO()
    doc.save(buf)
    path = tmp_path / "mixed.pdf"
    path.write_bytes(buf.getvalue())
    plan = load_plan(path)
    assert plan.source.ocr is False
    (warning,) = [w for w in plan.warnings if w.code == "ocr_needed"]
    assert warning.message.startswith("page(s) 3 are images only") and warning.location == {"page": 3}
    assert [i.seq for i in plan.indicators] == list(range(1, 16))  # 专栏1, on page 2, is read
