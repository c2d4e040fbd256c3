"""The quantity grammar: real cells and sentences of the Tongliang plan, and the hard cases.

Each case states every field it cares about exactly, the way python-dateutil's
parser tests do: a change in reading shows up as the one case that breaks.
"""
from dataclasses import asdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plan_parser.model import Quantity
from plan_parser.quantity import extract_quantities, format_quantity, is_unit, parse_quantity

_READING = ("kind", "value", "lower", "upper", "parts", "unit", "comparator", "footnote", "cumulative")


def _check(q: Quantity | None, expected: dict) -> None:
    """Compare only the named fields, so each case says what it is about."""
    assert q is not None
    got = {k: v for k, v in asdict(q).items() if k in expected}
    assert got == expected


def _number(value, unit, base_value, base_unit, comparator="=", **more):
    lower = value if comparator in (">", ">=") else None
    upper = value if comparator in ("<", "<=") else None
    return dict(kind="number", value=value, lower=lower, upper=upper, unit=unit,
                base_value=base_value, base_unit=base_unit, comparator=comparator, **more)


def _range(lower, upper, unit, comparator="="):
    return dict(kind="range", value=None, lower=lower, upper=upper, unit=unit,
                base_value=None, base_unit=None, comparator=comparator)


# -- cells ---------------------------------------------------------------------

CELLS = [
    # indicator cells of 专栏1 and 专栏2, with their row units
    ("8.49*", "万人", _number(8.49, "万人", 84900.0, "人", footnote="*")),
    ("2.52*", "万人", _number(2.52, "万人", 25200.0, "人", footnote="*")),
    ("0.15", "万人", _number(0.15, "万人", 1500.0, "人")),
    ("2.39", "万人次", _number(2.39, "万人次", 23900.0, "人次")),
    ("2324", "万元", _number(2324.0, "万元", 23240000.0, "元")),
    ("87.5", "%", _number(87.5, "%", 87.5, "%")),
    (">95", "%", _number(95.0, "%", 95.0, "%", ">")),
    ("<5.5", "%", _number(5.5, "%", 5.5, "%", "<")),
    ("1200", "人", _number(1200.0, "人", 1200.0, "人")),
    # a unit written in the cell wins over the row's
    ("4.34亿元", "万元", _number(4.34, "亿元", 434000000.0, "元")),
    ("3万人", "%", _number(3.0, "万人", 30000.0, "人")),
    # no unit anywhere: base is the number itself
    ("5", None, _number(5.0, None, 5.0, None)),
    # a bare 万 joins the row's base unit
    ("3万", "人", _number(3.0, "万人", 30000.0, "人")),
    ("3万", None, _number(3.0, "万", 30000.0, None)),
    # % and 个百分点 are two units
    ("5%", None, _number(5.0, "%", 5.0, "%")),
    ("2个百分点", None, _number(2.0, "个百分点", 2.0, "个百分点")),
    ("0.5", "个百分点", _number(0.5, "个百分点", 0.5, "个百分点")),
    ("1百分点", None, _number(1.0, "百分点", 1.0, "个百分点")),
    # multiples from units.toml
    ("2万户", None, _number(2.0, "万户", 20000.0, "户")),
    ("1.5万平方米", None, _number(1.5, "万平方米", 15000.0, "平方米")),
    ("3千人", None, _number(3.0, "千人", 3000.0, "人")),
    ("2百万元", None, _number(2.0, "百万元", 2000000.0, "元")),
    ("3千瓦", None, _number(3.0, "千瓦", 3.0, "千瓦")),
    ("2500元/月", None, _number(2500.0, "元/月", 2500.0, "元/月")),
    ("5", "万元/人", _number(5.0, "万元/人", 50000.0, "元/人")),
    ("5", "万吨标准煤", _number(5.0, "万吨标准煤", 50000.0, "吨标准煤")),
    # numbers as written: separators, full width, sign, Chinese
    ("1,200", "人", _number(1200.0, "人", 1200.0, "人")),
    ("８．４９", "万人", _number(8.49, "万人", 84900.0, "人")),
    ("５％", None, _number(5.0, "%", 5.0, "%")),
    ("-2.3", "%", _number(-2.3, "%", -2.3, "%")),
    ("三万人", None, _number(3.0, "万人", 30000.0, "人")),
    ("十二个", None, _number(12.0, "个", 12.0, "个")),
    ("二〇二五年", None, _number(2025.0, "年", 2025.0, "年")),
    ("二○二五年", None, _number(2025.0, "年", 2025.0, "年")),
    ("两个", None, _number(2.0, "个", 2.0, "个")),
    ("一千零五名", None, _number(1005.0, "名", 1005.0, "名")),
    ("三点五万人", None, _number(3.5, "万人", 35000.0, "人")),
    ("三千万元", None, _number(3000.0, "万元", 30000000.0, "元")),
    ("一万二千人", None, _number(12000.0, "人", 12000.0, "人")),
    ("三亿五千万元", None, _number(350000000.0, "元", 350000000.0, "元")),
    ("零点三万名", None, _number(0.3, "万名", 3000.0, "名")),
    # 余 and 多 between number and unit: "more than"
    ("3000余名", None, _number(3000.0, "名", 3000.0, "名", ">")),
    ("6.4万余名", None, _number(6.4, "万名", 64000.0, "名", ">")),
    ("300多人", None, _number(300.0, "人", 300.0, "人", ">")),
]


