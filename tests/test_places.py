"""Places from the national list of administrative divisions (plan_parser.places).

Expected codes, levels and parents are the 民政部 行政区划代码 of each unit (the list as
shipped in src/plan_parser/data/divisions.tsv), written here by hand, one real place per
kind of unit and per name ending that a stop-list of endings used to get wrong
(山区, 湖区, 城区, 林区 …).  English names follow GB/T 16159 (pinyin, one word, apostrophe
before a/o/e) with the generic word translated, as the official English names do.
"""
from __future__ import annotations

import pytest

from plan_parser.places import CHINA, by_adcode, find_place, lookup, place_en


@pytest.mark.parametrize("name, adcode, level, parent", [
    # districts whose names end like common nouns (山区, 湖区, 城区)
    ("璧山区", "500120", "区", "500000"),
    ("萧山区", "330109", "区", "330100"),
    ("金山区", "310116", "区", "310000"),
    ("东城区", "110101", "区", "110000"),
    ("铜梁区", "500151", "区", "500000"),
    # county-level units of level 县: 林区, 特区, 自治县, 县级市, 旗, 自治旗
    ("神农架林区", "429021", "县", "420000"),
    ("六枝特区", "520203", "县", "520200"),
    ("彭水苗族土家族自治县", "500243", "县", "500000"),
    ("石柱土家族自治县", "500240", "县", "500000"),
    ("都江堰市", "510181", "县", "510100"),
    ("仙桃市", "429004", "县", "420000"),
    ("土默特左旗", "150121", "县", "150100"),
    ("鄂温克族自治旗", "150724", "县", "150700"),
    ("忠县", "500233", "县", "500000"),
    # districts whose specific part ends in 林 or 特 are no 林区
    ("万柏林区", "140109", "区", "140100"),
    ("碑林区", "610103", "区", "610100"),
    # prefecture level: 地级市, 自治州, 地区, 盟, a 地级市 without districts
    ("济南市", "370100", "市", "370000"),
    ("恩施土家族苗族自治州", "422800", "市", "420000"),
    ("阿克苏地区", "652900", "市", "650000"),
    ("兴安盟", "152200", "市", "150000"),
    ("东莞市", "441900", "市", "440000"),
    # provincial level: 省, 自治区, 直辖市
    ("山东省", "370000", "省", "100000"),
    ("广西壮族自治区", "450000", "省", "100000"),
    ("重庆市", "500000", "省", "100000"),
    ("北京市", "110000", "省", "100000"),
])
def test_every_level_and_ending_from_the_list(name, adcode, level, parent):
    [place] = lookup(name)
    assert (place.adcode, place.name, place.level, place.parent_adcode) == (adcode, name, level, parent)


def test_parent_chain_reaches_the_province():
    [place] = lookup("都江堰市")
    assert [p.name for p in place.ancestors()] == ["成都市", "四川省", "中国"]
    assert by_adcode("100000") is CHINA and by_adcode("999999") is None


@pytest.mark.parametrize("former, written_level, adcode, name", [
    ("铜梁县", "县", "500151", "铜梁区"),   # 2014 县 → 区
    ("梁平县", "县", "500155", "梁平区"),   # 2016
    ("开县", "县", "500154", "开州区"),     # 2016, renamed as well
    ("崇文区", "区", "110101", "东城区"),   # 2010, merged
    ("铜仁地区", "市", "520600", "铜仁市"),  # 2011 地区 → 市
])
def test_a_former_name_keeps_resolving(former, written_level, adcode, name):
    [place] = lookup(former)
    assert (place.adcode, place.name) == (adcode, name)
    match = find_place(former + "国民经济和社会发展第十二个五年规划纲要")
    assert (match.written, match.level, match.place.adcode, match.warning) == (former, written_level, adcode, None)


