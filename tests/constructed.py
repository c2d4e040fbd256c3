"""Small CONSTRUCTED plans for tests: a fixed head (title, 第一章, 第一节) and a body."""
from __future__ import annotations

import textwrap

from plan_parser import load_plan


def parse_constructed(head: str, body: str, path):
    """Write ``head`` + the dedented ``body`` to ``path`` and parse it."""
    path.write_text(head + textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
    return load_plan(path)


def oddity_warnings(plan):
    """(code, location) of every warning but ``untranslated`` (made-up names lack English;
    that is tested elsewhere)."""
    return [(w.code, w.location) for w in plan.warnings if w.code != "untranslated"]
