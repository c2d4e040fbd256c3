"""Benchmarks: ``python benchmarks/run.py`` (``--quick`` for fewer repeats, ``--all`` to run
bench_diff.py and bench_export.py after it).

Speed is measured here, not asserted in tests.  Each figure is the median of many
runs, in process, after a warm-up; import costs are measured in fresh interpreters
and reported net of the interpreter's own start-up.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # forms.py renders the reference plan as a web page


def median_ms(fn, repeat: int) -> float:
    fn()  # warm-up: lazy imports, caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def fresh_interpreter_ms(statement: str, repeat: int) -> float:
    """Median time of ``statement`` run first thing in a fresh interpreter."""
    code = ("import time; t = time.perf_counter(); " + statement +
            "; print(time.perf_counter() - t)")
    times = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                             env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times) * 1000


def report(name: str, ms: float, note: str = "") -> None:
    print(f"{name:<48} {ms:9.2f} ms  {note}")


def bench_parse(repeat: int) -> dict[str, float]:
    import io

    import docx

    import forms
    from plan_parser import load_plan

    out = {}
    txt = SAMPLES / "tongliang_hrss_14th.txt"
    docx_bytes = (SAMPLES / "tongliang_hrss_14th.docx").read_bytes()
    html_utf8, html_gb = forms.html_page("utf-8"), forms.html_page("gb2312")
    md = forms.markdown()
    out["parse txt"] = median_ms(lambda: load_plan(txt), repeat)
    report("parse reference plan (.txt)", out["parse txt"], "target < 10 ms")
    out["parse docx"] = median_ms(lambda: load_plan(docx_bytes), repeat)
    out["docx open"] = median_ms(lambda: docx.Document(io.BytesIO(docx_bytes)), repeat)
    report("parse reference plan (.docx, real sample)", out["parse docx"],
           f"{out['parse docx'] / out['parse txt']:.1f}x txt")
    report("  python-docx alone: docx.Document(file)", out["docx open"],
           f"{out['docx open'] / out['parse docx']:.0%} of the docx parse")
    out["parse html"] = median_ms(lambda: load_plan(html_utf8), repeat)
    report("parse reference plan (.html, utf-8 gov page)", out["parse html"],
           f"{out['parse html'] / out['parse txt']:.1f}x txt")
    out["parse html gb"] = median_ms(lambda: load_plan(html_gb), repeat)
    report("parse reference plan (.html, gb2312 gov page)", out["parse html gb"],
           f"{out['parse html gb'] / out['parse txt']:.1f}x txt")
    out["parse md"] = median_ms(lambda: load_plan(md), repeat)
    report("parse reference plan (.md)", out["parse md"], f"{out['parse md'] / out['parse txt']:.1f}x txt")
    return out


def bench_jieba(repeat: int) -> None:
    """The one-off cost of the first name that needs jieba (glossary composition)."""
    statement = ("from plan_parser.glossary import Glossary; "
                 "Glossary.builtin().translate('农民工职业技能培训人数')")
    ms = fresh_interpreter_ms(statement, repeat)
    report("first composed translation (loads jieba)", ms, "once per process")
    ms = fresh_interpreter_ms("from plan_parser.glossary import Glossary; "
                              "Glossary.builtin().translate('城镇调查失业率')", repeat)
    report("first exact translation (no jieba)", ms, "once per process")


def bench_import(repeat: int) -> dict[str, float]:
    ms = fresh_interpreter_ms("import plan_parser", repeat)
    report("import plan_parser (fresh interpreter)", ms, "target < 100 ms")
    heavy = subprocess.run(
        [sys.executable, "-c", "import sys, plan_parser; "
         "print(sorted(m for m in ('jieba','pandas','docx','lxml') if m in sys.modules))"],
        capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""}).stdout.strip()
    print(f"{'  heavy modules loaded by import plan_parser':<48} {heavy}")
    return {"import": ms}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--all", action="store_true", help="also run bench_diff.py and bench_export.py")
    args = parser.parse_args()
    repeat = 20 if args.quick else 200
    print(f"python {sys.version.split()[0]}, median of {repeat} runs (imports: {repeat // 10 or 3} runs)")
    bench_parse(repeat)
    bench_import(max(5, repeat // 10))
    bench_jieba(max(3, repeat // 40))
    if args.all:
        here = Path(__file__).parent
        extra = ["--files", "200"] if args.quick else []
        for script, flags in (("bench_diff.py", []), ("bench_export.py", extra),
                              ("bench_corpus.py", ["--quick"] if args.quick else []),
                              ("bench_english.py", ["--quick"] if args.quick else [])):
            print(f"\n== {script}", flush=True)
            subprocess.run([sys.executable, str(here / script), *flags], check=True)


if __name__ == "__main__":
    main()
