"""The one Chinese word segmenter of the process: jieba's default dictionary, read lazily.

Both the glossary's composer (:mod:`plan_parser.glossary`) and the diff's fuzzy
matching (:mod:`plan_parser.diff`) cut Chinese text into words here, so a process
has one dictionary, shared by every user.

jieba builds its whole prefix dictionary at once (about 0.7 s of ``marshal.load``
on an idle machine, 350,000 words and their prefixes), though cutting a text only
ever looks up substrings of that text.  Every such substring starts with one of the
text's characters, so here the dictionary is kept in shards by first character and a
shard is read the first time a text holds its character: the words of the shards read
so far, with their prefixes, are exactly the entries of jieba's own dictionary that a
cut of those texts can look up, and the cut is identical (``tests/test_segment.py``
compares it with jieba's fully built tokenizer).  The shards come from jieba's
``dict.txt``, grouped once into a cache file (``$PLAN_PARSER_CACHE_DIR``, else
``$XDG_CACHE_HOME/plan_parser``, else ``~/.cache/plan_parser``), rebuilt when jieba's
dictionary changes; where no cache can be written they are grouped in memory (about
0.15 s).  A cold ``plan-parser diff`` needing a fuzzy match thus pays milliseconds,
not a second (``benchmarks/bench_diff.py``).

The tokenizer is a private ``jieba.Tokenizer`` (never the global ``jieba.dt``,
which other code in the process may change) and nothing ever adds words to it:
a glossary keeps its own terms whole by a longest match over its own keys on top
of these tokens (:meth:`plan_parser.glossary.Glossary.translate`), so a user
glossary cannot change what the built-in one gives, nor the diff's tokens.

jieba is imported lazily, the first time :func:`tokens` is called.
"""
from __future__ import annotations

import threading

__all__ = ["tokens", "tokenizer", "known", "proper_noun", "function_char", "init_seconds"]

_LOCK = threading.Lock()
_SEGMENTER: _Segmenter | None = None
#: Wall-clock seconds the one-time set-up took (jieba import + the shard index), or None
#: while it has not happened in this process.
init_seconds: float | None = None

#: jieba's part-of-speech tags of proper nouns: place (ns), person (nr, nrt, nrfg) and other
#: proper names (nz).  The tags are noisy (城市 and 新建 are ns), so a caller asks only about
#: a word it has no English for.
_PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz"})
#: A tagged word jieba counts this often is a common noun (平原 7,457, 英雄 5,354, 明星 2,130,
#: 红旗 1,052) or a name famous enough to have an English of its own (黄河, 三峡); the local
#: names of a plan are rare (青溪 67, 滨江 26, 白石山 2).
_COMMON_COUNT = 1000

#: jieba's tags of the characters that open or close no name: prepositions (p: 在 沿 于), conjunctions
#: (c: 和 及), auxiliaries (u…: 的 过), direction words (f: 沿 上) and adverbs (d: 将).
_FUNCTION_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ug", "ud", "uv", "f", "d"})

#: Cache file format: bump when the layout below changes.
_CACHE_VERSION = 1


def _import_jieba():
    """``import jieba`` without ``pkg_resources``: jieba 0.42 imports it (about 0.1 s, and a
    deprecation warning) only to open its own files, and falls back to ``open`` without it."""
    import sys

    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes the import fail
    try:
        import jieba
    finally:
        if blocked and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


def _group(dict_path) -> tuple[dict, bytes]:
    """jieba's dict.txt as (header, body): the body holds its lines grouped by first character
    (in file order within a group); the header maps each character to its group's byte span."""
    groups: dict[str, list[str]] = {}
    total = 0
    with open(dict_path, "rb") as fh:
        text = fh.read().decode("utf-8")
    for line in text.split("\n"):
        line = line.strip(" \t\r\n\x0b\x0c")  # what jieba strips (bytes.strip: ASCII whitespace)
        if not line:
            continue
        total += int(line.split(" ")[1])
        groups.setdefault(line[0], []).append(line)
    index: dict[str, list[int]] = {}
    chunks: list[bytes] = []
    offset = 0
    for ch, lines in groups.items():
        chunk = ("\n".join(lines)).encode("utf-8")
        index[ch] = [offset, len(chunk)]
        chunks.append(chunk)
        offset += len(chunk)
    return {"total": total, "index": index, "body_bytes": offset}, b"".join(chunks)


