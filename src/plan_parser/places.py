"""Places from the national list of administrative divisions (行政区划代码).

A plan is of a place: a province, a prefecture-level city, a district or a county.
Which one, at which level and under which parent is known from the 民政部 list
(``data/divisions.tsv``: code, name, and for a unit that was renamed or merged, the
code of the unit that carries on), not guessed from the last characters of a name:
real places end in 山区, 湖区, 城区 and 林区 as often as common nouns do.

:func:`find_place` reads the leading place names of a title or an issuer
(``重庆市璧山区…``, ``璧山区…``), :func:`lookup` resolves one name, and
:func:`place_en` gives a name's English by Hanyu Pinyin with the generic word
translated (``彭水苗族土家族自治县`` → ``Pengshui Miao and Tujia Autonomous County``).

Everything loads on first use: importing this module reads no file and imports
no pinyin library.
"""
from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources

import regex

from .script import HAN, all_han

__all__ = ["Place", "PlaceMatch", "CHINA", "lookup", "find_place", "place_en", "romanize", "by_adcode",
           "level_of_name", "named_feature_en", "short_name", "local_names", "pinyin_features", "specific_en",
           "feature_words", "route_words", "generic_words"]

_VOWEL_START = ("a", "o", "e")


@dataclass(frozen=True)
class Place:
    """One unit of the list: its current code, official name, plan level and parent."""

    adcode: str
    name: str
    level: str  # 国家 | 省 | 市 | 区 | 县
    parent_adcode: str | None

    @property
    def parent(self) -> Place | None:
        return by_adcode(self.parent_adcode) if self.parent_adcode else None

    def ancestors(self) -> list[Place]:
        """Parent, grandparent … up to 中国."""
        out, p = [], self.parent
        while p is not None:
            out.append(p)
            p = p.parent
        return out


#: The country: what a national plan is of.
CHINA = Place("100000", "中国", "国家", None)
#: A title or issuer opening with one of these speaks for the country: the State Council, the
#: national commissions and administrations (国家…), the Party centre.
NATIONAL_OPENINGS = ("中华人民共和国", "全国", "国家", "国务院", "中共中央")


@dataclass(frozen=True)
class PlaceMatch:
    """What :func:`find_place` read: the name as written, the unit, and any doubt.

    ``place`` is None when the name is in the list under several parents and the text
    names none of them; ``warning`` then says so.  ``written`` is the name as the
    document writes it (``铜梁县`` for a plan of the county that is now 铜梁区).
    """

    written: str
    place: Place | None
    level: str | None
    warning: str | None = None
    code: str | None = None  # the warning's code: place_ambiguous | place_unlisted
    parent: Place | None = None  # for a name the list lacks: the listed place written before it
    parent_name: str | None = None  # ... or the unlisted one written before it (棠溪市 of 棠溪市枫渚区)


# --- the words (data/places.toml) -------------------------------------------------------


@functools.cache
def _words() -> dict:
    text = (resources.files(__package__) / "data" / "places.toml").read_text("utf-8")
    return tomllib.loads(text)


@functools.cache
def generic_words() -> tuple[str, ...]:
    """The generic words of place names (自治县, 省, 市, 区, 镇 …), longest first."""
    return tuple(sorted(_words()["generic_en"], key=len, reverse=True))


@functools.cache
def feature_words() -> dict[str, str]:
    """``[feature_en]``: the generic words of named things that are not administrative
    units (水库 "Reservoir", 湿地公园 "Wetland Park"), longest first."""
    table = _words()["feature_en"]
    return {zh: table[zh] for zh in sorted(table, key=len, reverse=True)}


@functools.cache
def pinyin_features() -> frozenset[str]:
    """The feature words before which a name is pinyin even where it has English (新城, 大道)."""
    return frozenset(_words()["pinyin_features"])


def specific_en(specific: str) -> str:
    """The specific part of a name as one word: its established English, else its pinyin
    (珠江 → "Zhujiang").  Imports pypinyin."""
    return _specific_en(specific)


@functools.cache
def route_words() -> frozenset[str]:
    """The feature words that close a route between two named places (高速公路, 铁路)."""
    return frozenset(_words()["routes"])


