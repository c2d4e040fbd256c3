"""OCR for what a PDF holds as pictures: scanned pages, and 专栏 printed as images.

The ``[ocr]`` extra installs ``rapidocr-onnxruntime`` 1.4, whose wheel ships the PP-OCRv4
Chinese detection and recognition models (``models/*.onnx``): nothing is downloaded at
run time.  It is imported on first use only.

OCR does not make blocks itself.  It adds to a page's :class:`~.pdf.PageLayout` what
the text layer would have given: one glyph per recognised character, at its position
(rapidocr's per-character boxes), and the ruling lines of the image (found with OpenCV
morphology: long thin runs of dark pixels).  The PDF reader's layout then rebuilds
lines, paragraphs and tables from them exactly as for a text layer, so OCR'd figures go
through the same table reader and quantity grammar (``〔13.5〕`` cumulative, ``＞6.5`` a
bound).  OCR reads a lone dash of a table cell as ``一`` or ``-``; such a box becomes
``—``, the dash the grammar takes as "no value".
"""
from __future__ import annotations

import importlib.util
import math
import re

import regex

from ..errors import PlanParseError
from ..script import HAN, han_count

#: Pages are rendered at this many pixels per point (144 dpi): PP-OCR reads 10.5 pt type well.
RENDER_SCALE = 2.0
#: … but never into a bitmap larger than this many pixels (a huge MediaBox is scaled down).
MAX_RENDER_PIXELS = 40_000_000
#: An image declaring more pixels than this is not decoded: a possible PDF bomb.
MAX_IMAGE_PIXELS = 150_000_000
#: A pixel belongs to a line when it is this much darker (0-255 grey) than the mean of its
#: neighbourhood: thin rules of a scan are faint (160-210 on white), while shaded cells are
#: uniformly grey and so no darker than their surroundings.
CONTRAST = 20
#: A ruling line is at least this long (points); strokes of characters are shorter.
RULE_MIN_POINTS = 20.0
#: What OCR makes of a lone dash in a table cell.
_DASHES = {"一", "-", "－", "_", "—", "一一", "--", "——", "～", "~", "－－"}
#: OCR reads the tortoise-shell brackets of a five-year total (〔13.5〕) as parentheses; a table
#: cell holding nothing but a number in parentheses is such a total (plans write no other).
_BRACKETED_NUMBER = re.compile(r"^[(（]\s*([<>＜＞≤≥]?\s*\d+(?:\.\d+)?)\s*[)）]$")
#: … and so in the note that explains them: （）内为5年累计数 is 〔〕内为5年累计数; an empty pair
#: of square brackets before 内 is read as 【门 or ［］: it is [ ].
_BRACKET_NOTE = re.compile(r"[(（]\s*[)）](?=内)")
_SQUARE_NOTE = re.compile(r"[\[【［]\s*[\]】］门]\s*(?=内)")
#: a pair of ASCII parentheses, and one next to a Chinese character
_ASCII_PAIR = re.compile(r"(?P<before>.?)\((?P<inside>[^()]*)\)")
_ASCII_PAREN = regex.compile(rf"(?<=[{HAN}%（])[()]|[()](?=[{HAN}%])")

_engine = None


def available() -> bool:
    """Whether the OCR extra (rapidocr-onnxruntime) is installed; nothing is imported."""
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def engine():
    """The OCR engine, loaded once (about a second: three ONNX models)."""
    global _engine
    if _engine is None:
        import logging

        from rapidocr_onnxruntime import RapidOCR

        logging.getLogger("RapidOCR").setLevel(logging.WARNING)
        _engine = RapidOCR()
    return _engine


def read_pages(doc, pages, images_only) -> list[int]:
    """OCR each page of ``pages`` (:class:`~.pdf.PageLayout`) in place; returns their numbers.

    A page without text is read whole; a page with text only inside its images that may
    hold text (``images_only(page)`` gives their boxes), so its text layer is not read twice.
    """
    done = []
    for page in pages:
        pdf_page = doc[page.number - 1]
        _refuse_giant_images(pdf_page, page.number)
        regions = [(0.0, 0.0, page.width, page.height)] if not page.glyphs else images_only(page)
        if not regions:
            continue
        scale = min(RENDER_SCALE, math.sqrt(MAX_RENDER_PIXELS / max(page.width * page.height, 1.0)))
        grey = pdf_page.render(scale=scale, grayscale=True, may_draw_forms=False).to_numpy()
        if grey.ndim == 3:
            grey = grey[:, :, 0]
        for x0, y0, x1, y1 in regions:
            top, left = max(int(y0 * scale), 0), max(int(x0 * scale), 0)
            crop = grey[top:int(math.ceil(y1 * scale)), left:int(math.ceil(x1 * scale))]
            if crop.size == 0:
                continue
            glyphs, hrules, vrules = read_image(crop, scale, left / scale, top / scale)
            page.glyphs.extend(glyphs)
            page.hrules.extend(hrules)
            page.vrules.extend(vrules)
        done.append(page.number)
    return done