@pytest.mark.parametrize("raw, unit, expected", CELLS, ids=[c[0] for c in CELLS])
def test_cell(raw, unit, expected):
    _check(parse_quantity(raw, unit), {**expected, "year": None, "raw": raw})


COMPARATORS = [
    (">95", ">"), ("＞95", ">"), ("超过95%", ">"), ("超5亿元", ">"), ("高于95%", ">"), ("大于95%", ">"),
    ("<5", "<"), ("＜5", "<"), ("低于5%", "<"), ("小于5%", "<"),
    ("≥90", ">="), (">=90", ">="), ("＞＝90", ">="), ("95%以上", ">="), ("不低于90%", ">="),
    ("不少于5个", ">="), ("至少5个", ">="), ("≧90", ">="),
    ("≤5", "<="), ("<=5", "<="), ("＜＝5", "<="), ("5.5%以内", "<="), ("5%以下", "<="),
    ("不超过5%", "<="), ("不高于5%", "<="), ("不多于5个", "<="),
    ("3万人左右", "~"), ("约3万人", "~"), ("大约3万人", "~"),
    ("至少5个以上", ">="),  # both words agree
]


@pytest.mark.parametrize("raw, comparator", COMPARATORS, ids=[c[0] for c in COMPARATORS])
def test_comparator_words(raw, comparator):
    q = parse_quantity(raw)
    assert q.kind == "number" and q.comparator == comparator
    assert q.lower == (q.value if comparator in (">", ">=") else None)
    assert q.upper == (q.value if comparator in ("<", "<=") else None)


def test_contradicting_comparators_are_text():
    assert parse_quantity("超过5%以下").kind == "text"


BRACKETS = ["[8.49]", "[ 8.49]", "[8.49 ]", "〔8.49〕", "【8.49】", "［8.49］", "[ 8.49 ]"]


@pytest.mark.parametrize("raw", BRACKETS)
def test_brackets_are_cumulative_only_when_the_table_says_so(raw):
    note_on = parse_quantity(raw, "万人", brackets_cumulative=True)
    note_off = parse_quantity(raw, "万人")
    _check(note_on, {**_number(8.49, "万人", 84900.0, "人"), "raw": raw, "cumulative": True})
    _check(note_off, {**_number(8.49, "万人", 84900.0, "人"), "raw": raw, "cumulative": False})


def test_real_bracket_cells_keep_raw_as_written():
    _check(parse_quantity(" [ 2.39] ", "万人次", brackets_cumulative=True),
           {"raw": "[ 2.39]", "value": 2.39, "base_value": 23900.0, "cumulative": True})
    _check(parse_quantity("[0.8 ]", "万人次", brackets_cumulative=True),
           {"raw": "[0.8 ]", "value": 0.8, "base_value": 8000.0, "cumulative": True})
    _check(parse_quantity("[1200]", "人", brackets_cumulative=True),
           {"value": 1200.0, "unit": "人", "base_value": 1200.0, "cumulative": True})


