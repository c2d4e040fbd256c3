"""Diff two plans: indicators, projects, headings, tasks and prose figures, paired by name.

One matcher, :func:`match_items`, pairs items of any kind by a text key, in
three passes, each one-to-one:

1. ``exact``      — the keys are equal;
2. ``normalized`` — equal after :func:`matching_key`: full/half width, spacing,
   punctuation, leading numbering and 其中, a trailing unit such as （万人）, and the
   abbreviations of ``data/matching.toml`` (社会保障卡 → 社保卡, 医疗保险 → 医保);
3. ``fuzzy``      — the mean of rapidfuzz's ``token_set_ratio`` on jieba words and
   its character ``ratio``, over 100 (discounted when a word is swapped rather than
   added); pairs at or above ``settings.fuzzy_threshold`` are taken best first (ties
   in document order).  Names that differ by a word of one modifier group of
   ``matching.toml`` (技能/高技能, 城镇/城乡, 登记/调查, 新增/累计) never pair.
   Candidates are blocked before scoring (:func:`_candidates`), so that thousands of
   names pair in seconds.

Indicator tables are paired first (the main table with the main table, the
review table — the one with actual values — with the review table; by target
year, then title; untitled tables and tables of equal title in document order),
and indicators are matched inside each pair of tables.  Each table brings the
indicators it owns (``Indicator.table``).  Projects, tasks and chapter/section
titles are matched by title the same way; figures of the target and achievement
paragraphs (:func:`plan_parser.check.prose_figures`) by what they count.

Words come from :mod:`plan_parser.segment`, the process's one jieba tokenizer,
loaded only when a fuzzy pass has candidates to score.  Tunables (threshold,
substitution factor) are :class:`plan_parser.settings.Settings` fields.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import json
import re
import tomllib
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, TypeVar

from .glossary import normalize
from .model import INDICATOR_VALUES, SCHEMA_VERSION, Indicator, Plan, Quantity
from .quantity import rate_units
from .settings import DEFAULTS, Settings

__all__ = ["Match", "Change", "ItemPair", "Heading", "TableRef", "PlanDiff", "diff_plans", "match_items",
           "normalize_key", "matching_key", "modifier_conflict", "names_match", "fuzzy_score",
           "compare_targets", "less_is_better", "unit_base", "quantity_signature", "RATE_UNITS",
           "LEVEL_RANK", "clear_caches", "table_refs", "pair_tables", "provenance", "plan_side",
           "cross_level"]

#: Base units of rates: a target in one of these is a rate, never a count.
RATE_UNITS = rate_units()
#: Administrative rank, upper levels first; 区 and 县 are the same rank.
LEVEL_RANK = {"国家": -1, "省": 0, "市": 1, "区": 2, "县": 2}

T = TypeVar("T")


# -- the matcher ---------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """How a pair was made: ``exact``/``normalized`` score 1.0, ``fuzzy`` its score."""

    method: str
    score: float


_NON_WORD = re.compile(r"[\W_]+")


def normalize_key(text: str | None) -> str:
    """The name with width, spacing, punctuation, numbering, 其中 and unit evened out."""
    return _NON_WORD.sub("", normalize(text or "")).lower()


@dataclass(frozen=True)
class Vocabulary:
    """``data/matching.toml``: how plans abbreviate, and which words change what is counted."""

    contract: re.Pattern | None  # every long form, longest first
    short: dict[str, str]  # long form (normalized) → short form (normalized)
    modifiers: tuple[tuple[str, ...], ...]  # each group longest word first, normalized
    one_sided: tuple[str, ...]  # words whose presence on one side only changes what is counted
    sections: dict[str, list[str]]


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The matching vocabulary, read once from ``data/matching.toml``.

    Modifier words are stored as they stand in a matching key (normalized, contracted)."""
    data = tomllib.loads((resources.files(__package__) / "data" / "matching.toml").read_text("utf-8"))
    short = {normalize_key(long): normalize_key(abbr)
             for table in ("abbreviations", "synonyms") for abbr, longs in data[table].items() for long in longs}
    pattern = re.compile("|".join(re.escape(k) for k in sorted(short, key=len, reverse=True))) if short else None
    contract = (lambda k: pattern.sub(lambda m: short[m.group(0)], k)) if pattern else (lambda k: k)
    groups = tuple(tuple(sorted({contract(normalize_key(w)) for w in g}, key=len, reverse=True))
                   for g in data["modifiers"]["groups"])
    one_sided = tuple(contract(normalize_key(w)) for w in data["modifiers"].get("one_sided", ()))
    return Vocabulary(pattern, short, groups, one_sided, data["sections"])


