"""Plain-text reader.

Plans published as text flatten their tables: every cell is a line that starts
with a TAB, the cells of one row are consecutive lines, rows are separated by one
blank line and the table ends at two blank lines.  A table whose first row is a
single cell (the frame around a 专栏 project list) goes on through the untabbed
paragraphs that follow, until those two blank lines.

Text copied from Word or a web page writes a table **one row per line** instead, its
cells separated by TABs, by ``|`` or by runs of two or more spaces; two or more such
lines in a row (one-cell lines between them are category rows) are read as a table.

Text copied out of a PDF or a web page's table may also write **one cell per line with
no TAB**: a header row and two or more rows of as many short lines each, one blank line
between rows (one-line category rows between them); see :func:`find_cell_tables`.
"""
from __future__ import annotations

import re

from ..blocks import Block, Cell, Paragraph, ReadResult, Table
from ..errors import PlanParseError
from ..headings import NUMBERING, is_numbered, is_toc, match_column, match_heading, match_table_caption
from ..reflow import hard_wrap_measure, reflow
from ..settings import DEFAULTS, Settings


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM) or GB18030; return ``(text, encoding)``."""
    if b"\x00" in data[:8192]:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                return data.decode("utf-16"), "utf-16"
            except UnicodeDecodeError:
                pass
        raise PlanParseError(None, "binary data (NUL bytes), not a text plan", "binary")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise PlanParseError(None, f"starts with a UTF-8 BOM but is not UTF-8 at byte {exc.start}",
                                 "encoding") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise PlanParseError(
                None, f"neither UTF-8 nor GB18030 (undecodable byte at offset {utf8_error.start})",
                "encoding") from None


def split_lines(text: str) -> list[str]:
    """Split on LF, CRLF or CR, keeping no line ends."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_text(data: bytes, settings: Settings = DEFAULTS) -> ReadResult:
    """Blocks of a text plan; text extracted from a PDF (hard-wrapped lines, page numbers)
    is re-flowed into paragraphs first (:mod:`plan_parser.reflow`).  ``settings`` gives the
    reflow thresholds and the table-line ones (``min_space_cells``, ``official_title_max``)."""
    text, encoding = decode_text(data)
    blocks = lines_to_blocks(split_lines(text), settings)
    warnings: list = []
    measure = hard_wrap_measure(blocks, settings)
    if measure is not None:
        blocks, warnings = reflow(blocks, settings, measure)
    return ReadResult(blocks=blocks, format="txt", encoding=encoding, warnings=warnings)


def lines_to_blocks(lines: list[str], settings: Settings = DEFAULTS) -> list[Block]:
    """Group lines into paragraphs and TAB-flattened tables (see the module docstring)."""
    blocks: list[Block] = []
    table: Table | None = None
    row: list[Cell] = []
    blank_run = 0

    def close_row() -> None:
        nonlocal row
        if row and table is not None:
            table.rows.append(row)
            _extend(table.row_locs[-1], row[-1].paragraphs[-1].loc["line"])
        row = []

    def close_table() -> None:
        nonlocal table
        close_row()
        if table is not None and table.rows:
            _extend(table.loc, table.rows[-1][-1].paragraphs[-1].loc["line"])
            blocks.append(table)
        table = None

    row_tables = find_row_tables(lines, settings)
    row_tables.update(find_cell_tables(lines, settings, taken=row_tables))
    row_tables.update(find_paragraph_cell_tables(lines, settings, taken=row_tables))
    skip_to = 0
    for number, line in enumerate(lines, start=1):
        if number < skip_to:
            continue
        if number in row_tables:
            close_table()
            found, skip_to = row_tables[number]
            blocks.append(found)
            blank_run = 0
            continue
        stripped = line.strip()
        if not stripped:
            blank_run += 1
            close_row()
            if blank_run >= 2:
                close_table()
            continue
        loc = {"line": number}
        tabbed = line.startswith("\t")
        if tabbed:
            if table is not None and _box_took_paragraphs(table):
                close_table()  # a box that took untabbed paragraphs ends where cells start again
            if table is None:
                table = Table(rows=[], loc=dict(loc))
            if not row:
                table.row_locs.append(dict(loc))
            row.append(Cell([Paragraph(stripped, loc)]))
        elif table is not None and _is_open_box(table, row):
            close_row()
            table.rows[0][0].blocks.append(Paragraph(stripped, loc))
        else:
            close_table()
            blocks.append(Paragraph(stripped, loc))
        blank_run = 0
    close_table()
    return blocks


def _extend(loc: dict, last_line: int) -> None:
    """Mark a row or table that runs over several lines with its ``end_line``."""
    if last_line != loc["line"]:
        loc["end_line"] = last_line


