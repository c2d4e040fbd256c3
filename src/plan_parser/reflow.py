"""Re-flow text that came out of a PDF: page furniture out, hard-wrapped lines joined.

PDF text extraction gives one physical line per printed line: a paragraph is cut every
~27 characters, page numbers (``7``, ``— 7 —``, ``-7-``, ``第7页``) and running headers
stand on lines of their own, and a 目录 lists its entries with dot leaders.  This module
works on blocks (:mod:`plan_parser.blocks`), so the text reader and a PDF reader share it.
"""
from __future__ import annotations

import re
from collections import Counter

from . import headings as H
from .blocks import Block, Cell, Paragraph, Table
from .model import loc_span
from .settings import DEFAULTS, Settings

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


_BARE_NUMBER = re.compile(r"\d{1,4}")
#: How far apart, in lines, two consecutive page numbers may stand (a page of a plan's text).
_PAGE_SPAN_MAX = 200


def page_number_lines(texts: list[str], settings: Settings = DEFAULTS, measure: int | None = None) -> set[int]:
    """Indices of the lines of ``texts`` that are page numbers.

    A decorated number (``— 7 —``, ``-7-``, ``第7页``) always is one.  A bare number (``7``)
    is one only where the page shows around it: it continues a run of page numbers (a bare
    ``n - 1`` or ``n + 1`` stands a page away: at least ``settings.running_header_min_gap``
    lines, at most :data:`_PAGE_SPAN_MAX`), or it breaks a paragraph that runs on (the line
    before it fills the ``measure`` and ends no sentence).  A table cell flattened onto a line
    of its own (``11``, ``568``, ``2324`` in text extracted from a PDF) is a figure, not
    furniture, and is kept.
    """
    out: set[int] = set()
    bare: dict[int, list[int]] = {}
    for i, text in enumerate(texts):
        stripped = text.strip().strip("\u3000")
        if _BARE_NUMBER.fullmatch(stripped):
            bare.setdefault(int(stripped), []).append(i)
        elif is_page_number(stripped):
            out.add(i)
    gap = settings.running_header_min_gap
    for value, places in bare.items():
        for i in places:
            if any(gap <= abs(j - i) <= _PAGE_SPAN_MAX and (j > i) == (other > value)
                   for other in (value - 1, value + 1) for j in bare.get(other, ())):
                out.add(i)
            elif measure and i > 0 and _runs_on(texts[i - 1].strip(), measure - settings.reflow_slack):
                out.add(i)
    return out


def _runs_on(line: str, full_width: int) -> bool:
    """A line that fills the measure and ends no sentence: its paragraph goes on."""
    return printed_width(line) >= full_width and not _SENTENCE_END.search(line)


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


# -- re-flowing hard-wrapped text -------------------------------------------------

#: A 目录 entry: its title, a dot leader, a page number (``一、现状与形势......1``).
_TOC_ENTRY = re.compile(r"^(.*?\S)\s*(?:[.．·•…⋯]{4,}|[.．·•…⋯][\s.．·•…⋯]{5,})\s*(\d{1,4})\s*$")
#: A sentence ends here: the line does not run on.
_SENTENCE_END = re.compile(r"[。！？；：!?;:][”’」』）)]*$")
#: Two paragraphs glued on one line (a box's last line and the text after the box):
#: a sentence end, spaces, and more text.
GLUE = re.compile(r"(?<=[。！？；])[ \u3000]+(?=\S)")
#: … or a short 一、/（一） heading glued to a sentence's end with no space (``…》。一、总体要求``).
_GLUED_HEADING = re.compile(rf"(?<=[。！？；])(?={H.OFFICIAL_NUMBER}[^。，；,;]{{1,20}}$)")


def split_glued(text: str) -> list[str]:
    """The paragraphs glued on one printed line: ``…技术。 （二）深化…`` → two pieces."""
    return [piece for part in GLUE.split(text) for piece in _GLUED_HEADING.split(part) if piece]


