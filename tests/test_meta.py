"""Plan metadata from the front matter: the hard cases, named.

Inputs are CONSTRUCTED here (small front matters), except where the reference plan is edited.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from plan_parser import load_plan
from plan_parser.meta import iso_date, read_meta, region_of

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "tongliang_hrss_14th.txt"


@pytest.mark.parametrize("title, expected", [
    ("重庆市铜梁区人力资源和社会保障事业发展“十四五”规划", ("铜梁区", "区")),
    # a 直辖市 is of provincial level (docs/schema.md)
    ("重庆市人力资源和社会保障事业发展“十四五”规划", ("重庆市", "省")),
    ("北京市朝阳区就业规划", ("朝阳区", "区")),
    ("石柱土家族自治县就业规划", ("石柱土家族自治县", "县")),
    ("四川省就业促进规划", ("四川省", "省")),
    # common nouns that end like places are not the plan's place
    ("重庆市社区服务体系建设“十四五”规划", ("重庆市", "省")),
    ("湖北省农村地区发展规划", ("湖北省", "省")),
    ("广东省工业园区规划", ("广东省", "省")),
    ("成都市老城区更新规划", ("成都市", "市")),
    ("人力资源和社会保障事业发展规划", (None, None)),
])
def test_region_and_level(title, expected):
    assert region_of(title) == expected


@pytest.mark.parametrize("text, iso", [("2022年7月4日", "2022-07-04"), ("二〇二二年七月四日", "2022-07-04"),
                                       ("2022年13月4日", None), ("七月四日", None)])
def test_iso_date(text, iso):
    assert iso_date(text) == iso


def test_a_foreword_citing_the_parent_plan_is_not_the_title():
    front = ["璧山区就业“十四五”规划（2021—2025年）",
             "根据《重庆市就业“十四五”规划（2021—2025年）》，编制本规划。"]
    meta = read_meta(front, {})
    assert (meta.title, meta.region, meta.level) == ("璧山区就业“十四五”规划（2021—2025年）", "璧山区", "区")


def test_notice_heading_when_the_notice_sentence_has_no_quotes(tmp_path):
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    assert lines[7].startswith("《重庆市铜梁区")
    lines[7] = "现将规划印发给你们，请认真贯彻执行。"
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    meta = load_plan(path).meta
    assert meta.title == "重庆市铜梁区人力资源和社会保障事业发展“十四五”规划（2021—2025年）"
    assert (meta.region, meta.level, meta.issuer, meta.issued_date) == (
        "铜梁区", "区", "重庆市铜梁区人民政府办公室", "2022-07-04")


def test_document_number_and_hints():
    front = ["重庆市人民政府办公厅", "关于印发重庆市就业促进“十四五”规划（2021—2025年）的通知",
             "渝府办发〔2021〕109号", "重庆市人民政府办公厅", "2021年9月30日"]
    meta = read_meta(front, {})
    assert (meta.title, meta.doc_number, meta.issuer, meta.issued_date, meta.level) == (
        "重庆市就业促进“十四五”规划（2021—2025年）", "渝府办发〔2021〕109号", "重庆市人民政府办公厅",
        "2021-09-30", "省")
    assert (meta.period_start, meta.period_end) == (2021, 2025)
    hinted = read_meta(front, {"doc_number": "渝府办发〔2021〕110号", "issued_date": "2021-10-01"})
    assert (hinted.doc_number, hinted.issued_date) == ("渝府办发〔2021〕110号", "2021-10-01")
