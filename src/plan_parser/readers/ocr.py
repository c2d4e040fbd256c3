"""OCR for PDF pages and images without a text layer (the ``[ocr]`` extra)."""
from __future__ import annotations

import importlib.util


def available() -> bool:
    """Whether the OCR extra (rapidocr-onnxruntime) is installed; nothing is imported."""
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def read_pages(doc, pages) -> list[int]:
    return []
