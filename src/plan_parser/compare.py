"""Compare any number of plans: one row per indicator, one cell per plan.

The panel an analyst builds by hand — a municipal plan and its districts side by
side — as data (``compare_plans([...])``) and as a command
(``plan-parser compare P1 P2 …``).  Each plan brings the indicators of its main
target tables: those whose target year is the plan's ``period_end`` (every main
table where none has that year).  Rows are made with the diff's matcher
(:func:`plan_parser.diff.match_items`: exact, normalized, fuzzy, one-to-one) in
argument order: the first plan's indicators open the rows, and each further plan
is matched against the rows made so far (by each row's name in the plan that
opened it), so that pairing is transitive — one indicator of a plan sits in at
most one row, and a row never holds two of one plan's indicators.  What is left
of a plan opens new rows, after the rows it matched.

The *reference* plan is the first plan of the highest level among them (市 above
区/县), or the first plan.  For every other cell: ``share`` is its target as a share
of the reference's target where both are counts (a district's part of the city's
jobs target), and ``weaker`` says, for rates of plans of different levels, whether
the lower level asks less than the upper one.  Where the two plans have no target but
both have a ``growth`` (the 年均/累计 column, where national and provincial tables put
their targets), the growth is compared instead.
"""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .diff import (LEVEL_RANK, RATE_UNITS, Match, match_items, plan_side, provenance, rate_weaker, table_refs,
                   target_share)
from .model import SCHEMA_VERSION, Indicator, Plan, Quantity
from .quantity import is_rate_unit
from .settings import Settings

__all__ = ["Cell", "Row", "Comparison", "compare_plans", "main_indicators"]


@dataclass
class Cell:
    """One plan's indicator in a row (the contract's ``cells[]`` entry)."""

    name: str
    column: int
    seq: int
    unit: str | None
    baseline: Quantity | None
    target: Quantity | None
    growth: Quantity | None
    match: Match | None
    name_en: str | None = None
    share: float | None = None
    weaker: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class Row:
    """An indicator across plans: ``cells[k]`` is plan ``k``'s, or None."""

    key: str
    name: str
    name_en: str | None
    measure: str  # count | rate | other
    cells: list[Cell | None]

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "name_en": self.name_en, "measure": self.measure,
                "cells": [None if c is None else c.to_dict() for c in self.cells]}


@dataclass
class Comparison:
    """The contract's ``compare`` JSON: ``plans[]`` in argument order, ``rows[]``."""

    plans: list[dict[str, Any]]
    rows: list[Row] = field(default_factory=list)
    reference: int = 0
    provenance: dict[str, str] = field(default_factory=provenance)
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": self.schema_version, "provenance": self.provenance, "plans": self.plans,
                "reference": self.reference, "rows": [r.to_dict() for r in self.rows]}

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def labels(self, lang: str = "zh") -> list[str]:
        """A short, unique label per plan: its region (or title, or file name); ``lang="en"``: the
        region's English, else ``plan N``."""
        from pathlib import Path

        out: list[str] = []
        for n, p in enumerate(self.plans):
            if lang == "en":
                label = p.get("region_en") or f"plan {n + 1}"
            else:
                label = (p.get("region") or p.get("title")
                         or (Path(p["path"]).stem if p.get("path") else f"plan{n + 1}"))
            out.append(label if label not in out else f"{label}#{n + 1}")
        return out

    def to_frame(self):
        """A pandas DataFrame: one row per indicator; per plan the target's ``raw`` and
        ``base_value``, the growth (年均/累计) as written, and the ``share`` of the reference plan's
        target (columns ``<label> target``, ``<label> target_base_value``, ``<label> growth``,
        ``<label> unit``, ``<label> share``, ``<label> weaker``)."""
        import pandas as pd

        labels = self.labels()
        records = []
        for row in self.rows:
            rec: dict[str, Any] = {"key": row.key, "name": row.name, "name_en": row.name_en, "measure": row.measure}
            for label, cell in zip(labels, row.cells):
                t = None if cell is None else cell.target
                g = None if cell is None else cell.growth
                rec[f"{label} target"] = None if t is None else t.raw
                rec[f"{label} target_base_value"] = None if t is None else t.base_value
                rec[f"{label} growth"] = None if g is None else g.raw
                rec[f"{label} unit"] = None if cell is None else (t.base_unit if t is not None else cell.unit)
                rec[f"{label} share"] = None if cell is None else cell.share
                rec[f"{label} weaker"] = None if cell is None else cell.weaker
            records.append(rec)
        return pd.DataFrame.from_records(records, columns=None if records else ["key", "name", "name_en", "measure"])

    def _repr_html_(self) -> str:
        from .display import compare_html_repr

        return compare_html_repr(self)