def matching_key(text: str | None) -> str:
    """The key names are paired on: :func:`normalize_key`, then every long form of
    ``matching.toml`` contracted to its short form (社会保障卡 → 社保卡)."""
    key = normalize_key(text)
    voc = vocabulary()
    if not key or voc.contract is None:
        return key
    return voc.contract.sub(lambda m: voc.short[m.group(0)], key)


def modifier_conflict(a: str, b: str) -> bool:
    """Whether two matching keys name different things by a word of one modifier group
    (技能 vs 高技能, 城镇 vs 城乡, 登记 vs 调查) or a one-sided word (每万人): then they never pair."""
    return _conflict(modifier_signature(a), modifier_signature(b))


def modifier_signature(key: str) -> tuple[tuple[bool, ...], tuple[frozenset[str], ...]]:
    """What a key says in each modifier slot: (one-sided words present, words of each group)."""
    voc = vocabulary()
    return tuple(w in key for w in voc.one_sided), tuple(_group_words(g, key) for g in voc.modifiers)


def _conflict(sa, sb) -> bool:
    return sa[0] != sb[0] or any(wa and wb and not wa & wb for wa, wb in zip(sa[1], sb[1]))


def _group_words(group: tuple[str, ...], key: str) -> frozenset[str]:
    """The words of a modifier group in ``key``, leaving out those inside a longer one found."""
    found = [w for w in group if w in key]
    return frozenset(w for w in found if not any(w != v and w in v for v in found))


def _tokens(key: str) -> list[str]:
    """Words of a key, from the process's one jieba tokenizer (:mod:`plan_parser.segment`)."""
    from .segment import tokens

    return tokens(key)


def clear_caches() -> None:
    """Forget memoized units and vocabulary (benchmarks measure a diff from scratch with it).

    Keys and tokens are memoized per call of :func:`match_items`, never across calls."""
    unit_base.cache_clear()


def fuzzy_score(a: str, b: str, settings: Settings | None = None, *,
                tokens_a: list[str] | None = None, tokens_b: list[str] | None = None) -> float:
    """Similarity of two matching keys in [0, 1]: words and characters weigh alike,
    discounted by ``settings.substitution_factor`` when a word was swapped, not added."""
    from rapidfuzz import fuzz

    s = settings or DEFAULTS
    tokens_a = _tokens(a) if tokens_a is None else tokens_a
    tokens_b = _tokens(b) if tokens_b is None else tokens_b
    words = fuzz.token_set_ratio(" ".join(tokens_a), " ".join(tokens_b))
    chars = fuzz.ratio(a, b)
    score = (words + chars) / 200
    only_a = [t for t in tokens_a if t not in b]  # 就业 inside 就业人数 is no swap
    only_b = [t for t in tokens_b if t not in a]
    if only_a and only_b:
        score *= s.substitution_factor
    return round(score, 4)


def names_match(a: str, b: str, settings: Settings | None = None) -> Match | None:
    """How two names would pair on their own (no competing candidates), or None.

    The decision :func:`match_items` makes for each pair; ``tests/data/name_pairs.csv``
    measures it (precision and recall in ``tests/test_compare.py``)."""
    s = settings or DEFAULTS
    if a == b:
        return Match("exact", 1.0)
    ka, kb = matching_key(a), matching_key(b)
    if not ka or not kb:
        return None
    if ka == kb:
        return Match("normalized", 1.0)
    if modifier_conflict(ka, kb):
        return None
    score = fuzzy_score(ka, kb, s)
    return Match("fuzzy", score) if score >= s.fuzzy_threshold else None


def _candidates(keys_l: list[str], keys_r: list[str], lefts: list[int], rights: list[int],
                cutoff: float) -> list[tuple[int, int]]:
    """Pairs worth scoring: blocking by characters in common (see :func:`_score_group`)."""
    right_keys = [keys_r[j] for j in rights]
    hits = _char_hits([keys_l[i] for i in lefts], right_keys, cutoff)
    return [(lefts[m], rights[n]) for m, row in enumerate(hits) for n, _chars in row]


#: Up to this many pairs, ratios are computed name by name (numpy and threads cost more than they save).
_SMALL = 250_000
#: Rows of the character-ratio matrix computed at a time (bounds its memory: rows × right names bytes).
_BLOCK_ROWS = 512


