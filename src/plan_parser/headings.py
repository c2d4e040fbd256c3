"""Recognising the lines that structure a plan: 篇/章/节 headings, 专栏 titles,
numbered items, tasks and table notes.

Everything here looks at one paragraph's text at a time; the builder decides what
the match means in context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import chinese_to_int
from .settings import DEFAULTS

# Spacing after 第X章 may be none, ASCII or ideographic spaces, or no-break spaces.
_SPACE = r"[\s\u3000\xa0]"
_NUM = r"[0-9０-９一二三四五六七八九十百千零〇○两]+"

_HEADING = re.compile(rf"^第({_NUM}){_SPACE}*(篇|部分|章|节){_SPACE}*(.*)$")
#: The number of a 篇/部分/章/节 heading (``第三章``), for code that must see where one starts.
HEADING_NUMBER = rf"第{_NUM}{_SPACE}*(?:篇|部分|章|节)"
_COLUMN = re.compile(rf"^专栏{_SPACE}*({_NUM}){_SPACE}*[:：.．、]?{_SPACE}*(.*)$")
#: A table caption (``表1  “十四五”主要指标``, ``附表2：重点项目``): a name that stands above
#: a table in place of a 专栏 title.
_TABLE_CAPTION = re.compile(
    rf"^(附?表){_SPACE}*({_NUM})([-－—.．]\d+)?(?:{_SPACE}+|{_SPACE}*(?:[:：、]|[.．](?!\d)){_SPACE}*|(?=[“\"《（(【]))"
    rf"(\S.{{0,60}})$")
#: An item number: ``1.`` ``2、`` ``（3）`` (not the ``1.`` of ``1.5``, nor the ``2020、`` of
#: ``2020、2025年``: four digits are a year), or a box item written
#: ``01 关键核心技术`` (a zero-led number and a space, as PDF-printed 专栏 number their items;
#: ``05 亿元`` is not one).  Three groups, one per form: read the number with :func:`item_number`.
#: ``10 …`` to ``29 …`` without the zero are items only where they continue a run of such
#: items (:func:`match_item`'s ``after``): alone they are running text (``15 分钟便民生活圈``).
ITEM_NUMBER = (rf"(?:(\d+){_SPACE}*(?:[.．](?!\d)|、(?<!\d{{4}}、))|[（(](\d+)[)）]"
               rf"|(0[1-9]){_SPACE}+(?=[^\d\s万亿千百个%％年月日]))")
_ITEM = re.compile(rf"^{ITEM_NUMBER}{_SPACE}*(.+)$")
#: ``1.5G网络覆盖工程``: an item whose title opens with a number, one capital letter and a
#: Chinese character (5G网络, 3D打印, 4K超高清; not 1.5GW or 1.5kg), read so only where its
#: number is the one expected next (:func:`match_item`).
_DIGIT_TITLE_ITEM = re.compile(rf"^(\d+){_SPACE}*[.．]{_SPACE}*(\d+[A-Z][\u4e00-\u9fff].*)$")
#: ``1.12英寸MEMS传感器产线。建设…`` in a 专栏: item 1 whose title opens with a number (not the
#: decimal 1.12), read so only in a 专栏, where its number is the one expected next and a title
#: of 40 characters or fewer ends at 。, and not before a count (1.5万人… is a figure).
_NUMBER_TITLE_ITEM = re.compile(rf"^(\d+){_SPACE}*[.．]{_SPACE}*(?!\d+[万亿千百%％])(\d+[^。\d][^。]{{0,39}}。.*)$")
#: ``4.20万吨有机硅单体项目。…`` after item 3 in a 专栏: item 4 whose title opens with a count,
#: read so only right after the item before it (a 专栏's first line 1.5万人次… stays a figure).
_COUNT_TITLE_ITEM = re.compile(rf"^(\d+){_SPACE}*[.．]{_SPACE}*(\d+[万亿千百][^。\d][^。]{{0,39}}。.*)$")
_RUN_ITEM = re.compile(rf"^([12][0-9]){_SPACE}+(?=[^\d\s万亿千百个%％年月日])(.+)$")
#: Any numbering a line of a plan may open with: 一、 （一） or an item number.  Readers and
#: other modules that must recognise (or strip) numbering use this, not a copy of it.
#: The numbering of the official heading sequence: 一、 (a chapter) or （一） (a section).
OFFICIAL_NUMBER = (rf"(?:[一二三四五六七八九十]{{1,3}}{_SPACE}*[、，,．.]"
                   rf"|[（(]{_SPACE}*[一二三四五六七八九十]{{1,3}}{_SPACE}*[)）])")
NUMBERING = rf"(?:{OFFICIAL_NUMBER}|{ITEM_NUMBER})"
_NUMBERED = re.compile(rf"^{_SPACE}*{NUMBERING}{_SPACE}*")
_NOTE = re.compile(rf"^(?:(?:注|备注|说明|资料来源|数据来源){_SPACE}*\d*{_SPACE}*[:：]|注{_SPACE}*[①-⑳\d])")
_NUMBERED_NOTE = re.compile(r"^[①-⑳]")
_TASK = re.compile(r"^(?:——|─{2}|—{2}|--)\s*")
_TITLE_END = "。"
_CLAUSE_MARK = re.compile(r"[，,；;]")  # a name holds none
_NAME_COLON = re.compile(r"：|(?<!\d):(?!\d)")  # 21:00 and 1:1 are no name's end
#: Words before a colon that introduce what follows rather than name a project.
_LEAD_IN = re.compile(r"^(?:其中|原则上|具体|(?:主要|具体)?包括|到?\d{4}年.*)$|(?:内容|以下.{0,4}|如下)$")

LEVELS = {"篇": "part", "部分": "part", "章": "chapter", "节": "section"}

# The official sequence many district plans use instead of 章/节: 一、 → （一） → 1. → （1）.
_OFFICIAL_CHAPTER = re.compile(r"^([一二三四五六七八九十]{1,3})\s*[、，,．.]\s*(.+)$")
_OFFICIAL_SECTION = re.compile(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(.+)$")
_TOC = re.compile(r"^目[\s\u3000\xa0]*录$")


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
        if sep and len(title) <= DEFAULTS.official_title_max:
            return Heading(level, number, normalize_space(title)), rest.strip()
        # A heading may hold a comma (（一）加快系统创新，增强融合发展新动能) but a clause that
        # runs on ends with one, and a sentence holds a semicolon or a colon.
        if not sep and len(body) <= DEFAULTS.official_title_max and not re.search(r"[；;：:]", body) \
                and not re.search(r"[，,、]$", body):
            return Heading(level, number, normalize_space(body)), ""
        return None
    return None


#: The line that opens an attachment (附件, 附件1, 附件：, 附件2 申请表): what follows is another document.
_ANNEX = re.compile(rf"^附件{_SPACE}*[0-9０-９一二三四五六七八九十]*{_SPACE}*(?:[:：]|$|{_SPACE}+\S.{{0,40}}$)")


def is_annex(text: str) -> bool:
    """The line that opens an attachment (``附件``, ``附件1``, ``附件：1.…``)."""
    return bool(_ANNEX.match(text.strip()))


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


def match_table_caption(text: str) -> str | None:
    """``表1  “十四五”港口发展主要指标``, ``表1-1 主要指标``, ``表1“十四五”…``, ``表1（续）`` → the
    whole caption, spaces normalized; None for a sentence (``表1列出了…``, ``表2是…。``: text
    right after the number, or a sentence's end) or anything else."""
    m = _TABLE_CAPTION.match(text)
    if not m or to_int(m.group(2)) is None or text.rstrip().endswith(("。", "；", "，")):
        return None
    caption = normalize_space(text)
    if not re.match(r"附?表\d", caption) and re.match(rf"附?表{_SPACE}*{_NUM}{_SPACE}", text):
        # 表一 主要指标: the space after a Chinese numeral parts it from the name
        caption = normalize_space(text[:m.end(3) if m.group(3) else m.end(2)]) + " " + normalize_space(m.group(4))
    return caption


def split_caption(text: str) -> tuple[str, str, str] | None:
    """A caption's word, number and name, for its English ("Table 2-1: …"): ``表2-1 重点项目``
    → ("表", "2-1", "重点项目"), ``专栏三：重点工程`` → ("专栏", "3", "重点工程"); None for
    anything else (a sentence that opens with 表1, see :func:`match_table_caption`)."""
    text = text.strip()
    if match_table_caption(text):
        m = _TABLE_CAPTION.match(text)  # as written: normalize_space joins 表一 and its name
        word, number, sub, name = m.group(1), to_int(m.group(2)), m.group(3) or "", m.group(4)
    else:
        m = _COLUMN.match(text)
        if not m or to_int(m.group(1)) is None or not m.group(2).strip():
            return None
        word, number, sub, name = "专栏", to_int(m.group(1)), "", m.group(2)
    sub = sub.translate(str.maketrans("－—．", "--."))  # 表1.2 "Table 1.2", 表2-1 "Table 2-1"
    return word, f"{number}{sub}", normalize_space(name)


def item_number(m: re.Match) -> int | None:
    """The number an :data:`ITEM_NUMBER` match read (its first three groups)."""
    number = m.group(1) or m.group(2) or m.group(3)
    return int(number) if number else None


def match_item(text: str, after: int | None = None, in_column: bool = False,
               following: str | None = None) -> tuple[int, str] | None:
    """A numbered item ``1.`` ``2、`` ``（3）`` ``01 …`` → (number, text after the number).

    ``after`` is the number of the item before, where there is one: ``10 …`` after item 9
    continues a run of ``01 …`` items; ``15 分钟…`` with no item 14 before it is text;
    ``1.5G网络…`` is item 1 ("5G网络…") as the first item, text after item 3.  ``in_column``
    (a 专栏's lines): ``2.8英寸MEMS产线。…`` after item 1 is item 2, not the decimal 2.8, and
    ``1.12英寸…`` is item 1 where the line ``following`` it is item 2 (``1.5小时交通圈建设工程。…``
    before an unnumbered line is a figure), and ``4.20万吨…项目。…`` right after item 3 is item 4.
    """
    m = _ITEM.match(text)
    if m:
        return item_number(m), m.group(4).strip()
    m = _RUN_ITEM.match(text)
    if m and after is not None and int(m.group(1)) == after + 1:
        return int(m.group(1)), m.group(2).strip()
    m = _DIGIT_TITLE_ITEM.match(text)
    if m and int(m.group(1)) == (after or 0) + 1:
        return int(m.group(1)), m.group(2).strip()
    m = _COUNT_TITLE_ITEM.match(text) if in_column and after is not None else None
    if m and int(m.group(1)) == after + 1:
        return int(m.group(1)), m.group(2).strip()
    item = number_title_item(text) if in_column else None
    if item and item[0] == (after or 0) + 1 and (
            after is not None or following is not None and (match_item(following, 1, True) or (None,))[0] == 2):
        return item
    return None


def official_item(text: str) -> tuple[int, str] | None:
    """``（三）硅材料检验检测中心：建设工业硅检测平台。`` → (3, "硅材料检验检测中心：建设…"): a
    专栏's item numbered as a heading is, a name of 30 characters or fewer, a colon and what
    the item does.  None for a group heading (``（一）水利工程``) or a sentence."""
    for pattern in (_OFFICIAL_CHAPTER, _OFFICIAL_SECTION):
        m = pattern.match(text)
        if m:
            number, body = to_int(m.group(1)), m.group(2).strip()
            name, colon, rest = body.replace(":", "：").partition("：")
            if number is not None and colon and 0 < len(name) <= 30 and "。" not in name and rest.strip("。 "):
                return number, body
            return None
    return None


def number_title_item(text: str) -> tuple[int, str] | None:
    """``2.8英寸MEMS产线。…`` → (2, "8英寸MEMS产线。…"): the form :func:`match_item` reads as an
    item only in sequence, with no sequence asked (the builder looks back for item 1)."""
    m = _NUMBER_TITLE_ITEM.match(text)
    return (int(m.group(1)), m.group(2).strip()) if m else None


def strip_numbering(text: str) -> str:
    """``一、就业创业`` → ``就业创业``; text without numbering comes back trimmed."""
    m = _NUMBERED.match(text)
    return text[m.end():].strip() if m else text.strip()


def is_numbered(text: str) -> bool:
    """Whether ``text`` opens with numbering (see :data:`NUMBERING`)."""
    return _NUMBERED.match(text) is not None


def is_note(text: str, after_table: bool = False) -> bool:
    """``注：…`` / ``备注：…`` / ``注①…`` lines that explain a table; with ``after_table``
    (the line follows an indicator table or stands in one) also the notes numbered
    ``①②③`` on lines of their own.  The one test for a note, for the builder and the
    table reader alike."""
    return bool(_NOTE.match(text) or after_table and _NUMBERED_NOTE.match(text))


def match_task(text: str) -> str | None:
    """A task paragraph ``——实施就业优先战略…`` → its text without the dash."""
    m = _TASK.match(text)
    if not m or len(text) <= m.end():
        return None
    return text[m.end():]


def first_sentence(text: str) -> str:
    """The text up to (not including) the first 。, the title of a task (contract)."""
    head, sep, _ = text.partition(_TITLE_END)
    return head.strip() if sep else text.strip()


#: The last words of an item's name that make an unnumbered ``name：text`` line a project
#: (海绵城市示范片区建设工程：…, 政府采购电子化交易平台项目：…).
_PROJECT_NAME_END = re.compile(r"(?:工程|项目|行动|计划|专项)$")
#: Words that make such a name a group label or a field, not a project (续建项目, 近期重点建设项目,
#: 实施计划, 年度计划) when nothing else stands before the ending.
_GENERIC_NAME = re.compile(r"^(?:续建|新建|拟建|在建|储备|谋划|前期|重点|重大|近期|中期|远期|年度|实施|工作|建设|推进"
                           r"|进度|资金|投资|其他|主要|后续|配套|示范|试点|总体|具体)*$")


def match_named_item(text: str) -> str | None:
    """An unnumbered project item, ``消防站建设工程：新建…``: its text when the words before the
    colon are a project's name (:func:`project_title` reads one, ending as projects' names
    do: 强基工程, not a group label such as 续建项目 or 近期重点建设项目 nor a field such as 实施计划);
    None for any other line (其中：…, 主要内容：…, running text)."""
    name = project_title(text)
    end = _PROJECT_NAME_END.search(name)
    if name != first_sentence(text) and len(name) <= 40 and end and not _GENERIC_NAME.match(name[:end.start()]):
        return text.strip()
    return None


def project_title(text: str) -> str:
    """The name of a project item: the text before a colon that ends a name
    (``消防站建设工程：新建…`` → 消防站建设工程), else up to the first 。.  A name holds no
    ， or ；, so a colon inside a sentence (…，包括：…) does not end one; a colon between
    digits is a time or a ratio (21:00, 1:1); a lead-in (其中：, 主要内容：, 重点支持以下方向：)
    names nothing."""
    head = first_sentence(text)
    m = _NAME_COLON.search(head)
    if m:
        name = head[:m.start()].strip()
        if name and head[m.end():].strip() and not _CLAUSE_MARK.search(name) and not _LEAD_IN.search(name):
            return name
    return head
