"""Human-readable views of a plan: a terminal table and Markdown.

Both are built from ``Plan`` objects only; JSON is ``Plan.to_json``.  The English
views (``lang="en"``) carry no Chinese: labels come from the ``*_en`` fields (a
label without English shows :data:`NO_ENGLISH`), headings read "Chapter 3 …" and
"Box 2 …", running text is left out with a marker, and values are shown in base
units with their meaning by :func:`value_text` ("84,900 persons (5-year total)",
"> 95%", "about 4.5%"), the one English rendering of a value, which the diff and
check reports use too.
"""
from __future__ import annotations

import collections
import re
import unicodedata
from decimal import Decimal

from .model import Indicator, Plan, Quantity, loc_text

#: What an English view shows for a label that has no English (never the Chinese).
NO_ENGLISH = "[no English]"
#: The output formats of the diff, check and compare reports (``report.py`` renders each;
#: the commands offer them as ``--format``): defined here, where both can import it cheaply.
REPORT_FORMATS = ("table", "json", "markdown", "csv", "html")


def display_width(text: str) -> int:
    """Terminal columns taken by ``text``: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def text_table(header: list[str], rows: list[list[str]]) -> str:
    """A plain aligned table for terminals (CJK-aware widths)."""
    widths = [max(display_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "  ".join(pad(c, w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


def truncate(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` display columns, marking the cut with …."""
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    esc = lambda s: s.replace("|", "\\|").replace("\n", " ")  # noqa: E731
    out = ["| " + " | ".join(map(esc, header)) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(map(esc, r)) + " |" for r in rows]
    return "\n".join(out)


def label_text(zh: str | None, en: str | None, lang: str) -> str:
    """The label in ``lang``; an English view never falls back to the Chinese: a label
    without English is :data:`NO_ENGLISH` (``glossary missing`` lists what to add)."""
    if lang != "en":
        return zh or ""
    return en or (NO_ENGLISH if zh else "")


def show(q: Quantity | None, lang: str = "zh") -> str:
    """A cell as written (raw) in the Chinese view, :func:`value_text` in the English
    one; an empty string for a missing value."""
    if q is None:
        return ""
    return value_text(q) if lang == "en" else q.raw


# ---------------------------------------------------------------------------
# values in English

_COMPARATOR_EN = {">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ ", "~": "about ", "=": ""}
_ATTACHED_UNITS = {"%", "‰"}


