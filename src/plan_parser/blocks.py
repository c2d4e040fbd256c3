"""The block stream: what every reader produces and the one builder consumes.

A reader only turns bytes into paragraphs and tables in document order; it never
decides what a heading, a 专栏 or an indicator is.  Keeping this layer dumb is what
lets every input format share one plan builder.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass
class Paragraph:
    """One paragraph of text, trimmed at both ends, with where it stands in the source.

    ``loc`` is ``{"line": n}`` for line-based formats (text, Markdown) and
    ``{"block": i}`` for docx and HTML.  ``style`` carries a reader's hint such as
    ``"heading1"`` (a Word Heading style or a Markdown ``#``); the builder may use it
    but never depends on it.
    """

    text: str
    loc: dict
    style: str | None = None


@dataclass
class Cell:
    """One table cell: a list of blocks (paragraphs, and tables nested in a box)."""

    blocks: list["Block"] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Paragraph]:
        """All paragraphs of the cell, nested tables included, in order."""
        out: list[Paragraph] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                out.append(block)
            else:
                for row in block.rows:
                    for cell in row:
                        out.extend(cell.paragraphs)
        return out

    @property
    def text(self) -> str:
        """The cell's paragraphs joined by newlines."""
        return "\n".join(p.text for p in self.paragraphs if p.text)


@dataclass
class Table:
    """A table: rows of cells, merged cells appearing once.

    ``row_locs[i]`` says where row ``i`` stands (``{"line": n}`` or
    ``{"block": b, "row": i}``).
    """

    rows: list[list[Cell]]
    loc: dict
    row_locs: list[dict] = field(default_factory=list)

    @property
    def is_box(self) -> bool:
        """A frame, not a grid: every row one cell — how Word and web pages draw a 专栏
        of project items (its paragraphs are read in place)."""
        return all(len(row) == 1 for row in self.rows)


Block = Union[Paragraph, Table]


def cell(*texts: str, loc: dict | None = None) -> Cell:
    """Build a cell from plain strings (readers and tests use this)."""
    return Cell([Paragraph(t, dict(loc or {})) for t in texts])


@dataclass
class ReadResult:
    """What a reader hands the builder: the blocks plus what it learnt on the way.

    ``meta_hints`` holds fields a format states outright (an HTML page's 发布机构 /
    成文日期 / 发文字号 table) using the names of :class:`plan_parser.model.Meta`;
    ``warnings`` holds ``(code, message, location)`` tuples for things the reader
    had to skip or guess.
    """

    blocks: list[Block]
    format: str
    encoding: str | None = None
    meta_hints: dict = field(default_factory=dict)
    warnings: list[tuple[str, str, dict]] = field(default_factory=list)
    #: True when some of the text was read by OCR (a PDF's images; ``readers/ocr.py``)
    ocr: bool = False
