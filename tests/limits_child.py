"""One plan read in a fresh interpreter, measured: the child script of tests/test_limits.py
and of ``benchmarks/run.py --limits``.

Peak RSS is the kernel's ``VmHWM`` of the child's own memory image, less its RSS before
reading.  Not ``resource.getrusage(...).ru_maxrss``: Linux carries that over ``exec`` from
the process that spawned the child, so under pytest it reports the test runner's peak and
the growth reads 0.  The modules ``preload`` names are imported before the baseline, so
only what reading the input costs is counted.
"""
from __future__ import annotations

_SCRIPT = """
import json, sys, time
import {preload}
from plan_parser import PlanParseError, load_plan

def kb(field):
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field + ":"))

before = kb("VmRSS")
start, cpu = time.perf_counter(), time.process_time()
try:
    load_plan(sys.argv[1])
    code = reason = None
except PlanParseError as exc:
    code, reason = exc.code, exc.reason
print(json.dumps({{"code": code, "reason": reason, "seconds": time.perf_counter() - start,
                  "cpu": time.process_time() - cpu, "peak_mb": kb("VmHWM") / 1024,
                  "growth_mb": (kb("VmHWM") - before) / 1024}}))
"""


def child_script(preload: list[str]) -> str:
    """The script for ``python -c SCRIPT PATH``: it prints one JSON object with the outcome
    (``code``, ``reason``: None when parsed), wall ``seconds``, ``cpu`` seconds, ``peak_mb``
    and ``growth_mb`` (peak RSS less the RSS before reading)."""
    return _SCRIPT.format(preload=", ".join(preload))
