"""Fill every ``*_en`` label of a plan from the glossary.

Labels a reader needs in English — the plan's title, region and issuer, headings, 专栏
titles, indicator names, categories, units, project and task titles — are
looked up once per distinct string; the region is romanized by
:func:`plan_parser.places.place_en` unless a glossary has the name itself.  A label the glossary cannot cover stays
null and becomes one ``untranslated`` warning naming the uncovered terms, so
nothing is guessed.

:func:`labels` is the one list of those labels; :func:`apply_glossary` fills
them and ``plan-parser glossary missing`` reports the ones it cannot fill.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from .glossary import Glossary, Translation, place_en
from .model import ParseWarning, Plan

__all__ = ["Label", "labels", "apply_glossary"]


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
    """Set the ``*_en`` fields of ``plan`` in place."""
    cache: dict[str, str | None] = {}

    for label in list(labels(plan)):
        zh = label.zh
        if not zh:
            label.set(None)
            continue
        if zh not in cache:
            result = glossary.translate(zh)
            if label.field == "region_en" and result.method != "exact":
                en = place_en(zh)  # the national romanization, unless a glossary names the place
                if en:
                    result = Translation(en, "exact", [])
            cache[zh] = result.en
            if result.en is None:
                plan.warnings.append(ParseWarning(
                    "untranslated", f"no English for {zh!r}: glossary lacks {', '.join(result.missing)}",
                    dict(label.loc)))
        label.set(cache[zh])
