"""Indicator tables: header roles, category rows, indicator rows.

A header row tells which column holds what (``2020年基数`` is the baseline,
``2025年目标`` the target, the last bare year of a review table the actual value,
``指标属性`` the attribute).  Rows are kept raw until the 专栏 closes, because the
note that says brackets are five-year totals comes *after* the table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import Table
from .headings import ITEM_NUMBER, is_note, item_number, strip_numbering
from .model import INDICATOR_VALUES, Indicator, Quantity
from .quantity import is_placeholder, is_unit, parse_quantity
from .reflow import join_wrapped

ATTRIBUTE_CODES = {"预期性": "anticipatory", "约束性": "binding"}

# Header cells are compared with spaces and brackets removed: 2020年（基期） → 2020年基期.
_HEADER_NOISE = re.compile(r"[\s（）()【】\[\]〔〕]")
#: A plan period named in a header (“十三五”完成情况, “十四五”目标): its last year.
_PLAN_PERIOD = re.compile(r"^[“\"]?十([一二三四五])五[”\"]?(?:时期|期末|末)?")


def _dated(words: str) -> re.Pattern:
    """A value column's header, its year before or after the word (2020年基期值, 基期值（2020年）)
    or none (基期值): the year is group 1 or 2.  A word alone is a value column only where it
    cannot head a project table's column (:data:`_VALUE_WORDS`) or the name column says 指标."""
    return re.compile(rf"^(?:(\d{{4}})年?(?:{words})|(?:{words})(?:(\d{{4}})年?)?)$")


_YEAR_BASE = _dated("基数|基期|基期值|现状|现状值|基准值|基准")
_YEAR_TARGET = _dated("目标|目标值|预期目标|规划目标|预期值|目标任务|规划值|规划目标值|预期目标值")
_YEAR_ACTUAL = _dated("实际|完成|完成值|实际值|实际完成|实际完成值|完成情况|规划完成情况|规划完成值")
#: Words that name a value column with no year in any table (完成情况, 现状 or 目标任务 alone
#: also head the columns of a table of projects: 项目 | 建设内容 | 完成情况).
_VALUE_WORDS = frozenset({"基期值", "现状值", "基准值", "规划值", "规划目标值"})
#: Name-column headers of an indicator table, where any value word names a value column.
_INDICATOR_NAMES = ("指标", "指标名称", "主要指标", "指标项")
_YEAR_ONLY = re.compile(r"^(\d{4})年?$")
_ROW_NAME = re.compile(rf"^{ITEM_NUMBER}?\s*(其中\s*[:：]\s*)?(.+)$")
_TRAILING_PAREN = re.compile(r"^(.*?)[（(]([^（）()]+)[)）]\s*$")
_NAME_FOOTNOTE = re.compile(r"\s*([*※＊△\u2460-\u2469]+|[\[［]\d{1,2}[\]］])$")
_CUMULATIVE_NOTE = re.compile(r"[\[［〔【]\s*[\]］〕】].{0,12}累计")
UNIT_ROW = re.compile(r"^(?:计量)?单位\s*[:：]\s*(\S+)$")

# A 年均/累计 column: 年均增长（%）, 年均增速, 五年累计, “十四五”累计, 2021-2025年年均 …
_GROWTH = re.compile(r"^(?:五年|十[三四五]五(?:时期|期间)?|\d{4}[-—–~至]\d{4}年?)?"
                     r"(?:年均|累计)(?:增长率?|增速|增幅|值|数)?"
                     r"(?:[/、]?(?:年均|累计)(?:增长率?|增速|增幅|值|数)?)?$")
_GROWTH_NOISE = re.compile(r"[“”\"'‘’]")
_CHINESE_ORDINAL = re.compile(r"[（(]?[一二三四五六七八九十]{1,3}[)）]?[、.．]?")