@functools.cache
def _level_words() -> tuple[str, ...]:
    return tuple(sorted(_words()["level"], key=len, reverse=True))


@functools.cache
def _ethnic_names() -> tuple[tuple[str, str], ...]:
    """(written form, English), with and without 族, longest first."""
    pairs = []
    for zh, en in _words()["ethnic_en"].items():
        pairs.append((zh, en))
        if zh.endswith("族") and len(zh) > 2:
            pairs.append((zh[:-1], en))
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


# --- romanization -----------------------------------------------------------------------


def _syllables(text: str) -> list[str]:
    """Toneless pinyin syllables of ``text``, with the place-name readings of ``[readings]``."""
    from pypinyin import Style, lazy_pinyin

    readings = _words()["readings"]
    keys = sorted(readings, key=len, reverse=True)
    out: list[str] = []
    i, plain = 0, ""
    while i < len(text):
        key = next((k for k in keys if text.startswith(k, i)), None)
        if key is None:
            plain += text[i]
            i += 1
            continue
        if plain:
            out += lazy_pinyin(plain, style=Style.NORMAL, v_to_u=True)
            plain = ""
        out += readings[key].split()
        i += len(key)
    if plain:
        out += lazy_pinyin(plain, style=Style.NORMAL, v_to_u=True)
    return out


def _word(syllables: list[str]) -> str:
    """Syllables as one capitalised word, with the apostrophe GB/T 16159 puts before a
    syllable that opens with a, o or e (西安 → Xi'an)."""
    text = syllables[0]
    for s in syllables[1:]:
        text += ("'" + s) if s.startswith(_VOWEL_START) else s
    return text[:1].upper() + text[1:]


def _split_generic(name: str) -> tuple[str, str | None]:
    """``彭水苗族土家族自治县`` → (``彭水苗族土家族``, ``自治县``).

    A longer generic word counts only where it fits: 万柏林区 is a district (区) of
    Taiyuan, not a 林区, since the list gives it level 区 where a 林区 is a 县; 清新区
    is 清新 + 区, since a 新区 has a specific part of two characters or more.
    """
    for g in generic_words():
        if name.endswith(g) and len(name) > len(g) and _generic_fits(name, g):
            return name[: -len(g)], g
    return name, None


def _generic_fits(name: str, generic: str) -> bool:
    if generic in ("新区", "矿区") and len(name) - len(generic) < 2:
        return False
    if generic in ("林区", "特区") and _level_word(name) != generic:
        return False  # 石林区 is 石林 + 区 (Shilin District), not 石 + 林区
    level = _words()["level"].get(generic)
    if level is None or len(generic) < 2:
        return True
    listed = _table()[1].get(name, [])
    return not listed or any(p.level == level for p in listed)


def _parts(name: str) -> tuple[str, list[str], str | None]:
    """``彭水苗族土家族自治县`` → (``彭水``, ["Miao", "Tujia"], ``自治县``): the specific part,
    the English of the ethnic names written after it, and the generic word."""
    words = _words()
    specific, generic = _split_generic(name)
    ethnic: list[str] = []
    autonomous = bool(generic) and (generic.startswith("自治") or generic == "民族乡")
    if specific not in words["name_en"]:
        # 彭水苗族土家族(自治县), 管城回族(区); a bare 维吾尔/蒙古 only before 自治….
        while True:
            hit = next(((zh, en) for zh, en in _ethnic_names()
                        if specific.endswith(zh) and len(specific) > len(zh)
                        and (autonomous or zh.endswith("族"))), None)
            if hit is None:
                break
            ethnic.insert(0, hit[1])
            specific = specific[: -len(hit[0])]
    return specific, ethnic, generic


