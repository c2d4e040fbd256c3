"""Batch export: each format round-trips the reference plan; failures become rows; SQLite re-runs merge."""
from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from plan_parser import PlanParseError
from plan_parser import export as export_module
from plan_parser.export import export, format_for, sqlite_schema
from plan_parser.frames import FRAMES, PLAN_TABLES
from test_frames import SAMPLE, SHA, SMALL, check_indicator_rows
from test_frames import frames, plan  # noqa: F401  (shared fixtures: the reference plan, parsed once)

ROOT = Path(__file__).resolve().parents[1]
DOCX = ROOT / "samples" / "tongliang_hrss_14th.docx"


@pytest.fixture()
def batch(tmp_path):
    """Five files, the broken ones in the middle: a .docx of random bytes and an empty .txt."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "a.txt")
    (folder / "b.docx").write_bytes(random.Random(7).randbytes(4096))
    (folder / "c.txt").write_bytes(b"")
    shutil.copy(SMALL, folder / "d.txt")
    shutil.copy(DOCX, folder / "e.docx")
    return folder


def batch_errors(folder: Path) -> list[tuple[str, str, str]]:
    return [(str(folder / "b.docx"), "binary", "binary data (NUL bytes), not a text plan"),
            (str(folder / "c.txt"), "empty", "the file is empty")]


def sqlite_rows(db: Path, table: str) -> list[dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(f'SELECT * FROM "frame_{table}" ORDER BY plan_id, ordinal')]


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in FRAMES}


# -- each format round-trips the reference plan ---------------------------------------

def test_sqlite_round_trip(tmp_path, plan, frames):
    db = tmp_path / "out.sqlite"
    summary = export([SAMPLE], db, jobs=1)
    assert (summary.format, summary.files, summary.exported, summary.errors) == ("sqlite", 1, 1, [])
    check_indicator_rows(sqlite_rows(db, "indicators"), plan)
    for table in FRAMES:  # the frame_<table> views give back each frame, column for column
        got = pd.read_sql(f'SELECT * FROM "frame_{table}"', sqlite3.connect(db))
        assert list(got.columns) == list(FRAMES[table])
        assert len(got) == len(frames.get(table, ())), table


def test_parquet_round_trip(tmp_path, plan, frames):
    out = tmp_path / "out.parquet"
    assert export([SAMPLE], out, jobs=1).format == "parquet"
    for table, expected in frames.items():
        pd.testing.assert_frame_equal(pd.read_parquet(out / f"{table}.parquet"), expected)
    check_indicator_rows(pd.read_parquet(out / "indicators.parquet").to_dict("records"), plan)
    assert len(pd.read_parquet(out / "errors.parquet")) == 0


def read_csv(folder: Path, table: str) -> pd.DataFrame:
    return pd.read_csv(folder / f"{table}.csv", encoding="utf-8-sig", dtype=FRAMES[table],
                       keep_default_na=False, na_values=[""])


def test_csv_round_trip(tmp_path, plan, frames):
    out = tmp_path / "csv"
    assert export([SAMPLE], f"{out}/", jobs=1).format == "csv"
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{t}.csv" for t in FRAMES] + ["_manifest.json"])
    raw = (out / "indicators.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfplan_id,source_path,ordinal,column,seq,")
    assert raw.count(b"\xef\xbb\xbf") == 1
    assert "城镇新增就业人数".encode("utf-8") in raw
    for table, expected in frames.items():
        pd.testing.assert_frame_equal(read_csv(out, table), expected)
    check_indicator_rows(read_csv(out, "indicators").to_dict("records"), plan)


def test_jsonl_round_trip(tmp_path, plan):
    out = tmp_path / "out.jsonl"
    export([SAMPLE, SMALL], out, jobs=1)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0]) == json.loads(plan.to_json())
    assert json.loads(lines[1])["meta"]["region"] == "某某省"
    assert "城镇新增就业人数" in lines[0]  # not \u-escaped


# -- batches with failures ----------------------------------------------------------

def test_batch_with_broken_files_exports_the_rest(batch):
    db = batch.parent / "out.sqlite"
    failed = []
    summary = export(batch, db, jobs=2, on_error=lambda *row: failed.append(row))
    assert (summary.files, summary.exported, summary.duplicates) == (5, 3, 0)
    assert summary.errors == failed == batch_errors(batch)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT path, code, reason FROM errors ORDER BY path").fetchall() == batch_errors(batch)
        assert conn.execute("SELECT path, format, region FROM plans ORDER BY path").fetchall() == [
            (str(batch / "a.txt"), "txt", "铜梁区"), (str(batch / "d.txt"), "txt", "某某省"),
            (str(batch / "e.docx"), "docx", "铜梁区")]
        per_plan = conn.execute("SELECT count(*) FROM indicators GROUP BY plan_id ORDER BY 1").fetchall()
        assert per_plan == [(34,), (34,)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_batch_errors_table_in_file_formats(batch, fmt):
    out = batch.parent / "out"
    summary = export(batch, out, format=fmt, jobs=2)
    if fmt == "parquet":
        errors, plans = (pd.read_parquet(out / f"{t}.parquet") for t in ("errors", "plans"))
    else:
        errors, plans = (read_csv(out, t) for t in ("errors", "plans"))
    assert list(errors.itertuples(index=False, name=None)) == batch_errors(batch) == summary.errors
    assert plans["path"].tolist() == [str(batch / n) for n in ("a.txt", "d.txt", "e.docx")]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "plan_parser", *args], capture_output=True, text=True,
                          env=env, timeout=60)


def test_cli_batch_reports_failures_and_exits_2(batch):
    db = batch.parent / "out.sqlite"
    out = run_cli("export", str(batch), "--to", str(db), "--jobs", "2")
    assert out.returncode == 2
    assert out.stderr.splitlines() == [f"plan-parser: {p}: {r}" for p, _, r in batch_errors(batch)]
    assert out.stdout == f"exported 3 of 5 files to {db} (sqlite), 2 failed\n"
    assert counts(db)["plans"] == 3


def test_cli_all_good_exits_0_and_help_names_exit_codes(tmp_path):
    out = run_cli("export", str(SAMPLE), str(SMALL), "--to", str(tmp_path / "x.jsonl"), "--jobs", "2")
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout == f"exported 2 of 2 files to {tmp_path / 'x.jsonl'} (jsonl)\n"
    help_text = run_cli("export", "--help").stdout
    assert "0  every file was parsed and exported" in help_text
    assert "2  some file could not be parsed" in help_text


def test_cli_usage_errors(tmp_path):
    out = run_cli("export", str(SAMPLE), "--to", str(tmp_path / "out.xlsx"))
    assert out.returncode == 2
    assert out.stderr == (f"plan-parser: {tmp_path / 'out.xlsx'}: cannot tell the export format: end --to with "
                          ".sqlite, .parquet or .jsonl, or with / for a directory of CSV files\n")
    assert run_cli("export", str(SAMPLE), "--to", "x.sqlite", "--jobs", "0").returncode == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    out = run_cli("export", str(empty), "--to", str(tmp_path / "x.sqlite"))
    assert (out.returncode, out.stderr) == (2, f"plan-parser: {empty}: no plan files found (.txt .docx .html .htm .md)\n")


# -- SQLite: re-runs, schema, joins ---------------------------------------------------

def test_second_run_onto_the_same_sqlite_changes_no_counts(batch):
    db = batch.parent / "out.sqlite"
    export(batch, db, jobs=2)
    first = counts(db)
    assert first == {"plans": 3, "sections": 19 + 8 + 19, "columns": 7 + 1 + 7, "indicators": 68,
                     "projects": 29 + 2 + 29, "project_quantities": first["project_quantities"],
                     "tasks": 35 + 2 + 35, "errors": 2}
    export(batch, db, jobs=2)
    assert counts(db) == first
    # A fixed file drops its error row and adds its plan; the other plans stay as they were.
    shutil.copy(SMALL, batch / "c.txt")
    summary = export(batch, db, jobs=1)
    assert summary.duplicates == 1  # c.txt now has the bytes of d.txt
    assert counts(db)["errors"] == 1 and counts(db)["plans"] == 3


def test_sqlite_replaces_a_plan_in_one_transaction(tmp_path):
    db = tmp_path / "out.sqlite"
    export([SAMPLE], db, jobs=1)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE indicators SET name = 'stale' WHERE ordinal = 1")
    export([SAMPLE], db, jobs=1)
    assert sqlite_rows(db, "indicators")[0]["name"] == "城镇新增就业人数"
    assert counts(db)["indicators"] == 34


def test_sqlite_join_indicators_to_plan_and_column_with_plain_sqlite3(tmp_path):
    db = tmp_path / "out.sqlite"
    export([SAMPLE, SMALL], db, jobs=1)
    conn = sqlite3.connect(db)
    row = conn.execute("""
        SELECT p.region, p.period_start, c.title, i.name, i.target_raw, i.target_base_value, i.target_unit
        FROM indicators i
        JOIN plans p ON p.plan_key = i.plan_key
        JOIN columns c ON c.plan_key = i.plan_key AND c.number = i."column"
        WHERE i.name = '城镇调查失业率'""").fetchall()
    assert row == [("铜梁区", 2021, "“十四五”时期主要指标", "城镇调查失业率", "<5.5", 5.5, "%")]
    # The same join on the frame_ views, by the frames' own key (plan_id).
    assert conn.execute("""
        SELECT p.region, p.period_start, c.title, i.name, i.target_raw, i.target_base_value, i.target_unit
        FROM frame_indicators i
        JOIN frame_plans p ON p.plan_id = i.plan_id
        JOIN frame_columns c ON c.plan_id = i.plan_id AND c.number = i."column"
        WHERE i.name = '城镇调查失业率'""").fetchall() == row
    per_column = conn.execute("""
        SELECT c.number, c.kind, count(*) FROM indicators i
        JOIN columns c ON c.plan_key = i.plan_key AND c.number = i."column"
        GROUP BY c.plan_key, c.number ORDER BY c.number""").fetchall()
    assert per_column == [(1, "indicators", 15), (2, "indicators", 19)]
    cum = conn.execute("SELECT count(*) FROM frame_indicators WHERE target_cumulative = 1 AND plan_id = ?", (SHA,))
    assert cum.fetchone() == (7,)  # 专栏2 rows 1, 4, 5, 11–14 are five-year totals
    assert conn.execute("PRAGMA user_version").fetchone() == (2,)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    keys = [(r[2], r[3], r[4]) for r in conn.execute("PRAGMA foreign_key_list(project_quantities)")]
    assert sorted(keys) == [("plans", "plan_key", "plan_key"), ("projects", "plan_key", "plan_key"),
                            ("projects", "project_ordinal", "ordinal")]
    indexes = {r[1] for r in conn.execute("PRAGMA index_list(indicators)")}
    assert {"indicators_plan_key_column_seq", "indicators_name"} <= indexes
    pk = [r[1] for r in sorted(conn.execute("PRAGMA table_info(indicators)"), key=lambda r: r[5]) if r[5]]
    assert pk == ["plan_key", "ordinal"]


def test_sqlite_of_another_layout_is_refused(tmp_path):
    db = tmp_path / "other.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE plans (id INTEGER)")
    with pytest.raises(PlanParseError) as info:
        export([SAMPLE], db, jobs=1)
    assert info.value.code == "unsupported_format"
    assert "table plans has other columns" in info.value.reason
    not_db = tmp_path / "notes.db"
    not_db.write_text("plain text, not a database " * 100, encoding="utf-8")
    with pytest.raises(PlanParseError) as info:
        export([SAMPLE], not_db, jobs=1)
    assert info.value.reason.startswith("cannot use as an SQLite database")


def test_schema_statements_create_every_table():
    conn = sqlite3.connect(":memory:")
    for statement in sqlite_schema():
        conn.execute(statement)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == set(FRAMES)
    views = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert views == {f"frame_{t}" for t in FRAMES}


# -- formats and options --------------------------------------------------------------

def test_format_from_target(tmp_path):
    assert [format_for(t) for t in ("a.sqlite", "a.DB", "a.parquet", "a.parquet/", "a.jsonl", "out/")] == [
        "sqlite", "sqlite", "parquet", "parquet", "jsonl", "csv"]
    assert format_for(str(tmp_path)) == "csv"
    with pytest.raises(PlanParseError):
        format_for("out")


def test_parquet_without_pyarrow_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(PlanParseError) as info:
        export([SAMPLE], tmp_path / "out.parquet", jobs=1)
    assert str(info.value) == (f"{tmp_path / 'out.parquet'}: Parquet export needs pyarrow: "
                               "pip install 'plan-parser[parquet]'")
    assert not (tmp_path / "out.parquet").exists()


def test_duplicate_files_in_a_batch_are_written_once(tmp_path):
    shutil.copy(SAMPLE, tmp_path / "a.txt")
    shutil.copy(SAMPLE, tmp_path / "b.txt")
    summary = export([tmp_path / "a.txt", tmp_path / "b.txt", SMALL], tmp_path / "x.jsonl", jobs=2)
    assert (summary.exported, summary.duplicates) == (2, 1)
    assert len((tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_progress_is_reported_per_file(tmp_path):
    seen = []
    export([SAMPLE, tmp_path / "missing.txt", SMALL], tmp_path / "x.jsonl", jobs=1,
           progress=lambda *a: seen.append(a))
    assert seen == [(1, 3, 0), (2, 3, 1), (3, 3, 1)]


def _crash_on_boom(path, payload="rows"):
    """Stands in for parse_one in forked workers: a hard crash (no exception) on one file."""
    if Path(path).name == "boom.txt":
        os._exit(1)
    return _real_parse_one(path, payload)


_real_parse_one = export_module.parse_one


def test_a_worker_that_dies_costs_one_file_not_the_batch(tmp_path, monkeypatch):
    for name, source in (("a.txt", SAMPLE), ("boom.txt", SMALL), ("c.txt", SMALL)):
        shutil.copy(source, tmp_path / name)
    (tmp_path / "c.txt").write_text(SMALL.read_text(encoding="utf-8") + "\n补充。\n", encoding="utf-8")
    monkeypatch.setattr(export_module, "parse_one", _crash_on_boom)
    summary = export(tmp_path, tmp_path / "out.jsonl", jobs=2)
    assert summary.errors == [(str(tmp_path / "boom.txt"), "internal",
                               "the worker process died while parsing this file")]
    assert summary.exported == 2


def test_unwritable_output_is_one_line_of_trouble(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    for target in (blocker / "out.jsonl", blocker / "csv", blocker / "out.parquet"):
        with pytest.raises(PlanParseError) as info:
            export([SAMPLE], target, format=None if target.suffix else "csv", jobs=1)
        assert info.value.reason == "cannot write here (Not a directory)"
