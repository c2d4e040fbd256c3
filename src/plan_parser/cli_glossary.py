"""``plan-parser glossary missing FILE...``: the terms the glossary does not cover.

The output is a TOML table ready to paste into a user glossary (``--glossary``):
one uncovered word per entry (whole words, never single characters cut out of an
unknown word), most frequent first, each after a comment naming the whole labels
that lack it and where they stand (file and line or block).
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
    from .bilingual import labels, plan_glossary
    from .cli import EXIT_OK, EXIT_TROUBLE, load_for_cli, write_output
    from .errors import PlanParseError

    glossary = resolve_glossary(args.glossary)
    counts: Counter = Counter()
    where: dict[str, list[str]] = {}
    status = EXIT_OK
    for path in args.files:
        try:
            plan = load_for_cli(path, glossary=glossary, english=False)  # each label is translated below
        except PlanParseError as exc:
            print(f"plan-parser: {exc}", file=sys.stderr)
            status = EXIT_TROUBLE
            continue
        seen: set[str] = set()
        own = plan_glossary(plan, glossary)  # the plan's own unlisted places are names, as in load_plan
        for label in labels(plan):
            if not label.zh or label.zh in seen:
                continue
            seen.add(label.zh)
            result = own.translate(label.zh)
            if result.en is not None:
                continue
            for word in result.missing:
                counts[word] += 1
                where.setdefault(word, []).append(f"{label.zh} ({label.kind}, {_place(path, label.loc)})")
    lines = ["# Words with no English in the glossary: above each, the labels that lack it and where",
             "# they stand.  Fill in the values and pass this file with --glossary.",
             "[terms]"]
    for term, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        shown = where[term][:LABELS_SHOWN]
        more = len(where[term]) - len(shown)
        lines.append("# " + "; ".join(shown) + (f"; and {more} more" if more > 0 else ""))
        lines.append(f'{_toml_string(term)} = ""  # {n}')
    write_output("\n".join(lines), args.output)
    return status


#: How many labels each missing word lists in its comment.
LABELS_SHOWN = 3

def _place(path: str, loc: dict | None) -> str:
    """``plan.txt line 12``, ``plan.docx block 3``, ``plan.pdf page 4 block 19``."""
    from pathlib import Path

    from .model import loc_text

    return " ".join(filter(None, (Path(path).name, loc_text(loc))))


def _toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes (quote, backslash, control characters) are
    TOML's; DEL, which JSON leaves alone and TOML forbids, is escaped too."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