def romanize(name: str) -> str | None:
    """The English of one official name by the rules (pinyin + translated generic word).

    Imports pypinyin; :func:`place_en` uses the English stored in the list where it can.
    """
    words = _words()
    if name in words["name_en"]:
        return words["name_en"][name]
    specific, ethnic, generic = _parts(name)
    if not all_han(specific):
        return None
    own = dict(_ethnic_names()).get(specific) if generic and generic.startswith("自治") else None
    if specific in words["name_en"]:
        head = words["name_en"][specific]
    elif own:
        head = own  # 鄂温克族自治旗 → Ewenki Autonomous Banner
    else:
        syl = _syllables(specific)
        if len(syl) == 1 and generic and len(generic) == 1:
            # A one-syllable specific part is written together with its generic word and
            # the generic word translated again (忠县 → Zhongxian County).
            syl = syl + _syllables(generic)
        head = _word(syl)
    parts = [head]
    if ethnic:
        parts.append(ethnic[0] if len(ethnic) == 1 else ", ".join(ethnic[:-1]) + " and " + ethnic[-1])
    if generic:
        en = words["generic_en"][generic]
        if generic == "市" and specific in words["municipalities"]:
            en = "Municipality"
        parts.append(en)
    return " ".join(parts)


@functools.lru_cache(maxsize=1 << 12)
def _specific_en(specific: str) -> str:
    """The specific part of a name as one word: its established English, else its pinyin."""
    return _words()["name_en"].get(specific) or _word(_syllables(specific))


def named_feature_en(specifics: list[str], feature: str, known: Mapping[str, str] | None = None) -> str | None:
    """The English of a named thing that is not an administrative unit: the specific part
    in pinyin, the generic word translated (GB/T 16159): ``(["青溪"], "水库")`` →
    ``Qingxi Reservoir``; two specifics name a route (``(["松河", "青溪"], "高速公路")`` →
    ``Songhe–Qingxi Expressway``).  None for a generic word of no ``[feature_en]`` entry or a
    specific part that is not all Chinese characters.  ``known``: specific parts whose
    English the caller has (重庆 "Chongqing").  Imports pypinyin."""
    known = known or {}
    en = _words()["feature_en"].get(feature)
    if en is None or not specifics or not all(s and all_han(s) for s in specifics):
        return None
    if len(specifics) > 1 and feature not in route_words():
        return None
    return "–".join(known.get(s) or _specific_en(s) for s in specifics) + " " + en


def place_en(name: str) -> str | None:
    """The English of a Chinese place name, or None when ``name`` is not one.

    Hanyu Pinyin for the specific part (GB/T 16159: one word, capitalised, an apostrophe
    before a, o, e) and the generic word translated: ``铜梁区`` → ``Tongliang District``,
    ``重庆市`` → ``Chongqing Municipality``, ``神农架林区`` → ``Shennongjia Forestry
    District``.  A name written with its parents (``重庆市璧山区``) reads smallest first:
    ``Bishan District, Chongqing Municipality``.
    """
    if not name or not isinstance(name, str):
        return None
    name = name.strip()
    if not all_han(name):
        return None
    if name in _words()["name_en"]:
        return _words()["name_en"][name]
    stored = _table()[3]
    if name in stored:
        return stored[name]
    chain = _split_chain(name)
    if len(chain) > 1:
        parts = [stored.get(p) or romanize(p) for p in chain]
        if all(parts):
            return ", ".join(reversed(parts))  # type: ignore[arg-type]
    if _split_generic(name)[1] is None:
        return None
    return romanize(name)


@functools.lru_cache(maxsize=1 << 16)
def listed_place_en(name: str) -> str | None:
    """:func:`place_en` for a name of the national list or a chain of them (重庆市铜梁区), else
    None — without romanizing anything else, so that testing every stretch of a label for a
    place (the glossary does) never loads pypinyin.  Cached: the glossary asks about the
    same stretches of every label, and the list never changes in a process."""
    if not name or not all_han(name.strip()):
        return None
    name = name.strip()
    if not lookup(name) and len(_split_chain(name)) < 2:
        return None
    return place_en(name)


def short_name(word: str) -> tuple[str, str, str] | None:
    """``(English, level, generic word)`` of a listed unit written without its generic word,
    as plans write towns in running names (宜昌磷化工基地, 孝感—潜江…): 湖北 (湖北省) →
    ("Hubei", "省", "省"), 宜昌 (宜昌市) → ("Yichang", "市", "市"), 潜江 (潜江市, a county-level
    city) → ("Qianjiang", "县", "市"), 广西 (广西壮族自治区) → ("Guangxi", "省", "自治区").  The
    highest level when several units share the specific part (吉林省, 吉林市); None for a word
    of one character or no such unit.  Whether the word is that name where it stands (平原,
    日照, 比如 are words too) is the caller's to judge.  The English is the stored name's, less
    its generic word, so that pypinyin loads only for the few names written with an ethnic name."""
    entry = _short_names().get(word)
    if entry is None:
        return None
    level, generic, en = entry
    return en or _specific_en(word), level, generic


