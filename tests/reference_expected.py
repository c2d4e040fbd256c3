"""What the reference plan (samples/tongliang_hrss_14th.txt) must yield, written out
by hand from the source text — not generated from the parser's output.

Every format of the reference plan (text, docx, HTML, Markdown) is checked against
these values.
"""
from __future__ import annotations

META = {
    "title": "重庆市铜梁区人力资源和社会保障事业发展“十四五”规划（2021—2025年）",
    "issuer": "重庆市铜梁区人民政府办公室",
    "region": "铜梁区",
    "level": "区",
    "period_start": 2021,
    "period_end": 2025,
    "issued_date": "2022-07-04",
    "doc_number": None,
}

CHAPTERS = [
    (1, "指导思想和主要目标", [(1, "发展基础"), (2, "指导思想"), (3, "基本原则"), (4, "主要目标")]),
    (2, "重点任务", [(1, "实现更加充分更高质量就业"), (2, "健全多层次的社会保障体系"),
                 (3, "建设高水平人才队伍"), (4, "落实收入分配制度改革措施"), (5, "构建和谐劳动关系"),
                 (6, "提高基本公共服务能力和质量"), (7, "推进区域协同发展")]),
    (3, "支撑保障", [(1, "加强法治人社建设"), (2, "加强人社队伍建设"), (3, "加强财政保障"),
                 (4, "加强宣传引导"), (5, "加强规划实施")]),
]

# (number, title, kind, chapter, section)
COLUMNS = [
    (1, "“十三五”规划主要发展指标完成情况表", "indicators", 1, 1),
    (2, "“十四五”时期主要指标", "indicators", 1, 4),
    (3, "实现更加充分和高质量就业重点项目", "projects", 2, 1),
    (4, "健全多层次社会保障体系重点项目", "projects", 2, 2),
    (5, "建设高水平人才队伍重点项目", "projects", 2, 3),
    (6, "构建和谐劳动关系重点项目", "projects", 2, 5),
    (7, "提高基本公共服务能力和质量重点项目", "projects", 2, 6),
]

COLUMN_NOTES = {
    1: ["备注：城镇新增就业人数、城镇登记失业人员就业人数、城镇就业困难人员就业三个指标没有完成的原因，"
        "一是这几个指标统计口径发生变化，二是经济下行和新冠肺炎疫情影响，调整了指标值。"],
    2: ["注：[ ]内为五年累计值。"],
}

# Units and their base: written unit -> (base unit, multiplier)
BASE = {"万人": ("人", 10000), "万人次": ("人次", 10000), "万元": ("元", 10000),
        "%": ("%", 1), "人": ("人", 1), None: (None, None)}


def cell(raw, value=None, *, kind="number", comparator="=", lower=None, upper=None,
         parts=None, cumulative=False, footnote=None, base_value=None):
    """An expected quantity; unit, base unit and year are filled in per row/column."""
    return dict(raw=raw, kind=kind, value=value, lower=lower, upper=upper, parts=parts,
                comparator=comparator, cumulative=cumulative, footnote=footnote,
                base_value=base_value)


def ratio(raw, parts):
    return cell(raw, None, kind="ratio", parts=parts)


def cum(raw, value, base_value):
    return cell(raw, value, cumulative=True, base_value=base_value)


def gt(raw, value):
    return cell(raw, value, comparator=">", lower=value, base_value=value)


def lt(raw, value):
    return cell(raw, value, comparator="<", upper=value, base_value=value)


def n(raw, value, base_value, footnote=None):
    return cell(raw, value, base_value=base_value, footnote=footnote)