NAME, CATEGORY, UNIT, BASELINE, TARGET, ACTUAL, ATTRIBUTE, SEQ, GROWTH = (
    "name", "category", "unit", "baseline", "target", "actual", "attribute", "seq", "growth")


@dataclass
class HeaderRoles:
    """Column index → role, and the year each value column speaks of."""

    roles: dict[int, str]
    years: dict[str, int | None] = field(default_factory=dict)
    #: a unit the header writes for a role's column: 年均增长（%） → {"growth": "%"}
    units: dict[str, str] = field(default_factory=dict)


def read_header(cells: list[str]) -> HeaderRoles | None:
    """Assign roles to a header row; None when it is not an indicator table header."""
    roles: dict[int, str] = {}
    years: dict[str, int | None] = {}
    bare_years: list[tuple[int, int]] = []
    planned_target: int | None = None
    units: dict[str, str] = {}
    # under 指标, 现状 | 2025年 is baseline and target; under 项目, 现状 alone heads no value
    of_indicators = any(_HEADER_NOISE.sub("", c).endswith(_INDICATOR_NAMES) for c in cells)
    for i, raw in enumerate(cells):
        text = _HEADER_NOISE.sub("", raw)
        if not text:
            continue
        if m := _PLAN_PERIOD.match(text):  # “十三五”完成情况 → 2020年完成情况
            dated = f"{2005 + 5 * '一二三四五'.index(m.group(1)) + 5}年{text[m.end():]}"
            if any(p.match(dated) for p in (_YEAR_BASE, _YEAR_TARGET, _YEAR_ACTUAL, _YEAR_ONLY)):
                text = dated  # “十三五”末 → 2020年, a bare year
        rest, header_unit = _trailing_unit(re.sub(r"\s+", "", raw))
        if text in ("序号", "序", "编号"):
            role, year = SEQ, None
        elif text in _INDICATOR_NAMES or text == "项目" or (i <= 1 and text.endswith("指标")):
            role, year = NAME, None
        elif text in ("类别", "分类", "领域", "类型"):
            role, year = CATEGORY, None
        elif text in ("单位", "计量单位"):
            role, year = UNIT, None
        elif text in ("指标属性", "属性", "指标性质", "性质"):
            role, year = ATTRIBUTE, None
        elif m := _value_column(_YEAR_BASE, text, of_indicators):
            role, year = BASELINE, _year_of(m)
        elif text in ("规划目标", "目标", "目标值"):
            if planned_target is None:
                planned_target = i
            continue
        elif m := _value_column(_YEAR_TARGET, text, of_indicators):
            role, year = TARGET, _year_of(m)
        elif m := _value_column(_YEAR_ACTUAL, text, of_indicators):
            role, year = ACTUAL, _year_of(m)
        elif m := _YEAR_ONLY.match(text):
            bare_years.append((i, int(m.group(1))))
            continue
        elif _GROWTH.match(_GROWTH_NOISE.sub("", _HEADER_NOISE.sub("", rest) if header_unit else text)):
            role, year = GROWTH, None
        else:
            continue
        if role in roles.values():
            earlier = next(k for k, r in roles.items() if r == role)
            if not (role == TARGET and year and (years.get(TARGET) or 0) < year):
                continue  # a repeated header: the first column with a role keeps it
            del roles[earlier]  # “十三五”规划目标 | … | “十四五”目标: the later target is the plan's
        roles[i] = role
        if header_unit and role == GROWTH:
            units[role] = header_unit
        if year is not None:
            years[role] = year
    if planned_target is not None and TARGET not in roles.values() and (
            of_indicators or bare_years or any(years.values())):  # 项目 | 主要内容 | 目标: no values
        roles[planned_target] = TARGET
    if bare_years:
        # A review table reads 2015年 | 规划目标 | 2020年: the first bare year is the
        # baseline, the last the actual value, and the planned target speaks of it.
        # Without a 目标 column, 2020年 | 2025年 is simply baseline and target.
        if BASELINE not in roles.values():
            index, year = bare_years.pop(0)
            roles[index], years[BASELINE] = BASELINE, year
        if bare_years:
            index, year = bare_years[-1]
            if TARGET not in roles.values():
                roles[index], years[TARGET] = TARGET, year
            elif ACTUAL not in roles.values():
                roles[index], years[ACTUAL] = ACTUAL, year
    if TARGET in roles.values() and years.get(TARGET) is None and years.get(ACTUAL):
        years[TARGET] = years[ACTUAL]  # 规划目标 of a review table speaks of the year reviewed
    if NAME not in roles.values() or not ({BASELINE, TARGET, ACTUAL, GROWTH} & set(roles.values())):
        return None
    return HeaderRoles(roles, years, units)


