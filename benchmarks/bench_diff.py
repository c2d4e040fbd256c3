"""How long `diff_plans` takes on the reference plan against its edited copy.

Two figures, each the median of many runs:

* warm — jieba already loaded and its dictionary built (a long-lived process, a
  notebook, the second diff of a batch); shown with the matcher's memo caches
  cleared before each run (the cost of a new pair of plans) and kept (the same
  pair again);
* cold — a fresh interpreter, plans already parsed, timing only the first diff,
  which pays for jieba's default dictionary in the diff's private tokenizer
  (plan_parser.diff.default_tokenizer; the fuzzy pass needs it).  Parsing the
  plans may already have built a second dictionary, the glossary's own jieba
  tokenizer (for English labels composed word by word); its time is shown too.

Run: ``python benchmarks/bench_diff.py [--warm-runs N] [--cold-runs N]`` (or all benchmarks
with ``python benchmarks/run.py --all``).
The edited copy is made with tests/data/diff/edits.toml, as in tests/test_diff.py.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # the working tree, installed or not (children inherit it below)
SAMPLE = ROOT / "samples" / "tongliang_hrss_14th.txt"
EDITS = ROOT / "tests" / "data" / "diff" / "edits.toml"


def plans():
    """The reference plan and its edited copy, parsed."""
    from plan_parser import load_plan

    text = SAMPLE.read_text("utf-8")
    for edit in tomllib.loads(EDITS.read_text("utf-8"))["edit"]:
        text = text.replace(edit["old"], edit["new"])
    return load_plan(SAMPLE), load_plan(text.encode("utf-8"), format="txt")


def first_diff_seconds() -> None:
    """Child process: print whether jieba was imported by parsing, the first diff's time, and the
    time the glossary's jieba tokenizer took to build while parsing (nan when it was not needed)."""
    from plan_parser import diff_plans, glossary

    left, right = plans()
    imported = "jieba" in sys.modules
    t0 = time.perf_counter()
    diff_plans(left, right)
    seconds = time.perf_counter() - t0
    print(imported, seconds, glossary.jieba_init_seconds if glossary.jieba_init_seconds is not None else "nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--warm-runs", type=int, default=200)
    ap.add_argument("--cold-runs", type=int, default=15)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        first_diff_seconds()
        return

    from plan_parser import diff_plans
    from plan_parser.diff import clear_caches

    left, right = plans()
    summary = diff_plans(left, right).summary  # warm-up: jieba loaded here
    fresh, warm = [], []
    for _ in range(args.warm_runs):
        clear_caches()
        t0 = time.perf_counter()
        diff_plans(left, right)
        fresh.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        diff_plans(left, right)
        warm.append(time.perf_counter() - t0)

    cold, glossary_jieba, imported = [], [], set()
    for _ in range(args.cold_runs):
        out = subprocess.run([sys.executable, __file__, "--child"], capture_output=True, text=True,
                             check=True, timeout=300).stdout.split()  # __file__ puts src/ on its path
        imported.add(out[0])
        cold.append(float(out[1]))
        if out[2] != "nan":
            glossary_jieba.append(float(out[2]))

    print(f"diff of {SAMPLE.name} against its edited copy: indicators {summary}")
    rows = [("jieba loaded, caches cleared", fresh), ("jieba loaded, caches kept", warm),
            ("cold: first diff in a fresh process", cold)]
    if glossary_jieba:
        rows.append(("(parse: glossary's jieba dictionary)", glossary_jieba))
    for label, runs in rows:
        print(f"{label:38s} median {statistics.median(runs) * 1000:8.2f} ms over {len(runs):3d} runs "
              f"(min {min(runs) * 1000:.2f}, max {max(runs) * 1000:.2f})")
    print(f"(cold: the jieba module was already imported by parsing: {', '.join(sorted(imported))}; "
          "the cost is building jieba's default dictionary for the diff's private tokenizer)")


if __name__ == "__main__":
    main()
