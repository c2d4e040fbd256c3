"""Chinese → English labels for plan names, from a curated glossary.

The glossary is a TOML data file shipped in the package
(``plan_parser/data/glossary.toml``), organised in tables by kind (``[units]``,
``[attributes]``, ``[categories]``, ``[headers]``, ``[headings]``,
``[indicators]``, ``[titles]``, ``[terms]``) plus two tables that only the
composer uses (``[function_words]`` and ``[suffixes]``).  Keys are the Chinese
strings, values the English.

:meth:`Glossary.translate` tries, in order:

1. ``exact``      – the string is a key of the glossary;
2. ``normalized`` – the string matches a key once both are normalized (spaces,
   full-width punctuation, a trailing unit of ``data/units.toml`` such as
   ``（万人）``, a leading ``其中：`` and leading numbering such as ``1.`` or
   ``一、`` removed);
3. ``composed``   – the string is segmented with jieba (every glossary key is
   loaded into jieba's dictionary so domain terms stay whole) and the English is
   built segment by segment; a plan title ``X“十四五”规划（2021—2025年）``
   becomes ``X 14th Five-Year Plan (2021-2025)``.  If any segment is not
   covered, ``en`` is ``None`` and ``missing`` lists the uncovered pieces.

Importing this module is cheap: jieba is imported lazily, once per process, the
first time a name is not found by steps 1–2.  A returned ``en`` never contains a
CJK character.  See ``docs/glossary.md``.
"""
from __future__ import annotations

import collections
import csv
import io
import os
import re
import threading
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .quantity import is_unit  # the unit table of data/units.toml; imports only regex

__all__ = [
    "Glossary",
    "Translation",
    "contains_cjk",
    "normalize",
    "BUILTIN_PATH",
    "TABLES",
]

BUILTIN_PATH = Path(__file__).resolve().parent / "data" / "glossary.toml"

#: Tables in lookup priority order: when one Chinese key sits in several tables
#: of the same glossary, the first table listed here wins.  ``suffixes`` is used
#: only by the composer and never for a whole-name lookup.
TABLES = (
    "function_words",
    "terms",
    "indicators",
    "titles",
    "categories",
    "headings",
    "headers",
    "attributes",
    "units",
    "suffixes",
)
_COMPOSER_ONLY = frozenset({"suffixes"})
#: Tables whose entries may have an empty English value (= drop the word).
_MAY_BE_EMPTY = frozenset({"function_words"})
#: Table that holds entries of a CSV file and top-level keys of a TOML file.
DEFAULT_TABLE = "terms"

Method = Literal["exact", "normalized", "composed"]

# CJK: Han (all blocks), radicals, CJK symbols and punctuation, kana, bopomofo,
# enclosed/compatibility forms, CJK compatibility forms, full-width forms.
_CJK_RE = re.compile(
    "["
    "\u2e80-\u2fdf"
    "\u3000-\u303f"
    "\u3040-\u30ff"
    "\u3100-\u312f"
    "\u31a0-\u31ff"
    "\u3200-\u33ff"
    "\u3400-\u4dbf"
    "\u4e00-\u9fff"
    "\uf900-\ufaff"
    "\ufe30-\ufe4f"
    "\uff00-\uffef"
    "\U00020000-\U0003134f"
    "]"
)
_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f\u3007]")


def contains_cjk(text: str) -> bool:
    """True if *text* holds any CJK character (Han, CJK punctuation, full-width forms)."""
    return bool(_CJK_RE.search(text))


# ---------------------------------------------------------------------------
# normalization

