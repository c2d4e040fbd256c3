"""Batch export: parse many plans in parallel and stream them into SQLite, Parquet, CSV or JSON Lines.

Workers return plain rows (:func:`plan_parser.frames.plan_rows`), never DataFrames,
and the writer takes each plan as it arrives, so memory stays flat in the number of
files: at most a small window of parsed plans is in flight.  A file that fails is a
row of the ``errors`` table (and a call to ``on_error``), never the end of the batch.
Layouts are in ``docs/export.md``.
"""
from __future__ import annotations

import csv
import glob
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from .errors import PlanParseError
from .frames import FRAMES, PLAN_TABLES, frame, plan_rows

#: Files a directory is searched for (named files are taken whatever their extension).
PLAN_EXTENSIONS = (".txt", ".docx", ".html", ".htm", ".md")

#: ``--to`` suffix -> format; a trailing slash or an existing directory means ``csv``.
SUFFIXES = {".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite", ".parquet": "parquet",
            ".jsonl": "jsonl", ".ndjson": "jsonl"}


def expand_paths(paths_or_globs) -> list[str]:
    """Files named, matched by a glob, or found (by extension) below a directory; sorted, once each."""
    items = [paths_or_globs] if isinstance(paths_or_globs, (str, os.PathLike)) else paths_or_globs
    found: list[str] = []
    for item in map(os.fspath, items):
        literal = os.path.exists(item) or not any(ch in item for ch in "*?[")
        for path in [item] if literal else sorted(glob.glob(item, recursive=True)):
            if os.path.isdir(path):
                found.extend(sorted(str(p) for p in Path(path).rglob("*")
                                    if p.suffix.lower() in PLAN_EXTENSIONS and p.is_file()))
            else:
                found.append(path)
    return list(dict.fromkeys(found))


def format_for(to: str) -> str:
    """The export format ``--to`` asks for, from its suffix (see :data:`SUFFIXES`)."""
    suffix = Path(to.rstrip("/" + os.sep)).suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    if to.endswith(("/", os.sep)) or os.path.isdir(to):
        return "csv"
    raise PlanParseError(to, "cannot tell the export format: end --to with .sqlite, .parquet or .jsonl, "
                             "or with / for a directory of CSV files", "unsupported_format")


# -- parsing, in worker processes ---------------------------------------------------

@dataclass
class Result:
    """What a worker sends back for one file: its rows (or JSON line), or why it failed."""

    path: str
    plan_id: str | None = None
    payload: Any = None
    code: str | None = None
    reason: str | None = None

    @property
    def error_row(self) -> tuple[str, str, str]:
        """The file's row in the ``errors`` table."""
        return (self.path, self.code, self.reason)


def parse_one(path: str, payload: str = "rows") -> Result:
    """Parse one file into ``payload`` ("rows" for tables, "json" for a JSON line)."""
    from .cli import load_for_cli

    try:
        plan = load_for_cli(path)
        data = plan_rows(plan) if payload == "rows" else plan.to_json(indent=None)
    except PlanParseError as exc:
        return Result(path, code=exc.code, reason=exc.reason)
    except Exception as exc:  # building rows failed: still one error row, not a dead batch
        if os.environ.get("PLAN_PARSER_DEBUG"):
            raise
        return Result(path, code="internal", reason=f"internal error: {type(exc).__name__}: {exc}")
    return Result(path, plan.source.sha256, data)