def _refuse_giant_images(pdf_page, number: int) -> None:
    """Refuse a page whose images declare absurd sizes before anything decodes them."""
    import ctypes

    import pypdfium2.raw as raw

    width, height = ctypes.c_uint(), ctypes.c_uint()
    for k in range(raw.FPDFPage_CountObjects(pdf_page.raw)):
        obj = raw.FPDFPage_GetObject(pdf_page.raw, k)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_IMAGE:
            continue
        if raw.FPDFImageObj_GetImagePixelSize(obj, width, height) and width.value * height.value > MAX_IMAGE_PIXELS:
            raise PlanParseError(None, f"page {number} holds a {width.value:,} x {height.value:,} pixel image "
                                       f"(limit {MAX_IMAGE_PIXELS // 1_000_000} megapixels); refusing a possible "
                                       "PDF bomb", "too_large")


def read_image(grey, scale: float, dx: float, dy: float):
    """Glyphs and ruling lines of a grey image, in page points (``pixel / scale + offset``)."""
    result, _ = engine()(grey, use_cls=False, return_word_box=True)
    glyphs = []
    for number, item in enumerate(result or []):
        box, text = item[0], item[1].strip()
        if not text:
            continue
        fixed = _fix(text)
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
        chars = item[4] if len(item) > 4 else None
        boxes = item[3] if len(item) > 3 else None
        if fixed != text:  # a corrected box: its characters share the box out
            chars = boxes = None
            text = fixed
        if text in _DASHES:
            pieces = [("—", x0, x1)]
        elif chars and boxes and len(chars) == len(boxes) and "".join(chars).strip() == text.replace(" ", ""):
            pieces = [(ch, min(p[0] for p in b), max(p[0] for p in b)) for ch, b in zip(chars, boxes)]
            pieces = _with_spaces(pieces, text)
        else:  # no usable character boxes: share the line's width out, a Latin character half a Chinese one
            weights = [0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text]
            unit = (x1 - x0) / max(sum(weights), 1e-6)
            pieces, at = [], x0
            for ch, w in zip(text, weights):
                pieces.append((ch, at, at + unit * w))
                at += unit * w
        for ch, a, b in pieces:
            if ch.strip() or ch == " ":
                glyphs.append((ch, a / scale + dx, top / scale + dy, max(b, a + 1) / scale + dx,
                               bottom / scale + dy, -2 - number))  # < -1: OCR, one id per box
    hrules, vrules = _rules(grey, scale, dx, dy)
    return glyphs, hrules, vrules


def _with_spaces(pieces: list, text: str) -> list:
    """Put back the spaces the recogniser wrote (``[0.8 ]``), which its character boxes omit."""
    out, k = [], 0
    for ch in text:
        if ch == " ":
            at = out[-1][2] if out else pieces[0][1]
            out.append((" ", at, at))
        elif k < len(pieces):
            out.append(pieces[k])
            k += 1
    return out


def _full_width_pair(m: re.Match) -> str:
    around = m.group("before") + m.group("inside")
    chinese = "%" in around or han_count(around) > 0
    return m.group(0) if not chinese else f"{m.group('before')}（{m.group('inside')}）"


def _fix(text: str) -> str:
    """Undo OCR's usual confusions in plan text (see the module docstring)."""
    m = _BRACKETED_NUMBER.match(text)
    if m:
        return f"〔{m.group(1)}〕"
    text = _BRACKET_NOTE.sub("〔〕", text)
    text = _SQUARE_NOTE.sub("[ ]", text)
    # Chinese text sets parentheses and quotation marks full-width; OCR often gives ASCII ones
    text = _ASCII_PAIR.sub(_full_width_pair, text)
    text = _ASCII_PAREN.sub(lambda m: "（" if m.group(0) == "(" else "）", text)
    if '"' in text:
        out, open_quote = [], False
        for ch in text:
            if ch == "“":
                open_quote = True
            elif ch == "”":
                open_quote = False
            elif ch == '"' :
                ch = "”" if open_quote else "“"
                open_quote = not open_quote
            out.append(ch)
        text = "".join(out)
    return text


def _rules(grey, scale: float, dx: float, dy: float):
    """Horizontal and vertical ruling lines: runs of dark pixels longer than any character stroke."""
    import cv2
    import numpy as np

    block = max(int(8 * scale) | 1, 3)
    dark = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, CONTRAST)
    length = max(int(RULE_MIN_POINTS * scale), 8)
    out = []
    for kernel, horizontal in ((np.ones((1, length), np.uint8), True), (np.ones((length, 1), np.uint8), False)):
        lines = cv2.morphologyEx(dark, cv2.MORPH_OPEN, kernel)
        count, _, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
        found = []
        for x, y, w, h, _area in stats[1:count]:
            if horizontal and w >= length and h <= 3 * scale + 2:
                found.append(((y + h / 2) / scale + dy, x / scale + dx, (x + w) / scale + dx))
            elif not horizontal and h >= length and w <= 3 * scale + 2:
                found.append(((x + w / 2) / scale + dx, y / scale + dy, (y + h) / scale + dy))
        out.append(found)
    return out[0], out[1]
