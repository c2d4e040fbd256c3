"""Fill every ``*_en`` label of a plan from the glossary.

Labels a reader needs in English — the plan's title, region and issuer, headings, 专栏
titles, indicator names, categories, units, project and task titles — are
looked up once per distinct string; the region is romanized by
:func:`plan_parser.places.place_en` unless a glossary has the name itself.  A label the glossary cannot cover stays
null and becomes one ``untranslated`` warning naming the uncovered terms, so
nothing is guessed; with ``Settings(dictionary=True)`` CC-CEDICT gives those terms a
dictionary gloss, and the label a ``dictionary_english`` warning instead.

:func:`labels` is the one list of those labels; :func:`apply_glossary` fills
them and ``plan-parser glossary missing`` reports the ones it cannot fill.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from .glossary import Glossary, Translation, contains_cjk, place_en, singular, title_case
from .meta import issuing_bodies
from .model import ParseWarning, Plan
from .quantity import is_rate_unit

__all__ = ["Label", "labels", "apply_glossary", "label_kind", "english_coverage"]


class Label(NamedTuple):
    """One Chinese label of a plan and the field that holds its English.

    ``getattr(owner, field)`` is the English (``title_en``, ``name_en``, ...);
    ``loc`` is where a warning about the label points.
    """

    zh: str | None
    loc: dict
    owner: Any
    field: str

    def set(self, en: str | None) -> None:
        setattr(self.owner, self.field, en)

    @property
    def en(self) -> str | None:
        return getattr(self.owner, self.field)

    @property
    def kind(self) -> str:
        """What the label names: ``plan title``, ``region``, ``chapter``, ``indicator`` …"""
        return label_kind(self)


_KINDS = {"Meta.title_en": "plan title", "Meta.region_en": "region", "Meta.issuer_en": "issuer",
          "Part.title_en": "part", "Chapter.title_en": "chapter", "Section.title_en": "section",
          "Column.title_en": "box", "Indicator.name_en": "indicator", "Indicator.category_en": "category",
          "Indicator.unit_en": "unit", "Project.title_en": "project", "Task.title_en": "task"}


def label_kind(label: Label) -> str:
    """The kind of a label, as ``glossary missing`` and :func:`english_coverage` name it."""
    key = f"{type(label.owner).__name__}.{label.field}"
    return _KINDS.get(key, key)


def english_coverage(plans) -> dict[str, tuple[int, int]]:
    """``{kind: (labels with English, labels)}`` over ``plans`` (each label counted where it
    stands, empty labels not counted): how much of a plan the English views can show."""
    out: dict[str, list[int]] = {}
    for plan in plans:
        for label in labels(plan):
            if label.zh:
                cell = out.setdefault(label.kind, [0, 0])
                cell[0] += label.en is not None
                cell[1] += 1
    return {kind: (done, total) for kind, (done, total) in out.items()}


def labels(plan: Plan) -> Iterator[Label]:
    """Every label of ``plan`` that has an English companion, in document order of kind:
    meta title, region and issuer, parts, chapters with their sections, 专栏 titles,
    indicators (name, category, unit), projects, tasks.  ``zh`` may be None."""
    meta_loc = next((b.loc for b in plan.preamble if plan.meta.title and plan.meta.title in b.text),
                    plan.preamble[0].loc if plan.preamble else {})
    yield Label(plan.meta.title, meta_loc, plan.meta, "title_en")
    yield Label(plan.meta.region, meta_loc, plan.meta, "region_en")
    yield Label(plan.meta.issuer, meta_loc, plan.meta, "issuer_en")
    for part in plan.parts:
        yield Label(part.title, part.loc, part, "title_en")
    for chapter in plan.chapters:
        yield Label(chapter.title, chapter.loc, chapter, "title_en")
        for section in chapter.sections:
            yield Label(section.title, section.loc, section, "title_en")
    for column in plan.columns:
        yield Label(column.title, column.loc, column, "title_en")
    for ind in plan.indicators:
        yield Label(ind.name, ind.loc, ind, "name_en")
        yield Label(ind.category, ind.loc, ind, "category_en")
        yield Label(ind.unit, ind.loc, ind, "unit_en")
    for project in plan.projects:
        yield Label(project.title, project.loc, project, "title_en")
    for task in plan.tasks:
        yield Label(task.title, task.loc, task, "title_en")


def apply_glossary(plan: Plan, glossary: Glossary) -> None:
    """Set the ``*_en`` fields of ``plan`` in place.  The places the plan's title opens with
    that the national list lacks are names in all its labels (:meth:`Glossary.title_places`)."""
    cache: dict[str, str | None] = {}
    glossary = plan_glossary(plan, glossary)

    for label in list(labels(plan)):
        zh = label.zh
        if not zh:
            label.set(None)
            continue
        if zh not in cache:
            result = glossary.translate(zh)
            if label.field == "unit_en" and result.method != "exact" and ("/" in zh or "／" in zh):
                result = _per_unit(zh, glossary) or result  # 床/千人: "beds per 1,000 persons"
            if label.field == "unit_en" and result.method in (None, "dictionary"):
                # 万名 is "10,000 persons" by data/units.toml, never CC-CEDICT's "all names"
                result = _prefixed_unit(zh, glossary) or result
            if label.field == "issuer_en" and result.method != "exact":
                result = _issuer(zh, glossary) or result
            if label.field == "region_en" and result.method != "exact":
                en = place_en(zh)  # the national romanization, unless a glossary names the place
                if en:
                    result = Translation(en, "exact", [])
            cache[zh] = result.en
            if result.en is None:
                plan.warnings.append(ParseWarning(
                    "untranslated", f"no English for {zh!r}: glossary lacks {', '.join(result.missing)}",
                    dict(label.loc)))
            elif result.method == "dictionary":
                plan.warnings.append(ParseWarning(
                    "dictionary_english", f"English for {zh!r} is {result.en!r}, word by word from CC-CEDICT "
                    f"for {', '.join(result.missing)}, which the glossary lacks", dict(label.loc)))
        label.set(cache[zh])


def _issuer(zh: str, glossary: Glossary) -> Translation | None:
    """An issuer's English as the names of bodies are written, in Title Case, one body after
    another when several issue a plan together (沛水市妇女联合会 沛水市教育局 → "Peishui City
    Women's Federation; Peishui City Education Bureau"); None when a body has no English."""
    results = [glossary.translate(body) for body in issuing_bodies(zh)]
    if not results or any(r.en is None for r in results):
        return None
    method = "dictionary" if any(r.method == "dictionary" for r in results) else "composed"
    return Translation("; ".join(title_case(r.en) for r in results), method,
                       [w for r in results for w in r.missing])


def plan_glossary(plan: Plan, glossary: Glossary) -> Glossary:
    """``glossary`` with the places ``plan``'s title opens with that the national list lacks
    (:meth:`Glossary.title_places`) and the towns of the plan's own place written without their
    level word (:meth:`Glossary.with_local_names`: a plan of 丽水市 writes 青田 for 青田县,
    which elsewhere stays unread for want of a level word): the glossary every label of the
    plan is translated with, by :func:`apply_glossary` and by ``plan-parser glossary missing``
    alike."""
    if plan.meta is not None and plan.meta.adcode:
        from .places import local_names

        glossary = glossary.with_local_names(local_names(plan.meta.adcode))
    if plan.meta is not None and plan.meta.title:
        return glossary.with_places(glossary.title_places(plan.meta.title))
    return glossary


def _per_unit(unit: str, glossary: Glossary) -> Translation | None:
    """A unit of one thing per another (床/千人, 个/万人, 元/平方米): each side's English,
    joined by "per"; None unless both sides have English."""
    left, _, right = unit.replace("／", "/").partition("/")
    if is_rate_unit(left) or is_rate_unit(right):
        return None  # 亿元/%: two units side by side, no rate
    if not contains_cjk(unit):
        return None  # km/h, μg/m³: written in Latin letters already
    sides = []
    for side in (left.strip(), right.strip()):
        t = glossary.translate(side) if side else Translation(None, None, [])
        if not t.en or t.method not in ("exact", "normalized"):
            t = _prefixed_unit(side, glossary) or t
        if not t.en:
            return None
        sides.append(t)
    method = "dictionary" if any(t.method == "dictionary" for t in sides) else "composed"
    missing = [w for t in sides for w in t.missing]
    right_en = sides[1].en
    if right_en.startswith("per "):  # 吨标准煤/万元GDP: the right side says "per …" itself
        return Translation(f"{sides[0].en} {right_en}", method, missing)
    per = right_en if right_en[:1].isdigit() else singular(right_en)  # "per person", "per 1,000 persons"
    return Translation(f"{sides[0].en} per {per}", method, missing)


def _prefixed_unit(unit: str, glossary: Glossary) -> Translation | None:
    """万吨标准煤 → "10,000 tons of standard coal equivalent": the multiplier of
    data/units.toml ([prefixes], read by plan_parser.quantity) and the base unit's English."""
    from .quantity import _grammar
    from .render import number_text

    base, factor = _grammar().decompose(unit)
    if not base or factor == 1 or base == unit:
        return None
    base_en = glossary.translate(base)
    if not base_en.en:
        return None
    return Translation(f"{number_text(float(factor))} {base_en.en}",
                       "dictionary" if base_en.method == "dictionary" else "composed", base_en.missing)
