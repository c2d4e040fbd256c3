"""``plan-parser diff A B`` and ``plan-parser check FILE``.

Both exit like ``diff(1)``: 0 when the plans (or the plan's tables and prose)
agree, 1 when they differ, 2 on trouble.  The diff, the check and the renderers
are imported only when a command runs.
"""
from __future__ import annotations

import argparse

from .cli import (EXIT_DIFFERENT, EXIT_OK, add_input_options, add_label_options, load_for_cli, max_bytes,
                  write_output)

FORMATS = ("table", "json", "markdown", "csv", "html")

#: --help's last paragraph: what --lang does here (the shared option's own line is generic)
LANG_NOTE = ("--lang picks the labels of --format table, markdown, csv and html only; --format json "
             "ignores it and always carries both languages (name and name_en, title and title_en, …).")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", "-f", choices=FORMATS, default="table")
    p.add_argument("--only", choices=["changed"],
                   help="'changed': leave out what agrees (unchanged pairs, agreeing figures)")
    add_label_options(p)
    p.add_argument("--exit-zero", action="store_true",
                   help="exit 0 even when differences are found (for scripts that only want the report)")
    add_input_options(p)
    p.add_argument("-o", "--output", help="write to this file instead of stdout")


def register(subparsers) -> None:
    p = subparsers.add_parser("diff", help="compare two plans: indicators, projects, headings "
                                           "(exit 0 same, 1 different, 2 trouble)", epilog=LANG_NOTE)
    p.add_argument("left", metavar="A")
    p.add_argument("right", metavar="B")
    _common(p)
    p.set_defaults(run=cmd_diff)
    p = subparsers.add_parser("check", help="check a plan's tables against each other and its prose "
                                            "(exit 0 consistent, 1 disagreements, 2 trouble)", epilog=LANG_NOTE)
    p.add_argument("file", metavar="FILE")
    _common(p)
    p.set_defaults(run=cmd_check)


def cmd_diff(args: argparse.Namespace) -> int:
    from .api import resolve_glossary
    from .diff import diff_plans
    from .report import render_diff

    glossary = resolve_glossary(args.glossary)
    left = load_for_cli(args.left, args.input_format, glossary, max_bytes(args))
    right = load_for_cli(args.right, args.input_format, glossary, max_bytes(args))
    result = diff_plans(left, right)
    write_output(render_diff(result, args.format, lang=args.lang, only_changed=args.only == "changed"),
                 args.output)
    return EXIT_OK if result.same or args.exit_zero else EXIT_DIFFERENT


def cmd_check(args: argparse.Namespace) -> int:
    from .api import resolve_glossary
    from .check import check_plan
    from .report import render_check

    result = check_plan(load_for_cli(args.file, args.input_format, resolve_glossary(args.glossary), max_bytes(args)))
    write_output(render_check(result, args.format, lang=args.lang, only_changed=args.only == "changed"),
                 args.output)
    return EXIT_OK if result.consistent or args.exit_zero else EXIT_DIFFERENT
