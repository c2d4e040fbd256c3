"""Notebook display: compact HTML cards (``_repr_html_``) and DataFrames (``to_frame``).

A notebook shows an object by calling its ``_repr_html_``; a plan, a diff, a check
result and a comparison each get a card with what a reader looks at first — who,
what, how many, and the rows that differ — never the whole object (a ``Plan``'s
text repr runs to 70,000 characters).  Each card is capped at :data:`MAX_ROWS`
rows per table and stays under 30 kB on the bundled plans (tested).  The full
reports are :mod:`plan_parser.report` (``render_diff(d, "html")``).
"""
from __future__ import annotations

from typing import Any

from .report import _esc, _raw  # one HTML escape and one raw-value reader for cards and reports

__all__ = ["plan_html_repr", "diff_html_repr", "check_html_repr", "compare_html_repr", "diff_frame",
           "check_frame", "MAX_ROWS"]

#: Rows shown per table in a card; the rest are counted ("… and 12 more").
MAX_ROWS = 40
#: Bytes of table rows a card may hold in all (its tables share it, in order), so that a card
#: stays under 30 kB whatever the plans: rows past it are counted, not shown.
ROW_BUDGET = 24_000
#: Display columns of a cell's text in a card (longer text is cut with …).
CELL_WIDTH = 60

_STYLE = ("<style>.pp-card{font-family:sans-serif;font-size:13px;max-width:1100px}"
          ".pp-card table{border-collapse:collapse}.pp-card td,.pp-card th{border:1px solid #d0d7de;"
          "padding:2px 6px;text-align:left;vertical-align:top}.pp-card th{background:#f6f8fa}"
          ".pp-card .meta{color:#57606a}.pp-card tr.changed td,.pp-card tr.disagree td{background:#ffebe9}"
          ".pp-card tr.renamed td{background:#ddf4ff}.pp-card tr.only_left td{background:#fff8c5}"
          ".pp-card tr.only_right td{background:#dafbe1}</style>")


class _Budget:
    """Bytes of rows a card has left."""

    def __init__(self, size: int = ROW_BUDGET):
        self.left = size


def _table(header: list[str], rows: list[list[Any]], classes: list[str] | None = None,
           budget: _Budget | None = None) -> str:
    from .render import truncate

    budget = budget or _Budget()
    classes = classes or [""] * len(rows)
    head = "".join(f"<th>{_esc(h)}</th>" for h in header)
    body = []
    for r, c in zip(rows[:MAX_ROWS], classes):
        tr = f'<tr class="{c}">' + "".join(f"<td>{_esc(truncate(str(x) if x is not None else '', CELL_WIDTH))}</td>"
                                           for x in r) + "</tr>"
        size = len(tr.encode("utf-8"))
        if size > budget.left:
            break
        budget.left -= size
        body.append(tr)
    more = f"<p class='meta'>… and {len(rows) - len(body)} more</p>" if len(body) < len(rows) else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}"


def _card(title: str, meta: list[str], body: str) -> str:
    lines = "".join(f"<div class='meta'>{_esc(m)}</div>" for m in meta if m)
    return f"<div class='pp-card'>{_STYLE}<h3>{_esc(title)}</h3>{lines}{body}</div>"


def plan_html_repr(plan) -> str:
    """A plan: title, region, level, period, source; counts; each indicator table (name, unit,
    baseline, target)."""
    m, src = plan.meta, plan.source
    counts = (f"{len(plan.chapters)} chapters · {len(plan.columns)} 专栏 · {len(plan.indicators)} indicators · "
              f"{len(plan.projects)} projects · {len(plan.tasks)} tasks · {len(plan.warnings)} warnings")
    meta = [f"{m.region or '?'} ({m.level or '?'}) · {m.period_start or '?'}–{m.period_end or '?'} · "
            f"issued {m.issued_date or '?'} · {m.issuer or ''}",
            f"{src.path or '-'} · {src.format} · sha256 {src.sha256[:16]}", counts]
    parts = []
    budget = _Budget()
    by_table: dict[Any, list] = {}
    for ind in plan.indicators:
        by_table.setdefault(ind.table if ind.table is not None else ("n", ind.column), []).append(ind)
    for key, inds in by_table.items():
        col = plan.columns[key] if isinstance(key, int) and key < len(plan.columns) else None
        title = f"专栏{col.number} {col.title}" if col is not None else f"专栏{inds[0].column}"
        rows = [[i.seq, i.name, i.unit, _raw(i.baseline), _raw(i.target), _raw(i.growth)]
                for i in inds]
        parts.append(f"<h4>{_esc(title)} ({len(inds)})</h4>"
                     + _table(["#", "indicator", "unit", "baseline", "target", "growth"], rows, budget=budget))
    return _card(m.title or "(untitled plan)", meta, "".join(parts))