def _box_took_paragraphs(table: Table) -> bool:
    """A one-cell box that already holds untabbed continuation paragraphs."""
    return len(table.rows) == 1 and len(table.rows[0]) == 1 and len(table.rows[0][0].blocks) > 1


def _is_open_box(table: Table, row: list[Cell]) -> bool:
    """True while the table is a single one-cell row that untabbed lines may continue."""
    rows = table.rows + ([row] if row else [])
    return len(rows) == 1 and len(rows[0]) == 1


# -- tables written one row per line ------------------------------------------------

_SEPARATORS = {
    "tab": re.compile(r"\t+"),
    "pipe": re.compile(r"\s*[|｜]\s*"),
    "spaces": re.compile(r"[ \u3000\xa0]{2,}"),
}
_NUMBER_ONLY = re.compile(rf"{NUMBERING}\s*")
PIPE_RULE = re.compile(r"^[\s|｜:：\-—]+$")  # a Markdown |---|---| line under the header


def split_row(line: str, settings: Settings = DEFAULTS) -> tuple[str, list[str]] | None:
    """(separator kind, cells) when ``line`` is a row of a one-row-per-line table."""
    if not line.strip() or PIPE_RULE.match(line):
        return None  # blank, or a Markdown rule line (|---|---|): it draws the table, it is no row
    if line.startswith("\t"):
        body = line.lstrip("\t")
        if "\t" not in body.strip():
            return None  # one TAB-flattened cell (the module docstring's layout)
        # a row whose first cells are empty (a merged 类别 column left blank)
        return "tab", [""] * (len(line) - len(body)) + [c.strip() for c in _SEPARATORS["tab"].split(body.strip())]
    text = line.strip()
    if "|" in text or "｜" in text:
        body = text.strip("|｜").strip() if text[0] in "|｜" else text
        cells = [c.strip() for c in _SEPARATORS["pipe"].split(body)]
        if len(cells) >= 2:
            return "pipe", cells
    if "\t" in text:
        cells = [c.strip() for c in _SEPARATORS["tab"].split(text)]
        if len(cells) == 2 and _NUMBER_ONLY.fullmatch(cells[0]):
            return None  # （一）<TAB>指导思想。: a heading spaced with a TAB, not a row
        if len(cells) >= 2:
            return "tab", cells
    cells = _SEPARATORS["spaces"].split(text)
    if len(cells) >= settings.min_space_cells and not match_heading(text) and not is_toc(cells[0]):
        return "spaces", cells
    return None


def find_row_tables(lines: list[str], settings: Settings = DEFAULTS) -> dict[int, tuple[Table, int]]:
    """Tables written one row per line: {first line number: (table, line after it)}.

    A run needs two or more row lines with the same separator; a one-cell line standing
    between two of them (a short category row, ``一、经济发展``) belongs to the table; a Markdown
    rule line (``|---|---|``) under a pipe header is passed over.  Line numbers are 1-based.
    """
    found: dict[int, tuple[Table, int]] = {}
    i, n = 0, len(lines)
    while i < n:
        first = split_row(lines[i], settings)
        if first is None or len(first[1]) <= 3 and _is_caption(" ".join(first[1])):
            i += 1  # 表1<TAB>主要指标(<TAB>单位：%) above the header: a caption, kept as a paragraph
            continue
        kind = first[0]
        rows: list[tuple[int, list[str]]] = [(i + 1, first[1])]
        j = i + 1
        while j < n:
            row = split_row(lines[j], settings)
            if row is not None and row[0] == kind:
                rows.append((j + 1, row[1]))
                j += 1
                continue
            stripped = lines[j].strip()
            if kind == "pipe" and stripped and PIPE_RULE.match(stripped):
                j += 1  # a rule line under the header draws the table, it holds nothing
                continue
            after = split_row(lines[j + 1], settings) if j + 1 < n else None
            if (stripped and not lines[j].startswith("\t") and after is not None and after[0] == kind
                    and len(stripped) <= settings.official_title_max and not stripped.endswith("。")):
                rows.append((j + 1, [stripped]))  # a category row inside the table
                j += 1
                continue
            break
        if sum(len(cells) > 1 for _, cells in rows) >= 2:
            table = Table(rows=[[Cell([Paragraph(c, {"line": number})]) for c in cells] for number, cells in rows],
                          loc={"line": rows[0][0]}, row_locs=[{"line": number} for number, _ in rows])
            _extend(table.loc, rows[-1][0])
            found[rows[0][0]] = (table, j + 1)
            i = j
        else:
            i += 1
    return found