def _char_hits(keys: list[str], choices: list[str], cutoff: float) -> list[list[tuple[int, float]]]:
    """For each key, (index in ``choices``, character ratio) of the choices whose ratio reaches
    ``cutoff``.  The ratios of all pairs are computed in C on both cores (rapidfuzz ``cdist``,
    one byte per pair, a block of rows at a time); the few that pass are recomputed exactly."""
    from rapidfuzz import fuzz, process

    if cutoff <= 0:
        return [[(n, fuzz.ratio(k, c)) for n, c in enumerate(choices)] for k in keys]
    if len(keys) * len(choices) <= _SMALL:  # two plans' tables: no numpy, no threads
        return [[(n, chars) for _c, chars, n in process.extract(k, choices, scorer=fuzz.ratio, score_cutoff=cutoff,
                                                                limit=None)] for k in keys]
    import numpy as np

    out: list[list[tuple[int, float]]] = []
    floor = max(0, int(cutoff) - 1)  # a byte per pair: keep everything that may round up to the cutoff
    for start in range(0, len(keys), _BLOCK_ROWS):
        block = keys[start:start + _BLOCK_ROWS]
        matrix = process.cdist(block, choices, scorer=fuzz.ratio, score_cutoff=floor, dtype=np.uint8, workers=-1)
        for m, row in enumerate(matrix):
            found = []
            for n in np.flatnonzero(row).tolist():
                chars = fuzz.ratio(block[m], choices[n])
                if chars >= cutoff:
                    found.append((n, chars))
            out.append(found)
    return out


def _score_group(keys_l: list[str], keys_r: list[str], lefts: list[int], rights: list[int],
                 threshold: float, s: Settings) -> list[tuple[float, int, int]]:
    """Every (score, i, j) of one group that reaches ``threshold``, blocked before scoring.

    The score (:func:`fuzzy_score`) is the mean of a word score (at most 100) and the
    character ``ratio``, so a pair can reach ``threshold`` only if its character ratio
    reaches ``200 × threshold − 100``: rapidfuzz finds those pairs in C, then scores
    their words in one C call per left name; only pairs that reach the threshold are
    looked at in Python (the swapped-word discount, the modifier words).  The result is
    exactly :func:`fuzzy_score`'s, for a fraction of the work: 5,000 × 5,000 names in
    seconds, not minutes (``benchmarks/bench_diff.py``).
    """
    from rapidfuzz import fuzz, process

    words: dict[str, list[str]] = {}
    joined: dict[str, str] = {}
    signature: dict[str, tuple] = {}

    def tok(key: str) -> list[str]:
        if key not in words:
            words[key] = _tokens(key)
            joined[key] = " ".join(words[key])
        return words[key]

    def sig(key: str):
        if key not in signature:
            signature[key] = modifier_signature(key)
        return signature[key]

    right_keys = [keys_r[j] for j in rights]
    out = []
    all_hits = _char_hits([keys_l[i] for i in lefts], right_keys, 200 * threshold - 100)
    for i, hits in zip(lefts, all_hits):
        a = keys_l[i]
        if not hits:
            continue
        tokens_a = tok(a)
        for n, _c in hits:
            tok(right_keys[n])
        others = [joined[right_keys[n]] for n, _c in hits]
        if len(others) <= 64:  # the usual case: a few candidates, no numpy
            word_scores = [fuzz.token_set_ratio(joined[a], o) for o in others]
        else:
            word_scores = process.cdist([joined[a]], others, scorer=fuzz.token_set_ratio)[0]
        for (n, chars), words_ab in zip(hits, word_scores):
            score = (float(words_ab) + chars) / 200
            if score < threshold:
                continue
            b = right_keys[n]
            if _conflict(sig(a), sig(b)):
                continue
            tokens_b = words[b]
            if any(t not in b for t in tokens_a) and any(t not in a for t in tokens_b):
                score *= s.substitution_factor
            score = round(score, 4)
            if score >= threshold:
                out.append((score, i, rights[n]))
    return out


def match_items(left: Sequence[T], right: Sequence[T], key: Callable[[T], str | None], *,
                group: Callable[[T], Hashable] | None = None,
                threshold: float | None = None,
                settings: Settings | None = None) -> list[tuple[int | None, int | None, Match | None]]:
    """Pair ``left`` with ``right`` one-to-one by ``key``; ``group`` values must agree.

    ``threshold`` defaults to ``settings.fuzzy_threshold``.  Items with an empty key (an
    untitled section or task) pair with empty-keyed items only, in document order, as
    ``exact``.  Returns ``(i, j, match)``
    for pairs, ``(i, None, None)`` and ``(None, j, None)`` for the rest, in reading
    order: left order, each right-only item after the pair that precedes it on the right.
    """
    s = settings or DEFAULTS
    threshold = s.fuzzy_threshold if threshold is None else threshold
    grp = group or (lambda _item: None)
    lgroups, rgroups = [grp(x) for x in left], [grp(x) for x in right]
    raw_l, raw_r = [key(x) or "" for x in left], [key(x) or "" for x in right]
    memo: dict[str, str] = {}
    mkey = lambda k: memo[k] if k in memo else memo.setdefault(k, matching_key(k))  # noqa: E731
    keys_l, keys_r = [mkey(k) for k in raw_l], [mkey(k) for k in raw_r]
    pairs: dict[int, tuple[int, Match]] = {}
    free_r = set(range(len(right)))
    for method, pass_l, pass_r in (("exact", raw_l, raw_r), ("normalized", keys_l, keys_r)):
        index: dict[tuple, list[int]] = {}
        for j in sorted(free_r):
            index.setdefault((rgroups[j], pass_r[j]), []).append(j)
        for i in range(len(left)):
            if i in pairs or (not pass_l[i] and method != "exact"):
                continue  # untitled items pair with untitled items, in order, in the exact pass only
            candidates = index.get((lgroups[i], pass_l[i]))
            if candidates:
                j = candidates.pop(0)
                pairs[i] = (j, Match(method, 1.0))
                free_r.discard(j)
    by_group: dict[Hashable, tuple[list[int], list[int]]] = {}
    for i in range(len(left)):
        if i not in pairs and raw_l[i]:
            by_group.setdefault(lgroups[i], ([], []))[0].append(i)
    for j in sorted(free_r):
        if raw_r[j] and rgroups[j] in by_group:
            by_group[rgroups[j]][1].append(j)
    scored = []
    for lefts, rights in by_group.values():
        if rights:
            scored += _score_group(keys_l, keys_r, lefts, rights, threshold, s)
    for score, i, j in sorted(scored, key=lambda x: (-x[0], x[1], x[2])):
        if i not in pairs and j in free_r:
            pairs[i] = (j, Match("fuzzy", score))
            free_r.discard(j)
    return _reading_order(len(left), pairs, free_r)


