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


def test_reference_plan_place():
    meta = load_plan(SAMPLE).meta
    assert (meta.region, meta.level, meta.adcode, meta.parent, meta.parent_adcode, meta.issued_date) == (
        "铜梁区", "区", "500151", "重庆市", "500000", "2022-07-04")


def _warnings(front: list[str]) -> tuple:
    seen: list[tuple] = []
    meta = read_meta(front, {}, lambda code, message, location: seen.append((code, message)))
    return meta, seen


@pytest.mark.parametrize("front, region, level, adcode", [
    # national: 国务院's notice, a ministry's signature, the outline's own title, a 国发 number,
    # a title that opens with the plan period
    (["国务院关于印发“十四五”数字经济发展规划的通知"], "中国", "国家", "100000"),
    (["“十四五”智能制造发展规划"], "中国", "国家", "100000"),
    (["中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要"], "中国", "国家", "100000"),
    (["关于印发某某事业发展规划的通知", "国发〔2021〕29号"], "中国", "国家", "100000"),
    (["关于印发水利信息化发展规划的通知", "现将《水利信息化发展规划》印发给你们。", "水利部办公厅",
      "2022年6月14日"], "中国", "国家", "100000"),
    # provinces: 省, 自治区, 直辖市
    (["山东省“十三五”科技创新规划"], "山东省", "省", "370000"),
    (["广西壮族自治区“十四五”规划"], "广西壮族自治区", "省", "450000"),
    (["重庆市就业促进“十四五”规划"], "重庆市", "省", "500000"),
    # a city, a district written with and without its parent, a county-level city
    (["济南市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"], "济南市", "市", "370100"),
    (["重庆市璧山区就业“十四五”规划"], "璧山区", "区", "500120"),
    (["璧山区就业“十四五”规划"], "璧山区", "区", "500120"),
    (["都江堰市“十四五”规划"], "都江堰市", "县", "510181"),
    # a plan of a county that has since become a district keeps its name and level
    (["重庆市铜梁县国民经济和社会发展第十二个五年规划纲要"], "铜梁县", "县", "500151"),
    # no title names the place: the issuer does
    (["关于印发就业规划的通知", "重庆市铜梁区人民政府办公室", "2022年7月4日"], "铜梁区", "区", "500151"),
])
def test_place_of_the_plan(front, region, level, adcode):
    meta, warnings = _warnings(front)
    assert (meta.region, meta.level, meta.adcode, warnings) == (region, level, adcode, [])


def test_national_plan_parent_is_none_and_province_parent_is_china():
    meta, _ = _warnings(["山东省“十四五”教育事业发展规划"])
    assert (meta.parent, meta.parent_adcode) == ("中国", "100000")
    meta, _ = _warnings(["“十四五”数字经济发展规划"])
    assert (meta.parent, meta.parent_adcode) == (None, None)


def test_a_name_several_places_bear_keeps_the_name_and_warns():
    meta, warnings = _warnings(["朝阳区“十四五”就业规划"])
    assert (meta.region, meta.level, meta.adcode) == ("朝阳区", "区", None)
    assert [code for code, _ in warnings] == ["place_ambiguous"]
    assert "110105" in warnings[0][1] and "220104" in warnings[0][1]


def test_a_place_the_list_does_not_know_is_read_from_its_name_with_a_warning():
    # 天府新区 is a state-level new area run by a 管理委员会, not a unit of the list
    meta, warnings = _warnings(["四川省天府新区“十四五”规划", "四川天府新区管理委员会", "2021年12月1日"])
    assert (meta.region, meta.level, meta.adcode, meta.parent_adcode) == ("天府新区", "区", None, "510000")
    assert [code for code, _ in warnings] == ["place_unlisted"]
    # without a government of that name, a name-like phrase is no place
    meta, warnings = _warnings(["工业园区发展规划"])
    assert (meta.region, meta.level, warnings) == (None, None, [])
    meta, warnings = _warnings(["重庆市社区服务体系建设“十四五”规划"])
    assert (meta.region, meta.adcode, warnings) == ("重庆市", "500000", [])


