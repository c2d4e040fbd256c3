"""Hostile input is refused or read within bounded time and memory, never by exhausting them.

Every input is CONSTRUCTED here, cheaply: a sparse file for the size limit, zip members
written in streamed 1 MB chunks for the bombs.  Memory is measured in a subprocess
(the kernel's peak-RSS mark of its own memory image), where the test run's own
history does not count.  No test here asserts a duration: a subprocess timeout only
guards against a hang; how long these inputs take is measured in
``benchmarks/run.py`` (its ``limits`` group).
"""
from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from limits_child import child_script
from plan_parser import PlanParseError, load_plan
from plan_parser.settings import DEFAULTS, Settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "tongliang_hrss_14th.txt"
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
MB = 1024 * 1024
HEAD = "某某区就业“十四五”规划（2021—2025年）\n\n第一章  总体要求\n\n第一节  主要目标\n\n"

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>')


def run_cli(*args, stdin=None, timeout: int = 120) -> subprocess.CompletedProcess:
    """The CLI in a subprocess; the timeout only guards against a hang."""
    return subprocess.run([sys.executable, "-m", "plan_parser", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=ENV, timeout=timeout, stdin=stdin)


def refused(source, **kwargs) -> PlanParseError:
    with pytest.raises(PlanParseError) as caught:
        load_plan(source, **kwargs)
    return caught.value


# -- (1) the size limit ----------------------------------------------------------------

@pytest.fixture
def sparse_60mb(tmp_path) -> Path:
    """60 MB on paper, no disk blocks: a hole reads as NUL bytes."""
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(60 * MB)
    return path


def test_file_over_the_default_limit_is_refused_unread(sparse_60mb, monkeypatch):
    """Refused on its size alone: opening it would fail this test."""
    import plan_parser.api

    def opened(path):
        raise AssertionError(f"{path} was opened")

    monkeypatch.setattr(plan_parser.api, "_open_nonblocking", opened)
    error = refused(sparse_60mb)
    assert (error.code, error.path) == ("too_large", str(sparse_60mb))
    assert error.reason == "file is 62,914,560 bytes, over the 52,428,800-byte limit"
    assert DEFAULTS.max_bytes == 50 * MB


def test_file_object_is_read_no_further_than_the_limit(sparse_60mb):
    with open(sparse_60mb, "rb") as f:
        error = refused(f, max_bytes=1000)
        assert f.tell() == 1001  # one byte past the limit proves it is over
    assert (error.code, error.path, error.reason) == ("too_large", str(sparse_60mb),
                                                      "input is over the 1,000-byte limit")


def test_limit_is_configurable():
    size = SAMPLE.stat().st_size
    error = refused(SAMPLE, max_bytes=size - 1)
    assert (error.code, error.reason) == ("too_large", f"file is {size:,} bytes, over the {size - 1:,}-byte limit")
    assert refused(SAMPLE.read_bytes(), max_bytes=size - 1).reason == f"input is over the {size - 1:,}-byte limit"
    assert load_plan(SAMPLE, max_bytes=size).meta.region == "铜梁区"  # the limit itself is allowed
    assert refused(SAMPLE, settings=Settings(max_bytes=size - 1)).code == "too_large"
    assert load_plan(SAMPLE, settings=Settings(max_bytes=size)).meta.region == "铜梁区"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_device_is_read_no_further_than_the_limit():
    """/dev/zero states a size of 0: the limit holds by counting what is read."""
    error = refused("/dev/zero", max_bytes=1000)
    assert (error.code, error.path, error.reason) == ("too_large", "/dev/zero", "input is over the 1,000-byte limit")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_without_a_writer_does_not_hang(tmp_path):
    fifo = tmp_path / "plan.fifo"
    os.mkfifo(fifo)
    out = run_cli("parse", fifo, timeout=60)
    assert (out.returncode, out.stdout, out.stderr) == (2, "", f"plan-parser: {fifo}: the file is empty\n")


def test_stdin_is_read_on_purpose_with_a_dash():
    with open(SAMPLE, "rb") as stdin:
        out = run_cli("parse", "-", "--format", "json", stdin=stdin)
    assert out.returncode == 0, out.stderr
    plan = json.loads(out.stdout)
    assert (plan["source"]["path"], plan["meta"]["region"], len(plan["indicators"])) == ("<stdin>", "铜梁区", 34)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_stdin_is_refused_at_the_limit():
    with open("/dev/zero", "rb") as stdin:
        out = run_cli("parse", "-", "--max-size", "1", stdin=stdin)
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr == "plan-parser: <stdin>: input is over the 1,048,576-byte limit\n"


def test_cli_refuses_an_oversized_file_in_one_line(sparse_60mb):
    out = run_cli("parse", sparse_60mb, "--format", "json")
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr == f"plan-parser: {sparse_60mb}: file is 62,914,560 bytes, over the 52,428,800-byte limit\n"


# -- (2) zip bombs and (3) entity expansion in a .docx -----------------------------------

def write_docx(path: Path, document: bytes | None = None, *, zeros_mb: int = 0) -> Path:
    """A minimal .docx; its word/document.xml is ``document`` or ``zeros_mb`` MB of NUL bytes
    streamed in 1 MB chunks (deflate shrinks them about 1000:1)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", PACKAGE_RELS)
        if document is not None:
            package.writestr("word/document.xml", document)
        else:
            chunk = bytes(MB)
            with package.open("word/document.xml", "w") as member:
                for _ in range(zeros_mb):
                    member.write(chunk)
    return path


def measured(path: Path) -> dict:
    """``load_plan(path)`` in a fresh interpreter (:mod:`limits_child`): outcome, seconds and
    ``growth_mb``, the peak-RSS growth in MB, with the readers and their libraries loaded first."""
    script = child_script(["docx", "lxml.etree", "lxml.html", "plan_parser.api", "plan_parser.builder",
                           "plan_parser.readers.docx", "plan_parser.readers.html"])
    if not Path("/proc/self/status").exists():
        pytest.skip("peak RSS is read from /proc (Linux)")
    out = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True,
                         env=ENV, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.mark.parametrize("zeros_mb", [300, 50])
def test_zip_bomb_is_refused_by_its_declared_size(zeros_mb, tmp_path):
    """300 MB is over the 200 MB part limit; 50 MB is under it but inflates 1000:1 (limit 500:1)."""
    path = write_docx(tmp_path / "bomb.docx", zeros_mb=zeros_mb)
    info = zipfile.ZipFile(path).getinfo("word/document.xml")
    assert path.stat().st_size < zeros_mb * MB / 500
    result = measured(path)
    assert (result["code"], result["reason"]) == (
        "too_large", f"word/document.xml would inflate to {zeros_mb * MB:,} bytes "
                     f"(ratio {info.file_size / info.compress_size:.0f}:1); refusing a possible zip bomb")
    assert result["growth_mb"] < 200


def lie_about_size(path: Path, member: str, declared: int, crc: int | None = None) -> None:
    """Rewrite ``member``'s uncompressed size (and CRC, if given) in its local header and
    central directory entry."""
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(member)
    assert data[info.header_offset:info.header_offset + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, info.header_offset + 22, declared)
    entry = data.find(b"PK\x01\x02")  # the central directory entry pointing at that header
    while struct.unpack_from("<I", data, entry + 42)[0] != info.header_offset:
        entry = data.find(b"PK\x01\x02", entry + 1)
    struct.pack_into("<I", data, entry + 24, declared)
    if crc is not None:
        struct.pack_into("<I", data, info.header_offset + 14, crc)
        struct.pack_into("<I", data, entry + 16, crc)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("forged_crc", [False, True], ids=["crc-of-the-whole", "crc-forged-to-match"])
def test_zip_bomb_that_understates_its_size_is_refused_in_bounded_memory(forged_crc, tmp_path):
    """A member declared as 1 MB that inflates to 300 MB: with its CRC of the whole it fails
    the checksum; with a CRC forged to match its first 1 MB it passes every check a zip
    offers.  Either way no more than the declared size is ever inflated (zipfile's
    one-call read would ask zlib for 2 GB at once), so memory stays bounded."""
    path = write_docx(tmp_path / "liar.docx", zeros_mb=300)
    lie_about_size(path, "word/document.xml", MB, crc=zlib.crc32(bytes(MB)) if forged_crc else None)
    assert zipfile.ZipFile(path).getinfo("word/document.xml").file_size == MB
    result = measured(path)
    assert result["code"] == "corrupt"
    assert result["growth_mb"] < 100


def docx_with_entities(tmp_path: Path, doctype: str, middle: str) -> Path:
    paragraphs = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in ("第一章  总体要求", middle,
                                                                                   "第一节  主要目标"))
    document = (f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [{doctype}]>'
                f"<w:document {W_NS}><w:body>{paragraphs}</w:body></w:document>")
    return write_docx(tmp_path / "entities.docx", document.encode("utf-8"))


LAUGHS = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))


@pytest.mark.parametrize("doctype, middle", [
    (LAUGHS, "&lol9;"),  # billion laughs: 10^9 copies of "lol"
    (f'<!ENTITY a "{"A" * 50_000}">', "&a;" * 50_000),  # quadratic blowup: 2.5 GB of "A"
], ids=["billion-laughs", "quadratic-blowup"])
def test_entity_expansion_is_refused_at_once(doctype, middle, tmp_path):
    """libxml2's amplification guard stops the parse; the reader reports a damaged file."""
    path = docx_with_entities(tmp_path, doctype, middle)
    result = measured(path)
    assert result["code"] == "corrupt"
    assert result["reason"].startswith("a damaged .docx (XMLSyntaxError: Maximum entity amplification factor exceeded")
    assert result["growth_mb"] < 100


def test_entities_are_never_resolved(tmp_path):
    """A small internal entity and an external one (XXE) are both dropped, the text around them kept."""
    path = docx_with_entities(tmp_path, '<!ENTITY x "内部实体"><!ENTITY xxe SYSTEM "file:///etc/passwd">',
                              "前&x;中&xxe;后")
    plan = load_plan(path)
    assert [b.text for b in plan.chapters[0].paragraphs] == ["前中后"]
    assert [(s.number, s.title) for s in plan.sections] == [(1, "主要目标")]


# -- (4) HTML nested thousands deep ------------------------------------------------------

def deep_html(tmp_path: Path, depth: int = 100_000) -> Path:
    path = tmp_path / "deep.html"
    path.write_text("<html><body><p>第一章  总体要求</p>" + "<div>" * depth + "<p>第一节  深处的节</p>"
                    + "</div>" * depth + "<p>第二节  外面的节</p></body></html>", encoding="utf-8")
    return path


def test_deeply_nested_html_is_refused_in_bounded_time(tmp_path):
    """No RecursionError and no stall; and no silent loss: libxml2 stops building the tree at
    256 levels, so a page nested deeper is refused rather than read without its inner text."""
    path = deep_html(tmp_path)
    result = measured(path)
    assert (result["code"], result["reason"]) == (
        "too_large", "an HTML page nested deeper than libxml2's limit of 256 elements; "
                     "its content past that depth cannot be read")


def test_html_nested_200_deep_keeps_its_text(tmp_path):
    path = deep_html(tmp_path, depth=200)
    assert [s.title for s in load_plan(path).sections] == ["深处的节", "外面的节"]


# -- (5) a huge single line ---------------------------------------------------------------

def one_line_plan(size: int) -> str:
    """The reference plan's own text with every line break removed, repeated to ``size`` bytes."""
    flat = "".join(line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines())
    line = flat * (size // len(flat.encode("utf-8")) + 1)
    return line[:len(line) * size // len(line.encode("utf-8"))]


@pytest.mark.parametrize("lead", ["", "——"], ids=["paragraph", "task"])
def test_five_megabyte_line_is_read_whole_in_bounded_time(lead, tmp_path):
    """A plain paragraph and a task (title up to the first 。) of 5 MB without a line break."""
    line = lead + one_line_plan(5 * MB)
    path = tmp_path / "one_line.txt"
    path.write_text(HEAD + line, encoding="utf-8")
    plan = load_plan(path)
    section = plan.chapters[0].sections[0]
    if lead:
        assert [(t.loc, t.title, t.text) for t in plan.tasks] == [
            ({"line": 7}, line[2:line.index("。")], line[2:])]
        assert section.paragraphs == []
        assert [w.code for w in plan.warnings] == ["untranslated"]
    else:
        assert [(b.loc, b.text) for b in section.paragraphs] == [({"line": 7}, line)]
        assert plan.tasks == [] and plan.warnings == []
