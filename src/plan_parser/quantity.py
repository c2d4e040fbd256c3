"""The quantity grammar: indicator cells and number phrases in running text.

One grammar serves both a table cell (``parse_quantity``) and prose
(``extract_quantities``), so a number means the same wherever a plan writes it.
A phrase is::

    [comparator] number [prefix][余|多][unit] [— number [prefix][unit]] [comparator]

Units and their multipliers are data (``data/units.toml``), read once.

Placeholder cells, for which ``parse_quantity`` returns ``None``: the empty
cell, any run of dashes or slashes (``—`` ``——`` ``–`` ``-`` ``－`` ``―`` ``/``
``／`` ``\\``), ``无``, ``暂无`` and ``N/A`` (any case), also when wrapped in
brackets, followed by footnote markers or said to be 累计.

Decisions beyond the comparator list of the contract: ``余`` and ``多`` between
a number and its unit (3000余名, 6.4万余名) read as ">" with ``lower`` set; a
two- or three-digit Chinese digit string without zero (三五个) is "three or
five", hence text.  Ranges keep ``lower``/``upper`` in the written unit and have
``value``, ``base_value`` and ``base_unit`` null.  A number with no unit at all
has ``base_value`` = ``value`` and ``base_unit`` null.
"""
from __future__ import annotations

import bisect
import functools
import math
import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources

import regex

from .model import Quantity
from .numerals import ARABIC_PATTERN, FULLWIDTH_DIGITS, NUMERAL_CHARS, parse_decimal

__all__ = ["parse_quantity", "extract_quantities", "format_quantity", "is_unit", "is_listed_unit", "is_placeholder"]

# Same-length replacements only: prose offsets must stay valid after it.
_NORMALIZE = FULLWIDTH_DIGITS | str.maketrans(
    {
        "％": "%", "：": ":", "∶": ":", "～": "~", "〜": "~", "＞": ">", "＜": "<",
        "＝": "=", "≧": "≥", "≦": "≤", "⩾": "≥", "⩽": "≤", "－": "-", "−": "-",
        "［": "[", "］": "]", "／": "/", "＋": "+",
    }
)

_PRE = {
    "超过": ">", "超": ">", "高于": ">", "大于": ">", ">": ">",
    "低于": "<", "小于": "<", "<": "<",
    "不低于": ">=", "不少于": ">=", "至少": ">=", ">=": ">=", "≥": ">=",
    "不超过": "<=", "不超": "<=", "不高于": "<=", "不多于": "<=", "<=": "<=", "≤": "<=",
    "约": "~", "大约": "~",
}
_POST = {"以上": ">=", "以内": "<=", "以下": "<=", "左右": "~"}
_INFIX = {"余": ">", "多": ">"}
# 约 ends 节约 and 制约; there it is a verb, not "about".
_PRE_GUARD = {"约": "(?<![节制预契])", "超": "(?<![赶])"}  # 赶超: "catch up", not "more than"
_DIRECTION = {">": "lower", ">=": "lower", "<": "upper", "<=": "upper", "~": "about"}
_CANONICAL = {"=": "", ">": ">", "<": "<", ">=": "≥", "<=": "≤", "~": "约"}

_BRACKETS = {"[": "]", "〔": "〕", "【": "】"}
#: A bracketed figure with a comparator before it or a qualifier after it, outside the brackets.
_BRACKET_WITH_QUALIFIER = regex.compile(
    r"(?P<pre>[<>≤≥=约]{0,2})(?P<open>[\[〔【])(?P<inner>[^\]〕】\[〔【]+)(?P<close>[\]〕】])(?P<post>[^\d]{1,3})?")
_FOOTNOTE = regex.compile(r"[*※＊△\u2460-\u2469]+$")
_PLACEHOLDER = regex.compile(r"[-–—―‒─－−/／\\]*|无|暂无|(?i:n/a)")
_WHITESPACE = regex.compile(r"\s+")
#: Two numbers side by side (``5	6``, ``5 6``: cells run together): not one number.  A space
#: before exactly three digits is a thousands separator (``1 000``) and joins.
_SPLIT_DIGITS = regex.compile(r"\d\s+(?!\d{3}(?!\d))\d")
_CUMULATIVE = regex.compile(r"[（(]?累计[）)]?")
_CLAUSE_BREAKS = frozenset("，。；、！？,;!?\n\r")
_CONTEXT_WIDTH = 30
_LEADING_HEAD = regex.compile(r"([^、，,；;]+)[、，,；;].")
_QUOTES = {"“": "”", "《": "》", "「": "」", "『": "』"}

