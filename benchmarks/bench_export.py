"""Export throughput and memory: ``python benchmarks/bench_export.py`` (``--files N`` for a smaller corpus).

Generates a corpus of plan files — the reference plan with the numbers of its
indicator cells perturbed, so every file is a distinct plan — and exports 100 and
all of them to SQLite with ``--jobs 1`` and ``--jobs 2``.  Each run is a fresh
process, so its peak memory (``ru_maxrss`` of the process, and of its worker
children) is its own; equal peaks for 100 and 1,000 files show memory is flat in
the number of files.  Goal: at least 100 text plans per second per core.  The size
of each database is reported in kB per plan, with the largest one's space per table
and index (SQLite's ``dbstat``, where the library has it).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "tongliang_hrss_14th.txt"
NUMBER = re.compile(r"\d+(?:\.(\d+))?")


def variant(text: str, seed: int) -> str:
    """The plan with every number of an indicator cell (a tab-indented line) moved by up to ±20%."""
    rng = random.Random(seed)

    def perturb(m: re.Match) -> str:
        decimals = len(m.group(1) or "")
        value = float(m.group(0)) * rng.uniform(0.8, 1.2)
        return f"{value:.{max(decimals, 1)}f}"

    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("\t") and not re.search(r"^\t\d+[.、]|年|[一二三四五六七八九十]、", line):
            lines[i] = NUMBER.sub(perturb, line)
    return "\n".join(lines)


def make_corpus(folder: Path, count: int) -> list[Path]:
    text = SAMPLE.read_text(encoding="utf-8")
    paths = []
    for i in range(count):
        path = folder / f"plan_{i:04d}.txt"
        path.write_text(variant(text, i), encoding="utf-8")
        paths.append(path)
    return paths


def measure(args: argparse.Namespace) -> None:
    """Run in a fresh process: one export (or parse-only pass), then print its figures as JSON."""
    sys.path.insert(0, str(ROOT / "src"))
    from plan_parser.cli import main

    paths = sorted(Path(args.corpus).glob("*.txt"))[: args.count]
    start = time.perf_counter()
    if args.to:
        with open(os.devnull, "w") as devnull:
            stdout, sys.stdout = sys.stdout, devnull
            status = main(["export", *map(str, paths), "--to", args.to, "--jobs", str(args.jobs)])
            sys.stdout = stdout
    else:
        from plan_parser import load_plan

        load_plan(paths[0])  # the one-time cost (imports, jieba) is not the parser's rate
        start = time.perf_counter()
        status = [load_plan(p) for p in paths] and 0
    seconds = time.perf_counter() - start
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    print(json.dumps({"seconds": seconds, "status": status, "cpu": cpu,
                      "self_kb": own.ru_maxrss, "children_kb": children.ru_maxrss}))


def run(corpus: Path, count: int, jobs: int, to: Path | None) -> dict:
    cmd = [sys.executable, __file__, "--measure", "--corpus", str(corpus), "--count", str(count),
           "--jobs", str(jobs)] + (["--to", str(to)] if to else [])
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--to", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        return measure(args)

    with tempfile.TemporaryDirectory(prefix="plan-parser-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        start = time.perf_counter()
        make_corpus(corpus, args.files)
        print(f"corpus: {args.files} variants of {SAMPLE.name} in {time.perf_counter() - start:.1f} s; "
              f"{os.cpu_count()} CPUs")
        parse = run(corpus, min(100, args.files), 1, None)
        print(f"parse only (load_plan), in process, {min(100, args.files)} files: "
              f"{min(100, args.files) / parse['seconds']:7.1f} files/s")
        print(f"{'files':>6} {'jobs':>4} {'seconds':>8} {'files/s':>8} {'per core':>9} "
              f"{'per CPU-s':>10} {'main MB':>8} {'worker MB':>10} {'kB/plan':>8}")
        for count in sorted({min(100, args.files), args.files}):
            for jobs in (1, 2):
                db = Path(tmp) / f"out_{count}_{jobs}.sqlite"
                r = run(corpus, count, jobs, db)
                plans = sqlite3.connect(db).execute("SELECT count(*) FROM plans").fetchone()[0]
                assert r["status"] == 0 and plans == count, (r, plans)
                rate = count / r["seconds"]
                per_plan = db.stat().st_size / count / 1000
                print(f"{count:>6} {jobs:>4} {r['seconds']:>8.2f} {rate:>8.1f} {rate / jobs:>9.1f} "
                      f"{count / r['cpu']:>10.1f} {r['self_kb'] / 1024:>8.1f} {r['children_kb'] / 1024:>10.1f} "
                      f"{per_plan:>8.1f}")
        print("seconds: wall time of the whole export command, imports included; per core: files/s / jobs;\n"
              "per CPU-s: files per CPU-second of the main process and its workers together (the\n"
              "per-core rate unaffected by other load on the machine); MB: peak RSS (ru_maxrss) of\n"
              "the main process and of the largest worker; kB/plan: database file size / plans")
        print_space(db, args.files)


def print_space(db: Path, plans: int) -> None:
    """Where the bytes of the database go: kB per plan for each table and index."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    except sqlite3.OperationalError:  # SQLite built without dbstat
        return
    finally:
        conn.close()
    print(f"space in {db.name}, kB per plan: " + ", ".join(f"{name} {size / plans / 1000:.1f}"
                                                          for name, size in rows if size / plans >= 100))


if __name__ == "__main__":
    main()
