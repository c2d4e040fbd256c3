"""PDF reader: the text layer (and, through :mod:`.ocr`, images) into blocks.

PDFium (``pypdfium2``) opens the file and gives every character with its box, every
path (the ruling lines of tables) and every image; the layout is rebuilt here from
geometry, because a PDF stores glyphs, not paragraphs:

* characters are grouped into lines by their vertical position and ordered by x
  (the order of the content stream is not reading order: LibreOffice writes the
  quotation marks of another font after the line they belong to);
* lines become paragraphs where the vertical gap grows, the next line is indented,
  the previous line stops short of the measure (the text column's right edge), or
  the size or weight of the type changes; a paragraph whose last line fills the
  measure at the foot of a page continues on the next page;
* tables are rebuilt from their ruling lines: the grid of rule positions, with a
  cell merged across wherever the rule between two grid cells is missing; a table
  that ends a page and one that opens the next with the same columns are one table,
  and a repeated header row is dropped;
* page furniture goes: page numbers (:func:`plan_parser.reflow.is_page_number`)
  and lines in the top or bottom margin that repeat on most pages (running heads,
  a browser's date/URL/“1/5” chrome);
* two-column pages are read column by column, split at a vertical gutter.

Locations: ``{"page": p, "block": i}`` with ``p`` 1-based and ``i`` the block's index
in document order; table rows add ``"row"`` (rows continued from an earlier page
keep the page they stand on).

Why PDFium rather than pdfminer/pdfplumber: measured in ``benchmarks/bench_pdf.py``
and written up in ``docs/formats.md``.
"""
from __future__ import annotations

import bisect
import ctypes
import os
import re
import statistics
from dataclasses import dataclass, field

from ..blocks import Block, Paragraph, ReadResult, Table
from ..errors import PlanParseError
from ..reflow import is_page_number
from ..script import is_cjk_text, is_han
from ..settings import Settings
from ._grid import GridCell, locate, make_table

#: Pages beyond this are refused (a page-tree bomb costs time before any text is seen).
MAX_PAGES = 2_000
#: Page objects (glyph runs, paths, images) per page; real plan pages hold a few thousand.
MAX_OBJECTS_PER_PAGE = 200_000
#: Characters per page; a dense A4 page holds about 3,000.
MAX_CHARS_PER_PAGE = 100_000
#: A rule is a path this thin (points) in one direction …
RULE_THICKNESS = 3.0
#: … and at least this long in the other.
RULE_MIN_LENGTH = 4.0
#: Positions closer than this (points) are one grid line.
SNAP = 2.5
#: Lines in the top and bottom share of the page may be running heads and feet …
MARGIN_SHARE = 0.1
#: … and are dropped when the same text (digits ignored) stands there on this share of pages.
REPEAT_SHARE = 0.5
#: Positions tried for a two-column gutter on a page (bounds the search on absurd page widths).
GUTTER_STEPS = 120
#: An image at least this large (points, both ways) on a page may hold text (a 专栏 printed as a picture).
TEXT_IMAGE_MIN = 60.0

_DIGITS = re.compile(r"\d+")


