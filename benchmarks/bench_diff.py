"""How long a diff takes: in process, as a whole command, and at scale.

Figures, each the median of many runs:

* warm — jieba already loaded and its dictionary built (a long-lived process, a
  notebook, the second diff of a batch); shown with the unit cache cleared before
  each run (the cost of a new pair of plans) and kept (the same pair again);
* cold — a fresh interpreter, plans already parsed, timing only the first diff,
  which pays for jieba's default dictionary (plan_parser.segment, the process's one
  tokenizer) unless parsing already built it for English labels;
* command — ``plan-parser diff SAMPLE EDITED`` as a whole process (interpreter start,
  imports, two parses, the diff, the report): what a user waits for (issue 13 asks
  under 0.5 s);
* scale — ``match_items`` on N × N distinct indicator names (no exact pairs: every name
  goes to the fuzzy pass), built from the labelled names of tests/data/name_pairs.csv
  with place words and suffixes; issue 15 asks 5,000 × 5,000 in seconds.

Run: ``python benchmarks/bench_diff.py [--warm-runs N] [--cold-runs N] [--scale 5000]`` (or all
benchmarks with ``python benchmarks/run.py --all``).
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


def command_seconds(runs: int, edited: Path) -> list[float]:
    """Wall time of ``python -m plan_parser diff SAMPLE EDITED`` as a whole process, ``runs`` times."""
    import os

    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "plan_parser", "diff", str(SAMPLE), str(edited), "-o", os.devnull],
                       capture_output=True, env=env, timeout=300)
        out.append(time.perf_counter() - t0)
    return out


def scale_names(n: int) -> tuple[list[str], list[str]]:
    """n distinct names and n renamed ones (全市 added, or 数 appended), shuffled: all fuzzy."""
    import csv
    import random

    rows = list(csv.reader(line for line in (ROOT / "tests" / "data" / "name_pairs.csv").read_text("utf-8")
                           .splitlines() if not line.startswith("#")))[1:]
    cores = sorted({r[0] for r in rows} | {r[1] for r in rows})
    places = ["", "全区", "城镇", "农村", "重点行业", "规模以上企业", "中小企业", "省级", "新增", "累计"]
    suffixes = ["", "增长", "占比", "人数", "总量", "覆盖率", "达标率", "（万人）"]
    names = list(dict.fromkeys(p + c + s for c in cores for p in places for s in suffixes))
    rng = random.Random(7)
    rng.shuffle(names)
    left = names[:n]
    right = [x + "数" if k % 2 else "全市" + x for k, x in enumerate(left)]
    rng.shuffle(right)
    return left, right


def scale_seconds(n: int) -> tuple[float, int, float]:
    """(seconds, fuzzy pairs, peak MB traced) of match_items on n × n names, jieba already loaded."""
    import tracemalloc

    from plan_parser.diff import match_items
    from plan_parser.segment import tokenizer

    tokenizer()
    left, right = scale_names(n)
    t0 = time.perf_counter()
    out = match_items(left, right, lambda s: s)
    seconds = time.perf_counter() - t0
    tracemalloc.start()
    match_items(left, right, lambda s: s)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return seconds, sum(1 for _i, _j, m in out if m is not None and m.method == "fuzzy"), peak


def first_diff_seconds() -> None:
    """Child process: print whether jieba was imported by parsing, the first diff's time, and the
    time the glossary's jieba tokenizer took to build while parsing (nan when it was not needed)."""
    from plan_parser import diff_plans, segment

    left, right = plans()
    imported = "jieba" in sys.modules
    t0 = time.perf_counter()
    diff_plans(left, right)
    seconds = time.perf_counter() - t0
    print(imported, seconds, segment.init_seconds if segment.init_seconds is not None else "nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--warm-runs", type=int, default=200)
    ap.add_argument("--cold-runs", type=int, default=15)
    ap.add_argument("--scale", type=int, nargs="*", default=[1000, 5000],
                    help="name counts for the N x N matching benchmark")
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
        rows.append(("(parse: the one jieba dictionary)", glossary_jieba))
    import tempfile

    edited = Path(tempfile.mkdtemp()) / "tongliang_edited.txt"
    text = SAMPLE.read_text("utf-8")
    for edit in tomllib.loads(EDITS.read_text("utf-8"))["edit"]:
        text = text.replace(edit["old"], edit["new"])
    edited.write_text(text, "utf-8")
    rows.append(("command: plan-parser diff, whole process", command_seconds(args.cold_runs, edited)))
    for label, runs in rows:
        print(f"{label:38s} median {statistics.median(runs) * 1000:8.2f} ms over {len(runs):3d} runs "
              f"(min {min(runs) * 1000:.2f}, max {max(runs) * 1000:.2f})")
    print(f"(cold: the jieba module was already imported by parsing: {', '.join(sorted(imported))})")
    for n in args.scale:
        seconds, fuzzy, peak = scale_seconds(n)
        print(f"match_items {n} x {n} distinct names: {seconds:.2f} s, {fuzzy} fuzzy pairs, "
              f"peak {peak:.0f} MB traced")


if __name__ == "__main__":
    main()
