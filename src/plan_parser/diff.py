"""Diff two plans: indicators, projects and headings, paired by name.

One matcher, :func:`match_items`, pairs items of any kind by a text key, in
three passes, each one-to-one:

1. ``exact``      — the keys are equal;
2. ``normalized`` — equal after :func:`normalize_key` (full/half width, spacing,
   punctuation, leading numbering and 其中, a trailing unit such as （万人）);
3. ``fuzzy``      — the mean of rapidfuzz's ``token_set_ratio`` on jieba tokens and
   its character ``ratio``, over 100; pairs at or above :data:`FUZZY_THRESHOLD`
   are taken best first (ties in document order).

Indicator tables are paired first (the main table with the main table, the
review table — the one with actual values — with the review table; by target
year, then title; untitled tables and tables of equal title in document order),
and indicators are matched inside each pair of tables.  Each table brings the
indicators it owns (:func:`table_refs`), never "every indicator with its 专栏
number", so untitled tables (专栏 number 0) and a repeated number (专栏1 …
专栏1（续）) keep their rows apart.  Projects and chapter/section titles are
matched by title the same way.

jieba is imported only when a fuzzy pass has something to compare, and its
default dictionary is loaded into a private tokenizer (:func:`default_tokenizer`),
never the global ``jieba.dt`` and never the glossary's tokenizer, whose added
glossary words would change the scores.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import re
import threading
import tomllib
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, TypeVar

from .glossary import normalize
from .model import SCHEMA_VERSION, Indicator, Plan, Quantity

__all__ = ["FUZZY_THRESHOLD", "Match", "Change", "ItemPair", "Heading", "TableRef", "PlanDiff",
           "diff_plans", "match_items", "normalize_key", "fuzzy_score", "compare_targets",
           "less_is_better", "unit_base", "quantity_signature", "RATE_UNITS", "LEVEL_RANK",
           "clear_caches", "default_tokenizer", "table_refs", "pair_tables"]

#: Lowest fuzzy score that still pairs two names.  Chosen on the reference plan
#: and its neighbours: true renamings score 0.83 and up (失业保险 ~ 失业保险参保人数
#: 0.83, 城镇新增就业 ~ 城镇新增就业人数 0.87, 城镇调查失业率 ~ 全区城镇调查失业率
#: 0.94), while different indicators that share words score below 0.8
#: (专业技能人才总量 ~ 专业技术人才总量 0.78, 城镇调查失业率 ~ 城镇登记失业率 0.68,
#: 城镇登记失业人员就业人数 ~ 城镇新增就业人数 0.64, 高技能人才总量 ~ 高级职称人才总量
#: 0.63; the table in docs/diff.md).  A missed renaming shows as one row dropped and
#: one added; a wrong pair would hide both, so the bar errs high.
FUZZY_THRESHOLD = 0.8

#: Base units of rates: a target in one of these is a rate, never a count.
RATE_UNITS = frozenset({"%", "‰", "个百分点"})
#: Administrative rank, upper levels first; 区 and 县 are the same rank.
LEVEL_RANK = {"省": 0, "市": 1, "区": 2, "县": 2}

T = TypeVar("T")


# -- the matcher ---------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """How a pair was made: ``exact``/``normalized`` score 1.0, ``fuzzy`` its score."""

    method: str
    score: float


_NON_WORD = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=4096)
def normalize_key(text: str | None) -> str:
    """The name with width, spacing, punctuation, numbering, 其中 and unit evened out."""
    return _NON_WORD.sub("", normalize(text or "")).lower()


_TOKENIZER = None
_TOKENIZER_LOCK = threading.Lock()


def default_tokenizer():
    """jieba's default dictionary in a private ``jieba.Tokenizer``, built once per process.

    The fuzzy score's only tokenizer (the diff's and the check's).  Private, so that
    nothing else changes its words: not user code adding words to the global
    ``jieba.dt``, and not :mod:`plan_parser.glossary`, whose tokenizer holds every
    glossary key as one word (``失业保险参保人数``), which would make 失业保险 ~
    失业保险参保人数 score 0.67 instead of 0.83 (see docs/diff.md).  Imported and
    built on the first fuzzy comparison only (about 0.7 s).
    """
    global _TOKENIZER
    if _TOKENIZER is None:
        with _TOKENIZER_LOCK:
            if _TOKENIZER is None:
                import logging

                import jieba

                jieba.setLogLevel(logging.CRITICAL + 10)
                tok = jieba.Tokenizer()
                tok.initialize()
                _TOKENIZER = tok
    return _TOKENIZER


@functools.lru_cache(maxsize=4096)
def _tokens(key: str) -> str:
    return " ".join(t for t in default_tokenizer().lcut(key) if t.strip())


def clear_caches() -> None:
    """Forget memoized keys, tokens and units (benchmarks measure a diff from scratch with it)."""
    for cached in (normalize_key, _tokens, unit_base):
        cached.cache_clear()


#: Applied when each name has a word the other lacks (专业技能 vs 专业技术): a word
#: swapped for another usually names a different indicator, while a name that only
#: adds words (失业保险 → 失业保险参保人数) usually names the same one.
SUBSTITUTION_FACTOR = 0.9


def fuzzy_score(a: str, b: str) -> float:
    """Similarity of two normalized keys in [0, 1]: words and characters weigh alike,
    discounted by :data:`SUBSTITUTION_FACTOR` when a word was swapped, not added."""
    from rapidfuzz import fuzz

    tokens_a, tokens_b = _tokens(a), _tokens(b)
    words = fuzz.token_set_ratio(tokens_a, tokens_b)
    chars = fuzz.ratio(a, b)
    score = (words + chars) / 200
    only_a = [t for t in tokens_a.split() if t not in b]  # 就业 inside 就业人数 is no swap
    only_b = [t for t in tokens_b.split() if t not in a]
    if only_a and only_b:
        score *= SUBSTITUTION_FACTOR
    return round(score, 4)


def match_items(left: Sequence[T], right: Sequence[T], key: Callable[[T], str | None], *,
                group: Callable[[T], Hashable] | None = None,
                threshold: float = FUZZY_THRESHOLD) -> list[tuple[int | None, int | None, Match | None]]:
    """Pair ``left`` with ``right`` one-to-one by ``key``; ``group`` values must agree.

    Returns ``(i, j, match)`` for pairs, ``(i, None, None)`` and ``(None, j, None)``
    for the rest, in reading order: left order, each right-only item after the
    pair that precedes it on the right.
    """
    grp = group or (lambda _item: None)
    lgroups, rgroups = [grp(x) for x in left], [grp(x) for x in right]
    raw_l, raw_r = [key(x) or "" for x in left], [key(x) or "" for x in right]
    pairs: dict[int, tuple[int, Match]] = {}
    free_r = set(range(len(right)))
    for method, keys_l, keys_r in (("exact", raw_l, raw_r),
                                   ("normalized", [normalize_key(k) for k in raw_l],
                                    [normalize_key(k) for k in raw_r])):
        index: dict[tuple, list[int]] = {}
        for j in sorted(free_r):
            index.setdefault((rgroups[j], keys_r[j]), []).append(j)
        for i in range(len(left)):
            if i in pairs or not keys_l[i]:
                continue
            candidates = index.get((lgroups[i], keys_l[i]))
            if candidates:
                j = candidates.pop(0)
                pairs[i] = (j, Match(method, 1.0))
                free_r.discard(j)
    scored = [(fuzzy_score(normalize_key(raw_l[i]), normalize_key(raw_r[j])), i, j)
              for i in range(len(left)) if i not in pairs and raw_l[i]
              for j in sorted(free_r) if raw_r[j] and lgroups[i] == rgroups[j]]
    for score, i, j in sorted((s for s in scored if s[0] >= threshold), key=lambda s: (-s[0], s[1], s[2])):
        if i not in pairs and j in free_r:
            pairs[i] = (j, Match("fuzzy", score))
            free_r.discard(j)
    return _reading_order(len(left), pairs, free_r)


def _reading_order(n_left: int, pairs: dict[int, tuple[int, Match]], free_r: set[int]):
    rows: list[tuple[tuple, tuple]] = []
    right_to_left = {j: i for i, (j, _m) in pairs.items()}
    for i in range(n_left):
        j, m = pairs.get(i, (None, None))
        rows.append(((i, 0, -1), (i, j, m)))
    for j in sorted(free_r):
        before = [right_to_left[k] for k in right_to_left if k < j]
        anchor = max(before, default=-1)
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


def less_is_better(*indicators: Indicator | None) -> bool:
    """Whether a smaller target is better: a word of ``sense.toml`` or an upper bound."""
    for ind in indicators:
        if ind is None:
            continue
        if any(word in ind.name for word in _less_words()):
            return True
        if ind.target is not None and ind.target.comparator in ("<", "<="):
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


# -- the diff model ----------------------------------------------------------------


@dataclass
class Change:
    """One differing field of a matched pair; ``direction`` only for ``target``."""

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
    owns: an untitled table has column number 0 like every other untitled table,
    and 专栏1（续） has the number of 专栏1, so rows are never re-selected by number.
    """

    column: int
    title: str
    role: str  # main | review
    target_year: int | None
    loc: dict
    title_en: str | None = None
    indicators: list[int] = field(default_factory=list)


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
    """The contract's ``left``/``right`` block, plus the English labels where known."""
    m = plan.meta
    return {"title": m.title, "region": m.region, "level": m.level,
            "period_start": m.period_start, "period_end": m.period_end, "title_en": m.title_en,
            "region_en": getattr(m, "region_en", None)}