#: Characters printed two columns wide in Chinese text: CJK, kana, hangul, full-width forms,
#: and the quotes, dashes and ellipsis a Chinese font sets full width (East Asian Width W, F
#: and the A that Chinese layout treats as wide).  A class, not unicodedata per character:
#: this runs on every line of every text input.
_WIDE = re.compile("[\u00b7\u2010-\u2027\u2030-\u203f\u2160-\u217f\u2460-\u24ff\u2500-\u27bf"
                   "\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe6f\uff00-\uff60\uffe0-\uffe6"
                   "\U00020000-\U0003ffff]")


def printed_width(text: str) -> int:
    """Half-em columns ``text`` takes on a Chinese printed page: CJK characters count two, and so
    do the punctuation marks a Chinese font sets full-width (“” ‘’ · — …), which a terminal
    counts as one (:func:`plan_parser.render.display_width` measures the terminal)."""
    return len(text) + len(_WIDE.findall(text))


def toc_entry(text: str) -> str | None:
    """``一、现状与形势......1`` → ``一、现状与形势``; None for a line that is no 目录 entry."""
    m = _TOC_ENTRY.match(text.strip())
    return m.group(1) if m else None


def _measured_lines(blocks: list[Block], settings: Settings) -> tuple[list[str], list[int]]:
    """The paragraph lines that count towards the measure (long enough, no 目录 entries:
    bare page numbers are too short to count) and their printed widths."""
    lines = [b.text for b in blocks if isinstance(b, Paragraph) and len(b.text) >= settings.reflow_min_measured
             and toc_entry(b.text) is None]
    return lines, [printed_width(t) for t in lines]


def hard_wrap_measure(blocks: list[Block], settings: Settings = DEFAULTS) -> int | None:
    """The measure (the commonest line width) when the paragraphs of ``blocks`` are printed
    lines cut at it, as PDF text extraction gives them, rather than whole paragraphs: most
    longer lines are about that wide, most of those do not end a sentence, and hardly any
    line is much wider.  None when they are not."""
    lines, widths = _measured_lines(blocks, settings)
    if len(lines) < settings.reflow_min_lines:
        return None
    measure = Counter(widths).most_common(1)[0][0]
    near = [t for t, w in zip(lines, widths) if abs(w - measure) <= settings.reflow_slack]
    over = sum(w > measure * 1.5 for w in widths)  # whole paragraphs on one line
    runs_on = sum(not _SENTENCE_END.search(t) for t in near)
    wrapped = (len(near) >= settings.reflow_min_lines and len(near) / len(lines) >= settings.reflow_full_share
               and over / len(lines) <= settings.reflow_long_share and runs_on >= len(near) / 2)
    return measure if wrapped else None


def is_hard_wrapped(blocks: list[Block], settings: Settings = DEFAULTS) -> bool:
    """Whether ``blocks`` are hard-wrapped lines (:func:`hard_wrap_measure`)."""
    return hard_wrap_measure(blocks, settings) is not None


def _starts_block(text: str) -> bool:
    """A line that opens something of its own: a heading, a 专栏, an item, a task, a note."""
    return bool(H.match_heading(text) or H.match_official(text) or H.match_column(text)
                or H.match_task(text) is not None or H.match_item(text) or H.is_note(text, after_table=True)
                or H.is_toc(text))