# Punctuation that NFKC leaves alone but that has an ASCII counterpart.
_PUNCT_MAP = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "、": ",",
        "。": ".",
        "〈": "<",
        "〉": ">",
        "《": "<",
        "》": ">",
        "【": "[",
        "】": "]",
        "〔": "(",
        "〕": ")",
        "—": "-",
        "–": "-",
        "―": "-",
        "～": "~",
        "〜": "~",
        "·": "-",
        "…": "...",
    }
)
_WS_RE = re.compile(r"\s+")
_ASCII_WORD = re.compile(r"[0-9A-Za-z]")
# A Chinese ordinal as headings write it, 一 to 九十九: 一, 十, 十二, 二十, 二十一.
# Not any run of numeral characters, so 十四五 in "十四五、十三五" is not numbering.
_CN_ORDINAL = "(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
# Leading numbering, in the forms plan_parser.headings reads (1.  1、  （1）  一、  （一）),
# after _unify: full-width forms are ASCII by now and 、 and ， are ",".
_LEADING_RE = re.compile(
    r"^(?:"
    r"-{1,2}"  # —— task paragraphs
    r"|\d{1,3}(?:\.\d{1,3})*[.,)](?!\d)"  # 1.  1.2.  1)  1、
    rf"|{_CN_ORDINAL}[,.]"  # 一、  十二、  一．
    rf"|\((?:\d{{1,3}}|{_CN_ORDINAL})\)"  # (1) (一)
    r"|其中[:,]?"  # 其中：
    r")"
)
# A trailing parenthesis; it is dropped when it holds a unit of data/units.toml
# (plan_parser.quantity.is_unit): （万人）, （万人次）, （%）, （元/月）, （张）.
_TRAILING_PAREN_RE = re.compile(r"\(([^()]+)\)$")
_TRAILING_PUNCT_RE = re.compile(r"[.,;:!?*]+$")


def _squash_spaces(text: str) -> str:
    """Drop whitespace, except a single space between two ASCII words."""
    parts = _WS_RE.split(text.strip())
    out = parts[0] if parts else ""
    for part in parts[1:]:
        if out and part and _ASCII_WORD.match(out[-1]) and _ASCII_WORD.match(part[0]):
            out += " "
        out += part
    return out


