"""Human-readable views of a plan: a terminal table and Markdown.

Both are built from ``Plan`` objects only; JSON is ``Plan.to_json``.
"""
from __future__ import annotations

import unicodedata

from .model import Indicator, Plan, Quantity


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


def pick(zh: str | None, en: str | None, lang: str) -> str:
    """The label in ``lang``: the English where there is one, else the Chinese."""
    return (en or zh or "") if lang == "en" else (zh or "")


def show(q: Quantity | None) -> str:
    """A cell as written (raw), or an empty string for a missing value."""
    return "" if q is None else q.raw


INDICATOR_HEADER = ["专栏", "#", "indicator", "unit", "baseline", "target", "actual", "attribute"]
INDICATOR_HEADER_EN = ["box", "#", "indicator", "unit", "baseline", "target", "actual", "attribute"]
NAME_WIDTH = 56  # display columns for an indicator name in the terminal view


def indicator_rows(indicators: list[Indicator], lang: str = "zh") -> list[list[str]]:
    rows = []
    for ind in indicators:
        name = pick(ind.name, ind.name_en, lang)
        if ind.parent_seq is not None:
            name = ("  其中：" if lang == "zh" else "  of which: ") + name
        unit = pick(ind.unit, ind.unit_en, lang)
        attribute = (ind.attribute if lang == "zh" else ind.attribute_code) or ""
        rows.append([str(ind.column), str(ind.seq), name, unit, show(ind.baseline),
                     show(ind.target), show(ind.actual), attribute])
    return rows


def plan_table(plan: Plan, lang: str = "zh") -> str:
    """The terminal view: a one-line summary, then every indicator."""
    m = plan.meta
    en = lang == "en"
    title = pick(m.title, m.title_en, lang) or "(untitled plan)"
    region = pick(m.region, m.region_en, lang) or "?"
    level = _level_label(m.level, en)
    summary = (f"{title}\n{region} ({level}) · {m.period_start or '?'}–{m.period_end or '?'} · "
               f"{len(plan.chapters)} chapters, {len(plan.sections)} sections, "
               f"{len(plan.columns)} {'boxes' if en else '专栏'}, {len(plan.indicators)} indicators, "
               f"{len(plan.projects)} projects, {len(plan.tasks)} tasks, "
               f"{len(plan.warnings)} warnings")
    rows = indicator_rows(plan.indicators, lang)
    for row in rows:
        row[2] = truncate(row[2], NAME_WIDTH)
    return summary + "\n\n" + text_table(INDICATOR_HEADER_EN if en else INDICATOR_HEADER, rows)


def _level_label(level: str | None, en: bool) -> str:
    """省/市/区/县, or its English from the glossary."""
    if not level:
        return "?"
    if not en:
        return level
    from .glossary import Glossary

    return Glossary.builtin().get(level) or level


def plan_markdown(plan: Plan, lang: str = "zh") -> str:
    """A Markdown report: meta, outline, each 专栏 with its indicators or projects, tasks."""
    m = plan.meta
    out = [f"# {pick(m.title, m.title_en, lang) or '(untitled plan)'}", ""]
    out += [f"- **region**: {m.region} ({m.level})", f"- **issuer**: {m.issuer}",
            f"- **period**: {m.period_start}–{m.period_end}", f"- **issued**: {m.issued_date}",
            f"- **document number**: {m.doc_number or '—'}", ""]
    out += ["## Outline", ""]
    for ch in plan.chapters:
        out.append(f"- 第{ch.number}章 {pick(ch.title, ch.title_en, lang)}")
        out += [f"  - 第{s.number}节 {pick(s.title, s.title_en, lang)}" for s in ch.sections]
    for index, col in enumerate(plan.columns):
        out += ["", f"## 专栏{col.number} {pick(col.title, col.title_en, lang)}", ""]
        if col.kind == "indicators":
            inds = [i for i in plan.indicators if i.table == index]
            out.append(markdown_table(INDICATOR_HEADER[1:], [r[1:] for r in indicator_rows(inds, lang)]))
        else:
            out += [f"{p.seq}. {pick(p.title, p.title_en, lang)}" for p in plan.projects if p.table == index]
        out += [f"\n> {n}" for n in col.notes]
    out += ["", "## Tasks", ""]
    out += [f"- 第{t.chapter}章第{t.section}节 #{t.seq}: {t.title}" for t in plan.tasks]
    if plan.warnings:
        out += ["", "## Warnings", ""]
        out += [f"- `{w.code}` at {w.location}: {w.message}" for w in plan.warnings]
    return "\n".join(out) + "\n"
