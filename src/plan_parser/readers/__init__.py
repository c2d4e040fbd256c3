"""Readers: bytes in, a :class:`~plan_parser.blocks.ReadResult` out.

The format is decided by content first and by the file extension only as a hint,
because plans travel with wrong extensions (an HTML page saved as ``.txt``, a
``.doc`` renamed to ``.docx``).  Each reader module is imported only when used.
"""
from __future__ import annotations

import importlib
import io
import re
import zipfile

from ..blocks import ReadResult
from ..errors import PlanParseError
from ..settings import Settings

#: format name -> "module:function"; the function takes ``(data: bytes)``, and a ``settings``
#: argument when the format is in :data:`TAKES_SETTINGS`.
READERS = {
    "txt": "plan_parser.readers.text:read_text",
    "md": "plan_parser.readers.markdown:read_markdown",
    "html": "plan_parser.readers.html:read_html",
    "docx": "plan_parser.readers.docx:read_docx",
    "pdf": "plan_parser.readers.pdf:read_pdf",
}

#: the readers whose reading a :class:`~plan_parser.settings.Settings` tunes (the text
#: reader: its reflow of hard-wrapped lines and its one-row-per-line tables)
TAKES_SETTINGS = frozenset({"txt", "pdf"})

EXTENSIONS = {
    ".txt": "txt", ".text": "txt",
    ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".shtml": "html", ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_format(data: bytes, hint: str | None = None) -> str:
    """Name the format of ``data``; raise :class:`PlanParseError` for what no reader takes."""
    head = data[:4096]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            raise PlanParseError(None, "a damaged zip archive, not a readable .docx", "corrupt")
        if "word/document.xml" in names:
            return "docx"
        if "content.xml" in names:
            raise PlanParseError(None, "an OpenDocument file (.odt); save it as .docx", "unsupported_format")
        raise PlanParseError(None, "a zip archive that is not a Word .docx", "unsupported_format")
    if head.startswith(_OLE_MAGIC):
        raise PlanParseError(None, "a legacy Word .doc (OLE2) file; save it as .docx", "unsupported_format")
    if head.lstrip()[:5] == b"%PDF-" or (b"%PDF-" in head[:1024] and b"%%EOF" in data[-4096:]):
        return "pdf"  # the header may follow up to 1 KB of junk; text merely quoting it is no PDF
    if head.startswith(b"{\\rtf"):
        raise PlanParseError(None, "an RTF file; save it as .docx", "unsupported_format")
    for magic, what in ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
                        (b"GIF8", "a GIF image"), (b"\x1f\x8b", "a gzip archive")):
        if head.startswith(magic):
            raise PlanParseError(None, f"{what}, not a plan", "unsupported_format")
    lowered = head.lower()
    starts_as_page = lowered.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"<!doctype", b"<html", b"<?xml"))
    if hint == "md" and not starts_as_page:
        return "md"  # Markdown may hold inline HTML (<p>, <table>): the extension wins
    if starts_as_page or b"<html" in lowered or b"<body" in lowered or (
        b"<p" in lowered and b"</p>" in lowered) or b"<table" in lowered:
        return "html"
    if hint == "html":
        return "html"
    if _looks_like_markdown(data[:65536], headings_only=hint == "txt"):
        return "md"
    return "txt"


_MD_HEADING = re.compile(rb"^#{1,6}[ \t]+\S", re.M)
_MD_TABLE_RULE = re.compile(rb"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M)


def _looks_like_markdown(head: bytes, headings_only: bool = False) -> bool:
    """Markdown by content: a pipe-table rule row or two ``#`` headings, and no TAB-led
    lines (those are the cells of a flattened text table).  ``headings_only`` (a ``.txt``
    file): the headings, since a text plan may write its tables |---| style and its lines
    must not be joined as Markdown's soft-wrapped ones are."""
    if re.search(rb"^\t", head, re.M):
        return False
    return (not headings_only and bool(_MD_TABLE_RULE.search(head))) or len(_MD_HEADING.findall(head)) >= 2


def check_format(fmt: str) -> None:
    """Raise ``unsupported_format`` for a reader name that is not one of :data:`READERS`."""
    if fmt not in READERS:
        raise PlanParseError(None, f"unknown format {fmt!r} (choose from {', '.join(READERS)})",
                             "unsupported_format")


def read_bytes(data: bytes, *, format: str | None = None, hint: str | None = None,
               settings: Settings | None = None) -> ReadResult:
    """Read ``data`` with the reader for ``format`` (or the sniffed format); ``settings``
    reaches the readers that use any (:data:`TAKES_SETTINGS`)."""
    fmt = format or sniff_format(data, hint)
    check_format(fmt)
    module_name, func_name = READERS[fmt].split(":")
    reader = getattr(importlib.import_module(module_name), func_name)
    if settings is not None and fmt in TAKES_SETTINGS:
        return reader(data, settings)
    return reader(data)
