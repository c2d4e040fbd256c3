"""Fill every ``*_en`` label of a plan from the glossary.

Labels a reader needs in English — headings, 专栏 titles, indicator names,
categories, units, project and task titles — are looked up once per distinct
string.  A label the glossary cannot cover stays null and becomes one
``untranslated`` warning naming the uncovered terms, so nothing is guessed.
"""
from __future__ import annotations

from .glossary import Glossary
from .model import Plan, Warning


def apply_glossary(plan: Plan, glossary: Glossary) -> None:
    """Set the ``*_en`` fields of ``plan`` in place."""
    cache: dict[str, str | None] = {}
    reported: set[str] = set()

    def en(zh: str | None, loc: dict) -> str | None:
        if not zh:
            return None
        if zh not in cache:
            result = glossary.translate(zh)
            cache[zh] = result.en
            if result.en is None and zh not in reported:
                reported.add(zh)
                plan.warnings.append(Warning(
                    "untranslated", f"no English for {zh!r}: glossary lacks {', '.join(result.missing)}",
                    dict(loc)))
        return cache[zh]

    meta_loc = next((b.loc for b in plan.preamble if plan.meta.title and plan.meta.title in b.text),
                    plan.preamble[0].loc if plan.preamble else {})
    plan.meta.title_en = en(plan.meta.title, meta_loc)
    plan.meta.region_en = en(plan.meta.region, meta_loc)
    for part in plan.parts:
        part.title_en = en(part.title, part.loc)
    for chapter in plan.chapters:
        chapter.title_en = en(chapter.title, chapter.loc)
        for section in chapter.sections:
            section.title_en = en(section.title, section.loc)
    for column in plan.columns:
        column.title_en = en(column.title, column.loc)
    for ind in plan.indicators:
        ind.name_en = en(ind.name, ind.loc)
        ind.category_en = en(ind.category, ind.loc)
        ind.unit_en = en(ind.unit, ind.loc)
    for project in plan.projects:
        project.title_en = en(project.title, project.loc)
    for task in plan.tasks:
        task.title_en = en(task.title, task.loc)