@pytest.mark.parametrize("text, written, adcode", [
    ("重庆市璧山区人力资源和社会保障事业发展“十四五”规划", "璧山区", "500120"),
    ("璧山区人力资源和社会保障事业发展“十四五”规划", "璧山区", "500120"),
    ("北京市朝阳区“十四五”时期教育改革和发展规划", "朝阳区", "110105"),
    ("吉林省长春市朝阳区“十四五”规划", "朝阳区", "220104"),
    ("广东省深圳市南山区国民经济和社会发展第十四个五年规划", "南山区", "440305"),
    ("杭州市西湖区“十四五”规划", "西湖区", "330106"),
    # a former name under its parent: Chongqing's 江北区, merged into 两江新区 in 2025
    ("重庆市江北区“十四五”规划", "江北区", "500157"),
    ("湖北省神农架林区“十四五”规划", "神农架林区", "429021"),
    # a name the list holds elsewhere, under another parent, ends the place: 老城区 is 洛阳's
    ("成都市老城区更新规划", "成都市", "510100"),
    ("重庆市社区服务体系建设“十四五”规划", "重庆市", "500000"),
    ("重庆市　铜梁区 人力资源规划", "铜梁区", "500151"),
    ("中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要", "中国", "100000"),
])
def test_find_place_with_or_without_the_parent(text, written, adcode):
    match = find_place(text)
    assert (match.written, match.place.adcode, match.warning) == (written, adcode, None)


@pytest.mark.parametrize("text, codes", [
    ("朝阳区“十四五”规划", ("110105", "220104")),
    ("南山区“十四五”规划", ("440305", "230404")),
    ("西湖区“十四五”规划", ("330106", "360103")),
    # Ningbo's 江北区, and Chongqing's of old (now in 两江新区)
    ("江北区“十四五”规划", ("330205", "500157")),
])
def test_a_name_several_places_bear_warns(text, codes):
    match = find_place(text)
    assert match.place is None and match.level == "区" and match.code == "place_ambiguous"
    assert all(code in match.warning for code in codes)


def test_names_that_are_also_common_nouns_need_their_parent():
    assert find_place("阳泉市城区“十四五”规划").place.adcode == "140302"
    assert find_place("四川省攀枝花市东区“十四五”规划").place.adcode == "510402"
    assert find_place("矿区生态修复规划") is None and find_place("城区更新规划") is None


def test_no_place():
    assert find_place("人力资源和社会保障事业发展规划") is None
    assert find_place("") is None and find_place(None) is None


@pytest.mark.parametrize("name, english", [
    ("铜梁区", "Tongliang District"),
    ("重庆市", "Chongqing Municipality"),
    ("山东省", "Shandong Province"),
    ("璧山区", "Bishan District"),
    ("神农架林区", "Shennongjia Forestry District"),
    ("彭水苗族土家族自治县", "Pengshui Miao and Tujia Autonomous County"),
    ("广西壮族自治区", "Guangxi Zhuang Autonomous Region"),
    ("新疆维吾尔自治区", "Xinjiang Uygur Autonomous Region"),
    ("内蒙古自治区", "Inner Mongolia Autonomous Region"),
    ("恩施土家族苗族自治州", "Enshi Tujia and Miao Autonomous Prefecture"),
    ("双江拉祜族佤族布朗族傣族自治县", "Shuangjiang Lahu, Va, Blang and Dai Autonomous County"),
    ("鄂温克族自治旗", "Ewenki Autonomous Banner"),
    ("延安市", "Yan'an City"),
    ("六枝特区", "Liuzhi Special District"),
    ("浦东新区", "Pudong New Area"),
    ("西安市", "Xi'an City"),
    ("陕西省", "Shaanxi Province"),
    ("忠县", "Zhongxian County"),
    ("龙水镇", "Longshui Town"),
    ("溪口村", "Xikou Village"),
    ("中山街道", "Zhongshan Subdistrict"),
    # heteronyms read as the place names are read
    ("长沙市", "Changsha City"),
    ("朝阳区", "Chaoyang District"),
    ("单县", "Shanxian County"),
    ("六合区", "Luhe District"),
    ("洪洞县", "Hongtong County"),
    ("长宁区", "Changning District"),
    ("长治市", "Changzhi City"),  # 长 chang, the default; 长子县 is Zhangzi
    ("长子县", "Zhangzi County"),
    ("乐都区", "Ledu District"),
    ("马尾区", "Mawei District"),
    ("曾都区", "Zengdu District"),
    ("万柏林区", "Wanbailin District"),
    ("清新区", "Qingxin District"),
    ("井陉矿区", "Jingxing Mining District"),
    # a name written with its parent reads smallest first
    ("重庆市璧山区", "Bishan District, Chongqing Municipality"),
])
def test_place_en(name, english):
    assert place_en(name) == english


