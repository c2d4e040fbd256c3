"""Chinese → English labels for plan names, from a curated glossary.

The glossary is a TOML data file shipped in the package
(``plan_parser/data/glossary.toml``), organised in tables by kind (``[units]``,
``[attributes]``, ``[categories]``, ``[headers]``, ``[headings]``,
``[indicators]``, ``[titles]``, ``[terms]``) plus two tables that only the
composer uses (``[function_words]`` and ``[suffixes]``).  Keys are the Chinese
strings, values the English.

:meth:`Glossary.translate` tries, in order:

1. ``exact``      – the string is a key of the glossary;
2. ``normalized`` – the string matches a key once both are normalized (spaces,
   full-width punctuation, a trailing unit of ``data/units.toml`` such as
   ``（万人）``, a leading ``其中：`` and leading numbering such as ``1.`` or
   ``一、`` removed);
3. ``composed``   – the string is segmented with jieba (every glossary key is
   loaded into jieba's dictionary so domain terms stay whole) and the English is
   built segment by segment; a plan title ``X“十四五”规划（2021—2025年）``
   becomes ``X 14th Five-Year Plan (2021-2025)``.  If any segment is not
   covered, ``en`` is ``None`` and ``missing`` lists the uncovered pieces.

Importing this module is cheap: jieba is imported lazily, once per process, the
first time a name is not found by steps 1–2.  A returned ``en`` never contains a
CJK character.  See ``docs/glossary.md``.
"""
from __future__ import annotations

import collections
import copy
import csv
import functools
import io
import itertools
import os
import re
import threading
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal, NamedTuple

from .numerals import chinese_to_decimal
from .quantity import is_listed_unit, is_unit, parse_quantity  # the unit table of data/units.toml; imports only regex

__all__ = [
    "Glossary",
    "Translation",
    "contains_cjk",
    "normalize",
    "BUILTIN_PATH",
    "TABLES",
    "place_en",
    "singular",
    "vocabulary_tables",
]

BUILTIN_PATH = Path(__file__).resolve().parent / "data" / "glossary.toml"
#: The general plan vocabulary, grouped by sector with each group's source
#: (``[group] source = "…"`` and ``[group.terms]`` / ``[group.verbs]``).  Its
#: ``terms`` become the built-in glossary's ``[vocabulary]`` table, the lowest in
#: priority: glossary.toml's own entries always win.
VOCABULARY_PATH = BUILTIN_PATH.with_name("vocabulary.toml")

#: Tables in lookup priority order: when one Chinese key sits in several tables
#: of the same glossary, the first table listed here wins.  ``suffixes`` is used
#: only by the composer and never for a whole-name lookup.
TABLES = (
    "function_words",
    "terms",
    "postposed",
    "indicators",
    "titles",
    "categories",
    "headings",
    "headers",
    "attributes",
    "units",
    "label_only",
    "counted",
    "layout",
    "vocabulary",
    "verbs",
    "adjectives",
    "adverbs",
    "modals",
    "modifiers",
    "suffixes",
    "affixes",
    "adjective_affixes",
    "frames",
)
#: ``verbs`` gives a word's English where it opens a verb-object name ("加快X" →
#: "accelerate X"); elsewhere the word's English comes from the other tables.
#: ``adjectives`` gives it where it qualifies ("X更加Y" → "more Y X"), ``adverbs``
#: where it stands before a verb ("全面推进X" → "comprehensively advance X"), ``modals``
#: where it opens a predicate ("必须加快X" → "must accelerate X"; anywhere else the name has
#: no English), ``modifiers``
#: where a noun qualifies the noun after it ("城市绿化覆盖率" → "urban greening coverage",
#: not "cities greening coverage").
#: ``frames`` holds whole-clause frames with slots ("以{}为重点" → "with a focus on {}"):
#: a clause that is one of them is translated slot by slot.  ``affixes`` holds bound
#: characters stuck to a word ("非{}" → "non-{}", "{}类" → "{} category"),
#: ``adjective_affixes`` their English after an adjective, ``counted`` a Chinese numeral with a
#: classifier before a kind of undertaking ("三年行动" → "three-year initiative"), ``layout``
#: the parts of a spatial layout formula ("一核两带三区" → "one core, two belts, three zones").
_COMPOSER_ONLY = frozenset({"suffixes", "verbs", "adjectives", "adverbs", "modals", "modifiers", "counted", "layout",
                            "frames", "affixes", "adjective_affixes"})
#: Tables whose entries may have an empty English value (= drop the word).
_MAY_BE_EMPTY = frozenset({"function_words"})
#: Table that holds entries of a CSV file and top-level keys of a TOML file.
DEFAULT_TABLE = "terms"

#: ``dictionary``: composed with at least one word from CC-CEDICT (:mod:`plan_parser.dictionary`).
Method = Literal["exact", "normalized", "composed", "dictionary"]

# CJK: Han (all blocks), radicals, CJK symbols and punctuation, kana, bopomofo,
# enclosed/compatibility forms, CJK compatibility forms, full-width forms.
_CJK_RE = re.compile(
    "["
    "\u2e80-\u2fdf"
    "\u3000-\u303f"
    "\u3040-\u30ff"
    "\u3100-\u312f"
    "\u31a0-\u31ff"
    "\u3200-\u33ff"
    "\u3400-\u4dbf"
    "\u4e00-\u9fff"
    "\uf900-\ufaff"
    "\ufe30-\ufe4f"
    "\uff00-\uffef"
    "\U00020000-\U0003134f"
    "]"
)
_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f\u3007]")


def contains_cjk(text: str) -> bool:
    """True if *text* holds any CJK character (Han, CJK punctuation, full-width forms)."""
    return bool(_CJK_RE.search(text))


# ---------------------------------------------------------------------------
# normalization

# Punctuation that NFKC leaves alone but that has an ASCII counterpart.
_PUNCT_MAP = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "、": ",",
        "。": ".",
        "〈": "<",
        "〉": ">",
        "《": "<",
        "》": ">",
        "【": "[",
        "】": "]",
        "〔": "(",
        "〕": ")",
        "—": "-",
        "–": "-",
        "―": "-",
        "～": "~",
        "〜": "~",
        "·": "-",
        "…": "...",
    }
)
_WS_RE = re.compile(r"\s+")
_ASCII_WORD = re.compile(r"[0-9A-Za-z]")
# A Chinese ordinal as headings write it, 一 to 九十九: 一, 十, 十二, 二十, 二十一.
# Not any run of numeral characters, so 十四五 in "十四五、十三五" is not numbering.
_CN_ORDINAL = "(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
# Leading numbering, in the forms plan_parser.headings reads (1.  1、  （1）  一、  （一）),
# after _unify: full-width forms are ASCII by now and 、 and ， are ",".
_LEADING_RE = re.compile(
    r"^(?:"
    r"-{1,2}"  # —— task paragraphs
    r"|\d{1,3}(?:\.\d{1,3})*[.,)](?!\d)"  # 1.  1.2.  1)  1、
    rf"|{_CN_ORDINAL}[,.]"  # 一、  十二、  一．
    rf"|\((?:\d{{1,3}}|{_CN_ORDINAL})\)"  # (1) (一)
    r"|其中[:,]?"  # 其中：
    r")"
)
# A trailing parenthesis; it is dropped when it holds a unit of data/units.toml
# (plan_parser.quantity.is_unit): （万人）, （万人次）, （%）, （元/月）, （张）.
_TRAILING_PAREN_RE = re.compile(r"\(([^()]+)\)$")
_TRAILING_PUNCT_RE = re.compile(r"[.,;:!?*]+$")
#: Chinese characters only (no compatibility ideographs, which NFKC would change).
_PLAIN_HAN_RE = re.compile(r"[\u4e00-\u9fff]+")


def _squash_spaces(text: str) -> str:
    """Drop whitespace, except a single space between two ASCII words."""
    parts = _WS_RE.split(text.strip())
    out = parts[0] if parts else ""
    for part in parts[1:]:
        if out and part and _ASCII_WORD.match(out[-1]) and _ASCII_WORD.match(part[0]):
            out += " "
        out += part
    return out


