"""plan_parser's cache directory: files derived from installed data that are slow to derive.

Two things are kept there, each rebuilt when what it was derived from changes: jieba's
dictionary grouped by first character (:mod:`plan_parser.segment`) and the built-in
vocabulary file read into tables (:func:`plan_parser.glossary.vocabulary_tables`; about
0.2 s of TOML parsing, 0.02 s of JSON and checks).  The directory is ``$PLAN_PARSER_CACHE_DIR``, else
``$XDG_CACHE_HOME/plan_parser``, else ``~/.cache/plan_parser``; where none can be written
each process derives what it needs in memory, and nothing fails.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "write_atomically", "cached_json"]


def cache_dir() -> Path | None:
    """Where cache files live (None: nowhere to keep them)."""
    if os.environ.get("PLAN_PARSER_CACHE_DIR"):
        return Path(os.environ["PLAN_PARSER_CACHE_DIR"]).expanduser()
    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    except RuntimeError:  # no home directory to be found
        return None
    return Path(base) / "plan_parser"


def write_atomically(path: Path, data: bytes) -> None:
    """Write-then-rename: a concurrent process reads the old file or the new one, never half.
    Raises OSError where the directory cannot be made or written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would keep the file from other users sharing the cache
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def cached_json(name: str, stamp: dict[str, Any], build: Callable[[], Any],
                valid: Callable[[Any], bool] = lambda value: True) -> Any:
    """``build()``'s JSON-able result, kept in the cache file ``name`` with ``stamp`` (what it
    was derived from: a version, a hash of the source file); rebuilt when the stamp differs,
    the file is missing or not ours, or ``valid`` rejects the value read back."""
    where = cache_dir()
    path = where / name if where is not None else None
    if path is not None:
        try:
            with open(path, encoding="utf-8") as fh:
                kept = json.load(fh)
            if isinstance(kept, dict) and kept.get("stamp") == stamp and "value" in kept and valid(kept["value"]):
                return kept["value"]
        except (OSError, ValueError):
            pass  # missing, unreadable or not ours: rebuild it
    value = build()
    if path is not None:
        try:
            write_atomically(path, json.dumps({"stamp": stamp, "value": value}, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # no writable cache: this process keeps what it built
    return value