@dataclass
class Line:
    """One line of text as laid out: its glyphs joined, its box, its type."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False
    lead: float = 0.0  # width of the first word (a CJK character, or a Latin run)
    ocr: bool = False  # made of OCR glyphs, whose box heights vary from line to line


@dataclass
class PageLayout:
    """What a page holds, in display coordinates (points, y growing downwards)."""

    number: int
    width: float
    height: float
    #: (char, x0, top, x1, bottom, index): ``index`` is PDFium's character index, or below -1
    #: for OCR (one negative id per recognised text box)
    glyphs: list = field(default_factory=list)
    weights: "_Weights | None" = None                # font weight probe of the text layer
    hrules: list = field(default_factory=list)      # (y, x0, x1)
    vrules: list = field(default_factory=list)      # (x, top, bottom)
    images: list = field(default_factory=list)      # (x0, top, x1, bottom, object index)
    keep: tuple = ()  # PDFium page and text page, alive while the weights probe may ask


@dataclass
class _Para:
    """A paragraph being assembled; ``open`` when its last line fills the measure."""

    text: str
    top: float
    size: float
    bold: bool
    open: bool
    first_indented: bool
    lines: int = 1


@dataclass
class _TablePart:
    """A table as found on one page, before tables continued across pages are joined."""

    rows: list            # list[list[GridCell]]
    xs: list              # column rule positions
    top: float
    bottom: float
    page: int
    header: list          # texts of the first row, to spot a repeated header
    ys: list = field(default_factory=list)         # row rule positions
    cell_at: dict = field(default_factory=dict)    # (grid row, grid column) -> the cell covering it
    row_pages: list = field(default_factory=list)  # the page of each row, once continued


def read_pdf(data: bytes, settings: Settings | None = None, *, ocr: bool | None = None) -> ReadResult:
    """Read a PDF into blocks.  ``ocr`` (else ``settings.ocr``): ``None`` uses OCR when the extra
    is installed, unless the environment says ``PLAN_PARSER_OCR=0`` (OCR costs seconds a page: a
    batch over many PDFs may want the text layer only, with ``ocr_needed`` warnings for the
    pictures); ``False`` never."""
    if ocr is None and settings is not None:
        ocr = settings.ocr
    if ocr is None and os.environ.get("PLAN_PARSER_OCR", "").strip().lower() in ("0", "false", "no", "off"):
        ocr = False
    _check_envelope(data)
    pdfium = _import_pdfium()
    doc = _open(pdfium, data)
    pages: list[PageLayout] = []
    try:
        pages = [_page_layout(pdfium, doc, i) for i in range(_page_count(doc))]
        warnings: list[tuple[str, str, dict]] = []
        used_ocr = _read_images(doc, pages, warnings, ocr)
        if not any(p.glyphs for p in pages):
            _refuse_textless(pages, used_ocr)
        blocks = layout_pages(pages, warnings)
    finally:
        for page in pages:
            page.keep = ()
        doc.close()
    return ReadResult(blocks=blocks, format="pdf", encoding=None, warnings=warnings, ocr=used_ocr)


# -- opening, with the limits ------------------------------------------------------

def _check_envelope(data: bytes) -> None:
    """Cheap checks before PDFium sees the bytes: a PDF header and an end-of-file marker."""
    if not data.lstrip()[:1024].startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise PlanParseError(None, "not a PDF (no %PDF- header)", "corrupt")
    if b"%%EOF" not in data[-4096:]:
        raise PlanParseError(None, "a truncated PDF (no %%EOF at its end); the download was cut short",
                             "corrupt")


def _import_pdfium():
    try:
        import pypdfium2 as pdfium  # lazily: keeps ``import plan_parser`` light
    except ImportError:  # pragma: no cover - a core dependency
        raise PlanParseError(None, "reading PDF needs pypdfium2: pip install pypdfium2",
                             "unsupported_format") from None
    return pdfium


def _open(pdfium, data: bytes):
    """Open with PDFium; an empty user password is tried (as every viewer does)."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise PlanParseError(None, "an encrypted PDF that needs a password to open", "encrypted") from None
        if "PDFium: Success" in message:  # PDFium gave up without naming an error
            raise PlanParseError(None, "a malformed PDF that PDFium refuses to open (a broken page tree or "
                                       "cross-reference table)", "corrupt") from None
        if "security" in message.lower():
            raise PlanParseError(None, "a PDF protected by an unsupported security handler", "encrypted") from None
        if _declares_no_page(data):
            raise PlanParseError(None, "a PDF with no pages", "empty") from None
        raise PlanParseError(None, f"a damaged PDF that PDFium cannot open ({message})", "corrupt") from None


def _declares_no_page(data: bytes) -> bool:
    """PDFium refuses a document without pages as a format error; tell that case apart when
    no object is a /Page (and none could hide in a compressed object stream)."""
    return (re.search(rb"/Type\s*/Pages\b", data) is not None and re.search(rb"/Type\s*/Page(?![a-zA-Z])", data) is None
            and b"/ObjStm" not in data)


def _page_count(doc) -> int:
    count = len(doc)
    if count == 0:
        raise PlanParseError(None, "a PDF with no pages", "empty")
    if count > MAX_PAGES:
        raise PlanParseError(None, f"a PDF of {count:,} pages (limit {MAX_PAGES:,})", "too_large")
    return count


# -- one page: glyphs, rules, images -----------------------------------------------

