"""Tidy DataFrames: fixed columns and dtypes, values equal to the parsed model, lazy pandas."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from plan_parser import PlanParseError, load_plan
from plan_parser.frames import FRAMES, QUANTITY_COLUMNS, ROLES, plan_to_frames, read_plans
from reference_checks import indicator_dict
from reference_expected import COLUMNS, META, PROJECTS, TASKS, expected_indicators

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "tongliang_hrss_14th.txt"
SMALL = ROOT / "tests" / "data" / "parts_and_toc.txt"
SHA = "5f7fcfd83d95fb1dd199a4dde0e41ad0835970bb6bb2b159668f6876195d6d54"


@pytest.fixture(scope="module")
def plan():
    return load_plan(SAMPLE)


@pytest.fixture(scope="module")
def frames(plan):
    return plan_to_frames(plan)


def indicator_from_row(row: dict) -> dict:
    """Rebuild the contract's indicator dict from a flat row (any export format's row)."""
    def cell(name):
        value = row[name]
        return None if value is None or value != value else value  # NaN/NA -> None

    def quantity(role):
        if cell(f"{role}_kind") is None:
            return None
        q = {name: cell(f"{role}_{name}") for name in QUANTITY_COLUMNS}
        q["parts"] = json.loads(q["parts"]) if q["parts"] else None
        q["cumulative"] = bool(q["cumulative"])
        q.pop("kind")
        return {"raw": q.pop("raw"), "kind": cell(f"{role}_kind"), **q}

    out = {name: cell(name) for name in ("column", "seq", "category", "name", "unit", "parent_seq",
                                         "attribute", "attribute_code")}
    out.update({role: quantity(role) for role in ROLES})
    return out


def check_indicator_rows(rows: list[dict], plan) -> None:
    """Every value of every indicator row equals the parsed model and the hand-written expectation."""
    got = [indicator_from_row(r) for r in rows]
    assert got == [indicator_dict(i) for i in plan.indicators]
    assert got == expected_indicators()


def frame_rows(df) -> list[dict]:
    return df.astype(object).where(df.notna(), None).to_dict("records")


def test_indicator_frame_has_every_value_of_the_model(frames, plan):
    check_indicator_rows(frame_rows(frames["indicators"]), plan)


def test_indicator_frame_carries_english_labels_beside_chinese(frames, plan):
    df = frames["indicators"]
    assert df["name_en"].tolist() == [i.name_en for i in plan.indicators]
    assert df["category_en"].tolist() == [i.category_en for i in plan.indicators]
    names = list(df.columns)
    assert names.index("name_en") == names.index("name") + 1


def test_indicator_frame_cells(frames):
    row = frames["indicators"].set_index(["column", "seq"]).loc[(2, 4)]
    assert row["name"] == "开展补贴性职业培训人次"
    assert (row["baseline_raw"], row["baseline_value"], row["baseline_base_value"]) == ("[ 2.39]", 2.39, 23900.0)
    assert (row["baseline_unit"], row["baseline_base_unit"], row["baseline_year"]) == ("万人次", "人次", 2020)
    assert bool(row["target_cumulative"]) is True and row["target_year"] == 2025
    assert row["actual_raw"] is pd.NA and row["actual_cumulative"] is pd.NA
    ratio = frames["indicators"].set_index(["column", "seq"]).loc[(1, 12)]
    assert json.loads(ratio["baseline_parts"]) == [0.9, 4.4, 4.7]


def test_every_frame_is_tagged_with_plan_id_and_path(frames):
    for name, df in frames.items():
        assert df["plan_id"].tolist() == [SHA] * len(df), name
        column = "path" if name == "plans" else "source_path"
        assert set(df[column]) == {str(SAMPLE)}, name


def test_plans_frame(frames):
    row = frame_rows(frames["plans"])[0]
    assert {k: row[k] for k in META} == META
    assert (row["plan_id"], row["format"], row["encoding"], row["schema_version"]) == (SHA, "txt", "utf-8", "1")


def test_columns_projects_tasks_sections(frames):
    cols = frames["columns"]
    assert list(zip(cols["number"], cols["title"], cols["kind"], cols["chapter"], cols["section"])) == COLUMNS
    assert json.loads(cols["notes"][1]) == ["注：[ ]内为五年累计值。"]
    assert cols["notes"][2:].isna().all()

    projects = frames["projects"]
    assert {c: projects.loc[projects["column"] == c, "title"].tolist() for c in PROJECTS} == PROJECTS
    assert projects["ordinal"].tolist() == list(range(1, 30))

    tasks = frames["tasks"]
    got: dict[tuple, list[str]] = {}
    for chapter, section, title in zip(tasks["chapter"], tasks["section"], tasks["title"]):
        got.setdefault((chapter, section), []).append(title)
    assert got == TASKS

    sections = frames["sections"]
    assert sections["level"].value_counts().to_dict() == {"section": 16, "chapter": 3}
    chapter2 = sections[(sections["chapter"] == 2) & sections["section"].isna()]
    assert chapter2["title"].tolist() == ["重点任务"]


def test_project_quantities(frames):
    pq = frames["project_quantities"]
    first = pq[pq["project_ordinal"] == 1]
    assert list(zip(first["seq"], first["raw"], first["value"], first["unit"], first["base_value"],
                    first["base_unit"], first["context"])) == [
        (1, "1个", 1.0, "个", 1.0, "个", "培育1个农民工劳务培训基地"),
        (2, "3万人", 3.0, "万人", 30000.0, "人", "回引农民工3万人")]
    assert len(pq) == sum(len(p.quantities) for p in load_plan(SAMPLE).projects)


def test_frames_keep_columns_and_dtypes_for_a_plan_without_indicators():
    small = plan_to_frames(load_plan(SMALL))
    assert set(small) == set(FRAMES) - {"errors"}
    for name, df in small.items():
        assert list(df.columns) == list(FRAMES[name]), name
        assert [str(t) for t in df.dtypes] == list(FRAMES[name].values()), name
    assert len(small["indicators"]) == 0
    assert (len(small["projects"]), len(small["tasks"]), len(small["sections"])) == (2, 2, 8)
    assert small["sections"]["level"].tolist() == ["part", "chapter", "section", "chapter", "part",
                                                   "chapter", "section", "section"]
    # A few declared types spelled out, so that a silent change to FRAMES fails here.
    dtypes = small["indicators"].dtypes
    assert (str(dtypes["seq"]), str(dtypes["target_value"]), str(dtypes["target_cumulative"]),
            str(dtypes["name_en"]), str(dtypes["baseline_year"])) == ("Int64", "Float64", "boolean", "string", "Int64")
    assert list(small["indicators"].columns[:12]) == [
        "plan_id", "source_path", "ordinal", "column", "seq", "category", "category_en", "name",
        "name_en", "unit", "unit_en", "parent_seq"]


def documented_frames() -> dict[str, dict[str, str]]:
    """The column tables of docs/export.md, each ``<role>_field`` row expanded to the three roles."""
    out: dict[str, dict[str, str]] = {}
    current = None
    for line in (ROOT / "docs" / "export.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            m = re.match(r"^### `(\w+)`", line)
            current = out.setdefault(m.group(1), {}) if m else None
            continue
        m = re.match(r"^\| `([\w<>]+)` \| `(\w+)` \|", line)
        if m and current is not None:
            column, dtype = m.groups()
            current.update({column.replace("<role>", role): dtype for role in ROLES})
    return out


def test_docs_list_every_column_with_its_dtype():
    assert documented_frames() == FRAMES


def test_read_plans_many_files_and_globs(tmp_path):
    shutil.copy(SAMPLE, tmp_path / "a.txt")
    (tmp_path / "sub").mkdir()
    shutil.copy(SMALL, tmp_path / "sub" / "b.txt")
    (tmp_path / "sub" / "notes.csv").write_text("not a plan", encoding="utf-8")
    frames = read_plans(str(tmp_path / "**" / "*.txt"))
    assert frames["plans"]["path"].tolist() == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")]
    assert frames["plans"]["title"].tolist() == [
        "重庆市铜梁区人力资源和社会保障事业发展“十四五”规划（2021—2025年）", "某某省人力资源和社会保障事业发展“十四五”规划"]
    assert len(frames["indicators"]) == 34 and len(frames["projects"]) == 31
    assert frames["projects"].groupby("plan_id").size().to_dict() == {
        SHA: 29, load_plan(SMALL).source.sha256: 2}
    assert len(frames["errors"]) == 0
    # A directory is searched for plan files only: notes.csv is not read.
    assert read_plans(tmp_path)["plans"]["path"].tolist() == frames["plans"]["path"].tolist()


def test_read_plans_errors(tmp_path):
    shutil.copy(SMALL, tmp_path / "b.txt")
    (tmp_path / "a.txt").write_bytes(b"")
    with pytest.raises(PlanParseError) as info:
        read_plans([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert (info.value.path, info.value.code) == (str(tmp_path / "a.txt"), "empty")
    frames = read_plans(tmp_path, on_error="collect")
    assert frame_rows(frames["errors"]) == [{"path": str(tmp_path / "a.txt"), "code": "empty",
                                             "reason": "the file is empty"}]
    assert frames["plans"]["path"].tolist() == [str(tmp_path / "b.txt")]


def _run(code: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)


def test_import_does_not_load_pandas():
    out = _run("import sys, plan_parser, plan_parser.frames; import plan_parser.export; "
               "f = plan_parser.read_plans; "
               "print(f.__module__, 'pandas' in sys.modules, 'pyarrow' in sys.modules)")
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["plan_parser.frames", "False", "False"]


def test_pdf_items_carry_their_page():
    """The reference plan's PDF (LibreOffice print of the docx): each 专栏 heading's page, read off
    the PDF with pdftotext — 专栏1 p. 2, 专栏2 p. 4, 专栏3 p. 6, 专栏4 p. 8, 专栏5 p. 9, 专栏6 p. 11, 专栏7 p. 12."""
    pytest.importorskip("pypdfium2")
    frames = plan_to_frames(load_plan(ROOT / "samples" / "tongliang_hrss_14th.pdf"))
    columns = frames["columns"]
    assert dict(zip(columns["number"], columns["loc_page"])) == {1: 2, 2: 4, 3: 6, 4: 8, 5: 9, 6: 11, 7: 12}
    indicators = frames["indicators"].set_index(["column", "seq"])
    assert indicators.loc[(2, 1), ["name", "loc_page"]].tolist() == ["城镇新增就业人数", 4]
    assert frames["plans"]["format"].tolist() == ["pdf"]
    assert frames["tasks"]["loc_line"].isna().all()
