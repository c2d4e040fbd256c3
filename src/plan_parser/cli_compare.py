"""``plan-parser compare P1 P2 …``: one row per indicator across many plans.

Exit 0 when every plan was read, 2 when one could not be (a one-line message per
file on stderr; the others are still compared, as a batch goes on).  Progress goes
to stderr when it is a terminal (``--progress`` forces it, ``--no-progress``
silences it).  The formats are :func:`plan_parser.report.render_compare`'s.
"""
from __future__ import annotations

import argparse
import sys

from .cli import EXIT_OK, EXIT_TROUBLE, input_settings, load_for_cli
from .cli_diff import (LANG_NOTE, add_report_options, check_stdin_once, emit, needs_english, report_glossary,
                       terminal_width)
from .errors import PlanParseError


def register(subparsers) -> None:
    p = subparsers.add_parser("compare", help="compare many plans: one row per indicator, targets side by side, "
                                              "shares of the upper-level plan's targets (exit 0, 2 trouble)",
                              epilog=LANG_NOTE)
    p.add_argument("files", nargs="+", metavar="PLAN")
    add_report_options(p)
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="report progress on stderr (default: when stderr is a terminal)")
    p.set_defaults(run=cmd_compare)


def cmd_compare(args: argparse.Namespace) -> int:
    from .compare import compare_plans
    from .report import render_compare

    check_stdin_once(args.files)
    show = sys.stderr.isatty() if args.progress is None else args.progress
    glossary, english, settings = report_glossary(args), needs_english(args), input_settings(args)
    plans, status = [], EXIT_OK
    for n, path in enumerate(args.files, 1):
        if show:
            print(f"plan-parser: [{n}/{len(args.files)}] reading {path}", file=sys.stderr)
        try:
            plans.append(load_for_cli(path, args.input_format, glossary, settings, english))
        except PlanParseError as exc:
            print(f"plan-parser: {exc}", file=sys.stderr)
            status = EXIT_TROUBLE
    if not plans:
        return EXIT_TROUBLE
    progress = ((lambda done, total: print(f"plan-parser: matched {done}/{total} plans", file=sys.stderr))
                if show else None)
    result = compare_plans(plans, progress=progress)
    emit(render_compare(result, args.format, lang=args.lang, width=terminal_width(args)), args)
    return status