def _is_caption(text: str) -> bool:
    """A 专栏 or 表 caption (``专栏1 主要指标``, ``表1 …``): a paragraph above a table, never a row."""
    return bool(match_column(text) or match_table_caption(text))


# -- tables written one cell per line, without TABs ---------------------------------

#: The most characters a cell line of :func:`find_cell_tables` holds (an indicator's name is
#: rarely longer; a paragraph of running text always is).
CELL_LINE_MAX = 40


def _is_cell(line: str, settings: Settings, numbered: bool = False) -> bool:
    """A line that may be one cell of a table written a cell per line or a cell per paragraph:
    short (:data:`CELL_LINE_MAX`), no sentence (。；), heading, caption or TAB-flattened cell, and
    numbered only where ``numbered`` allows it."""
    text = line.strip()
    return (bool(text) and not line.startswith("\t") and len(text) <= CELL_LINE_MAX
            and not text.endswith(("。", "；", ";")) and not match_heading(text) and split_row(line, settings) is None
            and (numbered or not is_numbered(text)) and not _is_caption(text))


def _taken_lines(taken: dict[int, tuple[Table, int]] | None) -> set[int]:
    """The line numbers (1-based) of the tables already found."""
    return {n for first, (_, after) in (taken or {}).items() for n in range(first, after)}


def _line_table(lines: list[str], rows: list[list[int]]) -> Table:
    """A table whose cells are lines: ``rows`` of 0-based line indexes, each cell and row
    located by its lines."""
    table = Table(rows=[[Cell([Paragraph(lines[i].strip(), {"line": i + 1})]) for i in row] for row in rows],
                  loc={"line": rows[0][0] + 1}, row_locs=[{"line": row[0] + 1} for row in rows])
    _extend(table.loc, rows[-1][-1] + 1)
    for loc, row in zip(table.row_locs, rows):
        if len(row) > 1:
            _extend(loc, row[-1] + 1)
    return table


def find_cell_tables(lines: list[str], settings: Settings = DEFAULTS,
                     taken: dict[int, tuple[Table, int]] | None = None) -> dict[int, tuple[Table, int]]:
    """Tables written one cell per line with no TAB: {first line number: (table, line after it)}.

    Rows are groups of consecutive lines with one blank line between groups.  A table is a
    header group of three or more lines and two or more rows of as many lines (a row may
    have fewer, when a merged cell was left out), a one-line group between two rows being a
    category row (``一、经济发展``); every line is short (:data:`CELL_LINE_MAX`), no sentence
    (。；), heading, caption or TAB-flattened cell; a header has no numbered line, and a row at
    most one, its first (``1.地区生产总值``) or one in the same place in every row (a name
    numbered under 指标名称: ``产业规模 / 1.电影产业总收入 / 亿元 …``), so a 目录's groups and a
    专栏's items on short lines (``1.青溪水库工程``) make no table; two rows or more hold a
    figure.  A 专栏 or 表 caption right above the header, with no blank line, stays a paragraph,
    as do the paragraphs above it in the same run.
    Prose never looks like this: its paragraphs are one line each, or long.  Line numbers are
    1-based; ``taken``: tables already found on those lines (:func:`find_row_tables`).
    """
    taken_lines = _taken_lines(taken)

    def cell_line(k: int, numbered: bool = False) -> bool:
        return k + 1 not in taken_lines and _is_cell(lines[k], settings, numbered)

    groups: list[tuple[int, int]] = []  # (first index, end index) of each run of non-blank lines
    k, n = 0, len(lines)
    while k < n:
        if not lines[k].strip():
            k += 1
            continue
        start = k
        while k < n and lines[k].strip():
            k += 1
        # 专栏1 主要指标 right above the header, the last of the run's paragraphs or its only
        # one: the caption and what stands before it stay paragraphs
        captions = [i for i in range(start, k - 1) if _is_caption(lines[i].strip())]
        if captions:
            start = captions[-1] + 1
        groups.append((start, k))
    # a header has no numbered line, a row may number its first cell (1.地区生产总值) and a
    # one-line category row itself (一、经济发展): a 目录's groups or a 专栏's items, numbered
    # throughout or headed by a numbered line, have none.  Each group is read at most once
    # (the scan below may pass over a group many times), and only when a header asks.
    read: dict[tuple[str, int], bool] = {}

    def group_is(kind: str, j: int) -> bool:
        if (kind, j) not in read:
            a, b = groups[j]
            read[kind, j] = (all(cell_line(i) for i in range(a, b)) if kind == "header"
                             else all(cell_line(i, numbered=True) for i in range(a, b)) if kind == "cells"
                             else any(ch.isdigit() for i in range(a, b) for ch in lines[i]))
        return read[kind, j]

    def numbered_at(j: int) -> tuple[int, ...]:
        """Where in group ``j`` its numbered lines stand (0: its first line)."""
        a, b = groups[j]
        return tuple(i - a for i in range(a, b) if is_numbered(lines[i].strip()))

    found: dict[int, tuple[Table, int]] = {}
    g = 0
    while g < len(groups):
        start, end = groups[g]
        width = end - start
        if width < 3 or not group_is("header", g):
            g += 1
            continue
        rows = [(start, end)]
        h = g + 1
        name_column: tuple[int, ...] | None = None  # where a numbered name stands (1.电影产业总收入)
        while h < len(groups):
            a, b = groups[h]
            if a - rows[-1][1] != 1 or not group_is("cells", h):
                break  # two blank lines, or a line no cell is
            numbered = numbered_at(h)
            if len(numbered) > 1 or numbered and numbered != (0,) and numbered != (name_column or numbered):
                break  # a 专栏's numbered items, or numbers in no one column: no row of a table
            if numbered and numbered != (0,):
                name_column = numbered
            size = b - a
            if size == 1 and not (h + 1 < len(groups) and groups[h + 1][1] - groups[h + 1][0] > 1):
                break  # a one-line group is a category row only between rows
            if size > width:
                break
            rows.append((a, b))
            h += 1
        full = [r for r in rows[1:] if r[1] - r[0] == width]
        figures = sum(group_is("digits", j) for j in range(g + 1, h))
        if len(full) >= 2 and figures >= 2:
            table = _line_table(lines, [list(range(a, b)) for a, b in rows])
            found[rows[0][0] + 1] = (table, rows[-1][1] + 1)
            g = h
        elif not figures:
            g = h if h > g + 1 else g + 1  # no figure in the rest of the run: no table starts in it
        else:
            g += 1
    return found


