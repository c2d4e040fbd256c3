"""Assertions that a parsed Plan is the reference plan — shared by every input form."""
from __future__ import annotations

import dataclasses
import re

from plan_parser.headings import match_column, match_heading, strip_numbering
from plan_parser.indicators import split_name
from plan_parser.readers.text import PIPE_RULE as _RULE
from plan_parser.readers.text import split_row, split_lines
from plan_parser.reflow import is_page_number, split_glued, toc_entry

from reference_expected import (CHAPTERS, COLUMN_NOTES, COLUMNS, META, PROJECTS, TASKS,
                                expected_indicators)

QUANTITY_FIELDS = ("raw", "kind", "value", "lower", "upper", "parts", "unit", "base_value",
                   "base_unit", "comparator", "cumulative", "footnote", "year")


def quantity_dict(q) -> dict | None:
    if q is None:
        return None
    d = dataclasses.asdict(q)
    return {k: d[k] for k in QUANTITY_FIELDS}


def indicator_dict(ind) -> dict:
    return dict(column=ind.column, seq=ind.seq, category=ind.category, name=ind.name, unit=ind.unit,
                parent_seq=ind.parent_seq, attribute=ind.attribute, attribute_code=ind.attribute_code,
                baseline=quantity_dict(ind.baseline), target=quantity_dict(ind.target),
                actual=quantity_dict(ind.actual), growth=quantity_dict(ind.growth))


def check_counts(plan) -> None:
    assert len(plan.chapters) == 3
    assert len(plan.sections) == 16
    assert len(plan.columns) == 7
    assert [c.kind for c in plan.columns].count("indicators") == 2
    assert [c.kind for c in plan.columns].count("projects") == 5
    assert len(plan.indicators) == 34
    assert [i.column for i in plan.indicators].count(1) == 15
    assert [i.column for i in plan.indicators].count(2) == 19
    assert len(plan.projects) == 29
    assert len(plan.tasks) == 35


def check_meta(plan) -> None:
    meta = dataclasses.asdict(plan.meta)
    assert {k: meta[k] for k in META} == META


def check_headings(plan) -> None:
    got = [(c.number, c.title, [(s.number, s.title) for s in c.sections]) for c in plan.chapters]
    assert got == CHAPTERS


def check_columns(plan) -> None:
    got = [(c.number, c.title, c.kind, c.chapter, c.section) for c in plan.columns]
    assert got == COLUMNS
    for number, notes in COLUMN_NOTES.items():
        assert plan.column(number).notes == notes
    for col in plan.columns:
        if col.number > 2:
            assert col.notes == []


def check_indicators(plan) -> None:
    expected = expected_indicators()
    got = [indicator_dict(i) for i in plan.indicators]
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert g == e, f"专栏{e['column']} row {e['seq']}"


def check_projects(plan) -> None:
    got: dict[int, list[str]] = {}
    for p in plan.projects:
        got.setdefault(p.column, []).append(p.title)
        assert p.seq == len(got[p.column])
    assert got == PROJECTS


def check_tasks(plan) -> None:
    got: dict[tuple, list[str]] = {}
    for t in plan.tasks:
        got.setdefault((t.chapter, t.section), []).append(t.title)
        assert t.seq == len(got[(t.chapter, t.section)])
    assert got == TASKS


def check_reference_plan(plan) -> None:
    """Everything the first issue requires of the reference plan, in any input format."""
    check_counts(plan)
    check_meta(plan)
    check_headings(plan)
    check_columns(plan)
    check_indicators(plan)
    check_projects(plan)
    check_tasks(plan)
    assert plan.warnings == []


_BLANK = re.compile(r"[\s\u3000\xa0\u200b\ufeff]+")


def _squeeze(text: str | None, markdown: bool = False) -> str:
    """Text with every kind of space removed: readers and the builder drop or collapse spaces
    (第一篇  总 体 要 求 → title 总体要求; wrapped lines joined), so the check compares without them."""
    squeezed = _BLANK.sub("", text or "")
    return _MD_INLINE.sub("", squeezed) if markdown else squeezed