def test_joint_issuers_on_one_line_are_the_issuer():
    # a sector plan issued by five bodies together (made-up city): the line is the issuer,
    # a 妇女联合会 is an issuing body, and the city of the title is then the region
    front = ["沛水市家庭教育工作“十四五”规划",
             "沛水市妇女联合会 沛水市教育局 沛水市民政局 沛水市卫生健康委员会 沛水市关心下一代工作委员会",
             "关于印发《沛水市家庭教育工作“十四五”规划》的通知", "2021年9月6日"]
    meta, warnings = _warnings(front)
    assert meta.issuer == front[1]
    assert (meta.region, meta.level, [code for code, _ in warnings]) == ("沛水市", "市", ["place_unlisted"])
    meta, _ = _warnings(["沛水市家庭教育工作“十四五”规划", "沛水市妇女联合会", "2021年9月6日"])
    assert meta.issuer == "沛水市妇女联合会"
    # an addressee line lists offices after 各 ("each"): no issuer, with or without its ：
    for line in ("各区县教育局、民政局：", "各区县教育局、民政局"):
        meta, _ = _warnings(["某规划", line, "2022年7月4日"])
        assert (meta.issuer, meta.region) == (None, None), line
    # a space inside one office's name is no second body (重庆市　铜梁区…)
    meta, _ = _warnings(["某规划", "请认真贯彻执行。", "重庆市　铜梁区人民政府办公室", "2022年7月4日"])
    assert (meta.issuer, meta.region) == ("重庆市　铜梁区人民政府办公室", "铜梁区")


def test_issuing_bodies_join_broken_names():
    from plan_parser.meta import issuing_bodies

    # a fragment joins the part after it, a bare 办公厅 the part before it; spaced characters join
    assert issuing_bodies("重庆市　铜梁区人民政府办公室 重庆市铜梁区教育委员会") == [
        "重庆市铜梁区人民政府办公室", "重庆市铜梁区教育委员会"]
    assert issuing_bodies("重庆市人民政府 办公厅") == ["重庆市人民政府办公厅"]
    assert issuing_bodies("重 庆 市 人 民 政 府 办 公 厅") == ["重庆市人民政府办公厅"]
    assert issuing_bodies("济南市公安局 济南市城乡交通 运输局") == ["济南市公安局", "济南市城乡交通运输局"]
    assert issuing_bodies("\u3000") == []


def test_joint_signatures_one_per_line_are_the_issuer():
    # four bodies sign, one per line, above the date (made-up province): all four, as written
    front = ["岷山省“十四五”海绵城市建设规划", "关于印发《岷山省“十四五”海绵城市建设规划》的通知",
             "各市住房和城乡建设局：", "现将规划印发给你们。", "岷山省住房和城乡建设厅", "岷山省发展和改革委员会",
             "岷山省财政厅", "岷山省水利厅", "2021年10月8日"]
    meta, _ = _warnings(front)
    assert meta.issuer == "岷山省住房和城乡建设厅 岷山省发展和改革委员会 岷山省财政厅 岷山省水利厅"
    assert (meta.region, meta.level, meta.issued_date) == ("岷山省", "省", "2021-10-08")


def test_an_unlisted_district_under_an_unlisted_city_is_the_plan_s_place():
    # A made-up city and district (not in the list): the district whose government issues
    # the plan is its place, and the city it is written under its parent (no code for either).
    meta, warnings = _warnings(["棠溪市枫渚区中医药发展“十四五”规划", "棠溪市枫渚区人民政府", "2021年8月3日"])
    assert (meta.region, meta.level, meta.adcode, meta.parent, meta.parent_adcode) == (
        "枫渚区", "区", None, "棠溪市", None)
    assert [code for code, _ in warnings] == ["place_unlisted"] and "枫渚区" in warnings[0][1]
    meta, warnings = _warnings(["某某市某某区就业“十四五”规划"])
    assert (meta.region, meta.parent, warnings) == ("某某区", "某某市", [])


@pytest.mark.parametrize("title, region, level, parent", [
    ("某某区就业“十四五”规划", "某某区", "区", None),
    ("重庆市某某区就业促进“十四五”规划", "某某区", "区", "500000"),
    ("某某省人力资源和社会保障事业发展“十四五”规划", "某某省", "省", None),
    ("XX县农业农村现代化规划", "XX县", "县", None),
])
def test_a_placeholder_place_is_read_from_its_name(title, region, level, parent):
    meta, warnings = _warnings([title])
    assert (meta.region, meta.level, meta.adcode, meta.parent_adcode, warnings) == (region, level, None, parent, [])