@dataclass
class PlanDiff:
    """The diff of two plans, shaped as the contract's ``diff`` JSON."""

    left: dict[str, Any]
    right: dict[str, Any]
    indicators: list[ItemPair] = field(default_factory=list)
    projects: list[ItemPair] = field(default_factory=list)
    sections: list[ItemPair] = field(default_factory=list)
    tables: list[ItemPair] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION

    @property
    def summary(self) -> dict[str, int]:
        """Indicator counts; ``matched`` counts every pair, ``changed`` those with changes,
        ``renamed`` those paired under a different name (changed or not)."""
        status = [p.status for p in self.indicators]
        return {"matched": status.count("matched"), "only_left": status.count("only_left"),
                "only_right": status.count("only_right"),
                "changed": sum(p.changed for p in self.indicators),
                "renamed": sum(p.renamed for p in self.indicators)}

    @property
    def same(self) -> bool:
        """True when no indicator, project or heading differs."""
        return not any(p.different for p in (*self.indicators, *self.projects, *self.sections))

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": self.schema_version, "left": self.left, "right": self.right,
                "indicators": [p.to_dict() for p in self.indicators],
                "projects": [p.to_dict() for p in self.projects],
                "sections": [p.to_dict() for p in self.sections],
                "tables": [p.to_dict() for p in self.tables],
                "summary": self.summary}

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


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


