"""Notebook display: the HTML cards (each under 30 kB), the DataFrames, and docs/example.ipynb run
headless (nbclient) with its outputs checked against values read off the sample plans by hand."""
from __future__ import annotations

from pathlib import Path

import pytest

from plan_parser import check_plan, compare_plans, diff_plans, load_plan

from test_diff import SAMPLE, edited_text

ROOT = Path(__file__).resolve().parents[1]
CITY = ROOT / "samples" / "constructed_city_chongqing_hrss_14th.txt"
DISTRICT = ROOT / "samples" / "constructed_district_rongchang_hrss_14th.txt"
LIMIT = 30_000  # bytes of HTML per card (issue 13: a Plan displayed as 71,502 characters, a diff 107,942)


@pytest.fixture(scope="module")
def plan():
    return load_plan(SAMPLE)


@pytest.fixture(scope="module")
def diff(plan):
    return diff_plans(plan, load_plan(edited_text().encode("utf-8"), format="txt"))


def test_plan_card(plan):
    card = plan._repr_html_()
    assert len(card.encode("utf-8")) < LIMIT
    assert "重庆市铜梁区人力资源和社会保障事业发展“十四五”规划（2021—2025年）" in card
    assert "铜梁区 (区) · 2021–2025 · issued 2022-07-04" in card
    assert "34 indicators" in card and "城镇新增就业人数" in card
    assert card.count("<h4>") == 2  # 专栏1 (the review table) and 专栏2 (the main table)


def test_diff_card_and_frame(diff):
    card = diff._repr_html_()
    assert len(card.encode("utf-8")) < LIMIT
    assert "matched 31 · only_left 3 · only_right 2 · changed 4 · renamed 1" in card
    assert "indicators that differ (10)" in card
    frame = diff.to_frame()
    assert len(frame) == 36
    row = frame[frame["changed_fields"] == "target"].iloc[0]
    assert (row["left"], row["left_target"], row["right_target"], row["direction"]) == (
        "2#2 城镇调查失业率", "<5.5 %", "<6 %", "looser")
    assert len(diff.to_frame("tasks")) == 35
    with pytest.raises(ValueError):
        diff.to_frame("nothing")


def test_check_card_and_frame(plan):
    result = check_plan(plan)
    card = result._repr_html_()
    assert len(card.encode("utf-8")) < LIMIT
    assert "outcome: inconsistent · disagree 1 · agree 24 · only_left 29 · only_right 28" in card
    frame = result.to_frame()
    assert len(frame) == 82
    first = frame.iloc[0]
    assert (first["status"], first["left_name"], first["left_value"], first["right_value"]) == (
        "disagree", "劳动人事争议仲裁结案率", "96", "95")


def test_compare_card(plan):
    panel = compare_plans([load_plan(CITY), load_plan(DISTRICT), plan])
    card = panel._repr_html_()
    assert len(card.encode("utf-8")) < LIMIT
    assert "[5] (1.4%)" in card and "&lt;5 weaker" in card  # 城镇新增就业人数; 城镇登记失业率 <5 vs the city's <4.5


def test_big_diff_card_stays_small(plan):
    """A plan against an unrelated one: every row differs, and the card still shows at most 40 per list."""
    card = diff_plans(plan, load_plan(CITY))._repr_html_()
    assert len(card.encode("utf-8")) < LIMIT and "… and" in card


def test_example_notebook_runs():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(ROOT / "docs" / "example.ipynb", as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT / "docs")}}).execute()
    outputs = {}
    for n, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        assert not [o for o in cell.outputs if o.output_type == "error"], cell.source
        result = next((o for o in cell.outputs if o.output_type == "execute_result"), None)
        outputs[n] = result.data if result else {}
    assert "铜梁区 (区) · 2021–2025" in outputs[0]["text/html"]  # the plan card
    assert "城镇新增就业人数" in outputs[1]["text/plain"]  # the indicators frame
    assert outputs[2]["text/plain"] == "{'matched': 8, 'only_left': 0, 'only_right': 0, 'changed': 7, 'renamed': 0}"
    assert "plans of different levels: counts are compared by share" in outputs[3]["text/html"]
    assert "0.014286" in outputs[4]["text/plain"]  # [5]万 of [350]万
    assert "0.014286" in outputs[5]["text/plain"] and "<5.5" in outputs[5]["text/plain"]
    assert " ".join(outputs[6]["text/plain"].split()) == (
        "('inconsistent', {'disagree': 1, 'agree': 24, 'only_left': 29, 'only_right': 28})")
    assert "劳动人事争议仲裁结案率" in outputs[7]["text/plain"]
    assert outputs[8]["text/plain"] == "True"
