"""``plan-parser glossary missing FILE...``: the terms the glossary does not cover.

The output is a TOML table ready to paste into a user glossary (``--glossary``),
one uncovered term per line with how often it was missing, most frequent first.
The file loads as it is: an entry whose English is still ``""`` is skipped by
:meth:`Glossary.load <plan_parser.glossary.Glossary.load>`, so the values can
be filled in a few at a time.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter


def register(sub) -> None:
    p = sub.add_parser("glossary", help="glossary tools: list terms missing from the glossary")
    gsub = p.add_subparsers(dest="glossary_command", required=True, parser_class=type(p))
    m = gsub.add_parser("missing", help="list the terms of these plans that have no English, with counts")
    m.add_argument("files", nargs="+", metavar="FILE")
    m.add_argument("--glossary", metavar="FILE", help="a user glossary (TOML or CSV) to count as covered")
    m.add_argument("-o", "--output", help="write to this file instead of stdout")
    m.set_defaults(run=cmd_missing)


def cmd_missing(args: argparse.Namespace) -> int:
    from .api import resolve_glossary
    from .bilingual import labels
    from .cli import EXIT_OK, EXIT_TROUBLE, load_for_cli, write_output
    from .errors import PlanParseError

    glossary = resolve_glossary(args.glossary)
    counts: Counter = Counter()
    status = EXIT_OK
    for path in args.files:
        try:
            plan = load_for_cli(path, glossary=glossary)
        except PlanParseError as exc:
            print(f"plan-parser: {exc}", file=sys.stderr)
            status = EXIT_TROUBLE
            continue
        counts.update(glossary.coverage(label.zh for label in labels(plan) if label.zh))
    lines = ["# Terms with no English in the glossary; fill in the values and pass this file",
             "# with --glossary.  The number after each entry is how often it was missing.",
             "[terms]"]
    lines += [f'{_toml_string(term)} = ""  # {n}'
              for term, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    write_output("\n".join(lines), args.output)
    return status


def _toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes (quote, backslash, control characters) are
    TOML's; DEL, which JSON leaves alone and TOML forbids, is escaped too."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
