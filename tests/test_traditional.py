"""Traditional-script plans (繁體) parse to the same plan as the simplified original.

The traditional copies are CONSTRUCTED here: the reference plan (text, a web page and
a Word layout from forms.py) run through OpenCC's s2t / s2tw (Taiwan) / s2hk (Hong
Kong), as reposting sites do.  No traditional file is stored.
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import opencc
import pytest

import forms
from plan_parser import load_plan
from plan_parser.blocks import Cell, Paragraph, ReadResult, Table
from plan_parser.traditional import MARKERS, choose_config, converter, looks_traditional, to_simplified
from reference_checks import check_reference_plan

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_TEXT = forms.SAMPLE.read_text(encoding="utf-8")
VARIANTS = ["s2t", "s2tw", "s2hk"]


def traditional(text: str, variant: str) -> str:
    return opencc.OpenCC(variant).convert(text)


def traditional_docx(data: bytes, variant: str) -> bytes:
    """A .docx with every XML part's text converted (markup is ASCII, so only text changes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info)
            if info.filename.endswith((".xml", ".rels")):
                body = traditional(body.decode("utf-8"), variant).encode("utf-8")
            zout.writestr(info, body)
    return out.getvalue()


def without_provenance(plan) -> dict:
    """The plan's JSON less what must differ: the source (sha256, script) and the originals."""
    data = plan.to_dict()
    del data["source"], data["original_text"]
    return data


SIMPLIFIED = without_provenance(load_plan(forms.SAMPLE))


@pytest.mark.parametrize("variant", VARIANTS)
def test_traditional_text_is_the_reference_plan(variant, tmp_path):
    """Same structure and values (every field, English labels included) as the simplified original."""
    text = traditional(SAMPLE_TEXT, variant)
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    plan = load_plan(path)
    check_reference_plan(plan)
    assert without_provenance(plan) == SIMPLIFIED
    assert plan.source.script == "traditional"
    # original_text: exactly the lines that conversion changed, as written, at their line
    simplified_lines = SAMPLE_TEXT.split("\n")
    changed = {n: line.strip() for n, line in enumerate(text.split("\n"), start=1)
               if line.strip() != simplified_lines[n - 1].strip()}
    assert {b.loc["line"]: b.text for b in plan.original_text} == changed
    assert len(plan.original_text) == len(changed) == 201
    at_167 = plan.to_dict()["original_text"][[b.loc for b in plan.original_text].index({"line": 167})]
    assert at_167 == {"text": "專欄2  “十四五”時期主要指標", "loc": {"line": 167}}
    assert plan.column(2).title == "“十四五”时期主要指标"


def test_traditional_web_page_and_nested_word_tables(tmp_path):
    """Paragraphs in table cells and in tables nested in a box are converted; so is the
    page's metadata table (meta_hints)."""
    page = traditional(forms.html_page("utf-8").decode("utf-8"), "s2hk").encode("utf-8")
    word = traditional_docx(forms.docx_form("nested-box"), "s2tw")
    plans = {}
    for name, data in (("page.html", page), ("plan.docx", word)):
        (tmp_path / name).write_bytes(data)
        plans[name] = plan = load_plan(tmp_path / name)
        check_reference_plan(plan)
        assert plan.source.script == "traditional"
        assert plan.meta.issuer == "重庆市铜梁区人民政府办公室"
    # the header cell 指標 of the two indicator tables: in the page's tables, and in the
    # tables nested in the Word boxes (the box's second block, after the 专栏 title)
    locs = {name: [b.loc for b in plan.original_text if b.text == "指標"] for name, plan in plans.items()}
    assert locs == {"page.html": [{"block": 19, "row": 0, "cell": 0}, {"block": 43, "row": 0, "cell": 0}],
                    "plan.docx": [{"block": b, "row": 0, "cell": 0, "paragraph": 1, "within": [{"row": 0, "cell": 0}]}
                                  for b in (18, 41)]}