def _value_column(pattern: re.Pattern, text: str, of_indicators: bool) -> re.Match | None:
    """``pattern``'s match (:func:`_dated`) where the header names a value column: it has a
    year, the name column says 指标, or the word heads no project table's column (_VALUE_WORDS)."""
    m = pattern.match(text)
    return m if m and (_year_of(m) or of_indicators or text in _VALUE_WORDS) else None


def _year_of(m: re.Match) -> int | None:
    year = m.group(1) or m.group(2)
    return int(year) if year else None


def is_cumulative_note(note: str) -> bool:
    """``注：[ ]内为五年累计值`` — bracketed values in this table are multi-year totals."""
    return bool(_CUMULATIVE_NOTE.search(note))


_FOOTNOTE_YEAR = re.compile(r"(?:带|标有?|加)?([*※＊△])(?:号)?(?:的|者)?(?:指标|数据|数值)?为(\d{4})年(?:数据|数值|数|值)")


def footnote_years(notes: list[str]) -> dict[str, int]:
    """``②带*的为2019年数据`` → {"*": 2019}: cells flagged with that marker speak of that year."""
    found: dict[str, int] = {}
    for note in notes:
        for m in _FOOTNOTE_YEAR.finditer(note):
            found.setdefault(m.group(1).replace("＊", "*"), int(m.group(2)))
    return found


def split_name(cell: str) -> tuple[int | None, bool, str, str | None, str | None]:
    """``10.其中：高级职称人才总量（万人）`` → (10, True, "高级职称人才总量", "万人", None).

    The last item is a footnote marker written after the name (``…（万人）*``).
    """
    text = cell.strip()
    footnote = None
    if marker := _NAME_FOOTNOTE.search(text):
        footnote, text = marker.group(1), text[:marker.start()]
    m = _ROW_NAME.match(text)
    if m is None:  # an empty cell, or one that is only a footnote marker: no name
        return None, False, "", None, footnote
    seq = item_number(m)
    is_part = bool(m.group(4))
    name = m.group(5).strip()
    name, unit = _trailing_unit(name)
    return seq, is_part, name, unit, footnote


def _trailing_unit(text: str) -> tuple[str, str | None]:
    """``城镇新增就业人数（万人）`` → (``城镇新增就业人数``, ``万人``): a unit of data/units.toml in
    a closing bracket; ``(text, None)`` when the bracket holds no unit (or there is none)."""
    paren = _TRAILING_PAREN.match(text)
    if paren:
        unit = paren.group(2).strip().replace("％", "%")
        if is_unit(unit):
            return paren.group(1).strip(), unit
    return text, None


def category_of(cell: str) -> str:
    """``一、就业创业`` → ``就业创业``."""
    return strip_numbering(cell) or cell.strip()


@dataclass
class RawRow:
    """An indicator row as read, before quantities are parsed."""

    seq: int
    is_part: bool
    name: str
    unit: str | None
    category: str | None
    cells: dict[str, str]
    loc: dict
    footnote: str | None = None
    numbered: bool = True  # False when seq was assigned because the row had no number


