"""The one exception type the library raises for input it cannot parse."""
from __future__ import annotations


class PlanParseError(ValueError):
    """An input that is not a plan this library can read.

    ``path`` names the file (or ``None`` for in-memory input), ``reason`` says why
    in one line, and ``code`` is a stable identifier listed in ``docs/errors.md``
    (``empty``, ``binary``, ``not_a_plan``, ``encoding``, ``unsupported_format``,
    ``too_large``, ``unreadable``, ``corrupt``).  ``str(error)`` is the one-line
    message the CLI prints.
    """

    def __init__(self, path: str | None, reason: str, code: str = "not_a_plan"):
        self.path = path
        self.reason = reason
        self.code = code
        super().__init__(f"{path or '<input>'}: {reason}")
