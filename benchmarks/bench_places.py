"""Place lookup and romanization: ``python benchmarks/bench_places.py``.

What ``plan_parser.places`` costs: the one-off load of the division table (on the first
plan parsed in a process), the first ``place_en`` (a listed name's English is stored in the
table; a name the list lacks, such as a town, imports pypinyin), and a lookup and a
romanization once both are warm.  ``import plan_parser`` loads neither.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import fresh_interpreter_ms, median_ms, report  # noqa: E402


def main() -> None:
    repeat = 20 if "--quick" in sys.argv else 200
    cold = max(3, repeat // 20)
    report("import plan_parser.places (fresh interpreter)",
           fresh_interpreter_ms("import plan_parser.places", cold), "reads no file")
    report("first find_place (loads divisions.tsv)",
           fresh_interpreter_ms("from plan_parser.places import find_place; find_place('重庆市铜梁区规划')", cold),
           "once per process")
    report("first place_en, a listed name (English stored)",
           fresh_interpreter_ms("from plan_parser.places import place_en; place_en('铜梁区')", cold),
           "once per process; no pypinyin")
    report("first place_en, a town (loads pypinyin)",
           fresh_interpreter_ms("from plan_parser.places import place_en; place_en('龙水镇')", cold),
           "once per process")

    from plan_parser.places import find_place, place_en
    report("find_place, warm", median_ms(lambda: find_place("重庆市铜梁区人力资源和社会保障事业发展规划"), repeat))
    report("place_en, warm", median_ms(lambda: place_en("彭水苗族土家族自治县"), repeat))


if __name__ == "__main__":
    main()