def _page_layout(pdfium, doc, index: int) -> PageLayout:
    import pypdfium2.raw as raw

    try:
        page = doc[index]
    except pdfium.PdfiumError as exc:
        raise PlanParseError(None, f"page {index + 1} of the PDF cannot be loaded ({exc})", "corrupt") from None
    width, height = page.get_size()  # as shown: PDFium swaps them for a page turned by 90 or 270
    rotation = page.get_rotation() % 360
    layout = PageLayout(number=index + 1, width=width, height=height)
    user_w, user_h = (height, width) if rotation in (90, 270) else (width, height)
    to_display = _display_transform(rotation, user_w, user_h)

    n_objects = raw.FPDFPage_CountObjects(page.raw)
    if n_objects > MAX_OBJECTS_PER_PAGE:
        raise PlanParseError(None, f"page {index + 1} holds {n_objects:,} objects (limit "
                                   f"{MAX_OBJECTS_PER_PAGE:,}); refusing a possible PDF bomb", "too_large")
    textpage = page.get_textpage()
    count = textpage.count_chars()
    if count > MAX_CHARS_PER_PAGE:
        raise PlanParseError(None, f"page {index + 1} holds {count:,} characters (limit "
                                   f"{MAX_CHARS_PER_PAGE:,})", "too_large")
    text = textpage.get_text_range(0, count) if count else ""
    rect = raw.FS_RECTF()
    tp = textpage.raw
    upright = rotation == 0
    glyphs = layout.glyphs
    for i, ch in enumerate(text[:count]):
        if ch in "\r\n\ufffe\x00" or (ch == " " and raw.FPDFText_IsGenerated(tp, i)):
            continue
        if not raw.FPDFText_GetLooseCharBox(tp, i, rect):
            continue
        if upright:  # the common case, without the transform's call
            x0, x1, y0, y1 = rect.left, rect.right, user_h - rect.top, user_h - rect.bottom
        else:
            a = to_display(rect.left, rect.top)
            b = to_display(rect.right, rect.bottom)
            x0, x1 = (a[0], b[0]) if a[0] <= b[0] else (b[0], a[0])
            y0, y1 = (a[1], b[1]) if a[1] <= b[1] else (b[1], a[1])
        if x1 - x0 <= 0 and ch != " ":
            continue
        glyphs.append((ch, x0, y0, x1, y1, i))
    layout.weights = _Weights(raw, tp)
    _page_objects(raw, page, layout, to_display)
    layout.keep = (page, textpage)
    return layout


class _Weights:
    """Font weight of a glyph, asked of PDFium only for the glyphs that open a line."""

    def __init__(self, raw, textpage):
        self.raw, self.textpage = raw, textpage

    def bold(self, index: int) -> bool:
        return self.raw.FPDFText_GetFontWeight(self.textpage, index) >= 600


def _display_transform(rotation: int, width: float, height: float):
    """PDF user space (y up; ``width`` x ``height`` as in the MediaBox) to display space
    (y down) for a page shown turned clockwise by ``rotation``."""
    if rotation == 90:
        return lambda x, y: (y, x)
    if rotation == 180:
        return lambda x, y: (width - x, y)
    if rotation == 270:
        return lambda x, y: (height - y, width - x)
    return lambda x, y: (x, height - y)


def _page_objects(raw, page, layout: PageLayout, to_display) -> None:
    """Ruling lines from path objects, and images (kept for OCR or the ocr_needed warning)."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for k in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE):
            continue
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        a = to_display(left.value, top.value)
        b = to_display(right.value, bottom.value)
        x0, x1 = sorted((a[0], b[0]))
        y0, y1 = sorted((a[1], b[1]))
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            layout.images.append((x0, y0, x1, y1, k))
            continue
        w, h = x1 - x0, y1 - y0
        if h <= RULE_THICKNESS and w >= RULE_MIN_LENGTH:
            layout.hrules.append(((y0 + y1) / 2, x0, x1))
        elif w <= RULE_THICKNESS and h >= RULE_MIN_LENGTH:
            layout.vrules.append(((x0 + x1) / 2, y0, y1))
        elif w > RULE_THICKNESS and h > RULE_THICKNESS:
            raw.FPDFPath_GetDrawMode(obj, fill, stroke)
            if stroke.value and raw.FPDFPath_CountSegments(obj) <= 10:
                # a stroked rectangle: a box or a cell border; its four edges are rules
                layout.hrules += [(y0, x0, x1), (y1, x0, x1)]
                layout.vrules += [(x0, y0, y1), (x1, y0, y1)]


def _read_images(doc, pages: list[PageLayout], warnings: list, ocr: bool | None) -> bool:
    """OCR the pages and images that hold no text layer, or warn ``ocr_needed`` for them."""
    image_pages = [p for p in pages if _images_that_may_hold_text(p)]
    if not image_pages:
        return False
    from . import ocr as ocr_module

    if ocr is not False and ocr_module.available():
        read = ocr_module.read_pages(doc, image_pages, _text_images)
        if read:
            warnings.append(("ocr", f"text read by OCR on page(s) {_ranges(read)}; check its figures against "
                                    "the page images", {"page": read[0]}))
        return bool(read)
    if ocr is None and not any(p.glyphs for p in pages):
        return False  # an image-only PDF: refused by the caller with the extra named
    blank = [p.number for p in image_pages if not p.glyphs]
    with_text = [p.number for p in image_pages if p.glyphs]
    parts = []
    if blank:
        parts.append(f"page(s) {_ranges(blank)} are images only")
    if with_text:
        parts.append(f"page(s) {_ranges(with_text)} hold images that may be text (a 专栏 or table printed as a picture)")
    hint = ("OCR is turned off (PLAN_PARSER_OCR=0)" if ocr_module.available()
            else "Install the OCR extra: pip install 'plan-parser[ocr]'")
    warnings.append(("ocr_needed", "; ".join(parts) + f"; their text is not read. {hint}",
                     {"page": image_pages[0].number}))
    return False


def _text_images(page: PageLayout) -> list[tuple[float, float, float, float]]:
    """Boxes of the page's images that may hold text: large, and with (almost) no text layer on them."""
    return [(x0, y0, x1, y1) for x0, y0, x1, y1, _ in page.images
            if x1 - x0 >= TEXT_IMAGE_MIN and y1 - y0 >= TEXT_IMAGE_MIN and _glyphs_within(page, (x0, y0, x1, y1)) < 5]


