"""Run the parser over the real documents and print what it found in each, one line a document.

    python evaluation/evaluate.py            # print the table, compare with last_run.tsv
    python evaluation/evaluate.py --save     # … and save this run as the new last_run.tsv
    python evaluation/evaluate.py --changed  # print only documents whose counts changed

The documents are ``../shared/real/`` (the national, sectoral and Shandong plans) and its
``policy_corpus/`` (221 policy texts).  For each: parts, chapters, sections, 专栏, indicators,
projects, tasks, the plan period, and the warnings counted by code — so a change that loses
structure on any real document shows up in one command.  ``last_run.tsv`` is a snapshot of
the parser's own output (what it found last time), not an expectation: the hand-written
expectations for real documents are in ``tests/test_real_*.py``.
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from plan_parser import PlanParseError, load_plan  # noqa: E402
from plan_parser.readers import EXTENSIONS  # noqa: E402

SHARED = ROOT.parent / "shared" / "real"
LAST_RUN = HERE / "last_run.tsv"
FIELDS = ("parts", "chapters", "sections", "columns", "indicators", "projects", "tasks", "period", "warnings")


def documents(shared: Path) -> list[Path]:
    top = sorted(p for p in shared.glob("*") if p.suffix in EXTENSIONS and p.name != "SOURCES.md")
    return top + sorted((shared / "policy_corpus").glob("*.txt"))


def summarize(path: Path) -> dict[str, str]:
    """What the parser found in one document, as short strings (``refused:not_a_plan`` on refusal)."""
    try:
        plan = load_plan(path)
    except PlanParseError as exc:
        return {f: "" for f in FIELDS} | {"parts": f"refused:{exc.code}"}
    except Exception as exc:  # noqa: BLE001 — a crash is a finding, not the end of the run
        return {f: "" for f in FIELDS} | {"parts": f"CRASH:{type(exc).__name__}"}
    codes = collections.Counter(w.code for w in plan.warnings)
    meta = plan.meta
    return {
        "parts": str(len(plan.parts)), "chapters": str(len(plan.chapters)), "sections": str(len(plan.sections)),
        "columns": str(len(plan.columns)), "indicators": str(len(plan.indicators)),
        "projects": str(len(plan.projects)), "tasks": str(len(plan.tasks)),
        "period": f"{meta.period_start or ''}-{meta.period_end or ''}" if meta.period_start else "",
        "warnings": " ".join(f"{code}={n}" for code, n in sorted(codes.items())),
    }


def read_last(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return {cells[0]: dict(zip(header[1:], cells[1:])) for cells in (line.split("\t") for line in lines[1:])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="folder of real documents (default ../shared/real)")
    parser.add_argument("--save", action="store_true", help="save this run as evaluation/last_run.tsv")
    parser.add_argument("--changed", action="store_true", help="print only documents that changed since the last run")
    args = parser.parse_args(argv)
    if not args.shared.is_dir():
        print(f"evaluate: no real documents at {args.shared}", file=sys.stderr)
        return 2
    last = read_last(LAST_RUN)
    rows: dict[str, dict[str, str]] = {}
    start = time.perf_counter()
    print("document".ljust(44) + "".join(f.rjust(11) for f in FIELDS[:-1]) + "  warnings")
    changed = 0
    for path in documents(args.shared):
        name = str(path.relative_to(args.shared))
        rows[name] = row = summarize(path)
        before = last.get(name)
        mark = " " if before is None or before == row else "*"
        if mark == "*":
            changed += 1
        if args.changed and mark == " ":
            continue
        print(f"{mark}{name:<43}" + "".join(row[f].rjust(11) for f in FIELDS[:-1]) + "  " + row["warnings"])
        if mark == "*":
            print(" " * 10 + "was: " + "  ".join(f"{f}={before[f]}" for f in FIELDS if before.get(f) != row[f]))
    seconds = time.perf_counter() - start
    refused = sum(r["parts"].startswith("refused") for r in rows.values())
    crashed = sum(r["parts"].startswith("CRASH") for r in rows.values())
    print(f"\n{len(rows)} documents in {seconds:.1f} s: {refused} refused, {crashed} crashed, "
          f"{changed} changed since {LAST_RUN.name}" + ("" if last else " (none saved yet)"))
    if args.save:
        lines = ["\t".join(("document",) + FIELDS)]
        lines += ["\t".join([name] + [row[f] for f in FIELDS]) for name, row in rows.items()]
        LAST_RUN.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"saved {LAST_RUN}")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