def iter_results(paths: list[str], *, jobs: int | None = None, payload: str = "rows") -> Iterator[Result]:
    """Parse ``paths`` in ``jobs`` processes, yielding results in input order.

    At most ``4 * jobs`` files are in flight, so parsed plans never pile up while the
    writer catches up.  ``jobs=1`` parses in this process.  The first file is parsed
    here before the pool starts, so that forked workers inherit the loaded readers and
    glossary (and jieba, if a plan needed it) instead of each loading them.  A worker that dies
    takes the blame for the file at the head of the queue; the pool is restarted for the rest.
    """
    jobs = jobs or os.cpu_count() or 1
    todo = iter(paths)
    if jobs == 1 or len(paths) < 3:
        yield from (parse_one(path, payload) for path in todo)
        return
    yield parse_one(next(todo), payload)
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(paths) - 1))
    try:
        pending = deque((path, pool.submit(parse_one, path, payload)) for path in islice(todo, 4 * jobs))
        while pending:
            path, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                result = Result(path, code="internal", reason="the worker process died while parsing this file")
                pool.shutdown(cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=jobs)
                pending = deque((p, pool.submit(parse_one, p, payload)) for p, _ in pending)
            for following in islice(todo, 1):
                pending.append((following, pool.submit(parse_one, following, payload)))
            yield result
    finally:
        pool.shutdown(cancel_futures=True)


# -- writers ------------------------------------------------------------------------