def _refuse_textless(pages: list[PageLayout], used_ocr: bool) -> None:
    """No page gave any text: say whether OCR would help, did not, or there is nothing at all."""
    if used_ocr:
        raise PlanParseError(None, "OCR found no text on the PDF's pages", "empty")
    if any(_images_that_may_hold_text(p) for p in pages):
        from . import ocr as ocr_module

        if ocr_module.available():
            raise PlanParseError(None, "a PDF of images only (scanned pages), and OCR is turned off "
                                       "(PLAN_PARSER_OCR=0)", "ocr_needed")
        raise PlanParseError(None, "a PDF with no text layer (scanned pages or images only); "
                                   "install the OCR extra: pip install 'plan-parser[ocr]'", "ocr_needed")
    raise PlanParseError(None, "a PDF whose pages hold neither text nor pictures of text", "empty")


def _images_that_may_hold_text(page: PageLayout) -> bool:
    return bool(_text_images(page))


def _glyphs_within(page: PageLayout, box) -> int:
    x0, y0, x1, y1 = box
    return sum(1 for g in page.glyphs if x0 <= (g[1] + g[3]) / 2 <= x1 and y0 <= (g[2] + g[4]) / 2 <= y1)


def _ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 7]`` -> ``1-3, 7``."""
    out, start, prev = [], None, None
    for n in numbers + [None]:
        if start is not None and (n is None or n != prev + 1):
            out.append(str(start) if start == prev else f"{start}-{prev}")
            start = None
        if n is not None and start is None:
            start = n
        prev = n
    return ", ".join(out)


# -- layout: pages to blocks (shared with OCR, which fills PageLayout from images) ----

def layout_pages(pages: list[PageLayout], warnings: list | None = None) -> list[Block]:
    """Blocks in reading order from laid-out pages: furniture dropped, paragraphs and
    tables continued across page breaks joined.  Each running header or footer dropped
    is named once in a ``page_furniture`` warning (page numbers go without one)."""
    furniture = _running_furniture(pages)
    dropped: dict[str, tuple[str, int, int]] = {}  # key -> (text as first seen, first page, pages)
    items: list[tuple[int, object]] = []   # (page number, _Para | _TablePart)
    for page in pages:
        for item in _page_items(page, furniture, dropped):
            items.append((page.number, item))
    if warnings is not None:
        for text, first, count in dropped.values():
            warnings.append(("page_furniture", f"running header {text!r} dropped from {count} pages",
                             {"page": first}))
    return _assemble(items)


def _margin_lines(page: PageLayout) -> list[Line]:
    top_band = page.height * MARGIN_SHARE
    bottom_band = page.height * (1 - MARGIN_SHARE)
    lines = _lines([g for g in page.glyphs if (g[2] + g[4]) / 2 < top_band or (g[2] + g[4]) / 2 > bottom_band])
    return lines


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", re.sub(r"\s+", "", text))


def _running_furniture(pages: list[PageLayout]) -> set[str]:
    """Texts (digits ignored) standing in the margin bands of most pages."""
    if len(pages) < 2:
        return set()
    seen: dict[str, set[int]] = {}
    for page in pages:
        for line in _margin_lines(page):
            seen.setdefault(_furniture_key(line.text), set()).add(page.number)
    need = max(2, REPEAT_SHARE * len(pages))
    return {key for key, where in seen.items() if len(where) >= need and key}


def _is_furniture(line: Line, page: PageLayout, furniture: set[str]) -> bool:
    centre = (line.top + line.bottom) / 2
    in_margin = centre < page.height * MARGIN_SHARE or centre > page.height * (1 - MARGIN_SHARE)
    if not in_margin:
        return False
    return is_page_number(line.text) or _furniture_key(line.text) in furniture


def _page_items(page: PageLayout, furniture: set[str], dropped: dict) -> list:
    """Paragraphs and table parts of one page, in reading order."""
    tables = _tables(page)
    boxes = [(t.xs[0], t.top, t.xs[-1], t.bottom) for t in tables]
    glyphs_by_table: list[list] = [[] for _ in tables]
    flow = [] if boxes else page.glyphs
    for g in page.glyphs if boxes else ():
        cx, cy = (g[1] + g[3]) / 2, (g[2] + g[4]) / 2
        for k, (x0, y0, x1, y1) in enumerate(boxes):
            if x0 <= cx <= x1 and y0 <= cy <= y1:
                glyphs_by_table[k].append(g)
                break
        else:
            flow.append(g)
    for table, glyphs in zip(tables, glyphs_by_table):
        _fill_cells(table, glyphs, page)
    lines = []
    for ln in _lines(flow, page):
        if not _is_furniture(ln, page, furniture):
            lines.append(ln)
        elif not is_page_number(ln.text):
            key = _furniture_key(ln.text)
            text, first, count = dropped.get(key, (ln.text, page.number, 0))
            dropped[key] = (text, first, count + 1)
    paras = []
    gutter = _gutter(lines)
    columns = _columns(lines, gutter)
    for column in columns:
        measure = None
        if len(columns) == 1 and column:  # one column: tables show the measure too
            measure = (min([ln.x0 for ln in column] + [t.xs[0] for t in tables]),
                       max([ln.x1 for ln in column] + [t.xs[-1] for t in tables]))
        paras.extend(_paragraphs(column, measure))
    if gutter is not None:
        return _merge_ordered(paras, tables)
    items = [(p.top, 0, p) for p in paras] + [(t.top, 1, t) for t in tables]
    return [item for _, _, item in sorted(items, key=lambda x: (x[0], x[1]))]


def _merge_ordered(paras, tables):
    """Two-column pages: paragraphs keep their column order; tables go where their top falls."""
    out = list(paras)
    for table in tables:
        at = next((k for k, p in enumerate(out) if p.top > table.top), len(out))
        out.insert(at, table)
    return out


# -- lines ---------------------------------------------------------------------------

def _lines(glyphs: list, page: PageLayout | None = None) -> list[Line]:
    """Glyphs grouped into lines (by vertical centre) and ordered left to right."""
    if not glyphs:
        return []
    heights = sorted(g[4] - g[2] for g in glyphs)
    typical = heights[len(heights) // 2] or 1.0
    ordered = sorted(glyphs, key=lambda g: (g[2] + g[4]) / 2)
    groups: list[list] = []
    current: list = []
    anchor = None
    for g in ordered:
        centre = (g[2] + g[4]) / 2
        if anchor is None or centre - anchor > typical * 0.45:
            if current:
                groups.append(current)
            current, anchor = [g], centre
        else:
            current.append(g)
    groups.append(current)
    out = []
    for group in groups:
        group.sort(key=lambda g: g[1])
        for segment in _split_at_gaps(group, typical):
            out.append(_make_line(segment, page))
    return out


def _split_at_gaps(group: list, typical: float) -> list[list]:
    """A line's glyphs split where a gap wider than three characters opens (two columns,
    a signature and a date, two table cells without rules)."""
    out, current = [], [group[0]]
    for prev, g in zip(group, group[1:]):
        if g[1] - prev[3] > typical * 3.0:
            out.append(current)
            current = []
        current.append(g)
    out.append(current)
    return out


def _make_line(glyphs: list, page: PageLayout | None) -> Line:
    heights = sorted(g[4] - g[2] for g in glyphs)
    size = heights[len(heights) // 2]
    parts = []
    prev = None
    for g in glyphs:
        ch = g[0]
        if prev is not None and ch != " " and prev[0] != " ":
            gap = g[1] - prev[3]
            if gap > size * 0.2 and not (g[5] <= -2 and g[5] == prev[5]):  # never inside one OCR box
                if gap > size * 0.6 or not (is_cjk_text(ch) or is_cjk_text(prev[0])):
                    parts.append(" ")
        parts.append(ch)
        prev = g
    text = re.sub(r" {2,}", " ", "".join(parts)).strip()
    bold = False
    weights = page.weights if page is not None else None
    if weights is not None:
        probe = next((g for g in glyphs if is_han(g[0])), glyphs[0])
        bold = weights.bold(probe[5]) if len(probe) > 5 and probe[5] >= 0 else False
    lead_end = glyphs[0][3]
    for g in glyphs[1:]:
        if is_cjk_text(g[0]) or g[0] == " " or is_cjk_text(glyphs[0][0]):
            break
        lead_end = g[3]
    # glyphs are sorted by x: the first starts the line; the last ends it (but for a wider one)
    right = max(glyphs[-1][3], glyphs[-2][3]) if len(glyphs) > 1 else glyphs[-1][3]
    return Line(text, glyphs[0][1], min(g[2] for g in glyphs), right, max(g[4] for g in glyphs), size, bold,
                lead_end - glyphs[0][1],
                ocr=len(glyphs[0]) > 5 and glyphs[0][5] < 0)


# -- columns -------------------------------------------------------------------------

def _gutter(lines: list[Line]) -> float | None:
    """The x of a vertical gutter that splits most lines of the page into two columns."""
    if len(lines) < 6:
        return None
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    width = right - left
    if width <= 0:
        return None
    narrow = sum(1 for ln in lines if ln.x1 - ln.x0 < width * 0.6)
    if narrow < 0.6 * len(lines):
        return None  # most lines span the page: one column
    size = statistics.median(ln.size for ln in lines)
    best = None
    step = max(size / 2, width * 0.4 / GUTTER_STEPS, 1.0)  # at most GUTTER_STEPS trials, whatever the page
    x = left + width * 0.3
    while x <= left + width * 0.7:
        crossing = sum(1 for ln in lines if ln.x0 < x - size * 0.5 and ln.x1 > x + size * 0.5)
        lefts = sum(1 for ln in lines if ln.x1 <= x)
        rights = sum(1 for ln in lines if ln.x0 >= x)
        if crossing <= 0.15 * len(lines) and lefts >= 0.3 * len(lines) and rights >= 0.3 * len(lines):
            score = crossing * 10 - min(lefts, rights)
            if best is None or score < best[0]:
                best = (score, x)
        x += step
    return best[1] if best else None


def _columns(lines: list[Line], gutter: float | None) -> list[list[Line]]:
    """Runs of lines in reading order: one column, or left then right of ``gutter`` between
    full-width lines."""
    lines = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    if gutter is None:
        return [lines]
    out: list[list[Line]] = []
    left: list[Line] = []
    right: list[Line] = []
    for ln in lines:
        if ln.x1 <= gutter:
            left.append(ln)
        elif ln.x0 >= gutter:
            right.append(ln)
        else:
            out += [c for c in (left, right) if c]
            left, right = [], []
            out.append([ln])
    out += [c for c in (left, right) if c]
    return out


# -- paragraphs ----------------------------------------------------------------------

def _paragraphs(lines: list[Line], measure: tuple[float, float] | None = None, *,
                in_cell: bool = False) -> list[_Para]:
    """Lines of one column joined into paragraphs (see the module docstring).  In a table
    cell text is often centred, so an indent there does not start a paragraph."""
    if not lines:
        return []
    left = measure[0] if measure else min(ln.x0 for ln in lines)
    right = measure[1] if measure else max(ln.x1 for ln in lines)
    pitches = [b.top - a.top for a, b in zip(lines, lines[1:]) if 0 < b.top - a.top < a.size * 3.0]
    # the line pitch: a low quartile, as paragraph spacing only ever adds to it
    pitch = sorted(pitches)[len(pitches) // 4] if pitches else lines[0].size * 1.5
    paras: list[_Para] = []
    prev = None
    for ln in lines:
        size = ln.size
        indented = ln.x0 - left > size * 0.9 and not in_cell
        if prev is not None:
            # the previous line ended a paragraph if this line's first word would have fitted
            # after it (ragged right edges and hanging punctuation allowed for)
            short = right - prev.x1 > ln.lead + size * 1.5
            gap = ln.top - prev.top > max(pitch * 1.3, prev.size * 1.05 + 0.5) or ln.top < prev.top
            tolerance = 0.3 if ln.ocr or prev.ocr else 0.1
            restyled = abs(ln.size - prev.size) > tolerance * max(ln.size, prev.size) or ln.bold != prev.bold
            # a centred title that wrapped: a one-line paragraph spanning (nearly) the whole
            # measure, then a line centred on the measure
            centred = abs((ln.x0 + ln.x1) / 2 - (left + right) / 2) <= size and indented
            wrapped_title = (centred and paras[-1].lines == 1
                             and prev.x1 - prev.x0 >= right - left - prev.size * 4)
            if wrapped_title and not (gap or restyled) or not (short or gap or indented or restyled):
                para = paras[-1]
                para.text = _join(para.text, ln.text)
                para.open = right - ln.x1 <= size * 2.5
                para.lines += 1
                prev = ln
                continue
        paras.append(_Para(ln.text, ln.top, size, ln.bold,
                           open=right - ln.x1 <= size * 2.5 and not _centred_line(ln, left, right),
                           first_indented=indented))
        prev = ln
    return paras


def _centred_line(line: Line, left: float, right: float) -> bool:
    """A centred line (both margins short) is a title, never the first line of a running paragraph."""
    return line.x0 - left > line.size * 0.9 and right - line.x1 > line.size * 0.9


def _join(a: str, b: str) -> str:
    """Two wrapped lines as one: Chinese joins without a space, Latin words keep one."""
    if not a or not b:
        return a + b
    if is_cjk_text(a[-1]) or is_cjk_text(b[0]) or a.endswith("-"):
        return a + b
    return a + " " + b


# -- tables --------------------------------------------------------------------------

def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= SNAP:
            continue
        out.append(v)
    return out


def _merge_rules(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Collinear rules that touch or overlap as one (position, start, end): positions within
    SNAP of each other are one line (a scan's rule wobbles by a pixel), then spans are merged."""
    out: list[tuple[float, float, float]] = []
    group: list[tuple[float, float, float]] = []
    for rule in sorted(rules) + [None]:
        if group and (rule is None or rule[0] - group[0][0] > SNAP):
            pos = sum(r[0] for r in group) / len(group)
            spans: list[list[float]] = []
            for _, a, b in sorted(group, key=lambda r: r[1]):
                if spans and a <= spans[-1][1] + SNAP:
                    spans[-1][1] = max(spans[-1][1], b)
                else:
                    spans.append([a, b])
            out += [(pos, a, b) for a, b in spans]
            group = []
        if rule is not None:
            group.append(rule)
    return out


