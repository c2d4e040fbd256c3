"""``plan-parser export``: many plans into SQLite, Parquet, CSV or JSON Lines (see ``docs/export.md``)."""
from __future__ import annotations

import argparse
import sys

from .cli import EXIT_OK, EXIT_TROUBLE, add_glossary_options, add_input_options, input_settings, write_output
from .readers import EXTENSIONS

EPILOG = """\
formats (from --to):
  out.sqlite  SQLite database (.sqlite, .sqlite3, .db); re-running replaces each
              plan's rows, keyed by the sha256 of its file, and adds new plans;
              a database with other applications' tables is refused (see --force)
  out.parquet directory of <table>.parquet files (needs: pip install 'plan-parser[parquet]')
  out_dir/    directory of <table>.csv files, UTF-8 with BOM (a trailing slash or
              an existing directory)
  out.jsonl   one plan per line, the JSON of 'plan-parser parse'

Directories are searched for the files the readers know:
  {extensions}
A file that cannot be parsed is reported on stderr ('plan-parser: PATH: reason')
and listed in the errors table; the others are exported all the same.

Parquet, CSV and JSON Lines are written under temporary names and renamed into
place at the end (a directory gets _manifest.json last): an interrupted run leaves
the previous output.  SQLite commits plan by plan: an interrupted run leaves the
plans done so far, each whole.

exit status:
  0  every file was parsed and exported
  2  some file could not be parsed (the rest were exported), or the output could
     not be written, or --glossary cannot be read or --dictionary lacks its extra
     (before any file), or a usage error
"""


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "export", help="parse many plans and write them as tables (SQLite, Parquet, CSV, JSON Lines)",
        description="Parse plan files in parallel and write them as tables.",
        epilog=EPILOG.format(extensions=" ".join(EXTENSIONS)),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="plan files, directories or globs")
    p.add_argument("--to", required=True, metavar="OUT",
                   help="out.sqlite | out.parquet | out_dir/ | out.jsonl (the format comes from this)")
    p.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                   help="parse in N processes (default: one per CPU)")
    p.add_argument("--force", action="store_true",
                   help="write into an SQLite database that also holds other applications' tables "
                        "(its user_version and journal mode are left alone)")
    add_input_options(p)
    add_glossary_options(p)
    p.set_defaults(run=cmd_export)


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"--jobs takes a whole number of at least 1, not {text!r}")
    return value


class _Progress:
    """A ``\\r`` counter on stderr, drawn only when stderr is a terminal."""

    def __init__(self) -> None:
        self.shown = sys.stderr.isatty()
        self.line = ""

    def __call__(self, done: int, total: int, failed: int) -> None:
        if self.shown:
            self.line = f"\rexport: {done}/{total} files" + (f", {failed} failed" if failed else "")
            sys.stderr.write(self.line)
            sys.stderr.flush()

    def error(self, path: str, code: str, reason: str) -> None:
        if self.shown and self.line:
            sys.stderr.write("\r\x1b[K")  # clear the counter; the next call redraws it
        sys.stderr.write(f"plan-parser: {path}: {reason}\n")
        sys.stderr.flush()

    def finish(self) -> None:
        if self.shown and self.line:
            sys.stderr.write("\n")


def cmd_export(args: argparse.Namespace) -> int:
    from .errors import PlanParseError
    from .export import Reading, export, expand_paths

    reading = Reading(args.input_format, args.glossary, input_settings(args))
    paths = expand_paths(args.paths)
    if not paths:
        raise PlanParseError(" ".join(args.paths), f"no plan files found ({' '.join(EXTENSIONS)})", "unreadable")
    progress = _Progress()
    try:
        summary = export(paths, args.to, jobs=args.jobs, progress=progress, on_error=progress.error,
                         allow_foreign_tables=args.force, reading=reading)
    finally:
        progress.finish()
    note = f", {summary.duplicates} duplicate files skipped" if summary.duplicates else ""
    failed = f", {len(summary.errors)} failed" if summary.errors else ""
    write_output(f"exported {summary.exported} of {summary.files} files to {summary.target} "
                 f"({summary.format}){note}{failed}", None)
    return EXIT_TROUBLE if summary.errors else EXIT_OK