def _pair_rows(pairs, lang: str = "zh"):
    from .report import _state, _view, pair_record

    view = ["status", "match", "left", "right", "changes", "left_target", "right_target", "direction", "share"]
    rows = [p for p in pairs if p.different]
    return view, [_view(pair_record(p, lang), view, lang) for p in rows], [_state(p) for p in rows]


def diff_html_repr(diff) -> str:
    """A diff: both sides, counts per list, and the rows that differ (indicators, tasks, prose)."""
    from .report import _side_line, _source_line

    meta = [f"left: {_side_line(diff.left, 'zh')}", f"   {_source_line(diff.left, 'zh', short=True)}",
            f"right: {_side_line(diff.right, 'zh')}", f"   {_source_line(diff.right, 'zh', short=True)}",
            " · ".join(f"{k} {v}" for k, v in diff.summary.items()),
            "plans of different levels: counts are compared by share" if diff.cross_level else ""]
    parts = []
    budget = _Budget()
    for key in ("indicators", "projects", "tasks", "prose", "sections"):
        header, rows, classes = _pair_rows(getattr(diff, key))
        if rows:
            parts.append(f"<h4>{key} that differ ({len(rows)})</h4>" + _table(header, rows, classes, budget))
    if not parts:
        parts.append("<p>no differences</p>")
    return _card("Plan diff", meta, "".join(parts))


def check_html_repr(result) -> str:
    """A check result: outcome, counts, then disagreements and one-sided findings (agreements counted)."""
    from .report import CHECK_VIEW, _header, _view, finding_record

    meta = [f"outcome: {result.outcome} · " + " · ".join(f"{k} {v}" for k, v in result.summary.items()),
            f"{result.plan.get('title') or '?'} · {result.plan.get('path') or '-'}", *result.notes]
    shown = [f for f in result.findings if f.status != "agree"]
    rows = [_view(finding_record(f, "zh"), CHECK_VIEW, "zh") for f in shown]
    return _card("Plan consistency check", meta, _table(_header(CHECK_VIEW, "zh"), rows, [f.status for f in shown]))


def compare_html_repr(comparison) -> str:
    """A comparison: the plans, then one row per indicator with each plan's target (and share)."""
    labels = comparison.labels()
    meta = [f"{n + 1}. {p.get('title') or '?'} ({p.get('level') or '?'}) · {p.get('path') or '-'}"
            + (" · reference" if n == comparison.reference else "") for n, p in enumerate(comparison.plans)]
    rows = []
    for r in comparison.rows:
        cells = []
        for c in r.cells:
            if c is None:
                cells.append("")
                continue
            text = _raw(c.target)
            if c.share is not None:
                text += f" ({c.share:.1%})"
            if c.weaker:
                text += " weaker"
            cells.append(text)
        rows.append([r.name, r.measure, *cells])
    return _card("Plan comparison", meta, _table(["indicator", "measure", *labels], rows))


def diff_frame(diff, what: str = "indicators"):
    """One list of a diff as a DataFrame: the CSV report's columns, one row per pair."""
    import pandas as pd

    from .report import CSV_INDICATOR_FIELDS, pair_record

    if what not in ("indicators", "projects", "sections", "tasks", "prose"):
        raise ValueError(f"what must be indicators, projects, sections, tasks or prose, not {what!r}")
    return pd.DataFrame([pair_record(p, "zh") for p in getattr(diff, what)], columns=CSV_INDICATOR_FIELDS)


def check_frame(result):
    """A check result as a DataFrame: the CSV report's columns, one row per finding."""
    import pandas as pd

    from .report import CSV_CHECK_FIELDS, finding_record

    return pd.DataFrame([finding_record(f, "zh") for f in result.findings], columns=CSV_CHECK_FIELDS)