def _reading_order(n_left: int, pairs: dict[int, tuple[int, Match]], free_r: set[int]):
    rows: list[tuple[tuple, tuple]] = []
    right_to_left = sorted((j, i) for i, (j, _m) in pairs.items())
    right_keys = [j for j, _i in right_to_left]
    best_before: list[int] = []  # running max of left index over pairs sorted by right index
    running = -1
    for _j, i in right_to_left:
        running = max(running, i)
        best_before.append(running)
    for i in range(n_left):
        j, m = pairs.get(i, (None, None))
        rows.append(((i, 0, -1), (i, j, m)))
    for j in sorted(free_r):
        k = bisect.bisect_left(right_keys, j)
        anchor = best_before[k - 1] if k else -1
        rows.append(((anchor, 1, j), (None, j, None)))
    return [row for _pos, row in sorted(rows, key=lambda r: r[0])]


# -- quantities, units and sense -------------------------------------------------


@functools.lru_cache(maxsize=256)
def unit_base(unit: str | None) -> tuple[str | None, float]:
    """(base unit, multiplier) of a written unit: 万人 → (人, 10000); % → (%, 1)."""
    from .quantity import parse_quantity

    if not unit:
        return None, 1.0
    q = parse_quantity("1", unit)
    if q is None or q.kind != "number" or q.base_value is None:
        return unit, 1.0
    return q.base_unit or unit, q.base_value


def rounded(x: float | None) -> float | None:
    """Float noise removed, so that equal figures compare equal."""
    return None if x is None else round(x, 9)


def quantity_signature(q: Quantity | None) -> tuple | None:
    """What a change of a value means: kind, value in the base unit, comparator, 累计.

    The year is not part of it (the contract compares ``base_value``, ``comparator``,
    ``cumulative`` and ``kind``): a header ``2025年目标`` rewritten ``目标值`` changes no target.
    """
    if q is None:
        return None
    common = (q.kind, q.comparator, q.cumulative)
    if q.kind == "number":
        return common + (rounded(q.base_value),)
    if q.kind == "range":
        factor = unit_base(q.unit)[1]
        return common + (rounded(q.lower * factor if q.lower is not None else None),
                         rounded(q.upper * factor if q.upper is not None else None))
    if q.kind == "ratio":
        return common + (tuple(q.parts or ()),)
    return common + (re.sub(r"\s+", "", q.raw),)


@functools.lru_cache(maxsize=1)
def _less_words() -> tuple[str, ...]:
    text = (resources.files(__package__) / "data" / "sense.toml").read_text("utf-8")
    return tuple(tomllib.loads(text)["less_is_better"])


def less_is_better(*items: Any) -> bool:
    """Whether a smaller target is better: a word of ``sense.toml`` in the name, or an upper bound.

    ``items`` are indicators (name and target) or plain names (prose figures)."""
    for item in items:
        if item is None:
            continue
        name = item if isinstance(item, str) else getattr(item, "name", "") or ""
        if any(word in name for word in _less_words()):
            return True
        target = getattr(item, "target", None)
        if target is not None and target.comparator in ("<", "<="):
            return True
    return False


_STRICTNESS = {False: {">": 1, ">=": 0, "=": 0}, True: {"<": 1, "<=": 0, "=": 0}}