# -- tables written one cell per paragraph ---------------------------------------------

#: The header cell that numbers the rows: what tells a table written one cell per paragraph
#: from a list of short paragraphs, and how wide its rows are.
_SEQ_HEADER = "序号"


def find_paragraph_cell_tables(lines: list[str], settings: Settings = DEFAULTS,
                               taken: dict[int, tuple[Table, int]] | None = None) -> dict[int, tuple[Table, int]]:
    """Tables written one cell per paragraph, a blank line after every cell, as a web page's
    table copied as text may come: {first line number: (table, line after it)}.

    Nothing but the cells' order marks the rows, so a table is read only where a header
    cell ``序号`` numbers them: the row width is the distance from ``序号`` to the first cell
    that is a bare number (``1``), every row's cell under ``序号`` must be the next number
    (1, 2, 3 …), and the cells must fill whole rows up to the first paragraph that is no cell
    (long, a sentence, a heading, or two blank lines).  Anything else stays paragraphs, and a
    专栏 or 表 caption that names indicators above it says so (``indicators_not_read``): a
    row with a merged cell left out shifts every cell after it, so no partial table is read.
    Cells are the short lines of :func:`find_cell_tables` (:func:`_is_cell`)."""
    taken_lines = _taken_lines(taken)
    n = len(lines)

    def cell(k: int) -> bool:
        return k + 1 not in taken_lines and _is_cell(lines[k], settings, numbered=True)

    found: dict[int, tuple[Table, int]] = {}
    k = 0
    while k < n:
        if lines[k].strip() != _SEQ_HEADER or not cell(k):
            k += 1
            continue
        # the run of one-line cells, one blank line apart, around 序号
        start = k
        while (start >= 2 and not lines[start - 1].strip() and cell(start - 2)
               and (start < 3 or not lines[start - 3].strip() or not cell(start - 3))):
            start -= 2  # back to the header's first cell (类别 before 序号), a caption above it
        cells = []
        i = start
        while i < n and cell(i) and (i + 1 >= n or not lines[i + 1].strip()) and (i == start or not lines[i - 1].strip()):
            cells.append(i)
            i += 2
        seq = (k - start) // 2
        first_number = next((j for j, c in enumerate(cells) if lines[c].strip().isdigit()), None)
        width = first_number - seq if first_number is not None else 0
        rows = [cells[r:r + width] for r in range(0, len(cells), width)] if width >= 3 else []
        if (len(rows) >= 3 and len(cells) % width == 0 and all(
                lines[row[seq]].strip() == str(number) for number, row in enumerate(rows[1:], start=1))):
            found[cells[0] + 1] = (_line_table(lines, rows), cells[-1] + 2)
            k = cells[-1] + 1
        else:
            k += 1
    return found