_SIGNED_NUMBER = (
    rf"[-+]?(?:{ARABIC_PATTERN}"
    r"|[零〇○一二两三四五六七八九十][零〇○一二两三四五六七八九十百千万亿]*"
    r"(?:点[零〇○一二三四五六七八九]+)?)"
)
# A phrase never starts inside another number, word or ordinal (第三, 每万人, 5G), nor
# at the Chinese numeral of 数十/数百 ("several tens"); after 人数 a digit does start one
# (参保人数15.3万人).
_START = (rf"(?<![0-9A-Za-z.,\-+第每几{NUMERAL_CHARS}])"
          rf"(?!(?<=数)[{NUMERAL_CHARS}])")
_RANGE_SEPARATOR = r"(?:——|[—–\-~至到])"
_NUMBER_START = "+-0123456789零〇○一二两三四五六七八九十"  # what _SIGNED_NUMBER can begin with


@dataclass(frozen=True)
class _Grammar:
    """The unit table and the patterns built from it."""

    prefixes: dict[str, Decimal]
    units: frozenset[str]
    aliases: dict[str, str]
    prose_skip_units: frozenset[str]
    prose_not_before: dict[str, str]
    idioms: regex.Pattern
    phrase: regex.Pattern
    ratio: regex.Pattern
    writable_unit: regex.Pattern

    @functools.cached_property
    def _prefixed_units(self) -> tuple[str, ...]:
        """The units that open with a prefix character (千克, 千瓦时, 千米)."""
        return tuple(u for u in self.units if u.startswith(tuple(self.prefixes)))

    def decompose(self, unit: str) -> tuple[str | None, Decimal]:
        """(base unit, factor): 万人次 → (人次, 10000); a bare 万 → (None, 10000).  A prefix only
        where no unit starts, as in the grammar: 千克标准煤 is kilograms (千克), not 1,000 克标准煤."""
        if unit in self.units:
            return self.aliases.get(unit, unit), Decimal(1)
        for prefix in sorted(self.prefixes, key=len, reverse=True):
            if unit.startswith(prefix):
                if unit.startswith(self._prefixed_units):
                    return unit, Decimal(1)  # 千克标准煤: the unit 千克 opens it
                rest = unit[len(prefix):]
                return (self.aliases.get(rest, rest) or None), self.prefixes[prefix]
        return unit, Decimal(1)


