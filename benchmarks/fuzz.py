"""Mutation fuzzing of ``load_plan`` over every input form of the reference plan.

Each case is the reference plan (text, Markdown, a GB2312 web page, the .docx, the
PDF) with a few random mutations: for line formats, lines deleted, duplicated, swapped,
split or joined and plan-shaped tokens inserted (``专栏``, ``第X章``, TABs, footnote
markers, ``其中：``); for web pages and Word files, elements (paragraphs, rows, cells,
tables) deleted, duplicated or wrapped in one-cell tables and span attributes
changed; for every format, bytes flipped, deleted or repeated.  A case FAILS on

* any exception other than :class:`plan_parser.PlanParseError`,
* a hang (``--timeout`` seconds, default 20),
* a lost line: for plain text mutated at line level (still valid UTF-8), every
  non-empty line must be found in the plan or in a warning — the nothing-lost check
  of ``tests/reference_checks.py`` (``unaccounted_lines``) is the oracle.  Markdown is
  not judged so: a mutated line may become markup (``>95`` a quote, ``* x`` a bullet)
  whose text legitimately differs from the line.

Run: ``python benchmarks/fuzz.py --cases 2000`` (per form; ``--forms txt,docx``,
``--seed``).  Prints each failure (form, seed, what happened) and a summary; exits 1
on any failure.  Failing inputs are written to ``--save DIR`` when given.  The test
suite runs a few hundred cases of the same engine (``tests/test_fuzz.py``).
"""
from __future__ import annotations

import argparse
import io
import random
import re
import signal
import sys
import time
import traceback
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
for folder in (ROOT / "src", TESTS):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

SAMPLES = ROOT / "samples"
FORMS = ("txt", "md", "html", "docx", "pdf")

#: tokens that steer the parser: headings, 专栏, table cells, footnotes, numbering, odd breaks
TOKENS = ["专栏1", "专栏99", "第一章", "第二节", "第十二章  ", "（一）", "一、", "1.", "12.", "其中：",
          "\t", "\t\t", "[5]", "［12］", "*", "①", "※", "（万人）", "（%）", "注：", "[", "]", "（", "）",
          "——", "2025年目标", "2020年基数", "指标", "类别", "预期性", "约束性", ">95", "≤5.5", "|", "  ",
          "\u3000", "单位：万人", "目录", "前言", "第一部分", "附件", "99999999999999999999", "-", "0"]


@dataclass
class Case:
    form: str
    seed: int
    data: bytes
    text: str | None  # the input as text, when the lost-line oracle applies


@dataclass
class Outcome:
    case: Case
    status: str  # "parsed", "refused" or "FAILED"
    detail: str = ""
    seconds: float = 0.0


# -- seeds -----------------------------------------------------------------------------

_SEEDS: dict[str, bytes] = {}


def seed(form: str) -> bytes:
    """The reference plan in ``form`` (cached)."""
    if form not in _SEEDS:
        if form == "txt":
            _SEEDS[form] = (SAMPLES / "tongliang_hrss_14th.txt").read_bytes()
        elif form == "docx":
            _SEEDS[form] = (SAMPLES / "tongliang_hrss_14th.docx").read_bytes()
        elif form == "pdf":
            _SEEDS[form] = (SAMPLES / "tongliang_hrss_14th.pdf").read_bytes()
        else:
            import forms

            _SEEDS[form] = forms.html_page("gb2312") if form == "html" else forms.markdown()
    return _SEEDS[form]


# -- mutations ---------------------------------------------------------------------------