# 专栏1: review table 指标 | 2015年 | 规划目标 | 2020年 — years baseline 2015, target 2020, actual 2020.
# (seq, category, name, unit, parent_seq, attribute, baseline, target, actual)
REVIEW = [
    (1, "就业创业", "城镇新增就业人数", "万人", None, None,
     n("2.22", 2.22, 22200.0), n("11", 11.0, 110000.0), n("8.49*", 8.49, 84900.0, "*")),
    (2, "就业创业", "城镇登记失业人员就业人数", "万人", None, None,
     n("0.84", 0.84, 8400.0), n("4", 4.0, 40000.0), n("2.52*", 2.52, 25200.0, "*")),
    (3, "就业创业", "城镇就业困难人员就业", "万人", None, None,
     n("0.52", 0.52, 5200.0), n("2", 2.0, 20000.0), n("1.53*", 1.53, 15300.0, "*")),
    (4, "就业创业", "大学生小额担保贷款", "万元", None, None,
     n("568", 568.0, 5680000.0), n("1000", 1000.0, 10000000.0), n("2324", 2324.0, 23240000.0)),
    (5, "就业创业", "就业技能培训", "万人", None, None,
     n("0.36", 0.36, 3600.0), n("1", 1.0, 10000.0), n("2.39", 2.39, 23900.0)),
    (6, "社会保障", "城镇职工养老保险", "万人", None, None,
     n("9.43", 9.43, 94300.0), n("10", 10.0, 100000.0), n("15.3", 15.3, 153000.0)),
    (7, "社会保障", "城乡居民养老保险", "万人", None, None,
     n("39.14", 39.14, 391400.0), n("38", 38.0, 380000.0), n("38.4", 38.4, 384000.0)),
    (8, "社会保障", "工伤保险", "万人", None, None,
     n("5.32", 5.32, 53200.0), n("5", 5.0, 50000.0), n("11.6", 11.6, 116000.0)),
    (9, "社会保障", "失业保险", "万人", None, None,
     n("5.7", 5.7, 57000.0), n("7", 7.0, 70000.0), n("8.2", 8.2, 82000.0)),
    (10, "社会保障", "社会保障卡持卡人数", "万人", None, None,
     n("82.15", 82.15, 821500.0), n("82", 82.0, 820000.0), n("89", 89.0, 890000.0)),
    (11, "人才队伍", "专业技能人才总量", "万人", None, None,
     n("4.15", 4.15, 41500.0), n("6.1", 6.1, 61000.0), n("6.5", 6.5, 65000.0)),
    (12, "人才队伍", "高、中、初级专业技术人才比例", None, None, None,
     ratio("0.9:4.4:4.7", [0.9, 4.4, 4.7]), ratio("1:5:4", [1.0, 5.0, 4.0]), ratio("1:5:4", [1.0, 5.0, 4.0])),
    (13, "人才队伍", "高技能人才总量", "万人", None, None,
     n("0.31", 0.31, 3100.0), n("0.41", 0.41, 4100.0), n("1.44", 1.44, 14400.0)),
    (14, "劳动关系", "企业劳动合同签订率", "%", None, None,
     n("87.5", 87.5, 87.5), n("90", 90.0, 90.0), n("95", 95.0, 95.0)),
    (15, "劳动关系", "劳动人事争议仲裁结案率", "%", None, None,
     n("99.9", 99.9, 99.9), n("95", 95.0, 95.0), n("96", 96.0, 96.0)),
]

# 专栏2: 指标 | 2020年基数 | 2025年目标 | 指标属性, note "[ ]内为五年累计值".
MAIN = [
    (1, "就业创业", "城镇新增就业人数", "万人", None, "预期性",
     cum("[8.49]", 8.49, 84900.0), cum("[5]", 5.0, 50000.0), None),
    (2, "就业创业", "城镇调查失业率", "%", None, "预期性", n("5.5", 5.5, 5.5), lt("<5.5", 5.5), None),
    (3, "就业创业", "城镇登记失业率", "%", None, "预期性", n("3", 3.0, 3.0), lt("<5", 5.0), None),
    (4, "就业创业", "开展补贴性职业培训人次", "万人次", None, "预期性",
     cum("[ 2.39]", 2.39, 23900.0), cum("[2.2]", 2.2, 22000.0), None),
    (5, "就业创业", "农民工参加补贴性职业培训人次", "万人次", None, "预期性",
     cum("[0.8 ]", 0.8, 8000.0), cum("[0.7]", 0.7, 7000.0), None),
    (6, "社会保障", "基本养老保险参保率", "%", None, "预期性", gt(">95", 95.0), gt(">95", 95.0), None),
    (7, "社会保障", "失业保险参保人数", "万人", None, "约束性",
     n("8.2", 8.2, 82000.0), n("9.2", 9.2, 92000.0), None),
    (8, "社会保障", "工伤保险参保人数", "万人", None, "约束性",
     n("11.6", 11.6, 116000.0), n("11.7", 11.7, 117000.0), None),
    (9, "人才队伍", "专业技术人才总量", "万人", None, "预期性",
     n("3.5", 3.5, 35000.0), n("4.2", 4.2, 42000.0), None),
    (10, "人才队伍", "高级职称人才总量", "万人", 9, "预期性",
     n("0.26", 0.26, 2600.0), n("0.33", 0.33, 3300.0), None),
    (11, "人才队伍", "新增取得专业技术职称资格证书", "人", None, "预期性",
     cum("[1200]", 1200.0, 1200.0), cum("[1500]", 1500.0, 1500.0), None),
    (12, "人才队伍", "博士后研究人员招收数", "人", None, "预期性",
     cum("[1]", 1.0, 1.0), cum("[6]", 6.0, 6.0), None),
    (13, "人才队伍", "新增取得职业资格证书或职业技能等级证书人数", "万人", None, "预期性",
     cum("[3.5]", 3.5, 35000.0), cum("[1.5]", 1.5, 15000.0), None),
    (14, "人才队伍", "新增取得高级工以上职业资格证书或职业技能等级证书人数", "万人", 13, "预期性",
     cum("[0.15]", 0.15, 1500.0), cum("[0.3]", 0.3, 3000.0), None),
    (15, "劳动关系", "劳动人事争议调解成功率", "%", None, "预期性", n("69.7", 69.7, 69.7), gt(">60", 60.0), None),
    (16, "劳动关系", "劳动人事争议仲裁结案率", "%", None, "预期性", n("95", 95.0, 95.0), gt(">90", 90.0), None),
    (17, "劳动关系", "劳动保障监察举报投诉案件结案率", "%", None, "预期性", n("96", 96.0, 96.0), gt(">97", 97.0), None),
    (18, "公共服务", "社会保障卡持卡人数", "万人", None, "预期性",
     n("89", 89.0, 890000.0), n("90", 90.0, 900000.0), None),
    (19, "公共服务", "申领电子社保卡人口覆盖率", "%", None, "预期性", n("20", 20.0, 20.0), n("70", 70.0, 70.0), None),
]