def test_simplified_plan_is_untouched_and_never_loads_opencc():
    """The converter is imported only for a traditional document, never by ``import plan_parser``."""
    code = ("import sys, plan_parser; before = sorted(m for m in sys.modules if 'opencc' in m or "
            "m == 'plan_parser.traditional'); plan = plan_parser.load_plan(sys.argv[1]); "
            "print(before, 'opencc' in sys.modules, plan.source.script, plan.original_text)")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run([sys.executable, "-c", code, str(forms.SAMPLE)], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.stdout == "[] False simplified []\n", out.stderr


def test_json_output_carries_script_and_originals_and_validates():
    jsonschema = pytest.importorskip("jsonschema")
    from importlib.resources import files

    schema = json.loads(files("plan_parser").joinpath("schema/plan.schema.json").read_text("utf-8"))
    plan = load_plan(traditional(SAMPLE_TEXT, "s2t").encode("utf-8"))
    data = json.loads(plan.to_json())
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["source"]["script"] == "traditional"
    assert data["original_text"][0] == {"text": "重慶市銅梁區人民政府辦公室", "loc": {"line": 1}}
    simplified = json.loads(load_plan(forms.SAMPLE).to_json())
    jsonschema.Draft202012Validator(schema).validate(simplified)
    assert (simplified["source"]["script"], simplified["original_text"]) == ("simplified", [])


@pytest.mark.parametrize("config", ["hk2s", "tw2s"])
def test_terms_the_parser_relies_on_survive(config):
    terms = {"專欄": "专栏", "第一章": "第一章", "第十二節": "第十二节", "預期性": "预期性", "約束性": "约束性",
             "萬人": "万人", "萬人次": "万人次", "億元": "亿元", "規劃": "规划", "個百分點": "个百分点",
             "[ ]內為五年累計值": "[ ]内为五年累计值", "[ ]內爲五年累計值": "[ ]内为五年累计值",
             "其中：": "其中：", "——": "——"}
    convert = converter(config).convert
    assert {t: convert(t) for t in terms} == terms


def test_taiwan_and_hong_kong_forms():
    """Taiwan writes 著 for the particle zhe too (tw2s); Hong Kong writes 衞 (hk2s; t2s keeps it)."""
    assert choose_config("隨著經濟發展，成效顯著") == "tw2s"
    assert choose_config("隨着經濟發展，成效顯著") == "hk2s"
    assert choose_config("衞生健康") == "hk2s"
    head = "某某區就業規劃\n\n第一章  總體要求\n\n第一節  主要目標\n\n"
    for body, task in (("——隨著經濟發展。成效顯著。", "随着经济发展。成效显著。"),
                       ("——衞生健康。隨着發展，成效顯著。", "卫生健康。随着发展，成效显著。")):
        plan = load_plan((head + body + "\n").encode("utf-8"))
        assert (plan.source.script, [t.text for t in plan.tasks]) == ("traditional", [task])


def para(text: str, line: int) -> Paragraph:
    return Paragraph(text, {"line": line})


def test_detection_threshold():
    """5 % of the sampled Han characters and at least two must be traditional-only."""
    quote = "香港特別行政區"  # 別 and 區: two markers among seven Han characters
    # simplified text with one traditional quotation: 2 markers in 68 Han characters (3 %)
    mixed = ReadResult([para("第一章  总体要求", 1), para("加强与" + quote + "的人才交流合作，" + "推进就业" * 11, 3)],
                       "txt")
    assert not looks_traditional(mixed)
    result = to_simplified(mixed)
    assert (result.script, result.original_text, result.blocks[1].text[3:10]) == ("simplified", [], quote)
    # a lone marker decides nothing, however short the text
    assert not looks_traditional(ReadResult([para("第一章  總则", 1)], "txt"))
    # two markers (總, 體) in eight Han characters, one of them in a nested table
    nested = Table([[Cell([Table([[Cell([para("體系", 2)])]], {"line": 2})])]], {"line": 2})
    result = to_simplified(ReadResult([para("第一章  總要求", 1), nested], "txt"))
    assert result.script == "traditional"
    assert [(b.loc, b.text) for b in result.original_text] == [({"line": 1}, "第一章  總要求"), ({"line": 2}, "體系")]
    assert nested.rows[0][0].blocks[0].rows[0][0].text == "体系"


def test_markers_are_traditional_only():
    """Every marker changes under each converter, so simplified text cannot score."""
    for config in ("t2s", "hk2s", "tw2s"):
        converted = opencc.OpenCC(config).convert(MARKERS)
        assert [m for m, c in zip(MARKERS, converted) if m == c] == [], config
    assert len(set(MARKERS)) == len(MARKERS) == 300