def mutate_lines(text: str, rng: random.Random, count: int) -> str:
    """Line-level mutations: the result is still text, so the lost-line oracle applies."""
    lines = text.split("\n")
    for _ in range(count):
        if not lines:
            lines = [""]
        i = rng.randrange(len(lines))
        op = rng.randrange(8)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3 and lines[i]:
            k = rng.randrange(len(lines[i]) + 1)
            lines[i:i + 1] = [lines[i][:k], lines[i][k:]]
        elif op == 4 and i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + rng.choice(["", " ", "\t"]) + lines[i + 1]]
        elif op == 5:
            k = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k] + rng.choice(TOKENS) + lines[i][k:]
        elif op == 6:
            lines.insert(i, rng.choice(TOKENS) + rng.choice(["", "  主要指标", "  总体要求", "重点项目"]))
        elif op == 7 and lines[i]:
            k = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:k] + lines[i][k + rng.randint(1, 6):]
    return "\n".join(lines)


def mutate_bytes(data: bytes, rng: random.Random, count: int) -> bytes:
    """Byte-level mutations anywhere in the file: flips, deletions, repeats, truncation."""
    buf = bytearray(data)
    for _ in range(count):
        if not buf:
            break
        i = rng.randrange(len(buf))
        op = rng.randrange(5)
        if op == 0:
            buf[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            del buf[i:i + rng.randint(1, 64)]
        elif op == 2:
            buf[i:i] = buf[i:i + rng.randint(1, 256)]
        elif op == 3:
            buf[i] = rng.choice(b"\x00\xff<>&\"'\n\t")
        elif op == 4 and rng.random() < 0.2:
            del buf[i:]
    return bytes(buf)


_ELEMENT = {
    "docx": re.compile(r"<w:(p|tr|tc|tbl)[ >].*?</w:\1>", re.S),
    "html": re.compile(r"<(p|tr|td|table|div|span|b|h\d)[ >].*?</\1>", re.S | re.I),
}
_WRAP = {
    "docx": ("<w:tbl><w:tr><w:tc>", "<w:p/></w:tc></w:tr></w:tbl>"),
    "html": ("<table><tr><td>", "</td></tr></table>"),
}
_ATTRS = {
    "docx": ['<w:vMerge/>', '<w:vMerge w:val="restart"/>', '<w:gridSpan w:val="3"/>', '<w:hMerge/>'],
    "html": [' rowspan="3"', ' colspan="4"', ' rowspan="0"', ' colspan="0"', ' rowspan="1000"'],
}


def mutate_markup(text: str, form: str, rng: random.Random, count: int) -> str:
    """Element-level mutations of a web page or a document.xml (the result may be ill-formed)."""
    for _ in range(count):
        found = list(_ELEMENT[form].finditer(text, rng.randrange(max(len(text) - 1, 1))))[:50]
        if not found:
            continue
        m = rng.choice(found)
        piece = m.group(0)
        op = rng.randrange(6)
        if op == 0:
            text = text[:m.start()] + text[m.end():]
        elif op == 1:
            text = text[:m.end()] + piece + text[m.end():]
        elif op == 2:
            before, after = _WRAP[form]
            depth = rng.randint(1, 3)
            text = text[:m.start()] + before * depth + piece + after * depth + text[m.end():]
        elif op == 3:  # a span attribute where a cell starts
            cut = piece.find(">") if form == "html" else piece.find("<w:p")
            if cut > 0:
                attr = rng.choice(_ATTRS[form])
                insert = attr if form == "html" else f"<w:tcPr>{attr}</w:tcPr>"
                piece = piece[:cut] + insert + piece[cut:] if form == "html" or piece.startswith("<w:tc") \
                    else piece
                text = text[:m.start()] + piece + text[m.end():]
        elif op == 4:  # a plan-shaped token inside the element's text
            k = piece.rfind("</")
            text = text[:m.start()] + piece[:k] + rng.choice(TOKENS) + piece[k:] + text[m.end():]
        else:  # move the element elsewhere
            text = text[:m.start()] + text[m.end():]
            k = rng.randrange(len(text) + 1)
            k = text.rfind(">", 0, k) + 1
            text = text[:k] + piece + text[k:]
    return text


def _rezip(data: bytes, member: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, content if info.filename == member else src.read(info))
    return out.getvalue()


def make_case(form: str, case_seed: int) -> Case:
    """One mutated input of ``form``, reproducible from ``case_seed``."""
    rng = random.Random(f"{form}:{case_seed}")
    data = seed(form)
    count = rng.choice([1, 1, 2, 3, 5, 8])
    byte_level = rng.random() < 0.25
    if form in ("txt", "md"):
        if byte_level:
            return Case(form, case_seed, mutate_bytes(data, rng, count), None)
        text = mutate_lines(data.decode("utf-8"), rng, count)
        return Case(form, case_seed, text.encode("utf-8"), text if form == "txt" else None)
    if form == "html":
        if byte_level:
            return Case(form, case_seed, mutate_bytes(data, rng, count), None)
        page = mutate_markup(data.decode("gb18030"), "html", rng, count)
        return Case(form, case_seed, page.encode("gb18030", "replace"), None)
    if form == "docx":
        if byte_level:
            return Case(form, case_seed, mutate_bytes(data, rng, count), None)
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            xml = package.read("word/document.xml").decode("utf-8")
        xml = mutate_markup(xml, "docx", rng, count)
        return Case(form, case_seed, _rezip(data, "word/document.xml", xml.encode("utf-8")), None)
    return Case(form, case_seed, mutate_bytes(data, rng, count), None)


# -- running ------------------------------------------------------------------------------

class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def run_case(case: Case, timeout: float = 20.0) -> Outcome:
    """Parse one case; judge it by the three rules of the module docstring."""
    from plan_parser import PlanParseError, load_plan
    from reference_checks import unaccounted_lines

    use_alarm = hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    start = time.perf_counter()
    try:
        plan = load_plan(case.data, format=case.form)
    except PlanParseError as exc:
        return Outcome(case, "refused", f"{exc.code}: {exc.reason}", time.perf_counter() - start)
    except Hang:
        return Outcome(case, "FAILED", f"hang: no result after {timeout:g} s", time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 — that is what the fuzzer looks for
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return Outcome(case, "FAILED", f"{type(exc).__name__}: {exc} at {Path(where.filename).name}:{where.lineno}",
                       time.perf_counter() - start)
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    seconds = time.perf_counter() - start
    if case.text is not None:
        lost = unaccounted_lines(plan, case.text)
        if lost:
            return Outcome(case, "FAILED", f"lost lines: {lost[:3]}", seconds)
    return Outcome(case, "parsed", "", seconds)


def available_forms() -> tuple[str, ...]:
    """The forms whose reader is installed (the PDF reader needs its extra)."""
    return tuple(form for form in FORMS if form != "pdf" or _has_pdf())


def _has_pdf() -> bool:
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=2000, help="cases per form (default 2000)")
    parser.add_argument("--forms", default=",".join(FORMS), help="comma-separated, of " + ", ".join(FORMS))
    parser.add_argument("--seed", type=int, default=0, help="first case seed (default 0)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds before a case counts as a hang")
    parser.add_argument("--save", type=Path, help="write failing inputs to this folder")
    args = parser.parse_args(argv)
    forms = [f for f in args.forms.split(",") if f in available_forms()]
    failures = 0
    for form in forms:
        counts = {"parsed": 0, "refused": 0, "FAILED": 0}
        slowest = 0.0
        start = time.perf_counter()
        for n in range(args.seed, args.seed + args.cases):
            outcome = run_case(make_case(form, n), args.timeout)
            counts[outcome.status] += 1
            slowest = max(slowest, outcome.seconds)
            if outcome.status == "FAILED":
                failures += 1
                print(f"FAILED {form} seed {n}: {outcome.detail}", flush=True)
                if args.save:
                    args.save.mkdir(parents=True, exist_ok=True)
                    (args.save / f"fuzz_{form}_{n}.{form}").write_bytes(outcome.case.data)
        total = time.perf_counter() - start
        print(f"{form}: {args.cases} cases in {total:.1f} s ({total / max(args.cases, 1) * 1000:.0f} ms each, "
              f"slowest {slowest:.2f} s): {counts['parsed']} parsed, {counts['refused']} refused, "
              f"{counts['FAILED']} failed", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