@pytest.mark.parametrize("text", ["规划", "", "Chongqing", "人力资源"])
def test_place_en_of_what_is_not_a_place(text):
    assert place_en(text) is None


def test_import_is_light():
    """Importing plan_parser.places reads no file and imports no pinyin library."""
    import subprocess
    import sys

    code = ("import sys, plan_parser.places; "
            "print(any(m.startswith('pypinyin') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_stored_english_follows_the_rules():
    """divisions.tsv stores each unit's English (so that parsing need not load pypinyin);
    it must be what the rules give today (tools/build_divisions.py rebuilds it)."""
    from plan_parser.places import _table, romanize

    stored = _table()[3]
    assert len(stored) > 3000
    drift = {name: (en, romanize(name)) for name, en in stored.items() if romanize(name) != en}
    assert drift == {}


def test_english_labels_of_a_listed_place_never_load_pypinyin():
    """The glossary tries every stretch of a label as a place; only listed names (whose English is
    stored in divisions.tsv) may answer there, so labelling the reference plan imports no pypinyin
    (0.2 s of a cold diff)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    probe = ("import sys; from plan_parser import load_plan; "
             "p = load_plan(sys.argv[1]); assert p.meta.region_en == 'Tongliang District'; "
             "print('pypinyin' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe, str(root / "samples" / "tongliang_hrss_14th.txt")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "False"


def test_listed_place_en_answers_only_for_listed_names():
    from plan_parser.places import listed_place_en

    assert listed_place_en("铜梁区") == "Tongliang District"
    assert listed_place_en("重庆市璧山区") == "Bishan District, Chongqing Municipality"
    assert listed_place_en("青溪市") is None      # not in the list (a constructed plan's city)
    assert listed_place_en("全区") is None


@pytest.mark.parametrize("name, en, level", [
    ("石林区", "Shilin District", "区"),  # an unlisted name ending in 林 + 区, not a 林区
    ("神农架林区", "Shennongjia Forestry District", "县"),  # one of the two units that are
    ("六枝特区", "Liuzhi Special District", "县"),
    ("大兴安岭林区", "Daxing'anling Forestry District", "县"),  # a specific part of two characters or more
])
def test_only_the_listed_forestry_and_special_districts_are_such(name, en, level):
    from plan_parser.places import level_of_name, place_en
    assert (place_en(name), level_of_name(name)) == (en, level)


@pytest.mark.parametrize("word, expected", [
    ("湖北", ("Hubei", "省", "省")),
    ("内蒙古", ("Inner Mongolia", "省", "自治区")),        # the name's own English, less "Autonomous Region"
    ("广西", ("Guangxi", "省", "自治区")),                 # 广西壮族自治区: the ethnic name is no part of it
    ("重庆", ("Chongqing", "省", "市")),
    ("吉林", ("Jilin", "省", "省")),                   # 吉林省 and 吉林市: the higher level
    ("宜昌", ("Yichang", "市", "市")),
    ("长治", ("Changzhi", "市", "市")),
    ("恩施", ("Enshi", "市", "自治州")),                   # 恩施土家族苗族自治州
    ("余姚", ("Yuyao", "县", "市")),                   # a county-level city
    ("铜梁", ("Tongliang", "区", "区")),
    ("忠", None),                                # 忠县: one character is no name
    ("青溪", None),                              # no such unit
])
def test_short_name_of_a_listed_unit(word, expected):
    from plan_parser.places import short_name

    assert short_name(word) == expected


def test_local_names_of_a_city_are_its_own_and_its_units():
    from plan_parser.places import local_names, specific_en

    names = local_names("420500")  # 宜昌市
    assert names["宜昌"] == "Yichang" and names["夷陵"] == "Yiling" and names["当阳"] == "Dangyang"
    # 长阳土家族自治县: written with an ethnic name, its English is pinyin's, made when used
    assert names["长阳"] is None and specific_en("长阳") == "Changyang"
    assert "孝感" not in names  # another city's
    assert local_names("999999") == {}