@pytest.mark.parametrize("raw", ["累计5万人", "5万人（累计）", "累计>5万人"])
def test_the_word_cumulative_always_counts(raw):
    _check(parse_quantity(raw), {"value": 5.0, "unit": "万人", "cumulative": True})


@pytest.mark.parametrize(
    "raw, footnote",
    [("8.49*", "*"), ("8.49※", "※"), ("8.49＊", "＊"), ("8.49①", "①"), ("8.49⑩", "⑩"),
     ("8.49△", "△"), ("[8.49]*", "*"), ("[8.49*]", "*"), ("8.49万人①", "①")],
)
def test_footnote_markers(raw, footnote):
    _check(parse_quantity(raw, "万人"), {"value": 8.49, "base_value": 84900.0, "footnote": footnote})


RANGES = [
    ("5—10名", None, _range(5.0, 10.0, "名")),
    ("5-10", "名", _range(5.0, 10.0, "名")),
    ("5–10", "名", _range(5.0, 10.0, "名")),
    ("5~10", "名", _range(5.0, 10.0, "名")),
    ("30～50名", None, _range(30.0, 50.0, "名")),
    ("5至10个", None, _range(5.0, 10.0, "个")),
    ("5到10个", None, _range(5.0, 10.0, "个")),
    ("5——10个", None, _range(5.0, 10.0, "个")),
    ("1—2名", None, _range(1.0, 2.0, "名")),
    ("2—3个", None, _range(2.0, 3.0, "个")),
    ("5万—10万人", None, _range(5.0, 10.0, "万人")),
    ("5万人—10万人", None, _range(5.0, 10.0, "万人")),
    ("5—10万人", None, _range(5.0, 10.0, "万人")),
    ("5万—10万", "人", _range(5.0, 10.0, "万人")),
    ("3%—5%", None, _range(3.0, 5.0, "%")),
    ("三至五个", None, _range(3.0, 5.0, "个")),
    ("2021—2025年", None, _range(2021.0, 2025.0, "年")),
    ("约5—10个", None, _range(5.0, 10.0, "个", "~")),
]


@pytest.mark.parametrize("raw, unit, expected", RANGES, ids=[r[0] for r in RANGES])
def test_range(raw, unit, expected):
    _check(parse_quantity(raw, unit), expected)


def test_range_with_two_different_units_is_text():
    assert parse_quantity("5万—10人").kind == "text"
    assert parse_quantity("5%—10个").kind == "text"


@pytest.mark.parametrize(
    "raw, parts",
    [("1:5:4", [1.0, 5.0, 4.0]), ("0.9:4.4:4.7", [0.9, 4.4, 4.7]), ("1：5：4", [1.0, 5.0, 4.0]),
     ("0.9：4.4：4.7", [0.9, 4.4, 4.7]), ("1∶2", [1.0, 2.0])],
)
def test_ratio(raw, parts):
    _check(parse_quantity(raw), {"kind": "ratio", "parts": parts, "value": None,
                                 "base_value": None, "comparator": "=", "raw": raw})


PLACEHOLDERS = ["", "   ", "—", "——", "–", "-", "－", "--", "/", "／", "\\", "无", "暂无",
                "N/A", "n/a", "[—]", "[ ]", "—*", "\u3000—\u3000"]


@pytest.mark.parametrize("raw", PLACEHOLDERS)
def test_placeholder_cells_are_none(raw):
    assert parse_quantity(raw, "万人") is None


TEXTS = ["保持稳定", "逐步提高", "稳步增长", "三五个", "十四五", "一大批", "5G", "第三", "8.49.1",
         "5万%", "[8.49", "1:", "x", "9" * 400]


@pytest.mark.parametrize("raw", TEXTS)
def test_text_cells(raw):
    _check(parse_quantity(raw, "%"), {"kind": "text", "value": None, "base_value": None,
                                      "comparator": None, "unit": None, "raw": raw})


# -- running text --------------------------------------------------------------


def _readings(text: str) -> list[tuple]:
    return [(q.kind, q.value, q.lower, q.upper, q.unit, q.base_value, q.comparator)
            for q in extract_quantities(text)]