_UNITLESS_NAME = re.compile(r"(率|比例|比重|指数|系数|倍数|比|占比|水平|排名|等级)$")
_DIGIT = re.compile(r"[0-9０-９]")  # a figure in a cell read as text
#: Figures that are part of a name or a rank, not a value (5G全覆盖, 4A级, 第12位).
_NAMED_FIGURES = re.compile(r"[0-9０-９]+(?:\.[0-9]+)?[A-Za-zＡ-Ｚａ-ｚ](?![A-Za-zＡ-Ｚａ-ｚ])|第[0-9０-９]+")  # not 1000Mbps


def build_indicators(column_number: int, rows: list[RawRow], header: HeaderRoles,
                     brackets_cumulative: bool, warn, notes: list[str] = (), where: str | None = None) -> list[Indicator]:
    """Turn raw rows into Indicators once the table's notes are known.  ``where`` names the
    table in warnings (``表1 主要指标`` for a table in no 专栏); by default ``专栏N``.

    ``warn(code, message, loc)`` reports a row whose numbers carry no unit.  A growth
    cell (年均/累计) takes the header's unit or the row's; brackets there are always a
    multi-year total.  A note ``带*的为2019年数据`` gives cells flagged ``*`` that year.
    """
    flagged_years = footnote_years(list(notes))
    where = where or f"专栏{column_number}"
    out: list[Indicator] = []
    parent: int | None = None
    for row in rows:
        if not row.is_part:
            parent = row.seq
        values: dict[str, Quantity | None] = {}
        for role in INDICATOR_VALUES:
            raw = row.cells.get(role)
            unit = header.units.get(role) or row.unit
            q = parse_quantity(raw, unit, brackets_cumulative=brackets_cumulative or role == GROWTH,
                               leading=True) if raw else None
            if q is not None and role != GROWTH:
                q.year = flagged_years.get((q.footnote or "").replace("＊", "*")) or header.years.get(role)
            values[role] = q
        if row.unit is None and not _UNITLESS_NAME.search(row.name) and any(
                q is not None and q.kind in ("number", "range") and q.unit is None for q in values.values()):
            warn("missing_unit", f"{where} row {row.seq} {row.name}: numbers with no unit "
                 "(none in the name's parenthesis, a 单位 column or the cell)", row.loc)
        unread = [f"{role}={q.raw}" for role, q in values.items()
                  if q is not None and q.kind == "text" and _DIGIT.search(_NAMED_FIGURES.sub("", q.raw))]
        if unread:  # 较“十三五”时期下降10%: a figure kept as text, so a user knows it was not read
            warn("text_value", f"{where} row {row.seq} {row.name}: kept as text, its figures "
                 f"not read as a value: {'; '.join(unread)}", row.loc)
        attribute = row.cells.get(ATTRIBUTE) or None
        out.append(Indicator(
            column=column_number, seq=row.seq, name=row.name, loc=row.loc,
            category=row.category, unit=row.unit,
            parent_seq=parent if row.is_part and parent != row.seq else None,
            attribute=attribute, attribute_code=ATTRIBUTE_CODES.get(re.sub(r"\s+", "", attribute or "")),
            baseline=values[BASELINE], target=values[TARGET], actual=values[ACTUAL],
            growth=values[GROWTH], footnote=row.footnote))
    return out


