"""山东省“十三五”科技创新规划 (../shared/real/shandong_13th_scitech_plan_TRUNCATED.txt, a real
document cut off at 32,767 characters): plain text with ideographic-space indents and 16 boxes
``专栏N：title`` whose items are written ``1.…``.  Expectations written by reading the file.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from plan_parser import load_plan
from plan_parser.readers.text import decode_text

from reference_checks import assert_nothing_lost

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "real" / "shandong_13th_scitech_plan_TRUNCATED.txt"
pytestmark = pytest.mark.skipif(not SOURCE.exists(), reason=f"real documents not found at {SOURCE.parent} "
                                "(CI clones ../shared beside the repository)")

# 专栏 number -> (title, number of items 1. 2. …), lines 65–439 of the file
COLUMNS = {
    1: ("目标导向的基础前沿研究", 7), 2: ("前瞻性技术", 12), 3: ("现代农业技术", 7), 4: ("新一代信息技术", 8),
    5: ("新材料技术", 6), 6: ("清洁能源与新能源技术", 4), 7: ("生物技术", 4), 8: ("海洋技术", 5),
    9: ("先进制造技术", 10), 10: ("现代服务技术", 4), 11: ("生命健康技术", 6), 12: ("绿色发展关键技术", 4),
    13: ("智慧绿色低碳城镇化技术", 3), 14: ("公共安全技术", 5), 15: ("重大科技创新工程", 16),
    16: ("山东半岛国家自主创新示范区各高新区发展定位", 0),
}


@pytest.fixture(scope="module")
def plan():
    return load_plan(SOURCE)


def test_sixteen_boxes_and_their_items(plan):
    assert [(c.number, c.title) for c in plan.columns] == [(n, t) for n, (t, _) in COLUMNS.items()]
    counts = {n: 0 for n in COLUMNS}
    for p in plan.projects:
        counts[p.column] += 1
    assert counts == {n: k for n, (_, k) in COLUMNS.items()}
    titles = {(p.column, p.seq): p.title for p in plan.projects}
    assert titles[(1, 1)] == "海洋科学"
    assert titles[(2, 12)] == "储能技术"
    assert titles[(3, 3)] == "“互联网+农业”技术"
    assert titles[(15, 1)] == "透明海洋"


def test_unnumbered_box_keeps_its_paragraphs(plan):
    box = plan.columns[15]
    assert box.kind == "other"
    assert [b.text[:5] for b in box.paragraphs] == ["济南高新区", "青岛高新区", "淄博高新区", "潍坊高新区",
                                                    "烟台高新区", "威海高新区"]


def test_period_and_nothing_lost(plan):
    assert (plan.meta.period_start, plan.meta.period_end) == (2016, 2020)
    assert_nothing_lost(plan, decode_text(SOURCE.read_bytes())[0])