YEARS = {1: {"baseline": 2015, "target": 2020, "actual": 2020},
         2: {"baseline": 2020, "target": 2025, "actual": None}}

PROJECTS = {
    3: ["持续开展“把老乡留在老家”专项行动", "重点群体就业扶持工程", "创业促进就业工程", "职业指导服务提升工程",
        "就业服务基础能力提升工程", "新型技能人才培育工程", "创新创业大赛", "智慧人力资源市场建设",
        "“巴渝工匠”高质量发展工程"],
    4: ["新就业形态群体参保项目", "社会保险经办管理服务能力提升工程", "退捕渔民转产安置和社会保障项目"],
    5: ["专业技术人才知识更新工程", "高技能人才振兴计划", "建立“智能+技能”人才孵化空间", "引才活动",
        "专家服务基层行动计划", "人才驿站建设", "机关事业单位新招聘工作人员初任培训", "全民技能提升工程"],
    6: ["和谐劳动关系稳定项目", "重点企业用工指导计划", "示范仲裁院、标准化仲裁庭和调解室建设项目",
        "调解员仲裁员队伍建设项目", "健全基层调解组织", "劳动关系风险防控及重大舆情监测项目"],
    7: ["政务服务大厅建立导服站项目", "创建社会保险公共服务标准化基地", "社保卡“一卡通”建设"],
}

# (chapter, section) -> task titles in order
TASKS = {
    (1, 4): ["高质量就业进入新阶段", "社会保障体系建设达到新高度", "人才队伍建设实现新跨越",
             "和谐稳定劳动关系取得新进展", "基本公共服务能力建设迈出新步伐"],
    (2, 1): ["实施就业优先战略和更加积极的就业政策", "实施创业带动就业工程", "统筹做好重点群体就业",
             "强化职业技能培训", "加强人力资源市场建设", "提高就业创业公共服务能力"],
    (2, 2): ["健全完善社会保障制度体系", "持续深入推进实施全民参保计划", "落实调整社会保险待遇机制",
             "加强社会保险基金安全监管", "提升社会保险经办管理服务能力"],
    (2, 3): ["促进人才顺畅有序流动", "加强专业技术人才队伍建设", "加强技能人才队伍建设",
             "落实事业单位人事制度改革措施", "健全人才公共服务体系", "更好发挥人才效能"],
    (2, 4): ["贯彻落实企业工资收入分配制度改革", "改革完善事业单位工资制度", "扩大中等收入群体"],
    (2, 5): ["健全劳动关系协调机制", "完善劳动人事争议调解仲裁体制机制", "提升劳动保障监察执法效能"],
    (2, 6): ["加强人社系统行风建设", "推进人社基本公共服务标准化建设", "推进智慧人社建设",
             "推进社保卡“一卡通”建设"],
    (2, 7): ["深化川渝人社合作", "建立跨区域合作机制", "服务乡村振兴"],
}


def expected_quantity(spec: dict | None, unit: str | None, year: int | None) -> dict | None:
    """Complete an expected cell with the row's unit, the base unit and the column's year."""
    if spec is None:
        return None
    base_unit, _ = BASE[unit]
    out = dict(spec, unit=unit if spec["kind"] != "ratio" else None,
               base_unit=base_unit if spec["kind"] != "ratio" else None, year=year)
    return out


def expected_indicators() -> list[dict]:
    """All 34 indicators as the contract's dicts (without loc and *_en labels)."""
    out = []
    for column, rows in ((1, REVIEW), (2, MAIN)):
        for seq, category, name, unit, parent, attribute, base, target, actual in rows:
            years = YEARS[column]
            out.append(dict(
                column=column, seq=seq, category=category, name=name, unit=unit, parent_seq=parent,
                attribute=attribute,
                attribute_code={"预期性": "anticipatory", "约束性": "binding"}.get(attribute),
                baseline=expected_quantity(base, unit, years["baseline"]),
                target=expected_quantity(target, unit, years["target"]),
                actual=expected_quantity(actual, unit, years["actual"]),
                growth=None))  # neither table has a 年均/累计 column
    return out