def _alternation(words) -> str:
    """Longest first, so 个百分点 wins over 个 and 万人次 over 万人."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _unit_table() -> dict:
    return tomllib.loads((resources.files(__package__) / "data" / "units.toml").read_text("utf-8"))


@functools.cache
def _grammar() -> _Grammar:
    data = _unit_table()
    counted, plain = data["units"]["counted"], data["units"]["plain"]
    any_unit = _alternation([*counted, *plain])
    # A prefix only where no unit starts (3千瓦 is 千瓦, 3千人 is 千 + 人).
    prefix = f"(?!{any_unit})(?:{_alternation(data['prefixes'])})"
    per = f"/(?:(?:{prefix})?(?:{any_unit})|[月日周])"

    def unit_spec(tag: str) -> str:
        """[prefix][余|多][unit[/unit]]; after a prefix only a counted unit."""
        return (
            f"(?P<{tag}_pfx>{prefix})?(?P<{tag}_approx>[余多])?"
            f"(?P<{tag}_unit>(?({tag}_pfx)(?:{_alternation(counted)})|(?:{any_unit}))"
            f"(?:{per})?)?"
        )

    def side(tag: str) -> str:
        return f"(?P<{tag}>{_SIGNED_NUMBER}){unit_spec(tag)}"

    pre = "|".join(
        _PRE_GUARD.get(w, "") + regex.escape(w) for w in sorted(_PRE, key=len, reverse=True)
    )
    # Which characters a phrase can start with, checked first: it lets the engine skip
    # most positions of running text at once (ten times faster on the reference plan).
    first = "".join(sorted(set(_NUMBER_START) | {w[0] for w in _PRE}))
    phrase = (
        f"(?=[{regex.escape(first)}]){_START}(?P<pre>{pre})?"
        f"(?:{side('a')}{_RANGE_SEPARATOR}{side('b')}|{side('n')})"
        f"(?P<post>{_alternation(_POST)})?"
    )
    return _Grammar(
        prefixes={k: Decimal(v) for k, v in data["prefixes"].items()},
        units=frozenset([*counted, *plain]),
        aliases=dict(data.get("aliases", {})),
        prose_skip_units=frozenset(data["prose"]["skip_units"]),
        prose_not_before=dict(data["prose"].get("not_before", {})),
        idioms=regex.compile(_alternation(data["prose"]["idioms"])),
        phrase=regex.compile(phrase),
        ratio=regex.compile(f"{_SIGNED_NUMBER}(?::{_SIGNED_NUMBER})+"),
        writable_unit=regex.compile(unit_spec("u")),
    )


# -- reading a matched phrase ------------------------------------------------


def _finite(number: Decimal) -> float:
    value = float(number)
    if not math.isfinite(value):
        raise ValueError("number out of range")
    return value


def _comparator(m: regex.Match) -> str:
    """The one comparator the words around the number agree on ("=" if none)."""
    approx = m["n_approx"] or m["a_approx"] or m["b_approx"]
    found = [s for s in (_PRE.get(m["pre"]), _INFIX.get(approx), _POST.get(m["post"])) if s]
    if not found:
        return "="
    if any(_DIRECTION[s] != _DIRECTION[found[0]] for s in found):
        raise ValueError("contradicting comparators")
    return found[0]


def _side(m: regex.Match, tag: str) -> tuple[Decimal, str | None, bool]:
    """(number, written unit, whether that unit is a bare prefix such as 万)."""
    token, prefix, unit = m[tag], m[f"{tag}_pfx"] or "", m[f"{tag}_unit"]
    # 三万人 is 3 万人 like 3万人; but 一万二千人 and 三亿五千万 stay whole.
    if not prefix and len(token) > 1 and token[-1] in "万亿" and not any(
        ch in "万亿" for ch in token[:-1]
    ):
        token, prefix = token[:-1], token[-1]
    written = prefix + unit if unit else (prefix or None)
    return parse_decimal(token), written, bool(prefix) and not unit


def _resolve(g: _Grammar, written: str | None, bare: bool, outer: str | None) -> str | None:
    """A side's unit: its own, or the outer one, or a bare 万 joined to the outer base."""
    if written is None:
        return outer
    if bare and outer:
        base = g.decompose(outer)[0]
        return written + base if base else written
    return written


def _build(g: _Grammar, m: regex.Match, raw: str, outer: str | None) -> Quantity | None:
    """The quantity a phrase match names, or None when its parts disagree."""
    try:
        comparator = _comparator(m)
        if m["n"] is not None:
            number, written, bare = _side(m, "n")
            unit = _resolve(g, written, bare, outer)
            base_unit, factor = g.decompose(unit) if unit else (None, Decimal(1))
            value = _finite(number)
            return Quantity(
                raw=raw, kind="number", value=value,
                lower=value if comparator in (">", ">=") else None,
                upper=value if comparator in ("<", "<=") else None,
                unit=unit, base_value=_finite(number * factor), base_unit=base_unit,
                comparator=comparator,
            )
        low, low_written, low_bare = _side(m, "a")
        high, high_written, high_bare = _side(m, "b")
        high_unit = _resolve(
            g, high_written, high_bare, outer if low_bare or not low_written else low_written
        )
        if _resolve(g, low_written, low_bare, high_unit) != high_unit:
            return None
        return Quantity(
            raw=raw, kind="range", lower=_finite(low), upper=_finite(high),
            unit=high_unit, comparator=comparator,
        )
    except (ValueError, ArithmeticError):
        return None


# -- public API ----------------------------------------------------------------


@functools.cache
def rate_units() -> frozenset[str]:
    """The units of rates (units.toml's ``rates``: %, ‰, 个百分点, 1/10万 …); reads the
    table only, so a module may call it when imported."""
    return frozenset(_unit_table()["units"]["rates"])


def is_rate_unit(text: str) -> bool:
    """Whether ``text`` as written is a unit of rates: ``%``, ``％``, ``百分点`` (an alias of
    个百分点), ``1/10万`` … (units.toml's ``rates``)."""
    unit = _WHITESPACE.sub("", text.translate(_NORMALIZE))
    return _unit_table()["aliases"].get(unit, unit) in rate_units()


