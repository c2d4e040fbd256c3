"""Re-flow text that came out of a PDF: page furniture out, hard-wrapped lines joined.

PDF text extraction gives one physical line per printed line: a paragraph is cut every
~27 characters, page numbers (``7``, ``— 7 —``, ``-7-``, ``第7页``) and running headers
stand on lines of their own, and a 目录 lists its entries with dot leaders.  This module
works on blocks (:mod:`plan_parser.blocks`), so the text reader and a PDF reader share it.
"""
from __future__ import annotations

import re

#: A page number standing alone: ``7``, ``— 7 —``, ``-7-``, ``- 7 -``, ``第7页``, ``第 7 页 共 30 页``,
#: ``7/30``, ``Page 7``.
_PAGE_NUMBER = re.compile(
    r"^(?:"
    r"[-－—–―~〜·•\s]*\d{1,4}[-－—–―~〜·•\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r")$",
    re.IGNORECASE,
)


def is_page_number(text: str) -> bool:
    """True when ``text`` is nothing but a page number (``7``, ``— 7 —``, ``-7-``, ``第7页``).

    Whitespace, including full-width spaces, is ignored at both ends.
    """
    stripped = text.strip().strip("\u3000")
    return bool(stripped) and bool(_PAGE_NUMBER.match(stripped))


_LATIN = re.compile(r"[0-9A-Za-z%.,;:!?)\]}'\"-]")


def join_wrapped(lines: list[str] | str) -> str:
    """Join lines that only wrap the layout: Chinese joins without a space, Latin words
    and numbers keep one (``经济\\n发展`` → ``经济发展``, ``GDP\\ngrowth`` → ``GDP growth``)."""
    if isinstance(lines, str):
        lines = lines.split("\n")
    out = ""
    for line in (part.strip() for part in lines):
        if not line:
            continue
        if out and _LATIN.match(out[-1]) and _LATIN.match(line[0]):
            out += " "
        out += line
    return out