def _tables(page: PageLayout) -> list[_TablePart]:
    """Tables drawn with ruling lines: each connected set of horizontal and vertical rules."""
    hs = _merge_rules(page.hrules)
    vs = _merge_rules(page.vrules)
    if len(hs) < 2 or len(vs) < 2:
        return []
    parent = list(range(len(hs) + len(vs)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (y, hx0, hx1) in enumerate(hs):
        for j, (x, vy0, vy1) in enumerate(vs):
            if hx0 - SNAP <= x <= hx1 + SNAP and vy0 - SNAP <= y <= vy1 + SNAP:
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list, list]] = {}
    for i, rule in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(rule)
    for j, rule in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(rule)
    out = []
    for h_rules, v_rules in groups.values():
        ys = _cluster([r[0] for r in h_rules])
        xs = _cluster([r[0] for r in v_rules])
        if len(ys) < 2 or len(xs) < 2:
            continue
        out.append(_grid(h_rules, v_rules, xs, ys, page.number))
    out.sort(key=lambda t: t.top)
    return out


def _covered(rules, pos: float, a: float, b: float) -> bool:
    """Whether rules at ``pos`` cover most of the span ``a``..``b``."""
    total = 0.0
    for p, s, e in rules:
        if abs(p - pos) <= SNAP:
            total += max(0.0, min(e, b) - max(s, a))
    return total >= 0.6 * (b - a)


