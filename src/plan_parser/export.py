"""Batch export: parse many plans in parallel and stream them into SQLite, Parquet, CSV or JSON Lines.

Workers return plain rows (:func:`plan_parser.frames.plan_rows`), never DataFrames,
and the writer takes each plan as it arrives, so memory stays flat in the number of
files: at most a small window of parsed plans is in flight.  A file that fails — or
whose rows no table can hold — is a row of the ``errors`` table (and a call to
``on_error``), never the end of the batch.  File outputs are written under temporary
names and renamed into place at the end, so a run that fails or is killed leaves the
previous output, never a half-written one that looks whole.  Layouts and what an
interrupted run leaves behind are in ``docs/export.md``.
"""
from __future__ import annotations

import csv
import errno
import functools
import glob
import json
import os
import signal
import sqlite3
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .errors import PlanParseError, display_path
from .frames import FRAMES, PLAN_TABLES, frame, plan_rows, unexportable
from .readers import EXTENSIONS

#: Files a directory is searched for: the extensions the readers know (named files are
#: taken whatever their extension).
PLAN_EXTENSIONS = tuple(EXTENSIONS)

#: ``--to`` suffix -> format; a trailing slash or an existing directory means ``csv``.
SUFFIXES = {".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite", ".parquet": "parquet",
            ".jsonl": "jsonl", ".ndjson": "jsonl"}

#: The file that marks a CSV or Parquet directory as one complete set, written last.
MANIFEST = "_manifest.json"


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
        """The file's row in the ``errors`` table (a name that is not UTF-8 shown as ``\\xNN``)."""
        return (display_path(self.path), self.code, self.reason)


@dataclass(frozen=True)
class Reading:
    """How each file of a batch is read: a forced reader (``format``), a user glossary (a
    path, loaded once per process) and :class:`~plan_parser.settings.Settings` (size limit,
    OCR, dictionary English): what ``plan-parser export`` takes from ``--input-format``,
    ``--glossary``, ``--max-size``, ``--no-ocr`` and ``--dictionary``."""

    format: str | None = None
    glossary: str | None = None
    settings: Any = None


@functools.lru_cache(maxsize=4)
def _glossary(path: str | None):
    from .api import resolve_glossary

    return resolve_glossary(path)


def _check_reading(reading: Reading | None) -> None:
    """Raise :class:`PlanParseError` for a ``reading`` no file could be read with (an unknown
    reader, a glossary that cannot be loaded, dictionary English without CC-CEDICT), and load
    the glossary afresh for this batch (an edited file between two exports is read again)."""
    if reading is None:
        return
    from .readers import check_format

    if reading.format is not None:
        check_format(reading.format)
    _glossary.cache_clear()
    _glossary(reading.glossary)
    if reading.settings is not None and reading.settings.dictionary:
        from .dictionary import require

        require()


def parse_one(path: str, payload: str = "rows", bugs: str = "row", reading: Reading | None = None) -> Result:
    """Parse one file into ``payload`` ("rows" for tables, "json" for a JSON line), read as
    ``reading`` says (default: the defaults).

    A plan that parses but that no table can hold (a number beyond 64 bits, a file
    name that is not UTF-8) is a failure with code ``unexportable``.  An exception
    that is not a :class:`PlanParseError` is a bug: with ``bugs="row"`` (a batch
    export) it is a failure with code ``internal``; with ``bugs="raise"`` (and with
    ``PLAN_PARSER_DEBUG`` set) it propagates with its traceback.
    """
    from .api import load_plan

    if display_path(path) != path:
        return Result(path, code="unexportable",
                      reason="the file name is not UTF-8, and exports store names as UTF-8 text; "
                             "rename it (e.g. convmv -f gbk -t utf-8)")
    try:
        reading = reading or Reading()
        plan = load_plan(path, format=reading.format, glossary=_glossary(reading.glossary), settings=reading.settings)
        data = plan_rows(plan) if payload == "rows" else plan.to_json(indent=None)
    except PlanParseError as exc:
        return Result(path, code=exc.code, reason=exc.reason)
    except Exception as exc:  # a bug: one error row of a batch, not a dead batch
        if bugs == "raise" or os.environ.get("PLAN_PARSER_DEBUG"):
            raise
        return Result(path, code="internal", reason=f"internal error: {type(exc).__name__}: {exc}")
    problem = unexportable(data) if payload == "rows" else None
    if problem:
        return Result(path, code="unexportable", reason=f"cannot be exported as tables: {problem}")
    return Result(path, plan.source.sha256, data)


