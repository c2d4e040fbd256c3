"""PDF benchmark: parse time per page against PDFium's raw text extraction, the other PDF
libraries, and OCR speed and accuracy.

    python benchmarks/bench_pdf.py [--quick] [--no-ocr] [--compare-python /tmp/venv-cmp/bin/python]

* **floor**: pypdfium2 opening the file and extracting every page's text
  (``get_text_range``), measured in the same run; the goal is ``read_pdf`` within 3x of it.
* **reader** (``read_pdf``: glyph boxes, rules, layout, tables) and **load_plan** (the whole
  parse: reader, builder, glossary) per page.
* **pdfplumber, docling, unstructured**: run in another interpreter (``--compare-python``, a
  throwaway virtualenv: they are not dependencies of this project); each is reported as not
  measured, with the reason, when it cannot be imported or run there.
* **OCR** (the ``[ocr]`` extra): seconds per page on the outline's 专栏1 picture (page 16) and
  on a scan of the reference PDF made here (pages 2, 4 and 5 rendered to grey images at
  150 dpi), and the share of the 34 reference indicators' fields read exactly from the scan.

Times are CPU seconds of this process (``time.process_time``) for the text layer, so other
processes on a shared machine skew them less; OCR is wall time (onnxruntime runs threads).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
SAMPLE = ROOT / "samples" / "tongliang_hrss_14th.pdf"
OUTLINE = ROOT.parent / "shared" / "real" / "cn_national_14th_fyp_outline.pdf"
DEFAULT_COMPARE = Path("/tmp/venv-cmp/bin/python")

from run import median_ms as cpu_ms  # noqa: E402  (benchmarks/run.py: one CPU-time median)


def floor(data: bytes) -> None:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    for i in range(len(doc)):
        doc[i].get_textpage().get_text_range()
    doc.close()


def bench_text_layer(repeat: int) -> None:
    from unittest import mock

    from plan_parser import load_plan
    from plan_parser.readers.pdf import read_pdf

    print(f"{'text layer, per page':<44} {'floor':>8} {'read_pdf':>9} {'x floor':>8} {'load_plan':>10}")
    for path in (SAMPLE, OUTLINE):
        if not path.exists():
            print(f"{path.name}: not found, not measured")
            continue
        data = path.read_bytes()
        import pypdfium2 as pdfium

        pages = len(pdfium.PdfDocument(data))
        reps = repeat if pages < 50 else max(3, repeat // 10)
        raw = cpu_ms(lambda: floor(data), reps) / pages
        reader = cpu_ms(lambda: read_pdf(data, ocr=False), reps) / pages
        with mock.patch("plan_parser.readers.ocr.available", lambda: False):
            whole = cpu_ms(lambda: load_plan(data), reps) / pages
        print(f"{path.name + f' ({pages} pages)':<44} {raw:6.2f}ms {reader:7.2f}ms {reader / raw:7.1f}x {whole:8.2f}ms")


COMPARE = r'''
import sys, time, statistics
path, what, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
def run():
    """Returns how many characters of text came out, to tell a real run from an empty one."""
    if what == "pdfplumber-text":
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            return sum(len(page.extract_text() or "") for page in pdf.pages)
    elif what == "pdfplumber-tables":
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            return sum(sum(len(w["text"]) for w in page.extract_words()) + len(page.extract_tables())
                       for page in pdf.pages)
    elif what == "docling":
        from docling.document_converter import DocumentConverter
        return len(DocumentConverter().convert(path).document.export_to_markdown())
    elif what == "unstructured":
        from unstructured.partition.pdf import partition_pdf
        return sum(len(str(e)) for e in partition_pdf(filename=path, strategy="fast"))
try:
    chars = run()
    if not chars:
        raise RuntimeError("it ran but returned no text (0 characters)")
    times = []
    for _ in range(repeat):
        t = time.process_time(); run(); times.append(time.process_time() - t)
    print("OK", statistics.median(times))
except BaseException as exc:
    print("FAIL", type(exc).__name__, str(exc).splitlines()[0][:160] if str(exc) else "")
'''


def bench_others(python: Path, repeat: int) -> None:
    import pypdfium2 as pdfium

    print(f"\n{'other libraries (another interpreter), per page':<44}")
    if not python.exists():
        print(f"  not measured: no interpreter at {python} (make one: python -m venv /tmp/venv-cmp; "
              "/tmp/venv-cmp/bin/pip install pdfplumber docling 'unstructured[pdf]')")
        return
    for path in (SAMPLE, OUTLINE):
        if not path.exists():
            continue
        pages = len(pdfium.PdfDocument(str(path)))
        for what in ("pdfplumber-text", "pdfplumber-tables", "docling", "unstructured"):
            reps = 1 if what in ("docling", "unstructured") or pages > 50 else max(1, repeat // 5)
            try:
                done = subprocess.run([str(python), "-c", COMPARE, str(path), what, str(reps)],
                                      capture_output=True, text=True, timeout=900)
                last = (done.stdout.strip().splitlines() or [f"FAIL exit {done.returncode}: "
                                                             f"{done.stderr.strip()[-160:]}"])[-1]
            except subprocess.TimeoutExpired:
                last = "FAIL timeout after 900 s"
            if last.startswith("OK"):
                print(f"  {path.name:<26} {what:<18} {float(last.split()[1]) * 1000 / pages:8.2f} ms")
            else:
                print(f"  {path.name:<26} {what:<18} not measured: {last[5:]}")


def bench_ocr() -> None:
    import io

    from plan_parser import load_plan
    from plan_parser.readers import ocr

    print("\nOCR ([ocr] extra: rapidocr-onnxruntime, PP-OCRv4), wall time")
    if not ocr.available():
        print("  not measured: the [ocr] extra is not installed (pip install 'plan-parser[ocr]')")
        return
    import pypdfium2 as pdfium
    from reference_checks import indicator_dict
    from reference_expected import expected_indicators
    from pdf_pictures import pages_of, scan

    start = time.perf_counter()
    ocr.engine()
    print(f"  {'engine load (three ONNX models)':<52} {time.perf_counter() - start:6.2f} s")
    if OUTLINE.exists():
        one = pages_of(OUTLINE, [15])
        start = time.perf_counter()
        plan = load_plan(one)
        print(f"  {'outline p.16 (专栏1 picture, 20 indicators)':<52} {time.perf_counter() - start:6.2f} s/page"
              f"  ({len(plan.indicators)} indicators)")
    data = scan(SAMPLE, [1, 3, 4])
    pages = len(pdfium.PdfDocument(data))
    start = time.perf_counter()
    plan = load_plan(io.BytesIO(data))
    seconds = time.perf_counter() - start
    got = [indicator_dict(i) for i in plan.indicators]
    expected = expected_indicators()
    fields = exact = 0
    by_key = {(g["column"], g["seq"]): g for g in got}
    for e in expected:
        g = by_key.get((e["column"], e["seq"]), {})
        for key, value in e.items():
            fields += 1
            exact += g.get(key) == value
    print(f"  {'scan of the reference PDF (pages 2, 4, 5 at 150 dpi)':<52} {seconds / pages:6.2f} s/page")
    print(f"  accuracy: {exact}/{fields} indicator fields exact ({exact / fields:.1%}); "
          f"{len(got)}/{len(expected)} indicators found")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--no-ocr", action="store_true", help="skip the OCR figures (minutes)")
    parser.add_argument("--compare-python", type=Path, default=DEFAULT_COMPARE,
                        help="interpreter with pdfplumber / docling / unstructured installed")
    args = parser.parse_args()
    repeat = 5 if args.quick else 30
    bench_text_layer(repeat)
    bench_others(args.compare_python, repeat)
    if not args.no_ocr:
        bench_ocr()


if __name__ == "__main__":
    main()