def _grid(h_rules, v_rules, xs, ys, page_number: int) -> _TablePart:
    """Grid cells merged wherever the rule between them is missing (colspan/rowspan)."""
    rows, cols = len(ys) - 1, len(xs) - 1
    owner = {(r, c): (r, c) for r in range(rows) for c in range(cols)}

    def find(k):
        while owner[k] != k:
            owner[k] = owner[owner[k]]
            k = owner[k]
        return k

    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not _covered(v_rules, xs[c + 1], ys[r], ys[r + 1]):
                owner[find((r, c + 1))] = find((r, c))
            if r + 1 < rows and not _covered(h_rules, ys[r + 1], xs[c], xs[c + 1]):
                owner[find((r + 1, c))] = find((r, c))
    spans: dict[tuple, list[int]] = {}
    for (r, c) in owner:
        root = find((r, c))
        s = spans.setdefault(root, [r, c, r, c])
        s[0], s[1], s[2], s[3] = min(s[0], r), min(s[1], c), max(s[2], r), max(s[3], c)
    anchored: dict[int, list] = {}
    at: dict[tuple[int, int], GridCell] = {}
    for root, (r0, c0, r1, c1) in spans.items():
        cell = GridCell(colspan=c1 - c0 + 1, rowspan=r1 - r0 + 1)
        anchored.setdefault(r0, []).append((c0, cell))
        at[root] = cell
    grid_rows = [[cell for _, cell in sorted(anchored.get(r, []), key=lambda x: x[0])] for r in range(rows)]
    return _TablePart(rows=grid_rows, xs=xs, top=ys[0], bottom=ys[-1], page=page_number, header=[],
                      ys=ys, cell_at={k: at[find(k)] for k in owner})