def compare_targets(a: Quantity | None, b: Quantity | None, less_better: bool) -> str | None:
    """Does target ``b`` ask more (``stricter``), less (``looser``) or the ``same`` as ``a``?

    None when they cannot be set against each other: not both plain numbers in the
    same base unit, or one a five-year total and the other not.
    """
    if a is None or b is None or a.kind != "number" or b.kind != "number":
        return None
    if a.base_value is None or b.base_value is None or a.base_unit != b.base_unit:
        return None
    if a.cumulative != b.cumulative:
        return None
    sign = -1 if less_better else 1
    va, vb = rounded(a.base_value), rounded(b.base_value)
    if va != vb:
        return "stricter" if (vb - va) * sign > 0 else "looser"
    ranks = _STRICTNESS[less_better]
    ra, rb = ranks.get(a.comparator or "="), ranks.get(b.comparator or "=")
    if ra is None or rb is None:
        return "same" if a.comparator == b.comparator else None
    return "same" if ra == rb else ("stricter" if rb > ra else "looser")


def cross_level(left_level: str | None, right_level: str | None) -> bool:
    """Whether two plans stand at different known administrative levels (市 against 区 …)."""
    ra, rb = LEVEL_RANK.get(left_level), LEVEL_RANK.get(right_level)
    return ra is not None and rb is not None and ra != rb


# -- the diff model ----------------------------------------------------------------


@dataclass
class Change:
    """One differing field of a matched pair; ``direction`` only for ``target`` and ``growth``."""

    field: str
    left: Any
    right: Any
    direction: str | None = None


@dataclass
class Heading:
    """A chapter or section title as a diffable item."""

    level: str  # chapter | section
    chapter: int
    number: int
    title: str
    loc: dict
    title_en: str | None = None


@dataclass
class TableRef:
    """An indicator table (专栏) as a diffable item.

    ``indicators`` are the ordinals in ``plan.indicators`` of the rows this table
    owns (``Indicator.table``): an untitled table has column number 0 like every
    other untitled table, and 专栏1（续） has the number of 专栏1, so rows are never
    re-selected by number.
    """

    column: int
    title: str
    role: str  # main | review
    target_year: int | None
    loc: dict
    title_en: str | None = None
    indicators: list[int] = field(default_factory=list)


@dataclass
class ProseFigure:
    """A figure of running text (主要目标, 发展基础 …) as a diffable item.

    ``name`` is what it counts (the clause before the number, trimmed: 城镇新增就业 in
    城镇新增就业5万人); ``part`` is ``target`` or ``foundation``, the kind of section it
    stands in; ``quantity`` carries the clause as its ``context``."""

    part: str
    name: str
    quantity: Quantity
    loc: dict
    chapter: int | None = None
    section: int | None = None


@dataclass
class ItemPair:
    """A row of the diff: a matched pair, or an item found on one side only."""

    status: str  # matched | only_left | only_right
    left: Any
    right: Any
    match: Match | None = None
    changes: list[Change] = field(default_factory=list)
    share: float | None = None
    weaker: bool | None = None
    #: a fuzzy pair whose names (titles) differ after normalization.  For indicators
    #: the name is not a ``change``: a renamed row with equal values is not ``changed``.
    renamed: bool = False

    @property
    def changed(self) -> bool:
        """A matched pair with a differing field (a rename alone is not a change)."""
        return self.status == "matched" and bool(self.changes)

    @property
    def different(self) -> bool:
        """Anything but an unchanged match under the same name."""
        return self.status != "matched" or bool(self.changes) or self.renamed

    def to_dict(self) -> dict[str, Any]:
        side = lambda x: None if x is None else dataclasses.asdict(x)  # noqa: E731
        return {"status": self.status, "left": side(self.left), "right": side(self.right),
                "match": side(self.match), "changes": [dataclasses.asdict(c) for c in self.changes],
                "share": self.share, "weaker": self.weaker, "renamed": self.renamed}


def plan_side(plan: Plan) -> dict[str, Any]:
    """The contract's ``left``/``right`` block (who was compared: path, sha256, title, issue
    date …), plus the English labels where known."""
    m = plan.meta
    src = plan.source
    return {"path": src.path, "sha256": src.sha256, "title": m.title, "region": m.region, "level": m.level,
            "period_start": m.period_start, "period_end": m.period_end, "issued_date": m.issued_date,
            "issuer": m.issuer, "doc_number": m.doc_number, "title_en": m.title_en,
            "region_en": m.region_en, "adcode": m.adcode, "parent_adcode": m.parent_adcode}


def _adcode_prefix(adcode: str) -> str:
    """The part of a 行政区划代码 its subdivisions share: 500000 → 50, 370100 → 3701; 100000
    (中国) → the empty prefix, which every code has."""
    if adcode == "100000":
        return ""
    return adcode[:2] if adcode.endswith("0000") else adcode[:4] if adcode.endswith("00") else adcode