def _unify(text: str) -> str:
    """Full-width → half-width, CJK punctuation → ASCII, spaces squashed."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT_MAP)
    return _squash_spaces(text)


def normalize(text: str) -> str:
    """The normalized form used for the second lookup (and for composing).

    Full-width characters and CJK punctuation become ASCII, spaces go, and a
    leading ``——``, numbering (``1.``, ``1、``, ``（1）``, ``一、``, ``（一）``), a
    leading ``其中：``, a trailing unit in parentheses (``（万人）``, ``（张）``: any
    unit :func:`plan_parser.quantity.is_unit` knows) and trailing sentence
    punctuation are removed, repeatedly, until nothing more changes.
    """
    text = _unify(text)
    while True:
        before = text
        text = _LEADING_RE.sub("", text, count=1).strip()
        text = _TRAILING_PUNCT_RE.sub("", text).strip()
        m = _TRAILING_PAREN_RE.search(text)
        if m and m.start() > 0 and is_unit(m.group(1)):
            text = text[: m.start()].strip()
        if text == before:
            return text


# ---------------------------------------------------------------------------
# the result


@dataclass(frozen=True)
class Translation:
    """The English for one Chinese name, and how it was found.

    ``en`` is ``None`` when no translation could be made; ``missing`` then lists
    the Chinese segments that the glossary does not cover.
    """

    en: str | None
    method: Method | None
    missing: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.en is not None


# ---------------------------------------------------------------------------
# jieba, loaded once per process

_JIEBA_LOCK = threading.RLock()
_TOKENIZER = None  # a private jieba.Tokenizer: never the global jieba.dt
_TOKENIZER_WORDS: set[str] = set()
#: Frequency given to every glossary key added to jieba.  High enough that a key
#: is always preferred to a split into ordinary words or into shorter keys.
USER_WORD_FREQ = 2_000_000
#: Wall-clock seconds the one-time jieba set-up took (import + dictionary), or None.
jieba_init_seconds: float | None = None


def _tokenizer():
    global _TOKENIZER, jieba_init_seconds
    if _TOKENIZER is None:
        with _JIEBA_LOCK:
            if _TOKENIZER is None:
                import logging
                import time

                t0 = time.perf_counter()
                import jieba

                jieba.setLogLevel(logging.CRITICAL + 10)
                tok = jieba.Tokenizer()
                tok.initialize()
                jieba_init_seconds = time.perf_counter() - t0
                _TOKENIZER = tok
    return _TOKENIZER


def _ensure_words(words: Iterable[str]) -> None:
    tok = _tokenizer()
    with _JIEBA_LOCK:
        for word in words:
            if word not in _TOKENIZER_WORDS:
                tok.add_word(word, USER_WORD_FREQ)
                _TOKENIZER_WORDS.add(word)


# ---------------------------------------------------------------------------
# the glossary

_FOUR_DIGITS = re.compile(r"^\d{4}$")
_KEEP_RE = re.compile(r"[0-9A-Za-z+%#&]")
_CN_DIGIT = "〇零一二三四五六七八九"
# A year in Chinese digits: 二〇二五年, and the first year of 二〇二一—二〇二五年.
_CN_YEAR_RE = re.compile(rf"([{_CN_DIGIT}]{{4}})(?=年|[-~至到][{_CN_DIGIT}]{{4}}年)")
# A plan period abbreviation in quotes: "十四五" → 十四五, so that 十四五规划 is one word.
_QUOTED_PERIOD_RE = re.compile(r"[\"'](十[一二三四五六七八九]?五)[\"']")
# A trailing plan period: (2021-2025年) → "(2021-2025)".
_TRAILING_PERIOD_RE = re.compile(r"\((\d{4})[-~至到](\d{4})年?\)$")
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_ATTACH_LEFT = {",", ";", ":", "%", "!", "?"}


class Glossary:
    """A zh→en glossary made of named tables (see :data:`TABLES`).

    Build one with :meth:`builtin`, :meth:`load` or ``Glossary({"terms": {...}})``.
    A Glossary is immutable once built; :meth:`merged` returns a new one.
    """

    def __init__(self, tables: Mapping[str, Mapping[str, str]], *, source: str | None = None):
        clean: dict[str, dict[str, str]] = {}
        for table, entries in tables.items():
            if not isinstance(entries, Mapping):
                raise ValueError(f"glossary table [{table}] must map Chinese strings to English")
            out: dict[str, str] = {}
            for zh, en in entries.items():
                if not isinstance(zh, str) or not isinstance(en, str):
                    raise ValueError(f"[{table}] {zh!r}: keys and values must be strings")
                zh = zh.strip()
                en = " ".join(en.split())
                if not zh:
                    raise ValueError(f"[{table}]: empty Chinese key")
                if not en and table not in _MAY_BE_EMPTY:
                    raise ValueError(f"[{table}] {zh!r}: empty English value")
                if contains_cjk(en):
                    raise ValueError(f"[{table}] {zh!r}: English value {en!r} contains CJK characters")
                out[zh] = en
            clean[table] = out
        self._tables = clean
        self.source = source
        order = [t for t in TABLES if t in clean] + sorted(t for t in clean if t not in TABLES)
        # whole-name lookup: the first table in priority order wins
        flat: dict[str, str] = {}
        for table in reversed(order):
            if table in _COMPOSER_ONLY:
                continue
            for zh, en in clean[table].items():
                if en:
                    flat[zh] = en
        self._flat = flat
        # normalized lookup: keys already in normal form first, then derived ones,
        # each pass in table priority order
        norm: dict[str, str] = {}
        pairs = [
            (zh, normalize(zh), en)
            for table in order
            if table not in _COMPOSER_ONLY
            for zh, en in clean[table].items()
            if en
        ]
        for zh, n, en in pairs:
            if n == zh:
                norm.setdefault(n, en)
        for zh, n, en in pairs:
            if n:
                norm.setdefault(n, en)
        self._norm = norm
        self._function_words = {_unify(k): v for k, v in clean.get("function_words", {}).items()}
        self._suffixes = {_unify(k): v for k, v in clean.get("suffixes", {}).items()}
        # word-level lookup for the composer: normalized keys, function words first
        seg: dict[str, str] = {}
        for zh, en in norm.items():
            seg[zh] = en
        seg.update(self._function_words)
        self._segments = seg
        self._max_key = max((len(k) for k in seg), default=1)
        self._single_ok = {k for k in self._function_words if len(k) == 1} | {
            k for k in (_unify(z) for z in clean.get("terms", {})) if len(k) == 1
        }
        self._jieba_words: list[str] | None = None
        self._jieba_ready = False

    # -- construction ------------------------------------------------------

    _builtin: Glossary | None = None
    _builtin_lock = threading.Lock()

    @classmethod
    def builtin(cls) -> Glossary:
        """The glossary shipped with the package (loaded once, then cached).

        Unlike a user glossary, it may not hold an empty English value."""
        if cls._builtin is None:
            with cls._builtin_lock:
                if cls._builtin is None:
                    cls._builtin = cls.load(BUILTIN_PATH, skip_empty=False)
        return cls._builtin

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, skip_empty: bool = True) -> Glossary:
        """Load a glossary file: ``.toml`` (same tables as the built-in one) or
        ``.csv`` (two columns ``zh,en`` after a header row; entries go to ``[terms]``).

        An entry whose English is empty (``"术语" = ""``, as ``plan-parser glossary
        missing`` writes it) is not provided yet: with ``skip_empty`` (the default)
        it is left out, so it neither adds nor overrides anything; with
        ``skip_empty=False`` it is a ``ValueError``.  Empty values in
        ``[function_words]`` are kept: there they mean "drop the word"."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".toml":
            with path.open("rb") as fh:
                try:
                    data = tomllib.load(fh)
                except tomllib.TOMLDecodeError as exc:
                    raise ValueError(f"{path}: {exc}") from exc
            return cls._from_toml_data(data, source=str(path), skip_empty=skip_empty)
        if suffix == ".csv":
            return cls._from_csv_text(path.read_text(encoding="utf-8-sig"), source=str(path),
                                      skip_empty=skip_empty)
        raise ValueError(f"{path}: unknown glossary format {suffix!r} (use .toml or .csv)")

    @classmethod
    def _from_toml_data(cls, data: Mapping, *, source: str | None, skip_empty: bool = False) -> Glossary:
        tables: dict[str, dict[str, str]] = {}
        for name, value in data.items():
            if isinstance(value, Mapping):
                for zh, en in value.items():
                    if isinstance(en, Mapping):
                        raise ValueError(f"{source}: [{name}.{zh}]: nested tables are not allowed")
                tables.setdefault(name, {}).update(value)
            else:
                tables.setdefault(DEFAULT_TABLE, {})[name] = value
        return cls._built(tables, source, skip_empty)

    @classmethod
    def _from_csv_text(cls, text: str, *, source: str | None, skip_empty: bool = False) -> Glossary:
        rows = csv.reader(io.StringIO(text))
        entries: dict[str, str] = {}
        for lineno, row in enumerate(rows, start=1):
            if lineno == 1 or not any(cell.strip() for cell in row):
                continue  # the header row, blank lines
            if len(row) != 2:
                raise ValueError(f"{source}:{lineno}: expected 2 columns zh,en, got {len(row)}")
            entries[row[0].strip()] = row[1].strip()
        return cls._built({DEFAULT_TABLE: entries}, source, skip_empty)

    @classmethod
    def _built(cls, tables: dict, source: str | None, skip_empty: bool) -> Glossary:
        """A user file's tables as a Glossary; its errors name the file."""
        if skip_empty:
            tables = _without_empty(tables)
        try:
            return cls(tables, source=source)
        except ValueError as exc:
            raise ValueError(f"{source}: {exc}") from exc

    def merged(self, other: Glossary) -> Glossary:
        """A new glossary: this one, with *other*'s entries added or overriding.

        An entry of *other* wins over an entry of this glossary with the same
        Chinese key, whichever tables the two are in.
        """
        override = {zh for entries in other._tables.values() for zh in entries}
        tables: dict[str, dict[str, str]] = {}
        for table, entries in self._tables.items():
            tables[table] = {zh: en for zh, en in entries.items() if zh not in override}
        for table, entries in other._tables.items():
            tables.setdefault(table, {}).update(entries)
        return Glossary(tables, source=f"{self.source} + {other.source}")

    # -- inspection ----------------------------------------------------------

    def __len__(self) -> int:
        return len({zh for entries in self._tables.values() for zh in entries})

    def __contains__(self, zh: object) -> bool:
        return zh in self._flat

    def __repr__(self) -> str:
        return f"<Glossary {len(self)} entries from {self.source}>"

    @property
    def tables(self) -> dict[str, dict[str, str]]:
        """A copy of the tables: ``{table: {zh: en}}``."""
        return {t: dict(e) for t, e in self._tables.items()}

    def get(self, zh: str, default: str | None = None) -> str | None:
        """Exact lookup only."""
        return self._flat.get(zh, default)

    # -- translation ---------------------------------------------------------

    def translate(self, zh: str) -> Translation:
        """English for the Chinese name *zh*: exact, normalized, then composed."""
        if not zh or not zh.strip():
            return Translation(None, None, [])
        en = self._flat.get(zh)
        if en is not None:
            return Translation(en, "exact", [])
        norm = normalize(zh)
        en = self._norm.get(norm)
        if en is not None:
            return Translation(en, "normalized", [])
        if not norm:
            return Translation(None, None, [])
        return self._compose(norm)

    def coverage(self, names: Iterable[str]) -> collections.Counter:
        """How often each uncovered segment occurs among *names* (once per name)."""
        counter: collections.Counter = collections.Counter()
        for name in names:
            result = self.translate(name)
            if result.en is None:
                counter.update(result.missing)
        return counter

    # -- composition -----------------------------------------------------------

    def _ensure_jieba(self):
        tok = _tokenizer()
        if not self._jieba_ready:
            words = [w for w in self._segments if len(w) >= 2 and _HAN_RE.search(w)]
            _ensure_words(words)
            self._jieba_ready = True
        return tok

    def _split_covered(self, segment: str) -> tuple[list[str], list[str]]:
        """Forward maximum matching of one jieba segment against the glossary.

        Returns the English pieces and the uncovered runs.  Single characters are
        matched only if they are function words or ``[terms]`` entries, so an
        unknown word is not dressed up in unit names such as 人 or 家.
        """
        single_ok = self._single_ok
        pieces: list[str] = []
        missing: list[str] = []
        run = ""
        i = 0
        n = len(segment)
        while i < n:
            for j in range(min(n, i + self._max_key), i, -1):
                cand = segment[i:j]
                if cand in self._segments and (j - i >= 2 or cand in single_ok):
                    if run:
                        missing.append(run)
                        run = ""
                    pieces.append(self._segments[cand])
                    i = j
                    break
            else:
                run += segment[i]
                i += 1
        if run:
            missing.append(run)
        return pieces, missing

    def _compose(self, text: str) -> Translation:
        text = _CN_YEAR_RE.sub(lambda m: m.group(1).translate(_CN_DIGITS), text)
        text = _QUOTED_PERIOD_RE.sub(r"\1", text)
        period: str | None = None
        m = _TRAILING_PERIOD_RE.search(text)
        if m and text[: m.start()].strip():
            period = f"({m.group(1)}-{m.group(2)})"
            text = text[: m.start()].strip()
        tok = self._ensure_jieba()
        segments = [s for s in tok.lcut(text, HMM=True) if s.strip()]
        words: list[str] = []
        missing: list[str] = []
        suffix: str | None = None
        last = len(segments) - 1
        while last >= 0 and not (_HAN_RE.search(segments[last]) or _KEEP_RE.search(segments[last])):
            last -= 1
        for idx, seg in enumerate(segments):
            if not _HAN_RE.search(seg):
                if _KEEP_RE.search(seg):
                    words.append(seg)  # numbers, Latin, "+", "%"
                elif seg in _ATTACH_LEFT and words:
                    words.append(seg)
                continue  # other punctuation
            if seg == "年" and words and _FOUR_DIGITS.match(words[-1]):
                continue  # "2025年" → "2025"
            if idx == last and seg in self._suffixes and words:
                suffix = self._suffixes[seg]
                continue
            en = self._segments.get(seg)
            if en is not None:
                if en:
                    words.append(en)
                continue
            pieces, uncovered = self._split_covered(seg)
            if uncovered:
                missing.extend(uncovered)
            else:
                words.extend(p for p in pieces if p)
        if missing:
            return Translation(None, None, list(dict.fromkeys(missing)))
        en = _join(words)
        if not en:
            return Translation(None, None, [])
        if suffix:
            en = suffix.replace("{}", en) if "{}" in suffix else f"{en} {suffix}"
        if period:
            en = f"{en} {period}"
        if contains_cjk(en):  # cannot happen with validated values; guard anyway
            bad = [w for w in words if contains_cjk(w)]
            return Translation(None, None, bad)
        return Translation(en, "composed", [])


def _without_empty(tables: dict[str, dict]) -> dict[str, dict]:
    """The tables without entries whose English is an empty (or blank) string,
    except in the tables where an empty value means something."""
    return {
        table: {
            zh: en
            for zh, en in entries.items()
            if table in _MAY_BE_EMPTY or not (isinstance(en, str) and not en.strip())
        }
        for table, entries in tables.items()
    }


def _join(words: list[str]) -> str:
    out = ""
    for word in words:
        if not out:
            out = word.lstrip(",;:")
        elif word in _ATTACH_LEFT:
            out = out.rstrip() + word
        else:
            out += " " + word
    return " ".join(out.split()).strip(" ,;:")
