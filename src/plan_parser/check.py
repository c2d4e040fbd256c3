"""Check one plan against itself: do its tables and its prose give the same figures?

Three comparisons, each pairing figures with the diff's matcher
(:func:`plan_parser.diff.match_items`, same passes and threshold) and only
between figures of the same base unit (人 with 人, % with %):

``baseline``
    the review table's actual values (专栏 with an actual column, e.g. 2020年)
    against the main table's baselines of the same year;
``target``
    figures in the prose of the plan's target sections (主要目标, 发展目标, 预期目标,
    主要指标 … in a title, else the sections whose paragraphs open with 到2025年 or
    “十四五”期末: :func:`target_sections`, words in ``data/matching.toml``) against
    the main table's targets;
``foundation``
    figures in the prose of its achievement sections (发展基础, 发展成就 …, else
    paragraphs opening with “十三五”时期) against the review table's actual values.

A prose figure is named by the words of its clause before the number, with
place words (全区, 我区) and verbs (达到, 控制在) trimmed.  Two figures *agree*
when their values in the base unit are equal and their bounds do not point
opposite ways; a bound on one side only, a different strictness (``<`` against
``≤``) or a 累计 mark on one side only is kept as a ``note`` on the agreement.
Figures that pair with nothing are listed as one-sided (``only_left`` /
``only_right``); only disagreements make a plan inconsistent, and a plan where
no pair of figures could be compared is ``nothing_checked``, never consistent.
Disagreements come first in the findings.
"""
from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field
from typing import Any

from .diff import Match, match_items, plan_side, provenance, rounded, table_refs
from .meta import plan_period_name
from .model import SCHEMA_VERSION, Indicator, Plan, Quantity, TextBlock, loc_key

__all__ = ["Figure", "Finding", "CheckResult", "check_plan", "CHECKS", "OUTCOMES", "prose_subject",
           "prose_figures", "target_sections"]

#: check name → (what its left side is, what its right side is)
CHECKS = {
    "baseline": ("review table actual", "main table baseline"),
    "target": ("target-section prose", "main table target"),
    "foundation": ("achievement-section prose", "review table actual"),
}
#: The same in Chinese, with each check's name: (name, left side, right side).
CHECKS_ZH = {
    "baseline": ("基数", "回顾表的实际值", "主要指标表的基数"),
    "target": ("目标", "目标章节文字中的数字", "主要指标表的目标"),
    "foundation": ("基础", "发展基础章节文字中的数字", "回顾表的实际值"),
}

_LEAD = re.compile(r"^(?:[\s，,、；;：:]|“十[一二三四五六七八九]五”(?:期末|期间|时期)?|[全我本](?:区|市|县|省)"
                   r"|累计|共计|实现|促进|完成|其中|到|至)+")
_TRAIL = re.compile(r"(?:始终|基本|累计)?(?:保持在|控制在|稳定在|增加到|提高到|提升到|达到|突破|达|为|至|累计)+$")
_BOUND_SIDE = {">": "lower", ">=": "lower", "<": "upper", "<=": "upper", "=": "exact", "~": "about"}


@dataclass
class Figure:
    """A figure and where it stands: a table cell or a phrase of prose."""

    kind: str  # cell | prose
    name: str  # the indicator name, or the prose phrase's subject
    quantity: Quantity
    loc: dict
    column: int | None = None
    seq: int | None = None
    field: str | None = None  # baseline | target | actual (cells)
    chapter: int | None = None
    section: int | None = None
    context: str | None = None  # the clause (prose)
    name_en: str | None = None


@dataclass
class Finding:
    check: str  # baseline | target | foundation
    status: str  # agree | disagree | only_left | only_right
    left: Figure | None
    right: Figure | None
    match: Match | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


#: A check's outcome: ``consistent`` (figures were compared and all agree), ``inconsistent``
#: (some disagree) or ``nothing_checked`` (no figure could be set against another: no review
#: table, no target section, nothing paired) — never reported as "consistent".
OUTCOMES = ("consistent", "inconsistent", "nothing_checked")