#: How often a worker without ``PR_SET_PDEATHSIG`` looks whether its parent is still there (seconds).
PARENT_CHECK_SECONDS = 1.0


def _worker_start(parent: int) -> None:
    """Pool initializer: a worker ends with the export that started it, even after ``kill -9``.

    On Linux the kernel does it (``prctl(PR_SET_PDEATHSIG, SIGKILL)``); elsewhere a
    daemon thread polls whether the parent is alive (:func:`_alive`).
    """
    watched = True
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            watched = libc.prctl(1, int(signal.SIGKILL), 0, 0, 0) != 0  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if not _alive(parent):  # the parent died before (or while) this worker started
        os._exit(1)
    if watched:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="plan-parser-parent").start()


def _alive(parent: int) -> bool:
    """The export's process is still there: it is this worker's parent (fork, spawn) or, under
    the forkserver start method (Python 3.14's default on Linux), alive beside the fork server."""
    if os.getppid() == parent:
        return True
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if not _alive(parent):
            os._exit(1)


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_worker_start, initargs=(os.getpid(),))


def iter_results(paths: list[str], *, jobs: int | None = None, payload: str = "rows",
                 bugs: str = "row", reading: Reading | None = None) -> Iterator[Result]:
    """Parse ``paths`` in ``jobs`` processes, yielding results in input order.

    At most ``4 * jobs`` files are in flight, so parsed plans never pile up while the
    writer catches up.  ``jobs=1`` parses in this process.  The first file is parsed
    here before the pool starts, so that forked workers inherit the loaded readers and
    glossary (and jieba, if a plan needed it) instead of each loading them.  A worker that dies
    takes the blame for the file at the head of the queue; the pool is restarted for the rest.
    Workers die with this process (see :func:`_worker_start`).  ``bugs`` and ``reading`` as for
    :func:`parse_one`.
    """
    jobs = jobs or os.cpu_count() or 1
    todo = iter(paths)
    if jobs == 1 or len(paths) < 3:
        yield from (parse_one(path, payload, bugs, reading) for path in todo)
        return
    yield parse_one(next(todo), payload, bugs, reading)
    pool = _pool(min(jobs, len(paths) - 1))
    try:
        pending = deque((path, pool.submit(parse_one, path, payload, bugs, reading))
                        for path in islice(todo, 4 * jobs))
        while pending:
            path, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                result = Result(path, code="internal", reason="the worker process died while parsing this file")
                pool.shutdown(cancel_futures=True)
                pool = _pool(jobs)
                pending = deque((p, pool.submit(parse_one, p, payload, bugs, reading)) for p, _ in pending)
            for following in islice(todo, 1):
                pending.append((following, pool.submit(parse_one, following, payload, bugs, reading)))
            yield result
    finally:
        pool.shutdown(cancel_futures=True)


# -- writers ------------------------------------------------------------------------

class Writer:
    """Takes plans one at a time; ``payload`` says what it wants from the workers.

    ``finish()`` makes the output whole once every file is in; ``abort()`` after a
    failure or an interruption leaves the previous output as it was (SQLite: the plans
    committed so far).
    """

    payload = "rows"

    def __init__(self, target: Path):
        self.target = target

    def add_plan(self, rows) -> None:
        raise NotImplementedError

    def add_error(self, row: tuple[str, str, str]) -> None:
        raise NotImplementedError

    def finish(self, summary: ExportSummary) -> None:
        """Every file is in: put the output in place."""

    def abort(self) -> None:
        """Give up: drop what this run wrote and was not yet in place."""


def _cannot_write(target: Path, exc: BaseException) -> PlanParseError:
    """A failed write (a full disk, a read-only file, a missing folder) as one line naming the output."""
    if isinstance(exc, OSError):  # by errno: pyarrow's strerror is a paragraph
        reason = os.strerror(exc.errno) if exc.errno else exc.strerror or str(exc)
    else:
        reason = str(exc)
    return PlanParseError(display_path(str(target)), f"cannot write here ({reason})", "unwritable")


