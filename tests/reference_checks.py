"""Assertions that a parsed Plan is the reference plan — shared by every input form."""
from __future__ import annotations

import dataclasses
import json

from plan_parser.indicators import split_name

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


def _spans(plan):
    """(first line, last line, text held, key strings, exact cells) for every element.

    An indicator row's span holds exactly its own cells: a line inside it must be one
    of them (or contain the indicator's name), so a value that vanished or moved to
    another row is caught.
    """

    def rng(loc):
        return loc["line"], loc.get("end_line", loc["line"])

    out = [(*rng(b.loc), b.text, [], None) for b in plan.preamble]
    for ch in plan.chapters:
        out.append((*rng(ch.loc), "", [ch.title], None))
        out += [(*rng(b.loc), b.text, [], None) for b in ch.paragraphs]
        for s in ch.sections:
            out.append((*rng(s.loc), "", [s.title], None))
            out += [(*rng(b.loc), b.text, [], None) for b in s.paragraphs]
    out += [(*rng(p.loc), "", [p.title], None) for p in plan.parts]
    for col in plan.columns:
        inds = [i for i in plan.indicators if i.column == col.number]
        projects = [p for p in plan.projects if p.column == col.number]
        held = json.dumps([col.headers, col.notes, [b.text for b in col.paragraphs]], ensure_ascii=False)
        keys = [col.title] + [i.category for i in inds if i.category] + [p.title for p in projects]
        out.append((*rng(col.loc), held + "".join(p.text for p in projects), keys, None))
        for i in inds:
            cells = {q.raw for q in (i.baseline, i.target, i.actual) if q} | {i.attribute, i.unit, str(i.seq)}
            out.append((*rng(i.loc), "", [i.name], cells - {None}))
    out += [(*rng(t.loc), t.text, [t.title], None) for t in plan.tasks]
    out += [(*rng(w.location), w.message, [], None) for w in plan.warnings if "line" in w.location]
    return out


def unaccounted_lines(plan, text: str) -> list[tuple[int, str]]:
    """Non-empty input lines found in no element of the plan (a heading, a paragraph of a
    section, a task, a 专栏, an indicator row, the preamble) nor in a warning at that line."""
    spans = _spans(plan)
    warned = [(w.location["line"], w.location.get("end_line", w.location["line"]), w.message)
              for w in plan.warnings if "line" in w.location]
    missing = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        covering = [span for span in spans if span[0] <= number <= span[1]]
        rows = [span for span in covering if span[4] is not None]
        if rows:  # inside an indicator row: the line must be that row's own cell, or warned about
            found = any(stripped in cells or split_name(stripped)[2] in keys for *_, keys, cells in rows)
            found = found or any(first <= number <= last and stripped in held for first, last, held in warned)
        else:
            found = any(stripped in held or any(k and k in stripped for k in keys)
                        for _, _, held, keys, _ in covering)
        if not found:
            missing.append((number, stripped[:40]))
    return missing