def place_relation(left_adcode: str | None, right_adcode: str | None) -> str | None:
    """How the places of two plans stand to each other, from their 行政区划代码:
    ``same``, ``contains`` (the left plan's place holds the right one's: 重庆市 and 铜梁区),
    ``within`` (the reverse), ``apart``; None when a code is unknown."""
    if not left_adcode or not right_adcode:
        return None
    if left_adcode == right_adcode:
        return "same"
    if right_adcode.startswith(_adcode_prefix(left_adcode)):
        return "contains"
    if left_adcode.startswith(_adcode_prefix(right_adcode)):
        return "within"
    return "apart"


def provenance() -> dict[str, str]:
    """What made a report, and when: ``{tool, version, generated_at}`` (UTC, ISO 8601)."""
    from datetime import datetime, timezone

    from . import __version__

    return {"tool": "plan-parser", "version": __version__,
            "generated_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat()}


@dataclass
class PlanDiff:
    """The diff of two plans, shaped as the contract's ``diff`` JSON."""

    left: dict[str, Any]
    right: dict[str, Any]
    indicators: list[ItemPair] = field(default_factory=list)
    projects: list[ItemPair] = field(default_factory=list)
    sections: list[ItemPair] = field(default_factory=list)
    tables: list[ItemPair] = field(default_factory=list)
    tasks: list[ItemPair] = field(default_factory=list)
    prose: list[ItemPair] = field(default_factory=list)
    provenance: dict[str, str] = field(default_factory=provenance)
    schema_version: str = SCHEMA_VERSION

    @property
    def cross_level(self) -> bool:
        """The plans stand at different levels: counts are compared by ``share``, not direction."""
        return cross_level(self.left.get("level"), self.right.get("level"))

    @property
    def place_relation(self) -> str | None:
        """``same``, ``contains`` (left holds right: a city and one of its districts), ``within``,
        ``apart`` or None (a place without a code): see :func:`place_relation`."""
        return place_relation(self.left.get("adcode"), self.right.get("adcode"))

    @property
    def summary(self) -> dict[str, int]:
        """Indicator counts; ``matched`` counts every pair, ``changed`` those with changes,
        ``renamed`` those paired under a different name (changed or not)."""
        return {**_count(self.indicators), "renamed": sum(p.renamed for p in self.indicators)}

    @property
    def counts(self) -> dict[str, dict[str, int]]:
        """For every list, how many rows differ: ``{indicators: {...}, tasks: {...}, …}``."""
        return {key: _count(getattr(self, key)) for key in ("indicators", "projects", "sections", "tasks", "prose")}

    @property
    def same(self) -> bool:
        """True when no indicator, project, heading, task or prose figure differs."""
        return not any(p.different for p in (*self.indicators, *self.projects, *self.sections,
                                              *self.tasks, *self.prose))

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": self.schema_version, "provenance": self.provenance,
                "left": self.left, "right": self.right, "place_relation": self.place_relation,
                "indicators": [p.to_dict() for p in self.indicators],
                "projects": [p.to_dict() for p in self.projects],
                "sections": [p.to_dict() for p in self.sections],
                "tasks": [p.to_dict() for p in self.tasks],
                "prose": [p.to_dict() for p in self.prose],
                "tables": [p.to_dict() for p in self.tables],
                "summary": self.summary}

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_frame(self, what: str = "indicators"):
        """A pandas DataFrame of one list (``indicators``, ``projects``, ``sections``,
        ``tasks`` or ``prose``): one row per pair, the columns of the CSV report."""
        from .display import diff_frame

        return diff_frame(self, what)

    def _repr_html_(self) -> str:
        from .display import diff_html_repr

        return diff_html_repr(self)


# -- pairing ------------------------------------------------------------------------


def pair_rows(left: Sequence[T], right: Sequence[T], key: Callable[[T], str | None],
              changes: Callable[[T, T], list[Change]], **kw) -> list[ItemPair]:
    """The matcher's result as ItemPairs, with each pair's changes; ``renamed`` where the
    keys differ after normalization."""
    out = []
    for i, j, m in match_items(left, right, key, **kw):
        if i is None:
            out.append(ItemPair("only_right", None, right[j]))
        elif j is None:
            out.append(ItemPair("only_left", left[i], None))
        else:
            renamed = m.method == "fuzzy" and normalize_key(key(left[i])) != normalize_key(key(right[j]))
            out.append(ItemPair("matched", left[i], right[j], m, changes(left[i], right[j]), renamed=renamed))
    return out


def _count(pairs) -> dict[str, int]:
    """``matched``, ``only_left``, ``only_right`` and ``changed`` among ``pairs``."""
    status = [p.status for p in pairs]
    return {"matched": status.count("matched"), "only_left": status.count("only_left"),
            "only_right": status.count("only_right"), "changed": sum(p.changed for p in pairs)}


