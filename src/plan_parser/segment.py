"""The one Chinese word segmenter of the process: jieba's default dictionary, loaded once.

Both the glossary's composer (:mod:`plan_parser.glossary`) and the diff's fuzzy
matching (:mod:`plan_parser.diff`) cut Chinese text into words here, so a process
builds jieba's dictionary once (about a second), not once per user.

The tokenizer is a private ``jieba.Tokenizer`` (never the global ``jieba.dt``,
which other code in the process may change) and nothing ever adds words to it:
a glossary keeps its own terms whole by a longest match over its own keys on top
of these tokens (:meth:`plan_parser.glossary.Glossary.translate`), so a user
glossary cannot change what the built-in one gives, nor the diff's tokens.

jieba is imported lazily, the first time :func:`tokens` is called.
"""
from __future__ import annotations

import threading

__all__ = ["tokens", "tokenizer", "init_seconds"]

_LOCK = threading.Lock()
_TOKENIZER = None
#: Wall-clock seconds the one-time set-up took (jieba import + dictionary), or None
#: while it has not happened in this process.
init_seconds: float | None = None


def tokenizer():
    """The process's jieba ``Tokenizer`` with jieba's default dictionary (built on first call).

    Treat it as read-only: adding words would change every user's tokens."""
    global _TOKENIZER, init_seconds
    if _TOKENIZER is None:
        with _LOCK:
            if _TOKENIZER is None:
                import logging
                import time

                t0 = time.perf_counter()
                import jieba

                jieba.setLogLevel(logging.CRITICAL + 10)
                tok = jieba.Tokenizer()
                tok.initialize()
                init_seconds = time.perf_counter() - t0
                _TOKENIZER = tok
    return _TOKENIZER


def tokens(text: str) -> list[str]:
    """``text`` cut into words by jieba (HMM on for unknown words), whitespace-only tokens dropped.

    ``tokens("城镇新增就业人数")`` → ``["城镇", "新增", "就业人数"]``.
    """
    if not text:
        return []
    return [t for t in tokenizer().lcut(text, HMM=True) if t.strip()]
