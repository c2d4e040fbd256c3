"""How long a diff takes: in process, as a whole command, and at scale.

Figures, each the median of many runs:

* warm — jieba already loaded and its dictionary built (a long-lived process, a
  notebook, the second diff of a batch); shown with the unit cache cleared before
  each run (the cost of a new pair of plans) and kept (the same pair again);
* cold — a fresh interpreter, plans already parsed, timing only the first diff,
  which pays for jieba (plan_parser.segment, the process's one tokenizer: the import and
  the shards of the characters it cuts) unless parsing already loaded it for English labels;
* command — ``plan-parser diff A B`` as a whole process (interpreter start, imports,
  two parses, the diff, the report): what a user waits for (issue 13 asks under 0.5 s),
  for the sample against its edited copy (a fuzzy pass: jieba's words) and for the
  constructed city/district pair, each as the default Chinese table (no English labels
  are made) and as ``--format json`` (both languages); ``--src DIR`` times another
  checkout's ``src`` (e.g. ``git archive`` of an older commit) for a before/after;
* scale — ``match_items`` on N × N distinct indicator names (no exact pairs: every name
  goes to the fuzzy pass), built from the labelled names of tests/data/name_pairs.csv
  with place words and suffixes; issue 15 asks 5,000 × 5,000 in seconds.

Run: ``python benchmarks/bench_diff.py [--warm-runs N] [--cold-runs N] [--scale 5000] [--src DIR]`` (or all
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
CITY = ROOT / "samples" / "constructed_city_chongqing_hrss_14th.txt"
DISTRICT = ROOT / "samples" / "constructed_district_rongchang_hrss_14th.txt"
EDITS = ROOT / "tests" / "data" / "diff" / "edits.toml"


def edited_text() -> str:
    """The reference plan with the edits of tests/data/diff/edits.toml (tests/test_diff.py checks them)."""
    text = SAMPLE.read_text("utf-8")
    for edit in tomllib.loads(EDITS.read_text("utf-8"))["edit"]:
        text = text.replace(edit["old"], edit["new"])
    return text


def plans():
    """The reference plan and its edited copy, parsed."""
    from plan_parser import load_plan

    return load_plan(SAMPLE), load_plan(edited_text().encode("utf-8"), format="txt")


def command_seconds(runs: int, left: Path, right: Path, fmt: str, src: Path) -> list[float]:
    """Wall time of ``python -m plan_parser diff LEFT RIGHT -f FMT`` as a whole process, ``runs`` times."""
    import os

    env = dict(os.environ, PYTHONPATH=str(src))
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "plan_parser", "diff", str(left), str(right), "-f", fmt,
                               "-o", os.devnull], capture_output=True, env=env, timeout=300)
        out.append(time.perf_counter() - t0)
        if done.returncode not in (0, 1):
            raise SystemExit(f"diff failed: {done.stderr.decode()[-500:]}")
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
    from plan_parser.segment import tokens

    tokens("城镇新增就业人数")  # jieba imported; the names' shards are read by the first run
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


def command_rows(runs: int, src: Path) -> list[tuple[str, list[float]]]:
    """Whole-process ``plan-parser diff`` timings: two pairs × (table, json), runs interleaved
    pair by pair so that a burst of load on a shared machine hits every row alike."""
    import tempfile

    edited = Path(tempfile.mkdtemp()) / "tongliang_edited.txt"
    edited.write_text(edited_text(), "utf-8")
    cases = [(f"command: sample vs edited, {fmt}", SAMPLE, edited, fmt) for fmt in ("table", "json")]
    cases += [(f"command: city vs district, {fmt}", CITY, DISTRICT, fmt) for fmt in ("table", "json")]
    got: dict[str, list[float]] = {label: [] for label, *_ in cases}
    for _ in range(runs):
        for label, left, right, fmt in cases:
            got[label] += command_seconds(1, left, right, fmt, src)
    return list(got.items())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--warm-runs", type=int, default=200)
    ap.add_argument("--cold-runs", type=int, default=15)
    ap.add_argument("--scale", type=int, nargs="*", default=[1000, 5000],
                    help="name counts for the N x N matching benchmark")
    ap.add_argument("--src", type=Path, default=ROOT / "src",
                    help="the package source the whole-command runs use (default: this tree's src)")
    ap.add_argument("--command-only", action="store_true", help="only the whole-command runs")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        first_diff_seconds()
        return
    if args.command_only:
        for label, runs in command_rows(args.cold_runs, args.src):
            print(f"{label:52s} median {statistics.median(runs) * 1000:8.1f} ms over {len(runs):3d} runs "
                  f"(min {min(runs) * 1000:.1f}, max {max(runs) * 1000:.1f})")
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
        rows.append(("(jieba set-up in parsing: import + shard index)", glossary_jieba))
    rows += command_rows(args.cold_runs, args.src)
    for label, runs in rows:
        print(f"{label:52s} median {statistics.median(runs) * 1000:8.2f} ms over {len(runs):3d} runs "
              f"(min {min(runs) * 1000:.2f}, max {max(runs) * 1000:.2f})")
    print(f"(cold: the jieba module was already imported by parsing: {', '.join(sorted(imported))})")
    for n in args.scale:
        seconds, fuzzy, peak = scale_seconds(n)
        print(f"match_items {n} x {n} distinct names: {seconds:.2f} s, {fuzzy} fuzzy pairs, "
              f"peak {peak:.0f} MB traced")


if __name__ == "__main__":
    main()
