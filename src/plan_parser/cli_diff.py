"""``plan-parser diff A B`` and ``plan-parser check FILE``.

Both exit like ``diff(1)``: 0 when the plans (or the plan's tables and prose)
agree, 1 when they differ, 2 on trouble.  ``check`` has a third outcome: when no
pair of figures could be compared at all it says so on stderr and exits 2 (0 with
``--exit-zero``, with the same line), never "consistent".  ``-`` reads a plan from
standard input (one of the inputs at most).  The diff, the check and the renderers
are imported only when a command runs, and a Chinese view loads its plans without
English labels (:func:`needs_english`).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys

from .cli import (EXIT_DIFFERENT, EXIT_OK, EXIT_TROUBLE, add_input_options, add_label_options, input_settings,
                  load_for_cli, write_output)
from .errors import PlanParseError
from .render import REPORT_FORMATS as FORMATS

#: --help's last paragraph: what --lang does here (the shared option's own line is generic)
LANG_NOTE = ("--lang picks the labels of --format table, markdown, csv and html only; --format json "
             "ignores it and always carries both languages (name and name_en, title and title_en, …). "
             "A FILE of - is read from standard input.")


def add_report_options(p: argparse.ArgumentParser) -> None:
    """--format, --lang/--glossary, input options and -o: shared by diff, check and compare."""
    p.add_argument("--format", "-f", choices=FORMATS, default="table")
    add_label_options(p)
    add_input_options(p)
    p.add_argument("-o", "--output", help="write to this file instead of stdout (the command says where it wrote)")


def needs_english(args: argparse.Namespace) -> bool:
    """Whether a report shows English labels: JSON always carries both languages (``name`` and
    ``name_en`` …) and ``--lang en`` views show English; a Chinese view needs none, so its plans
    are loaded without them (composing them is most of a small plan's load time)."""
    return args.format == "json" or args.lang == "en"


def report_glossary(args: argparse.Namespace):
    """The glossary a report's plans are loaded with: None when the report needs no English,
    unless ``--glossary`` was given (a bad glossary file is an error whatever the view)."""
    from .api import resolve_glossary

    return resolve_glossary(args.glossary) if needs_english(args) or args.glossary else None


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--only", choices=["changed"],
                   help="'changed': leave out what agrees (unchanged pairs, agreeing figures)")
    p.add_argument("--exit-zero", action="store_true",
                   help="exit 0 even when differences are found (for scripts that only want the report)")
    add_report_options(p)


def register(subparsers) -> None:
    p = subparsers.add_parser("diff", help="compare two plans: indicators, projects, headings, tasks, prose "
                                           "figures (exit 0 same, 1 different, 2 trouble)", epilog=LANG_NOTE)
    p.add_argument("left", metavar="A")
    p.add_argument("right", metavar="B")
    _common(p)
    p.set_defaults(run=cmd_diff)
    p = subparsers.add_parser("check", help="check a plan's tables against each other and its prose "
                                            "(exit 0 consistent, 1 disagreements, 2 trouble or nothing checked)",
                              epilog=LANG_NOTE)
    p.add_argument("file", metavar="FILE")
    _common(p)
    p.set_defaults(run=cmd_check)


def terminal_width(args: argparse.Namespace) -> int | None:
    """Columns to fit a table view into: the terminal's (or $COLUMNS) when printing to one."""
    if args.format != "table" or args.output:
        return None
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def emit(text: str, args: argparse.Namespace) -> None:
    """Write the report; with ``-o``, say on stderr where it went."""
    write_output(text, args.output)
    if args.output:
        print(f"plan-parser: wrote {args.output}", file=sys.stderr)


def check_stdin_once(paths: list[str]) -> None:
    """Standard input can be read once: refuse a second ``-``."""
    if paths.count("-") > 1:
        raise PlanParseError("-", "standard input can stand for one input only", "usage")


def cmd_diff(args: argparse.Namespace) -> int:
    from .diff import diff_plans
    from .report import render_diff

    check_stdin_once([args.left, args.right])
    glossary, english, settings = report_glossary(args), needs_english(args), input_settings(args)
    left = load_for_cli(args.left, args.input_format, glossary, settings, english)
    right = load_for_cli(args.right, args.input_format, glossary, settings, english)
    result = diff_plans(left, right)
    emit(render_diff(result, args.format, lang=args.lang, only_changed=args.only == "changed",
                     width=terminal_width(args)), args)
    return EXIT_OK if result.same or args.exit_zero else EXIT_DIFFERENT


def cmd_check(args: argparse.Namespace) -> int:
    from .check import check_plan
    from .report import render_check

    result = check_plan(load_for_cli(args.file, args.input_format, report_glossary(args), input_settings(args),
                                     needs_english(args)))
    color = (args.format == "table" and not args.output and sys.stdout.isatty()
             and "NO_COLOR" not in os.environ)
    emit(render_check(result, args.format, lang=args.lang, only_changed=args.only == "changed",
                      width=terminal_width(args), color=color), args)
    if result.outcome == "nothing_checked":
        why = "; ".join(result.notes) or "no figure of the prose or tables paired with another"
        print(f"plan-parser: {args.file}: nothing was checked ({why})", file=sys.stderr)
        return EXIT_OK if args.exit_zero else EXIT_TROUBLE
    return EXIT_OK if result.consistent or args.exit_zero else EXIT_DIFFERENT