def _fill_cells(table: _TablePart, glyphs: list, page: PageLayout) -> None:
    """Put each glyph in the cell that holds its centre; each cell's lines become paragraphs."""
    cells = [cell for row in table.rows for cell in row]
    per_cell: dict[int, list] = {id(c): [] for c in cells}
    xs, ys, last_r, last_c = table.xs, table.ys, len(table.ys) - 2, len(table.xs) - 2
    for g in glyphs:
        r = min(max(bisect.bisect_right(ys, (g[2] + g[4]) / 2) - 1, 0), last_r)
        c = min(max(bisect.bisect_right(xs, (g[1] + g[3]) / 2) - 1, 0), last_c)
        per_cell[id(table.cell_at[(r, c)])].append(g)
    for cell in cells:
        # a cell's text column runs from its leftmost line to its widest (cells have padding)
        paras = _paragraphs(_lines(per_cell[id(cell)], page), in_cell=True)
        cell.blocks = [Paragraph(p.text, {}) for p in paras]
        cell.paras = paras
    # rows whose every cell is empty are spacing artefacts (double rules)
    table.rows = [row for row in table.rows if any(c.blocks for c in row) or len(row) > 1]
    table.header = [" ".join(p.text for p in c.blocks) for c in table.rows[0]] if table.rows else []


