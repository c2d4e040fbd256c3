"""山东省“十四五”教育事业发展规划 (../shared/real/shandong_14th_education_plan.txt, a real web page
as text): 一、…十一、 chapters and （一） run-in sections whose text follows on the same line.
Expectations written by reading the file.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from plan_parser import load_plan
from plan_parser.readers.text import decode_text

from reference_checks import assert_nothing_lost

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "real" / "shandong_14th_education_plan.txt"
pytestmark = pytest.mark.skipif(not SOURCE.exists(), reason=f"real documents not found at {SOURCE.parent} "
                                "(CI clones ../shared beside the repository)")

CHAPTERS = [  # lines 7, 37, 53, 73, 89, 99, 111, 121, 135, 149, 165
    "总体要求", "全面落实立德树人根本任务", "系统构建高质量教育体系", "着力提升人才培养质量",
    "努力建设高素质专业化创新型教师队伍", "加快完善高校科技创新体系", "持续推动信息化时代的教育创新",
    "积极开创教育合作交流新格局", "建立健全具有山东特色的教育评价体系", "不断推进教育治理体系和治理能力现代化",
    "强化组织领导和实施",
]


@pytest.fixture(scope="module")
def plan():
    return load_plan(SOURCE)


def test_chapters_and_run_in_sections(plan):
    assert [(c.number, c.title) for c in plan.chapters] == list(enumerate(CHAPTERS, start=1))
    first = plan.chapters[0].sections
    assert [(s.number, s.title) for s in first] == [(1, "指导思想"), (2, "基本原则"), (3, "发展目标")]
    # （一）指导思想。高举… : the text after the run-in title is the section's first paragraph
    assert first[0].paragraphs[0].text.startswith("高举中国特色社会主义伟大旗帜")
    last = plan.chapters[-1].sections
    assert [s.title for s in last] == ["加强党对教育工作的全面领导", "统筹推进规划目标和任务落实"]


def test_meta_and_nothing_lost(plan):
    assert plan.meta.title == "山东省“十四五”教育事业发展规划"
    assert (plan.meta.period_start, plan.meta.period_end) == (2021, 2025)
    assert plan.columns == [] and plan.indicators == []  # its targets are written in prose
    assert_nothing_lost(plan, decode_text(SOURCE.read_bytes())[0])