def _renamed(field_name: str, a: str | None, b: str | None) -> list[Change]:
    return [] if normalize_key(a) == normalize_key(b) else [Change(field_name, a, b)]


def indicator_changes(a: Indicator, b: Indicator) -> list[Change]:
    """The differing fields of a matched indicator pair, in a fixed order.

    The contract's fields only: a different name is the pair's ``renamed`` flag, not a change.
    """
    out = _renamed("category", a.category, b.category)
    if unit_base(a.unit)[0] != unit_base(b.unit)[0]:
        out.append(Change("unit", a.unit, b.unit))
    if (a.attribute or "").strip() != (b.attribute or "").strip():
        out.append(Change("attribute", a.attribute, b.attribute))
    for name in ("baseline", "target", "actual"):
        qa, qb = getattr(a, name), getattr(b, name)
        if quantity_signature(qa) != quantity_signature(qb):
            direction = None
            if name == "target":
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


def share_and_weaker(pair: ItemPair, left_level: str | None, right_level: str | None) -> None:
    """Fill ``share`` (counts) and ``weaker`` (rates, across levels) of an indicator pair."""
    a, b = pair.left.target, pair.right.target
    if (_is_count(a) and _is_count(b) and a.base_unit == b.base_unit
            and a.cumulative == b.cumulative and a.base_value):
        pair.share = round(b.base_value / a.base_value, 6)
    ranks = LEVEL_RANK.get(left_level), LEVEL_RANK.get(right_level)
    if _is_rate(a) and _is_rate(b) and None not in ranks and ranks[0] != ranks[1]:
        upper, lower = (a, b) if ranks[0] < ranks[1] else (b, a)
        verdict = compare_targets(upper, lower, less_is_better(pair.left, pair.right))
        pair.weaker = None if verdict is None else verdict == "looser"


