"""The command line's promises: one line on stderr naming the file, exit 2, no traceback,
and a batch that goes on past a bad file."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "tongliang_hrss_14th.txt"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "plan_parser", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd)


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "the file is empty"),
    ("binary.txt", b"\x00\x01\x02\x03" * 50, "binary data (NUL bytes), not a text plan"),
    ("prose.txt", "今天天气很好。\n".encode("utf-8"),
     "no plan structure found: no 第X章/第X节 headings and no 专栏 tables"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
     "a legacy Word .doc (OLE2) file; save it as .docx"),
    ("letter.rtf", b"{\\rtf1\\ansi hello}", "an RTF file; save it as .docx"),
])
def test_not_a_plan_is_one_line_and_exit_2(name, content, reason, tmp_path):
    path = tmp_path / name
    path.write_bytes(content)
    out = run("parse", path)
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr == f"plan-parser: {path}: {reason}\n"


def test_batch_goes_on_past_a_bad_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = run("parse", bad, SAMPLE, "--format", "json")
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and str(bad) in out.stderr
    assert [json.loads(line)["meta"]["region"] for line in out.stdout.splitlines()] == ["铜梁区"]


def test_size_limit_is_configurable(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(SAMPLE.read_bytes() * 30)  # ~1.6 MB
    out = run("parse", big, "--max-size", "1")
    assert out.returncode == 2
    assert out.stderr == f"plan-parser: {big}: file is {big.stat().st_size:,} bytes, over the 1,048,576-byte limit\n"


def test_usage_errors_are_one_line_and_exit_2():
    out = run("parse")
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr == ("plan-parser parse: error: the following arguments are required: FILE "
                          "(see plan-parser parse --help)\n")
    out = run("parse", SAMPLE, "--format", "yaml")
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "invalid choice: 'yaml'" in out.stderr
    out = run("parse", SAMPLE, "--max-size", "0")
    assert out.returncode == 2
    assert out.stderr == ("plan-parser parse: error: argument --max-size: must be more than 0 megabytes, "
                          "not 0 (see plan-parser parse --help)\n")


def test_unwritable_output_names_the_target(tmp_path):
    target = tmp_path / "missing-folder" / "plan.json"
    out = run("parse", SAMPLE, "-o", target)
    assert (out.returncode, out.stderr) == (2, f"plan-parser: {target}: cannot write here (No such file or directory)\n")


def test_several_files_as_json_lines(tmp_path):
    other = Path(__file__).parent / "data" / "parts_and_toc.txt"
    out = run("parse", SAMPLE, other, "--format", "json")
    lines = out.stdout.splitlines()
    assert out.returncode == 0 and len(lines) == 2
    assert [json.loads(line)["source"]["path"] for line in lines] == [str(SAMPLE), str(other)]


def test_missing_file(tmp_path):
    out = run("parse", tmp_path / "nope.txt")
    assert (out.returncode, out.stderr) == (2, f"plan-parser: {tmp_path / 'nope.txt'}: no such file\n")


def test_output_file_and_python_m(tmp_path):
    target = tmp_path / "plan.json"
    out = run("parse", SAMPLE, "-o", target)
    assert out.returncode == 0 and out.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == "1"


def test_file_name_that_is_not_utf8_gives_valid_utf8_output(tmp_path):
    """A GBK-named file: the JSON and the error line show the name's odd bytes as \\xNN,
    never write invalid UTF-8 (the process's output is checked as bytes)."""
    import os

    if sys.platform == "win32":
        pytest.skip("POSIX file names are bytes")
    folder = os.fsencode(tmp_path)
    good = folder + b"/\xb9\xe6\xbb\xae.txt"  # 规划 in GBK
    bad = folder + b"/\xb9\xe6.txt"
    with open(good, "wb") as f:
        f.write(SAMPLE.read_bytes())
    with open(bad, "wb") as f:
        f.write(b"")
    out = subprocess.run([sys.executable, "-m", "plan_parser", "parse", good, bad, "--format", "json"],
                         capture_output=True)
    assert out.returncode == 2
    shown = f"{tmp_path}/\\xb9滮.txt"  # \xe6\xbb\xae happens to be valid UTF-8: 滮
    assert json.loads(out.stdout.decode("utf-8"))["source"]["path"] == shown
    assert out.stderr.decode("utf-8") == f"plan-parser: {tmp_path}/\\xb9\\xe6.txt: the file is empty\n"


def test_a_bug_raises_in_the_library_and_is_one_line_naming_the_file_in_the_cli(monkeypatch, capsys):
    """The library knows no command line: an unexpected exception keeps its type and traceback
    there; only the CLI folds it into one line (its message's newline too) naming the file."""
    import plan_parser.builder
    from plan_parser import load_plan
    from plan_parser.cli import main

    def broken(*args, **kwargs):
        raise RuntimeError("first line\nsecond line")

    monkeypatch.setattr(plan_parser.builder, "build_plan", broken)
    monkeypatch.delenv("PLAN_PARSER_DEBUG", raising=False)
    with pytest.raises(RuntimeError):
        load_plan(SAMPLE)
    assert main(["parse", str(SAMPLE)]) == 2
    assert capsys.readouterr().err == (f"plan-parser: {SAMPLE}: internal error: RuntimeError: first line second "
                                       "line (set PLAN_PARSER_DEBUG=1 for details)\n")


def test_memory_exhaustion_names_the_file(monkeypatch):
    import plan_parser.builder
    from plan_parser import PlanParseError, load_plan

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(plan_parser.builder, "build_plan", exhausted)
    with pytest.raises(PlanParseError) as caught:
        load_plan(SAMPLE)
    assert (caught.value.path, caught.value.code, caught.value.reason) == (
        str(SAMPLE), "too_large", "ran out of memory reading this input")


def test_output_encoding_that_cannot_hold_chinese_is_one_line_naming_stdout():
    import os

    out = subprocess.run([sys.executable, "-m", "plan_parser", "parse", str(SAMPLE), "--format", "table"],
                         capture_output=True, env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert (out.returncode, out.stdout) == (2, b"")
    assert out.stderr.decode() == ("plan-parser: <stdout>: cannot write Chinese text in the output's encoding "
                                   "(ascii); set PYTHONIOENCODING=utf-8 or write to a file with -o\n")