def is_listed_unit(text: str) -> bool:
    """Whether ``text`` is a unit units.toml lists as it is (千克, 千米, 户), not one built
    with a prefix (万元 = 万 + 元, 千户 = 千 + 户)."""
    unit = _WHITESPACE.sub("", text.translate(_NORMALIZE))
    grammar = _grammar()
    return unit in grammar.units or unit in grammar.aliases


def is_unit(text: str) -> bool:
    """Whether ``text`` is a unit the grammar knows: 万人, %, 万人次, 元/人, 万.

    Lets a table reader tell ``就业人数（万人）`` (a unit) from ``示范机构（实训）``
    (part of the name).  A unit missing here belongs in ``units.toml``.
    """
    unit = _WHITESPACE.sub("", text.translate(_NORMALIZE))
    return bool(unit) and _grammar().writable_unit.fullmatch(unit) is not None


def _split_footnote(s: str) -> tuple[str, str]:
    m = _FOOTNOTE.search(s)
    return (s[: m.start()], m.group()) if m else (s, "")


def is_placeholder(s: str) -> bool:
    """A cell that says "nothing here": empty, dashes or slashes, 无, 暂无, N/A."""
    return _PLACEHOLDER.fullmatch(s.strip()) is not None


def parse_quantity(
    raw: str, unit: str | None = None, *, brackets_cumulative: bool = False, leading: bool = False
) -> Quantity | None:
    """Read one indicator cell (or a short phrase); never raises.

    ``unit`` is the row's unit, used when the cell writes none; a unit in the
    cell wins.  Returns None for a placeholder cell (see the module docstring)
    and a ``kind="text"`` quantity for anything that is not a number, range or
    ratio (保持稳定).  Brackets ``[ ]`` ``〔 〕`` ``【 】`` mark a five-year total
    only when the table says so (``brackets_cumulative``); the word 累计 always
    does.  ``year`` is left for the caller.

    With ``leading``, a cell that writes a figure and then words after ``、`` ``，``
    ``；`` (``>7、力争投入强度高于“十三五”时期实际``) is read as that figure; ``raw``
    keeps the whole cell.
    """
    text = raw.strip()
    if is_placeholder(text):
        return None
    if _SPLIT_DIGITS.search(text):
        return Quantity(raw=text, kind="text")  # kept as written, never read as 56
    body, footnote = _split_footnote(_WHITESPACE.sub("", text.translate(_NORMALIZE)))
    said_cumulative = "累计" in body
    body = _CUMULATIVE.sub("", body)  # first, so 〔4.5〕以上（累计） is a bracket with its qualifier
    bracketed = len(body) > 1 and _BRACKETS.get(body[0]) == body[-1]
    if bracketed:
        body, inner = _split_footnote(body[1:-1])
        footnote = inner + footnote
    elif m := _BRACKET_WITH_QUALIFIER.fullmatch(body):  # 〔4.5〕以上, >〔4.5〕: a total with its qualifier outside
        if _BRACKETS[m.group("open")] == m.group("close"):
            bracketed, body = True, m.group("pre") + m.group("inner") + (m.group("post") or "")
    cumulative = (bracketed and brackets_cumulative) or said_cumulative
    if is_placeholder(body):
        return None
    g = _grammar()
    row_unit = (unit or "").strip().translate(_NORMALIZE) or None
    quantity = _read_cell(g, body, text, row_unit)
    if quantity is None and leading:
        head = _LEADING_HEAD.match(body)
        quantity = _read_cell(g, head.group(1), text, row_unit) if head else None
    quantity = quantity or Quantity(raw=text, kind="text")
    quantity.footnote = footnote or None
    quantity.cumulative = cumulative
    return quantity


def _read_cell(g: _Grammar, body: str, raw: str, row_unit: str | None) -> Quantity | None:
    if g.ratio.fullmatch(body):
        try:
            parts = [_finite(parse_decimal(p)) for p in body.split(":")]
        except (ValueError, ArithmeticError):
            return None
        return Quantity(raw=raw, kind="ratio", parts=parts, unit=row_unit, comparator="=")
    m = g.phrase.fullmatch(body)
    return _build(g, m, raw, row_unit) if m else None


