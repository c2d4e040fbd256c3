"""The plan model: plain dataclasses whose field names are the public contract.

Every field here appears, with the same name, in ``Plan.to_dict()`` and so in the
JSON output; ``docs/schema.md`` and ``schema/plan.schema.json`` describe them.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict

SCHEMA_VERSION = "1"

#: The closed vocabularies of the contract, as types (the JSON Schema lists the same values;
#: ``tests/test_contract.py`` checks that they agree).
QuantityKind = Literal["number", "range", "ratio", "text"]
Comparator = Literal["=", ">", ">=", "<", "<=", "~"]
SourceFormat = Literal["txt", "docx", "html", "md", "pdf"]
Level = Literal["国家", "省", "市", "区", "县"]
ColumnKind = Literal["indicators", "projects", "other"]
AttributeCode = Literal["anticipatory", "binding"]


class Loc(TypedDict, total=False):
    """Where an item stands in its source, so a reader can check it.

    Text and Markdown give ``line`` (1-based, of the first line) and, for an item that
    runs over several lines, ``end_line``; docx and HTML give ``block`` (index in document
    order) and ``row`` for a table row (``cell``/``paragraph`` inside a cell, and a ``within``
    list of such steps inside a nested table); PDF gives ``page`` (1-based) with
    ``block``/``row``.
    A ``Loc`` is a plain dict at run time, so it serializes to JSON as it is.
    """

    line: int
    end_line: int
    block: int
    end_block: int
    row: int
    cell: int
    paragraph: int
    page: int
    end_page: int
    within: list[dict[str, int]]


#: The words :func:`loc_text` writes, in English; a view in another language passes its own.
LOC_WORDS = {"page": "page", "line": "line", "block": "block"}


def loc_text(loc: Loc | dict | None, words: dict[str, str] | None = None) -> str:
    """A location as a reader looks it up: ``line 12``, ``block 19/3`` (a table's row 3),
    ``page 4 block 19/3`` for a PDF; ``""`` for none.  The one formatter of every view
    (terminal, Markdown, reports, ``glossary missing``)."""
    if not loc:
        return ""
    words = {**LOC_WORDS, **(words or {})}
    parts = [f"{words['page']} {loc['page']}"] if loc.get("page") is not None else []
    if loc.get("line") is not None:
        parts.append(f"{words['line']} {loc['line']}")
    elif loc.get("block") is not None:
        parts.append(f"{words['block']} {loc['block']}" + (f"/{loc['row']}" if loc.get("row") is not None else ""))
    return " ".join(parts)


def loc_span(first: Loc | dict, last: Loc | dict) -> dict:
    """A location running from ``first`` to ``last``: ``{"line": 3, "end_line": 7}``, and
    ``end_block`` / ``end_page`` where an item runs over blocks or pages."""
    loc = dict(first)
    for key in ("line", "block", "page"):
        end = last.get(f"end_{key}", last.get(key))
        if end is not None and end != first.get(key):
            loc[f"end_{key}"] = end
    return loc


def loc_key(loc: Loc | dict | None) -> tuple:
    """A sort key for locations of one plan: document order, tables by row.

    Locations of one plan always use the same keys, so their keys compare; ``None`` (an
    item built by hand) sorts first.
    """
    if not loc:
        return (0, 0, 0, 0)
    return (loc.get("page", 0), loc.get("line", loc.get("block", 0)), loc.get("row", -1), 0)


@dataclass
class Quantity:
    """A number as a plan writes it, with its normalized reading.

    ``raw`` keeps the text exactly as written; everything else is derived from it
    (see ``docs/schema.md`` for each field).  ``year`` is set for indicator cells,
    ``context`` for quantities found in running text.
    """

    raw: str
    kind: QuantityKind
    value: float | None = None
    lower: float | None = None
    upper: float | None = None
    parts: list[float] | None = None
    unit: str | None = None
    base_value: float | None = None
    base_unit: str | None = None
    comparator: Comparator | None = None
    cumulative: bool = False
    footnote: str | None = None
    year: int | None = None
    context: str | None = None


@dataclass
class Source:
    path: str | None
    format: SourceFormat
    encoding: str | None
    sha256: str
    script: str = "simplified"  # simplified | traditional (converted; see plan_parser.traditional)
    ocr: bool = False  # True when any text came from OCR (PDF images, through the [ocr] extra)


@dataclass
class Meta:
    title: str | None = None
    issuer: str | None = None
    region: str | None = None
    level: Level | None = None
    adcode: str | None = None  # 6-digit 行政区划代码 of region (plan_parser.places); "100000" for 中国
    period_start: int | None = None
    period_end: int | None = None
    issued_date: str | None = None  # ISO YYYY-MM-DD
    doc_number: str | None = None
    title_en: str | None = None
    region_en: str | None = None
    issuer_en: str | None = None  # English of issuer (plan_parser.bilingual)
    parent: str | None = None  # the unit region stands under: 重庆市 for 铜梁区, 中国 for a province
    parent_adcode: str | None = None


@dataclass
class TextBlock:
    """A paragraph of running text kept with its location."""

    text: str
    loc: Loc


@dataclass
class Section:
    number: int
    title: str
    loc: Loc
    title_en: str | None = None
    paragraphs: list[TextBlock] = field(default_factory=list)


@dataclass
class Chapter:
    number: int
    title: str
    loc: Loc
    title_en: str | None = None
    part: int | None = None
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[TextBlock] = field(default_factory=list)


@dataclass
class Part:
    """A 篇: the optional level above chapters in national and provincial plans."""

    number: int
    title: str
    loc: Loc
    title_en: str | None = None


@dataclass
class Column:
    """A 专栏 box: an indicator table, a project list, or other boxed text."""

    number: int
    title: str
    kind: ColumnKind
    loc: Loc
    title_en: str | None = None
    chapter: int | None = None
    section: int | None = None
    notes: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    paragraphs: list[TextBlock] = field(default_factory=list)


#: The :class:`Indicator` fields that hold a value of the table, in column order: what the
#: table reader fills, the frames flatten, the diff compares and the reports show.
INDICATOR_VALUES = ("baseline", "target", "actual", "growth")


@dataclass
class Indicator:
    column: int
    seq: int
    name: str
    loc: Loc
    category: str | None = None
    category_en: str | None = None
    name_en: str | None = None
    unit: str | None = None
    unit_en: str | None = None
    parent_seq: int | None = None
    attribute: str | None = None
    attribute_code: AttributeCode | None = None
    baseline: Quantity | None = None
    target: Quantity | None = None
    actual: Quantity | None = None
    #: The 年均/累计 column's value (年均增长, 五年累计 …): an average growth or a multi-year total.
    growth: Quantity | None = None
    footnote: str | None = None
    #: Index in ``Plan.columns`` of the 专栏 that holds this row, set when the plan is built
    #: (``column`` is only its printed number, which 专栏1 and 专栏1（续） share).
    table: int | None = None


@dataclass
class Project:
    column: int
    seq: int
    title: str
    text: str
    loc: Loc
    title_en: str | None = None
    quantities: list[Quantity] = field(default_factory=list)
    group: str | None = None  # the 一、/（一） heading inside the 专栏 that the item stands under
    #: Index in ``Plan.columns`` of the 专栏 that holds this item (see ``Indicator.table``).
    table: int | None = None


@dataclass
class Task:
    chapter: int | None
    section: int | None
    seq: int
    title: str
    text: str
    loc: Loc
    title_en: str | None = None


@dataclass
class ParseWarning:
    """Something the parser could not place or had to guess: a ``warnings[]`` entry."""

    code: str
    message: str
    location: Loc


#: The old name, kept so that existing imports go on working; it shadowed the builtin.
Warning = ParseWarning


@dataclass
class Plan:
    """A parsed plan.  Build one with :func:`plan_parser.load_plan`."""

    source: Source
    meta: Meta = field(default_factory=Meta)
    preamble: list[TextBlock] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    original_text: list[TextBlock] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION

    # -- views -------------------------------------------------------------
    @property
    def sections(self) -> list[Section]:
        """All sections of all chapters, in order."""
        return [s for c in self.chapters for s in c.sections]

    def column(self, number: int) -> Column:
        """The 专栏 with this number (the first, if a plan repeats one)."""
        for col in self.columns:
            if col.number == number:
                return col
        raise KeyError(f"no 专栏{number}")

    # -- output ------------------------------------------------------------
    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The plan as plain JSON-ready data, in the contract's field order.

        ``lang=None`` or ``"zh"`` gives the contract's shape: Chinese labels with
        their ``*_en`` companions.  ``lang="en"`` is a display view: every label
        that has an English rendering shows it, and the Chinese moves to ``*_zh``.
        """
        data = dataclasses.asdict(self)
        ordered = {"schema_version": data.pop("schema_version")}
        ordered.update(data)
        if lang == "en":
            _swap_labels(ordered)
        elif lang not in (None, "zh"):
            raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
        return ordered

    def to_json(self, *, indent: int | None = 2, lang: str | None = None) -> str:
        """The plan as JSON text (UTF-8 characters kept, not escaped)."""
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=indent)

    def _repr_html_(self) -> str:
        """A compact card in notebooks (meta, counts, indicator tables): :mod:`plan_parser.display`."""
        from .display import plan_html_repr

        return plan_html_repr(self)

    def to_frames(self) -> dict[str, Any]:
        """pandas DataFrames (indicators, projects, …); see ``docs/export.md``."""
        from .frames import plan_to_frames

        return plan_to_frames(self)


def _swap_labels(node: Any) -> None:
    """In place: ``name``/``name_en`` → English in ``name``, Chinese in ``name_zh``."""
    if isinstance(node, list):
        for item in node:
            _swap_labels(item)
    elif isinstance(node, dict):
        for key in [k for k in node if k.endswith("_en")]:
            base = key[:-3]
            if base in node and node[key] is not None:
                node[f"{base}_zh"], node[base] = node[base], node[key]
        for value in node.values():
            if isinstance(value, (list, dict)):
                _swap_labels(value)