PROSE = [
    ("“十四五”期间，培育1个农民工劳务培训基地，回引农民工3万人。",
     [("number", 1.0, None, None, "个", 1.0, "="),
      ("number", 3.0, None, None, "万人", 30000.0, "=")]),
    ("配备1—2名现场咨询人员", [("range", None, 1.0, 2.0, "名", None, "=")]),
    ("对接30—50名各类专家", [("range", None, 30.0, 50.0, "名", None, "=")]),
    ("培养培训0.3万名以上符合新经济", [("number", 0.3, 0.3, None, "万名", 3000.0, ">=")]),
    ("提供职业指导服务2.5万人次，职业介绍成功1万人次",
     [("number", 2.5, None, None, "万人次", 25000.0, "="),
      ("number", 1.0, None, None, "万人次", 10000.0, "=")]),
    ("调解员数量达到70名以上", [("number", 70.0, 70.0, None, "名", 70.0, ">=")]),
    ("规划建设2—3个公共培训（实训）示范机构", [("range", None, 2.0, 3.0, "个", None, "=")]),
    ("培训300人次", [("number", 300.0, None, None, "人次", 300.0, "=")]),
    ("建立1个创业就业示范山村（街），1个创业孵化示范基地",
     [("number", 1.0, None, None, "个", 1.0, "="), ("number", 1.0, None, None, "个", 1.0, "=")]),
    ("全区基本养老保险参保率超过95%", [("number", 95.0, 95.0, None, "%", 95.0, ">")]),
    ("就业率达到95%以上", [("number", 95.0, 95.0, None, "%", 95.0, ">=")]),
    ("城镇调查失业率控制在5.5%以内", [("number", 5.5, None, 5.5, "%", 5.5, "<=")]),
    ("新建企业劳动争议调解委员会不少于5个", [("number", 5.0, 5.0, None, "个", 5.0, ">=")]),
    ("发放创业担保贷款4.34亿元", [("number", 4.34, None, None, "亿元", 434000000.0, "=")]),
    ("回引6.4万余名在外务工人员", [("number", 6.4, 6.4, None, "万名", 64000.0, ">")]),
    ("回引三万人，坚持两个毫不动摇",
     [("number", 3.0, None, None, "万人", 30000.0, "="), ("number", 2.0, None, None, "个", 2.0, "=")]),
    ("提高2个百分点，达到5%", [("number", 2.0, None, None, "个百分点", 2.0, "="),
                           ("number", 5.0, None, None, "%", 5.0, "=")]),
    # a digit right after 人数 starts a quantity (the 发展基础 prose of the reference plan)
    ("养老保险参保人数15.3万人", [("number", 15.3, None, None, "万人", 153000.0, "=")]),
]


@pytest.mark.parametrize("text, expected", PROSE, ids=[p[0][:12] for p in PROSE])
def test_prose(text, expected):
    assert _readings(text) == expected


