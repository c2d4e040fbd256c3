"""The HTML report: one self-contained page, checked as markup and as rendered by headless
Chromium (screenshot and DOM).  The Chromium tests skip only when chromium is not installed.
"""
from __future__ import annotations

import shutil
import struct
import subprocess
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
                        "章节标题 (1)", "主要任务 (0)", "正文数字 (0)", "项目内容改动（逐词） (1)"]
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
    assert [h.text_content() for h in tree.xpath("//h2")][-5:] == [
        "Projects changed (1)", "Headings (1)", "Tasks (0)", "Figures in the text (0)",
        "Project texts changed (word by word) (1)"]
    assert tree.get("lang") == "en"


def test_only_changed_keeps_full_counts(diff):
    tree = lxml_html.fromstring(render_diff(diff, "html", only_changed=True).encode())
    assert cards(tree)["count-matched"] == "31"
    assert len(tree.xpath("//table[1]/tbody/tr")) == 10


def test_check_page():
    tree = lxml_html.fromstring(render_check(check_plan(load_plan(SAMPLE)), "html").encode())
    assert cards(tree) == {"count-disagree": "1", "count-agree": "24", "count-only_left": "29",
                           "count-only_right": "28"}
    rows = tree.xpath("//table/tbody/tr")
    assert rows[0].get("class") == "disagree"  # first, and the only row of its class
    assert [r.get("class") for r in rows].count("disagree") == 1
    assert {r.get("class") for r in rows[1:]} == {"agree", "only_left one_sided", "only_right one_sided"}
    css = tree.xpath("//style")[0].text
    # its own colour: a background no other status uses, bold, with a red edge
    assert "tr.disagree td{background:#ffd7d5;color:#82071e;font-weight:600}" in css
    assert css.count("#ffd7d5") == 1
    assert tree.xpath('//p[@id="outcome"]')[0].text_content() == "发现不一致"


def test_provenance_in_the_page(page):
    import hashlib

    tree = lxml_html.fromstring(page.read_bytes())
    sides = tree.xpath('//div[@class="side"]')
    assert len(sides) == 2
    assert str(SAMPLE) in sides[0].text_content()
    assert hashlib.sha256(SAMPLE.read_bytes()).hexdigest() in sides[0].text_content()
    assert "印发 2022-07-04" in sides[0].text_content()
    assert "edited.txt" in sides[1].text_content()
    assert tree.xpath('//div[@class="run"]')[0].text_content().startswith("生成: plan-parser 0.1.0, 20")


def test_project_text_changed_word_by_word(page):
    """edits.toml's project text edit (提供职业指导服务2.5万人次 → 3万人次) is marked inside the long item:
    one removed and one added word, the rest of the text as it is."""
    tree = lxml_html.fromstring(page.read_bytes())
    block = tree.xpath('//div[@class="wdiff"]')
    assert len(block) == 1
    assert [e.text_content() for e in block[0].xpath(".//del")] == ["2.5"]
    assert [e.text_content() for e in block[0].xpath(".//ins")] == ["3"]
    assert "提供职业指导服务2.53万人次" in block[0].xpath(".//p")[0].text_content()


# -- rendered by Chromium ----------------------------------------------------------------

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
                          capture_output=True, text=True, timeout=120, check=False)


#: Added to a copy of the page (the report itself has no script): measures what the browser shows and
#: writes it into the DOM, which --dump-dom prints.
PROBE = """<script>
window.addEventListener("load", () => {
  const doc = document.documentElement;
  const hidden = [];
  for (const el of document.querySelectorAll("h1, h2, td, th, .card b, svg text")) {
    if (!el.textContent.trim()) continue;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    if (r.width < 1 || r.height < 1 || cs.visibility !== "visible" || cs.display === "none"
        || cs.color === cs.backgroundColor || parseFloat(cs.fontSize) < 9) hidden.push(el.textContent.slice(0, 30));
  }
  const cut = [];
  for (const el of document.querySelectorAll("td, th")) {
    if (el.scrollWidth > el.clientWidth + 1) cut.push(el.textContent.slice(0, 30));
  }
  const out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify({scrollWidth: doc.scrollWidth, innerWidth: window.innerWidth,
                                    hidden: hidden, cut: cut,
                                    cells: document.querySelectorAll("td").length});
  document.body.appendChild(out);
});
</script>"""


def shown(tmp_path: Path, page: Path, width: int) -> dict:
    probed = tmp_path / "probed.html"
    probed.write_text(page.read_text("utf-8").replace("</body>", PROBE + "</body>"), "utf-8")
    done = chromium(tmp_path, f"--window-size={width},900", "--virtual-time-budget=5000", "--dump-dom",
                    probed.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    import json

    return json.loads(lxml_html.fromstring(done.stdout.encode()).xpath('//pre[@id="probe"]')[0].text_content())


@needs_chromium
@pytest.mark.parametrize("width", [1280, 1024])
def test_page_shows_its_text_without_overflow(page, tmp_path, width):
    """What a reader sees: every heading, cell, card and chart label is laid out with a visible size and a
    colour of its own; no cell clips its text; the page does not scroll sideways at common widths."""
    got = shown(tmp_path, page, width)
    assert got["hidden"] == [] and got["cut"] == []
    assert got["scrollWidth"] <= got["innerWidth"], got
    assert got["cells"] > 36 * 12


@needs_chromium
def test_screenshot_is_not_blank(page, tmp_path):
    png = tmp_path / "diff.png"
    done = chromium(tmp_path, f"--screenshot={png}", "--window-size=1280,2000", page.as_uri())
    assert png.exists(), done.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (1280, 2000)


@needs_chromium
def test_rendered_dom_shows_the_counts(page, tmp_path):
    done = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    tree = lxml_html.fromstring(done.stdout.encode())
    assert cards(tree) == {"count-matched": "31", "count-only_left": "3", "count-only_right": "2",
                           "count-changed": "4", "count-renamed": "1"}
    assert len(tree.xpath("//svg/rect")) == 3


def test_levels_are_charted_by_share():
    """A city against a district: count targets are drawn as shares (grey), never as red 'looser' bars;
    the rate changes keep their direction colours."""
    from test_diff import CITY, DISTRICT

    tree = lxml_html.fromstring(render_diff(diff_plans(load_plan(CITY), load_plan(DISTRICT)), "html").encode())
    charts = tree.xpath("//svg")
    assert [h.text_content() for h in tree.xpath("//h2")][:2] == ["占左侧目标的比例（不同层级规划）", "目标变化（右相对左，%）"]
    shares = [t.text_content() for t in charts[0].xpath("text")]
    assert shares == ["1#1 城镇新增就业人数", "1.4%", "1#4 失业保险参保人数", "1.4%", "1#8 技能人才总量", "1.7%", "0"]
    assert {r.get("class") for r in charts[0].xpath("rect")} == {"neutral"}
    changes = [t.text_content() for t in charts[1].xpath("text")][::2]
    assert changes == ["1#3 基本养老保险参保率", "1#5 劳动人事争议仲裁结案率", "1#6 城镇登记失业率", "0"]
    assert [r.get("class") for r in charts[1].xpath("rect")] == ["looser", "stricter", "looser"]