def running_headers(blocks: list[Block], settings: Settings = DEFAULTS) -> set[str]:
    """Short lines printed on most pages (a running header or footer): each time next to a
    page number, and a page apart (a cell repeated down a flattened table, or a figure's
    label repeated in three figures, is not one)."""
    paras = [b for b in blocks if isinstance(b, Paragraph)]
    counts = Counter(p.text for p in paras
                     if 0 < len(p.text) <= settings.running_header_max_chars and not _starts_block(p.text))
    numbers = page_number_lines([p.text for p in paras], settings)
    places: dict[str, list[int]] = {}
    for i, p in enumerate(paras):
        if counts.get(p.text, 0) >= settings.running_header_min_pages:
            if any(k in numbers for k in range(max(0, i - 2), i + 3) if k != i):
                places.setdefault(p.text, []).append(i)
    pages = len(numbers)
    least = max(settings.running_header_min_pages, pages // 2)  # it stands on most pages
    return {t for t, at in places.items() if len(at) >= least
            and min(b - a for a, b in zip(at, at[1:])) >= settings.running_header_min_gap}


def reflow(blocks: list[Block], settings: Settings = DEFAULTS,
           measure: int | None = None) -> tuple[list[Block], list[tuple[str, str, dict]]]:
    """Turn one-paragraph-per-printed-line blocks into paragraphs (``measure``: the line
    width of :func:`hard_wrap_measure`, found again when not given).

    Page numbers and running headers go (one ``page_furniture`` warning names each running
    header); 目录 entries lose their dot leader and page number and are marked
    ``style="toc"``; two paragraphs glued on one line are split; a line that fills the
    measure and does not end a sentence runs on into the next (unless that one opens a
    heading, 专栏, item, task or note); a 专栏 title's items are put in a one-cell box
    table, which ends at the glued line, heading or table after it.  A joined paragraph's
    ``loc`` is its first line's, with ``end_line`` (or ``end_block``) for the last.
    Tables pass through unchanged.  Returns the blocks and the reader warnings.
    """
    headers = running_headers(blocks, settings)
    warnings: list[tuple[str, str, dict]] = []
    if measure is None:
        widths = _measured_lines(blocks, settings)[1]
        measure = Counter(widths).most_common(1)[0][0] if widths else 0
    numbers = page_number_lines([b.text if isinstance(b, Paragraph) else "" for b in blocks], settings, measure)
    full_width = measure - settings.reflow_slack

    # 1. furniture out, 目录 entries marked, glued lines split: (text, loc, glued, toc) pieces
    pieces: list = []
    warned: set[str] = set()
    for k, block in enumerate(blocks):
        if isinstance(block, Table):
            pieces.append(block)
            continue
        text = block.text.strip()
        if not text or k in numbers:
            continue
        if text in headers:
            if text not in warned:
                warned.add(text)
                warnings.append(("page_furniture", f"running header {text!r} dropped from every page", block.loc))
            continue
        entry = toc_entry(text)
        if entry is not None:
            pieces.append((entry, block.loc, False, True, printed_width(text)))
            continue
        parts = split_glued(text)
        for k, part in enumerate(parts):
            width = printed_width(text) if k == len(parts) - 1 else 0  # a split-off head ends there
            pieces.append((part, block.loc, k > 0, False, width))

    # 2. join lines that run on
    joined: list = []  # Table or [text, first loc, last loc, glued, toc, last width]
    for piece in pieces:
        if isinstance(piece, Table):
            joined.append(piece)
            continue
        text, loc, glued, toc, width = piece
        prev = joined[-1] if joined and not isinstance(joined[-1], Table) else None
        # A full line that ends a sentence still runs on when the next line is full too: a
        # paragraph's first line is indented, so it never fills the measure.
        if (prev is not None and not toc and not prev[4] and not glued and prev[5] >= full_width
                and (not _SENTENCE_END.search(prev[0]) or width >= measure - settings.reflow_indent)
                and not _starts_block(text)):
            prev[0], prev[2], prev[5] = join_wrapped([prev[0], text]), loc, width
        else:
            joined.append([text, loc, loc, glued, toc, width])

    # 3. a 专栏's items go into a box
    out: list[Block] = []
    box: list[Paragraph] | None = None

    def close_box() -> None:
        nonlocal box
        if box:
            out.append(Table(rows=[[Cell(list(box))]], loc=loc_span(box[0].loc, box[-1].loc),
                             row_locs=[loc_span(box[0].loc, box[-1].loc)]))
        box = None

    for item in joined:
        if isinstance(item, Table):
            close_box()
            out.append(item)
            continue
        text, first, last, glued, toc, _ = item
        para = Paragraph(text, loc_span(first, last), "toc" if toc else None)
        if box is not None and (glued or toc or H.match_heading(text) or H.match_official(text)
                                or H.match_column(text) or H.is_toc(text)):
            close_box()
        if box is not None:
            box.append(para)
            continue
        out.append(para)
        if H.match_column(text) and not toc:
            box = []
    close_box()
    return out, warnings