def _load_shards(jieba) -> tuple[dict, bytes]:
    """The grouped dictionary from the cache file, (re)built when missing or stale."""
    import json
    import os
    from pathlib import Path

    from .cache import cache_dir, write_atomically

    dict_path = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)
    st = os.stat(dict_path)
    stamp = {"version": _CACHE_VERSION, "jieba": jieba.__version__, "dict_size": st.st_size,
             "dict_mtime_ns": st.st_mtime_ns}
    where = cache_dir()
    if where is None:
        return _group(dict_path)
    path = where / "jieba_shards.bin"
    try:
        with open(path, "rb") as fh:
            header = json.loads(fh.readline())
            body = fh.read()
        if header.get("stamp") == stamp and len(body) == header.get("body_bytes"):
            return header, body
    except (OSError, ValueError, AttributeError):
        pass  # missing, unreadable or not ours: rebuild it
    header, body = _group(dict_path)
    header["stamp"] = stamp
    try:
        write_atomically(path, json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n" + body)
    except OSError:
        pass  # no writable cache: the grouped dictionary serves this process from memory
    return header, body


class _Segmenter:
    """A private jieba ``Tokenizer`` whose prefix dictionary grows by first-character shards."""

    def __init__(self) -> None:
        jieba = _import_jieba()
        header, self._body = _load_shards(jieba)
        self._index: dict[str, list[int]] = header["index"]
        self._loaded: set[str] = set()
        self._proper: set[str] = set()  # words of the shards read so far tagged as proper nouns
        self._function_chars: set[str] = set()  # one-character words tagged p, c, u…, f or d
        self._lock = threading.Lock()
        tok = jieba.Tokenizer()
        tok.FREQ, tok.total = {}, header["total"]
        tok.initialized = True  # the dictionary is ours to fill: jieba must not build its own
        self.tokenizer = tok

    def _read(self, chars: set[str]) -> None:
        """Add the shards of ``chars`` to the tokenizer's dictionary, as jieba's ``gen_pfdict``
        would have them: each word with its count, each prefix with 0 unless it is a word."""
        freq = self.tokenizer.FREQ
        with self._lock:
            for ch in chars - self._loaded:
                span = self._index.get(ch)
                if span is not None:
                    start, size = span
                    for line in self._body[start:start + size].decode("utf-8").split("\n"):
                        word, count, *tag = line.split(" ")
                        freq[word] = int(count)
                        if tag and tag[0] in _PROPER_TAGS and int(count) < _COMMON_COUNT:
                            self._proper.add(word)
                        elif tag and len(word) == 1 and tag[0] in _FUNCTION_TAGS:
                            self._function_chars.add(word)
                        for end in range(1, len(word)):
                            freq.setdefault(word[:end], 0)
                self._loaded.add(ch)

    def lcut(self, text: str, HMM: bool = True) -> list[str]:  # noqa: N803 (jieba's name)
        """jieba's ``Tokenizer.lcut(text, HMM=HMM)``, the shards of ``text``'s characters read first."""
        chars = set(text)
        if not chars <= self._loaded:
            self._read(chars)
        return self.tokenizer.lcut(text, HMM=HMM)


    def known(self, word: str) -> bool:
        """``word`` is in jieba's dictionary (a token jieba's HMM joined is not)."""
        if word[0] not in self._loaded:  # a word's shard is its first character's, as in lcut
            self._read({word[0]})
        return bool(self.tokenizer.FREQ.get(word))

    def proper_noun(self, word: str) -> bool:
        """``word`` is in jieba's dictionary tagged as a proper noun, and rare."""
        self.known(word)  # reads the word's shard
        return word in self._proper

    def function_char(self, char: str) -> bool:
        """``char`` is a one-character word jieba tags p, c, u…, f or d."""
        self.known(char)
        return char in self._function_chars


def known(word: str) -> bool:
    """Whether ``word`` is a word of jieba's dictionary: 社区 is, the unknown name 松河县
    that jieba's HMM made one token is not."""
    return bool(word) and _segmenter().known(word)


def proper_noun(word: str) -> bool:
    """Whether jieba's dictionary tags ``word`` as a proper noun (青溪 ns, 白石山 nr) and counts
    it fewer than 1,000 times; 口袋 and 郊野 are common nouns (n), 平原 is tagged ns but
    counted 7,457 times, 松河 is not in the dictionary at all."""
    return bool(word) and _segmenter().proper_noun(word)


def function_char(char: str) -> bool:
    """Whether jieba tags the one-character word ``char`` a preposition, conjunction,
    auxiliary, direction word or adverb (在 沿 和 及 的 将): a character that opens or
    closes no name, though jieba's HMM may join it to one (及松河, 沿松河)."""
    return bool(char) and _segmenter().function_char(char)


def tokenizer() -> _Segmenter:
    """The process's one segmenter (made on first call): ``tokenizer().lcut(text)`` cuts as
    jieba's default ``Tokenizer`` does.  Treat it as read-only: adding words would change
    every user's tokens."""
    return _segmenter()


def _segmenter() -> _Segmenter:
    global _SEGMENTER, init_seconds
    if _SEGMENTER is None:
        with _LOCK:
            if _SEGMENTER is None:
                import logging
                import time

                t0 = time.perf_counter()
                seg = _Segmenter()
                import jieba

                jieba.setLogLevel(logging.CRITICAL + 10)
                init_seconds = time.perf_counter() - t0
                _SEGMENTER = seg
    return _SEGMENTER


def tokens(text: str) -> list[str]:
    """``text`` cut into words by jieba (HMM on for unknown words), whitespace-only tokens dropped.

    ``tokens("城镇新增就业人数")`` → ``["城镇", "新增", "就业人数"]``.
    """
    if not text:
        return []
    return [t for t in _segmenter().lcut(text, HMM=True) if t.strip()]