def read_rows(table: Table, header_index: int, header: HeaderRoles, warn,
              default_unit: str | None = None) -> tuple[list[RawRow], list[str]]:
    """Read the rows below the header: category rows, indicator rows, note rows.

    Returns the indicator rows and any notes found inside the table.  ``warn(code,
    message, loc)`` reports what it could only partly read — with the text it could
    not place, so nothing is lost.  ``default_unit`` comes from a ``单位：万人`` line
    above the header, for rows that name no unit of their own.
    """
    rows: list[RawRow] = []
    notes: list[str] = []
    category: str | None = None
    category_raw = ""
    category_loc: dict | None = None
    headers = [c.text.strip() for c in table.rows[header_index]]
    width = len(headers)
    unread = [i for i in range(width) if i not in header.roles and headers[i]]
    for r in range(header_index + 1, len(table.rows)):
        cells = [join_wrapped(c.text) for c in table.rows[r]]
        loc = table.row_locs[r] if r < len(table.row_locs) else dict(table.loc, row=r)
        filled = [c for c in cells if c]
        if not filled:
            continue
        if (numbered := _numbered_category(cells, header)) is not None:  # 一 | 档案资源建设 | | …
            filled = [numbered]
            cells = [numbered]
        if len(filled) == 1 and (len(cells) == 1 or cells[0] == filled[0]) and not _looks_like_row(filled[0]):
            if is_note(filled[0], after_table=True):
                notes.append(filled[0])
            else:
                if category_loc is not None:
                    warn("empty_category", f"category row {category_raw} has no indicators under it",
                         category_loc)
                category, category_raw, category_loc = category_of(filled[0]), filled[0], loc
            continue
        if len(cells) == width - 1:  # a row that leaves out the 类别 cell (merged over its group)
            cells = _with_category_cell(cells, header)
        if len(cells) != width:
            extra = [c for c in cells[width:] if c]
            warn("row_shape", f"row has {len(cells)} cells where the header has {width}; read by position"
                 + (f"; cells not read: {' | '.join(extra)}" if extra else ""), loc)
        skipped = [f"{headers[i]}={cells[i]}" for i in unread if i < len(cells) and cells[i]]
        if skipped:
            warn("unread_cells", f"cells under headers with no known role: {'; '.join(skipped)}", loc)
        by_role = {role: cells[i] for i, role in header.roles.items() if i < len(cells)}
        name_cell = by_role.get(NAME, "")
        seq, is_part, name, unit, footnote = split_name(name_cell)
        if not name:
            warn("unnamed_row", f"row with no indicator name, not read: {' | '.join(filled)}", loc)
            continue
        category_loc = None  # the category row has an indicator under it
        if by_role.get(SEQ, "").isdigit():
            seq = int(by_role[SEQ])
        if by_role.get(UNIT) and not is_placeholder(by_role[UNIT]):  # 单位 "—": a ratio, no unit
            unit = by_role[UNIT].replace("％", "%")
        unit = unit or default_unit
        if by_role.get(CATEGORY):
            category = category_of(by_role[CATEGORY])
        rows.append(RawRow(seq or 0, is_part, name, unit, category, by_role, loc, footnote, seq is not None))
    if category_loc is not None:
        warn("empty_category", f"category row {category_raw} has no indicators under it", category_loc)
    _number_rows(rows, warn)
    return rows, notes


def _numbered_category(cells: list[str], header: HeaderRoles) -> str | None:
    """The category of a row that numbers it in the 序号 column with a Chinese numeral and
    names it under 指标, every other cell empty (一 | 档案资源建设 | | |): 档案资源建设."""
    at = {role: i for i, role in header.roles.items()}
    seq_at, name_at = at.get(SEQ), at.get(NAME)
    if seq_at is None or name_at is None or max(seq_at, name_at) >= len(cells):
        return None
    if not _CHINESE_ORDINAL.fullmatch(cells[seq_at].strip()) or not cells[name_at].strip():
        return None
    if any(c.strip() for k, c in enumerate(cells) if k not in (seq_at, name_at)):
        return None
    return cells[name_at].strip()


