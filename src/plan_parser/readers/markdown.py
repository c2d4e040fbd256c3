"""Markdown reader.

Plans converted to Markdown keep their structure in a few constructs, read here
into the same block stream as the other formats: ``#`` headings (style
``headingN``), pipe tables (one row a line), paragraphs (soft-wrapped lines joined;
Chinese joined without a space), list items (one paragraph each, an ordered
item's ``1.`` kept in the text), and blockquotes and fenced blocks, which converters
use for the frame around a 专栏: they become a one-cell table (a box) holding one
paragraph per line, like a Word box.  Emphasis, links and inline HTML are reduced
to their text.  Locations are ``{"line": n}``, the first line of the block, with
``"end_line"`` when a paragraph or table spans several lines.
"""
from __future__ import annotations

import html
import re

from ..blocks import Block, Cell, Paragraph, ReadResult, Table
from ..headings import HEADING_NUMBER, NUMBERING
from ..script import is_cjk_text
from .text import decode_text, split_lines

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|(?=[^#\s]))(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r"^ {0,3}>")
_BULLET = re.compile(r"^\s*[-*+][ \t]+")
_ORDERED = re.compile(r"^\s*\d{1,9}[.)][ \t]+")
#: lines a plan starts anew even without a blank line before them: item and heading numbers
_NUMBERED = re.compile(rf"^\s*(?:{NUMBERING}|{HEADING_NUMBER})")
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_BR = re.compile(r"<br\s*/?>", re.I)
_ESCAPABLE = "\\`*_{}[]()#+-.!|<>~"
_MARKUP = re.compile(r"[\\`*_\[<~&\x00]")


def read_markdown(data: bytes) -> ReadResult:
    """Read Markdown bytes (UTF-8 or GB18030, as text files) into blocks."""
    text, encoding = decode_text(data)
    lines = split_lines(text)
    meta_hints: dict = {}
    start = _front_matter(lines, meta_hints)
    return ReadResult(blocks=_blocks(lines, start, join=True), format="md", encoding=encoding,
                      meta_hints=meta_hints)


def _front_matter(lines: list[str], hints: dict) -> int:
    """Skip a leading ``---`` YAML block (keeping its ``title:``); return the first body line's index."""
    if not lines or lines[0].strip() != "---":
        return 0
    for index in range(1, min(len(lines), 200)):
        stripped = lines[index].strip()
        if stripped in ("---", "..."):
            for line in lines[1:index]:
                match = re.match(r"\s*title\s*:\s*(.+)", line)
                if match:
                    hints["title"] = match.group(1).strip().strip("\"'")
            return index + 1
    return 0


def _blocks(lines: list[str], start: int, join: bool, numbers: list[int] | None = None) -> list[Block]:
    """Blocks of ``lines[start:]``; ``join=False`` (inside a box) keeps every line its own paragraph.

    ``numbers[i]`` is the source line number of ``lines[i]`` (default: ``i + 1``).
    """
    numbers = numbers or list(range(1, len(lines) + 1))
    blocks: list[Block] = []
    buffer: list[tuple[int, str]] = []  # (line number, stripped text) of the open paragraph

    def flush() -> None:
        if buffer:
            paragraph = _paragraph(_join([text for _, text in buffer]), buffer[0][0])
            if paragraph:
                if buffer[-1][0] != buffer[0][0]:  # soft-wrapped: the paragraph spans its lines
                    paragraph.loc["end_line"] = buffer[-1][0]
                blocks.append(paragraph)
            buffer.clear()

    index = start
    while index < len(lines):
        line, number = lines[index], numbers[index]
        stripped = line.strip()
        if join and _QUOTE.match(line):
            flush()
            end = index
            while end < len(lines) and lines[end].strip() and _QUOTE.match(lines[end]):
                end += 1
            inner = [re.sub(r"^(\s*>[ ]?)+", "", text) for text in lines[index:end]]
            blocks.append(_box(_blocks(inner, 0, join=False, numbers=numbers[index:end]), number))
            index = end
            continue
        fence = _FENCE.match(line)
        if join and fence:
            flush()
            end = index + 1
            while end < len(lines) and not lines[end].strip().startswith(fence.group(1)):
                end += 1
            inner = [Paragraph(text.strip(), {"line": n})
                     for text, n in zip(lines[index + 1:end], numbers[index + 1:end]) if text.strip()]
            blocks.append(_box(inner, number))
            index = end + 1
            continue
        if not stripped or _BREAK.match(line) and not (buffer and line.strip().startswith("-")):
            flush()
            index += 1
            continue
        setext = _SETEXT.match(line)
        if setext and buffer and join:
            level = 1 if setext.group(1).startswith("=") else 2
            text = _inline(_join([text for _, text in buffer]))[0]
            if text:
                blocks.append(Paragraph(text, {"line": buffer[0][0]}, f"heading{level}"))
            buffer.clear()
            index += 1
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            text = _inline(heading.group(2).strip())[0]
            if text:
                blocks.append(Paragraph(text, {"line": number}, f"heading{len(heading.group(1))}"))
            index += 1
            continue
        if _table_starts(lines, index):
            flush()
            end = index
            while end < len(lines) and lines[end].strip() and "|" in lines[end]:
                end += 1
            blocks.append(_table(lines[index:end], numbers[index:end]))
            index = end
            continue
        if buffer and (buffer[-1][1].endswith("\\") or lines[index - 1].endswith("  ")):
            buffer[-1] = (buffer[-1][0], buffer[-1][1].removesuffix("\\"))
            flush()  # a hard line break ends the paragraph, as <br> does in HTML
        bullet = _BULLET.match(line)
        if bullet or _ORDERED.match(line) or _NUMBERED.match(line) or not join:
            flush()
        buffer.append((number, line[bullet.end():].strip() if bullet else stripped))
        if not join:
            flush()
        index += 1
    flush()
    return blocks


def _box(blocks: list[Block], number: int) -> Table:
    """A one-cell table: the frame a blockquote or fenced block draws around its lines."""
    return Table(rows=[[Cell(blocks)]], loc={"line": number}, row_locs=[{"line": number}])


def _table_starts(lines: list[str], index: int) -> bool:
    """A pipe table starts here: a line opening with ``|``, or a header line followed by a ``|---|`` row."""
    line = lines[index].strip()
    if line.startswith("|") and not _DELIMITER_ROW.match(line):
        return True
    return "|" in line and index + 1 < len(lines) and bool(_DELIMITER_ROW.match(lines[index + 1])) \
        and "-" in lines[index + 1]


def _table(lines: list[str], numbers: list[int]) -> Table:
    """Rows of a pipe table, the ``|---|`` delimiter row skipped; ``<br>`` in a cell splits paragraphs."""
    table = Table(rows=[], loc={"line": numbers[0]})
    if numbers[-1] != numbers[0]:
        table.loc["end_line"] = numbers[-1]  # so the 专栏 holding it spans its last row
    for line, number in zip(lines, numbers):
        if _DELIMITER_ROW.match(line) and "-" in line:
            continue
        loc = {"line": number}
        cells = []
        for raw in _split_row(line):
            parts = [_inline(part.strip()) for part in _BR.split(raw)]
            cells.append(Cell([Paragraph(text, dict(loc), "bold" if bold else None) for text, bold in parts if text]))
        table.rows.append(cells)
        table.row_locs.append(loc)
    return table


def _split_row(line: str) -> list[str]:
    """Cells of ``| a | b |``: split at pipes not escaped or inside code spans; outer pipes dropped."""
    cells, current, in_code, index = [], "", False, 0
    text = line.strip()
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] == "|":
            current += "\\|"
            index += 2
            continue
        if char == "`":
            in_code = not in_code
        if char == "|" and not in_code:
            cells.append(current)
            current = ""
        else:
            current += char
        index += 1
    cells.append(current)
    if text.startswith("|"):
        cells = cells[1:]
    if text.endswith("|") and not text.endswith("\\|") and cells:
        cells = cells[:-1]
    return cells


def _join(parts: list[str]) -> str:
    """Join soft-wrapped lines: no space where either side is Chinese, one space otherwise."""
    out = ""
    for part in parts:
        if out and not (is_cjk_text(out[-1]) or is_cjk_text(part[:1] or " ")):
            out += " "
        out += part
    return out


def _paragraph(text: str, number: int) -> Paragraph | None:
    text, bold = _inline(text)
    return Paragraph(text, {"line": number}, "bold" if bold else None) if text else None


def _inline(text: str) -> tuple[str, bool]:
    """Text without Markdown markup, and whether it was bold throughout (``**…**``)."""
    if not _MARKUP.search(text):
        return text.strip(), False
    escaped: list[str] = []

    def protect(match: re.Match) -> str:
        escaped.append(match.group(1))
        return f"\x00{len(escaped) - 1}\x00"

    text = re.sub(r"\\([" + re.escape(_ESCAPABLE) + "])", protect, text.replace("\x00", ""))
    text = re.sub(r"`([^`]*)`", protect, text)  # code spans: kept literally
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images carry no plan text
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = _BR.sub(" ", text)
    text = re.sub(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>", "", text)
    bold = bool(re.fullmatch(r"\s*(\*\*|__)(?=\S).*\S\1\s*", text, re.S))
    for marker in (r"\*\*", "__", r"\*", "~~"):
        text = re.sub(rf"{marker}(?=\S)(.+?)(?<=\S){marker}", r"\1", text)
    text = re.sub(r"(?<![A-Za-z0-9])_(?=\S)(.+?)(?<=\S)_(?![A-Za-z0-9])", r"\1", text)
    text = html.unescape(text)  # &amp; &nbsp; &#8226; as CommonMark reads them (code spans are protected)
    text = re.sub(r"\x00(\d+)\x00", lambda m: escaped[int(m.group(1))], text)
    return text.strip(), bold