@pytest.mark.parametrize("title, period", [
    ("“十四五”数字经济发展规划", (2021, 2025)),
    ("山东省“十三五”科技创新规划", (2016, 2020)),
    ("重庆市“十五五”规划", (2026, 2030)),
    ("公路水路交通运输信息化“十二五”发展规划", (2011, 2015)),
    ("济南市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", (2021, 2025)),
    ("国民经济和社会发展第十个五年计划纲要", (2001, 2005)),
    ("“十五”计划纲要", (2001, 2005)),
    # written years win over the name
    ("国家新型城镇化规划（2014—2020年）", (2014, 2020)),
    ("人力资源发展规划", (None, None)),
])
def test_period_from_the_plan_period_name(title, period):
    meta, _ = _warnings([title])
    assert (meta.period_start, meta.period_end) == period


@pytest.mark.parametrize("front", [
    # running text with 规划 (real corpus lines: policy_corpus central_037, central_159, central_025)
    ["统筹规划、协调配套。结合石化行业特点，构建与国家"],
    ["缺乏统筹规划，体制机制不顺畅，相关人才队伍欠缺，可持续的建设运营模"],
    ["中国建设整体布局规划》，按照夯实基础、赋能全局、强化能"],
    # a cited notice, and a report that someone else issued a plan, are not this document's title
    ["为深入贯彻落实《国务院关于印发新一代人工智能发展规划的通知》（国发〔2017〕35号）的部署要求，特制定本指引。"],
    ["中共中央、国务院印发《数字中国建设整体布局规划》，按照夯实基础的战略路径作出部署。"],
    # a numbered heading that mentions 规划
    ["一、总体规划"],
])
def test_no_title_is_better_than_a_wrong_one(front):
    meta, _ = _warnings(front)
    assert meta.title is None


def test_notice_heading_with_its_number():
    meta, _ = _warnings(["国家发展改革委 国家能源局关于印发《“十四五”现代能源体系规划》的通知（发改能源〔2022〕210号）"])
    assert (meta.title, meta.doc_number, meta.region, meta.period_start) == (
        "“十四五”现代能源体系规划", "发改能源〔2022〕210号", "中国", 2021)


def test_notice_titles_unwrapped():
    meta, _ = _warnings(["中共中央　国务院关于印发〈国家新型城镇化规划（2014—2020年）〉的通知"])
    assert meta.title == "国家新型城镇化规划（2014—2020年）"
    meta, _ = _warnings(["现将《重庆市铜梁区就业规划》印发给你们，请认真贯彻执行。"])
    assert meta.title == "重庆市铜梁区就业规划"


def test_a_wrapped_joint_signature_is_no_issuer():
    # policy_corpus shandong_032: three offices sign, the last name wrapped over two lines
    front = ["JNCR—2022—0040001", "济南市工业和信息化局", "济 南 市 公 安 局", "济南市城乡交通运输局",
             "济工信装备字〔2022〕1号", "文件", "济南市工业和", "信息化局", "济南市公安局 济南市城乡交通", "运输局",
             "2022 年3月10日"]
    meta, _ = _warnings(front)
    assert (meta.issuer, meta.region, meta.adcode, meta.doc_number) == (
        "济南市工业和信息化局", "济南市", "370100", "济工信装备字〔2022〕1号")
    # a short ministry name under the notice's last sentence is a signature
    meta, _ = _warnings(["关于印发水利信息化发展规划的通知", "请认真贯彻落实。", "水利部", "2022年6月14日"])
    assert (meta.issuer, meta.region) == ("水利部", "中国")


def test_a_cited_document_number_is_not_the_plans():
    meta, _ = _warnings(["根据《新一代人工智能发展规划（国发〔2017〕35 号）》，制定本方案。",
                         "落实《国务院关于印发新一代人工智能发展规划的通知》（国发〔2017〕35号）精神"])
    assert (meta.doc_number, meta.region) == (None, None)


REAL = Path(__file__).resolve().parents[2] / "shared" / "real"


