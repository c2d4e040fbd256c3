"""Plain-text reader.

Plans published as text flatten their tables: every cell is a line that starts
with a TAB, the cells of one row are consecutive lines, rows are separated by one
blank line and the table ends at two blank lines.  A table whose first row is a
single cell (the frame around a 专栏 project list) goes on through the untabbed
paragraphs that follow, until those two blank lines.
"""
from __future__ import annotations

from ..blocks import Block, Cell, Paragraph, ReadResult, Table
from ..errors import PlanParseError


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


def read_text(data: bytes) -> ReadResult:
    text, encoding = decode_text(data)
    return ReadResult(blocks=lines_to_blocks(split_lines(text)), format="txt", encoding=encoding)


def lines_to_blocks(lines: list[str]) -> list[Block]:
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

    for number, line in enumerate(lines, start=1):
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