def extract_quantities(text: str) -> list[Quantity]:
    """Every number-with-unit phrase of running text, in order.

    Only a number followed by a unit of ``units.toml`` counts; bare numbers,
    ordinals (第三), years and periods (2025年, 2021—2025年), anything inside
    quotes or book-title marks (“十四五”, “1+N”, 《…》), set phrases (一次性)
    and ratios are skipped.  ``context`` is the clause around the phrase (up to
    ，。；、！？ or a line break), cut to about 30 characters; 累计 earlier in
    that clause makes the quantity cumulative.
    """
    g = _grammar()
    norm = text.translate(_NORMALIZE)
    quoted = _quoted_spans(norm)
    found: list[Quantity] = []
    for m in g.phrase.finditer(norm):
        last = "n" if m["n"] is not None else "b"
        unit = m[f"{last}_unit"]
        if (
            not unit
            or _inside(quoted, m.start())
            or g.idioms.match(norm, m.start())
            or g.decompose(unit)[0] in g.prose_skip_units
            or _starts_word(g, unit, norm[m.end():m.end() + 1])
        ):
            continue
        quantity = _build(g, m, text[m.start() : m.end()], None)
        if quantity is None:
            continue
        start, end = _clause(norm, m.start(), m.end())
        quantity.cumulative = "累计" in norm[start : m.end()]
        left, right = _window(start, end, m.start(), m.end())
        quantity.context = text[left:right]
        found.append(quantity)
    return found


def _starts_word(g: _Grammar, unit: str, after: str) -> bool:
    """The unit and the character after it open a word (三组团, 组织), per units.toml."""
    return bool(after) and after in g.prose_not_before.get(g.decompose(unit)[0] or "", "")


_QUOTE_SPAN = regex.compile("|".join(f"{regex.escape(o)}[^{regex.escape(c)}。\n]*" for o, c in _QUOTES.items()))


def _quoted_spans(s: str) -> list[tuple[int, int]]:
    """Spans inside “…”, 《…》, 「…」 or 『…』 (an unclosed mark ends at 。 or the line end)."""
    return [m.span() for m in _QUOTE_SPAN.finditer(s)]


def _inside(spans: list[tuple[int, int]], index: int) -> bool:
    """Whether ``index`` falls inside one of the quoted ``spans`` (the opening mark included)."""
    i = bisect.bisect_right(spans, (index, math.inf)) - 1
    return i >= 0 and spans[i][0] <= index < spans[i][1]


def _clause(s: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and s[start - 1] not in _CLAUSE_BREAKS:
        start -= 1
    while end < len(s) and s[end] not in _CLAUSE_BREAKS:
        end += 1
    return start, end


def _window(clause_start: int, clause_end: int, start: int, end: int) -> tuple[int, int]:
    """The phrase with as much of its clause around it as fits the width."""
    room = max(_CONTEXT_WIDTH - (end - start), 0)
    right = min(clause_end - end, room - min(start - clause_start, room // 2))
    left = min(start - clause_start, room - right)
    return start - left, end + right


def _format_number(x: float) -> str:
    text = format(Decimal(repr(x)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_quantity(q: Quantity) -> str:
    """The canonical spelling of a quantity, e.g. ``累计≥0.3万名*`` or ``5—10名``.

    Round-trip guarantee: for any number, range or ratio with finite values, a
    footnote made of marker characters (``*`` ``※`` ``＊`` ``△`` ①–⑩) and any
    comparator, ``parse_quantity(format_quantity(q), unit=q.unit)`` gives back
    the same kind, value, lower, upper, parts, unit, comparator, footnote and
    cumulative flag.  Units from ``units.toml`` (with or without a prefix) are
    written out and round-trip even without ``unit=``; other units (and the
    unit of a ratio) are left to the ``unit`` argument.  A text quantity
    formats as its ``raw``.
    """
    if q.kind == "text":
        return q.raw
    g = _grammar()
    unit = q.unit if q.unit and g.writable_unit.fullmatch(q.unit) else ""
    if q.kind == "ratio":
        body = ":".join(_format_number(p) for p in q.parts or [])
    elif q.kind == "range":
        body = f"{_format_number(q.lower)}—{_format_number(q.upper)}{unit}"
    else:
        body = f"{_format_number(q.value)}{unit}"
    prefix = ("累计" if q.cumulative else "") + _CANONICAL[q.comparator or "="]
    return f"{prefix}{body}{q.footnote or ''}"