# -- assembling pages ----------------------------------------------------------------

def _assemble(items: list[tuple[int, object]]) -> list[Block]:
    """Join what continues across page breaks, then make blocks with locations."""
    joined: list[tuple[int, object]] = []
    last_page = None  # the page the previous item ended on
    for number, item in items:
        crossed = last_page is not None and last_page != number
        last_page = number
        if joined and crossed:
            prev_page, prev = joined[-1]
            if isinstance(prev, _Para) and isinstance(item, _Para) and prev.open and not item.first_indented \
                    and abs(prev.size - item.size) <= 0.15 * prev.size and prev.bold == item.bold:
                prev.text = _join(prev.text, item.text)
                prev.open = item.open
                joined[-1] = (prev_page, prev)
                continue
            if isinstance(prev, _TablePart) and isinstance(item, _TablePart) and _same_columns(prev, item):
                _continue_table(prev, item)
                continue
        joined.append((number, item))
    blocks: list[Block] = []
    for number, item in joined:
        loc = {"page": number, "block": len(blocks)}
        if isinstance(item, _Para):
            blocks.append(Paragraph(item.text, loc, "bold" if item.bold else None))
        else:
            table = make_table(item.rows)
            locate(table, loc)
            if item.row_pages:
                table.row_locs = [{**rl, "page": p} for rl, p in zip(table.row_locs, item.row_pages)]
            blocks.append(table)
    return blocks


def _same_columns(a: _TablePart, b: _TablePart) -> bool:
    return len(a.xs) == len(b.xs) and all(abs(x - y) <= SNAP * 2 for x, y in zip(a.xs, b.xs))


def _continue_table(first: _TablePart, more: _TablePart) -> None:
    """Append a table's continuation: drop a repeated header row; in a one-column box the
    two cells are one, and a paragraph cut by the page break is one paragraph."""
    pages = first.row_pages or [first.page] * len(first.rows)
    rows = more.rows
    if rows and first.header and [" ".join(p.text for p in c.blocks) for c in rows[0]] == first.header \
            and len(first.rows) > 1:
        rows = rows[1:]
    if len(first.xs) == 2 and first.rows and rows:
        last, nxt = first.rows[-1][0], rows[0][0]
        paras_a, paras_b = getattr(last, "paras", []), getattr(nxt, "paras", [])
        if paras_a and paras_b and paras_a[-1].open and not paras_b[0].first_indented:
            last.blocks[-1] = Paragraph(_join(last.blocks[-1].text, nxt.blocks[0].text), {})
            last.blocks += nxt.blocks[1:]
        else:
            last.blocks += nxt.blocks
        last.paras = paras_b or paras_a
        rows = rows[1:]
    first.rows = first.rows + rows
    first.row_pages = pages + [more.page] * len(rows)
