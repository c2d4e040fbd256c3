"""PDFs made from others in the tests: some pages copied (``pages_of``), or pages as pictures
(``scan``: CONSTRUCTED inputs for the OCR tests and for the tests of what happens without OCR)."""
from __future__ import annotations

import io
from pathlib import Path


def pages_of(path: Path, indexes: list[int]) -> bytes:
    """A PDF of some pages of ``path`` (0-based indexes), copied as they are."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(path))
    out = pdfium.PdfDocument.new()
    out.import_pages(src, indexes)
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def scan(path: Path, indexes: list[int], dpi: int = 150) -> bytes:
    """An image-only PDF: each page rendered to a grey bitmap at ``dpi`` and placed full-page."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(path))
    out = pdfium.PdfDocument.new()
    for i in indexes:
        page = src[i]
        width, height = page.get_size()
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        new = out.new_page(width, height)
        image = pdfium.PdfImage.new(out)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(width, height))
        new.insert_obj(image)
        new.gen_content()
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()