@functools.cache
def _short_names() -> dict[str, tuple[str, str, str | None]]:
    """Specific part (two characters or more) → (the highest level of a current unit with it,
    that unit's generic word, its English where the unit's stored English gives it)."""
    order = ("省", "市", "县", "区")
    by_code = _table()[0]
    out: dict[str, tuple[str, str, str | None]] = {}
    for code, (specific, generic, en) in _unit_short_names().items():
        level = by_code[code].level
        if specific not in out or order.index(level) < order.index(out[specific][0]):
            out[specific] = level, generic, en
    return out


@functools.cache
def _unit_short_names() -> dict[str, tuple[str, str, str | None]]:
    """adcode → (specific part, generic word, English of the specific part where the unit's
    stored English gives it), for every current unit whose specific part has two characters
    or more."""
    words = _words()
    stored = _table()[3]
    long_generics = tuple(g for g in generic_words() if len(g) > 1)
    out: dict[str, tuple[str, str, str | None]] = {}
    for code, place in _table()[0].items():
        name = place.name
        if name.endswith(long_generics) or "族" in name:
            specific, ethnic, generic = _parts(name)  # 恩施土家族苗族自治州, 浦东新区: the slow way
        else:
            specific, ethnic, generic = name[:-1], [], name[-1] if name[-1] in generic_words() else None
        if generic is None or len(specific) < 2 or not all_han(specific):
            continue
        generic_en = "Municipality" if generic == "市" and specific in words["municipalities"] \
            else words["generic_en"][generic]
        en = stored.get(name, "")
        out[code] = specific, generic, (en[: -len(generic_en) - 1] if en.endswith(" " + generic_en)
                                        and not ethnic else None)
    return out


def local_names(adcode: str) -> dict[str, str | None]:
    """The short names (specific parts) of a unit and of the units under it, two levels down,
    with their English: what a plan of that unit calls its own towns (a plan of 丽水市 writes
    青田, 遂昌, 松阳 for its counties; of 重庆市, 江津 for 江津区).  None for the few names whose
    English pinyin must make (written with an ethnic name: :func:`specific_en` when one is
    used), so that a plan loads no pypinyin for names it never writes.  Empty for an unknown code."""
    if adcode not in _table()[0]:
        return {}
    children = _children()
    codes, frontier = [adcode], [adcode]
    for _ in range(2):
        frontier = [c for code in frontier for c in children.get(code, ())]
        codes += frontier
    out: dict[str, str | None] = {}
    for code in codes:
        entry = _unit_short_names().get(code)
        if entry is not None:
            specific, _, en = entry
            out[specific] = en
    return out


@functools.cache
def _children() -> dict[str, list[str]]:
    """adcode → the adcodes of the current units right under it."""
    out: dict[str, list[str]] = {}
    for code, place in _table()[0].items():
        if place.parent_adcode:
            out.setdefault(place.parent_adcode, []).append(code)
    return out


def _split_chain(name: str) -> list[str]:
    """``重庆市璧山区`` → [``重庆市``, ``璧山区``] when every piece is a listed name."""
    pieces = _leading_names(name, shortest=1)
    return pieces if sum(map(len, pieces)) == len(name) else [name]


def _leading_names(text: str, shortest: int) -> list[str]:
    """Listed names one after another from the start of ``text``, the longest (of at least
    ``shortest`` characters) at each place, up to the first place where none is listed."""
    index = _index()
    names: list[str] = []
    i = 0
    while i < len(text):
        hit = next((text[i:j] for j in range(min(len(text), i + _longest()), i + shortest - 1, -1)
                    if text[i:j] in index), None)
        if hit is None:
            break
        names.append(hit)
        i += len(hit)
    return names


# --- the list ---------------------------------------------------------------------------