@dataclass
class CheckResult:
    """Every finding of :func:`check_plan`: disagreements first, then check order and reading order."""

    plan: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # comparisons that could not run
    provenance: dict[str, str] = field(default_factory=provenance)
    schema_version: str = SCHEMA_VERSION

    @property
    def summary(self) -> dict[str, int]:
        status = [f.status for f in self.findings]
        return {s: status.count(s) for s in ("disagree", "agree", "only_left", "only_right")}

    @property
    def checked(self) -> int:
        """How many pairs of figures were compared (agreeing or not)."""
        return sum(f.status in ("agree", "disagree") for f in self.findings)

    @property
    def consistent(self) -> bool:
        """No disagreement *and* something was compared."""
        return self.outcome == "consistent"

    @property
    def outcome(self) -> str:
        """One of :data:`OUTCOMES`."""
        if any(f.status == "disagree" for f in self.findings):
            return "inconsistent"
        return "consistent" if self.checked else "nothing_checked"

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": self.schema_version, "provenance": self.provenance, "plan": self.plan,
                "checks": {k: {"left": v[0], "right": v[1]} for k, v in CHECKS.items()},
                "findings": [f.to_dict() for f in self.findings], "notes": self.notes,
                "summary": self.summary, "checked": self.checked, "outcome": self.outcome,
                "consistent": self.consistent}

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_frame(self):
        """A pandas DataFrame, one row per finding (the columns of the CSV report)."""
        from .display import check_frame

        return check_frame(self)

    def _repr_html_(self) -> str:
        from .display import check_html_repr

        return check_html_repr(self)


# -- figures ------------------------------------------------------------------------


def prose_subject(context: str, raw: str) -> str:
    """What a prose figure counts: its clause before the number, trimmed."""
    head = context[: max(context.find(raw), 0)]
    while True:
        trimmed = _TRAIL.sub("", _LEAD.sub("", head))
        if trimmed == head:
            return head
        head = trimmed


def _cells(indicators: list[Indicator], which: str) -> list[Figure]:
    return [Figure("cell", i.name, getattr(i, which), i.loc, i.column, i.seq, which, name_en=i.name_en)
            for i in indicators if getattr(i, which) is not None]


def _cues(plan: Plan, part: str) -> list[str]:
    """The opening phrases of ``matching.toml`` for ``part``, with the plan's years filled in."""
    from .diff import vocabulary

    start, end = plan.meta.period_start, plan.meta.period_end
    if start is None or end is None:
        return []
    names = {"end": end, "plan": plan_period_name(start) or "", "previous": plan_period_name(start - 5) or ""}
    return [c.format(**names) for c in vocabulary().sections[f"{part}_cue"]
            if "“”" not in c.format(**names)]


def target_sections(plan: Plan, part: str) -> list[tuple[Any, Any]]:
    """Where a plan states its targets (``part="target"``) or its achievements (``"foundation"``).

    As (chapter, section or None) places.  First by title: a section whose title holds
    a word of ``matching.toml``'s ``[sections]`` list (主要目标, 发展目标, 预期目标, 主要指标 …;
    发展基础, 发展成就 …); else a chapter so titled (二、主要目标 in plans headed 一、/（一）), whose
    whole text is read.  Where no title names one, by what it contains: the sections (or,
    in a plan without sections, the chapters) with a paragraph or task that opens with a cue
    (到2025年, “十四五”期末 for targets; “十三五”时期 for achievements, with the plan's years).
    """
    from .diff import vocabulary

    words = vocabulary().sections[part]
    named = lambda title: any(w in (title or "") for w in words)  # noqa: E731
    places = [(ch, sec) for ch in plan.chapters for sec in ch.sections if named(sec.title)]
    if places:
        return places
    places = [(ch, None) for ch in plan.chapters if named(ch.title)]
    if places:
        return places
    cues = _cues(plan, part)
    if not cues:
        return []
    opens = lambda text: any(text.lstrip("　 ——").startswith(c) for c in cues)  # noqa: E731
    found = []
    for ch in plan.chapters:
        units = [(sec, list(sec.paragraphs)) for sec in ch.sections] or [(None, list(ch.paragraphs))]
        for sec, blocks in units:
            texts = [b.text for b in blocks] + [t.text for t in _tasks_of(plan, ch, sec)]
            if any(opens(t) for t in texts):
                found.append((ch, sec))
    return found


def _tasks_of(plan: Plan, chapter, section) -> list:
    """The tasks of ``chapter`` (all of them when ``section`` is None) or of ``section``."""
    return [t for t in plan.tasks if t.chapter == chapter.number
            and (section is None or t.section == section.number)]