def number_text(x: float) -> str:
    """84900.0 → ``84,900``; 4.5 → ``4.5``; 0.000123 → ``0.000123`` (no float noise)."""
    d = Decimal(repr(round(x, 9)))
    text = format(d, ",f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def unit_text(unit: str | None) -> str:
    """The English of a unit (``人`` → ``persons``, ``%`` → ``%``) from the glossary's
    ``[units]``; a unit it lacks is :data:`NO_ENGLISH`."""
    if not unit:
        return ""
    from .glossary import Glossary, contains_cjk

    en = Glossary.builtin().table("units").get(unit) or Glossary.builtin().get(unit)
    if en:
        return en
    return unit if not contains_cjk(unit) else NO_ENGLISH


def _with_unit(number: str, unit: str | None) -> str:
    if not unit:
        return number
    if unit in _ATTACHED_UNITS:
        return number + unit
    return f"{number} {unit_text(unit)}"


def value_text(q: Quantity | None, *, years: int | None = 5) -> str:
    """One value in English, in its base unit and with its meaning.

    ``[8.49]`` in 万人 (cumulative) → ``84,900 persons (5-year total)``; ``>95`` in % →
    ``> 95%``; ``4.5左右`` → ``about 4.5%``; ``5—10`` in 万人 → ``50,000–100,000 persons``;
    ``1:5:4`` → ``1:5:4``; a text value (保持稳定) → its English from the glossary, else
    ``[no English]``.  ``years``: the span a cumulative value covers (None: "cumulative").
    The diff and check reports render values with this function too.
    """
    if q is None:
        return ""
    if q.kind == "text":
        return english_text(q.raw)
    unit, factor = _base_unit(q)
    if q.kind == "ratio":
        body = ":".join(number_text(p) for p in q.parts or [])
        text = body if not q.unit else f"{body} ({unit_text(q.unit)})"
    elif q.kind == "range":
        lo = number_text(q.lower * factor) if q.lower is not None else "?"
        hi = number_text(q.upper * factor) if q.upper is not None else "?"
        text = _with_unit(f"{lo}–{hi}", unit)
    else:
        value = q.base_value if q.base_value is not None else q.value
        if value is None:
            return q.raw if not has_cjk(q.raw) else NO_ENGLISH
        text = _COMPARATOR_EN.get(q.comparator or "=", "") + _with_unit(number_text(value), unit)
    if q.cumulative:
        text += f" ({years}-year total)" if years else " (cumulative)"
    if q.footnote:
        text += q.footnote if not has_cjk(q.footnote) else "*"
    return text


def _base_unit(q: Quantity) -> tuple[str | None, float]:
    """(base unit, multiplier) of a quantity: 万人 → (人, 10000), from the unit table
    (data/units.toml, through plan_parser.quantity); % and unknown units stay as written."""
    if q.value not in (None, 0) and q.base_value is not None:
        return q.base_unit, q.base_value / q.value
    if not q.unit:
        return q.unit, 1.0
    from .quantity import _grammar

    base, factor = _grammar().decompose(q.unit)
    return (base or q.unit), float(factor)


def has_cjk(text: str) -> bool:
    """:func:`plan_parser.glossary.contains_cjk`, imported when first needed."""
    from .glossary import contains_cjk

    return contains_cjk(text)


# ---------------------------------------------------------------------------
# warnings

def warnings_summary(warnings) -> str:
    """``warnings: unrecognized_table ×3, untranslated ×2`` (most frequent first), or
    ``warnings: none``: how partial a plan is, at a glance."""
    counts = collections.Counter(w.code for w in warnings)
    if not counts:
        return "warnings: none"
    return "warnings: " + ", ".join(f"{code} ×{n}" for code, n in
                                    sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


INDICATOR_HEADER = ["专栏", "#", "indicator", "unit", "baseline", "target", "actual", "attribute"]
#: The English view has no unit column: its values carry their base unit.
INDICATOR_HEADER_EN = ["box", "#", "indicator", "baseline", "target", "actual", "attribute"]
#: The 年均/累计 column (``Indicator.growth``), shown after ``actual`` only when some
#: indicator of the table has one: national and provincial plans carry targets there.
GROWTH_HEADER = {"zh": "年均/累计", "en": "growth"}
NAME_WIDTH = 56  # display columns for an indicator name in the terminal view


def has_growth(indicators: list[Indicator]) -> bool:
    """Whether any of ``indicators`` has a 年均/累计 value (the growth column is shown)."""
    return any(ind.growth is not None for ind in indicators)


def indicator_header(lang: str = "zh", *, growth: bool = False) -> list[str]:
    """The indicator table's header; with ``growth`` the 年均/累计 column after ``actual``."""
    header = list(INDICATOR_HEADER_EN if lang == "en" else INDICATOR_HEADER)
    if growth:
        header.insert(header.index("actual") + 1, GROWTH_HEADER["en" if lang == "en" else "zh"])
    return header


def indicator_rows(indicators: list[Indicator], lang: str = "zh", *, years: int | None = 5,
                   growth: bool | None = None) -> list[list[str]]:
    """One row per indicator: the Chinese view's cells as written, or the English view's
    labels and values in base units (:func:`value_text`).  ``growth`` (by default: when
    some indicator has one) adds the 年均/累计 cell after ``actual``, as
    :func:`indicator_header` does."""
    if growth is None:
        growth = has_growth(indicators)
    rows = []
    for ind in indicators:
        values = (ind.baseline, ind.target, ind.actual) + ((ind.growth,) if growth else ())
        if lang != "en":
            name = ind.name or ""
            if ind.parent_seq is not None:
                name = "  其中：" + name
            rows.append([str(ind.column), str(ind.seq), name, ind.unit or "", *(show(q) for q in values),
                         ind.attribute or ""])
            continue
        name = label_text(ind.name, ind.name_en, "en")
        if ind.parent_seq is not None:
            name = "  of which: " + name
        cells = [value_text(q, years=years) if q is not None else "" for q in values]
        rows.append([str(ind.column), str(ind.seq), name, *cells, ind.attribute_code or ""])
    return rows


def _years(plan: Plan) -> int | None:
    m = plan.meta
    if m.period_start and m.period_end and m.period_end >= m.period_start:
        return m.period_end - m.period_start + 1
    return 5


def plan_table(plan: Plan, lang: str = "zh") -> str:
    """The terminal view: a summary, the warnings by code, then every indicator."""
    m = plan.meta
    en = lang == "en"
    title = label_text(m.title, m.title_en, lang) or "(untitled plan)"
    region = label_text(m.region, m.region_en, lang) or "?"
    level = _level_label(m.level, en)
    summary = (f"{title}\n{region} ({level}) · {m.period_start or '?'}–{m.period_end or '?'} · "
               f"{len(plan.chapters)} chapters, {len(plan.sections)} sections, "
               f"{len(plan.columns)} {'boxes' if en else '专栏'}, {len(plan.indicators)} indicators, "
               f"{len(plan.projects)} projects, {len(plan.tasks)} tasks, "
               f"{len(plan.warnings)} warnings\n{warnings_summary(plan.warnings)}")
    growth = has_growth(plan.indicators)
    rows = indicator_rows(plan.indicators, lang, years=_years(plan), growth=growth)
    for row in rows:
        row[2] = truncate(row[2], NAME_WIDTH)
    return summary + "\n\n" + text_table(indicator_header(lang, growth=growth), rows)


def _level_label(level: str | None, en: bool) -> str:
    """省/市/区/县, or its English from the glossary."""
    if not level:
        return "?"
    if not en:
        return level
    from .glossary import Glossary

    return Glossary.builtin().get(level) or NO_ENGLISH


_DOC_NUMBER_RE = re.compile(r"^(?P<prefix>.*?)[〔\[【(（](?P<year>\d{4})[〕\]】)）]\s*(?P<no>\d+)\s*号?$")


def doc_number_text(doc_number: str | None, lang: str = "zh") -> str:
    """The document number; in English ``国发〔2021〕29号`` reads ``Guofa [2021] No. 29``
    (the prefix in Hanyu Pinyin, as the State Council's English documents cite them)."""
    if not doc_number:
        return "—"
    if lang != "en" or not has_cjk(doc_number):
        return doc_number
    m = _DOC_NUMBER_RE.match(doc_number.strip())
    if not m:
        return NO_ENGLISH
    from pypinyin import lazy_pinyin

    prefix = "".join(lazy_pinyin(m.group("prefix").strip()))
    prefix = prefix[:1].upper() + prefix[1:]
    out = f"{prefix} [{m.group('year')}] No. {m.group('no')}".strip()
    return out if not has_cjk(out) else NO_ENGLISH


def _heading(kind: str, number: int | None, title: str | None, title_en: str | None, lang: str) -> str:
    """``第3章 标题`` / ``Chapter 3 title``; also 节/Section, 专栏/Box, 篇/Part."""
    zh_forms = {"chapter": "第{}章", "section": "第{}节", "box": "专栏{}", "part": "第{}篇"}
    if lang == "en":
        head = f"{kind.capitalize()} {number}" if number is not None else kind.capitalize()
        return f"{head} {label_text(title, title_en, 'en')}".rstrip()
    head = zh_forms[kind].format(number) if number is not None else ""
    return f"{head} {title or ''}".strip()


def plan_markdown(plan: Plan, lang: str = "zh") -> str:
    """A Markdown report: meta, outline, each 专栏 with its indicators or projects, tasks.

    The English view has no Chinese: labels without English show [no English], and
    running text (a 专栏's notes, a task's text) appears only where the glossary has
    its English; otherwise it is left out with a marker."""
    m = plan.meta
    en = lang == "en"
    years = _years(plan)
    out = [f"# {label_text(m.title, m.title_en, lang) or '(untitled plan)'}", ""]
    if en:
        out += [f"- **region**: {label_text(m.region, m.region_en, 'en') or '—'} ({_level_label(m.level, True)})",
                f"- **issuer**: {label_text(m.issuer, getattr(m, 'issuer_en', None), 'en') or '—'}"]
    else:
        out += [f"- **region**: {m.region} ({m.level})", f"- **issuer**: {m.issuer}"]
    out += [f"- **period**: {m.period_start or '?'}–{m.period_end or '?'}", f"- **issued**: {m.issued_date or '—'}",
            f"- **document number**: {doc_number_text(m.doc_number, lang)}",
            f"- **{warnings_summary(plan.warnings)}**", ""]
    out += ["## Outline", ""]
    for ch in plan.chapters:
        out.append(f"- {_heading('chapter', ch.number, ch.title, ch.title_en, lang)}")
        out += [f"  - {_heading('section', s.number, s.title, s.title_en, lang)}" for s in ch.sections]
    for index, col in enumerate(plan.columns):
        out += ["", f"## {_heading('box', col.number, col.title, col.title_en, lang)}", ""]
        if col.kind == "indicators":
            inds = [i for i in plan.indicators if i.table == index]  # 专栏1（续） is its own table
            growth = has_growth(inds)
            header = indicator_header(lang, growth=growth)
            out.append(markdown_table(header[1:], [r[1:] for r in indicator_rows(inds, lang, years=years,
                                                                                 growth=growth)]))
        else:
            out += [f"{p.seq}. {label_text(p.title, p.title_en, lang)}" for p in plan.projects
                    if p.table == index]
        out += [f"\n> {_running_text(n, lang)}" for n in col.notes]
    out += ["", "## Tasks", ""]
    if en:
        out += [f"- Chapter {t.chapter}{f' Section {t.section}' if t.section else ''} #{t.seq}: "
                f"{label_text(t.title, t.title_en, 'en')}" for t in plan.tasks]
        if plan.tasks:
            out += ["", "(The tasks' running text has no English here; see the Chinese view.)"]
    else:
        out += [f"- 第{t.chapter}章{f'第{t.section}节' if t.section else ''} #{t.seq}: {t.title}" for t in plan.tasks]
    if plan.warnings:
        out += ["", "## Warnings", ""]
        if en:
            out += [f"- `{w.code}` at {loc_text(w.location) or '?'}" + (f": {w.message}" if not has_cjk(w.message) else "")
                    for w in plan.warnings]
        else:
            out += [f"- `{w.code}` at {w.location}: {w.message}" for w in plan.warnings]
    return "\n".join(out) + "\n"


def _running_text(text: str, lang: str) -> str:
    """A note as written, or in English (:func:`english_text`)."""
    return english_text(text) if lang == "en" else text


def english_text(text: str) -> str:
    """Text with no English field of its own (a note, a text value, a prose figure's
    subject) in English: the built-in glossary's, else :data:`NO_ENGLISH`."""
    from .glossary import Glossary

    return Glossary.builtin().translate(text).en or NO_ENGLISH