NOT_QUANTITIES = [
    "《重庆市人力资源和社会保障事业发展“十四五”规划（2021—2025年）》",
    "（2021—2025年）",
    "到2025年，二〇三五年远景目标",
    "2022年7月4日",
    "加快构建“1+N”人才政策体系",
    "推进第三代社保卡自然过渡换发",
    "培养造就一大批具有精湛技艺的高技能人才",
    "实施“和谐同行”能力提升三年行动计划",
    "第十四个五年规划",
    "发放一次性创业补贴，提供一条龙服务",
    "“一件事一次办”，“三支一扶”",
    "探索5G、AR、区块链",
    "1.城镇新增就业人数",
    "每万人口拥有",
    "三五个人",
    "高、中、初级专业技术人才比例为1:5:4",
    # words that open with a numeral and a unit (the smart-manufacturing plan's projects had
    # 零件 as 0 件, 二次回收 as 2 次, 三元协同 as 3 元)
    "逐步实现零件国产化，动力电池二次回收利用，人机物三元协同",
    "优化三次产业结构，开展二次开发",
    "我们一起努力，一组数据",
    "加快赶超，超高清视频",  # 赶超 "catch up"; 超高清 "ultra-HD": no number follows
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_prose_without_quantities(text):
    assert extract_quantities(text) == []


def test_prose_context_is_the_clause_cut_to_thirty_characters():
    text = "“十四五”期间，培育1个农民工劳务培训基地，回引农民工3万人。"
    assert [q.context for q in extract_quantities(text)] == ["培育1个农民工劳务培训基地", "回引农民工3万人"]
    long = "为全面深入推进社会保险公共服务标准化建设并不断健全社会保险标准体系新建培训基地5个以满足全区企业职工和城乡劳动者的多样化培训需求。"
    (q,) = extract_quantities(long)
    assert len(q.context) == 30 and "5个" in q.context
    assert q.context in long


def test_prose_raw_keeps_the_writing_and_full_width_comma_breaks_clauses():
    """Full-width digits are read; ，is a clause break, never a thousands separator."""
    qs = extract_quantities("培训１，２００人，培训８．５万人。")
    assert [(q.raw, q.value, q.base_value) for q in qs] == [
        ("２００人", 200.0, 200.0), ("８．５万人", 8.5, 85000.0)]


def test_prose_cumulative_word_earlier_in_the_clause():
    qs = extract_quantities("累计发放各类就业补贴3867万元，发放创业担保贷款4.34亿元")
    assert [(q.value, q.cumulative) for q in qs] == [(3867.0, True), (4.34, False)]


def test_prose_never_sets_year():
    assert all(q.year is None for q in extract_quantities("全区城镇新增就业5万人，8.49万人"))


# -- format and properties -----------------------------------------------------


@pytest.mark.parametrize(
    "raw, unit, canonical",
    [("[8.49]", "万人", "累计8.49万人"), (">95", "%", ">95%"), ("0.3万名以上", None, "≥0.3万名"),
     ("5.5%以内", None, "≤5.5%"), ("3万人左右", None, "约3万人"), ("5—10名", None, "5—10名"),
     ("1：5：4", None, "1:5:4"), ("8.49*", "万人", "8.49万人*"), ("保持稳定", None, "保持稳定"),
     ("三万人", None, "3万人"), ("1,200", "人", "1200人")],
)
def test_format_quantity(raw, unit, canonical):
    assert format_quantity(parse_quantity(raw, unit, brackets_cumulative=True)) == canonical


_GRAMMAR_CHARS = list("0123456789.,:：—-~～至到万亿千百十人次个名%％[]〔〕【】*①>＞<≥≤约以上下内左右零〇○一二两三五点累计余多 ")


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=st.sampled_from(_GRAMMAR_CHARS))),
       st.one_of(st.none(), st.sampled_from(["万人", "%", "人", "万", "元/人", ""])),
       st.booleans())
def test_parse_never_raises(text, unit, brackets):
    q = parse_quantity(text, unit, brackets_cumulative=brackets)
    assert q is None or q.kind in ("number", "range", "ratio", "text")
    if q is not None and q.value is None:
        assert q.base_value is None
    extract_quantities(text)


_numbers = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)
_units = st.sampled_from([None, "人", "万人", "万人次", "亿元", "%", "个百分点", "千瓦时",
                          "元/人", "万", "年", "万吨标准煤"])
_footnotes = st.sampled_from([None, "*", "※", "＊", "①", "⑩", "△"])


@st.composite
def _quantities(draw) -> Quantity:
    kind = draw(st.sampled_from(["number", "range", "ratio"]))
    common = dict(raw="", unit=draw(_units), footnote=draw(_footnotes), cumulative=draw(st.booleans()))
    if kind == "ratio":
        return Quantity(kind=kind, parts=draw(st.lists(_numbers, min_size=2, max_size=4)),
                        comparator="=", **common)
    comparator = draw(st.sampled_from(["=", ">", "<", ">=", "<=", "~"]))
    if kind == "range":
        return Quantity(kind=kind, lower=draw(_numbers), upper=draw(_numbers),
                        comparator=comparator, **common)
    value = draw(_numbers)
    return Quantity(kind=kind, value=value, comparator=comparator,
                    lower=value if comparator in (">", ">=") else None,
                    upper=value if comparator in ("<", "<=") else None, **common)


@settings(max_examples=200, deadline=None)
@given(_quantities())
def test_format_then_parse_round_trips(q):
    back = parse_quantity(format_quantity(q), unit=q.unit)
    assert {k: getattr(back, k) for k in _READING} == {k: getattr(q, k) for k in _READING}


@pytest.mark.parametrize("unit", ["万人", "%", "％", "万人次", "人", "万元", "亿元", "个百分点", "元/人", "万", "‰"])
def test_is_unit(unit):
    assert is_unit(unit)