@functools.cache
def _table() -> tuple[dict[str, Place], dict[str, list[Place]], dict[str, set[tuple[str, str]]],
                      dict[str, str]]:
    """(code → Place, name → current Places, former name → {(its own level, successor code)},
    name → English), from ``data/divisions.tsv``."""
    text = (resources.files(__package__) / "data" / "divisions.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    current = [r for r in rows if len(r) < 3 or not r[2]]
    names = {r[0]: r[1] for r in current}
    english = {r[1]: r[3] for r in current if len(r) > 3 and r[3]}
    by_code: dict[str, Place] = {}
    for code, name in names.items():
        by_code[code] = Place(code, name, _level_of(code, name), _parent_code(code, names))
    by_name: dict[str, list[Place]] = {}
    for place in by_code.values():
        by_name.setdefault(place.name, []).append(place)
    former: dict[str, set[tuple[str, str]]] = {}
    for r in rows:
        if len(r) >= 3 and r[2] in by_code:
            former.setdefault(r[1], set()).add((_level_of(r[0], r[1]), r[2]))
    return by_code, by_name, former, english


@functools.cache
def _index() -> frozenset[str]:
    _, by_name, former, _ = _table()
    return frozenset(by_name) | frozenset(former)


@functools.cache
def _longest() -> int:
    return max(map(len, _index()))


def level_of_name(name: str) -> str | None:
    """The level a name's generic word gives, for a name the list does not hold
    (某某区 → 区, 某某自治县 → 县, 某某市 → 市); None when it ends in none."""
    if name.endswith("市"):
        return "市"
    suffix = _level_word(name)
    return _words()["level"][suffix] if suffix else None


def _level_word(name: str) -> str | None:
    """The generic word of places.toml ``[level]`` that ``name`` ends in, longest first; 林区
    and 特区 after a specific part of two characters or more (大兴安岭林区, 深圳经济特区), or
    for the listed units (神农架林区): 石林区 is 石林 + 区."""
    return next((s for s in _level_words() if name.endswith(s) and (
        s not in ("林区", "特区") or len(name) - len(s) >= 2 or name in _words()["county_level_districts"])), None)


def _level_of(code: str, name: str) -> str:
    if code.endswith("0000"):
        return "省"
    if code.endswith("00"):
        return "市"
    if name.endswith("市"):
        return "县"  # 县级市
    suffix = _level_word(name)
    if suffix in ("林区", "特区") and name not in _words()["county_level_districts"]:
        return "区"  # 万柏林区, 碑林区: districts whose names end in 林
    return _words()["level"][suffix] if suffix else "县"


def _parent_code(code: str, names: dict[str, str]) -> str | None:
    if code.endswith("0000"):
        return CHINA.adcode
    city = code[:4] + "00"
    if not code.endswith("00") and city in names:
        return city
    return code[:2] + "0000"


def by_adcode(adcode: str) -> Place | None:
    """The unit with this 6-digit code (``100000`` is China)."""
    if adcode == CHINA.adcode:
        return CHINA
    return _table()[0].get(adcode)


def lookup(name: str, parents: tuple[str, ...] = ()) -> list[Place]:
    """Every current unit named ``name``; a former name (铜梁县) gives the unit that carries
    on (铜梁区).  ``parents`` (codes of places written before the name) narrow the list to
    units under one of them, former ones included (重庆市江北区 → 两江新区, though Ningbo
    still has a 江北区)."""
    _, by_name, former, _ = _table()
    found = list(by_name.get(name, ()))
    successors = [p for p in (by_adcode(code) for _, code in sorted(former.get(name, ()))) if p is not None]
    if parents:
        under = [p for p in found if _under(p, parents)] or [p for p in successors if _under(p, parents)]
        if under:
            return list(dict.fromkeys(under))
        return found
    # A former name that is now another unit's (江北区: Ningbo's, and Chongqing's of old) is in
    # doubt without its parent; one that is no one's now resolves to its successor.
    found += [p for p in successors if p not in found]
    return list(dict.fromkeys(found))


def _under(place: Place, parents: tuple[str, ...]) -> bool:
    return any(a.adcode in parents for a in place.ancestors())


def find_place(text: str | None, has_government: Callable[[str], bool] | None = None) -> PlaceMatch | None:
    """The place a title or issuer opens with: ``重庆市铜梁区人力资源…`` → 铜梁区.

    Names are read from the start, each the longest listed name there, for as long as
    names follow one another; the last one is the plan's place, resolved under the
    ones before it.  A national document (``中华人民共和国…``, ``全国…``, 国务院, 国家…
    ministries) gives :data:`CHINA`.

    After the listed names, a name the list lacks (``重庆市某某区``) is the place only
    when it is a placeholder (某某区, XX县: deliberately anonymous) or when
    ``has_government(name)`` says the document shows its government (某某区人民政府);
    the latter comes with a ``place_unlisted`` warning.  Anything else that merely
    ends like a place (社区, 工业园区) is none.  None when no place is found.
    """
    if not text:
        return None
    text = re.sub(r"\s+", "", text).lstrip("《“\"")  # 济 南 市, 重庆市　铜梁区
    if text.startswith(NATIONAL_OPENINGS):
        return PlaceMatch(CHINA.name, CHINA, CHINA.level)
    written = _leading_names(text, shortest=2)
    # Each name after the first must stand under the ones before it: 成都市老城区 is 成都市
    # (the list's 老城区 is 洛阳's), 北京市朝阳区 is Beijing's 朝阳区.
    parents: tuple[str, ...] = ()
    above: tuple[str, ...] = ()  # the parents of the last kept name
    kept: list[str] = []
    for name in written:
        if not parents and name in _words()["needs_parent"]:
            break
        got = lookup(name, parents)
        if parents:
            got = [p for p in got if _under(p, parents)]
            if not got:
                break
        kept.append(name)
        above = parents
        if len(got) == 1:
            parents += (got[0].adcode,)
    rest = text[sum(map(len, kept)):]
    unlisted = _unlisted(rest, has_government)
    if unlisted is not None:
        # A chain of unlisted names (棠溪市枫渚区…) is the last one's plan, under the one before.
        above_name = None
        while (deeper := _unlisted(rest[len(unlisted[0]):], has_government)) is not None:
            above_name, rest, unlisted = unlisted[0], rest[len(unlisted[0]):], deeper
        name, warning = unlisted
        return PlaceMatch(name, None, level_of_name(name), warning, "place_unlisted" if warning else None,
                          by_adcode(parents[-1]) if parents and above_name is None else None, above_name)
    if not kept:
        return None
    name = kept[-1]
    got = lookup(name, above)
    if len(got) == 1:
        return PlaceMatch(name, got[0], _former_level(name, got[0]) or got[0].level)
    levels = {p.level for p in got}
    where = "、".join(f"{p.parent.name if p.parent else ''}{p.name} {p.adcode}" for p in got)
    return PlaceMatch(name, None, levels.pop() if len(levels) == 1 else None,
                      f"{name} names {len(got)} places in the list of administrative divisions "
                      f"({where}) and the document names none of their parents", "place_ambiguous")


_UNLISTED = regex.compile(rf"^([{HAN}XＸx×○]{{1,10}}?(?:自治区|自治州|自治县|自治旗|省|市|地区|盟|区|县|旗))")
_PLACEHOLDER = re.compile(r"^[某XＸx×○]+$")


def _unlisted(text: str, has_government: Callable[[str], bool] | None) -> tuple[str, str | None] | None:
    """(name, warning) for a name the list lacks at the start of ``text``, when it counts."""
    m = _UNLISTED.match(text)
    if not m:
        return None
    name = m.group(1)
    specific, _ = _split_generic(name)
    if _PLACEHOLDER.match(specific) or _PLACEHOLDER.match(name[:-1]):
        return name, None
    if has_government is not None and has_government(name):
        return name, (f"{name} is not in the list of administrative divisions (民政部, to 2025-12-31); "
                      "region and level are read from the name")
    return None


def _former_level(name: str, place: Place) -> str | None:
    """The level a former name had (铜梁县 was a 县) when ``name`` resolved to ``place``
    as its successor."""
    if place.name == name:
        return None
    levels = {level for level, code in _table()[2].get(name, ()) if code == place.adcode}
    return levels.pop() if len(levels) == 1 else None