def _position(loc: dict | None) -> tuple | None:
    """Where a ``loc`` starts, as a sortable tuple; locations of one plan compare."""
    if not loc:
        return None
    if "line" in loc:
        return ("line", loc["line"], -1)
    if "block" in loc:
        return ("block", loc["block"], loc.get("row", -1))
    return None


def _owners(plan: Plan) -> tuple[dict[int, list[int]], list[list[int]]]:
    """Which column of ``plan.columns`` owns which indicators (ordinals in ``plan.indicators``).

    ``plan.indicators`` is in document order and each column owns the consecutive
    indicators with its number that follow it: an indicator goes to the last column
    with its number (an indicator table, if there is one) that starts before it.
    Where locations cannot be compared (a plan built by hand), a new run of the
    number moves on to the next such column.  Returns (column index → ordinals,
    runs of indicators whose number no column has).
    """
    candidates: dict[int, list[int]] = {}
    for c, col in enumerate(plan.columns):
        candidates.setdefault(col.number, []).append(c)
    for number, cols in candidates.items():
        tables = [c for c in cols if plan.columns[c].kind == "indicators"]
        candidates[number] = tables or cols
    starts = [_position(col.loc) for col in plan.columns]
    owned: dict[int, list[int]] = {}
    orphans: list[list[int]] = []
    cursor: dict[int, int] = {}
    previous = None
    for k, ind in enumerate(plan.indicators):
        new_run = previous != ind.column
        previous = ind.column
        cols = candidates.get(ind.column)
        if not cols:
            if new_run or not orphans:
                orphans.append([])
            orphans[-1].append(k)
            continue
        if len(cols) == 1:  # the usual case: one column has the number
            owned.setdefault(cols[0], []).append(k)
            continue
        pos = _position(ind.loc)
        if pos is not None and all(starts[c] is not None and starts[c][0] == pos[0] for c in cols):
            before = [c for c in cols if starts[c] <= pos]
            owner = before[-1] if before else cols[0]
        else:
            n = cursor.get(ind.column, -1)
            if new_run:
                n = min(n + 1, len(cols) - 1)
            cursor[ind.column] = n
            owner = cols[n]
        owned.setdefault(owner, []).append(k)
    return owned, orphans


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
    main rows from them.  Indicators whose 专栏 number no column has (a plan built by
    hand) form untitled tables of their own at the end.
    """
    owned, orphans = _owners(plan)
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


def diff_plans(a: Plan, b: Plan) -> PlanDiff:
    """Compare plan ``a`` (left) with plan ``b`` (right)."""
    out = PlanDiff(plan_side(a), plan_side(b))
    out.tables = pair_tables(table_refs(a), table_refs(b))
    for tp in out.tables:
        rows_l = [a.indicators[k] for k in (tp.left.indicators if tp.left is not None else ())]
        rows_r = [b.indicators[k] for k in (tp.right.indicators if tp.right is not None else ())]
        pairs = pair_rows(rows_l, rows_r, lambda i: i.name, indicator_changes)
        for p in pairs:
            if p.status == "matched":
                share_and_weaker(p, a.meta.level, b.meta.level)
        out.indicators += pairs
    out.projects = pair_rows(a.projects, b.projects, lambda p: p.title,
                             lambda x, y: _renamed("title", x.title, y.title)
                             + _renamed("text", x.text, y.text))
    out.sections = pair_rows(_headings(a), _headings(b), lambda h: h.title,
                             lambda x, y: _renamed("title", x.title, y.title),
                             group=lambda h: h.level)
    return out
