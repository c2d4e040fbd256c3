"""English coverage and the cost of English labels: ``python benchmarks/bench_english.py``.

For the documents of tests/english_documents.py (real plans of other sectors and the
constructed energy/transport/agriculture plans; not the reference plan the glossary
was first written from) it prints, per kind of label, how many labels get English.
Words were added to the vocabulary while these were measured, so a second figure
comes from documents held out: the plans of ../shared/real/policy_corpus/ whose
names do not start with ``central_0`` (those were the development set), other than
the three copies of the real plans above; and the same 28 plans split into a TUNE and a
TEST half (tests/data/english/holdout.toml: words may be tuned on TUNE only), per kind of
label; and three fresh sets of constructed plans no word was chosen from
(tests/data/english/fresh*/; ``--holdout`` prints only these held-out figures).  Then how long labelling takes:
the first plan of a process (jieba's dictionary and the glossary loaded) and a warm
plan (median of several runs of apply_glossary on an already parsed plan).  Speed and
coverage are reported here; tests/test_english_coverage.py holds the coverage target.
"""
from __future__ import annotations

import argparse
import dataclasses
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))


def coverage() -> None:
    from english_documents import TARGET, documents

    from plan_parser import load_plan
    from plan_parser.bilingual import english_coverage

    docs = documents()
    plans = [load_plan(p) for p in docs]
    print(f"English coverage on {len(docs)} documents other than the reference plan "
          f"(target {TARGET:.0%} of every kind; words were added while measuring these):")
    table = english_coverage(plans)
    done_all = total_all = 0
    for kind, (done, total) in sorted(table.items()):
        done_all += done
        total_all += total
        print(f"  {kind:<12} {done:5d}/{total:<5d} {done / total:7.1%}")
    print(f"  {'all':<12} {done_all:5d}/{total_all:<5d} {done_all / total_all:7.1%}")


def held_out() -> None:
    import glob

    from english_documents import REAL

    from plan_parser import load_plan
    from plan_parser.bilingual import english_coverage
    from plan_parser.errors import PlanParseError

    copies = {"central_061.txt", "shandong_018.txt", "shandong_002.txt"}
    plans = []
    for path in sorted(glob.glob(str(REAL / "policy_corpus" / "*.txt"))):
        name = Path(path).name
        if name.startswith("central_0") or name in copies:
            continue
        if "规划" not in Path(path).read_text(encoding="utf-8", errors="replace")[:300]:
            continue  # not a plan
        try:
            plans.append(load_plan(path))
        except PlanParseError:
            continue
    if not plans:
        print("held-out documents: ../shared/real/policy_corpus/ not present")
        return
    table = english_coverage(plans)
    done = sum(d for d, _ in table.values())
    total = sum(t for _, t in table.values())
    kinds = ", ".join(f"{k} {d / t:.0%}" for k, (d, t) in sorted(table.items()))
    print(f"held out ({len(plans)} plans of policy_corpus; its TUNE half has shaped words since): "
          f"{done}/{total} = {done / total:.1%} ({kinds})")


def holdout_halves() -> dict[str, list[Path]]:
    """The TUNE and TEST halves of tests/data/english/holdout.toml (the files that exist)."""
    from english_documents import REAL, holdout

    split = holdout()
    return {half: [REAL / "policy_corpus" / n for n in split[half]
                   if (REAL / "policy_corpus" / n).exists()] for half in ("tune", "test")}


def halves(kinds: bool = True, dictionary: bool = False) -> dict[str, dict[str, tuple[int, int]]]:
    """English coverage of the TUNE and TEST halves of the held-out plans, per kind of label.

    Words may be tuned on TUNE only; TEST shows what a plan the glossary never saw gets.
    ``dictionary``: with CC-CEDICT for the words the glossary lacks (``Settings.dictionary``)."""
    out = {}
    for half, paths in holdout_halves().items():
        if not paths:
            print(f"held-out {half.upper()}: ../shared/real/policy_corpus/ not present")
            continue
        out[half] = _coverage_report(f"held-out {half.upper()} ({len(paths)} plans)", paths, dictionary, kinds)
    return out


def fresh(dictionary: bool = False) -> None:
    """English coverage of the five fresh sets of constructed plans (tests/english_documents
    FRESH_SETS), per kind of label: sets no word was ever chosen from."""
    from english_documents import FRESH_SETS

    for name, paths in FRESH_SETS.items():
        _coverage_report(f"{name} constructed plans ({len(paths)})", paths, dictionary)


def _coverage_report(label: str, paths: list[Path], dictionary: bool,
                     kinds: bool = True) -> dict[str, tuple[int, int]]:
    """Print the English coverage of the plans at ``paths`` (all labels, then per kind) and
    return it; ``dictionary``: with CC-CEDICT for the words the glossary lacks."""
    from plan_parser import load_plan
    from plan_parser.bilingual import english_coverage
    from plan_parser.settings import DEFAULTS

    settings = dataclasses.replace(DEFAULTS, dictionary=dictionary)
    table = english_coverage(load_plan(p, settings=settings) for p in paths)
    done = sum(d for d, _ in table.values())
    total = sum(t for _, t in table.values())
    source = "glossary + CC-CEDICT" if dictionary else "glossary"
    print(f"{label}, {source}: {done}/{total} = {done / total:.1%}")
    if kinds:
        for kind, (d, t) in sorted(table.items()):
            print(f"  {kind:<12} {d:5d}/{t:<5d} {d / t:7.1%}")
    return table


def timing(repeat: int) -> None:
    from english_documents import documents

    from plan_parser import load_plan
    from plan_parser.bilingual import apply_glossary
    from plan_parser.glossary import Glossary

    docs = documents()
    code = ("import sys, time; sys.path.insert(0, %r); from plan_parser import load_plan; "
            "t = time.perf_counter(); load_plan(%r); print(time.perf_counter() - t)") % (
        str(ROOT / "src"), str(docs[0]))
    cold = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                 text=True).stdout.split()[-1]) for _ in range(3)]
    print(f"first plan of a process, parse + English (jieba, glossary loaded): "
          f"{statistics.median(cold) * 1000:9.1f} ms  ({docs[0].name})")
    import os
    import tempfile
    empty = []
    for _ in range(3):  # the very first run: plan_parser.cache empty (jieba's shards, the vocabulary)
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "PLAN_PARSER_CACHE_DIR": tmp}
            empty.append(float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                              text=True, env=env).stdout.split()[-1]))
    print(f"  the same with an empty cache directory (first run after install):  "
          f"{statistics.median(empty) * 1000:9.1f} ms")
    g = Glossary.builtin()
    for path in docs:
        plan = load_plan(path)
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            apply_glossary(plan, g)
            times.append(time.perf_counter() - t)
        print(f"  apply_glossary, warm: {statistics.median(times) * 1000:8.2f} ms  {path.name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--holdout", action="store_true",
                        help="only the held-out plans (TUNE/TEST halves) and the fresh plans, per kind")
    args = parser.parse_args()
    if args.holdout:
        halves()
        halves(dictionary=True)
        fresh()
        fresh(dictionary=True)
        return
    coverage()
    held_out()
    halves()
    halves(dictionary=True)
    fresh()
    fresh(dictionary=True)
    timing(3 if args.quick else 10)


if __name__ == "__main__":
    main()
