"""The one exception type the library raises for input it cannot parse."""
from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")


def display_path(path) -> str | None:
    """``path`` as text that is always valid UTF-8: a file name that is not UTF-8 (its bytes
    kept by Python as lone surrogates) shows those bytes as ``\\xNN``."""
    if path is None:
        return None
    text = str(path) if not isinstance(path, bytes) else path.decode("utf-8", "surrogateescape")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a lone surrogate that stands for no byte
            text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters folded into single spaces
    (an XML parser's message may hold a newline; stderr and error tables want one line)."""
    return _CONTROL.sub(" ", text).strip()


class PlanParseError(ValueError):
    """An input that is not a plan this library can read.

    ``path`` names the file (or ``None`` for in-memory input), ``reason`` says why
    in one line, and ``code`` is a stable identifier listed in ``docs/errors.md``
    (``empty``, ``binary``, ``not_a_plan``, ``encoding``, ``unsupported_format``,
    ``too_large``, ``unreadable``, ``corrupt``, ``internal``).  ``str(error)`` is the
    one-line message the CLI prints: the path is shown as valid UTF-8 and the reason
    never holds a line break.
    """

    def __init__(self, path: str | None, reason: str, code: str = "not_a_plan"):
        self.path = path
        self.reason = one_line(reason)
        self.code = code
        shown = one_line(display_path(path)) if path is not None else "<input>"
        super().__init__(f"{shown}: {self.reason}")
