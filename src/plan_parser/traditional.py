"""Traditional-script plans (繁體), as reposted on Hong Kong and Taiwan sites.

Such a repost is the mainland plan run through a character converter, so
converting it back lets the one builder, whose vocabulary is simplified (专栏,
第一章, 预期性, 约束性, 万人, ``[ ]内为五年累计值`` …), read it unchanged.
:func:`to_simplified` sits between a reader and the builder:

- **Detection, without the converter.**  A document looks traditional when, among
  the Han characters of its first :data:`SAMPLE_CHARS` characters of paragraph
  text, at least ``Settings.traditional_min_markers`` and at least ``Settings.traditional_share`` (5 %) are
  :data:`MARKERS` — frequent characters that exist only in traditional script
  (國 爲 這 會 發 區 經 …; each one changes under OpenCC's t2s, hk2s and tw2s).
  This approximates "the share of characters that change under t2s" without
  importing OpenCC: the reference plan converted to traditional scores 33 % (38 %
  of its Han characters change), the simplified original 0 % (a traditional name
  or quotation adds a few markers, far below 5 %).  Simplified documents
  therefore never import OpenCC; the check costs under 1 ms (the reference plan,
  19,500 characters, is sampled whole), and no more on bigger documents since
  only the sample is counted.  A traditional document pays for importing OpenCC
  and building its converter once per process (about 6 ms) and for the
  conversion (about 3 ms for that plan).
- **Conversion, phrase by phrase.**  OpenCC (the official binding, imported only
  here) converts with its phrase tables, so a character with two simplified
  readings comes out right (乾燥→干燥 but 乾隆 stays; 明瞭→明了 but 瞭望 stays).
  The configuration is ``hk2s`` — t2s plus the Hong Kong forms t2s leaves alone
  (衞, 敍, 衹 …) — unless the document writes 著 and never 着: Taiwan's standard
  writes 著 for both zhù and the particle zhe (隨著), so ``tw2s``, whose phrase
  table tells them apart, is used.  Neither ``tw2sp`` nor any vocabulary
  conversion: a repost keeps mainland wording, and ``tw2sp`` would rewrite it
  (執行→运行, 建立→创建).
- **Originals kept.**  Every paragraph (in table cells and nested tables too) is
  converted; those that changed are listed with their location in
  :attr:`ScriptResult.original_text`, which ``load_plan`` puts in
  ``plan.original_text`` (``plan.source.script`` says ``"traditional"``).
  String ``meta_hints`` (an HTML page's 发布机构 table) are converted too, without
  a record: they are not paragraphs and have no location.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator

from .blocks import Block, Paragraph, ReadResult, Table
from .model import TextBlock
from .script import han_count
from .settings import DEFAULTS, Settings

#: Frequent traditional-only characters, most frequent first: the traditional forms
#: (OpenCC's s2t, s2tw and s2hk) of the commonest simplified characters that have one
#: (ranked by jieba's dictionary counts), kept only where t2s, hk2s and tw2s all give
#: that simplified character back.  Generated once; tests/test_traditional.py checks
#: that every one still changes under each converter.
MARKERS = (
    "國爲為這個來會時學說説們於後發對長過業裏裡經門動進區開產軍還種現機體與當兩實麼關從內沒將員東頭間無見戰"
    "點場數樣問並萬級應資務氣漢總電聲設義統處馬兒領隊計別權話報給變書幾華議稱決張導術結師達題條規縣風運組聽"
    "濟黨論強黃選記卻職號類傳帶幹農邊據聯廣質陽難歷專認車臺遊舉線團備爭衆眾連調轉該爾讓較際親單紅價約亞則屬"
    "積圖準極裝許參喫觀魚辦復遠羣構隨劃勢熱網語鐵斷愛紀況證編滿覺雙樂標確織項飛節龍響藥輕擊請離顯羅營視護創"
    "餘興佔雖費試寶識維採宮環鬥鄉責嚴橋僅勝殺圍態楊負層須續狀銀範終錢賽獨細衝獲習醫盡臉彈樓藝陸協鎮檢寫蘇驗"
    "緊勞戶優財養適陳衛雲傷絕階劉剛億聞審壓監敵蘭溫園樹徵詞島預繼執誰驚畫輯劍談禮願築亂講臨揮歐"
)
#: characters of paragraph text sampled from the start (bounds the cost on huge inputs)
SAMPLE_CHARS = 20_000

_MARKER = re.compile(f"[{MARKERS}]")


@dataclass
class ScriptResult(ReadResult):
    """A :class:`ReadResult` in simplified script, saying what it was written in.

    ``script`` is ``"traditional"`` or ``"simplified"``; ``original_text`` holds,
    for each paragraph that conversion changed, its text as written and its location.
    """

    script: str = "simplified"
    original_text: list[TextBlock] = field(default_factory=list)


def paragraphs(blocks: Iterable[Block]) -> Iterator[Paragraph]:
    """Every paragraph in document order, inside table cells and nested tables too.

    Iterative, so a table nested thousands deep cannot exhaust the stack.
    """
    stack: list[Iterator[Block]] = [iter(blocks)]
    while stack:
        block = next(stack[-1], None)
        if block is None:
            stack.pop()
        elif isinstance(block, Table):
            stack.append(iter([inner for row in block.rows for cell in row for inner in cell.blocks]))
        else:
            yield block


def marker_share(result: ReadResult) -> tuple[int, int]:
    """``(markers, han)``: traditional-only characters and all Han characters in the sample."""
    parts: list[str] = []
    budget = SAMPLE_CHARS
    for paragraph in paragraphs(result.blocks):
        parts.append(paragraph.text[:budget])
        budget -= len(parts[-1])
        if budget <= 0:
            break
    sample = "\n".join(parts)
    return len(_MARKER.findall(sample)), han_count(sample)


def looks_traditional(result: ReadResult, settings: Settings = DEFAULTS) -> bool:
    """The detection rule of the module docstring; its two numbers are ``settings``' (a
    least share of markers among Han characters, and a least count, so a stray 國 in a
    three-character fragment decides nothing)."""
    markers, han = marker_share(result)
    return markers >= settings.traditional_min_markers and markers >= settings.traditional_share * han


@lru_cache(maxsize=None)
def converter(config: str):
    """An OpenCC converter (``hk2s`` or ``tw2s``), built once; imports OpenCC on first use."""
    import opencc  # lazily: simplified documents never load it

    return opencc.OpenCC(config)


def choose_config(text: str) -> str:
    """``tw2s`` for Taiwan's standard (著 also as the particle zhe), else ``hk2s``."""
    return "tw2s" if "著" in text and "着" not in text else "hk2s"


