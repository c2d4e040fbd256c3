"""Recognising the lines that structure a plan: 篇/章/节 headings, 专栏 titles,
numbered items, tasks and table notes.

Everything here looks at one paragraph's text at a time; the builder decides what
the match means in context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import chinese_to_int

# Spacing after 第X章 may be none, ASCII or ideographic spaces, or no-break spaces.
_SPACE = r"[\s\u3000\xa0]"
_NUM = r"[0-9０-９一二三四五六七八九十百千零〇○两]+"

_HEADING = re.compile(rf"^第({_NUM}){_SPACE}*(篇|部分|章|节){_SPACE}*(.*)$")
_COLUMN = re.compile(rf"^专栏{_SPACE}*({_NUM}){_SPACE}*[:：.．、]?{_SPACE}*(.*)$")
#: An item number: ``1.`` ``2、`` ``（3）`` (not the ``1.`` of ``1.5``); groups: the number, twice.
ITEM_NUMBER = rf"(?:(\d+){_SPACE}*[.．、](?!\d)|[（(](\d+)[)）])"
_ITEM = re.compile(rf"^{ITEM_NUMBER}{_SPACE}*(.+)$")
_NOTE = re.compile(rf"^(注|备注|说明|资料来源|数据来源){_SPACE}*(\d*){_SPACE}*[:：]")
_TASK = re.compile(r"^(?:——|─{2}|—{2}|--)\s*")
_TITLE_END = "。"

LEVELS = {"篇": "part", "部分": "part", "章": "chapter", "节": "section"}

# The official sequence many district plans use instead of 章/节: 一、 → （一） → 1. → （1）.
_OFFICIAL_CHAPTER = re.compile(r"^([一二三四五六七八九十]{1,3})\s*[、，,．.]\s*(.+)$")
_OFFICIAL_SECTION = re.compile(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(.+)$")
_TOC = re.compile(r"^目[\s\u3000\xa0]*录$")
_RUN_IN_TITLE_MAX = 30


@dataclass(frozen=True)
class Heading:
    level: str  # part | chapter | section
    number: int
    title: str


def normalize_space(text: str) -> str:
    """Collapse runs of spaces (ASCII, ideographic, no-break) to nothing between CJK
    and to one space elsewhere; used on heading titles only."""
    text = re.sub(r"[\s\u3000\xa0]+", " ", text).strip()
    return re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", text)


def to_int(numeral: str) -> int | None:
    """Arabic (half or full width) or Chinese numeral to int; None when unreadable."""
    numeral = numeral.translate(_FULLWIDTH_DIGITS)
    if numeral.isdigit():
        return int(numeral)
    try:
        return chinese_to_int(numeral)
    except ValueError:
        return None


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def match_heading(text: str) -> Heading | None:
    """``第三章  重点任务`` → Heading("chapter", 3, "重点任务")."""
    m = _HEADING.match(text)
    if not m:
        return None
    number = to_int(m.group(1))
    if number is None:
        return None
    title = normalize_space(m.group(3))
    # A sentence that merely starts with 第一节 (e.g. inside prose) is not a heading.
    if len(title) > 60 or title.endswith("。") and len(title) > 30:
        return None
    return Heading(LEVELS[m.group(2)], number, title)


def match_official(text: str) -> tuple[Heading, str] | None:
    """``一、发展基础`` (chapter) or ``（一）发展基础。正文…`` (section, run in).

    Returns the heading and the text that runs on after it on the same line (a
    run-in heading ends at its first 。), or None for a sentence that merely
    starts with a numeral.
    """
    for pattern, level in ((_OFFICIAL_CHAPTER, "chapter"), (_OFFICIAL_SECTION, "section")):
        m = pattern.match(text)
        if not m:
            continue
        number = to_int(m.group(1))
        if number is None:
            return None  # （十四五） is a plan period, not a heading number
        body = m.group(2).strip()
        title, sep, rest = body.partition("。")
        if sep and len(title) <= _RUN_IN_TITLE_MAX:
            return Heading(level, number, normalize_space(title)), rest.strip()
        if not sep and len(body) <= _RUN_IN_TITLE_MAX and not re.search(r"[，；,;]", body):
            return Heading(level, number, normalize_space(body)), ""
        return None
    return None


def is_toc(text: str) -> bool:
    """The 目录 line that opens a table of contents."""
    return bool(_TOC.match(text))


def match_column(text: str) -> tuple[int, str] | None:
    """``专栏3  实现更加充分和高质量就业重点项目`` → (3, title)."""
    m = _COLUMN.match(text)
    if not m:
        return None
    number = to_int(m.group(1))
    if number is None or len(m.group(2)) > 80:
        return None
    return number, normalize_space(m.group(2))


def match_item(text: str) -> tuple[int, str] | None:
    """A numbered item ``1.`` ``2、`` ``（3）`` → (number, text after the number)."""
    m = _ITEM.match(text)
    if not m:
        return None
    return int(m.group(1) or m.group(2)), m.group(3).strip()


def is_note(text: str) -> bool:
    """``注：…`` / ``备注：…`` lines that explain a table."""
    return bool(_NOTE.match(text))


def match_task(text: str) -> str | None:
    """A task paragraph ``——实施就业优先战略…`` → its text without the dash."""
    m = _TASK.match(text)
    if not m or len(text) <= m.end():
        return None
    return text[m.end():]


def first_sentence(text: str) -> str:
    """The text up to (not including) the first 。, the title of a task or project."""
    head, sep, _ = text.partition(_TITLE_END)
    return head.strip() if sep else text.strip()