@pytest.mark.skipif(not REAL.exists(), reason=f"real documents not found at {REAL}")
@pytest.mark.parametrize("name, title, region, level, adcode, period", [
    # first line of the file; 工业和信息化部 and others issued it (SOURCES.md)
    ("cn_national_14th_smart_manufacturing_plan.txt", "“十四五”智能制造发展规划", "中国", "国家", "100000",
     (2021, 2025)),
    # the page's notice heading 国务院关于印发“十四五”数字经济发展规划的通知
    ("cn_national_14th_digital_economy_plan.md", "“十四五”数字经济发展规划", "中国", "国家", "100000", (2021, 2025)),
    ("shandong_13th_scitech_plan_TRUNCATED.txt", "山东省“十三五”科技创新规划", "山东省", "省", "370000", (2016, 2020)),
])
def test_real_documents(name, title, region, level, adcode, period):
    meta = load_plan(REAL / name).meta
    assert (meta.title, meta.region, meta.level, meta.adcode, (meta.period_start, meta.period_end)) == (
        title, region, level, adcode, period)


@pytest.mark.parametrize("full, region, level, adcode, parent", [
    # issue 16: the reference plan re-issued under other real districts' names (codes from the list)
    ("重庆市璧山区", "璧山区", "区", "500120", "500000"),
    ("浙江省杭州市萧山区", "萧山区", "区", "330109", "330100"),
    ("上海市金山区", "金山区", "区", "310116", "310000"),
    ("广东省深圳市南山区", "南山区", "区", "440305", "440300"),
    ("浙江省杭州市西湖区", "西湖区", "区", "330106", "330100"),
    ("北京市东城区", "东城区", "区", "110101", "110000"),
    ("湖北省神农架林区", "神农架林区", "县", "429021", "420000"),
    ("重庆市彭水苗族土家族自治县", "彭水苗族土家族自治县", "县", "500243", "500000"),
])
def test_reference_plan_under_other_districts(tmp_path, full, region, level, adcode, parent):
    text = SAMPLE.read_text(encoding="utf-8").replace("重庆市铜梁区", full)
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    meta = load_plan(path).meta
    assert (meta.region, meta.level, meta.adcode, meta.parent_adcode) == (region, level, adcode, parent)


def test_doubts_about_the_place_reach_the_plans_warnings(tmp_path):
    """read_meta's warnings are not only for direct callers: load_plan records them, at the
    front matter.  朝阳区 with no parent written is 北京市朝阳区 (110105) or 长春市朝阳区 (220104)."""
    text = SAMPLE.read_text(encoding="utf-8").replace("重庆市铜梁区", "朝阳区").replace("铜梁区", "朝阳区")
    text = text.replace("重庆市", "")
    path = tmp_path / "chaoyang.txt"
    path.write_text(text, encoding="utf-8")
    plan = load_plan(path)
    assert (plan.meta.region, plan.meta.adcode) == ("朝阳区", None)
    doubts = [w for w in plan.warnings if w.code == "place_ambiguous"]
    assert len(doubts) == 1
    assert "110105" in doubts[0].message and "220104" in doubts[0].message
    assert doubts[0].location == {"line": 1}


@pytest.mark.parametrize("start, name", [(1953, "一五"), (1996, "九五"), (2001, "十五"), (2006, "十一五"),
                                         (2016, "十三五"), (2021, "十四五"), (2026, "十五五")])
def test_plan_period_name_is_the_inverse_of_the_period_read_from_a_name(start, name):
    from plan_parser.meta import period_from_name, plan_period_name

    assert plan_period_name(start) == name
    assert period_from_name(f"“{name}”规划") == (start, start + 4)


def test_a_year_no_plan_starts_in_has_no_period_name():
    from plan_parser.meta import plan_period_name

    assert plan_period_name(2023) is None and plan_period_name(None) is None


@pytest.mark.parametrize("title", [
    "重庆市铜梁区人力资源和社会保障事业发展“十四五”规划（2021—2025）",   # years without 年
    "重庆市铜梁区人力资源和社会保障事业发展“十四五”规划（征求意见稿）",   # a draft for comment
    "重庆市铜梁区人力资源和社会保障事业发展“十四五”规划（草案）",
    "重庆市铜梁区人力资源和社会保障事业发展“十四五”规划（2021—2025年）",
])
def test_a_title_line_with_a_bracket_after_the_plan_word_is_the_title(title):
    """A plan published without its notice opens with its title; a trailing bracket that is not a
    year span (征求意见稿, 草案, 2021—2025 without 年) must not cost the title and the place."""
    meta = read_meta([title], {})
    assert (meta.title, meta.region, meta.adcode, meta.period_start, meta.period_end) == (
        title, "铜梁区", "500151", 2021, 2025)