def to_simplified(result: ReadResult, settings: Settings = DEFAULTS) -> ScriptResult:
    """``result`` in simplified script, with the originals of converted paragraphs.

    A simplified document comes back unchanged (``script="simplified"``, no
    originals).  A traditional one has its paragraphs rewritten in place — a
    ReadResult is a one-use hand-off from reader to builder — and string
    ``meta_hints`` converted.
    """
    base = dict(blocks=result.blocks, format=result.format, encoding=result.encoding,
                meta_hints=result.meta_hints, warnings=result.warnings, ocr=result.ocr)
    if not looks_traditional(result, settings):
        return ScriptResult(**base)
    every = list(paragraphs(result.blocks))
    texts = [p.text for p in every]
    joined = "\n".join(texts)
    convert = converter(choose_config(joined)).convert
    # one call for the whole document (phrases never span a newline); per paragraph
    # only if a paragraph itself holds a newline
    converted = convert(joined).split("\n")
    if len(converted) != len(texts):
        converted = [convert(text) for text in texts]
    originals: list[TextBlock] = []
    for paragraph, old, new in zip(every, texts, converted):
        if new != old:
            originals.append(TextBlock(old, dict(paragraph.loc)))
            paragraph.text = new
    base["meta_hints"] = {key: convert(value) if isinstance(value, str) else value
                          for key, value in result.meta_hints.items()}
    return ScriptResult(**base, script="traditional", original_text=originals)