def _renamed(field_name: str, a: str | None, b: str | None) -> list[Change]:
    return [] if normalize_key(a) == normalize_key(b) else [Change(field_name, a, b)]


def indicator_changes(a: Indicator, b: Indicator, levels: tuple[str | None, str | None] = (None, None)) -> list[Change]:
    """The differing fields of a matched indicator pair, in a fixed order.

    The contract's fields only: a different name is the pair's ``renamed`` flag, not a
    change.  ``target`` and ``growth`` changes carry a ``direction``, except for counts
    compared across levels (a district is smaller than its city: the pair's ``share``
    says how much, not ``looser``).
    """
    out = _renamed("category", a.category, b.category)
    if unit_base(a.unit)[0] != unit_base(b.unit)[0]:
        out.append(Change("unit", a.unit, b.unit))
    if (a.attribute or "").strip() != (b.attribute or "").strip():
        out.append(Change("attribute", a.attribute, b.attribute))
    across = cross_level(*levels)
    for name in INDICATOR_VALUES:  # field by field; target and growth get a direction
        qa, qb = getattr(a, name, None), getattr(b, name, None)
        if quantity_signature(qa) != quantity_signature(qb):
            direction = None
            if name in ("target", "growth") and not (across and _is_count(qa) and _is_count(qb)):
                verdict = compare_targets(qa, qb, less_is_better(a, b))
                direction = verdict if verdict in ("stricter", "looser") else None
            out.append(Change(name, _qdict(qa), _qdict(qb), direction))
    return out


def _qdict(q: Quantity | None) -> dict | None:
    return None if q is None else dataclasses.asdict(q)


def _is_count(q: Quantity | None) -> bool:
    return (q is not None and q.kind == "number" and q.base_value is not None
            and q.base_unit not in RATE_UNITS)


def _is_rate(q: Quantity | None) -> bool:
    return q is not None and q.kind == "number" and q.base_value is not None and q.base_unit in RATE_UNITS


def target_share(a: Quantity | None, b: Quantity | None) -> float | None:
    """``b`` as a share of ``a`` where both are counts in one base unit (both or neither 累计)."""
    if (_is_count(a) and _is_count(b) and a.base_unit == b.base_unit
            and a.cumulative == b.cumulative and a.base_value):
        return round(b.base_value / a.base_value, 6)
    return None


def rate_weaker(a: Any, b: Any, a_level: str | None, b_level: str | None, field: str = "target") -> bool | None:
    """For rate targets (or ``growth``) of plans at different levels: does the lower level ask less?"""
    ra, rb = LEVEL_RANK.get(a_level), LEVEL_RANK.get(b_level)
    qa, qb = getattr(a, field, None), getattr(b, field, None)
    if not (_is_rate(qa) and _is_rate(qb)) or ra is None or rb is None or ra == rb:
        return None
    upper, lower = (qa, qb) if ra < rb else (qb, qa)
    verdict = compare_targets(upper, lower, less_is_better(a, b))
    return None if verdict is None else verdict == "looser"


def share_and_weaker(pair: ItemPair, left_level: str | None, right_level: str | None) -> None:
    """Fill ``share`` (counts) and ``weaker`` (rates, across levels) of an indicator pair."""
    pair.share = target_share(pair.left.target, pair.right.target)
    pair.weaker = rate_weaker(pair.left, pair.right, left_level, right_level)


def _table_ref(plan: Plan, ordinals: list[int], column: int, title: str, loc: dict,
               title_en: str | None) -> TableRef:
    rows = [plan.indicators[k] for k in ordinals]
    review = any(i.actual is not None for i in rows)
    years = [i.target.year for i in rows if i.target is not None and i.target.year]
    year = max(set(years), key=years.count) if years else None
    return TableRef(column, title, "review" if review else "main", year, loc, title_en, list(ordinals))


def table_refs(plan: Plan) -> list[TableRef]:
    """The plan's indicator tables, each with the indicators it owns, in document order.

    A table with any actual value is a *review* table (``2015年 | 规划目标 | 2020年``),
    any other a *main* table; ``target_year`` is its most common target year.  The
    diff pairs these, and :func:`plan_parser.check.check_plan` reads its review and
    main rows from them.  Rows are owned by ``Indicator.table`` (set by the builder);
    an indicator without one (a plan built by hand) goes to the first indicator table with
    its 专栏 number, or, where no column has it, to an untitled table of its own at the end
    (one per run of a number), so that nothing drops out of the diff.
    """
    owned: dict[int, list[int]] = {}
    orphans: list[list[int]] = []
    by_number: dict[int, int] = {}  # a plan built by hand: the first indicator table with the number
    for c, col in reversed(list(enumerate(plan.columns))):
        if col.kind == "indicators" or col.number not in by_number:
            by_number[col.number] = c
    previous = object()
    for k, ind in enumerate(plan.indicators):
        table = ind.table
        if table is None or not 0 <= table < len(plan.columns):
            table = by_number.get(ind.column)
        if table is not None:
            owned.setdefault(table, []).append(k)
            previous = object()
            continue
        if previous != ind.column or not orphans:
            orphans.append([])
        previous = ind.column
        orphans[-1].append(k)
    refs = [_table_ref(plan, owned.get(c, []), col.number, col.title, col.loc, col.title_en)
            for c, col in enumerate(plan.columns) if col.kind == "indicators" or c in owned]
    refs += [_table_ref(plan, run, plan.indicators[run[0]].column, "", plan.indicators[run[0]].loc, None)
             for run in orphans]
    return refs


