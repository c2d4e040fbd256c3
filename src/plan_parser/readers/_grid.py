"""Table-grid code shared by the docx and HTML readers.

Word (``gridSpan`` / ``vMerge``) and HTML (``colspan`` / ``rowspan``) describe merged
cells differently but mean the same thing, and the builder must see one shape for
both: a horizontally merged cell is one :class:`Cell`; a vertically merged cell's
content is repeated in every row it spans, so a merged 类别 column still labels
each of its rows.  Locations are assigned here too, so that both readers number
rows, cells and nested tables the same way.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

from ..blocks import Block, Cell, Table
from ..errors import PlanParseError

#: an HTML ``rowspan="0"`` (to the end of the table) or an absurd rowspan is capped here
MAX_ROWSPAN = 100_000
#: repeated copies of merged cells allowed per table: this many, plus 10 per source cell.
#: A ``rowspan`` is a few bytes that can demand thousands of copies; real plans stay far below.
MAX_COPIES = 10_000
COPIES_PER_CELL = 10
#: characters that repeated merged cells may add to one document.  Counting copies is not
#: enough: a 6 kB .docx whose vMerge repeats a 1 MB cell 5,000 times is 5,000 copies and
#: 5 G characters.  Real plans repeat short 类别 labels: a few thousand characters.
MAX_COPIED_CHARS = 5_000_000


class CopyBudget:
    """What is left of :data:`MAX_COPIED_CHARS` for one document (shared by its tables)."""

    def __init__(self, chars: int = MAX_COPIED_CHARS):
        self.chars = chars

    def spend(self, blocks: list[Block]) -> None:
        self.chars -= sum(len(p.text) for p in Cell(blocks).paragraphs)
        if self.chars < 0:
            raise PlanParseError(None, "a table whose merged cells would repeat more than "
                                       f"{MAX_COPIED_CHARS:,} characters of text", "too_large")


@dataclass
class GridCell:
    """One cell as the source writes it, before merges are resolved.

    ``colspan``/``rowspan`` are HTML's (Word's ``gridSpan`` is a colspan); ``continues``
    marks a Word ``vMerge`` continuation, whose content is the cell above it.
    """

    blocks: list[Block] = field(default_factory=list)
    colspan: int = 1
    rowspan: int = 1
    continues: bool = False


def fill_grid(rows: list[list[GridCell]], offsets: list[int] | None = None,
              budget: CopyBudget | None = None) -> list[list[Cell]]:
    """Resolve merges: one :class:`Cell` per source cell, vertical merges repeated per row.

    ``offsets[r]`` is the grid column row ``r`` starts at (Word's ``gridBefore``).
    A cell spanning rows (``rowspan`` > 1) is copied into the rows below at its grid
    column; a ``continues`` cell takes a copy of whatever cell covers its column in
    the row above.  Overlapping spans from malformed input never loop or raise:
    the later cell simply wins its column; spans demanding absurdly many copies, or
    copies of absurdly much text (``budget``, per document), raise
    :class:`PlanParseError` (``too_large``).
    """
    text_budget = budget or CopyBudget()
    out: list[list[Cell]] = []
    copies_left = MAX_COPIES + COPIES_PER_CELL * sum(len(row) for row in rows)
    pending: dict[int, tuple[list[Block], int, int]] = {}  # column -> (blocks, colspan, rows left)
    above: list[tuple[int, int, Cell]] = []  # (first column, colspan, cell) of the previous row
    for r, raw_row in enumerate(rows):
        col = offsets[r] if offsets and r < len(offsets) else 0
        row_out: list[Cell] = []
        placed: list[tuple[int, int, Cell]] = []
        created: dict[int, tuple[list[Block], int, int]] = {}
        index = 0
        while True:
            if col in pending:
                blocks, span, _left = pending[col]
                copies_left -= 1
                if copies_left < 0:
                    raise PlanParseError(None, "a table whose merged cells would be repeated more than "
                                               f"{MAX_COPIES:,} + {COPIES_PER_CELL} per cell times", "too_large")
                text_budget.spend(blocks)
                new = Cell(copy.deepcopy(blocks))
            elif index < len(raw_row):
                raw = raw_row[index]
                index += 1
                span = max(1, raw.colspan)
                source = _covering(above, col) if raw.continues else None
                if source:
                    text_budget.spend(source.blocks)
                new = Cell(copy.deepcopy(source.blocks) if source else list(raw.blocks))
                if raw.rowspan > 1:
                    created[col] = (new.blocks, span, min(raw.rowspan, MAX_ROWSPAN) - 1)
            else:
                later = [c for c in pending if c > col]
                if not later:
                    break
                col = min(later)
                continue
            row_out.append(new)
            placed.append((col, span, new))
            col += span
        pending = {c: (b, s, left - 1) for c, (b, s, left) in pending.items() if left > 1}
        pending.update(created)
        out.append(row_out)
        above = placed
    return out


def _covering(row: list[tuple[int, int, Cell]], col: int) -> Cell | None:
    """The cell of ``row`` whose grid columns include ``col``."""
    for start, span, cell in row:
        if start <= col < start + span:
            return cell
    return None


def make_table(rows: list[list[GridCell]], offsets: list[int] | None = None,
               budget: CopyBudget | None = None) -> Table:
    """A :class:`Table` from source cells; locations are set later by :func:`locate`."""
    return Table(rows=fill_grid(rows, offsets, budget), loc={})


def locate(block: Block, loc: dict) -> None:
    """Give ``block`` the location ``loc`` and everything inside it locations below that.

    Rows get ``{..., "row": r}``, blocks in cells ``{..., "row": r, "cell": c}`` plus
    ``"paragraph": k`` when the cell holds more than one block (a nested table counts
    as one).  Inside a nested table the steps are appended to a ``"within"`` list, so
    a location stays a flat JSON object however deep the nesting.  Iterative, so
    deep nesting cannot exhaust the stack.
    """
    stack: list[tuple[Block, dict]] = [(block, loc)]
    while stack:
        current, where = stack.pop()
        current.loc = where
        if isinstance(current, Table):
            current.row_locs = [_step(where, {"row": r}) for r in range(len(current.rows))]
            for r, row in enumerate(current.rows):
                for c, cell in enumerate(row):
                    many = len(cell.blocks) > 1
                    for k, inner in enumerate(cell.blocks):
                        step = {"row": r, "cell": c, **({"paragraph": k} if many else {})}
                        stack.append((inner, _step(where, step)))


def _step(loc: dict, step: dict) -> dict:
    """``loc`` refined by ``step``: merged at the top level, appended to ``within`` below it."""
    if "row" not in loc:
        return {**loc, **step}
    return {**loc, "within": [*loc.get("within", []), step]}