@pytest.mark.parametrize("text", ["", "实训", "街", "万%", "含兼职", "2025年", "人数"])
def test_is_not_unit(text):
    assert not is_unit(text)


# -- the unit families plans use (issue 10) -------------------------------------------------

@pytest.mark.parametrize("cell, unit, value, base_value, base_unit", [
    ("46", "亿吨标准煤", 46.0, 4_600_000_000.0, "吨标准煤"),   # national outline 专栏1 row 20
    ("6.5", "亿吨", 6.5, 650_000_000.0, "吨"),                 # row 19
    ("1200", "万千瓦", 1200.0, 12_000_000.0, "千瓦"),
    ("300", "万标箱", 300.0, 3_000_000.0, "标箱"),
    ("5", "亿千瓦时", 5.0, 500_000_000.0, "千瓦时"),
    ("12", "件", 12.0, 12.0, "件"),
    ("79", "岁", 79.0, 79.0, "岁"),
    ("3.2", "人", 3.2, 3.2, "人"),
    ("1.2", "万公顷", 1.2, 12_000.0, "公顷"),
    ("800", "万亩", 800.0, 8_000_000.0, "亩"),
    ("6", "张", 6.0, 6.0, "张"),
    ("35", "微克/立方米", 35.0, 35.0, "微克/立方米"),
    ("2000", "公里", 2000.0, 2000.0, "公里"),
    ("3000", "万头", 3000.0, 30_000_000.0, "头"),
    ("1000", "吨标煤", 1000.0, 1000.0, "吨标准煤"),             # an alias names the same base unit
    # 千克 opens the unit: kilograms, never 1,000 × 克标准煤 (a prefix only where no unit starts)
    ("12", "千克标准煤/平方米", 12.0, 12.0, "千克标准煤/平方米"),
    ("60", "千米/小时", 60.0, 60.0, "千米/小时"),
])
def test_unit_families(cell, unit, value, base_value, base_unit):
    q = parse_quantity(cell, unit)
    assert (q.value, q.unit, q.base_value, q.base_unit) == (value, unit, base_value, base_unit)


def test_units_in_name_brackets_are_units():
    for unit in ("亿吨标准煤", "亿吨", "件", "岁", "年", "个", "人", "万千瓦", "公顷", "亩", "张", "千瓦时",
                 "立方米", "万标箱", "公里"):
        assert is_unit(unit), unit
    assert not is_unit("实训") and not is_unit("助理")


def test_rate_and_change_of_rate_stay_apart():
    assert parse_quantity("2", "%").base_unit == "%"
    assert parse_quantity("2", "个百分点").base_unit == "个百分点"


def test_new_units_do_not_invent_quantities_in_prose():
    found = [(q.raw, q.unit) for q in extract_quantities(
        "建成5G基站60万个，发挥带头作用，一头一尾，出栏生猪3000万头，一种新模式。")]
    assert found == [("60万个", "万个"), ("3000万头", "万头")]


def test_bound_with_a_text_tail_keeps_the_bound():
    q = parse_quantity(">7、力争投入强度高于“十三五”时期实际", "%", leading=True)
    assert (q.kind, q.comparator, q.lower, q.unit, q.raw) == (
        "number", ">", 7.0, "%", ">7、力争投入强度高于“十三五”时期实际")
    assert parse_quantity(">7、力争投入强度高于“十三五”时期实际", "%").kind == "text"  # only when asked
    assert parse_quantity("保持在合理区间、各年度视情提出", "%", leading=True).kind == "text"


@pytest.mark.parametrize("raw", ["5\t\t6", "5 6", "2020 2025"])
def test_two_numbers_side_by_side_are_kept_as_text_not_joined(raw):
    """Cells run together (``5<TAB><TAB>6``) were read as 56, a figure no one wrote."""
    q = parse_quantity(raw, "万人")
    assert (q.kind, q.raw, q.value, q.base_value) == ("text", raw, None, None)


@pytest.mark.parametrize("raw, value", [("1 000", 1000.0), ("12 345 678", 12345678.0), ("[ 2.39]", 2.39)])
def test_a_space_before_three_digits_is_a_thousands_separator(raw, value):
    assert parse_quantity(raw, "万人").value == value