def _spans(plan, markdown: bool = False):
    """(first line, last line, text held, key strings, exact cells) for every element, text squeezed.

    An indicator row's span holds exactly its own cells: a line inside it must be one
    of them (or contain the indicator's name), so a value that vanished or moved to
    another row is caught.
    """

    def rng(loc):
        return loc["line"], loc.get("end_line", loc["line"])

    def entry(loc, held, keys, cells=None):
        return (*rng(loc), _squeeze(held, markdown), [_squeeze(k, markdown) for k in keys if k],
                None if cells is None else {_squeeze(c, markdown) for c in cells if c})

    out = [entry(b.loc, b.text, []) for b in plan.preamble]
    for ch in plan.chapters:
        out.append(entry(ch.loc, "", [ch.title, _heading_key("chapter", ch.number)]))
        out += [entry(b.loc, b.text, []) for b in ch.paragraphs]
        for s in ch.sections:
            out.append(entry(s.loc, "", [s.title, _heading_key("section", s.number)]))
            out += [entry(b.loc, b.text, []) for b in s.paragraphs]
    out += [entry(p.loc, "", [p.title, _heading_key("part", p.number)]) for p in plan.parts]
    for index, col in enumerate(plan.columns):
        inds = [i for i in plan.indicators if _holds(i, index, col)]
        projects = [p for p in plan.projects if _holds(p, index, col)]
        held = "\n".join([*col.headers, *col.notes, *(b.text for b in col.paragraphs), *(p.text for p in projects)])
        keys = [col.title, _heading_key("column", col.number)] + [i.category for i in inds if i.category] + [p.title for p in projects]
        out.append(entry(col.loc, held, keys))
        for i in inds:
            cells = {q.raw for q in (i.baseline, i.target, i.actual, getattr(i, "growth", None)) if q}
            cells |= {i.attribute, i.unit, str(i.seq), i.category}
            out.append(entry(i.loc, "", [i.name], cells))
    out += [entry(t.loc, t.text, [t.title]) for t in plan.tasks]
    out += [entry(w.location, w.message, []) for w in plan.warnings if "line" in w.location]
    return out


def _heading_key(level: str, number: int) -> str:
    """A key standing for a heading's or 专栏's own number (第一部分, 第一章, 专栏3): such a
    line is held by the heading or 专栏 recorded at that line even when it has no title
    (recorded as '')."""
    return f"§{level}{number}§"


def _holds(item, index: int, col) -> bool:
    """Whether an indicator or project belongs to the 专栏 at ``index`` of plan.columns."""
    table = getattr(item, "table", None)
    return table == index if table is not None else item.column == col.number


def _furniture(plan) -> set[str]:
    """Running headers a reader dropped and said so (``page_furniture`` warnings)."""
    return {_squeeze(m.group(1)) for w in plan.warnings if w.code == "page_furniture"
            for m in [re.search(r"'(.*)'", w.message)] if m}


def _pieces(line: str, markdown: bool = False) -> list[str]:
    """What a line holds: its cells when it is a table row written on one line, its two
    paragraphs when two are glued on it, else the line itself (squeezed)."""
    row = split_row(line)
    parts = row[1] if row else split_glued(line.strip())
    return [p for p in (_squeeze(part, markdown) for part in parts) if p]


_MD_BLOCK = re.compile(r"^\s*(?:#{1,6}\s+|>\s?|(?:[-*+]|\d{1,9}[.)])\s+)+")
_MD_INLINE = re.compile(r"[*_`]")  # emphasis and code marks; removed from both sides for Markdown


def _unmark(line: str) -> str:
    """A Markdown line without its markup (heading hashes, list bullets, quote marks,
    emphasis), as the Markdown reader keeps its text."""
    return _MD_BLOCK.sub("", line)