def main_indicators(plan: Plan) -> list[Indicator]:
    """The rows of the plan's main target tables: main tables (no actual values) whose
    target year is ``period_end``; every main table where none has that year."""
    return [plan.indicators[k] for k in _main_ordinals(plan)]


def _main_ordinals(plan: Plan) -> list[int]:
    """The ordinals in ``plan.indicators`` of :func:`main_indicators`."""
    mains = [t for t in table_refs(plan) if t.role == "main"]
    chosen = [t for t in mains if t.target_year is not None and t.target_year == plan.meta.period_end] or mains
    return [k for t in chosen for k in t.indicators]


def measure(ind: Indicator) -> str:
    """``rate`` (%, ‰, 个百分点), ``count`` (a number in any other unit) or ``other``."""
    q = ind.target or ind.baseline
    if q is not None and q.base_unit in RATE_UNITS or (q is None and bool(ind.unit) and is_rate_unit(ind.unit)):
        # no value: the unit as written says it (％ full-width, 1/10万 and its aliases too)
        return "rate"
    if q is not None and q.kind in ("number", "range") and q.base_value is not None or (q is None and ind.unit):
        return "count"
    return "other"


def _cell(ind: Indicator, m: Match | None) -> Cell:
    return Cell(ind.name, ind.column, ind.seq, ind.unit, ind.baseline, ind.target, ind.growth, m,
                ind.name_en)


def compare_plans(plans: Sequence[Plan], *, settings: Settings | None = None,
                  progress: Callable[[int, int], None] | None = None) -> Comparison:
    """One row per indicator across ``plans`` (see the module docstring).

    ``plans`` are :class:`Plan` objects, or paths that are loaded with :func:`load_plan`.
    ``progress(done, total)`` is called after each plan is matched in (for long lists).
    """
    if any(not isinstance(p, Plan) for p in plans):
        from .api import load_plan

        plans = [p if isinstance(p, Plan) else load_plan(p) for p in plans]
    kw = {"settings": settings} if settings is not None else {}
    out = Comparison([plan_side(p) for p in plans])
    if not plans:
        return out
    ranks = [LEVEL_RANK.get(p.meta.level, 99) for p in plans]
    out.reference = min(range(len(plans)), key=lambda k: (ranks[k], k))
    members: list[list[tuple[int, Indicator, Match | None]]] = []  # per row: (plan, indicator, match)
    opener: list[tuple[int, int, str]] = []  # per row: (plan, ordinal, name)
    for k, plan in enumerate(plans):
        ordinals = _main_ordinals(plan)
        inds = [plan.indicators[n] for n in ordinals]
        if k == 0:
            pairs = [(i, None, None) for i in range(len(inds))]
        else:
            pairs = match_items(inds, opener, lambda x: x.name if isinstance(x, Indicator) else x[2], **kw)
        new_rows = []
        for i, j, m in pairs:
            if i is None:
                continue
            if j is not None:
                members[j].append((k, inds[i], m))
            else:
                new_rows.append(i)
        for i in new_rows:
            members.append([(k, inds[i], Match("exact", 1.0))])  # a row's opener matches itself
            opener.append((k, ordinals[i], inds[i].name))
        if progress is not None:
            progress(k + 1, len(plans))
    for (k0, ordinal, name), group in zip(opener, members):
        cells: list[Cell | None] = [None] * len(plans)
        for k, ind, m in group:
            cells[k] = _cell(ind, m)
        first = group[0][1]
        _shares(cells, plans, group, out.reference)
        out.rows.append(Row(f"p{k0}i{ordinal}", name, first.name_en, measure(first), cells))
    return out


def _shares(cells: list[Cell | None], plans: Sequence[Plan], group, ref: int) -> None:
    """Fill each cell's ``share`` of the reference plan's target and ``weaker`` against it."""
    by_plan = {k: ind for k, ind, _m in group}
    upper = by_plan.get(ref)
    if upper is None:
        return
    for k, ind in by_plan.items():
        if k == ref:
            continue
        # the target where both plans have one; else the 年均/累计 column (national and provincial
        # tables write their targets there when the 2025 cell is —)
        both = lambda f: getattr(upper, f, None) is not None and getattr(ind, f, None) is not None  # noqa: E731
        field = "target" if both("target") or not both("growth") else "growth"
        cells[k].share = target_share(getattr(upper, field), getattr(ind, field))
        cells[k].weaker = rate_weaker(upper, ind, plans[ref].meta.level, plans[k].meta.level, field)