#: SQLite's result codes for an output that cannot be written (as opposed to a bug in a statement).
SQLITE_WRITE_FAILURES = ("SQLITE_FULL", "SQLITE_READONLY", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_PERM",
                         "SQLITE_BUSY", "SQLITE_LOCKED")


def _write_failure(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return True
    name = getattr(exc, "sqlite_errorname", "") or ""
    return isinstance(exc, sqlite3.OperationalError) and name.startswith(SQLITE_WRITE_FAILURES)


@contextmanager
def _output_errors(target: Path):
    """An output that cannot be created or written is one line of trouble naming it, not a traceback."""
    try:
        yield
    except (OSError, sqlite3.OperationalError) as exc:
        if not _write_failure(exc):
            raise
        raise _cannot_write(target, exc) from None


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists (always "yes" on Windows, where ``os.kill`` would end it)."""
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return True


class _Staged:
    """Files written under a hidden temporary name beside their final one, renamed into place at the end.

    ``.NAME.partial-PID``: a run that fails removes its partial files; a run that is
    killed leaves them, and the next run into the same place removes those of
    processes that no longer exist.
    """

    def __init__(self, folder: Path, names: Iterable[str]):
        self.folder = folder
        self.partial = {name: folder / f".{name}.partial-{os.getpid()}" for name in names}
        for name in self.partial:
            for stale in folder.glob(f".{glob.escape(name)}.partial-*"):
                pid = stale.name.rpartition("-")[2]
                if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                    stale.unlink(missing_ok=True)

    def commit(self, before: Callable[[], None] = lambda: None) -> None:
        """Flush every partial file to disk, call ``before``, then rename each into place."""
        for path in self.partial.values():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        before()
        for name, path in self.partial.items():
            os.replace(path, self.folder / name)
        _sync_folder(self.folder)

    def discard(self) -> None:
        for path in self.partial.values():
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass


def _sync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def _folder_lock(folder: Path):
    """One run at a time puts its set of files into ``folder`` (``flock``; none where there is no ``fcntl``)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


#: SQLite column types for the pandas dtypes of :data:`FRAMES` (booleans are 0/1).
SQL_TYPES = {"Int64": "INTEGER", "Float64": "REAL", "string": "TEXT", "boolean": "INTEGER"}

#: The frame columns every plan table starts with; SQLite stores one integer ``plan_key``
#: instead, and the ``frame_<table>`` views put them back.
_PLAN_TAG = ("plan_id", "source_path")

#: Primary keys of the stored tables.
PRIMARY_KEYS = {
    "plans": ("plan_key",), "sections": ("plan_key", "ordinal"), "columns": ("plan_key", "ordinal"),
    "indicators": ("plan_key", "ordinal"), "projects": ("plan_key", "ordinal"),
    "project_quantities": ("plan_key", "project_ordinal", "seq"), "tasks": ("plan_key", "ordinal"),
    "errors": ("path",),
}

#: Foreign keys beyond ``plan_key -> plans(plan_key)``, which every plan table has.
FOREIGN_KEYS = {"project_quantities": [(("plan_key", "project_ordinal"), "projects", ("plan_key", "ordinal"))]}

#: Secondary indexes, for the usual joins and look-ups.
INDEXES = {
    "plans": [("path",), ("region", "period_start")],
    "sections": [("plan_key", "chapter", "section")],
    "columns": [("plan_key", "number")],
    "indicators": [("plan_key", "column", "seq"), ("name",)],
    "projects": [("plan_key", "column", "seq")],
    "project_quantities": [("plan_key", "column", "project_seq")],
    "tasks": [("plan_key", "chapter", "section")],
}

#: Bumped when the table layout changes; stored as ``PRAGMA user_version``.
#: 2: child tables keyed by the integer ``plans.plan_key``; ``frame_<table>`` views.
SQLITE_LAYOUT_VERSION = 2

#: Seconds a run waits for another run's lock on the same database before it gives up.
SQLITE_WAIT_SECONDS = 60

#: Tables kept as rowid tables; the others are ``WITHOUT ROWID`` (stored in their primary key's
#: b-tree, no second copy of the key).  Rows with long text (tasks, projects) are far smaller
#: in a rowid table: measured on 200 plans, tasks take 36 kB per plan there and 79 kB without rowid.
ROWID_TABLES = ("plans", "projects", "tasks")

#: The tables whose rows belong to one plan, children of ``plans``.
CHILD_TABLES = PLAN_TABLES[1:]


def _names(columns: Iterable[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def stored_columns(table: str) -> list[str]:
    """The columns of ``table`` as SQLite stores it: the frame's, with ``plan_key`` for the plan tag."""
    if table == "errors":
        return list(FRAMES[table])
    if table == "plans":
        return ["plan_key", *FRAMES[table]]
    return ["plan_key"] + [c for c in FRAMES[table] if c not in _PLAN_TAG]


def sqlite_schema() -> list[str]:
    """The ``CREATE`` statements of the export database, generated from :data:`FRAMES`."""
    statements = []
    for table, columns in FRAMES.items():
        key = PRIMARY_KEYS[table]
        types = {"plan_key": "INTEGER", **{c: SQL_TYPES[t] for c, t in columns.items()}}
        if table == "plans":
            lines = ['"plan_key" INTEGER PRIMARY KEY'] + [
                f'"{c}" {types[c]}{" NOT NULL UNIQUE" if c == "plan_id" else ""}' for c in stored_columns(table)[1:]]
        else:
            lines = [f'"{c}" {types[c]}{" NOT NULL" if c in key else ""}' for c in stored_columns(table)]
            lines.append(f"PRIMARY KEY ({_names(key)})")
        refs = FOREIGN_KEYS.get(table, [])
        if table in CHILD_TABLES:
            refs = [(("plan_key",), "plans", ("plan_key",))] + refs
        lines += [f'FOREIGN KEY ({_names(cols)}) REFERENCES "{other}" ({_names(keys)})' for cols, other, keys in refs]
        rowid = "" if table in ROWID_TABLES else " WITHOUT ROWID"
        statements.append(f'CREATE TABLE IF NOT EXISTS "{table}" (\n  ' + ",\n  ".join(lines) + f"\n){rowid}")
        statements += [f'CREATE INDEX IF NOT EXISTS "{table}_{"_".join(cols)}" ON "{table}" ({_names(cols)})'
                       for cols in INDEXES.get(table, [])]
    for table, columns in FRAMES.items():
        statements.append(f'CREATE VIEW IF NOT EXISTS "frame_{table}" AS SELECT {_view_columns(table)}')
    return statements


def _view_columns(table: str) -> str:
    """The select list and source of ``frame_<table>``: exactly the frame's columns, in order."""
    if table in ("plans", "errors"):
        return f'{_names(FRAMES[table])} FROM "{table}"'
    cells = {"plan_id": 'p."plan_id"', "source_path": 'p."path" AS "source_path"'}
    select = ", ".join(cells.get(c, f't."{c}"') for c in FRAMES[table])
    return f'{select} FROM "{table}" AS t JOIN "plans" AS p ON p."plan_key" = t."plan_key"'


#: Objects plan-parser creates in a database (tables, views, indexes).
OWN_OBJECTS = frozenset([*FRAMES, *(f"frame_{t}" for t in FRAMES),
                         *(f'{t}_{"_".join(c)}' for t, idx in INDEXES.items() for c in idx)])


class SqliteWriter(Writer):
    """One database for many runs: a plan's rows are replaced, keyed by its sha256, in one transaction.

    The database is first looked at read-only; one that is not plan-parser's (other
    tables, another application's ``user_version``) or of another layout is refused
    before anything in it changes.
    """

    def __init__(self, target: Path, *, allow_foreign_tables: bool = False):
        super().__init__(target)
        self.own = self._inspect(allow_foreign_tables)
        with _output_errors(target):
            if not target.parent.is_dir():  # say why, where SQLite says "unable to open database file"
                os.stat(target.parent)
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
            self.db = sqlite3.connect(target, isolation_level=None, timeout=SQLITE_WAIT_SECONDS)
        with _output_errors(target):
            try:
                self.db.execute("PRAGMA foreign_keys = ON")
                if self.own:  # another application's journal mode is its own business
                    _switch_to_wal(self.db)  # a commit per plan stays cheap
                self.db.execute("PRAGMA synchronous = NORMAL")
                with self._transaction():
                    for statement in sqlite_schema():
                        self.db.execute(statement)
                    if self.own:
                        self.db.execute(f"PRAGMA user_version = {SQLITE_LAYOUT_VERSION}")
            except BaseException:
                self.db.close()
                raise
        self._inserts = {t: f'INSERT INTO "{t}" VALUES ({", ".join("?" * len(stored_columns(t)))})'
                         for t in FRAMES}

    def _inspect(self, allow_foreign_tables: bool) -> bool:
        """Decide, reading only, whether to write here; True when the database is plan-parser's own."""
        target = self.target
        if not target.exists():
            return True
        if target.is_dir():
            raise _cannot_write(target, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))
        uri = "file:" + quote(os.fsencode(os.path.abspath(target))) + "?mode=ro"
        try:
            db = sqlite3.connect(uri, uri=True)
            try:
                objects = db.execute("SELECT type, name FROM sqlite_master").fetchall()
                version = db.execute("PRAGMA user_version").fetchone()[0]
                have = {t: [r[1] for r in db.execute(f'PRAGMA table_info("{t}")')] for t in FRAMES}
            finally:
                db.close()
        except sqlite3.DatabaseError as exc:
            raise PlanParseError(display_path(str(target)), f"cannot use as an SQLite database ({exc})",
                                 "unreadable") from None
        foreign = sorted(name for kind, name in objects
                         if kind in ("table", "view") and name not in OWN_OBJECTS and not name.startswith("sqlite_"))
        ours = [t for t in FRAMES if have[t]]
        if ours and not foreign and version not in (0, SQLITE_LAYOUT_VERSION):
            self._refuse(f"written by plan-parser's layout {version} (user_version); this version writes "
                         f"layout {SQLITE_LAYOUT_VERSION}: export to a new file")
        for table in ours:
            if have[table] != stored_columns(table):
                self._refuse(f"table {table} has other columns than plan-parser writes "
                             f"(layout {SQLITE_LAYOUT_VERSION}); export to a new file")
        if not foreign and not ours and version not in (0, SQLITE_LAYOUT_VERSION):
            foreign = [f"user_version {version}"]
        if foreign and not allow_foreign_tables:
            shown = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
            self._refuse(f"holds tables plan-parser did not write ({shown}); export to a new file, "
                         "or pass --force (allow_foreign_tables=True) to add plan-parser's tables beside them")
        return not foreign

    def _refuse(self, reason: str) -> None:
        raise PlanParseError(display_path(str(self.target)), reason, "unsupported_format")

    def _transaction(self):
        return _Transaction(self.db)

    def add_plan(self, rows: dict[str, list[tuple]]) -> None:
        plan = rows["plans"][0]
        with self._transaction():
            old = self.db.execute('SELECT plan_key FROM "plans" WHERE plan_id = ?', (plan[0],)).fetchone()
            if old:
                for table in reversed(CHILD_TABLES):  # children first, for the foreign keys
                    self.db.execute(f'DELETE FROM "{table}" WHERE plan_key = ?', old)
                self.db.execute('DELETE FROM "plans" WHERE plan_key = ?', old)
            key = self.db.execute(self._inserts["plans"], (old[0] if old else None, *plan)).lastrowid
            self.db.execute('DELETE FROM "errors" WHERE path = ?', (plan[1],))
            for table in CHILD_TABLES:
                self.db.executemany(self._inserts[table], [(key, *row[2:]) for row in rows[table]])

    def add_error(self, row: tuple[str, str, str]) -> None:
        with self._transaction():
            self.db.execute('INSERT OR REPLACE INTO "errors" VALUES (?, ?, ?)', row)

    def _close(self) -> None:
        if self.own:
            try:
                self.db.execute("PRAGMA journal_mode = DELETE")  # fold the WAL back: one self-contained file
            except sqlite3.Error:  # another connection has it open (or the disk is full): it stays in WAL mode
                pass
        self.db.close()

    def finish(self, summary: ExportSummary) -> None:
        self._close()

    def abort(self) -> None:
        try:
            self._close()
        except sqlite3.Error:
            pass


def _switch_to_wal(db: sqlite3.Connection) -> None:
    """``PRAGMA journal_mode = WAL``, waiting for a lock held by another run.

    SQLite answers "database is locked" at once, without its busy handler, when two
    connections switch a new database's journal mode together (two exports started
    side by side into one new file); the switch is retried until ``SQLITE_WAIT_SECONDS``.
    """
    deadline = time.monotonic() + SQLITE_WAIT_SECONDS
    pause = 0.001
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            busy = (getattr(exc, "sqlite_errorname", "") or "").startswith("SQLITE_BUSY")
            if not busy or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


class _Transaction:
    """``BEGIN`` … ``COMMIT``, or ``ROLLBACK`` on any exception."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, value, tb):
        if kind is None:
            self.db.execute("COMMIT")
        elif self.db.in_transaction:
            self.db.execute("ROLLBACK")


class _TableSet(Writer):
    """CSV and Parquet: a directory of ``<table>.<ext>`` files and a manifest that says the set is whole.

    Each table is written to a partial file; at the end, under a lock on the directory,
    the old manifest is removed, every table renamed into place, and a new manifest
    written last.  So the directory holds either a complete set with its manifest, the
    previous set with its manifest, or (only if killed during the renames) no manifest.
    """

    extension = ""

    def __init__(self, target: Path):
        super().__init__(target)
        with _output_errors(target):
            target.mkdir(parents=True, exist_ok=True)
            self.staged = _Staged(target, [f"{t}.{self.extension}" for t in FRAMES] + [MANIFEST])
        self.rows = dict.fromkeys(FRAMES, 0)

    def _partial(self, table: str) -> Path:
        return self.staged.partial[f"{table}.{self.extension}"]

    def add_plan(self, rows: dict[str, list[tuple]]) -> None:
        for table, table_rows in rows.items():
            self._write(table, table_rows)
            self.rows[table] += len(table_rows)

    def add_error(self, row: tuple[str, str, str]) -> None:
        self._write("errors", [row])
        self.rows["errors"] += 1

    def _write(self, table: str, rows: list[tuple]) -> None:
        raise NotImplementedError

    def _close_tables(self) -> None:
        raise NotImplementedError

    def finish(self, summary: ExportSummary) -> None:
        from . import __version__

        self._close_tables()
        manifest = {
            "complete": True, "format": summary.format, "plan_parser": __version__,
            "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "files": summary.files, "exported": summary.exported, "duplicates": summary.duplicates,
            "tables": {f"{t}.{self.extension}": {"rows": n, "bytes": self._partial(t).stat().st_size}
                       for t, n in self.rows.items()},
        }
        self.staged.partial[MANIFEST].write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                                 encoding="utf-8")
        with _folder_lock(self.target):
            old = self.target / MANIFEST
            self.staged.commit(before=lambda: old.unlink(missing_ok=True))

    def abort(self) -> None:
        try:
            self._close_tables()
        except Exception:  # a full disk fails the close too; the partial files go all the same
            pass
        self.staged.discard()


class CsvWriter(_TableSet):
    """A directory of ``<table>.csv``, UTF-8 with a BOM so that Excel reads the Chinese right."""

    extension = "csv"

    def __init__(self, target: Path):
        super().__init__(target)
        with _output_errors(target):
            self.files = {t: open(self._partial(t), "w", encoding="utf-8-sig", newline="") for t in FRAMES}
        self.writers = {t: csv.writer(f) for t, f in self.files.items()}
        for table, writer in self.writers.items():
            writer.writerow(FRAMES[table])

    def _write(self, table: str, rows: list[tuple]) -> None:
        self.writers[table].writerows(rows)

    def _close_tables(self) -> None:
        for f in self.files.values():
            f.close()


class ParquetWriter(_TableSet):
    """A directory ``out.parquet/`` of ``<table>.parquet``; rows are buffered into row groups."""

    extension = "parquet"
    ROW_GROUP = 65536

    def __init__(self, target: Path):
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise PlanParseError(str(target), "Parquet export needs pyarrow: pip install 'plan-parser[parquet]'",
                                 "unsupported_format") from None
        super().__init__(target)
        self.pa = pa
        # The schema carries pandas metadata, so pandas reads back the nullable dtypes.
        self.schemas = {t: pa.Schema.from_pandas(frame(t), preserve_index=False) for t in FRAMES}
        self.writers = {}
        with _output_errors(target):
            for t, schema in self.schemas.items():
                self.writers[t] = pq.ParquetWriter(self._partial(t), schema)
        self.buffers: dict[str, list[tuple]] = {t: [] for t in FRAMES}

    def _write(self, table: str, rows: list[tuple]) -> None:
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

    def _close_tables(self) -> None:
        while self.writers:
            table = next(iter(self.writers))
            try:
                if self.buffers[table]:
                    self._flush(table)
            finally:
                self.writers.pop(table).close()


class JsonlWriter(Writer):
    """One plan per line: ``Plan.to_json(indent=None)``.  Failures are not lines (see ``on_error``).

    Written to a partial file and renamed over ``target`` at the end.
    """

    payload = "json"

    def __init__(self, target: Path):
        super().__init__(target)
        with _output_errors(target):
            if target.is_dir():
                raise IsADirectoryError(21, "is a directory")
            self.staged = _Staged(target.parent, [target.name])
            self.file = open(self.staged.partial[target.name], "w", encoding="utf-8")

    def add_plan(self, line: str) -> None:
        self.file.write(line + "\n")

    def add_error(self, row: tuple[str, str, str]) -> None:
        pass

    def finish(self, summary: ExportSummary) -> None:
        self.file.close()
        self.staged.commit()

    def abort(self) -> None:
        try:
            self.file.close()
        except OSError:
            pass
        self.staged.discard()


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
           on_error: Callable[[str, str, str], None] | None = None,
           allow_foreign_tables: bool = False, reading: Reading | None = None) -> ExportSummary:
    """Parse every plan file in ``paths_or_globs`` and write them all to ``to``.

    ``format`` is ``sqlite``, ``parquet``, ``csv`` or ``jsonl`` (default: from ``to``,
    see :func:`format_for`).  ``jobs`` processes parse (default: one per CPU).
    ``progress(done, total, failed)`` is called after each file; ``on_error(path,
    code, reason)`` for each file that fails.  A file whose bytes repeat an earlier
    one of the batch (same ``plan_id``) is skipped and counted in ``duplicates``.
    An SQLite database that holds tables plan-parser did not write is refused unless
    ``allow_foreign_tables``.  ``reading`` (a :class:`Reading`): how each file is read; one
    that no file could be read with raises before the output is touched.  Raises :class:`PlanParseError` only when the output
    itself cannot be written (code ``unwritable``, ``unreadable`` or
    ``unsupported_format``); the previous output is then left as it was.
    """
    to = os.fspath(to)
    fmt = format or format_for(to)
    _check_reading(reading)  # before any output is touched: a bad glossary is no batch of errors
    paths = expand_paths(paths_or_globs)
    target = Path(to)
    if fmt == "sqlite":
        writer: Writer = SqliteWriter(target, allow_foreign_tables=allow_foreign_tables)
    else:
        writer = WRITERS[fmt](target)
    summary = ExportSummary(to, fmt, files=len(paths))
    seen: set[str] = set()
    try:
        for done, result in enumerate(iter_results(paths, jobs=jobs, payload=writer.payload, reading=reading), 1):
            if result.code is not None:
                with _output_errors(target):
                    writer.add_error(result.error_row)
                summary.errors.append(result.error_row)
                if on_error:
                    on_error(*result.error_row)
            elif result.plan_id in seen:
                summary.duplicates += 1
            else:
                seen.add(result.plan_id)
                with _output_errors(target):
                    writer.add_plan(result.payload)
                summary.exported += 1
            if progress:
                progress(done, len(paths), len(summary.errors))
        with _output_errors(target):
            writer.finish(summary)
    except BaseException:
        writer.abort()
        raise
    return summary