def prose_figures(plan: Plan, part: str) -> list[Figure]:
    """Figures in the paragraphs and tasks of the plan's ``part`` sections (:func:`target_sections`),
    each named by what it counts (:func:`prose_subject`)."""
    from .quantity import extract_quantities

    out = []
    for ch, sec in target_sections(plan, part):
        if sec is None:
            blocks = [*ch.paragraphs, *(p for s in ch.sections for p in s.paragraphs)]
        else:
            blocks = list(sec.paragraphs)
        blocks += [TextBlock(t.text, t.loc) for t in _tasks_of(plan, ch, sec)]
        number = None if sec is None else sec.number
        for block in sorted(blocks, key=lambda b: loc_key(b.loc)):
            for q in extract_quantities(block.text):
                out.append(Figure("prose", prose_subject(q.context or "", q.raw), q, block.loc,
                                  chapter=ch.number, section=number, context=q.context))
    return out


def _tables(plan: Plan) -> tuple[list[Indicator], list[Indicator]]:
    """(review-table rows, main-table rows), from the diff's own table reading
    (:func:`plan_parser.diff.table_refs`: a table with any actual value is a review)."""
    refs = table_refs(plan)
    rows = lambda role: [plan.indicators[k] for t in refs if t.role == role for k in t.indicators]  # noqa: E731
    return rows("review"), rows("main")


# -- comparing ------------------------------------------------------------------------


def compare(a: Quantity, b: Quantity) -> tuple[bool, str | None]:
    """(agree?, note) for two figures of the same base unit."""
    if a.kind == "ratio" or b.kind == "ratio":
        return (a.kind == b.kind and a.parts == b.parts), None
    if a.kind != "number" or b.kind != "number" or a.base_value is None or b.base_value is None:
        return False, "not comparable as numbers"
    if rounded(a.base_value) != rounded(b.base_value):
        return False, None
    notes = []
    sa, sb = _BOUND_SIDE.get(a.comparator or "="), _BOUND_SIDE.get(b.comparator or "=")
    if {sa, sb} == {"lower", "upper"}:
        return False, f"bounds point opposite ways ({a.comparator} vs {b.comparator})"
    if a.comparator != b.comparator:
        notes.append(f"comparator {a.comparator} vs {b.comparator}")
    if a.cumulative != b.cumulative:
        notes.append("a multi-year total on one side only")
    return True, "; ".join(notes) or None


def _compare_figures(check: str, left: list[Figure], right: list[Figure]) -> list[Finding]:
    """Pair by name within a base unit, then judge each pair."""
    out = []
    for i, j, m in match_items(left, right, lambda f: f.name, group=lambda f: f.quantity.base_unit):
        if j is None:
            out.append(Finding(check, "only_left", left[i], None))
        elif i is None:
            out.append(Finding(check, "only_right", None, right[j]))
        else:
            agree, note = compare(left[i].quantity, right[j].quantity)
            out.append(Finding(check, "agree" if agree else "disagree", left[i], right[j], m, note))
    return out


def check_plan(plan: Plan) -> CheckResult:
    """Run the three comparisons on ``plan``; see the module docstring."""
    result = CheckResult(plan_side(plan))
    review, main = _tables(plan)
    if not review:
        result.notes.append("no review table (no indicator table with actual values): "
                            "baseline and foundation checks skipped")
    if not main:
        result.notes.append("no main indicator table: baseline and target checks skipped")
    if review and main:
        actual_years = {f.quantity.year for f in _cells(review, "actual")}
        baselines = [f for f in _cells(main, "baseline") if f.quantity.year in actual_years]
        actuals = [f for f in _cells(review, "actual")
                   if f.quantity.year in {b.quantity.year for b in baselines}]
        if not baselines:
            result.notes.append("the review table's year is not the main table's base year: "
                                "baseline check skipped")
        else:
            result.findings += _compare_figures("baseline", actuals, baselines)
    for check, rows, which in (("target", main, "target"), ("foundation", review, "actual")):
        if not rows:
            continue
        prose = prose_figures(plan, check)
        if not prose:
            result.notes.append(f"no figures in a {'target' if check == 'target' else 'achievement'} section: "
                                f"{check} check skipped")
        else:
            result.findings += _compare_figures(check, prose, _cells(rows, which))
    # disagreements first (stable: within each status, check order then reading order)
    result.findings.sort(key=lambda f: f.status != "disagree")
    return result
