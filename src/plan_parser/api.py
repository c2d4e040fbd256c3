"""The library's entry points: read a file, sniff its format, build the plan."""
from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from .errors import PlanParseError
from .model import Plan

#: Inputs larger than this are refused before reading (see ``docs/errors.md``).
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def _read_input(source, max_bytes: int) -> tuple[bytes, str | None]:
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise PlanParseError(str(path), f"file is {size:,} bytes, over the {max_bytes:,}-byte limit",
                                     "too_large")
            return path.read_bytes(), str(path)
        except FileNotFoundError:
            raise PlanParseError(str(path), "no such file", "unreadable") from None
        except IsADirectoryError:
            raise PlanParseError(str(path), "is a directory, not a file", "unreadable") from None
        except PermissionError:
            raise PlanParseError(str(path), "permission denied", "unreadable") from None
        except OSError as exc:
            raise PlanParseError(str(path), f"cannot be read ({exc.strerror or exc})", "unreadable") from None
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        name = None
    else:
        data = source.read(max_bytes + 1)
        name = getattr(source, "name", None)
        if isinstance(data, str):
            data = data.encode("utf-8")
    if len(data) > max_bytes:
        raise PlanParseError(name, f"input is over the {max_bytes:,}-byte limit", "too_large")
    return data, name


def resolve_glossary(glossary=None):
    """The built-in glossary, extended by a user glossary (a path or a Glossary)."""
    from .glossary import Glossary

    builtin = Glossary.builtin()
    if glossary is None:
        return builtin
    if not isinstance(glossary, Glossary):
        try:
            glossary = Glossary.load(glossary)
        except (OSError, ValueError) as exc:
            raise PlanParseError(str(glossary), f"cannot read glossary: {exc}", "glossary") from None
    return builtin.merged(glossary)


def load_plan(source: str | os.PathLike | bytes | BinaryIO, *, format: str | None = None,
              glossary=None, max_bytes: int = DEFAULT_MAX_BYTES) -> Plan:
    """Parse a plan from a path, bytes or a binary file object.

    ``format`` forces a reader (``txt``, ``docx``, ``html``, ``md``); by default the
    format is sniffed from the content, with the file extension as a hint.
    ``glossary`` (a TOML/CSV path or a :class:`~plan_parser.glossary.Glossary`) adds
    to or overrides the built-in zh→en glossary used for the ``*_en`` labels.
    Raises :class:`~plan_parser.errors.PlanParseError` for input that is not a plan.
    """
    from .bilingual import apply_glossary
    from .builder import build_plan
    from .readers import EXTENSIONS, read_bytes
    from .traditional import to_simplified

    data, path = _read_input(source, max_bytes)
    try:
        if not data.strip():
            raise PlanParseError(path, "the file is empty", "empty")
        hint = EXTENSIONS.get(Path(path).suffix.lower()) if path else None
        result = to_simplified(read_bytes(data, format=format, hint=hint))
        plan = build_plan(result, path=path, data=data)
        plan.source.script = result.script
        plan.original_text = result.original_text
    except PlanParseError as exc:
        if exc.path is None and path is not None:
            raise PlanParseError(path, exc.reason, exc.code) from None
        raise
    if not (plan.chapters or plan.columns or plan.parts):
        raise PlanParseError(path, "no plan structure found: no 第X章/第X节 headings and no 专栏 tables",
                             "not_a_plan")
    apply_glossary(plan, resolve_glossary(glossary))
    return plan