class Writer:
    """Takes plans one at a time; ``payload`` says what it wants from the workers."""

    payload = "rows"

    def __init__(self, target: Path):
        self.target = target

    def add_plan(self, path: str, rows) -> None:
        raise NotImplementedError

    def add_error(self, row: tuple[str, str, str]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (also called after a failure, to leave it readable)."""


@contextmanager
def _output_errors(target: Path):
    """An output that cannot be created is trouble with one line naming it, not a traceback."""
    try:
        yield
    except OSError as exc:
        raise PlanParseError(str(target), f"cannot write here ({exc.strerror or exc})", "unwritable") from None


#: SQLite column types for the pandas dtypes of :data:`FRAMES` (booleans are 0/1).
SQL_TYPES = {"Int64": "INTEGER", "Float64": "REAL", "string": "TEXT", "boolean": "INTEGER"}

#: Primary keys; every table but ``errors`` starts with ``plan_id``.
PRIMARY_KEYS = {
    "plans": ("plan_id",), "sections": ("plan_id", "ordinal"), "columns": ("plan_id", "ordinal"),
    "indicators": ("plan_id", "ordinal"), "projects": ("plan_id", "ordinal"),
    "project_quantities": ("plan_id", "project_ordinal", "seq"), "tasks": ("plan_id", "ordinal"),
    "errors": ("path",),
}

#: Foreign keys beyond ``plan_id -> plans(plan_id)``, which every plan table has.
FOREIGN_KEYS = {"project_quantities": [(("plan_id", "project_ordinal"), "projects", ("plan_id", "ordinal"))]}

#: Secondary indexes, for the usual joins and look-ups.
INDEXES = {
    "plans": [("path",), ("region", "period_start")],
    "sections": [("plan_id", "chapter", "section")],
    "columns": [("plan_id", "number")],
    "indicators": [("plan_id", "column", "seq"), ("name",)],
    "projects": [("plan_id", "column", "seq")],
    "project_quantities": [("plan_id", "column", "project_seq")],
    "tasks": [("plan_id", "chapter", "section")],
}

#: Bumped when the table layout changes; stored as ``PRAGMA user_version``.
SQLITE_LAYOUT_VERSION = 1


def _names(columns: Iterable[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def sqlite_schema() -> list[str]:
    """The ``CREATE`` statements of the export database, generated from :data:`FRAMES`."""
    statements = []
    for table, columns in FRAMES.items():
        key = PRIMARY_KEYS[table]
        lines = [f'"{c}" {SQL_TYPES[t]}{" NOT NULL" if c in key else ""}' for c, t in columns.items()]
        lines.append(f"PRIMARY KEY ({_names(key)})")
        refs = FOREIGN_KEYS.get(table, [])
        if table not in ("plans", "errors"):
            refs = [(("plan_id",), "plans", ("plan_id",))] + refs
        lines += [f'FOREIGN KEY ({_names(cols)}) REFERENCES "{other}" ({_names(keys)})' for cols, other, keys in refs]
        statements.append(f'CREATE TABLE IF NOT EXISTS "{table}" (\n  ' + ",\n  ".join(lines) + "\n)")
        statements += [f'CREATE INDEX IF NOT EXISTS "{table}_{"_".join(cols)}" ON "{table}" ({_names(cols)})'
                       for cols in INDEXES.get(table, [])]
    return statements


class SqliteWriter(Writer):
    """One database for many runs: a plan's rows are replaced, keyed by its sha256, in one transaction."""

    def __init__(self, target: Path):
        super().__init__(target)
        try:
            self.db = sqlite3.connect(target, isolation_level=None)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")  # a commit per plan stays cheap
            self.db.execute("PRAGMA synchronous = NORMAL")
            self._check_layout()
            with self._transaction():
                for statement in sqlite_schema():
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {SQLITE_LAYOUT_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise PlanParseError(str(target), f"cannot use as an SQLite database ({exc})", "unreadable") from None
        self._inserts = {t: f'INSERT INTO "{t}" VALUES ({", ".join("?" * len(FRAMES[t]))})' for t in FRAMES}

    def _check_layout(self) -> None:
        """Refuse a database whose tables differ from ours rather than mix two layouts."""
        for table, columns in FRAMES.items():
            have = [row[1] for row in self.db.execute(f'PRAGMA table_info("{table}")')]
            if have and have != list(columns):
                reason = (f"table {table} has other columns than plan-parser writes "
                          f"(layout {SQLITE_LAYOUT_VERSION}); export to a new file")
                raise PlanParseError(str(self.target), reason, "unsupported_format")

    def _transaction(self):
        return _Transaction(self.db)

    def add_plan(self, path: str, rows: dict[str, list[tuple]]) -> None:
        plan_id = rows["plans"][0][0]
        with self._transaction():
            for table in reversed(PLAN_TABLES):  # children first, for the foreign keys
                self.db.execute(f'DELETE FROM "{table}" WHERE plan_id = ?', (plan_id,))
            self.db.execute('DELETE FROM "errors" WHERE path = ?', (path,))
            for table in PLAN_TABLES:
                self.db.executemany(self._inserts[table], rows[table])

    def add_error(self, row: tuple[str, str, str]) -> None:
        with self._transaction():
            self.db.execute('INSERT OR REPLACE INTO "errors" VALUES (?, ?, ?)', row)

    def close(self) -> None:
        try:
            self.db.execute("PRAGMA journal_mode = DELETE")  # fold the WAL back: one self-contained file
        except sqlite3.OperationalError:  # another connection has it open: it stays in WAL mode
            pass
        self.db.close()


class _Transaction:
    """``BEGIN`` … ``COMMIT``, or ``ROLLBACK`` on any exception."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN")

    def __exit__(self, kind, value, tb):
        self.db.execute("ROLLBACK" if kind else "COMMIT")


class CsvWriter(Writer):
    """A directory of ``<table>.csv``, UTF-8 with a BOM so that Excel reads the Chinese right."""

    def __init__(self, target: Path):
        super().__init__(target)
        with _output_errors(target):
            target.mkdir(parents=True, exist_ok=True)
            self.files = {t: open(target / f"{t}.csv", "w", encoding="utf-8-sig", newline="") for t in FRAMES}
        self.writers = {t: csv.writer(f) for t, f in self.files.items()}
        for table, writer in self.writers.items():
            writer.writerow(FRAMES[table])

    def add_plan(self, path: str, rows: dict[str, list[tuple]]) -> None:
        for table, table_rows in rows.items():
            self.writers[table].writerows(table_rows)

    def add_error(self, row: tuple[str, str, str]) -> None:
        self.writers["errors"].writerow(row)

    def close(self) -> None:
        for f in self.files.values():
            f.close()


class ParquetWriter(Writer):
    """A directory ``out.parquet/`` of ``<table>.parquet``; rows are buffered into row groups."""

    ROW_GROUP = 65536

    def __init__(self, target: Path):
        super().__init__(target)
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise PlanParseError(str(target), "Parquet export needs pyarrow: pip install 'plan-parser[parquet]'",
                                 "unsupported_format") from None
        self.pa = pa
        with _output_errors(target):
            target.mkdir(parents=True, exist_ok=True)
        # The schema carries pandas metadata, so pandas reads back the nullable dtypes.
        self.schemas = {t: pa.Schema.from_pandas(frame(t), preserve_index=False) for t in FRAMES}
        self.writers = {t: pq.ParquetWriter(target / f"{t}.parquet", s) for t, s in self.schemas.items()}
        self.buffers: dict[str, list[tuple]] = {t: [] for t in FRAMES}

    def _add(self, table: str, rows: list[tuple]) -> None:
        buffer = self.buffers[table]
        buffer.extend(rows)
        if len(buffer) >= self.ROW_GROUP:
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows, schema = self.buffers[table], self.schemas[table]
        cells = list(zip(*rows)) if rows else [()] * len(schema)
        arrays = [self.pa.array(list(values), type=f.type) for f, values in zip(schema, cells)]
        self.writers[table].write_table(self.pa.Table.from_arrays(arrays, schema=schema))
        rows.clear()

    def add_plan(self, path: str, rows: dict[str, list[tuple]]) -> None:
        for table, table_rows in rows.items():
            self._add(table, table_rows)

    def add_error(self, row: tuple[str, str, str]) -> None:
        self._add("errors", [row])

    def close(self) -> None:
        for table, writer in self.writers.items():
            if self.buffers[table]:
                self._flush(table)
            writer.close()


class JsonlWriter(Writer):
    """One plan per line: ``Plan.to_json(indent=None)``.  Failures are not lines (see ``on_error``)."""

    payload = "json"

    def __init__(self, target: Path):
        super().__init__(target)
        with _output_errors(target):
            self.file = open(target, "w", encoding="utf-8")

    def add_plan(self, path: str, line: str) -> None:
        self.file.write(line + "\n")

    def add_error(self, row: tuple[str, str, str]) -> None:
        pass

    def close(self) -> None:
        self.file.close()


WRITERS: dict[str, type[Writer]] = {"sqlite": SqliteWriter, "parquet": ParquetWriter, "csv": CsvWriter,
                                    "jsonl": JsonlWriter}


# -- the batch ------------------------------------------------------------------------

@dataclass
class ExportSummary:
    """What a batch did: ``errors`` holds the ``(path, code, reason)`` rows."""

    target: str
    format: str
    files: int = 0
    exported: int = 0
    duplicates: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)


def export(paths_or_globs, to: str | os.PathLike, *, format: str | None = None, jobs: int | None = None,
           progress: Callable[[int, int, int], None] | None = None,
           on_error: Callable[[str, str, str], None] | None = None) -> ExportSummary:
    """Parse every plan file in ``paths_or_globs`` and write them all to ``to``.

    ``format`` is ``sqlite``, ``parquet``, ``csv`` or ``jsonl`` (default: from ``to``,
    see :func:`format_for`).  ``jobs`` processes parse (default: one per CPU).
    ``progress(done, total, failed)`` is called after each file; ``on_error(path,
    code, reason)`` for each file that fails.  A file whose bytes repeat an earlier
    one of the batch (same ``plan_id``) is skipped and counted in ``duplicates``.
    Raises :class:`PlanParseError` only when the output itself cannot be written.
    """
    to = os.fspath(to)
    fmt = format or format_for(to)
    paths = expand_paths(paths_or_globs)
    writer = WRITERS[fmt](Path(to))
    summary = ExportSummary(to, fmt, files=len(paths))
    seen: set[str] = set()
    try:
        for done, result in enumerate(iter_results(paths, jobs=jobs, payload=writer.payload), 1):
            if result.code is not None:
                writer.add_error(result.error_row)
                summary.errors.append(result.error_row)
                if on_error:
                    on_error(*result.error_row)
            elif result.plan_id in seen:
                summary.duplicates += 1
            else:
                seen.add(result.plan_id)
                writer.add_plan(result.path, result.payload)
                summary.exported += 1
            if progress:
                progress(done, len(paths), len(summary.errors))
    finally:
        writer.close()
    return summary