def unaccounted_lines(plan, text: str) -> list[tuple[int, str]]:
    """Non-empty input lines found in no element of the plan (a heading, a paragraph of a
    section, a task, a 专栏, an indicator row, the preamble) nor in a warning at that line.

    Lines are split as the text reader splits them (LF, CRLF, CR — not at \\x85 or
    \\u2028) and compared with every kind of space removed (and, for Markdown, without
    its markup); a traditional-script plan is compared in simplified script, as it was
    read.  Page furniture (page numbers, a Markdown table rule, a running header the
    reader reported) holds nothing and is passed over; a 目录 entry counts without its
    dot leader and page number.
    """
    markdown = getattr(plan.source, "format", None) == "md"
    if getattr(plan.source, "script", "simplified") == "traditional":  # the plan holds it converted
        from plan_parser.traditional import choose_config, converter

        text = converter(choose_config(text)).convert(text)
    spans = _spans(plan, markdown)
    furniture = _furniture(plan)
    missing = []
    for number, line in enumerate(split_lines(text), start=1):
        if markdown:
            line = _unmark(line)
        stripped = line.strip()
        if not _squeeze(stripped) or is_page_number(stripped) or _RULE.match(stripped):
            continue
        if _squeeze(stripped) in furniture:
            continue
        entry_title = toc_entry(stripped)
        readings = [[_squeeze(entry_title, markdown)] if entry_title else _pieces(line, markdown)]
        if len(readings[0]) > 1 and not markdown:
            # What the oracle splits may be one piece to the reader: a TAB-led line is one cell
            # of a TAB-flattened table, TABs inside it and all (unless it is a row of a
            # one-row-per-line table); a | inside a sentence is text.  Either reading.
            readings.append([_squeeze(stripped)])
        covering = [span for span in spans if span[0] <= number <= span[1]]
        if not any(_pieces_found(pieces, covering) for pieces in readings):
            missing.append((number, stripped[:40]))
    return missing


def _pieces_found(pieces: list[str], covering: list) -> bool:
    """Whether every piece of a line is held by an element (span) covering the line."""
    rows = [span for span in covering if span[4] is not None]
    if rows:  # inside an indicator row: each piece must be that row's own cell, or warned about
        return all(any(piece in cells or _squeeze(split_name(piece)[2]) in keys for *_, keys, cells in rows)
                   or any(piece in held for _, _, held, _, cells in covering if cells is None and held)
                   for piece in pieces)
    # a line may hold the end of a run-in heading and the start of its paragraph (the
    # number keys of _heading_key are no text and stay out of the join)
    together = "".join(k + held for _, _, held, keys, _ in covering
                       for k in [key for key in keys if not key.startswith("§")] or [""]).replace("。", "")
    return all(any(_held_by(piece, held, keys) for _, _, held, keys, _ in covering)
               or piece.replace("。", "") in together for piece in pieces)


def _held_by(piece: str, held: str, keys: list[str]) -> bool:
    """A piece of a line is in an element's text, or holds one of its keys (a title), or is
    part of a key — with or without its numbering (an item's text drops its ``1.``)."""
    bare = _squeeze(strip_numbering(piece)) or piece
    heading = match_heading(piece)
    candidates = {piece, bare, piece.rstrip("。")} | ({_squeeze(heading.title)} if heading and heading.title else set())
    if heading and not heading.title:  # 第一章 alone: held by the heading recorded at that line
        candidates.add(_heading_key(heading.level, heading.number))
    column = match_column(piece)
    if column and not column[1]:  # 专栏3 alone, likewise
        candidates.add(_heading_key("column", column[0]))
    return any(p in held or any(k and (k in p or p in k) for k in keys) for p in candidates)


def assert_nothing_lost(plan, source_text: str) -> None:
    """Fail, naming the lines, when a non-empty line of ``source_text`` is in no part of ``plan``."""
    missing = unaccounted_lines(plan, source_text)
    assert not missing, f"{len(missing)} line(s) lost: {missing[:10]}"