def _unify(text: str) -> str:
    """Full-width → half-width, CJK punctuation → ASCII, spaces squashed."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT_MAP)
    return _squash_spaces(text)


def normalize(text: str) -> str:
    """The normalized form used for the second lookup (and for composing).

    Full-width characters and CJK punctuation become ASCII, spaces go, and a
    leading ``——``, numbering (``1.``, ``1、``, ``（1）``, ``一、``, ``（一）``), a
    leading ``其中：``, a trailing unit in parentheses (``（万人）``, ``（张）``: any
    unit :func:`plan_parser.quantity.is_unit` knows) and trailing sentence
    punctuation are removed, repeatedly, until nothing more changes.
    """
    if _PLAIN_HAN_RE.fullmatch(text) and not text.startswith("其中"):
        return text  # most keys: nothing to unify, strip or cut
    text = _unify(text)
    while True:
        before = text
        text = _LEADING_RE.sub("", text, count=1).strip()
        text = _TRAILING_PUNCT_RE.sub("", text).strip()
        m = _TRAILING_PAREN_RE.search(text)
        if m and m.start() > 0 and is_unit(m.group(1)):
            text = text[: m.start()].strip()
        if text == before:
            return text


# ---------------------------------------------------------------------------
# the result


@dataclass(frozen=True)
class Translation:
    """The English for one Chinese name, and how it was found.

    ``en`` is ``None`` when no translation could be made; ``missing`` then lists
    the Chinese segments that nothing covers (the glossary, and its dictionary if it has
    one).  With method ``dictionary``, ``missing`` lists the words the dictionary gave.
    """

    en: str | None
    method: Method | None
    missing: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.en is not None


# ---------------------------------------------------------------------------
# jieba: the process's one tokenizer lives in plan_parser.segment


def __getattr__(name: str):
    # ``jieba_init_seconds`` (read by benchmarks) is the segmenter's set-up time.
    if name == "jieba_init_seconds":
        from . import segment

        return segment.init_seconds
    raise AttributeError(name)


# ---------------------------------------------------------------------------
# the glossary

_FOUR_DIGITS = re.compile(r"^\d{4}$")
_KEEP_RE = re.compile(r"[0-9A-Za-z+%#&]")
_LATIN_RE = re.compile(r"[A-Za-z0-9&]+")
#: A number scaled by 万 or 亿 inside a name (超过10万元的村): read in base units.
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALED_NUMBER_RE = re.compile(
    rf"(?<![\d.,])(?:{_NUMBER}(?:万亿|千万|百万|万|亿)?[-－—–~～至到])?{_NUMBER}(?:万亿|千万|百万|万|亿)(?:余|多)?")

#: A lone Chinese numeral (两, 二 … 十) and a classifier: the counted numbers of ``[counted]``.
_CN_COUNT_RE = re.compile(r"(?<![第个前〇零一二两三四五六七八九十百千万亿\d])([两二三四五六七八九十])([年大])")
#: What a counted number may stand before: a plan's kind of undertaking (三年行动计划, 十大工程),
#: or, for 大, a word whose English is a plural (三大|主攻方向 "three major main directions").
_COUNTED_HEADS = {"年": ("行动", "计划", "规划", "工程", "专项", "方案", "项目"), "大": ("工程", "项目", "行动", "计划")}
_EN_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
               10: "ten"}
#: The counts of a layout formula (``[layout]``): 一核, 双核, 多点.
_LAYOUT_COUNTS = {**{c: _EN_NUMBERS[int(chinese_to_decimal(c))] for c in "一两二三四五六七八九十"},
                  "双": "two", "多": "multiple"}
_CN_DIGIT = "〇零一二三四五六七八九"
# A year in Chinese digits: 二〇二五年, and the first year of 二〇二一—二〇二五年.
_CN_YEAR_RE = re.compile(rf"([{_CN_DIGIT}]{{4}})(?=年|[-~至到][{_CN_DIGIT}]{{4}}年)")
# A plan period abbreviation in quotes: "十四五" → 十四五, so that 十四五规划 is one word.
_QUOTED_PERIOD_RE = re.compile(r"[\"'](十[一二三四五六七八九]?五)[\"']")
# A trailing plan period: (2021-2025年) → "(2021-2025)".
_TRAILING_PERIOD_RE = re.compile(r"\((\d{4})[-~至到](\d{4})年?\)$")
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_ATTACH_LEFT = {",", ";", ":", "%", "!", "?"}
#: A trailing word in brackets that says what stage a document is at (（征求意见稿）,
#: （试行）), after a plan's or a programme's name: "X Plan (Draft for Comments)".
_TRAILING_STATUS_RE = re.compile(r"\(([^()]{2,6})\)$")
_STATUS_AFTER = ("规划", "纲要", "方案", "计划", "办法", "意见", "规定", "细则", "年)")
#: The plan period that must follow the places a plan title opens with.
_TITLE_PERIOD_RE = re.compile(r"十[一二三四五六七八九]?五|第十[一二三四五六七八九]?个五年")
#: The last word of a plan title (X十四五规划 / 十四五X规划).
_PLAN_WORDS = frozenset({"规划", "规划纲要", "纲要"})
#: A last word that is 发展规划 / 事业发展规划: "… for X Development".
_DEVELOPMENT_PLAN_WORDS = frozenset({"发展规划", "事业发展规划"})
#: X占Y比重: the words that make it "share of X in Y".
_SHARE_WORDS = frozenset({"比重", "比例", "比率", "占比"})
#: Where a name of several clauses is cut (full-width comma, semicolons, a colon or a double
#: dash between a name and what it does: 中国算谷——打造…; 、 lists the parts of one noun
#: phrase, and a colon between figures is a ratio).
_CLAUSE_RE = re.compile(r"([，；;]|(?<!\d)(?:[：:]|——|--)|(?:[：:]|——|--)(?!\d))")
#: A lead-in that names nothing before a name's own words (其中：城镇人口).
_LEAD_IN_RE = re.compile(r"^其中\s*[：:]\s*")
#: X与Y之比 / X与Y比: "ratio of X to Y".
_RATIO_RE = re.compile(r"^(.+?)与(.+?)之?比$")
#: A parenthesis that repeats the word before it.
_REPEATED_PAREN_RE = re.compile(r"\b([\w&-]{1,40}) \(\1\)")  # bounded: a long Latin run costs no time
#: 具有X的Y: "Y with X".
_WITH_WORDS = frozenset({"具有", "具备", "富有"})
#: X更加Y: "more Y X".
_MORE_WORDS = frozenset({"更加", "更为"})
#: Verbs that open a second verb-object clause of a name written without a comma
#: (推动绿色发展|促进人与自然和谐共生, 加快数字化发展|建设数字中国), two characters each; a
#: [verbs] word ending in one counts too (全面塑造).  Verbs that also stand as nouns (发展, 改革, 创新) are
#: not here: they end an object more often than they open a clause; nor is 引领 (引领X的Y).
#: 建设 opens one only before a name (建设数字中国, 建设平安中国), else it is a noun
#: (数字政府建设管理机制).
_CLAUSE_VERBS = frozenset({
    "推进", "推动", "促进", "加快", "加强", "完善", "健全", "构建", "建设", "打造", "塑造", "提升",
    "提高", "增强", "强化", "优化", "深化", "扩大", "巩固", "壮大", "形成", "开拓", "增进", "坚持",
    "实施", "实行", "培育", "激发", "营造", "畅通", "确保", "筑牢", "守住", "拓展", "释放", "开创",
    "开启", "夯实", "激活", "助推", "赋能",
})
#: A last word that a clause verb before it modifies rather than governs: 工作推进|机制
#: "work advancement mechanism", 数字社会建设|步伐, 人才培育|力度.  What a verb improves
#: (质量, 能力, 水平) is no such head: 优化营商环境|提升服务质量 is two clauses.
_HEAD_NOUNS = frozenset({
    "机制", "体系", "步伐", "制度", "模式", "格局", "进程", "工作", "平台", "政策", "措施", "办法",
    "方案", "体制", "工程", "力度",
})
#: Heads a verb with a ``[modifiers]`` form modifies when the two are the whole name (管理|水平
#: "level of management", 服务|质量 "service quality", 监管|能力 "regulatory capacity"), where
#: a verb without one governs them (提升|质量 "enhance quality").
_ATTRIBUTE_HEADS = _HEAD_NOUNS | frozenset({
    "水平", "能力", "质量", "标准", "中心", "效率", "效能", "流程", "程序", "队伍", "人员", "设施",
    "要求", "范围", "规模", "项目", "站点", "网点", "系统", "费用", "成本", "时限", "时间", "目标", "任务",
    "现状", "情况", "状况", "成效", "进展",
})
#: Heads of a last word that carries its own modifier (高质量|发展, 深度|融合, 合法|权益): the
#: noun phrase before it follows "of" (竞技体育高质量发展 "high-quality development of competitive
#: sports", 妇女儿童合法权益 "legitimate rights and interests of women and children").
_OF_HEADS = ("发展", "融合", "权益", "转型", "振兴")
#: English words in s that are no plurals (a verb after them takes its s: "news that serves").
_S_SINGULARS = frozenset({"news", "series", "species", "means", "headquarters", "always", "towards",
                          "telecommunications", "diabetes", "overseas", "ethos", "chaos", "whereabouts", "biogas"})
#: Plurals that keep their s before a noun (goods trade, standards development, sports products,
#: grassroots governance, customs clearance), and are plurals still ("skills improve").
_KEPT_PLURALS = frozenset({"goods", "sales", "arms", "savings", "affairs", "premises", "surroundings", "earnings",
                           "arrears", "tailings", "proceeds", "outskirts", "standards", "sports", "grassroots",
                           "customs", "rights", "materials", "arts", "humanities", "minors", "needs", "operations",
                           "communications", "skills", "securities", "glasses", "lives", "interests", "futures"})
#: Plural-looking English words that :func:`singular` leaves as they are.
_NOT_PLURAL = _S_SINGULARS | _KEPT_PLURALS
#: Plurals in -es after s (gases, buses, viruses), and plurals the rules cannot undo.
_ES_PLURALS = frozenset({"gases", "buses", "lenses", "biases", "atlases", "canvases", "viruses", "campuses"})
_IRREGULAR_SINGULARS = {"wharves": "wharf", "shelves": "shelf", "halves": "half", "wolves": "wolf", "calves": "calf",
                        "leaves": "leaf", "knives": "knife", "wives": "wife", "thieves": "thief", "crises": "crisis",
                        "analyses": "analysis", "diagnoses": "diagnosis", "theses": "thesis", "hypotheses": "hypothesis",
                        "syntheses": "synthesis", "bases": "base", "taxis": "taxi", "bureaus": "bureau"}
#: Words that make an English phrase more than a noun with its modifiers ("core technologies
#: in key fields"): such a phrase keeps its plural before another noun.
_PHRASE_WORDS = frozenset({"in", "of", "for", "as", "to", "with", "on", "the", "a", "an", "by", "from"})


def singular(en: str | None) -> str | None:
    """The English of a noun as it stands before another noun, or after "per": its last word
    (and the one before "and") singular ("robots" → "robot", "policies" → "policy", "colleges and
    universities" → "college and university"); words in -ss, -us, -is, -ics and
    :data:`_NOT_PLURAL` unchanged."""
    if not en or not en.endswith("s"):
        return en
    words = en.split(" ")
    if len(words) > 4 or _PHRASE_WORDS.intersection(words):
        return en  # "core technologies in key fields", "enterprises as the main players"

    def one(word: str) -> str:
        if "-" in word:  # "kilowatt-hours" → "kilowatt-hour"
            head, _, last = word.rpartition("-")
            return f"{head}-{one(last)}"
        low = word.lower()
        if low in _IRREGULAR_SINGULARS and not word[:1].isupper():  # taxis (no word in -is), wharves
            return _IRREGULAR_SINGULARS[low]
        if (low in _NOT_PLURAL or not low.isalpha() or len(low) < 4 or word[:1].isupper()
                or low.endswith(("ss", "us", "is", "ics", "ous")) or not low.endswith("s")):
            return word  # names keep their s, and words that are no plurals
        if low.endswith("ies"):
            return word[:-3] + "y"
        if low.endswith(("sses", "xes", "ches", "shes")) or low in _ES_PLURALS or (
                low.endswith("oes") and low not in ("shoes", "toes", "canoes")):
            return word[:-2]  # processes, gases, heroes
        return word[:-1]  # enterprises, incentives, scenarios

    words[-1] = one(words[-1])
    if len(words) >= 3 and words[-2] == "and":
        words[-3] = one(words[-3])
    return " ".join(words)


def _is_plural(en: str) -> bool:
    """Whether a noun phrase's English is plural, by its last word: "enterprises", "children",
    "vocational skills" are; "news", "service system", "United Nations" (a name) are not."""
    last = en.rsplit(" ", 1)[-1]
    low = last.lower()
    return low in _IRREGULAR_PLURALS or (low in _KEPT_PLURALS and last[:1].islower()) or singular(last) != last


def _follows_object(adverb: str) -> bool:
    """An adverb phrase that English puts after the verb and its object ("in accordance with
    the law", "as soon as possible", "year by year"); adverbs in -ly stay before ("actively
    and prudently")."""
    return " " in adverb and not adverb.endswith("ly")


#: A preposition that ends a verb's English and wants an object ("accelerate the development of").
_TRAILING_PREPOSITION_RE = re.compile(r" (?:of|to|for|on|in|with|at|into)$")
#: Words that join verbs side by side (加强、改进和完善X: "strengthen, improve and perfect X").
_LINKING_WORDS = frozenset({"和", "与", "及", "并"})
#: English modal auxiliaries: a [modals] word whose English opens with one agrees with any
#: subject ("enterprises can", "the government should"); any other ("continue to") only
#: opens a name.
_AUXILIARIES = frozenset({"can", "cannot", "should", "must", "may", "will", "shall", "might", "could", "would"})
#: Verbs that make a goal sentence of subject + verb + object (数字基础设施|实现|跨越式发展
#: "digital infrastructure achieves leapfrog development"), not a noun inside a name.
_PREDICATE_VERBS = frozenset({"实现", "达到", "取得", "迈上", "迈出"})
#: Last words that make X实现Y an indicator's name (实现情况, 实现路径), not a sentence.
_NO_OBJECT_HEADS = frozenset({"情况", "程度", "路径", "进度", "时间", "方式", "量", "比"})
#: Plural English nouns without a final s ("children achieve").
_IRREGULAR_PLURALS = frozenset({"children", "people", "men", "women", "personnel", "police", "staff"})
#: 支持X提高Y: a verb that has its object do the second clause ("support X to improve Y").
_PIVOT_VERBS = frozenset({"支持", "鼓励", "引导", "帮助", "动员", "组织", "指导", "吸引"})
#: English that names a place with its level (a title's leading place names).
_PLACE_EN_RE = re.compile(
    r"\b(Province|Municipality|City|District|County|Region|Prefecture|Town|Township|"
    r"Subdistrict|Banner|League|China)$")
#: A suffix template with a capitalized word is a name ("{} Project"): the rest is title-cased.
_PROPER_SUFFIX_RE = re.compile(r"\b[A-Z][a-z]")
_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with via per".split())


class _Piece(NamedTuple):
    """One word of a name being composed: its Chinese, its English, and what it is
    (word, place, literal, punct, missing)."""

    zh: str
    en: str | None
    kind: str


def _missing_runs(pieces: list[_Piece]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each run of neighbouring uncovered pieces."""
    k = 0
    while k < len(pieces):
        if pieces[k].kind != "missing":
            k += 1
            continue
        j = k
        while j < len(pieces) and pieces[j].kind == "missing":
            j += 1
        yield k, j
        k = j


def _missing_words(pieces: list[_Piece]) -> list[str]:
    """The uncovered words, whole: neighbouring uncovered tokens are one word, and a
    single uncovered character is reported with the word next to it, never alone."""
    out: list[str] = []
    for k, j in _missing_runs(pieces):
        word = "".join(p.zh for p in pieces[k:j])
        if len(word) == 1:
            if j < len(pieces) and pieces[j].kind != "punct":
                word += pieces[j].zh
            elif k > 0 and pieces[k - 1].kind != "punct":
                word = pieces[k - 1].zh + word
        out.append(word)
    return list(dict.fromkeys(out))


def title_case(text: str) -> str:
    """Title Case for names: small words stay lower case except first; words that are
    already capitalized (IT, 5G, Internet) are kept."""
    out = []
    for k, word in enumerate(text.split(" ")):
        if word and (k == 0 or word not in _SMALL_WORDS) and word[0].islower():
            word = "-".join(w[:1].upper() + w[1:] for w in word.split("-"))
        out.append(word)
    return " ".join(out)


def _third_person(verb: str) -> str:
    """"serve" → "serves", "carry out" → "carries out" (a verb after "that")."""
    first, _, rest = verb.partition(" ")
    if first.endswith(("s", "x", "ch", "sh", "z")):
        first += "es"
    elif first.endswith("y") and first[-2:-1] not in "aeiou":
        first = first[:-1] + "ies"
    else:
        first += "s"
    return f"{first} {rest}".strip()


def _series(words: list[str]) -> str:
    """["efficient", "safe", "ecological"] → "efficient, safe and ecological"."""
    if len(words) <= 2:
        return " and ".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


_PREPOSITIONS = frozenset({"with", "by", "through", "of", "on", "in", "for", "as"})


def _after_preposition(template: str, k: int) -> bool:
    """Whether slot ``k`` of a ``[frames]`` template ("{}" in order or "{k}") follows a
    preposition ("with {} as the theme", "through {0}")."""
    pos = template.find(f"{{{k}}}")
    if pos < 0:
        pos = -1
        for _ in range(k + 1):
            pos = template.find("{}", pos + 1)
    words = template[:max(pos, 0)].split()
    return bool(words) and words[-1] in _PREPOSITIONS


#: Past participles that do not add -ed (a goal statement: "X basically built"); None: the
#: [verbs] English is no plain verb ("strictly", "through"), so no statement is made of it.
_IRREGULAR_PARTICIPLES = {"build": "built", "make": "made", "take": "taken", "lead": "led", "hold": "held",
                          "uphold": "upheld", "set": "set", "put": "put", "keep": "kept", "win": "won",
                          "break": "broken", "run": "run", "become": "become", "overcome": "overcome",
                          "grow": "grown", "give": "given", "drive": "driven", "meet": "met",
                          "bring": "brought", "seek": "sought", "spread": "spread", "cut": "cut",
                          "strictly": None, "through": None, "solid": None}
#: Verbs of two syllables stressed on the last, which double it: "controlled", "submitted".
_DOUBLING = frozenset({"control", "submit", "unclog", "commit", "permit", "equip", "transfer", "compel"})


def _participle(verb: str) -> str | None:
    """"improve" → "improved", "optimize" → "optimized", "build" → "built": the verb of a goal
    statement (水资源保障能力显著增强 → "... significantly enhanced"); None for no plain verb."""
    if verb in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ied"
    if verb in _DOUBLING or re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", verb):  # plan → planned
        return verb + verb[-1] + "ed"
    return verb + "ed"


#: Verbs that end in -ly like an adverb.
_LY_VERBS = frozenset({"apply", "supply", "rely", "comply", "reply", "multiply", "ally"})


def _gerund(verb: str) -> str:
    """"build" → "building", "promote" → "promoting" (the first word of a verb phrase),
    for a verb that follows another ("加快建设X" → "accelerate building X")."""
    first, _, rest = verb.partition(" ")
    if first.endswith("ly") and first not in _LY_VERBS and rest:  # "jointly build" → "jointly building"
        return f"{first} {_gerund(rest)}"
    if first.endswith("ing"):
        return verb
    if first.endswith("e") and not first.endswith(("ee", "ye", "oe")):
        first = first[:-1] + "ing"
    elif re.fullmatch(r"(?:[^aeiou]*[aeiou])[bdgmnprt]", first) and first not in {"open", "deepen"}:
        first = first + first[-1] + "ing"
    else:
        first += "ing"
    return f"{first} {rest}".strip()


def place_en(zh: str) -> str | None:
    """The English of a place name by plan_parser.places (Hanyu Pinyin, level word
    translated: 铜梁区 → Tongliang District), or None (not a place)."""
    from . import places  # imported when first needed: it loads the list of divisions

    if not zh:
        return None
    try:
        return places.place_en(zh)
    except Exception:  # a place romanizer must not break labelling
        return None


def _place_en(zh: str) -> str | None:
    """plan_parser.places.listed_place_en: a name in the national list of divisions, else
    None (铜梁高新区 is no division and gets no romanization)."""
    from . import places

    try:
        # a listed division, or a chain of them (重庆市铜梁区 → "Tongliang District, Chongqing Municipality")
        return places.listed_place_en(zh)
    except Exception:  # a place romanizer must not break a translation
        return None


class Glossary:
    """A zh→en glossary made of named tables (see :data:`TABLES`).

    Build one with :meth:`builtin`, :meth:`load` or ``Glossary({"terms": {...}})``.
    A Glossary is immutable once built; :meth:`merged` returns a new one.
    """

    def __init__(self, tables: Mapping[str, Mapping[str, str]], *, source: str | None = None):
        clean: dict[str, dict[str, str]] = {}
        for table, entries in tables.items():
            if not isinstance(entries, Mapping):
                raise ValueError(f"glossary table [{table}] must map Chinese strings to English")
            out: dict[str, str] = {}
            for zh, en in entries.items():
                if not isinstance(zh, str) or not isinstance(en, str):
                    raise ValueError(f"[{table}] {zh!r}: keys and values must be strings")
                zh = zh.strip()
                en = " ".join(en.split())
                if not zh:
                    raise ValueError(f"[{table}]: empty Chinese key")
                if not en and table not in _MAY_BE_EMPTY:
                    raise ValueError(f"[{table}] {zh!r}: empty English value")
                if contains_cjk(en):
                    raise ValueError(f"[{table}] {zh!r}: English value {en!r} contains CJK characters")
                out[zh] = en
            clean[table] = out
        self._tables = clean
        self.source = source
        #: word English for words no entry covers (:meth:`with_dictionary`); None: none
        self._dictionary: Callable[[str], str | None] | None = None
        #: the towns of a plan's own place by their short names (:meth:`with_local_names`)
        self._local_names: dict[str, str | None] = {}
        order = [t for t in TABLES if t in clean] + sorted(t for t in clean if t not in TABLES)
        # [postposed] templates (每千{} "per 1,000 {}") are the composer's, not words
        words_of = {t: {zh: en for zh, en in e.items() if "{}" not in zh} for t, e in clean.items()}
        # whole-name lookup: the first table in priority order wins
        flat: dict[str, str] = {}
        for table in reversed(order):
            if table in _COMPOSER_ONLY:
                continue
            for zh, en in words_of[table].items():
                if en:
                    flat[zh] = en
        self._flat = flat
        # normalized lookup: keys already in normal form first, then derived ones,
        # each pass in table priority order
        norm: dict[str, str] = {}
        pairs = [
            (zh, normalize(zh), en)
            for table in order
            if table not in _COMPOSER_ONLY
            for zh, en in words_of[table].items()
            if en
        ]
        for zh, n, en in pairs:
            if n == zh:
                norm.setdefault(n, en)
        for zh, n, en in pairs:
            if n:
                norm.setdefault(n, en)
        self._norm = norm
        self._function_words = {_unify(k): v for k, v in clean.get("function_words", {}).items()}
        self._suffixes = {_unify(k): v for k, v in clean.get("suffixes", {}).items()}
        # word-level lookup for the composer: normalized keys, function words first
        seg: dict[str, str] = {}
        label_only = {normalize(zh) for zh in clean.get("label_only", {})}
        for zh, en in norm.items():
            if zh not in label_only:  # [label_only]: a whole label's English, never a word's
                seg[zh] = en
        seg.update(self._function_words)
        self._verb_en = {_unify(k): v for k, v in clean.get("verbs", {}).items()}
        self._adjective_en = {_unify(k): v for k, v in clean.get("adjectives", {}).items()}
        self._adjective_values = frozenset(self._adjective_en.values())  # "digital": 数字, and 数字化
        self._adverb_en = {_unify(k): v for k, v in clean.get("adverbs", {}).items()}
        self._modifier_en = {_unify(k): v for k, v in clean.get("modifiers", {}).items()}
        self._modal_en = {_unify(k): v for k, v in clean.get("modals", {}).items()}
        self._counted = {_unify(k).replace("{}", ""): v for k, v in clean.get("counted", {}).items()}
        self._layout = {_unify(k): v for k, v in clean.get("layout", {}).items()}
        # one count and one part (双核, 多点), longer parts first (中心 before 心)
        parts = "|".join(sorted(map(re.escape, self._layout), key=len, reverse=True))
        self._layout_unit_re = re.compile(f"([{''.join(_LAYOUT_COUNTS)}])({parts})")
        self._layout_re = re.compile(f"(?:{self._layout_unit_re.pattern})+") if self._layout else None
        for zh, en in [*self._verb_en.items(), *self._adjective_en.items(), *self._adverb_en.items(),
                       *self._modal_en.items()]:
            seg.setdefault(zh, en)
        self._segments = seg
        self._max_key = max((len(k) for k in seg), default=1)
        self._single_ok = {k for k in self._function_words if len(k) == 1} | {
            k for k in (_unify(z) for z in clean.get("terms", {})) if len(k) == 1
        }
        self._postposed = {_unify(k) for k in words_of.get("postposed", {})}
        self._postposed_templates = {_unify(k)[:-2]: en for k, en in clean.get("postposed", {}).items()
                                     if k.endswith("{}") and k.count("{}") == 1}
        self._postposed_first = frozenset(k[0] for k in self._postposed_templates)
        self._prefix_affixes, self._suffix_affixes = _affix_tables(clean.get("affixes", {}))
        self._adjective_affixes = _affix_tables(clean.get("adjective_affixes", {}), "adjective_affixes")[1]
        # 以{}为重点 → ^以(.+)为重点$; longer frames first (坚持以{}为{} before 以{}为{})
        # a frame that ends in words (以{}为主线) before one that ends in a slot (以{}推进{}),
        # each longest first, so that 以X为主线 is never read as 以{}…{}
        self._frames = [
            (re.compile("^" + "(.+)".join(map(re.escape, _unify(k).split("{}"))) + "$"), en,
             k.startswith("以") and "为" not in k)
            for k, en in sorted(clean.get("frames", {}).items(), key=lambda kv: (kv[0].endswith("{}"), -len(kv[0])))
            if "{}" in k
        ]

    # -- construction ------------------------------------------------------

    _builtin: Glossary | None = None
    _builtin_lock = threading.Lock()

    @classmethod
    def builtin(cls) -> Glossary:
        """The glossary shipped with the package (loaded once, then cached).

        Unlike a user glossary, it may not hold an empty English value."""
        if cls._builtin is None:
            with cls._builtin_lock:
                if cls._builtin is None:  # glossary.toml's tables over the vocabulary's, built once
                    source = str(BUILTIN_PATH)
                    own = cls._toml_tables(tomllib.loads(BUILTIN_PATH.read_text(encoding="utf-8")), source)
                    cls._builtin = cls._built({**vocabulary_tables(), **own}, source, skip_empty=False)
        return cls._builtin

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, skip_empty: bool = True) -> Glossary:
        """Load a glossary file: ``.toml`` (same tables as the built-in one) or
        ``.csv`` (two columns ``zh,en`` after a header row; entries go to ``[terms]``).

        An entry whose English is empty (``"术语" = ""``, as ``plan-parser glossary
        missing`` writes it) is not provided yet: with ``skip_empty`` (the default)
        it is left out, so it neither adds nor overrides anything; with
        ``skip_empty=False`` it is a ``ValueError``.  Empty values in
        ``[function_words]`` are kept: there they mean "drop the word"."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".toml":
            with path.open("rb") as fh:
                try:
                    data = tomllib.load(fh)
                except tomllib.TOMLDecodeError as exc:
                    raise ValueError(f"{path}: {exc}") from exc
            return cls._from_toml_data(data, source=str(path), skip_empty=skip_empty)
        if suffix == ".csv":
            return cls._from_csv_text(path.read_text(encoding="utf-8-sig"), source=str(path),
                                      skip_empty=skip_empty)
        raise ValueError(f"{path}: unknown glossary format {suffix!r} (use .toml or .csv)")

    @classmethod
    def _from_toml_data(cls, data: Mapping, *, source: str | None, skip_empty: bool = False) -> Glossary:
        return cls._built(cls._toml_tables(data, source), source, skip_empty)

    @staticmethod
    def _toml_tables(data: Mapping, source: str | None) -> dict[str, dict[str, str]]:
        """A TOML glossary's tables; top-level keys go to ``[terms]``."""
        tables: dict[str, dict[str, str]] = {}
        for name, value in data.items():
            if isinstance(value, Mapping):
                for zh, en in value.items():
                    if isinstance(en, Mapping):
                        raise ValueError(f"{source}: [{name}.{zh}]: nested tables are not allowed")
                tables.setdefault(name, {}).update(value)
            else:
                tables.setdefault(DEFAULT_TABLE, {})[name] = value
        return tables

    @classmethod
    def _from_csv_text(cls, text: str, *, source: str | None, skip_empty: bool = False) -> Glossary:
        rows = csv.reader(io.StringIO(text))
        entries: dict[str, str] = {}
        for lineno, row in enumerate(rows, start=1):
            if lineno == 1 or not any(cell.strip() for cell in row):
                continue  # the header row, blank lines
            if len(row) != 2:
                raise ValueError(f"{source}:{lineno}: expected 2 columns zh,en, got {len(row)}")
            entries[row[0].strip()] = row[1].strip()
        return cls._built({DEFAULT_TABLE: entries}, source, skip_empty)

    @classmethod
    def _built(cls, tables: dict, source: str | None, skip_empty: bool) -> Glossary:
        """A user file's tables as a Glossary; its errors name the file."""
        if skip_empty:
            tables = _without_empty(tables)
        try:
            return cls(tables, source=source)
        except ValueError as exc:
            raise ValueError(f"{source}: {exc}") from exc

    def merged(self, other: Glossary) -> Glossary:
        """A new glossary: this one, with *other*'s entries added or overriding.

        An entry of *other* wins over an entry of this glossary with the same
        Chinese key, whichever tables the two are in.
        """
        override = {zh for entries in other._tables.values() for zh in entries}
        tables: dict[str, dict[str, str]] = {}
        for table, entries in self._tables.items():
            tables[table] = {zh: en for zh, en in entries.items() if zh not in override}
        for table, entries in other._tables.items():
            tables.setdefault(table, {}).update(entries)
        out = Glossary(tables, source=f"{self.source} + {other.source}")
        out._dictionary = other._dictionary or self._dictionary  # a dictionary of either stays
        return out

    def with_dictionary(self, lookup: Callable[[str], str | None] | None = None) -> Glossary:
        """This glossary, with words it lacks taken from a dictionary (``lookup``: a word's
        English or None; by default CC-CEDICT, :func:`plan_parser.dictionary.word_english`).
        Names that use such a word come back with method ``dictionary``."""
        if lookup is None:
            from .dictionary import require, word_english as lookup

            require()
        out = copy.copy(self)
        out._dictionary = lookup
        return out

    # -- inspection ----------------------------------------------------------

    def __len__(self) -> int:
        return len({zh for entries in self._tables.values() for zh in entries})

    def __contains__(self, zh: object) -> bool:
        return zh in self._flat

    def __repr__(self) -> str:
        return f"<Glossary {len(self)} entries from {self.source}>"

    def table(self, name: str) -> Mapping[str, str]:
        """One table, read-only and not copied (``{}`` when there is none)."""
        return MappingProxyType(self._tables.get(name, {}))

    @property
    def tables(self) -> dict[str, dict[str, str]]:
        """A copy of the tables: ``{table: {zh: en}}``."""
        return {t: dict(e) for t, e in self._tables.items()}

    def get(self, zh: str, default: str | None = None) -> str | None:
        """Exact lookup only."""
        return self._flat.get(zh, default)

    # -- translation ---------------------------------------------------------

    def translate(self, zh: str) -> Translation:
        """English for the Chinese name *zh*: exact, normalized, then composed."""
        if not zh or not zh.strip():
            return Translation(None, None, [])
        en = self._flat.get(zh)
        if en is not None:
            return Translation(en, "exact", [])
        norm = normalize(zh)
        en = self._norm.get(norm)
        if en is not None:
            return Translation(en, "normalized", [])
        if not norm:
            return Translation(None, None, [])
        caption = self._caption(zh.strip())
        if caption is not None:
            return caption
        parts = _CLAUSE_RE.split(_LEAD_IN_RE.sub("", zh.strip()))  # clauses, separators between them
        if sum(1 for c in parts if c.strip()) > 1:  # 加快系统创新，增强融合发展新动能 (or a clause and its ，)
            return self._clauses(parts)
        return self._compose(norm)

    def _caption(self, zh: str) -> Translation | None:
        """A table or box caption, its number first as English puts it: 表2-1 重点项目 →
        "Table 2-1: key projects" (not "key projects for table 2 1"); None for no caption."""
        from .headings import split_caption

        parts = split_caption(zh)
        word_en = self._segments.get(parts[0]) if parts else None
        if not word_en:
            return None
        name = self.translate(parts[2])
        if name.en is None:
            return name
        return Translation(f"{word_en[:1].upper()}{word_en[1:]} {parts[1]}: {name.en}", name.method, name.missing)

    def _clauses(self, parts: list[str]) -> Translation:
        """A name of several clauses (``parts``: split at ，, ；, ： or ——, separators kept), each
        translated on its own."""
        out: list[str] = []
        results: list[Translation] = []
        for k in range(0, len(parts), 2):
            if not parts[k].strip():
                continue
            result = self.translate(parts[k])
            if result.en is None and not result.missing:
                continue  # a clause with nothing to say (a bare number) is left out
            results.append(result)
            if result.en is not None:
                out.append(result.en)
            if k + 1 < len(parts):
                out.append(";" if parts[k + 1] in "；;" else "," if parts[k + 1] == "，" else ":")
        failed = _failure(results)
        if failed is not None:
            return failed
        en = _join(out)
        return Translation(en, _method_of(results), _words(results)) if en else Translation(None, None, [])

    def coverage(self, names: Iterable[str]) -> collections.Counter:
        """How often each uncovered segment occurs among *names* (once per name)."""
        counter: collections.Counter = collections.Counter()
        for name in names:
            result = self.translate(name)
            if result.en is None:
                counter.update(result.missing)
        return counter

    # -- composition -----------------------------------------------------------

    def _pieces(self, text: str) -> list[_Piece]:
        """Cut ``text`` into glossary words: jieba's tokens (:mod:`plan_parser.segment`),
        regrouped by the cheapest cover with this glossary's own keys.

        A multi-character key may start or end inside a jieba token (就业人数 = 就业 + 人数);
        a one-character key counts only where jieba made it a word of its own, so an
        unknown word (高新区) is never dressed up in single characters (高 + 新 + 区).  A
        token no key covers is a place name where :mod:`plan_parser.places` knows it, a
        literal when it is not Chinese (2025, 5G, %), else a ``missing`` piece.
        """
        from . import segment

        pieces: list[_Piece] = []
        run: list[str] = []
        names = self._title_places(text)
        if names:  # 青溪市松河区“十四五”…: the places a plan title opens with
            pieces.extend(_Piece(zh, en, "place") for zh, en in names)
            text = text[sum(len(zh) for zh, _ in names):]

        def flush() -> None:
            if run:
                pieces.extend(self._cover(run, opening=not pieces))
                run.clear()

        start = 0
        scaled = self._scaled_numbers(text) if "万" in text or "亿" in text else []
        if self._counted and _CN_COUNT_RE.search(text):
            scaled = _without_overlaps(scaled + self._counted_numbers(text))
        if self._layout_re is not None and self._layout_re.search(text):
            scaled = _without_overlaps(scaled + self._layout_formulas(text))
        for zh, en, at in [*scaled, ("", "", len(text))]:
            toks = segment.tokens(text[start:at])
            toks = self._function_edges(_latin_joined(toks) if "&" in text else toks)
            for k, tok in enumerate(toks):
                if _HAN_RE.search(tok) or _KEEP_RE.search(tok):
                    run.append(tok)
                else:
                    # a dash between two words: _join keeps it between two names or two figures
                    # (孝感—潜江 "Xiaogan–Qianjiang", 2021年—2025年 "2021–2025")
                    dash = tok == "-" and run and k + 1 < len(toks)
                    flush()
                    mark = "–" if dash else tok if tok in _ATTACH_LEFT or tok in "()" else ""
                    pieces.append(_Piece(tok, mark, "punct"))
            if zh:
                flush()
                pieces.append(_Piece(zh, en, "literal"))
            start = at + len(zh)
        flush()
        return pieces

    def _function_edges(self, tokens: list[str]) -> list[str]:
        """jieba's tokens with a function character cut off the edges of a token its HMM made
        up (及水美 → 及 + 水美, 沿松河 → 沿 + 松河): a function word of this glossary or a
        character jieba tags as one (:func:`plan_parser.segment.function_char`); a linking word
        off a two-character one (人及 → 人 + 及)."""
        from . import segment

        def function(ch: str) -> bool:
            return ch in self._function_words or segment.function_char(ch)

        if all(len(tok) < 2 for tok in tokens):
            return tokens
        out: list[str] = []
        for tok in tokens:
            if len(tok) == 2 and tok[1] in _LINKING_WORDS and _HAN_RE.match(tok[0]) and not segment.known(tok):
                out.extend(tok)  # 驾驶|人及|车辆: 人 + 及, so that 驾驶人 can be read
            elif len(tok) > 2 and _HAN_RE.match(tok[0]) and (function(tok[0]) or function(tok[-1])) \
                    and not segment.known(tok):
                head = tok[0] if function(tok[0]) else ""
                tail = tok[-1] if function(tok[-1]) else ""
                out.extend(t for t in (head, tok[len(head):len(tok) - len(tail)], tail) if t)
            else:
                out.append(tok)
        return out

    def _scaled_numbers(self, text: str) -> list[tuple[str, str, int]]:
        """``(Chinese, English, start)`` of each number written with 万 or 亿 in ``text``, in
        base units as :func:`plan_parser.render.value_text` writes every value (超过10万元 →
        "100,000 yuan", not "10 10,000 yuan"; 10—20万元 → "100,000–200,000 yuan"; 1万余人 →
        "> 10,000 persons").  The unit is the longest of data/units.toml after the number, not
        cut out of a word (10万人口: 人口 "population").  A unit that counts the noun after it
        (1万名教师, 2万辆汽车) is left to the words: no number is read there."""
        from .render import value_text

        out = []
        for m in _SCALED_NUMBER_RE.finditer(text):
            end = m.end()
            unit = next((text[end:end + k] for k in (4, 3, 2, 1) if is_unit(text[end:end + k])), "")
            if any(text[end:end + k] in self._segments
                   for k in range(len(unit) + 1, min(self._max_key, len(text) - end) + 1)):
                unit = ""  # 10万人口: the word 人口 ("population"), not the unit 人
            rest = text[end + len(unit):]
            if unit and not unit.endswith("元") and _HAN_RE.match(rest[:1]) and not rest.startswith("左右") \
                    and not any(w and rest.startswith(w) for w in self._function_words):
                continue  # 1万名教师: 名 counts teachers (5亿元企业: a threshold; 10万元的村: a function word)
            if rest.startswith("左右"):  # 3万亩左右: "about 30,000 mu"
                unit += "左右"
            q = parse_quantity(m.group().replace(",", "") + unit)
            if q is None or q.kind not in ("number", "range"):
                continue
            en = value_text(q, years=None)
            if not en or contains_cjk(en) or "[" in en:
                continue
            # 超5亿元企业, 不超5%: the words 超过, 不超过 written short, not the affix "ultra-"
            before = text[max(0, m.start() - 2):m.start()]
            lead = "不超" if before == "不超" else "超" if before[-1:] == "超" and before != "赶超" else ""
            if lead and self._segments.get(lead + "过"):
                out.append((lead, self._segments[lead + "过"], m.start() - len(lead)))
            out.append((m.group() + unit, en, m.start()))
        return out

    def _counted_numbers(self, text: str) -> list[tuple[str, str, int]]:
        """``(Chinese, English, start)`` of each Chinese numeral + classifier of ``[counted]``
        in ``text`` before a kind of undertaking (三年行动 → "three-year", 十大工程 → "ten
        major"), where jieba's tokens start and end with it."""
        from . import segment

        bounds = set(itertools.accumulate(len(t) for t in segment.tokens(text)))
        out = []
        for m in _CN_COUNT_RE.finditer(text):
            template = self._counted.get(m.group(2))
            if (template is None or m.end() not in bounds or m.start() and m.start() not in bounds
                    or not (text.startswith(_COUNTED_HEADS[m.group(2)], m.end())
                            or m.group(2) == "大" and _is_plural(self._longest_word_at(text, m.end())))):
                continue  # 连续三年保持, 三大攻坚战 (no plural to agree), 五大连池市
            number = _EN_NUMBERS[int(chinese_to_decimal(m.group(1)))]
            out.append((m.group(), template.replace("{}", number), m.start()))
        return out

    def _longest_word_at(self, text: str, i: int) -> str:
        """The English of the longest glossary word that starts at ``text[i]``, else ""; "" for a
        word the composition reads by its [suffixes] template (领域: "{} sector", not "areas")."""
        word = next((text[i:j] for j in range(min(len(text), i + self._max_key), i + 1, -1)
                     if text[i:j] in self._segments), "")
        return "" if not word or word in self._suffixes else self._segments[word]

    def _layout_formulas(self, text: str) -> list[tuple[str, str, int]]:
        """``(Chinese, English, start)`` of each spatial layout formula in ``text``: two or more
        counts with a ``[layout]`` part each (一核两带三区 → "one core, two belts, three zones",
        一区多园 → "one zone, multiple parks"), on jieba's token boundaries (一带一路 is no
        formula: 路 is no part of a layout)."""
        from . import segment

        bounds = {0, *itertools.accumulate(len(t) for t in segment.tokens(text))}
        out = []
        for m in self._layout_re.finditer(text):
            parts = self._layout_unit_re.findall(m.group())
            if len(parts) < 2 or m.start() not in bounds or m.end() not in bounds or m.group() in self._segments:
                continue  # 三区三线, 一区多园 have English of their own
            words = []
            for count, part in parts:
                en = self._layout[part]
                if count not in "一":  # two belts, multiple parks; axis → axes
                    en = en[:-2] + "es" if en.endswith("is") else en + "s"
                words.append(f"{_LAYOUT_COUNTS[count]} {en}")
            en = ", ".join(words)  # quoted inside a name: build the "one core, two belts" pattern
            out.append((m.group(), en if len(m.group()) == len(text.strip("“”\"")) else f'"{en}"', m.start()))
        return out

    def _title_places(self, text: str) -> list[tuple[str, str]]:
        """The places a plan title opens with (青溪市松河区“十四五”教育发展规划, 青溪市松河区水利发展
        “十四五”规划 → 青溪市松河区 "Songhe District, Qingxi City"), when one of them is not in
        the national list (:meth:`_leading_places`).  Empty when the text is no such title or
        every name is listed (those the cover finds)."""
        found = self._leading_places(text)
        if all(_place_en(zh) for zh, _ in found):
            return []
        # one piece, smallest unit first, as places.place_en writes a listed chain
        return [("".join(zh for zh, _ in found), ", ".join(en for _, en in reversed(found)))]

    def _leading_places(self, text: str) -> list[tuple[str, str]]:
        """``(name, English)`` of each place a plan title opens with, listed or not: jieba cuts
        unlisted names anyhow (市松 + 河区, 青石 + 岭县), but a title names its place first.  Each
        name ends in a level word, has a specific part of two characters or more where the
        list lacks it, and is no word of jieba's dictionary (夜市) nor ends in a word of this
        glossary (高新区, 老城区), nor runs into the next word (青溪市区, 松河县城); a plan period
        must follow.  Empty when the text is no such title."""
        from . import segment

        found: list[tuple[str, str]] = []
        pos = 0
        while len(found) < 4:
            m = _place_name_re().match(text, pos)
            if not m or segment.known(m.group()) and not segment.proper_noun(m.group()):
                break
            name = m.group()
            en = _place_en(name) or (len(name) > 2 and self._place(name, unlisted=True))
            # the level word and what follows, as jieba's dictionary cuts them (no HMM, which
            # makes words of names: 市松): 市区 and 县城 are words (青溪市区, 松河县城建设),
            # but 省 + 城镇 (澹江省城镇供热) and 市 + 北斗 are not
            after = segment.tokenizer().lcut(text[m.end() - 1:m.end() + 8], HMM=False)
            if not en or (after and len(after[0]) > 1) or self._ends_in_word(name):
                break  # 湾区 (no two-character name), 青溪市区, 松河县城, 老城区 (the word 城区)
            found.append((name, en))
            pos = m.end()
        return found if found and _TITLE_PERIOD_RE.search(text, pos) else []

    def title_places(self, title: str) -> dict[str, str]:
        """Words for the places a plan's title opens with that the national list lacks, for
        the rest of its labels (:meth:`with_places`): each name and its specific part of two
        characters or more (澄岭市云渚区“十四五”…规划 → 云渚区 "Yunzhu District", 云渚 "Yunzhu"
        and the same for 澄岭市), so that 云渚全民健身中心 reads as a name.  Empty for a listed
        place (read anyway) or a text that is no plan title."""
        from . import places

        out: dict[str, str] = {}
        for zh, en in self._leading_places(title):
            if _place_en(zh):
                continue
            out[zh] = en
            level = places.level_of_name(zh)
            specific = zh[:-len(level)] if level and zh.endswith(level) else zh[:-1]
            romanized = places.romanize(specific) if len(specific) > 1 else None
            if romanized and specific not in self._segments:
                out[specific] = romanized
        return out

    def with_places(self, names: Mapping[str, str]) -> Glossary:
        """This glossary, with ``names`` (Chinese → English, :meth:`title_places`) as words
        of the names it composes; exact lookups, ``len``, ``in``, :meth:`merged` and this
        glossary itself are unchanged.  ValueError for an empty or CJK English value."""
        clean = {_unify(zh.strip()): " ".join(en.split()) for zh, en in names.items()}
        for zh, en in clean.items():
            if not zh or not en or contains_cjk(en):
                raise ValueError(f"with_places: {zh!r} needs an English name without CJK, not {en!r}")
        if not clean:
            return self
        out = copy.copy(self)
        out._segments = {**self._segments, **clean}
        out._max_key = max(self._max_key, *(len(zh) for zh in clean))
        return out

    def with_local_names(self, names: Mapping[str, str | None]) -> Glossary:
        """This glossary, reading each of ``names`` (a short name → its English, None for its
        pinyin: :func:`plan_parser.places.local_names`) as that town where jieba cut it as a word
        of its own and this glossary has no word for it (a plan of 丽水市 writes 青田 for 青田县;
        振兴, 通道, 会同 stay words in the plans of 辽宁, 湖南, though counties bear those names)."""
        if not names:
            return self
        out = copy.copy(self)
        out._local_names = {**self._local_names, **names}
        return out

    def _cover(self, toks: list[str], opening: bool = False) -> list[_Piece]:
        """The cheapest cover of one run of tokens (see :meth:`_pieces`); ``opening``:
        the run opens the name, where a place name not in the national list (青溪市,
        of a constructed plan) is still romanized."""
        from . import segment

        text = "".join(toks)
        n = len(text)
        bounds = {0}
        pos = 0
        for tok in toks:
            pos += len(tok)
            bounds.add(pos)
        nxt = {}
        ordered = sorted(bounds)
        for a, b in zip(ordered, ordered[1:]):
            for i in range(a, b):
                nxt[i] = b
        segs = self._segments
        inf = float("inf")
        best = [inf] * (n + 1)
        back: list[tuple[int, str] | None] = [None] * (n + 1)
        place_names: dict[tuple[int, int], str] = {}
        affixed: dict[tuple[int, int], str] = {}
        features = self._features_in(text, bounds)
        tokens_at = dict(zip(sorted(bounds), toks))
        templates_at = {} if self._postposed_first.isdisjoint(text) else {
            i: [(p, t) for p, t in self._postposed_templates.items() if text.startswith(p, i)]
            for i in range(n) if text[i] in self._postposed_first}
        suffix_at = [j for j in range(1, n) if any(
            text[j:j + size] in self._suffix_affixes or text[j:j + size] in self._adjective_affixes for size in (1, 2))]
        best[0] = 0.0
        for i in range(n):
            if best[i] == inf:
                continue
            for j in range(min(n, i + self._max_key), i, -1):
                cand = text[i:j]
                if cand not in segs and not (j == n and cand in self._suffixes):
                    continue
                if j - i == 1 and not (i in bounds and j in bounds) and _HAN_RE.match(cand):
                    continue  # a single character only as a word of its own
                # ties go to the longer piece on the left (-1e-4 * j): 研发经费|投入, not 研发|经费投入
                cost = best[i] + 1 + (0 if i in bounds else 0.3) + (0 if j in bounds else 0.3) - 1e-4 * j
                if cost < best[j]:
                    best[j], back[j] = cost, (i, "word")
            for prefix, template in templates_at.get(i, ()):  # 每千 + 常住人口
                for j in range(min(n, i + len(prefix) + self._max_key), i + len(prefix), -1):
                    word = text[i + len(prefix):j]
                    if word in segs and (len(word) > 1 or j in bounds) and not (is_unit(word) and (
                            is_listed_unit(prefix[-1] + word) or not is_listed_unit(word))):
                        # 每千克: the unit 千克 (per kilogram); 每千万元: no 1,000 of anything;
                        # 每千户: 1,000 households
                        cost = best[i] + 1.05 + (0 if i in bounds else 0.3) + (0 if j in bounds else 0.3)
                        if cost < best[j]:
                            best[j], back[j] = cost, (i, "postposed")
                            affixed[i, j] = template.replace("{}", segs[word])
            for j, en in self._affixed(text, i, suffix_at):  # 非+审判, 管理+者: costs more than two words
                cost = best[i] + 2.2 + (0 if i in bounds else 0.3) + (0 if j in bounds else 0.3)
                if cost < best[j]:
                    best[j], back[j] = cost, (i, "affix")
                    affixed[i, j] = en
            j = nxt[i]
            cand = text[i:j]
            if not _HAN_RE.search(cand):
                cost, kind = best[i] + 1, "literal"
            else:
                cost, kind = best[i] + 100, "missing"
            if cost < best[j]:
                best[j], back[j] = cost, (i, kind)
            if i in bounds:  # a place name: one to four tokens (重庆市 + 铜梁 + 区)
                k = j
                for _ in range(4):
                    # an unlisted name: name tokens + a level word jieba cut off on its own
                    # (青溪 + 市), tokens jieba's HMM made of a name it does not know (松河县,
                    # 蓼 + 川区), or a stray first character before a word that ends in the
                    # level (岫 + 州市, 汐 + 湾区); 高新区, 开发区, 社区 are words of jieba's
                    # dictionary, never a place
                    unlisted = opening and i == 0 and (
                        k - 1 in bounds and k - 1 > i
                        or k >= 3 and not any(len(t) > 1 and segment.known(t) for t in _tokens_before(toks, k))
                        or k >= 3 and len(toks[0]) == 1 and toks[0] not in segs and len(toks) > 1
                        and len(toks[0]) + len(toks[1]) == k)
                    en = self._place(text[i:k], unlisted=unlisted)
                    if en and best[i] + 1.05 < best[k]:  # a glossary word of the same span wins
                        best[k], back[k] = best[i] + 1.05, (i, "place")
                        place_names[i, k] = en
                    if k >= n:
                        break
                    k = nxt[k]
                tok = tokens_at.get(i, "")
                en = self._token_place(tok) if len(tok) > 1 else None
                if en and best[i] + 1.05 < best[i + len(tok)]:  # 宜昌 + 磷化工, 阳明山
                    best[i + len(tok)], back[i + len(tok)] = best[i] + 1.05, (i, "place")
                    place_names[i, i + len(tok)] = en
                for j, en in self._named(text, i, features, tokens_at) if features else ():  # 青溪 + 水库
                    if best[i] + 1.05 < best[j]:
                        best[j], back[j] = best[i] + 1.05, (i, "name")
                        place_names[i, j] = en
        out: list[_Piece] = []
        j = n
        while j > 0:
            i, kind = back[j]
            zh = text[i:j]
            if kind == "word":
                en = segs.get(zh)
                if en is None:  # a [suffixes]-only word, last: _head wraps the rest in it
                    en = self._suffixes[zh].replace("{}", "").strip()
            elif kind in ("place", "name"):
                en = place_names[i, j]
            elif kind in ("affix", "postposed"):
                en = affixed[i, j]
            elif kind == "literal":
                en = zh
            else:
                en = None
            out.append(_Piece(zh, en, kind))
            j = i
        out.reverse()
        return out

    def _affixed(self, text: str, i: int, suffix_at: list[int]) -> Iterator[tuple[int, str]]:
        """``(end, English)`` of each word of two or more characters with an ``[affixes]``
        affix that starts at ``i``: 非 + 审判 → "non-trial", 应 + 建立 → "should establish"
        (``{verb}``: the word's [verbs] English), an adjective + 化 → the adjective
        (``[adjective_affixes]``).  ``suffix_at``: where a suffix affix starts in ``text``."""
        segs = self._segments
        n = len(text)
        if not (i and text[i - 1].isdigit()):  # 100多万: 多 after a number is "more than"
            for size in (1, 2):  # a prefix, then the word
                template = self._prefix_affixes.get(text[i:i + size])
                if template is None:
                    continue
                for j in range(min(n, i + size + self._max_key), i + size + 1, -1):
                    word = text[i + size:j]
                    en = _filled(template, segs[word], self._verb_en.get(word)) if len(word) > 1 and word in segs else None
                    if en:
                        yield j, en
        for j in suffix_at:  # the word, then a suffix
            if j < i + 2:
                continue
            if j > i + self._max_key:
                break
            word = text[i:j]
            if word not in segs:
                continue
            for size in (1, 2):
                affix = text[j:j + size]
                if j + size > n:
                    break
                if word in self._adjective_en and affix in self._adjective_affixes:
                    en = _filled(self._adjective_affixes[affix], self._adjective_en[word], None)
                elif affix in self._suffix_affixes:
                    en = _filled(self._suffix_affixes[affix], segs[word], self._verb_en.get(word))
                else:
                    continue
                if en:
                    yield j + size, en

    def _features_in(self, text: str, bounds: set[int]) -> dict[int, tuple[str, int]]:
        """Where a ``[feature_en]`` word of :mod:`plan_parser.places` (水库, 湿地公园, 高速公路)
        starts in ``text`` and ends on a token boundary: start → (word, end)."""
        by_first = _features_by_first_character()
        found: dict[int, tuple[str, int]] = {}
        if by_first.keys().isdisjoint(text[2:]):
            return found
        for k in range(2, len(text)):
            for word in by_first.get(text[k], ()):
                if text.startswith(word, k) and k + len(word) in bounds:
                    found[k] = word, k + len(word)
                    break
        return found

    def _named(self, text: str, i: int, features: dict[int, tuple[str, int]],
               tokens_at: dict[int, str]) -> Iterator[tuple[int, str]]:
        """``(end, English)`` of a named thing that starts at ``i``: a name, then a feature word
        (青溪 + 水库 → "Qingxi Reservoir"), or two names joined by 至 before a route (松河至青溪
        高速公路 → "Songhe–Qingxi Expressway").  A name is one the glossary calls a name
        (重庆 "Chongqing", 黄河 "Yellow River") or one :meth:`_proper_name` reads; ``tokens_at``:
        jieba's tokens by where they start."""
        from . import places

        for k in range(i + 2, min(len(text), i + 10)):  # where the feature word starts
            if k not in features:
                continue
            feature, end = features[k]
            spans = [(i, k)]
            if feature in places.route_words() and text.count("至", i, k) == 1:
                m = text.index("至", i, k)
                spans = [(i, m), (m + 1, k)]
            names = [text[a:b] for a, b in spans]
            known = {name: en for name in names if (en := self._name_en(name))}
            if feature in places.pinyin_features():  # 珠江 + 新城: Zhujiang New Town
                known = {name: places.specific_en(name) for name in known}
            if all(name in known or self._proper_name(text, a, b, tokens_at, end, route=len(spans) > 1)
                   for name, (a, b) in zip(names, spans)):
                en = places.named_feature_en(names, feature, known)
                if en:
                    yield end, en

    def _name_en(self, zh: str) -> str | None:
        """The English of a glossary word that is a name (重庆 "Chongqing", 黄河 "Yellow
        River": every word capitalized), else None."""
        en = self._segments.get(zh) or _place_en(zh)
        return en if en and all(w[:1].isupper() for w in en.split()) else None

    def _proper_name(self, text: str, a: int, b: int, tokens_at: dict[int, str], end: int,
                     route: bool = False) -> bool:
        """Whether ``text[a:b]`` reads as the specific part of a name (青溪, 松河, 白石山).

        It is two to four characters with no level word (市中医院 is no 市中 hospital) and no
        English in this glossary, and jieba cut it as one token (青溪|水库), or as one token
        and the first character of a token that is that character and the feature word
        (松|河大桥, ``end`` closing it); the first token is no glossary word, and the name is a
        rare proper noun to jieba or no word of its dictionary at all (口袋公园 is a pocket
        park, 平原水库 a plain reservoir).  So a word before the name is never read into it
        (在|青溪|水库, 迁建|松河|公园).  A ``route``'s ends may also be the specific part of a
        listed place (成都 of 成都市)."""
        from . import segment

        zh = text[a:b]
        if not 2 <= len(zh) <= 4 or not all(map(_HAN_RE.match, zh)) or set(zh) & _level_chars():
            return False
        first = tokens_at.get(a)
        if first is None or first in self._segments or (
                zh[0] in self._function_words or segment.function_char(zh[0])) and not segment.proper_noun(first):
            return False  # 沿 + 松河, 已建 + 船闸: a function character opens no name
        if len(first) < len(zh):
            singles, at = True, a  # 枫|渚 + 码头: a name jieba cut into characters no glossary has
            while at < b:
                tok = tokens_at.get(at, "")
                singles = singles and len(tok) == 1 and tok not in self._segments
                at += len(tok) or b
            # 松 + 河大桥: the name's last character opens the token of a feature of two
            # characters or more (绿水 + 青山 is no 绿水青 + 山)
            if not (singles and at == b) and (
                    len(zh) - len(first) != 1 or b - 1 + len(tokens_at.get(b - 1, "")) != end
                    or end - b < 2 or len(first) > 1 and not segment.proper_noun(first)):
                return False
        elif len(first) > len(zh) and (a + len(first) != end or segment.known(first)):
            return False  # 青枫河: one token of the name and its feature that jieba does not know (护城河, 深水港)
        if self._holds_word(zh):
            return False
        # a route's ends are towns: 成都 (of 成都市) is a name there, too common a word to jieba
        return segment.proper_noun(zh) or not segment.known(zh) or route and any(
            _place_en(zh + level) for level in _level_chars())

    def _holds_word(self, zh: str) -> bool:
        """Some stretch of two characters or more of ``zh`` is a word of this glossary (a
        specific part that holds one is no name: 青石 of 青石岭)."""
        return any(zh[x:y] in self._segments for x in range(len(zh)) for y in range(x + 2, len(zh) + 1))

    def _place(self, zh: str, unlisted: bool = False) -> str | None:
        """English of a place name by plan_parser.places, else None.

        A name of the national list is a place anywhere; with ``unlisted`` (the start of a
        name) a short name ending in a level word (青溪市) is one too, unless its end is a
        word of this glossary (高新区, 开发区, 社区: not places) after more than a stray
        first character the glossary lacks (汐 + 湾区 is a name, 大 + 湾区 is not), or what
        stands before the level word is one (重点 + 村, 中心 + 镇: key villages, central towns)."""
        if len(zh) < 2 or not _HAN_RE.search(zh):
            return None
        en = _place_en(zh)
        if en or not unlisted:
            return en
        if len(zh) <= 4 and zh[-1] in _level_chars() and zh not in self._segments and not self._ends_in_word(zh) \
                and zh[:-1] not in self._segments:  # 重点 + 村 is a key village, no "Zhongdian Village"
            return place_en(zh)
        return None

    def _token_place(self, token: str) -> str | None:
        """English of one jieba token that names a place without its generic word, when
        this glossary has no word for it: a town of the plan's own place (:meth:`with_local_names`),
        a province or prefecture-level city (宜昌 of
        宜昌市 "Yichang", 湖北 "Hubei"), a county-level city whose name jieba calls a rare
        proper noun (潜江 "Qianjiang", 余姚 "Yuyao"), another county-level unit only where
        jieba does not know the word (路桥, 兴国, 比如, 共和 are words too), or a rare
        proper noun of three characters or more, or a token jieba's HMM made of characters
        it does not know as a word, ending in a one-character feature word that makes no word
        with the character before it (半岛, 运河), its specific part holding no glossary word
        (阳明山 → "Yangming Mountain")."""
        from . import places, segment

        if token in self._segments or not all(map(_HAN_RE.match, token)):
            return None
        if token in self._local_names:
            return self._local_names[token] or places.specific_en(token)
        short = places.short_name(token)
        if short and (short[1] in ("省", "市") or not segment.known(token)
                      or short[2] == "市" and segment.proper_noun(token)):
            return short[0]
        specific = token[:-1]
        end = token[-2:]  # 半岛, 群岛, 运河, 港湾: the feature is a word of two characters
        if len(token) >= 3 and token[-1] in places.feature_words() and end not in self._segments \
                and not (segment.known(end) and not segment.proper_noun(end)) \
                and (segment.proper_noun(token) or not segment.known(token)) and not self._holds_word(specific):
            return places.named_feature_en([specific], token[-1])
        return None

    def _ends_in_word(self, name: str) -> bool:
        """Whether a name ending in a level word ends in a word of this glossary (高新区, 老城区:
        no place), unless that word follows one stray character the glossary lacks and that
        makes no word with the next (汐 + 湾区 is a name; 大 + 湾区 and 湿地 + 区 are not)."""
        from . import segment

        head = name[:2]  # 湿地 + 区 is a common word and a level character, 凤山 + 区 a name
        stray = (len(name) == 3 and name[0] not in self._segments and not segment.known(name)
                 and head not in self._segments and not (segment.known(head) and not segment.proper_noun(head)))
        return any(name[k:] in self._segments for k in range(2 if stray else 1, len(name) - 1))

    def _compose(self, text: str) -> Translation:
        text = _CN_YEAR_RE.sub(lambda m: m.group(1).translate(_CN_DIGITS), text)
        text = _QUOTED_PERIOD_RE.sub(r"\1", text)
        tail: list[str] = []  # a trailing period and stage, in the order written
        for _ in range(2):
            m = _TRAILING_PERIOD_RE.search(text)
            if m and text[: m.start()].strip():
                tail.insert(0, f"({m.group(1)}-{m.group(2)})")
                text = text[: m.start()].strip()
                continue
            m = _TRAILING_STATUS_RE.search(text)
            en = m and self._segments.get(m.group(1))
            if m and en and text[: m.start()].rstrip().endswith(_STATUS_AFTER):  # X规划（征求意见稿）
                tail.insert(0, f"({title_case(en)})")
                text = text[: m.start()].strip()
        period = _join(tail) or None
        m = _RATIO_RE.match(text)
        if m:  # X与Y(之)比 → "ratio of X to Y"
            left, right = self.translate(m.group(1)), self.translate(m.group(2))
            if left.en and right.en:
                return Translation(_join([f"ratio of {left.en} to {right.en}", period or ""]),
                                   _method_of([left, right]), _words([left, right]))
            return _failure([left, right])
        framed = self._framed(text)
        if framed is not None:
            return Translation(_join([framed.en, period or ""]), framed.method, framed.missing) if framed.en else framed
        pieces = self._pieces(text)
        # "2025年" → "2025"
        pieces = [p for k, p in enumerate(pieces)
                  if not (p.zh == "年" and k and _FOUR_DIGITS.match(pieces[k - 1].zh))]
        if self._dictionary is not None:  # the dictionary's word for an affixed word wins: 全球化 "globalization"
            pieces = [_Piece(p.zh, en, "dictionary") if p.kind == "affix" and (en := self._dictionary(p.zh)) else p
                      for p in pieces]
        missing = _missing_words(pieces)
        if missing and self._dictionary is not None:
            pieces = self._from_dictionary(pieces)
            missing = _missing_words(pieces)
        missing += self._stray_modals(pieces)
        if missing:
            return Translation(None, None, missing)
        lacking = list(dict.fromkeys(p.zh for p in pieces if p.kind == "dictionary"))
        method: Method = "dictionary" if lacking else "composed"
        en = self._arrange([p for p in pieces if p.en is None or p.en or p.kind == "punct" or p.zh == "的"])
        if not en:
            return Translation(None, None, [])
        en = _REPEATED_PAREN_RE.sub(r"\1", en)  # 国内生产总值（GDP） → "GDP", not "GDP (GDP)"
        if period:
            en = f"{en} {period}"
        if contains_cjk(en):  # cannot happen with validated values; guard anyway
            return Translation(None, None, [p.zh for p in pieces if p.en and contains_cjk(p.en)])
        return Translation(en, method, lacking)

    def _from_dictionary(self, pieces: list[_Piece]) -> list[_Piece]:
        """``pieces`` with their missing words looked up in the dictionary: a run of
        neighbouring missing tokens as one word, else each token, else a token's longest
        dictionary words (the dictionary holds no single characters).  What it lacks stays
        missing."""
        out: list[_Piece] = []
        done = 0
        for k, j in _missing_runs(pieces):
            # an affix may have taken a character of the dictionary's word: 按 + 需提供 is
            # 按需 + 提供 ("on demand", "provide"), 离散 + 型智能 is 离散 + 型 + 智能
            if k > done and pieces[k - 1].kind == "affix":
                k -= 1
            if j < len(pieces) and pieces[j].kind == "affix":
                j += 1
            out += pieces[done:k]
            out += self._dictionary_run(pieces[k:j])
            done = j
        return self._stick_affixes(out + pieces[done:])

    def _stick_affixes(self, pieces: list[_Piece]) -> list[_Piece]:
        """A missing ``[affixes]`` character stuck to the dictionary word next to it (数控
        "numerical control" + 化 → "numerical control-based"), as :meth:`_affixed` does
        with glossary words and with its limits (:func:`_filled`: not to a gloss of three
        words or more, "separated from one another-type")."""
        out: list[_Piece] = []
        k = 0
        while k < len(pieces):
            piece = pieces[k]
            after = pieces[k + 1] if k + 1 < len(pieces) else None
            if piece.kind == "missing" and piece.zh in self._prefix_affixes and after is not None \
                    and after.kind == "dictionary" and len(after.zh) > 1:
                en = _filled(self._prefix_affixes[piece.zh], after.en, None)
                if en:
                    out.append(_Piece(piece.zh + after.zh, en, "dictionary"))
                    k += 2
                    continue
            if piece.kind == "missing" and piece.zh in self._suffix_affixes and out \
                    and out[-1].kind == "dictionary" and len(out[-1].zh) > 1:
                en = _filled(self._suffix_affixes[piece.zh], out[-1].en, None)
                if en:
                    out[-1] = _Piece(out[-1].zh + piece.zh, en, "dictionary")
                    k += 1
                    continue
            out.append(piece)
            k += 1
        return out

    def _dictionary_run(self, run: list[_Piece]) -> list[_Piece]:
        """One run of missing pieces (and the affix pieces next to it): the run as one
        dictionary word, else the run cut again across its affixes into words, else each
        missing token's words (:meth:`_dictionary_words`)."""
        text = "".join(p.zh for p in run)
        en = self._dictionary(text) if len(run) > 1 else None
        if en:
            return [_Piece(text, en, "dictionary")]
        if any(p.kind == "affix" for p in run):
            again = self._dictionary_words(text)
            if not any(p.kind == "missing" for p in again):
                return again
        out: list[_Piece] = []
        for piece in run:
            out.extend(self._dictionary_words(piece.zh) if piece.kind == "missing" else [piece])
        return out

    def _dictionary_words(self, token: str) -> list[_Piece]:
        """One missing token: a dictionary word, else its longest words of two or more
        characters left to right, a glossary word before a dictionary word (突出重点:
        the glossary's 重点)."""
        lookup = self._dictionary
        en = lookup(token)
        if en:
            return [_Piece(token, en, "dictionary")]
        out: list[_Piece] = []
        i = 0
        while i < len(token):
            for j in range(len(token), i + 1, -1):  # longest first, two characters at least
                en = self._segments.get(token[i:j])
                if en:
                    out.append(_Piece(token[i:j], en, "word"))
                    i = j
                    break
                en = lookup(token[i:j])
                if en:
                    out.append(_Piece(token[i:j], en, "dictionary"))
                    i = j
                    break
            else:
                if out and out[-1].kind == "missing":
                    out[-1] = _Piece(out[-1].zh + token[i], None, "missing")
                else:
                    out.append(_Piece(token[i], None, "missing"))
                i += 1
        return out

    def _stray_modals(self, pieces: list[_Piece]) -> list[str]:
        """The ``[modals]`` words that open no predicate (a verb, or an adverb and a verb,
        right after them): 必须加快X is "must accelerate X", but 继续努力, 可以申请补助 leave
        nothing English can say in that order, so such a name has no English."""
        out = []
        for k, piece in enumerate(pieces):
            if piece.zh not in self._modal_en:
                continue
            rest = [p.zh for p in pieces[k + 1:k + 3]]
            if not (rest[:1] and rest[0] in self._verb_en
                    or len(rest) == 2 and rest[0] in self._adverb_en and rest[1] in self._verb_en):
                out.append(piece.zh)
            elif (self._modal_en[piece.zh].split(" ")[0] not in _AUXILIARIES and k
                  and pieces[k - 1].kind != "punct" and pieces[k - 1].zh not in _LINKING_WORDS):
                out.append(piece.zh)  # 政府继续加强X: "continue to" would need "continues to"
        return out

    def _framed(self, text: str) -> Translation | None:
        """A clause that is a ``[frames]`` frame (以X为重点 → "with a focus on X", 把X作为Y →
        "take X as Y"): each slot translated on its own; None when no frame fits."""
        for pattern, template, means_only in self._frames:
            m = pattern.match(text)
            if not m or not all(g.strip() for g in m.groups()) or means_only and "为" in m.group(1):
                continue  # 以改革创新为动力加快X: the 以…为 frame's, not 以{}加快{}'s
            slots = [self.translate(g) for g in m.groups()]
            # a verb-object slot after a preposition reads as a gerund: 以推动X为主题 "with
            # promoting X as the theme" (but 以开放促改革 "promote reform", a bare noun)
            slots = [Translation(_gerund(r.en), r.method, r.missing)
                     if r.en and r.method in ("composed", "dictionary") and _after_preposition(template, k)
                     and self._opens_with_verb(normalize(g)) else r
                     for k, (g, r) in enumerate(zip(m.groups(), slots))]
            failed = _failure(slots)
            if failed is not None:
                if pattern.pattern.startswith("^(") and template.startswith("{}"):
                    continue  # 坚持以人为本: {}为本's open slot took the words before 以人为本
                return failed
            en = template
            for k, r in enumerate(slots):  # "{}" in order, or "{0}", "{1}" where English reorders
                en = en.replace(f"{{{k}}}", r.en) if f"{{{k}}}" in en else en.replace("{}", r.en, 1)
            return Translation(en, _method_of(slots), _words(slots))
        return None

    def _opens_with_verb(self, text: str) -> bool:
        """``text`` starts with a verb of two or more characters of ``[verbs]`` and goes on."""
        return any(text.startswith(v) and len(text) > len(v) for v in self._verb_en if len(v) > 1)

    # English word order -------------------------------------------------------

    def _arrange(self, pieces: list[_Piece]) -> str:
        """English for a sequence of covered pieces, in English word order.

        A plan title (place, plan period, subject, 规划) becomes "Place 14th Five-Year
        Plan for Subject"; leading verbs stay in front ("accelerate X"); the rest is a
        noun phrase (:meth:`_phrase`).
        """
        words = [p for p in pieces if p.kind != "punct" or p.en]
        while words and words[-1].kind == "punct" and not _closes_parenthesis(words):
            words.pop()  # a closing parenthesis stays: 推荐单位（主管部门） "... (competent authorities)"
        if not any(p.kind != "punct" for p in words):
            return ""
        title = self._plan_title(words)
        if title:
            return title
        clauses = [words]  # 推动绿色发展|促进…: "promote green development and promote …"
        while (k := self._second_clause(clauses[-1])) is not None:
            clauses[-1:] = [clauses[-1][:k], clauses[-1][k:]]
        out = self._verb_phrase(clauses[0])
        for before, clause in zip(clauses, clauses[1:]):
            link = "to" if before[0].zh in _PIVOT_VERBS else "and"
            out = _join([out, link, self._verb_phrase(clause)])
        return out

    def _verb_phrase(self, words: list[_Piece]) -> str:
        """One clause: its leading verbs (each with its adverb) in front, a second verb as a
        gerund ("accelerate building X"), verbs joined by 、 or 和 side by side ("strengthen,
        improve and perfect X"), then the noun phrase (:meth:`_phrase`)."""
        k = next((k for k, p in enumerate(words) if p.zh in self._modal_en), None)
        if k is not None:  # 各级政府|应当|加强X: "governments at all levels should strengthen X"
            # (a modal that inflects, "continue to", stands after no subject: _stray_modals)
            if k > 1 and words[k - 1].zh in _LINKING_WORDS:  # 深化改革|并|继续扩大开放: two predicates
                return _join([self._verb_phrase(words[:k - 1]), "and", self._modal_en[words[k].zh],
                              self._verb_phrase(words[k + 1:])])
            return _join([self._subject(words[:k]), self._modal_en[words[k].zh], self._verb_phrase(words[k + 1:])])
        statement = self._statement(words) or self._goal_sentence(words)
        if statement:
            return statement
        if self._verb_modifies(words):
            return self._phrase(words)
        if len(words) == 1 and words[0].zh in self._verb_en:  # 继续|实施: "continue to implement"
            return _TRAILING_PREPOSITION_RE.sub("", self._verb_en[words[0].zh])  # "accelerate the development"
        if len(words) == 2 and words[0].zh in self._adverb_en and words[1].zh in self._verb_en:
            verb = _TRAILING_PREPOSITION_RE.sub("", self._verb_en[words[1].zh])  # 依法参与: "participate"
            return _join(self._adverb_and_verb(self._adverb_en[words[0].zh], verb))
        words = list(words)
        groups: list[list[tuple[str, str, str]]] = []  # verbs side by side: (separator, adverb, verb)
        while len(words) > 1 and (self._adverb_before_verb(words) or words[0].zh in self._verb_en):
            if groups and self._verb_modifies(words, after_verb=True):
                break  # 提升[服务质量]: "enhance service quality"
            if groups and any(p.zh == "的" for p in words):
                break  # 发展[引领X的Y]: the second verb belongs to the 的 clause ("Y that leads X")
            if groups and not self._opens_clause(words[0].zh) and not self._adverb_before_verb(words) and (
                    len(words) == 2 and words[1].zh in self._suffixes  # 塑造[发展新优势]
                    or words[0].zh in self._norm and words[1].zh in self._verb_en):  # 搭建[创新应用平台]
                break  # a verb that is also a noun, before a suffix or a verb: it modifies
            groups.append([("", *self._pop_verb(words))])
            while (len(words) > 1 and (words[0].en == "," or words[0].zh in _LINKING_WORDS)
                   and (words[1].zh in self._verb_en or self._adverb_before_verb(words[1:]))):
                separator = "," if words.pop(0).en == "," else "and"  # 加强、改进和完善X
                groups[-1].append((separator, *self._pop_verb(words)))
            if groups[-1][-1][0] == ",":  # 推进、落实X: "advance and implement X"
                groups[-1][-1] = ("and", *groups[-1][-1][1:])
        # an adverb of several words ("in accordance with the law") goes after the object
        after = [adverb for group in groups for _, adverb, _ in group if _follows_object(adverb)]
        verbs = [part for g, group in enumerate(groups) for separator, adverb, verb in group
                 for part in (separator, "" if _follows_object(adverb) else adverb, _gerund(verb) if g else verb)]
        if groups and words and words[0].en == ",":  # 持续优化、投资…: the comma stays ("," attaches left)
            verbs.append(words.pop(0).en)
        return _join([*verbs, self._phrase(words, of_flip=len(groups) == 1), *after])  # not after a gerund

    @staticmethod
    def _adverb_and_verb(adverb: str, verb: str) -> list[str]:
        """An adverb and its verb in English order: an adverb before ("appropriately raise",
        "actively and prudently advance"), a phrase after ("handle in accordance with the law")."""
        return [verb, adverb] if _follows_object(adverb) else [adverb, verb]

    def _subject(self, words: list[_Piece]) -> str:
        """The words before a modal: a noun phrase, or a verb phrase as a gerund (推进改革|必须…
        "advancing reform must …")."""
        if not words or not (words[0].zh in self._verb_en or self._adverb_before_verb(words)):
            return self._phrase(words)
        verb_at = 1 if words[0].zh not in self._verb_en else 0
        verb = self._verb_en[words[verb_at].zh]
        phrase = self._verb_phrase(words)
        return phrase.replace(verb, _gerund(verb), 1) if verb in phrase else phrase

    def _statement(self, words: list[_Piece]) -> str | None:
        """A goal statement, subject + adverb + verb (水资源保障能力显著增强, 住房保障体系逐步完善,
        人民生活持续改善): "subject adverb participle", as a headline writes it ("water resources
        safeguards capacity significantly enhanced"; an adverb of several words after it:
        "religious affairs managed in accordance with the law"); None for anything else, a
        name that opens with a verb among them."""
        if len(words) < 2 or self._adverb_before_verb(words) or (
                words[0].zh in self._verb_en and not self._verb_modifies(words[:2])):  # 服务质量|显著提升
            return None
        last = words[-1].zh
        adverb, verb, subject = self._adverb_en.get(words[-2].zh), self._verb_en.get(last), words[:-2]
        for k in range(1, len(last)):  # one word of both, read so (持续改善 "continuously improve")
            if last[:k] in self._adverb_en and last[k:] in self._verb_en and (
                    last in self._verb_en or (words[-1].en or "").startswith(self._adverb_en[last[:k]] + " ")):
                adverb, verb, subject = self._adverb_en[last[:k]], self._verb_en[last[k:]], words[:-1]
                break
        participle = _participle(verb) if verb and " " not in verb else None
        if not adverb or not participle or not subject or any(
                p.kind == "punct" or p.zh in self._function_words for p in subject):
            return None
        if _follows_object(adverb):  # 依法管理: "managed in accordance with the law"
            return _join([self._phrase(subject), participle, adverb])
        return _join([self._phrase(subject), adverb, participle])

    def _verb_modifies(self, words: list[_Piece], after_verb: bool = False) -> bool:
        """``words`` are a verb that has a ``[modifiers]`` form and a head it modifies
        (:data:`_ATTRIBUTE_HEADS`), with only adjectives between: 管理水平 is "level of
        management", 服务质量 "service quality", not "manage level", "serve quality".  Before
        a noun the verb governs (创新城市管理体系 "innovate urban management system"), except in
        the object of another verb (``after_verb``: 健全[发展支撑体系] "improve development support
        system")."""
        if not (len(words) > 1 and words[0].zh in self._verb_en and words[0].zh in self._modifier_en
                and words[-1].zh in _ATTRIBUTE_HEADS and words[-1].kind == "word"):
            return False
        between = words[1:-1]
        if after_verb:  # 统筹|建设国家…平台: a clause verb before a longer object governs it
            return (not between or words[0].zh not in _CLAUSE_VERBS) and all(
                p.kind in ("word", "dictionary") and p.zh not in self._verb_en
                and p.zh not in self._function_words and p.zh not in self._adverb_en for p in between)
        return all(p.zh in self._adjective_en or p.en in self._adjective_values for p in between)

    def _goal_sentence(self, words: list[_Piece]) -> str | None:
        """Subject + a verb of :data:`_PREDICATE_VERBS` + object, as a headline writes it:
        数字基础设施实现跨越式发展 → "digital infrastructure achieves leapfrog development"; None
        for a name that opens with a verb or holds no such verb between two noun phrases."""
        if not words or words[0].zh in self._verb_en or self._adverb_before_verb(words):
            return None
        k = next((k for k, p in enumerate(words) if p.zh in _PREDICATE_VERBS and p.zh in self._verb_en), None)
        if k is None or k == 0 or k == len(words) - 1 or any(
                p.kind == "punct" or p.zh in self._function_words or p.zh in self._verb_en for p in words[:k]):
            return None
        if words[-1].zh in _NO_OBJECT_HEADS or words[-1].zh in _SHARE_WORDS or words[-1].zh.endswith(("率", "数")):
            return None  # 目标实现率, 取得职业资格证书比例, 实现情况: an indicator's name, no sentence
        rest = words[k + 1:]
        if len(rest) == 1 and self._segments.get(rest[0].zh) == self._verb_en.get(rest[0].zh):
            return None  # 实现繁荣发展: a verb, no object to name
        subject = self._phrase(words[:k])
        verb = self._verb_en[words[k].zh]
        plural = subject.startswith("all ") or _is_plural(subject)
        return _join([subject, verb if plural else _third_person(verb), self._phrase(rest)])

    def _pop_verb(self, words: list[_Piece]) -> tuple[str, str]:
        """``(adverb English, verb English)`` of the verb that opens ``words``, taken off."""
        adverb = self._adverb_en[words.pop(0).zh] if self._adverb_before_verb(words) else ""
        return adverb, self._verb_en[words.pop(0).zh]

    def _second_clause(self, words: list[_Piece]) -> int | None:
        """Where the second of two verb-object clauses starts in a name that opens with a
        verb and has no comma between them: the first clause verb (:data:`_CLAUSE_VERBS`)
        after a word that is no clause verb and before any 的, with an object after it;
        None when there is none."""
        if len(words) < 4 or not (words[0].zh in self._verb_en or self._adverb_before_verb(words)):
            return None
        zh = [p.zh for p in words]
        end = zh.index("的") if "的" in zh else len(zh)
        for k in range(2, min(end, len(words) - 1)):
            if not self._opens_clause(zh[k]) or words[k + 1].kind == "punct" or zh[k + 1] in self._function_words:
                continue
            if zh[k].endswith("建设") and not (words[k + 1].en or "")[:1].isupper():
                continue  # 建设数字中国 "build Digital China", but 数字政府建设管理机制
            if zh[k - 1] in self._modal_en:
                continue  # 必须|坚持X: the modal's predicate, no second clause
            start = k - 1 if zh[k - 1] in self._adverb_en else k  # 全面|塑造: the adverb opens it
            if start == k and all(z in self._verb_en or z in _HEAD_NOUNS or z in self._suffixes for z in zh[k + 1:]):
                continue  # 工作推进机制, 场景生态塑造行动: the verb is part of a noun phrase
            before = zh[start - 1]
            if (start >= 2 and not self._opens_clause(before) and words[start - 1].kind != "punct"
                    and before not in self._function_words
                    and any(not self._opens_clause(z) for z in zh[1:start])):
                return start
        return None

    def _opens_clause(self, zh: str) -> bool:
        """``zh`` is a [verbs] word that is or ends in a clause verb (全面塑造, 构建)."""
        return zh in self._verb_en and zh[-2:] in _CLAUSE_VERBS

    def _adverb_before_verb(self, words: list[_Piece]) -> bool:
        """``words`` open with an adverb, a verb and more (全面 塑造 X)."""
        return len(words) > 2 and words[0].zh in self._adverb_en and words[1].zh in self._verb_en

    def _plan_title(self, words: list[_Piece]) -> str | None:
        periods = [k for k, p in enumerate(words) if p.en and p.en.endswith("Five-Year Plan")]
        if not periods:
            return None
        k = periods[0]
        rest = words[k + 1:]
        period_en = words[k].en or ""
        if rest and rest[0].zh == "时期":  # “十四五”时期X规划: the period is said once
            rest = rest[1:]
        if len(rest) > 1 and rest[-1].zh == "纲要" and rest[-2].zh.endswith("规划"):  # X发展规划纲要
            rest = rest[:-1]
        if rest and rest[-1].zh == "专项规划":  # X专项规划: "14th Five-Year Special Plan for X"
            rest = rest[:-1]
            period_en = period_en.replace("Plan", "Special Plan")
        elif rest and rest[-1].zh in _DEVELOPMENT_PLAN_WORDS:
            rest = [*rest[:-1], _Piece("发展", "development", "word")]
        elif rest and rest[-1].zh in _PLAN_WORDS:
            rest = rest[:-1]
        elif not words[k].zh.endswith("规划") or rest:
            return None  # "十四五时期…": a period, not a plan title
        lead = words[:k]
        places: list[str] = []
        while lead and (lead[0].kind == "place" or _PLACE_EN_RE.search(lead[0].en or "")):
            places.append(lead.pop(0).en)
        subject = lead + rest
        out = _join([*places, period_en])
        if subject:
            out += " for " + title_case(self._phrase(subject))
        return out

    def _phrase(self, words: list[_Piece], of_flip: bool = False) -> str:
        """A noun phrase: 每千人口/单位GDP move behind, X占Y比重 is "share of X in Y",
        X更加Y is "more Y X", and a last word of ``[suffixes]`` wraps the rest ("{} rate",
        "growth in {}", "X Project")."""
        moved = [p.zh in self._postposed or p.kind == "postposed" for p in words]
        post = [p.en for k, p in enumerate(words) if moved[k]]
        # 每千人口拥有X: the 拥有 ("having") goes with the moved modifier
        words = [p for k, p in enumerate(words) if not moved[k] and not (p.zh == "拥有" and k and moved[k - 1])]
        en = self._head(words, of_flip)
        return _join([en, *post])

    def _head(self, words: list[_Piece], of_flip: bool = False, plurals: bool = False) -> str:
        """A noun phrase without moved modifiers; ``of_flip`` (the object of a verb): a last
        word with its own modifier takes the rest after "of" (not inside a proper name)."""
        if not words:
            return ""
        zh = [p.zh for p in words]
        if "的" in zh:
            k = zh.index("的")
            if zh[0] in _WITH_WORDS and 1 < k < len(zh) - 1:  # 具有X的Y: "Y with X"
                return _join([self._head(words[k + 1:]), "with", self._head(words[1:k])])
            if 0 < k < len(zh) - 1 and zh[0] in self._verb_en and k > 1:
                # 服务X的Y: "Y that serves X"
                head = self._head(words[k + 1:])
                verb = self._verb_en[zh[0]]
                if not _is_plural(head):
                    verb = _third_person(verb)  # a plural head keeps the plain verb
                return _join([head, "that", verb, self._head(words[1:k])])
            if 0 < k < len(zh) - 1 and all(z in self._adjective_en for z in zh[:k]):
                # 高效安全生态的Y: "efficient, safe and ecological Y"
                return _join([_series([self._adjective_en[z] for z in zh[:k]]), self._head(words[k + 1:])])
            # 的 itself is dropped; the modifier keeps its order (人工智能创新发展的条件支撑)
            return _join([self._head(words[:k], of_flip=False), self._head(words[k + 1:])])
        if "占" in zh[1:-1] and zh[-1] in _SHARE_WORDS:
            k = zh.index("占")
            return f"share of {self._head(words[:k])} in {self._head(words[k + 1:-1])}"
        last = words[-1]
        if len(words) > 1 and last.zh in self._suffixes and words[-2].zh not in self._function_words:
            template = self._suffixes[last.zh]
            proper = bool(_PROPER_SUFFIX_RE.search(template.replace("{}", "")))
            if proper and words[0].kind == "literal" and words[0].zh.endswith("大") and _CN_COUNT_RE.fullmatch(
                    words[0].zh) and template.endswith(("Project", "Initiative", "Program")):
                template += "s"  # 十大工程: "Ten Major Projects" (三年行动: one "Three-Year Initiative")
            # 装备创新发展行动: "Equipment Innovative Development Initiative"; what "{} (persons)"
            # counts keeps its plurals (农民工职业技能培训人数: "migrant workers …")
            inner = self._head(words[:-1], of_flip=of_flip and not proper, plurals="(" in template)
            if (re.match(r"\{\} [a-z]+(?: |$)", template) and not re.match(r"\{\} [a-z]+(?:ed|ing)\b", template)
                    and words[-2].kind == "word" and words[-2].zh not in self._verb_en):
                inner = singular(inner)  # 智能机器人技术: "intelligent robot technology"
            if proper:
                inner = title_case(inner)
            elif (template.endswith(" of {}") and len(words) == 2
                  and words[0].en and words[0].en == self._adjective_en.get(words[0].zh)):
                # 农村改革: "rural reform", not "reform of rural" (a word whose English is its
                # [adjectives] English; 信息化 "IT application" keeps "level of IT application")
                return f"{self._adjective_en[words[0].zh]} {template[:-len(' of {}')]}"
            return template.replace("{}", inner) if "{}" in template else _join([inner, template])
        for k in range(1, len(words)):  # X人均Y: "per capita Y of X"
            if zh[k].startswith("人均") and (words[k].en or "").startswith("per capita"):
                y = _join([words[k].en[len("per capita"):].strip(), self._head(words[k + 1:])])
                if y:
                    return f"per capita {y} of {self._head(words[:k])}"
        of_head = next((h for h in _OF_HEADS if last.zh.endswith(h) and len(last.zh) > len(h)), None)
        if (of_flip and of_head and len(words) > 1 and last.kind == "word" and last.en
                and last.en.endswith(" " + self._segments.get(of_head, "-"))
                and words[-2].zh not in self._adjective_en  # 全省经济社会发展: "province-wide" modifies
                and words[-2].en not in self._adjective_values  # 数字化协同发展: "digital" modifies
                and not any(p.kind == "punct" or p.zh in self._function_words or p.zh in self._verb_en
                            for p in words[:-1])):
            return f"{last.en} of {self._head(words[:-1])}"
        for k in range(1, len(words) - 1):
            if zh[k] in _MORE_WORDS:
                quality = [_Piece(p.zh, self._adjective_en.get(p.zh, p.en), p.kind) for p in words[k + 1:]]
                return _join(["more", self._head(quality), self._head(words[:k])])
        return _join(self._listed(words, [
            self._modifier_en[p.zh] if p.zh in self._modifier_en and self._modifies(words, k)
            else singular(p.en) if not plurals and self._before_noun(words, k) else p.en
            for k, p in enumerate(words)]))

    def _listed(self, words: list[_Piece], ens: list[str]) -> list[str]:
        """``ens`` (the English of ``words``) with a list of nouns joined as English joins one:
        学校、医院建设 "schools and hospitals development", 道路、桥梁、隧道等基础设施 "roads,
        bridges, tunnels and other infrastructure" (等 before a noun is "and other", not "etc.")."""
        def noun(k: int) -> bool:
            return 0 <= k < len(words) and words[k].kind in ("word", "dictionary") and words[k].zh not in self._verb_en \
                and words[k].zh not in self._function_words

        commas = [k for k, p in enumerate(words) if p.kind == "punct" and p.en == "," and noun(k - 1) and noun(k + 1)]
        if not commas:
            return ens
        out = list(ens)
        last = commas[-1]
        etc = next((k for k in range(last + 2, len(words)) if words[k].zh == "等"), None)
        if etc is not None and all(noun(j) for j in range(last + 1, etc)) and noun(etc + 1):
            out[etc] = "and other"  # 道路、桥梁等基础设施
        elif etc is None and not any(p.zh in _LINKING_WORDS for p in words[last + 1:]) \
                and not any(" and " in (ens[k - 1] or "") or " and " in (ens[k + 1] or "") for k in commas):
            # not before 和 (指导思想、基本原则和主要目标 has its "and"), nor beside an item with
            # one of its own (高校 "colleges and universities", 科研院所)
            out[last] = "and"
        return out

    def _word_follows(self, words: list[_Piece], k: int) -> bool:
        """Word ``k`` and the one after it are words, the second no function word (机构及职责:
        two nouns side by side) nor adverb (社会共同参与: the subject of a verb): what both
        :meth:`_modifies` and :meth:`_before_noun` ask before a noun qualifies the next."""
        return (k < len(words) - 1 and words[k].kind == "word" and words[k + 1].kind in ("word", "dictionary")
                and words[k + 1].zh not in self._function_words and words[k + 1].zh not in self._adverb_en)

    def _before_noun(self, words: list[_Piece], k: int) -> bool:
        """Word ``k`` is a noun that stands before another noun, as English writes a noun
        that qualifies ("robot technology", "service system", not "robots technology")."""
        if not self._word_follows(words, k):
            return False
        nxt = words[k + 1]
        # 山区|发展: a noun before the verb noun at the end, unless it ends a coordination of
        # nouns (道路和桥梁建设, 农业灾害与动物疫病防控: singular() would take one conjunct only)
        # (a verb too, where its word English is a noun, not the verb's: 平台|升级 "platform
        # upgrading" (upgrade), not 农户|参与 "household participate in")
        last_verb_noun = (k + 2 == len(words) and not self._coordinated(words, k) and (
            nxt.zh in self._modifier_en or nxt.zh in self._verb_en
            and self._segments.get(nxt.zh) not in (None, self._verb_en[nxt.zh])))
        return (words[k].zh not in self._verb_en and words[k].zh not in self._adjective_en
                and nxt.zh not in self._adjective_en and (nxt.zh not in self._verb_en or last_verb_noun)
                and bool(nxt.en) and not nxt.en[:1].isupper())

    def _coordinated(self, words: list[_Piece], k: int) -> bool:
        """Noun ``k`` is the last conjunct of plural nouns joined by 和, 与, 及 or 、 (道路和桥梁,
        农业灾害与动物疫病): a linking word comes before it with only nouns between, after a noun
        whose English is a plural; not after a verb (优化和|管理|模式) nor after a modifier or a
        mass noun (农村和城市 "rural and city", 水利和山区)."""
        for j in range(k - 1, 0, -1):
            p = words[j]
            if p.zh in _LINKING_WORDS or p.zh in ("、", ","):
                return words[j - 1].kind in ("word", "dictionary") and _is_plural(words[j - 1].en or "")
            if p.zh in self._verb_en or p.kind not in ("word", "dictionary"):
                return False
        return False

    def _modifies(self, words: list[_Piece], k: int) -> bool:
        """Word ``k`` qualifies the noun after it and takes its ``[modifiers]`` form ("urban",
        "enterprise", not "cities"): it opens the phrase or follows another qualifier
        (企业|环境|信用评价 "enterprise environmental credit evaluation"), never the head of a
        compound before it (氢能|产业|发展 "hydrogen energy industry development")."""
        if (not self._word_follows(words, k)
                or self._segments.get(words[k + 1].zh) == self._verb_en.get(words[k + 1].zh)):  # 文化提供: a verb
            return False
        before = words[k - 1] if k else None
        if before is not None and before.kind == "punct" and before.en == "," and k > 1 \
                and words[k - 2].kind in ("word", "dictionary"):
            return False  # 学校、医院建设: the last of a list of nouns, as the others are
        return (before is None or before.kind not in ("word", "dictionary")
                or before.zh in self._modifier_en and before.zh not in self._verb_en  # 治理|法律法规: a verb's noun
                or before.zh in self._adjective_en)


def _method_of(parts: list[Translation]) -> Method:
    """A name composed of ``parts``: ``dictionary`` when any part used the dictionary."""
    return "dictionary" if any(r.method == "dictionary" for r in parts) else "composed"


def _words(parts: list[Translation]) -> list[str]:
    """The ``missing`` words of ``parts``, once each, in order."""
    return list(dict.fromkeys(w for r in parts for w in r.missing))


def _failure(parts: list[Translation]) -> Translation | None:
    """A name composed of ``parts`` when one has no English: no English, and ``missing``
    names the words that lack it (not the words a dictionary gave another part)."""
    failed = [r for r in parts if r.en is None]
    return Translation(None, None, _words(failed)) if failed else None


def vocabulary_tables(path: str | os.PathLike[str] = VOCABULARY_PATH) -> dict[str, dict[str, str]]:
    """The vocabulary file as glossary tables: every group's ``terms`` in ``vocabulary``,
    its ``verbs``, ``adjectives``, ``adverbs``, ``modals`` and ``modifiers`` in the tables of those
    names (the first group that has a word wins).  The built-in file's tables are kept in
    plan_parser's cache directory (:mod:`plan_parser.cache`), stamped with a hash of the file
    (and _VOCABULARY_LAYOUT, bumped when this reading changes), so an edited file is always
    what is read: parsing its 1.2 MB of TOML takes 0.2 s, reading the tables back 0.01 s."""
    if Path(path) == VOCABULARY_PATH:
        import hashlib

        from .cache import cached_json

        data = Path(path).read_bytes()
        stamp = {"layout": _VOCABULARY_LAYOUT, "blake2b": hashlib.blake2b(data, digest_size=16).hexdigest()}
        return cached_json("vocabulary_tables.json", stamp,
                           lambda: _vocabulary_of(tomllib.loads(data.decode("utf-8"))), _are_tables)
    return _read_vocabulary(path)


#: The layout of the cached vocabulary tables: bump it when _vocabulary_of changes.
_VOCABULARY_LAYOUT = 1


def _are_tables(value: object) -> bool:
    """A cached value is the tables _vocabulary_of makes: a dict of dicts of strings."""
    return (isinstance(value, dict) and "vocabulary" in value and all(
        isinstance(t, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in t.items())
        for t in value.values()))


def _read_vocabulary(path: str | os.PathLike[str]) -> dict[str, dict[str, str]]:
    with open(path, "rb") as fh:
        return _vocabulary_of(tomllib.load(fh))


def _vocabulary_of(data: dict) -> dict[str, dict[str, str]]:
    """The vocabulary file's TOML data as the tables of :func:`vocabulary_tables`."""
    tables: dict[str, dict[str, str]] = {"vocabulary": {}, "verbs": {}, "adjectives": {}, "adverbs": {},
                                         "modals": {}, "modifiers": {}}
    for group in data.values():
        for name, entries in group.items():
            if isinstance(entries, Mapping):
                target = tables[name if name in tables and name != "vocabulary" else "vocabulary"]
                for zh, en in entries.items():
                    target.setdefault(zh, en)
    return tables


def _closes_parenthesis(words: list[_Piece]) -> bool:
    """The last piece is a ")" that closes a "(" with a word between them."""
    if words[-1].en != ")":
        return False
    seen_word = False
    for piece in reversed(words[:-1]):
        if piece.en in ("(", ")"):
            return piece.en == "(" and seen_word
        seen_word = seen_word or piece.kind != "punct"
    return False


def _latin_joined(tokens: list[str]) -> list[str]:
    """jieba's tokens with runs of Latin letters, digits and & written together joined again
    (R + & + D → R&D), so that they read as one word, not "R & D"."""
    out: list[list[str]] = []
    for tok in tokens:
        if out and _LATIN_RE.fullmatch(tok) and _LATIN_RE.fullmatch(out[-1][-1]) and "&" in out[-1][-1] + tok:
            out[-1].append(tok)
        else:
            out.append([tok])
    return ["".join(parts) for parts in out]


@functools.cache
def _level_chars() -> frozenset[str]:
    """The one-character generic words of place names (省 市 区 县 旗 盟 镇 乡), from
    plan_parser.places: the end of a place name the national list lacks (青溪市)."""
    from . import places

    return frozenset(w for w in places.generic_words() if len(w) == 1)


@functools.cache
def _place_name_re() -> re.Pattern[str]:
    """One place name, one to six characters and a generic word of plan_parser.places
    (青溪市, 青石岭县, 白沙河自治县): the names a plan title opens with, one by one."""
    from . import places

    generics = "|".join(map(re.escape, places.generic_words()))
    return re.compile(f"[\u4e00-\u9fff]{{1,6}}?(?:{generics})")


@functools.cache
def _features_by_first_character() -> dict[str, tuple[str, ...]]:
    """The feature words of :mod:`plan_parser.places` by first character, longest first."""
    from . import places

    table: dict[str, list[str]] = {}
    for word in places.feature_words():  # longest first
        table.setdefault(word[0], []).append(word)
    return {ch: tuple(words) for ch, words in table.items()}


def _tokens_before(toks: list[str], end: int) -> Iterator[str]:
    """The tokens of ``toks`` that lie within the first ``end`` characters."""
    pos = 0
    for tok in toks:
        pos += len(tok)
        if pos > end:
            return
        yield tok


def _short(en: str | None) -> bool:
    """English of one or two words: an affix may be stuck to it."""
    return bool(en) and len(en.split()) <= 2


def _affix_tables(entries: Mapping[str, str], table: str = "affixes") -> tuple[dict[str, str], dict[str, str]]:
    """``[affixes]`` entries as ``({prefix: template}, {suffix: template})``: "非{}" is
    the prefix 非, "{}类" the suffix 类 (one or two characters).  ``[adjective_affixes]``
    holds suffixes only (an adjective comes first)."""
    prefixes: dict[str, str] = {}
    suffixes: dict[str, str] = {}
    for key, en in entries.items():
        key = _unify(key)
        affix = key.replace("{}", "")
        if key.count("{}") != 1 or not 1 <= len(affix) <= 2 or not all(_HAN_RE.match(c) for c in affix):
            raise ValueError(f"[{table}] {key!r}: write one or two Chinese characters before or after {{}}")
        if not ("{}" in en or "{verb}" in en):
            en = f"{en} {{}}" if key.endswith("{}") else f"{{}} {en}"
        if key.endswith("{}") and table == "affixes":
            prefixes[affix] = en
        elif key.startswith("{}"):
            suffixes[affix] = en
        else:
            raise ValueError(f"[{table}] {key!r}: the affix goes "
                             + ("after {}" if table != "affixes" else "before or after {}, not around it"))
    return prefixes, suffixes


#: English that ends like an adjective (global, digital, intensive, various).
_ADJECTIVE_END_RE = re.compile(r"(?:al|ic|ive|ous|ent|ant|ible|able|ary)$")


def _filled(template: str, en: str, verb_en: str | None) -> str | None:
    """An ``[affixes]`` template with the word's English in "{}" and its [verbs] English in
    "{verb}"; None where a hyphen would join an English of three words or more ("small and
    medium-sized-type") or an adjective before a hyphenated suffix ("global-based")."""
    if ("-{}" in template or "{}-" in template) and not _short(en):
        return None
    if "{}-" in template and _ADJECTIVE_END_RE.search(en):
        return None  # 全球化 is not "global-based": a hyphenated suffix wants a noun
    if "{}-" in template or re.match(r"\{\} (?!etc)[a-z]", template):
        en = singular(en)  # 庭院化 "courtyard-based", 模块类 "module category": a noun before another
    return template.replace("{verb}", verb_en or en).replace("{}", en)


def _without_empty(tables: dict[str, dict]) -> dict[str, dict]:
    """The tables without entries whose English is an empty (or blank) string,
    except in the tables where an empty value means something."""
    return {
        table: {
            zh: en
            for zh, en in entries.items()
            if table in _MAY_BE_EMPTY or not (isinstance(en, str) and not en.strip())
        }
        for table, entries in tables.items()
    }


def _join(words: list[str]) -> str:
    out = ""
    # an en dash (a dash of the Chinese, _cover) stays only between two names or two figures
    words = [w for k, w in enumerate(words) if w != "–" or 0 < k < len(words) - 1
             and _name_or_figure(words[k - 1], last=True) and _name_or_figure(words[k + 1], last=False)]
    for word in words:
        if not word:
            continue
        if not out:
            out = word.lstrip(",;:")
        elif word.isalpha() and out.rsplit(" ", 1)[-1] == word:
            continue  # 化工 + 产业: "chemical industry", not "chemical industry industry"
        elif word in _ATTACH_LEFT or word == ")" or word == "–" or out.endswith("–"):
            out = out.rstrip() + word
        elif out.endswith("(") or out.endswith(":") and out[-2:-1].isdigit() and word[:1].isdigit():
            out += word  # (…, and a ratio: 医护比1：1.25 "… 1:1.25"
        else:
            out += " " + word
    return " ".join(out.split()).strip(" ,;:")


def _name_or_figure(en: str, last: bool) -> bool:
    """Whether the English word next to a dash (the last of ``en``, or its first) is a name
    or a figure: "Xiaogan", "2021"; not "cities", "rural"."""
    parts = en.split()
    word = (parts[-1] if last else parts[0]) if parts else ""
    if last:
        return word[:1].isupper() or word.rstrip("%")[-1:].isdigit()  # "3%"–"5%"
    return word[:1].isupper() or word[:1].isdigit()


def _without_overlaps(found: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """Literal pieces in text order, a later one that overlaps an earlier one dropped."""
    out: list[tuple[str, str, int]] = []
    for zh, en, at in sorted(found, key=lambda f: f[2]):
        if not out or at >= out[-1][2] + len(out[-1][0]):
            out.append((zh, en, at))
    return out
