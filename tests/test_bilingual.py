"""English labels on parsed plans: coverage, exact renderings, user glossaries, --lang."""
from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from plan_parser import load_plan

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "tongliang_hrss_14th.txt"
BUNDLED = [SAMPLE, ROOT / "samples" / "tongliang_hrss_14th.docx",
           *sorted((ROOT / "tests" / "data").glob("*.txt"))]
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")


@pytest.fixture(scope="module")
def plan():
    return load_plan(SAMPLE)


def _en_fields(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("_en"):
                yield f"{path}.{key}", value
            yield from _en_fields(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _en_fields(value, f"{path}[{i}]")


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_no_english_field_holds_chinese(path):
    data = load_plan(path).to_dict()
    fields = list(_en_fields(data))
    assert fields, "the plan has English label fields"
    assert [(k, v) for k, v in fields if v is not None and CJK.search(v)] == []


def test_every_label_of_the_reference_plan_has_english(plan):
    labels = [("meta.title", plan.meta.title_en), ("meta.region", plan.meta.region_en)]
    labels += [(c.title, c.title_en) for c in plan.chapters]
    labels += [(s.title, s.title_en) for s in plan.sections]
    labels += [(c.title, c.title_en) for c in plan.columns]
    labels += [(t.title, t.title_en) for t in plan.tasks]
    labels += [(p.title, p.title_en) for p in plan.projects]
    for i in plan.indicators:
        labels += [(i.name, i.name_en), (i.category, i.category_en)]
        if i.unit:
            labels.append((i.unit, i.unit_en))
    assert [zh for zh, en in labels if not en] == []
    assert not any(w.code == "untranslated" for w in plan.warnings)


def test_representative_renderings(plan):
    ind = {(i.column, i.seq): i for i in plan.indicators}
    assert ind[2, 2].name_en == "surveyed urban unemployment rate"
    assert ind[2, 3].name_en == "registered urban unemployment rate"
    assert ind[2, 1].name_en == "new urban jobs (persons)"
    assert ind[2, 10].name_en == "total personnel with senior professional titles"
    assert ind[2, 6].name_en == "basic old-age insurance coverage rate"
    assert ind[1, 9].name_en == "unemployment insurance"
    assert ind[1, 8].name_en == "work-related injury insurance"
    assert ind[2, 1].unit_en == "10,000 persons"
    assert ind[2, 4].unit_en == "10,000 person-times"
    assert ind[1, 4].unit_en == "10,000 yuan"
    assert ind[2, 2].unit_en == "%"
    assert ind[2, 11].unit_en == "persons"
    assert ind[2, 1].category_en == "employment and entrepreneurship"
    assert ind[2, 6].category_en == "social security"
    assert ind[2, 9].category_en == "talent workforce"
    assert ind[2, 15].category_en == "labor relations"
    assert ind[2, 18].category_en == "public services"
    assert [i.attribute_code for i in (ind[2, 1], ind[2, 7])] == ["anticipatory", "binding"]
    assert plan.chapters[1].title_en == "key tasks"
    assert plan.chapters[0].title_en == "guiding thought and main objectives"
    assert plan.meta.region_en == "Tongliang District"
    assert plan.meta.title_en.startswith("Chongqing Tongliang District 14th Five-Year Plan")


def test_user_glossary_overrides_one_entry_and_adds_another(tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text('[indicators]\n"城镇调查失业率" = "urban surveyed jobless rate"\n'
                    '[terms]\n"饺子" = "dumplings"\n', encoding="utf-8")
    plan = load_plan(SAMPLE, glossary=user)
    rate = next(i for i in plan.indicators if i.name == "城镇调查失业率")
    assert rate.name_en == "urban surveyed jobless rate"
    # the addition is used when a name needs it: a constructed plan with an unknown word
    text = SAMPLE.read_text(encoding="utf-8").replace("城镇登记失业率（%）", "饺子失业率（%）")
    edited = tmp_path / "edited.txt"
    edited.write_text(text, encoding="utf-8")
    without = load_plan(edited)
    assert next(i for i in without.indicators if i.name == "饺子失业率").name_en is None
    assert [w.message for w in without.warnings if w.code == "untranslated"] == [
        "no English for '饺子失业率': glossary lacks 饺子"]
    with_user = load_plan(edited, glossary=user)
    assert next(i for i in with_user.indicators if i.name == "饺子失业率").name_en == "dumpling unemployment rate"  # a noun before a noun is singular
    assert with_user.warnings == []


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "plan_parser", *args], capture_output=True, text=True,
                          encoding="utf-8")


def test_cli_lang_en_and_glossary_option(tmp_path):
    user = tmp_path / "mine.csv"
    user.write_text("zh,en\n城镇调查失业率,urban surveyed jobless rate\n", encoding="utf-8")
    out = _cli("parse", str(SAMPLE), "--format", "table", "--lang", "en", "--glossary", str(user))
    assert out.returncode == 0, out.stderr
    assert "urban surveyed jobless rate" in out.stdout
    assert "Tongliang District (district)" in out.stdout
    # JSON keeps the contract's shape whatever --lang: both languages side by side
    assert _cli("parse", str(SAMPLE), "--lang", "en").stdout == _cli("parse", str(SAMPLE)).stdout
    first = json.loads(_cli("parse", str(SAMPLE), "--lang", "en").stdout)["indicators"][0]
    assert (first["name"], first["name_en"]) == ("城镇新增就业人数", "new urban jobs (persons)")


def test_glossary_missing_lists_uncovered_terms(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8").replace("城镇登记失业率（%）", "饺子失业率（%）").replace(
        "6.城镇职工养老保险", "6.饺子养老保险")
    edited = tmp_path / "edited.txt"
    edited.write_text(text, encoding="utf-8")
    out = _cli("glossary", "missing", str(edited), str(SAMPLE))
    assert out.returncode == 0, out.stderr
    # the whole labels and where they stand (sample lines 69 and 186), then the word they lack
    assert out.stdout.splitlines()[2:] == [
        "[terms]",
        "# 饺子养老保险 (indicator, edited.txt line 69); 饺子失业率 (indicator, edited.txt line 186)",
        '"饺子" = ""  # 2']


def test_to_dict_lang_en_swaps_labels(plan):
    en = plan.to_dict(lang="en")
    assert en["chapters"][1]["title"] == "key tasks"
    assert en["chapters"][1]["title_zh"] == "重点任务"
    assert plan.to_dict()["chapters"][1]["title"] == "重点任务"
    with pytest.raises(ValueError):
        plan.to_dict(lang="fr")


def test_glossary_missing_never_lists_single_characters(tmp_path):
    # 鑫 alone is a one-character jieba token here: reported with its neighbour, not alone
    text = SAMPLE.read_text(encoding="utf-8").replace("城镇登记失业率（%）", "城镇鑫失业率（%）")
    edited = tmp_path / "edited.txt"
    edited.write_text(text, encoding="utf-8")
    out = _cli("glossary", "missing", str(edited))
    assert out.returncode == 0, out.stderr
    entries = [line for line in out.stdout.splitlines() if line.startswith('"')]
    assert entries and all(len(line.split('"')[1]) >= 2 for line in entries), entries
    assert any("鑫" in line for line in entries), entries


# ---------------------------------------------------------------------------
# plan titles of the constructed plans: no "... 14th Five-Year Plan plan"

DATA = ROOT / "tests" / "data"


@pytest.mark.parametrize("name,title_en", [
    ("official_sequence.txt",
     "Chongqing Municipality XX District 14th Five-Year Plan for Employment Promotion (2021-2025)"),
    ("parts_and_toc.txt", "XX Province 14th Five-Year Plan for Human Resources and Social Security Development"),
    ("diff/city_constructed.txt",
     "Chongqing Municipality 14th Five-Year Plan for Human Resources and Social Security Development (2021-2025)"),
    ("diff/district_constructed.txt",
     "Chongqing Municipality XX District 14th Five-Year Plan for Human Resources and Social Security "
     "Development (2021-2025)"),
])
def test_constructed_plan_titles_read_naturally(name, title_en):
    plan = load_plan(DATA / name)
    assert plan.meta.title_en == title_en
    assert not any(w.code == "untranslated" for w in plan.warnings)


def test_every_plan_title_in_the_test_data_avoids_plan_plan():
    paths = sorted(DATA.glob("*.txt")) + sorted((DATA / "diff").glob("*.txt"))
    titles = {p.name: load_plan(p).meta.title_en for p in paths}
    assert len(titles) == 4 and all(titles.values()), titles
    assert [t for t in titles.values() if "Plan plan" in t or CJK.search(t)] == []


# ---------------------------------------------------------------------------
# one list of labels for apply_glossary and `glossary missing`

def _en_slots(plan):
    objects = [plan.meta, *plan.parts, *plan.chapters, *plan.sections, *plan.columns,
               *plan.indicators, *plan.projects, *plan.tasks]
    return {(id(obj), f.name) for obj in objects for f in dataclasses.fields(obj) if f.name.endswith("_en")}


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_labels_enumerate_every_english_field(path):
    from plan_parser.bilingual import labels
    from plan_parser.glossary import Glossary

    plan = load_plan(path)
    found = list(labels(plan))
    assert {(id(label.owner), label.field) for label in found} == _en_slots(plan)
    assert len(found) == len(_en_slots(plan))
    g = Glossary.builtin()
    for label in found:
        assert label.en == (g.translate(label.zh).en if label.zh else None), label
    assert ("meta", "region_en") in {(type(l.owner).__name__.lower(), l.field) for l in found}


def test_glossary_missing_counts_the_title_and_the_region(tmp_path):
    # an unknown word in a heading; the region 某某省 is the constructed plans' placeholder
    text = (DATA / "parts_and_toc.txt").read_text(encoding="utf-8").replace("某某省", "某某省饺子")
    edited = tmp_path / "dumpling_province.txt"
    edited.write_text(text, encoding="utf-8")
    plan = load_plan(edited)
    assert plan.meta.title == "某某省饺子人力资源和社会保障事业发展“十四五”规划"
    out = _cli("glossary", "missing", str(edited))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()[2:]
    assert lines[0] == "[terms]" and lines[2] == '"饺子" = ""  # 1', lines
    assert lines[1].startswith("# 某某省饺子人力资源和社会保障事业发展“十四五”规划 (plan title, dumpling_province.txt line ")


def test_glossary_missing_output_loads_with_glossary_option(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8").replace("城镇登记失业率（%）", "饺子失业率（%）")
    edited = tmp_path / "edited.txt"
    edited.write_text(text, encoding="utf-8")
    missing = tmp_path / "missing.toml"
    out = _cli("glossary", "missing", str(edited), "-o", str(missing))
    assert out.returncode == 0, out.stderr
    assert missing.read_text(encoding="utf-8").splitlines()[2:] == [
        "[terms]", "# 饺子失业率 (indicator, edited.txt line 186)", '"饺子" = ""  # 1']
    # as written, with the value still empty: it loads, and covers nothing
    parsed = _cli("parse", str(edited), "--glossary", str(missing))
    assert parsed.returncode == 0, parsed.stderr
    name = next(i for i in json.loads(parsed.stdout)["indicators"] if i["name"] == "饺子失业率")
    assert name["name_en"] is None
    again = _cli("glossary", "missing", str(edited), "--glossary", str(missing))
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[2:] == [
        "[terms]", "# 饺子失业率 (indicator, edited.txt line 186)", '"饺子" = ""  # 1']
    # filled in: used, and nothing is missing any more
    missing.write_text(missing.read_text(encoding="utf-8").replace('= ""', '= "dumplings"'),
                       encoding="utf-8")
    parsed = _cli("parse", str(edited), "--glossary", str(missing))
    assert parsed.returncode == 0, parsed.stderr
    name = next(i for i in json.loads(parsed.stdout)["indicators"] if i["name"] == "饺子失业率")
    assert name["name_en"] == "dumpling unemployment rate"  # a noun before a noun is singular
    done = _cli("glossary", "missing", str(edited), "--glossary", str(missing))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[2:] == ["[terms]"]


# ---------------------------------------------------------------------------
# English views: values in base units with their meaning, warnings by code (issue 10)

def test_value_text_reads_values_in_base_units(plan):
    from plan_parser.quantity import parse_quantity
    from plan_parser.render import value_text

    row = next(i for i in plan.indicators if i.column == 2 and i.seq == 1)  # [8.49] → [5] 万人
    assert value_text(row.baseline) == "84,900 persons (5-year total)"
    assert value_text(row.target) == "50,000 persons (5-year total)"
    rate = next(i for i in plan.indicators if i.column == 2 and i.seq == 2)  # 5.5 → <5.5 %
    assert (value_text(rate.baseline), value_text(rate.target)) == ("5.5%", "< 5.5%")
    assert value_text(parse_quantity(">95", unit="%")) == "> 95%"
    assert value_text(parse_quantity("4.5左右", unit="%")) == "about 4.5%"
    assert value_text(parse_quantity("5—10", unit="万人")) == "50,000–100,000 persons"
    assert value_text(parse_quantity("1:5:4")) == "1:5:4"
    assert value_text(None) == ""


def test_english_views_of_the_reference_plan_carry_no_chinese(plan):
    from plan_parser.render import plan_markdown

    out = _cli("parse", str(SAMPLE), "--format", "table", "--lang", "en")  # the CLI's --lang en
    assert out.returncode == 0, out.stderr
    assert CJK.findall(out.stdout) == []
    md = plan_markdown(plan, "en")
    assert CJK.findall(md) == []
    assert "- Chapter 2 key tasks" in md and "## Box 2 main indicators for the 14th Five-Year Plan period" in md
    assert "| 1 | new urban jobs (persons) | 84,900 persons (5-year total) | 50,000 persons (5-year total) |  | anticipatory |" in md
    assert "> Note: figures in [ ] are five-year totals." in md
    assert "- **issuer**: General Office of the People's Government of Tongliang District, Chongqing Municipality" in md


def test_views_show_warnings_by_code(tmp_path):
    # two made-up indicator names and a made-up 专栏 title (untranslated ×3), and a 专栏 table
    # with no header row (unrecognized_table ×1)
    text = (SAMPLE.read_text(encoding="utf-8")
            .replace("城镇登记失业率（%）", "饺子失业率（%）")
            .replace("2.城镇调查失业率（%）", "2.饺蒲调查失业率（%）"))
    text = text.replace("专栏3", "专栏9  饺子表\n\n\t41827\n\t45500\n\t预期性\n\n\t220\n\t300\n\t预期性\n\n专栏3", 1)
    edited = tmp_path / "edited.txt"
    edited.write_text(text, encoding="utf-8")
    from plan_parser.render import plan_markdown, plan_table

    table = _cli("parse", str(edited), "--format", "table").stdout.splitlines()
    assert table[2] == "warnings: untranslated ×3, unrecognized_table ×1"
    md = plan_markdown(load_plan(edited), "en")
    assert "- **warnings: untranslated ×3, unrecognized_table ×1**" in md
    assert "## Box 9 [no English]" in md and CJK.findall(md) == []
    assert plan_table(load_plan(SAMPLE)).splitlines()[2] == "warnings: none"


def test_glossary_missing_reads_a_plans_own_places_as_load_plan_does(tmp_path):
    """云渚, the plan's own unlisted district, is a name in its labels: `glossary missing` does
    not ask for it, as `parse` translates it."""
    path = tmp_path / "plan.txt"
    path.write_text("澄岭市云渚区“十四五”体育事业发展规划\n\n第一章  主要任务\n\n专栏1  重点项目\n"
                    "1.云渚全民健身中心：新建综合体育馆一座。\n", encoding="utf-8")
    out = _cli("glossary", "missing", str(path))
    assert out.returncode == 0, out.stderr
    assert "云渚" not in out.stdout


def test_a_task_with_no_section_is_named_by_its_chapter_alone(tmp_path):
    # no "Section None" / "第None节" in the views (second review)
    from plan_parser.render import plan_markdown

    path = tmp_path / "plan.txt"
    path.write_text("某某市规划\n\n第一章 主要任务\n\n——建设光伏电站。正文。\n", encoding="utf-8")
    plan = load_plan(path)
    assert "- 第1章 #1: 建设光伏电站" in plan_markdown(plan, "zh").splitlines()
    assert any(line.startswith("- Chapter 1 #1: ") for line in plan_markdown(plan, "en").splitlines())
