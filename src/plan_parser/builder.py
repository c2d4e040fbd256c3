"""The structure builder: one pass over the block stream, for every input format.

It understands plans — headings, 专栏 boxes, indicator tables, project lists,
tasks, notes and the front matter — and nothing about file formats.  Every
paragraph it is given ends up somewhere in the :class:`Plan` (a heading, a
section's paragraphs, a task, a 专栏, the preamble) or in ``warnings``.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from . import headings as H
from .blocks import Block, Paragraph, ReadResult, Table
from .indicators import (UNIT_ROW, HeaderRoles, RawRow, build_indicators, footnote_years, is_cumulative_note,
                         read_header, read_rows)
from .meta import read_meta
from .model import (Chapter, Column, Part, ParseWarning, Plan, Project, Section, Source, Task,
                    TextBlock, loc_span)
from .quantity import extract_quantities
from .reflow import join_wrapped


@dataclass
class _OpenColumn:
    """A 专栏 being read: its model object plus what is pending until it closes."""

    column: Column
    index: int  # the column's place in plan.columns: what its items' ``table`` points at
    header: HeaderRoles | None = None
    rows: list[RawRow] = field(default_factory=list)
    has_box: bool = False
    last_loc: dict | None = None
    project: Project | None = None
    project_last: dict | None = None
    group: str | None = None  # the 一、/（一） group heading the next items fall under
    numbered_items: bool = False  # the 专栏 numbers its items: a ``name：`` line then continues one
    named_items: bool = False  # its items are ``name：text`` lines: a numbered line then details one
    other_table: bool = False  # it holds a table kept as text rows (unrecognized_table said so)
    built: list = field(default_factory=list)


#: The words of a title that explains terms rather than lists things (名词解释, 指标说明).
_EXPLANATION_WORDS = "解释|说明|释义|含义|定义"
#: A 专栏 title that names a table of indicators (主要指标, 发展指标表), not their explanation
#: (主要指标解释, 指标说明): such a 专栏 with no indicator table warns indicators_not_read.
_NAMES_INDICATORS = re.compile(rf"指标(?!.*(?:{_EXPLANATION_WORDS}|计算|口径))")
#: A 专栏 about indicators or that explains terms (指标解释, 名词解释): its （一）name：text lines
#: are definitions, not projects.
_EXPLAINS = re.compile(rf"指标|{_EXPLANATION_WORDS}")


@dataclass
class _OpenTask:
    task: Task
    last_loc: dict


class PlanBuilder:
    """Consume blocks with :meth:`feed`, then call :meth:`finish` for the Plan."""

    def __init__(self, source: Source, meta_hints: dict | None = None):
        self.plan = Plan(source=source)
        self.meta_hints = meta_hints or {}
        self.part: Part | None = None
        self.chapter: Chapter | None = None
        self.section: Section | None = None
        self.col: _OpenColumn | None = None
        self.last_closed: _OpenColumn | None = None
        self.task: _OpenTask | None = None
        self.official = False  # headings in the 一、/（一） sequence instead of 第X章/第X节
        self.official_sections = False  # 一、 sections under 第X章 chapters (no 第X节)
        self.part_offset: int | None = None  # what a part's 一、 chapters add to their number
        self.last_part_offset = 0  # the offset of the part before (a part that runs on keeps it)
        self.following: str | None = None  # the text of the paragraph after the one being read
        self.toc_first: tuple[str, int] | None = None  # (level, number) of a 目录's first entry
        self.in_toc = False
        self.task_counts: dict[tuple, int] = {}  # (chapter, section) -> tasks so far
        self.seen_warnings: set[tuple] = set()
        self.untitled: Chapter | Section | Part | None = None  # a heading whose title is on the next line

    # -- entry points ---------------------------------------------------------
    def feed(self, blocks: list[Block]) -> None:
        # 一、/（一） are the chapters and sections unless 第X章/第X节 are: a plan may number only
        # its parts 第一部分 (or 第一篇) and its chapters 一、 under them
        levels = {h.level for b in blocks if isinstance(b, Paragraph) and (h := H.match_heading(b.text)) is not None}
        self.official = not levels - {"part"}
        # 第X章 with no 第X节: its sections are numbered 一、 (第一章 发展基础 / 一、发展成就)
        self.official_sections = "chapter" in levels and "section" not in levels
        for k, block in enumerate(blocks):
            # the paragraph after this one, for a 专栏 item that needs the next item to be one
            after = blocks[k + 1] if k + 1 < len(blocks) else None
            self.following = after.text if isinstance(after, Paragraph) else None
            if isinstance(block, Paragraph):
                caption = H.match_table_caption(block.text)
                if not (caption and self._outside_column() and k + 1 < len(blocks)
                        and isinstance(blocks[k + 1], Table)):
                    unread = (caption and self._outside_column() and _NAMES_INDICATORS.search(caption)
                              and not any(isinstance(b, Table) for b in blocks[k + 1:k + 5]))
                    self._paragraph(block, in_box=False)
                    if unread and not self.in_toc and block.style != "toc":
                        # 表1 主要指标 over cells no reader knows (not a 目录's entry, nor a caption
                        # whose table follows a 单位 or 注 line): kept as lines, said so
                        self._warn_indicators_not_read(caption, block.loc)
                elif self._captioned(blocks[k + 1]):
                    self._open_column(0, caption, block.loc)  # 表1 …: the indicator table's own name
                else:  # a caption of another table: its own paragraph, not the end of a task
                    self._close_task()
                    self._running_text(TextBlock(block.text, block.loc))
            else:
                self._table(block)

    def finish(self) -> Plan:
        self._close_task()
        self._close_column()
        plan = self.plan
        front = [p.text for p in plan.preamble]
        # meta's doubts (a place several units bear, a place not in the list) point at the
        # front matter it was read from
        where = next((b.loc for b in plan.preamble), None) or next((c.loc for c in plan.chapters), None)

        def warn_meta(code: str, message: str, location: dict) -> None:
            self.warn(code, message, location or where or {"line": 1})

        plan.meta = read_meta(front, self.meta_hints, warn_meta)
        return plan

    def warn(self, code: str, message: str, location: dict) -> None:
        """Record a warning once (a 专栏 rebuilt after its note must not repeat it)."""
        key = (code, message, repr(sorted(location.items())))  # a nested location holds a list
        if key not in self.seen_warnings:
            self.seen_warnings.add(key)
            self.plan.warnings.append(ParseWarning(code, message, dict(location)))

    # -- paragraphs -----------------------------------------------------------
    def _paragraph(self, p: Paragraph, in_box: bool) -> None:
        text = p.text
        if not text:
            return
        if self.untitled is not None and self._title_on_next_line(p):
            return
        if p.style == "toc":  # a 目录 entry whose leader and page number the reader took off
            self._running_text(TextBlock(text, p.loc))
            return
        if not in_box and H.is_toc(text):
            self.in_toc = True
            self._running_text(TextBlock(text, p.loc))
            return
        if self.official_sections and not in_box and self.chapter is not None and not self.in_toc and H.is_annex(text):
            self.official_sections = False  # an attachment's 一、 are its own, no sections of 附则
        heading, run_on = H.match_heading(text), ""
        if heading is None and self.official and not in_box:
            heading, run_on = H.match_official(text) or (None, "")
        elif heading is None and self.official_sections and self.chapter is not None and not in_box:
            official, run_on = H.match_official(text) or (None, "")
            if official is not None and official.level == "chapter":
                heading = H.Heading("section", official.number, official.title)
            else:
                run_on = ""
        if self.in_toc and self._toc_entry(heading, text, p.loc):
            return
        if heading:
            self._heading(heading, p.loc)
            if run_on:
                self._paragraph(Paragraph(run_on, p.loc, p.style), in_box)
            return
        column = H.match_column(text)
        if column:
            self._open_column(column[0], column[1], p.loc)
            return
        if H.is_note(text, after_table=self._after_table()) and self._note(text, p.loc):
            return
        if self.col is not None and self._column_paragraph(p, in_box):
            return
        self.last_closed = None
        body = H.match_task(text)
        if body is not None and self.chapter is not None:
            self._start_task(body, p.loc)
            return
        if self.task is not None:
            self.task.task.text += "\n" + text
            self.task.last_loc = p.loc
            return
        self._running_text(TextBlock(text, p.loc))

    def _toc_entry(self, heading: H.Heading | None, text: str, loc: dict) -> bool:
        """Inside a 目录: keep its entries as front matter until the first entry recurs
        as the real heading (or real prose starts).  True when ``text`` was an entry."""
        key = heading and (heading.level, heading.number)
        if heading is not None and (self.toc_first is None or key != self.toc_first):
            self.toc_first = self.toc_first or key
            self._running_text(TextBlock(text, loc))
            return True
        if heading is None and len(text) <= 40 and not text.endswith("。"):
            self._running_text(TextBlock(text, loc))  # 前言, 附件, 专栏 lists, page numbers
            return True
        self.in_toc = False
        return False

    def _running_text(self, block: TextBlock) -> None:
        if self.section is not None:
            self.section.paragraphs.append(block)
        elif self.chapter is not None:
            self.chapter.paragraphs.append(block)
        else:
            self.plan.preamble.append(block)

    def _heading(self, heading: H.Heading, loc: dict) -> None:
        self._close_task()
        self._close_column()
        self.last_closed = None
        if heading.level == "chapter" and self.official and self.part is not None:
            heading = self._through_parts(heading)
        self._check_sequence(heading, loc)
        if heading.level == "part":
            self.part_offset = None
            self.part = made = Part(heading.number, heading.title, dict(loc))
            self.plan.parts.append(self.part)
        elif heading.level == "chapter":
            self.chapter = made = Chapter(heading.number, heading.title, dict(loc),
                                          part=self.part.number if self.part else None)
            self.plan.chapters.append(self.chapter)
            self.section = None
        else:
            if self.chapter is None:
                self.warn("section_outside_chapter",
                          f"第{heading.number}节 {heading.title} stands before any chapter", loc)
                self.chapter = Chapter(0, "", dict(loc))
                self.plan.chapters.append(self.chapter)
            self.section = made = Section(heading.number, heading.title, dict(loc))
            self.chapter.sections.append(self.section)
        self.untitled = made if not heading.title else None

    def _through_parts(self, heading: H.Heading) -> H.Heading:
        """An 一、 chapter under a 第X部分 part, numbered through the plan as 第X章 chapters are
        (a chapter number is unique in a plan: tasks, 专栏 and exports name chapters by it): a
        part whose chapters start again at 一 continues the count, one that runs on (三、) keeps it."""
        if self.part_offset is None:  # the part's first chapter
            last = self.plan.chapters[-1].number if self.plan.chapters else 0
            self.part_offset = last if heading.number == 1 else self.last_part_offset
            self.last_part_offset = self.part_offset
        return H.Heading("chapter", heading.number + self.part_offset, heading.title)

    def _title_on_next_line(self, p: Paragraph) -> bool:
        """``第一章`` alone on its line (a Word line break): the next short line is its title."""
        heading, self.untitled = self.untitled, None
        text = p.text
        if len(text) > 30 or re.search(r"[。，；]", text) or H.match_heading(text) or H.match_column(text):
            return False
        heading.title = H.normalize_space(text)
        heading.loc = loc_span(heading.loc, p.loc)
        return True

    def _check_sequence(self, heading: H.Heading, loc: dict) -> None:
        """Warn when heading numbers skip or repeat (第一章 then 第三章)."""
        if heading.level == "part":
            previous = self.plan.parts[-1].number if self.plan.parts else 0
        elif heading.level == "chapter":
            previous = self.plan.chapters[-1].number if self.plan.chapters else 0  # runs on across parts
        else:
            previous = self.chapter.sections[-1].number if self.chapter and self.chapter.sections else 0
        if heading.number != previous + 1:
            name = {"part": "篇", "chapter": "章", "section": "节"}[heading.level]
            self.warn("heading_skip", f"第{heading.number}{name} {heading.title} follows "
                      f"{f'第{previous}{name}' if previous else 'no earlier ' + name}", loc)

    # -- tasks ----------------------------------------------------------------
    def _start_task(self, body: str, loc: dict) -> None:
        self._close_task()
        where = self._where()
        self.task_counts[where] = seq = self.task_counts.get(where, 0) + 1
        task = Task(chapter=where[0], section=where[1], seq=seq, title=H.first_sentence(body), text=body,
                    loc=dict(loc))
        self.plan.tasks.append(task)
        self.task = _OpenTask(task, loc)

    def _close_task(self) -> None:
        if self.task is not None:
            self.task.task.loc = loc_span(self.task.task.loc, self.task.last_loc)
            self.task = None

    def _where(self) -> tuple[int | None, int | None]:
        return (self.chapter.number if self.chapter else None,
                self.section.number if self.section else None)

    # -- 专栏 -----------------------------------------------------------------
    def _open_column(self, number: int, title: str, loc: dict) -> None:
        self._close_task()
        self._close_column()
        chapter, section = self._where()
        if number and any(c.number == number for c in self.plan.columns):
            self.warn("duplicate_column", f"专栏{number} {title} repeats the number of an earlier 专栏", loc)
        column = Column(number=number, title=title, kind="other", loc=dict(loc),
                        chapter=chapter, section=section)
        self.plan.columns.append(column)
        self.col = _OpenColumn(column, len(self.plan.columns) - 1, last_loc=loc)

    def _after_table(self) -> bool:
        """Whether the line being read follows an indicator table (where ①②③ lines are notes)."""
        target = self.col or self.last_closed
        return target is not None and target.header is not None

    def _note(self, text: str, loc: dict) -> bool:
        """Attach a 注/备注 line to the 专栏 it follows; False when there is none."""
        target = self.col or self.last_closed
        if target is None:
            return False
        target.column.notes.append(text)
        target.last_loc = loc
        if target is self.last_closed:
            target.column.loc = loc_span(target.column.loc, loc)
            if target.header is not None and (is_cumulative_note(text) or footnote_years([text])):
                self._rebuild_indicators(target)  # the note makes brackets totals or flags a year
        return True

    def _column_paragraph(self, p: Paragraph, in_box: bool) -> bool:
        """Place a paragraph inside the open 专栏; False when it closes the 专栏."""
        col = self.col
        if col.header is not None or (col.has_box and not in_box) or (
                not in_box and H.match_task(p.text) is not None):
            self._close_column()
            return False
        col.last_loc = p.loc
        official = H.official_item(p.text) if not _EXPLAINS.search(col.column.title) else None
        if official is not None and (col.project is None or official[0] == col.project.seq + 1):
            # （三）硅材料检验检测中心：建设… — projects numbered as headings are, name and text
            # (not in a 专栏 that explains terms: （一）地区生产总值：指…)
            col.numbered_items = True
            self._open_project(official, p.loc)
            return True
        group = H.match_official(p.text)
        if group is not None and not group[1]:
            # 一、… / （一）… inside a project list groups the items that follow
            self._close_project()
            col.group = group[0].title
            col.column.paragraphs.append(TextBlock(p.text, p.loc))
            return True
        item = H.match_item(p.text, after=col.project.seq if col.project is not None else None, in_column=True,
                            following=self.following if not in_box else None)
        if item is not None and col.named_items:
            # after 'name：text' items a numbered line details the item before (1．新建雨水管网…)
            # unless it names a project of its own (3．城市供水保障工程：…), numbered in turn
            named = H.match_named_item(item[1])
            item = (col.project.seq + 1, named) if named is not None and col.project is not None else None
        elif item is not None:
            col.numbered_items = True
        elif col.project is None and (item := self._second_number_title_item(p.text)) is not None:
            col.numbered_items = True  # 2.8英寸… after 1.12英寸…, which stayed a paragraph until now
        elif not col.numbered_items and (body := H.match_named_item(p.text)) is not None:
            # 海绵城市示范片区建设工程：… with no number: items of a 专栏 that numbers none
            item, col.named_items = ((col.project.seq + 1 if col.project is not None else 1), body), True
        if item is not None:
            self._open_project(item, p.loc)
        elif col.project is not None:
            col.project.text += "\n" + p.text
            col.project_last = p.loc
        else:
            col.column.paragraphs.append(TextBlock(p.text, p.loc))
        return True

    def _open_project(self, item: tuple[int, str], loc: dict) -> None:
        col = self.col
        col.column.kind = "projects"
        self._close_project()
        seq, body = item
        col.project = Project(column=col.column.number, seq=seq, title=H.project_title(body),
                              text=body, loc=dict(loc), group=col.group, table=col.index)
        col.project_last = loc
        self.plan.projects.append(col.project)

    def _second_number_title_item(self, text: str) -> tuple[int, str] | None:
        """``2.8英寸MEMS产线。…`` where the 专栏 has no item yet but a paragraph ``1.12英寸…`` (with
        its detail lines after it), kept as text because nothing said it opened a list (a box
        cell, or a detail line in between): that paragraph becomes item 1, this one item 2."""
        col = self.col
        second = H.number_title_item(text)
        if second is None or second[0] != 2:
            return None
        paragraphs = col.column.paragraphs
        found = next(((j, first) for j in range(len(paragraphs) - 1, -1, -1)
                      if (first := H.number_title_item(paragraphs[j].text)) and first[0] == 1), None)
        if found is None:
            return None
        k, first = found
        loc, details = paragraphs[k].loc, paragraphs[k + 1:]
        del paragraphs[k:]
        self._open_project(first, loc)
        for block in details:
            col.project.text += "\n" + block.text
            col.project_last = block.loc
        return second

    def _close_project(self) -> None:
        col = self.col
        if col is not None and col.project is not None:
            col.project.loc = loc_span(col.project.loc, col.project_last)
            col.project.quantities = extract_quantities(col.project.text)
            col.project = None

    def _close_column(self) -> None:
        col = self.col
        if col is None:
            return
        self._close_project()
        col.column.loc = loc_span(col.column.loc, col.last_loc)
        if col.header is not None:
            self._rebuild_indicators(col)
        elif col.column.kind == "other" and not col.column.paragraphs:
            self.warn("empty_column", f"专栏{col.column.number} holds no table and no items",
                      col.column.loc)
        elif col.column.kind == "other" and _NAMES_INDICATORS.search(col.column.title) and not col.other_table:
            # its table came in a layout no reader knows: its cells are kept as lines, never dropped
            self._warn_indicators_not_read(f"专栏{col.column.number} {col.column.title}", col.column.loc)
        self.col = None
        self.last_closed = col

    def _warn_indicators_not_read(self, name: str, loc: dict) -> None:
        """A 专栏 or 表 caption that names indicators has no indicator table a reader knows."""
        self.warn("indicators_not_read", f"{name} names indicators, but no indicator table was found under it; "
                  "its lines are kept as paragraphs", loc)

    def _rebuild_indicators(self, col: _OpenColumn) -> None:
        """(Re)build a 专栏's indicators; notes after the table may change them."""
        cumulative = any(is_cumulative_note(n) for n in col.column.notes)
        built = build_indicators(col.column.number, col.rows, col.header, cumulative, self.warn,
                                 col.column.notes, where=None if col.column.number else col.column.title)
        for indicator in built:
            indicator.table = col.index
        stale = {id(old) for old in col.built}
        self.plan.indicators = [i for i in self.plan.indicators if id(i) not in stale]
        col.built = built
        self.plan.indicators.extend(built)

    # -- tables ---------------------------------------------------------------
    def _table(self, table: Table) -> None:
        if not table.rows:
            return
        if table.is_box:
            self._box(table)
            return
        header, start, default_unit = self._find_header(table)
        if header is None:
            self._other_table(table, start)
            return
        if self._outside_column():
            self.warn("table_outside_column", "an indicator table with no 专栏 title above it; "
                      "read as an unnumbered 专栏", table.loc)
            self._open_column(0, "", table.loc)
        self._close_task()
        col = self.col
        for r in range(start):  # a caption or unit line above the header stays with the 专栏
            text = " | ".join(c.text for c in table.rows[r] if c.text)
            if text and not H.match_column(text):
                col.column.paragraphs.append(TextBlock(text, self._row_loc(table, r)))
        col.column.kind = "indicators"
        col.column.headers = [join_wrapped(c.text) for c in table.rows[start]]
        col.header = header
        rows, notes = read_rows(table, start, header, self.warn, default_unit)
        col.rows = rows
        col.column.notes.extend(notes)
        col.last_loc = table.loc

    def _captioned(self, table: Table) -> bool:
        """``table`` is an indicator table a caption line above it may name: a header is found
        (:meth:`_scan_header`) and no 专栏 title row of its own opens it."""
        if table.is_box or not table.rows:
            return False
        header, _, _, column_rows = self._scan_header(table)
        return header is not None and not column_rows

    def _outside_column(self) -> bool:
        """No 专栏 is open that an indicator table would belong to (none, or one that has its
        table or a box already)."""
        return self.col is None or self.col.header is not None or self.col.has_box

    HEADER_SEARCH_ROWS = 3  # a caption and a 单位 line may stand above the header

    def _find_header(self, table: Table):
        """(header roles, header row index, unit of a 单位：… line) — or (None, first
        row of the table body, None).  One-cell rows above the header are a 专栏 title
        (which opens the 专栏), a ``单位：万人`` line, or a caption."""
        header, start, default_unit, column_rows = self._scan_header(table)
        for r, (number, title) in column_rows:
            self._open_column(number, title, self._row_loc(table, r))
        return header, start, default_unit

    @classmethod
    def _scan_header(cls, table: Table):
        """What the first rows of ``table`` hold, with nothing opened: (header roles or None,
        header row index or first body row, unit of a 单位：… line, [(row, (number, title))]
        of its 专栏 title rows)."""
        default_unit = None
        start = 0
        column_rows = []
        for r, row in enumerate(table.rows[:cls.HEADER_SEARCH_ROWS]):
            filled = [c.text.strip() for c in row if c.text.strip()]
            one_line = len(filled) == 1 and row[0].text.strip() == filled[0]
            if not one_line:
                header = read_header([c.text for c in row])
                return (header, r, default_unit, column_rows) if header else (None, start, None, column_rows)
            if column := H.match_column(filled[0]):
                column_rows.append((r, column))
                start = r + 1
            elif unit := UNIT_ROW.match(filled[0]):
                default_unit = unit.group(1)
        return None, start, None, column_rows

    @staticmethod
    def _row_loc(table: Table, r: int) -> dict:
        return table.row_locs[r] if r < len(table.row_locs) else dict(table.loc, row=r)

    def _box(self, table: Table) -> None:
        """A one-column frame: its paragraphs (and nested tables) are read in place."""
        if self.col is not None and self.col.header is None:
            self.col.has_box = True
        for row in table.rows:
            for cell in row:
                for block in cell.blocks:
                    if isinstance(block, Paragraph):
                        self._paragraph(block, in_box=True)
                    else:
                        self._table(block)
        if self.col is not None and self.col.header is None:
            self.col.has_box = True

    def _other_table(self, table: Table, start: int) -> None:
        """A table that is not an indicator table: keep its rows as text, and say so."""
        if start >= len(table.rows):
            return  # only a 专栏 title row: the 专栏 is open, nothing else to keep
        target = self.col.column if self.col is not None else None
        for r in range(start, len(table.rows)):
            loc = self._row_loc(table, r)
            text = " | ".join(c.text for c in table.rows[r])
            if target is not None:
                target.paragraphs.append(TextBlock(text, loc))
                self.col.last_loc = loc
            else:
                self._running_text(TextBlock(text, loc))
        if target is None or max(len(row) for row in table.rows) >= 3:
            if target is not None:
                self.col.other_table = True  # indicators_not_read would only say it again
            self.warn("unrecognized_table", "a table whose header names no indicator, baseline, target or "
                      f"actual column ({' | '.join(c.text for c in table.rows[start])}); kept as text rows",
                      table.loc)


def build_plan(result: ReadResult, *, path: str | None, data: bytes) -> Plan:
    """Build a :class:`Plan` from a reader's output."""
    source = Source(path=path, format=result.format, encoding=result.encoding,
                    sha256=hashlib.sha256(data).hexdigest(), ocr=result.ocr)
    builder = PlanBuilder(source, result.meta_hints)
    for code, message, location in result.warnings:
        builder.warn(code, message, location)
    builder.feed(result.blocks)
    return builder.finish()
