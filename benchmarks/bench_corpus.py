"""The real-document corpus: ``python benchmarks/bench_corpus.py`` (``--quick`` for fewer repeats).

Time to parse all 221 documents of ``../shared/real/policy_corpus/`` (plans parsed, the
others refused as ``not_a_plan``), in process after a warm-up, and the slowest single
documents — the figure the corpus test in CI relies on staying small, measured here
rather than asserted there.  Also the PDF-text re-flow on its own for the smart
manufacturing plan.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ROOT, median_ms, report  # noqa: E402

SHARED = ROOT.parent / "shared" / "real"
CORPUS = SHARED / "policy_corpus"


def parse_all(paths: list[Path]) -> tuple[int, int]:
    from plan_parser import PlanParseError, load_plan

    parsed = refused = 0
    for path in paths:
        try:
            load_plan(path)
            parsed += 1
        except PlanParseError:
            refused += 1
    return parsed, refused


def main() -> None:
    if not CORPUS.is_dir():
        print(f"bench_corpus: no corpus at {CORPUS}; skipped")
        return
    repeat = 3 if "--quick" in sys.argv else 10
    paths = sorted(CORPUS.glob("*.txt"))
    parsed, refused = parse_all(paths)  # warm-up: lazy imports, caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        parse_all(paths)
        times.append(time.perf_counter() - start)
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    report(f"all {len(paths)} corpus documents ({megabytes:.1f} MB)", statistics.median(times) * 1000,
           f"{parsed} parsed, {refused} refused; median of {repeat}")

    from plan_parser import PlanParseError, load_plan

    single = []
    for path in paths:
        start = time.perf_counter()
        try:
            load_plan(path)
        except PlanParseError:
            pass
        single.append((time.perf_counter() - start, path.name))
    for seconds, name in sorted(single, reverse=True)[:3]:
        report(f"  slowest: {name}", seconds * 1000, "one run")

    smart = SHARED / "cn_national_14th_smart_manufacturing_plan.txt"
    if smart.exists():
        from plan_parser.readers.text import lines_to_blocks, split_lines
        from plan_parser.reflow import reflow

        blocks = lines_to_blocks(split_lines(smart.read_text(encoding="utf-8")))
        report("reflow, smart manufacturing plan (393 lines)", median_ms(lambda: reflow(blocks), repeat * 10))
        report("load_plan, smart manufacturing plan", median_ms(lambda: load_plan(smart), repeat * 5))


if __name__ == "__main__":
    main()
