"""The HTML report: one self-contained page, checked as markup and as rendered by headless
Chromium (screenshot and DOM).  The Chromium tests skip only when chromium is not installed.
"""
from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from lxml import html as lxml_html

from plan_parser import diff_plans, load_plan
from plan_parser.check import check_plan
from plan_parser.report import render_check, render_diff

from test_diff import SAMPLE, edited_text  # the same edited copy as the diff tests

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
                 if p and Path(p).exists()), None)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                                    "(apt-get install -y chromium fonts-wqy-zenhei)")


@pytest.fixture(scope="module")
def diff(tmp_path_factory):
    edited = tmp_path_factory.mktemp("html") / "edited.txt"
    edited.write_text(edited_text(), "utf-8")
    return diff_plans(load_plan(SAMPLE), load_plan(edited))


@pytest.fixture(scope="module")
def page(diff, tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "diff.html"
    path.write_text(render_diff(diff, "html"), "utf-8")
    return path


def cards(tree) -> dict[str, str]:
    return {div.get("id"): div.findtext("b") for div in tree.xpath('//div[@class="card"]')}


def test_self_contained(page):
    text = page.read_text("utf-8")
    lowered = text.lower()
    for needle in ("<script", "<link", "src=", "url(", "http:", "https:", "@import"):
        assert needle not in lowered, needle
    assert lowered.startswith("<!doctype html>") and '<meta charset="utf-8">' in lowered
    assert text.count("<style>") == 1


def test_summary_cards_and_tables(page):
    tree = lxml_html.fromstring(page.read_bytes())
    assert cards(tree) == {"count-matched": "31", "count-only_left": "3", "count-only_right": "2",
                           "count-changed": "4", "count-renamed": "1"}
    headings = [h.text_content() for h in tree.xpath("//h2")]
    assert headings == ["目标变化（右相对左，%）", "指标 (36)", "删去项目 (1)", "新增项目 (1)", "改动项目 (1)",
                        "章节标题 (1)"]
    rows = tree.xpath("//table[1]/tbody/tr")
    assert len(rows) == 36
    assert [r.get("class") for r in rows].count("changed") == 4
    renamed = [r for r in rows if r.get("class") == "renamed"]  # a rename alone is shown, not counted as changed
    assert [[td.text_content() for td in r.xpath("td")][0] for r in renamed] == ["更名"]
    assert "指标: 城镇登记失业率→全区城镇登记失业率" in renamed[0].text_content()
    assert [li.text_content() for li in tree.xpath("//ul/li")] == ["5#6 人才驿站建设", "7#4 零工市场提升项目"]


def test_target_chart(page):
    tree = lxml_html.fromstring(page.read_bytes())
    bars = tree.xpath("//svg/rect")
    assert [b.get("class") for b in bars] == ["looser", "stricter", "looser"]
    labels = [t.text_content() for t in tree.xpath("//svg/text")]
    assert labels == ["2#2 城镇调查失业率", "+9.1%", "2#7 失业保险参保人数", "+3.3%",
                      "2#16 劳动人事争议仲裁结案率", "+0.0%", "0"]


def test_english_labels(diff):
    tree = lxml_html.fromstring(render_diff(diff, "html", lang="en").encode())
    assert tree.xpath("//h1")[0].text_content() == "Plan diff"
    assert [d.findtext("span") for d in tree.xpath('//div[@class="card"]')] == [
        "matched", "only left", "only right", "changed", "renamed"]
    assert [h.text_content() for h in tree.xpath("//h2")][-2:] == ["Projects changed (1)", "Headings (1)"]
    assert tree.get("lang") == "en"


def test_only_changed_keeps_full_counts(diff):
    tree = lxml_html.fromstring(render_diff(diff, "html", only_changed=True).encode())
    assert cards(tree)["count-matched"] == "31"
    assert len(tree.xpath("//table[1]/tbody/tr")) == 10


def test_check_page():
    tree = lxml_html.fromstring(render_check(check_plan(load_plan(SAMPLE)), "html").encode())
    assert cards(tree) == {"count-agree": "24", "count-disagree": "1", "count-only_left": "29",
                           "count-only_right": "28"}
    assert len(tree.xpath('//tr[@class="disagree"]')) == 1


# -- rendered by Chromium ----------------------------------------------------------------

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
                          capture_output=True, text=True, timeout=120, check=False)


def png_size_and_colours(path: Path) -> tuple[int, int, int]:
    """(width, height, distinct byte values in the pixel data) of an 8-bit PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    idat, pos = b"", 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


@needs_chromium
def test_screenshot(page, tmp_path):
    png = tmp_path / "diff.png"
    done = chromium(tmp_path, f"--screenshot={png}", "--window-size=1280,2000", page.as_uri())
    assert png.exists(), done.stderr[-2000:]
    width, height, colours = png_size_and_colours(png)
    assert (width, height) == (1280, 2000)
    assert png.stat().st_size > 50_000 and colours > 50  # text, tables and coloured bars, not a blank page


@needs_chromium
def test_rendered_dom_shows_the_counts(page, tmp_path):
    done = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    tree = lxml_html.fromstring(done.stdout.encode())
    assert cards(tree) == {"count-matched": "31", "count-only_left": "3", "count-only_right": "2",
                           "count-changed": "4", "count-renamed": "1"}
    assert len(tree.xpath("//svg/rect")) == 3
