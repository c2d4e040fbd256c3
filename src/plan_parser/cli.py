"""The ``plan-parser`` command line.

Exit codes follow ``diff(1)``: 0 success (for ``diff``/``check``: no differences),
1 differences found, 2 trouble.  Trouble is always one line on stderr naming the
file and the reason — never a traceback (set ``PLAN_PARSER_DEBUG=1`` to see one).
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from .errors import PlanParseError, one_line

EXIT_OK, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit 2 with the one-line message convention."""

    def error(self, message: str) -> None:  # noqa: D102
        self.exit(EXIT_TROUBLE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="plan-parser", description=__doc__.split("\n")[0])
    from . import __version__

    parser.add_argument("--version", action="version", version=f"plan-parser {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("parse", help="parse plans and print them (JSON, a table, or Markdown)")
    p.add_argument("files", nargs="+", metavar="FILE", help="plan files; - reads standard input")
    p.add_argument("--format", "-f", choices=["json", "table", "markdown"], default="json")
    add_input_options(p)
    add_label_options(p)
    p.add_argument("-o", "--output", help="write to this file instead of stdout")
    p.set_defaults(run=cmd_parse)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"plan_parser.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"plan_parser.{name}":
                raise
            continue
        module.register(sub)
    return parser


#: Modules that add subcommands: each has ``register(subparsers)`` and imports its
#: heavy machinery only inside the command it runs.
COMMAND_MODULES = ("cli_diff", "cli_compare", "cli_export", "cli_glossary")


def _positive_mb(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of megabytes: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 megabytes, not {text}")
    return value


def add_input_options(p: argparse.ArgumentParser) -> None:
    """``--input-format`` and ``--max-size``, shared by every command that reads plans."""
    from .readers import READERS

    p.add_argument("--input-format", choices=list(READERS),
                   help="force a reader instead of sniffing the content")
    from .settings import DEFAULTS

    p.add_argument("--max-size", type=_positive_mb, default=None, metavar="MB",
                   help="refuse inputs larger than this many megabytes "
                        f"(default {DEFAULTS.max_bytes / 1024 / 1024:g}, settings.DEFAULTS.max_bytes)")
    p.add_argument("--no-ocr", action="store_true",
                   help="read only a PDF's text layer: pictures of text get an ocr_needed warning "
                        "instead of OCR (seconds a page); the same as PLAN_PARSER_OCR=0")


def input_settings(args: argparse.Namespace):
    """The :class:`~plan_parser.settings.Settings` a command's ``--max-size``, ``--no-ocr`` and
    ``--dictionary`` ask for, or None for the defaults."""
    import dataclasses

    from .settings import DEFAULTS

    changes: dict = {}
    if args.max_size is not None:
        changes["max_bytes"] = int(args.max_size * 1024 * 1024)
    if args.no_ocr:
        changes["ocr"] = False
    if args.dictionary:
        from .dictionary import require

        try:
            require()  # once, before any file, whatever the view
        except PlanParseError as exc:
            raise PlanParseError("--dictionary", exc.reason, exc.code) from None
        changes["dictionary"] = True
    return dataclasses.replace(DEFAULTS, **changes) if changes else None


def add_label_options(p: argparse.ArgumentParser) -> None:
    """``--lang``, ``--glossary`` and ``--dictionary``, shared by every command that prints labels."""
    p.add_argument("--lang", choices=["zh", "en"], default="zh",
                   help="label language of table/markdown/csv/html views: zh (default) or en; "
                        "JSON always carries both (name and name_en …)")
    add_glossary_options(p)


def add_glossary_options(p: argparse.ArgumentParser) -> None:
    """``--glossary`` and ``--dictionary``: where the English labels come from."""
    p.add_argument("--glossary", metavar="FILE",
                   help="a user glossary (TOML or CSV, zh → en) that adds to or overrides the built-in one")
    p.add_argument("--dictionary", action="store_true",
                   help="English for words the glossary lacks from CC-CEDICT, word by word (each such label "
                        "gets a dictionary_english warning); needs pip install 'plan-parser[dictionary]'")


def write_output(text: str, output: str | None) -> None:
    """Write to ``output`` (UTF-8) or stdout; every command prints through this."""
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise PlanParseError(output, f"cannot write here ({exc.strerror or exc})", "unwritable") from None
    else:
        try:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        except UnicodeEncodeError as exc:
            raise PlanParseError("<stdout>", f"cannot write Chinese text in the output's encoding ({exc.encoding}); "
                                             "set PYTHONIOENCODING=utf-8 or write to a file with -o", "unwritable") from None


def load_for_cli(path: str, fmt: str | None = None, glossary=None, settings=None, english: bool = True):
    """Load one plan (``-``: standard input) for a command.  The library lets a bug raise;
    the command line alone turns it into one line naming the file, so a batch goes on
    (``PLAN_PARSER_DEBUG=1`` shows the traceback instead).  ``english=False``: a view that
    shows Chinese only needs no English labels (``cli_diff.needs_english``)."""
    from .api import load_plan

    try:
        return load_plan(path, format=fmt, glossary=glossary, settings=settings, english=english)
    except PlanParseError:
        raise
    except Exception as exc:  # a bug must still name the file, and not kill a batch
        if os.environ.get("PLAN_PARSER_DEBUG"):
            raise
        raise PlanParseError(path, f"internal error: {type(exc).__name__}: {exc} "
                                   "(set PLAN_PARSER_DEBUG=1 for details)", "internal") from exc


def cmd_parse(args: argparse.Namespace) -> int:
    from .render import plan_markdown, plan_table

    from .api import resolve_glossary

    glossary, settings = resolve_glossary(args.glossary), input_settings(args)  # once, before any file
    status = EXIT_OK
    chunks: list[str] = []
    for path in args.files:
        try:
            plan = load_for_cli(path, args.input_format, glossary, settings)
        except PlanParseError as exc:
            print(f"plan-parser: {exc}", file=sys.stderr)
            status = EXIT_TROUBLE
            continue
        if args.format == "json":
            # one file: an indented object; several: JSON Lines, one plan a line.  The JSON
            # always has the contract's shape, both languages side by side: --lang is for
            # the table and Markdown views only.
            chunks.append(plan.to_json(indent=2 if len(args.files) == 1 else None))
        elif args.format == "table":
            chunks.append(plan_table(plan, args.lang))
        else:
            chunks.append(plan_markdown(plan, args.lang))
    if chunks:
        write_output("\n".join(chunks), args.output)
    return status


def main(argv: list[str] | None = None) -> int:
    if not os.environ.get("PLAN_PARSER_DEBUG") and not sys.warnoptions:
        import warnings

        # a library's Python warning would be a second stderr line for one file; what the
        # parser has to say about an input is in the plan's warnings[]
        warnings.simplefilter("ignore")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except PlanParseError as exc:
        print(f"plan-parser: {exc}", file=sys.stderr)
        return EXIT_TROUBLE
    except KeyboardInterrupt:
        print("plan-parser: interrupted", file=sys.stderr)
        return EXIT_TROUBLE
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the promise is: never a traceback
        if os.environ.get("PLAN_PARSER_DEBUG"):
            raise
        print(f"plan-parser: internal error: {type(exc).__name__}: {one_line(str(exc))} "
              "(set PLAN_PARSER_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_TROUBLE