#: The title key of an untitled table: equal to every other untitled table's (so they
#: pair in document order, as tables of equal title do), never empty (the matcher
#: never pairs an empty key), and normalized to nothing (it scores 0 against a title).
_UNTITLED = "\uffff"


def pair_tables(left: list[TableRef], right: list[TableRef]) -> list[ItemPair]:
    """Main with main, review with review: same target year first, then any, best title first.

    No threshold: within a role, what is left pairs in the end, best title first.
    Tables of equal title (untitled ones included) pair in document order.
    """
    title = lambda t: t.title or _UNTITLED  # noqa: E731
    retitled = lambda a, b: _renamed("title", a.title, b.title)  # noqa: E731
    first = pair_rows(left, right, title, retitled, group=lambda t: (t.role, t.target_year),
                      threshold=0.0)
    rest_l = [p.left for p in first if p.status == "only_left"]
    rest_r = [p.right for p in first if p.status == "only_right"]
    second = pair_rows(rest_l, rest_r, title, retitled, group=lambda t: t.role, threshold=0.0)
    return [p for p in first if p.status == "matched"] + second


def _headings(plan: Plan) -> list[Heading]:
    out = []
    for ch in plan.chapters:
        out.append(Heading("chapter", ch.number, ch.number, ch.title, ch.loc, ch.title_en))
        out += [Heading("section", ch.number, s.number, s.title, s.loc, s.title_en) for s in ch.sections]
    return out


def _title_and_text_changes(x, y) -> list[Change]:
    """What differs between two projects or two tasks: their title and their text."""
    return _renamed("title", x.title, y.title) + _renamed("text", x.text, y.text)


def _prose_items(plan: Plan) -> list[ProseFigure]:
    from .check import prose_figures

    return [ProseFigure(part, f.name, f.quantity, f.loc, f.chapter, f.section)
            for part in ("target", "foundation") for f in prose_figures(plan, part)]


def _prose_changes(x: ProseFigure, y: ProseFigure) -> list[Change]:
    if quantity_signature(x.quantity) == quantity_signature(y.quantity):
        return []
    verdict = compare_targets(x.quantity, y.quantity, less_is_better(x.name, y.name))
    return [Change("value", _qdict(x.quantity), _qdict(y.quantity),
                   verdict if verdict in ("stricter", "looser") else None)]


def _unit_family(q: Quantity | None) -> str | None:
    """rate or count (and which base unit): prose figures pair only within one family."""
    if q is None:
        return None
    return "rate" if q.base_unit in RATE_UNITS else (q.base_unit or q.unit)


def diff_plans(a: Plan, b: Plan, *, settings: Settings | None = None) -> PlanDiff:
    """Compare plan ``a`` (left) with plan ``b`` (right)."""
    kw = {"settings": settings} if settings is not None else {}
    out = PlanDiff(plan_side(a), plan_side(b))
    levels = (a.meta.level, b.meta.level)
    out.tables = pair_tables(table_refs(a), table_refs(b))
    for tp in out.tables:
        rows_l = [a.indicators[k] for k in (tp.left.indicators if tp.left is not None else ())]
        rows_r = [b.indicators[k] for k in (tp.right.indicators if tp.right is not None else ())]
        pairs = pair_rows(rows_l, rows_r, lambda i: i.name, lambda x, y: indicator_changes(x, y, levels), **kw)
        for p in pairs:
            if p.status == "matched":
                share_and_weaker(p, *levels)
        out.indicators += pairs
    out.projects = pair_rows(a.projects, b.projects, lambda p: p.title, _title_and_text_changes, **kw)
    out.sections = pair_rows(_headings(a), _headings(b), lambda h: h.title,
                             lambda x, y: _renamed("title", x.title, y.title),
                             group=lambda h: h.level, **kw)
    out.tasks = pair_rows(a.tasks, b.tasks, lambda t: t.title, _title_and_text_changes, **kw)
    out.prose = pair_rows(_prose_items(a), _prose_items(b), lambda f: f.name or f.quantity.context, _prose_changes,
                          group=lambda f: (f.part, _unit_family(f.quantity)), **kw)
    return out
