"""The library's entry points: read a file, sniff its format, build the plan.

The library knows no command line: a bug raises with its traceback here.  Only the
CLI (``cli.py``) turns an unexpected exception into its one-line message.
"""
from __future__ import annotations

import os
import stat
import weakref
from pathlib import Path
from typing import BinaryIO

from .errors import PlanParseError, display_path
from .model import Plan
from .settings import DEFAULTS, Settings

#: ``load_plan("-")`` reads standard input (its bytes, up to the limit).
STDIN = "-"


def _read_stream(stream, limit: int, name: str | None) -> bytes:
    """At most ``limit + 1`` bytes of ``stream``, in chunks: a stream never states its size
    (``/dev/zero``, a pipe, stdin), so the byte past the limit is what proves it too large."""
    chunks: list[bytes] = []
    got = 0
    while got <= limit:
        chunk = stream.read(min(limit + 1 - got, 1 << 20))
        if not chunk:
            break
        if isinstance(chunk, str):  # a text stream: its characters as UTF-8
            chunk = chunk.encode("utf-8")
        chunks.append(chunk)
        got += len(chunk)
    if got > limit:
        raise PlanParseError(name, f"input is over the {limit:,}-byte limit", "too_large")
    return b"".join(chunks)


def _open_nonblocking(path: Path):
    """Open ``path`` for reading without blocking on a FIFO that has no writer (it then reads as
    empty, as a pipe whose writer has gone does); reads themselves block as usual."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_path(path: Path, limit: int) -> bytes:
    name = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise PlanParseError(name, "is a directory, not a file", "unreadable")
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise PlanParseError(name, f"file is {info.st_size:,} bytes, over the {limit:,}-byte limit",
                                 "too_large")
        with _open_nonblocking(path) as stream:  # a device or a FIFO states no size: read to the limit
            return _read_stream(stream, limit, name)
    except FileNotFoundError:
        raise PlanParseError(name, "no such file", "unreadable") from None
    except IsADirectoryError:
        raise PlanParseError(name, "is a directory, not a file", "unreadable") from None
    except PermissionError:
        raise PlanParseError(name, "permission denied", "unreadable") from None
    except OSError as exc:
        raise PlanParseError(name, f"cannot be read ({exc.strerror or exc})", "unreadable") from None


def _read_input(source, limit: int) -> tuple[bytes, str | None]:
    """The input's bytes (never more than ``limit``) and its name, if it has one."""
    if isinstance(source, (str, os.PathLike)) and os.fspath(source) == STDIN:
        import sys

        return _read_stream(sys.stdin.buffer, limit, "<stdin>"), "<stdin>"
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        return _read_path(path, limit), str(path)
    if isinstance(source, (bytes, bytearray, memoryview)):
        if len(source) > limit:
            raise PlanParseError(None, f"input is over the {limit:,}-byte limit", "too_large")
        return bytes(source), None
    if not hasattr(source, "read"):
        raise TypeError(f"load_plan reads a path, bytes or a binary file object, not {type(source).__name__}")
    name = getattr(source, "name", None)
    name = name if isinstance(name, str) else None  # a file opened from a descriptor is "named" by an int
    return _read_stream(source, limit, name), name


#: Glossaries :func:`resolve_glossary` returned: already the built-in one extended, so
#: resolving one again returns it as it is (a command resolves once and loads many plans).
_RESOLVED: weakref.WeakSet = weakref.WeakSet()


def resolve_glossary(glossary=None):
    """The built-in glossary, extended by a user glossary (a path or a Glossary).

    The built-in glossary is built once per process; a glossary this function returned
    comes back unchanged (merging it into the built-in one again would give the same
    entries, at the cost of building the whole glossary again)."""
    from .glossary import Glossary

    builtin = Glossary.builtin()
    if glossary is None or glossary is builtin or glossary in _RESOLVED:
        return builtin if glossary is None else glossary
    if not isinstance(glossary, Glossary):
        try:
            glossary = Glossary.load(glossary)
        except (OSError, ValueError) as exc:
            raise PlanParseError(str(glossary), f"cannot read glossary: {exc}", "glossary") from None
    merged = builtin.merged(glossary)
    _RESOLVED.add(merged)
    return merged


