"""Every tunable of the parser in one object, as dateutil's ``parserinfo`` keeps its words.

Words (units, place names, glossary terms, matching vocabulary) live in data files under
``plan_parser/data/``; patterns live in :mod:`plan_parser.headings` and
:mod:`plan_parser.quantity`; numbers that tune behaviour — limits, thresholds, shares —
live here, each with the reason for its value.  A user overrides them by passing a
:class:`Settings` (``dataclasses.replace(DEFAULTS, fuzzy_threshold=0.85)``) where an entry
point takes ``settings=``; the module-level :data:`DEFAULTS` is what everything else uses.
See ``docs/settings.md``.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Limits and thresholds.  Frozen: derive a variant with :func:`dataclasses.replace`."""

    #: Inputs larger than this many bytes are refused before they are parsed (``too_large``).
    max_bytes: int = 50 * 1024 * 1024
    #: Two names whose fuzzy score reaches this pair up in a diff.  Calibrated on the 250
    #: labelled pairs of ``tests/data/name_pairs.csv``: the highest different pair scores
    #: 0.76, so 0.78 keeps precision 1.0 with a margin, recall 0.88 (sweep in ``docs/diff.md``).
    fuzzy_threshold: float = 0.78
    #: A fuzzy score is multiplied by this when a word is swapped rather than added
    #: (专业技能 vs 专业技术 must not pair).
    substitution_factor: float = 0.9
    #: A document is read as traditional script when at least this share of its Han
    #: characters are traditional-only forms …
    traditional_share: float = 0.05
    #: … and at least this many such characters occur.
    traditional_min_markers: int = 2
    #: Text is re-flowed as hard-wrapped (PDF-extracted) when at least this share of its
    #: longer lines (>= 10 characters) are within ``reflow_slack`` of the measure (the
    #: commonest line width) …
    reflow_full_share: float = 0.5
    #: … and it has at least this many such lines.
    reflow_min_lines: int = 12
    #: … and at most this share of its lines are half as wide again as the measure (a text
    #: with whole paragraphs on lines is not hard-wrapped; a 专栏 printed wider is).
    reflow_long_share: float = 0.1
    #: A line "fills the measure" when it is at most this many display columns short of it
    #: (a CJK character is two columns): a paragraph's first line loses its two-character
    #: indent, and a line may end one character early rather than start with punctuation.
    reflow_slack: int = 6
    #: A line this many columns or more short of the measure may be a paragraph's indented
    #: first line; a fuller line after a sentence end continues the paragraph.
    reflow_indent: int = 2
    #: A line that stands on at least this many pages (and is short) is a running header.
    running_header_min_pages: int = 3
    #: … with at least this many lines between two of its occurrences (a page's worth).
    running_header_min_gap: int = 15
    #: … and it is at most this many characters long.
    running_header_max_chars: int = 40
    #: Lines shorter than this many characters say nothing about the measure of wrapped text.
    reflow_min_measured: int = 10
    #: A text line split on runs of two or more spaces is a table row only with at least this
    #: many cells: two-cell lines split on spaces are headings (第一章  总体要求) far more
    #: often than tables.
    min_space_cells: int = 3
    #: A 一、/（一） heading's title is at most this many characters (longer: a sentence that
    #: starts with a numeral).
    official_title_max: int = 30
    #: OCR of PDF pages and pictures that hold no text layer: None uses it when the ``[ocr]``
    #: extra is installed (unless the environment says ``PLAN_PARSER_OCR=0``); False never
    #: (seconds a page: a batch may want the text layer only, with ``ocr_needed`` warnings).
    ocr: bool | None = None
    #: English for words the glossary lacks from CC-CEDICT (the ``[dictionary]`` extra):
    #: word-by-word dictionary glosses, each such label marked by a ``dictionary_english``
    #: warning.  Off by default: the glossary's English is curated, the dictionary's is not.
    dictionary: bool = False


#: The settings every entry point uses unless it is given others.
DEFAULTS = Settings()
