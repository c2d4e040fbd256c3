"""Plans as tidy tables: one fixed layout shared by DataFrames and every export format.

The layout is declared once, as data (:data:`FRAMES`: table -> column -> pandas dtype),
so that a plan with no indicators, a batch of a thousand plans and a SQLite file all
have the same columns.  :func:`plan_rows` turns a plan into plain tuples in that
layout — no pandas, so parallel workers can send them cheaply — and :func:`frame` is
the one place a DataFrame is built.  pandas is imported inside functions only:
``import plan_parser`` must stay cheap.  ``docs/export.md`` lists every column.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Iterable

from .errors import display_path
from .model import INDICATOR_VALUES, loc_key

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .model import Plan, Quantity

#: The quantity cells of an indicator row, in column order: every Quantity field of the
#: model's Indicator, so a field added there reaches the frames and exports by itself.
ROLES = INDICATOR_VALUES

#: A Quantity's columns; indicators carry them once per role as ``<role>_<field>``.
QUANTITY_COLUMNS = {
    "kind": "string", "raw": "string", "value": "Float64", "lower": "Float64", "upper": "Float64",
    "parts": "string", "unit": "string", "base_value": "Float64", "base_unit": "string",
    "comparator": "string", "cumulative": "boolean", "footnote": "string", "year": "Int64",
}

#: Where an item stands in its source (``loc``): text/Markdown line, docx/HTML/PDF block and
#: row, PDF page.
LOC_COLUMNS = {"loc_line": "Int64", "loc_block": "Int64", "loc_row": "Int64", "loc_page": "Int64"}

#: Every table row of a plan starts with these: the plan it belongs to and its position.
_KEY = {"plan_id": "string", "source_path": "string", "ordinal": "Int64"}

FRAMES: dict[str, dict[str, str]] = {
    "plans": {
        "plan_id": "string", "path": "string", "format": "string", "encoding": "string",
        "schema_version": "string", "title": "string", "title_en": "string", "issuer": "string",
        "region": "string", "level": "string", "period_start": "Int64", "period_end": "Int64",
        "issued_date": "string", "doc_number": "string",
        "adcode": "string", "parent_adcode": "string",  # 行政区划代码: join keys for statistical data
    },
    "sections": {
        **_KEY, "level": "string", "part": "Int64", "chapter": "Int64", "section": "Int64",
        "title": "string", "title_en": "string", **LOC_COLUMNS,
    },
    "columns": {
        **_KEY, "number": "Int64", "title": "string", "title_en": "string", "kind": "string",
        "chapter": "Int64", "section": "Int64", "notes": "string", "headers": "string", **LOC_COLUMNS,
    },
    "indicators": {
        **_KEY, "column": "Int64", "seq": "Int64", "category": "string", "category_en": "string",
        "name": "string", "name_en": "string", "unit": "string", "unit_en": "string",
        "parent_seq": "Int64", "attribute": "string", "attribute_code": "string",
        "footnote": "string", "table": "Int64",
        **{f"{role}_{name}": dtype for role in ROLES for name, dtype in QUANTITY_COLUMNS.items()},
        **LOC_COLUMNS,
    },
    "projects": {
        **_KEY, "column": "Int64", "seq": "Int64", "title": "string", "title_en": "string",
        "text": "string", **LOC_COLUMNS,
    },
    "project_quantities": {
        "plan_id": "string", "source_path": "string", "project_ordinal": "Int64", "column": "Int64",
        "project_seq": "Int64", "seq": "Int64", **QUANTITY_COLUMNS, "context": "string",
    },
    "tasks": {
        **_KEY, "chapter": "Int64", "section": "Int64", "seq": "Int64", "title": "string",
        "title_en": "string", "text": "string", **LOC_COLUMNS,
    },
    "errors": {"path": "string", "code": "string", "reason": "string"},
}

#: The tables one parsed plan fills (``errors`` is filled by failures instead).
PLAN_TABLES = tuple(name for name in FRAMES if name != "errors")

#: What an ``Int64`` cell can hold: a 64-bit signed integer, as in SQLite, Arrow and pandas.
INT64_MIN, INT64_MAX = -2**63, 2**63 - 1

#: Per table, the positions of its ``Int64`` columns (what :func:`unexportable` checks).
_INT_CELLS = {name: [(i, col) for i, (col, dtype) in enumerate(columns.items()) if dtype == "Int64"]
              for name, columns in FRAMES.items()}


def _json_list(items: list | None) -> str | None:
    """List fields (notes, headers, ratio parts) travel as JSON text: exact and portable."""
    return json.dumps(items, ensure_ascii=False) if items else None


def _loc(loc: dict) -> tuple:
    return loc.get("line"), loc.get("block"), loc.get("row"), loc.get("page")


def _quantity(q: Quantity | None) -> tuple:
    """A Quantity as cells in :data:`QUANTITY_COLUMNS` order (all null for no quantity)."""
    if q is None:
        return (None,) * len(QUANTITY_COLUMNS)
    return (q.kind, q.raw, q.value, q.lower, q.upper, _json_list(q.parts), q.unit, q.base_value,
            q.base_unit, q.comparator, q.cumulative, q.footnote, q.year)


def _heading_rows(plan: Plan) -> list[tuple]:
    """Parts, chapters and sections in document order, with the level each stands at."""
    rows = [(loc_key(p.loc), "part", p.number, None, None, p.title, p.title_en, p.loc) for p in plan.parts]
    for c in plan.chapters:
        rows.append((loc_key(c.loc), "chapter", c.part, c.number, None, c.title, c.title_en, c.loc))
        rows.extend((loc_key(s.loc), "section", c.part, c.number, s.number, s.title, s.title_en, s.loc)
                    for s in c.sections)
    rows.sort(key=lambda r: r[0])
    return [r[1:-1] + _loc(r[-1]) for r in rows]


def plan_rows(plan: Plan) -> dict[str, list[tuple]]:
    """The plan as plain tuples, table by table, in :data:`FRAMES` column order.

    Plain data so a worker process can return it cheaply; ``ordinal`` is the item's
    1-based place in the plan's list, which keys a row even where a plan repeats a
    专栏 number or a row number.
    """
    pid, path = plan.source.sha256, plan.source.path
    m = plan.meta
    rows: dict[str, list[tuple]] = {name: [] for name in PLAN_TABLES}
    rows["plans"].append((pid, path, plan.source.format, plan.source.encoding, plan.schema_version,
                          m.title, m.title_en, m.issuer, m.region, m.level, m.period_start,
                          m.period_end, m.issued_date, m.doc_number, m.adcode, m.parent_adcode))
    rows["sections"] = [(pid, path, i, *r) for i, r in enumerate(_heading_rows(plan), 1)]
    rows["columns"] = [
        (pid, path, i, c.number, c.title, c.title_en, c.kind, c.chapter, c.section,
         _json_list(c.notes), _json_list(c.headers), *_loc(c.loc))
        for i, c in enumerate(plan.columns, 1)]
    rows["indicators"] = [
        (pid, path, i, d.column, d.seq, d.category, d.category_en, d.name, d.name_en, d.unit,
         d.unit_en, d.parent_seq, d.attribute, d.attribute_code, d.footnote, d.table,
         *(cell for role in ROLES for cell in _quantity(getattr(d, role))), *_loc(d.loc))
        for i, d in enumerate(plan.indicators, 1)]
    for i, p in enumerate(plan.projects, 1):
        rows["projects"].append((pid, path, i, p.column, p.seq, p.title, p.title_en, p.text, *_loc(p.loc)))
        rows["project_quantities"].extend(
            (pid, path, i, p.column, p.seq, k, *_quantity(q), q.context)
            for k, q in enumerate(p.quantities, 1))
    rows["tasks"] = [(pid, path, i, t.chapter, t.section, t.seq, t.title, t.title_en,
                      t.text, *_loc(t.loc)) for i, t in enumerate(plan.tasks, 1)]
    return rows


def unexportable(rows: dict[str, list[tuple]]) -> str | None:
    """Why these rows cannot be stored in every table format, or ``None`` when they can.

    A number written in a plan can be beyond 64 bits (``专栏99999999999999999999``) and
    text can carry lone surrogates (a file name that is not UTF-8): SQLite, Arrow and
    pandas refuse both, mid-batch.  Export workers ask this first, so such a file is one
    ``errors`` row and the batch goes on.
    """
    for name, table_rows in rows.items():
        ints = _INT_CELLS[name]
        for row in table_rows:
            for i, column in ints:
                value = row[i]
                if value is not None and not INT64_MIN <= value <= INT64_MAX:
                    return f"{name}.{column} is {value}, beyond the 64-bit integers a table can hold"
            for cell in row:
                if type(cell) is str and not cell.isascii():
                    try:
                        cell.encode("utf-8")
                    except UnicodeEncodeError:
                        return f"{name} holds text that is not valid Unicode: {display_path(cell)!r}"
    return None


def frame(name: str, rows: Iterable[tuple] = ()) -> pd.DataFrame:
    """The one constructor of every table: :data:`FRAMES` columns and dtypes, even with no rows."""
    import pandas as pd

    schema = FRAMES[name]
    rows = list(rows)
    cells = list(zip(*rows)) if rows else [()] * len(schema)
    return pd.DataFrame({col: pd.array(list(values), dtype=dtype)
                         for (col, dtype), values in zip(schema.items(), cells)})


def plan_to_frames(plan: Plan) -> dict[str, pd.DataFrame]:
    """One plan as tidy DataFrames: ``plans`` (one row) and every table of :data:`PLAN_TABLES`."""
    return {name: frame(name, rows) for name, rows in plan_rows(plan).items()}


def read_plans(paths_or_globs, *, jobs: int | None = 1,
               on_error: str = "raise") -> dict[str, pd.DataFrame]:
    """Parse many plans into one set of frames, each row tagged with ``plan_id`` and ``source_path``.

    ``paths_or_globs`` is a path, a glob (``plans/**/*.txt``) or a directory (searched
    for plan files), or a list of them.  ``on_error="raise"`` raises the first file's
    :class:`~plan_parser.errors.PlanParseError`; ``"collect"`` keeps going and lists
    failures in the ``errors`` frame (present, and empty, either way).  ``jobs`` > 1
    parses in that many processes.  A bug (any other exception) is raised as it is,
    with its traceback, never dressed up as a parse error.
    """
    from .errors import PlanParseError
    from .export import expand_paths, iter_results

    if on_error not in ("raise", "collect"):
        raise ValueError("on_error must be 'raise' or 'collect'")
    tables: dict[str, list[tuple]] = {name: [] for name in FRAMES}
    for result in iter_results(expand_paths(paths_or_globs), jobs=jobs, bugs="raise"):
        if result.code is not None:
            if on_error == "raise":
                raise PlanParseError(result.path, result.reason, result.code)
            tables["errors"].append(result.error_row)
            continue
        for name, rows in result.payload.items():
            tables[name].extend(rows)
    return {name: frame(name, rows) for name, rows in tables.items()}