def load_plan(source: str | os.PathLike | bytes | BinaryIO, *, format: str | None = None,
              glossary=None, settings: Settings | None = None, max_bytes: int | None = None,
              english: bool = True) -> Plan:
    """Parse a plan from a path (``"-"``: standard input), bytes or a binary file object.

    ``format`` forces a reader (``txt``, ``docx``, ``html``, ``md``); by default the
    format is sniffed from the content, with the file extension as a hint.
    ``glossary`` (a TOML/CSV path or a :class:`~plan_parser.glossary.Glossary`) adds
    to or overrides the built-in zh→en glossary used for the ``*_en`` labels.
    ``settings`` (a :class:`~plan_parser.settings.Settings`) overrides the defaults;
    ``max_bytes`` is a shorthand for its ``max_bytes``: larger inputs are refused,
    and no more than that is ever read from a stream.
    ``english=False`` skips the English labels: every ``*_en`` field stays ``None`` and no
    ``untranslated`` warning is added — for callers that show Chinese only (the CLI's
    Chinese table, Markdown, CSV and HTML views), since composing labels is most of the
    cost of a small plan.  :func:`add_english` fills them later, as the default does.
    Raises :class:`~plan_parser.errors.PlanParseError` for input that is not a plan
    (or too large to read); any other exception is a bug, and is not disguised.
    """
    from .bilingual import apply_glossary
    from .builder import build_plan
    from .readers import EXTENSIONS, read_bytes
    from .traditional import to_simplified

    settings = settings or DEFAULTS
    if english and settings.dictionary:  # before any reading: the same answer for every file
        from .dictionary import require

        require()
    limit = settings.max_bytes if max_bytes is None else max_bytes
    data, path = _read_input(source, limit)
    shown = display_path(path)  # what the plan and its JSON call the file: always valid UTF-8
    try:
        if not data.strip():
            raise PlanParseError(path, "the file is empty", "empty")
        hint = EXTENSIONS.get(Path(path).suffix.lower()) if path else None
        result = to_simplified(read_bytes(data, format=format, hint=hint, settings=settings), settings)
        plan = build_plan(result, path=shown, data=data)
        plan.source.script = result.script
        plan.original_text = result.original_text
        del result, data  # the blocks and the bytes: a third of the peak memory on big inputs
    except PlanParseError as exc:
        if exc.path is None and path is not None:
            raise PlanParseError(path, exc.reason, exc.code) from None
        raise
    except MemoryError:  # input-driven exhaustion, not a bug: name the file
        raise PlanParseError(path, "ran out of memory reading this input", "too_large") from None
    if not (plan.chapters or plan.columns or plan.parts):
        raise PlanParseError(path, "no plan structure found: no 第X章/第X节 headings and no 专栏 tables",
                             "not_a_plan")
    if english:
        apply_glossary(plan, english_glossary(glossary, settings))
    return plan


def add_english(plan: Plan, glossary=None, settings: Settings | None = None) -> Plan:
    """Fill the ``*_en`` labels (and ``untranslated`` warnings) of a plan loaded with
    ``english=False``, exactly as :func:`load_plan` does by default; returns the plan.
    ``settings.dictionary`` adds CC-CEDICT for the words the glossary lacks.
    Call it once per plan: a second call would repeat its warnings."""
    from .bilingual import apply_glossary

    apply_glossary(plan, english_glossary(glossary, settings))
    return plan


def english_glossary(glossary=None, settings: Settings | None = None):
    """The glossary the English labels come from: :func:`resolve_glossary`, with CC-CEDICT
    for the words it lacks when ``settings.dictionary`` (:mod:`plan_parser.dictionary`)."""
    resolved = resolve_glossary(glossary)
    if not (settings or DEFAULTS).dictionary or resolved._dictionary is not None:
        return resolved
    return resolved.with_dictionary()
