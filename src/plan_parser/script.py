"""Which characters are Chinese: the one definition every module uses.

Han is Unicode's script property (``\\p{Han}`` of the ``regex`` module, which ``re``
cannot express): all CJK Unified Ideographs and their extensions (A, B… beyond the
BMP), the compatibility ideographs, 〇 and 々 — not a hand-written range that stops at
U+9FFF.  Patterns that need the class compile with ``regex`` and splice in :data:`HAN`
or :data:`CJK_TEXT`.
"""
from __future__ import annotations

import regex

#: A Han character, as a pattern fragment for ``regex`` (not ``re``).
HAN = r"\p{Han}"
#: A character Chinese text sets with no space beside it: Han, kana and the CJK symbol
#: blocks, CJK punctuation (U+3000–303F), full-width forms, and the quotes, dashes,
#: ellipsis and middle dot a Chinese font sets full width.  Readers joining a wrapped
#: line join without a space when either side is one of these.
CJK_TEXT = r"[\p{Han}\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’—…·]"

_HAN = regex.compile(HAN)
_HAN_RUN = regex.compile(HAN + "+")
_CJK_TEXT = regex.compile(CJK_TEXT)


def is_han(ch: str) -> bool:
    """Whether ``ch`` (one character; the first is looked at) is a Han character."""
    return _HAN.match(ch) is not None


def all_han(text: str) -> bool:
    """Whether ``text`` is non-empty and every character of it is Han."""
    return bool(text) and _HAN_RUN.fullmatch(text) is not None


def han_count(text: str) -> int:
    """The number of Han characters in ``text``."""
    return sum(map(len, _HAN_RUN.findall(text)))


def is_cjk_text(ch: str) -> bool:
    """Whether ``ch`` (its first character) is one Chinese text sets without spaces
    (see :data:`CJK_TEXT`)."""
    return _CJK_TEXT.match(ch) is not None