def _with_category_cell(cells: list[str], header: HeaderRoles) -> list[str]:
    """``cells`` with an empty cell put back under the 类别 column, wherever that column is
    (类别 | 指标 | …, 序号 | 类别 | 指标 | …), when the name then stands under the name column:
    a merged 类别 cell is written on the first row of its group only.  Else ``cells``."""
    at = {role: i for i, role in header.roles.items()}
    category_at, name_at = at.get(CATEGORY), at.get(NAME)
    if category_at is None or name_at is None or name_at < category_at:
        return cells
    shifted = cells[:category_at] + [""] + cells[category_at:]
    name = shifted[name_at] if name_at < len(shifted) else ""
    if not name or _reads_as_value(name):
        return cells
    # the next column must read as what it is: a unit under 单位, else a value (a row that
    # lacks a value cell, not its 类别, stays as it is, with its row_shape warning)
    check_at, check = (at[UNIT], _reads_as_unit) if UNIT in at else (at.get(BASELINE), _reads_as_value)
    if check_at is not None and check_at < len(shifted) and not check(shifted[check_at]) and not (
            check is _reads_as_unit and _unlisted_unit(shifted, check_at, cells[category_at])):
        return cells
    return shifted


def _unlisted_unit(cells: list[str], at: int, under_category: str) -> bool:
    """``cells[at]`` is a short word with no figure before a value: a unit the unit table
    lacks (学时, 万TEU) rather than a name out of place.  It must look like one (one or two
    characters, a 万/亿 prefix, Latin letters), or what stands under 类别 as written is a bare
    序号 (9 | 名称 | 项次 | …); a row that writes its 类别 but no unit (民生福祉 | 城镇化率 | 65 | …)
    stays as it is, with its row_shape warning."""
    word = cells[at].strip().strip("（）()")
    if not (0 < len(word) <= 4 and not re.search(r"\d", word) and at + 1 < len(cells)
            and cells[at + 1].strip() != "" and _reads_as_value(cells[at + 1]) and not _reads_as_unit(cells[at + 1])):
        return False
    return (len(word) <= 2 or word[0] in "万亿" or bool(re.search(r"[A-Za-z]", word))
            or bool(re.fullmatch(r"\d{1,3}\.?", under_category.strip())))


def _reads_as_unit(cell: str) -> bool:
    text = cell.strip().strip("（）()")
    return not text or is_placeholder(text) or is_unit(text.replace("％", "%"))


def _reads_as_value(cell: str) -> bool:
    q = parse_quantity(cell) if cell.strip() else None
    return q is None or q.kind != "text"


def _number_rows(rows: list[RawRow], warn) -> None:
    """Give unnumbered rows a seq: the next number in a table that numbers none of its
    rows; after the highest written number otherwise, so that (column, seq) still names
    one indicator.  That is warned about, except for a 其中 row: plans leave those
    unnumbered, and its parent_seq places it.  An unnumbered row right after an unnumbered
    其中 row, in the same unit, is a part too (其中：城市社区（%） / 农村社区（%）)."""
    if not any(row.numbered for row in rows):
        for i, row in enumerate(rows, start=1):
            row.seq = i
        return
    for before, row in zip(rows, rows[1:]):
        # 其中：城市社区（%） | … then 农村社区（%） | …, unnumbered, in the same unit: a part too
        # (其他指标（个） after 其中：高校毕业生（万人） is not)
        same_unit = row.unit == before.unit and (row.unit is not None or bool(
            _UNITLESS_NAME.search(row.name) and _UNITLESS_NAME.search(before.name)))  # …率, …率: no unit
        if (before.is_part and not before.numbered and not row.numbered and not row.is_part
                and before.category == row.category and same_unit):
            row.is_part = True
    next_free = max(row.seq for row in rows if row.numbered) + 1
    has_parent = False
    for row in rows:
        if not row.numbered:
            row.seq, next_free = next_free, next_free + 1
            if not (row.is_part and has_parent):
                warn("unnumbered_row", f"row {row.name} has no number in a numbered table; given seq {row.seq}",
                     row.loc)
        has_parent = has_parent or not row.is_part


def _looks_like_row(text: str) -> bool:
    """A lone cell that starts ``12.`` (an item number) is an indicator with its values missing."""
    return bool(re.match(rf"^{ITEM_NUMBER}", text))
