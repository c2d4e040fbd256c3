"""HTML reader for plans published as web pages.

Government sites wrap the plan in site chrome (menus, breadcrumbs, share buttons,
footers) and put a metadata table (索引号, 发布机构, 成文日期, 发文字号 …) above it.
The chrome is dropped, the metadata table becomes ``meta_hints`` instead of a
block, and only the main content container is read.  Pages declare GB2312 while
using GBK characters, or declare one charset and are saved in another, so the
declared charset is tried first (GB2312/GBK as GB18030, their superset) and the
bytes decide when it fails.

The tree is walked with ``lxml.etree.iterwalk`` and explicit stacks, never by
recursion, so hostile nesting cannot exhaust the Python stack (libxml2 itself
stops nesting at 256 levels).  Locations: ``{"block": i}`` counts the emitted
top-level blocks.
"""
from __future__ import annotations

import codecs
import datetime
import re

from ..blocks import Block, Paragraph, ReadResult, Table
from ..errors import PlanParseError
from ._grid import CopyBudget, GridCell, locate, make_table
from .text import decode_text

_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_GB = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "cp936", "ms936", "windows-936", "euc-cn",
       "gb18030", "chinese", "iso-ir-58"}
_WESTERN = {"ascii", "us-ascii", "latin1", "latin-1", "iso-8859-1", "iso8859-1", "windows-1252", "cp1252"}

_DROP_TAGS = {"script", "style", "noscript", "template", "nav", "aside", "iframe", "object", "embed", "svg",
              "canvas", "select", "button", "input", "textarea", "head", "title", "map", "audio", "video"}
_CHROME_WORDS = {"nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
                 "bread", "footer", "foot", "header", "sidebar", "share", "position", "location", "dqwz",
                 "copyright"}
_UTILITY_CLASS = re.compile(r"position-(relative|absolute|fixed|static|sticky)", re.I)
_CONTAINERS = (("id", "zoom"), ("class", "trs_editor"), ("class", "article"), ("class", "content"),
               ("tag", "article"), ("tag", "main"))
_BLOCK_TAGS = {"address", "article", "blockquote", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
               "fieldset", "figcaption", "figure", "form", "header", "footer", "hgroup", "hr", "li", "main", "menu",
               "ol", "p", "pre", "section", "summary", "ul", "body", "html", "td", "th", "tr", "table", "caption",
               "tbody", "thead", "tfoot", "h1", "h2", "h3", "h4", "h5", "h6"}
_HEADINGS = {f"h{n}": f"heading{n}" for n in range(1, 7)}
#: the tags the walk acts on; any other element only contributes its text
_WALK_TAGS = _BLOCK_TAGS | {"table", "tr", "td", "th", "br", "b", "strong", "pre"}

#: metadata-table labels -> meta_hints field (``None``: recognised but not kept)
_META_LABELS = {
    "索引号": None, "主题分类": None, "发布日期": None, "主题词": None, "有效性": None, "体裁分类": None,
    "组配分类": None, "信息来源": None, "生效日期": None, "公文种类": None, "发布时间": None, "成文时间": "issued_date",
    "发布机构": "issuer", "发文机关": "issuer", "发布单位": "issuer", "成文日期": "issued_date",
    "发文字号": "doc_number", "文号": "doc_number", "标题": "title", "名称": "title", "文件名称": "title",
}
_SPACES = re.compile(r"[\s\u3000\xa0]+")


def read_html(data: bytes) -> ReadResult:
    """Read an HTML page into blocks, metadata hints and warnings (see the module docstring)."""
    from lxml import etree  # lazily: keeps ``import plan_parser`` light

    warnings: list[tuple[str, str, dict]] = []
    text, encoding = decode_html(data, warnings)
    if not text.strip():
        raise PlanParseError(None, "an empty HTML page", "empty")
    # lxml.etree's parser, not lxml.html's: its HtmlElement class lookup on every element
    # proxy cost a third of the reading time, and nothing here needs those classes.
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = etree.fromstring(text.replace("\x00", "").encode("utf-8"), parser=parser)
    except Exception as exc:  # lxml raises XMLSyntaxError
        raise PlanParseError(None, f"an HTML page lxml cannot parse ({exc})", "corrupt") from None
    if root is None:
        raise PlanParseError(None, "an HTML page with no elements", "empty")
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        # libxml2 stops building the tree there: what follows would be lost silently.
        raise PlanParseError(None, "an HTML page nested deeper than libxml2's limit of 256 elements; "
                                   "its content past that depth cannot be read", "too_large")
    meta_hints = _take_metadata(root, warnings)
    sizes = _text_sizes(root)
    _drop_chrome(root, sizes)
    blocks = walk(_main_container(root, sizes))
    for i, block in enumerate(blocks):
        locate(block, {"block": i})
    return ReadResult(blocks=blocks, format="html", encoding=encoding, meta_hints=meta_hints, warnings=warnings)


def decode_html(data: bytes, warnings: list) -> tuple[str, str]:
    """Decode with the declared charset; when that fails (or is absurd), by content, with a warning."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data)  # a byte-order mark outranks any declaration
    head = data[:16384]
    match = _XML_ENCODING.match(head) or _CHARSET.search(head)
    if not match:
        return decode_text(data)
    declared = match.group(1).decode("ascii").lower()
    codec = "gb18030" if declared in _GB else ("utf-8" if declared in ("utf8", "unicode-1-1-utf-8") else declared)
    try:
        codec = codecs.lookup(codec).name
    except LookupError:
        text, used = decode_text(data)
        warnings.append(("encoding", f"declared unknown charset {declared!r}; decoded as {used}", {}))
        return text, used
    if codec != "utf-8" and not data.isascii() and (declared in _WESTERN or _is_utf8(data)):
        # valid UTF-8 is too regular to be GBK by chance; a Western charset cannot be a Chinese plan
        text, used = decode_text(data)
        warnings.append(("encoding", f"declared {declared} but the bytes are {used}; decoded as {used}", {}))
        return text, used
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as exc:
        text, used = decode_text(data)
        warnings.append(("encoding", f"declared {declared} but byte {exc.start} is not {declared}; "
                                     f"decoded as {used}", {}))
        return text, used


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_CAMEL = re.compile(r"([a-z])([A-Z])")
_NOT_WORD = re.compile(r"[^A-Za-z0-9]+")


def _words(element) -> set[str]:
    """The words of an element's id and class names (``top_nav``, ``breadCrumb`` -> nav, bread, crumb)."""
    names = element.get("id"), element.get("class")
    if names == (None, None):
        return set()
    words: set[str] = set()
    for token in [names[0] or "", *(names[1] or "").split()]:
        if _UTILITY_CLASS.fullmatch(token):
            continue
        words.update(w.lower() for w in _NOT_WORD.split(_CAMEL.sub(r"\1 \2", token)) if w)
    return words


def _text_sizes(root) -> dict:
    """Non-space characters under each element (tails excluded), in one bottom-up pass.

    ``str.split()`` splits at the same white space as ``_SPACES`` (``\\s``, U+3000,
    NBSP) and is several times faster than the regex on the many short text nodes."""
    sizes: dict = {}
    for element in reversed(list(root.iter())):
        text = element.text
        size = sum(map(len, text.split())) if text else 0
        for child in element:
            tail = child.tail
            size += sizes.get(child, 0) + (sum(map(len, tail.split())) if tail else 0)
        sizes[element] = size
    return sizes


def _drop_chrome(root, sizes: dict) -> None:
    """Remove scripts, styles, navigation, headers/footers outside an article, hidden and chrome-named elements.

    An element holding more than half the page's text is kept whatever its name:
    it is a wrapper, not chrome.  ``sizes`` (from :func:`_text_sizes`) is kept up to
    date: what a dropped element held is taken off its ancestors.
    """
    total = max(sizes.get(root, 0), 1)
    doomed = []
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("html", "body"):
            continue
        style = (element.get("style") or "").replace(" ", "").lower()
        if tag in _DROP_TAGS or "display:none" in style or element.get("hidden") is not None:
            doomed.append(element)
        elif tag in ("header", "footer"):
            if not any(a.tag in ("article", "main") for a in element.iterancestors()):
                doomed.append(element)
        elif _words(element) & _CHROME_WORDS and sizes.get(element, 0) <= total / 2:
            doomed.append(element)
    gone = set(doomed)
    for element in doomed:
        ancestors = list(element.iterancestors())
        if any(a in gone for a in ancestors):
            continue  # goes with its doomed ancestor
        for ancestor in ancestors:
            sizes[ancestor] = sizes.get(ancestor, 0) - sizes.get(element, 0)
        _drop_tree(element)


def _drop_tree(element) -> None:
    """Remove ``element`` and what it holds, keeping its tail text in place (lxml.html's drop_tree)."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _main_container(root, sizes: dict):
    """The element to read: a known content container holding at least half the text, else the body
    unwrapped while one child (a layout table's cell, a wrapper div) holds 90 % of the text."""
    body = root.find("body") if root.find("body") is not None else root
    total = sizes.get(body, 0)
    buckets: dict[tuple[str, str], list] = {key: [] for key in _CONTAINERS}
    for element in body.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if ("tag", tag) in buckets:
            buckets[("tag", tag)].append(element)
        names = element.get("id"), element.get("class")
        if names == (None, None):
            continue
        keys = {("id", (names[0] or "").lower())}
        keys.update(("class", c.lower()) for c in (names[1] or "").split())
        for key in keys & buckets.keys():
            buckets[key].append(element)
    for key in _CONTAINERS:
        if buckets[key]:
            best = max(buckets[key], key=lambda e: sizes.get(e, 0))
            if total and sizes.get(best, 0) >= total / 2:
                return best
    node = body
    while True:
        children = [c for c in node if isinstance(c.tag, str)]
        best = max(children, key=lambda e: sizes.get(e, 0), default=None)
        if best is None or not total or sizes.get(best, 0) < 0.9 * total:
            return node
        node = best


_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's white space (not U+3000 or NBSP: they are text)
_DIGITS = re.compile(r"\s*(\d+)")


class _Flow:
    """Blocks being gathered (the page, or one table cell) and the paragraph being written."""

    def __init__(self, colspan: int = 1, rowspan: int = 1):
        self.blocks: list[Block] = []
        self.pieces: list[tuple[str, bool]] = []
        self.style: str | None = None
        self.colspan, self.rowspan = colspan, rowspan

    def add(self, text: str, bold: bool, pre: bool) -> None:
        if not pre:
            self.pieces.append((text, bold))
            return
        for index, line in enumerate(text.split("\n")):
            if index:
                self.flush()
            self.pieces.append((line, bold))

    def flush(self) -> None:
        if not self.pieces:
            return
        text = _HTML_SPACE.sub(" ", "".join(t for t, _ in self.pieces)).strip()
        if text:
            bold = all(b for t, b in self.pieces if t.strip())
            self.blocks.append(Paragraph(text, {}, self.style or ("bold" if bold else None)))
        self.pieces = []


class _TableState:
    """A table being read: finished rows, the open row, and text found outside any cell."""

    def __init__(self):
        self.rows: list[list[GridCell]] = []
        self.row: list[GridCell] | None = None
        self.outside = _Flow()  # captions and stray text: emitted before the table, as browsers do

    def close_row(self) -> None:
        if self.row is not None:
            self.rows.append(self.row)
        self.row = None


def _span(element, name: str) -> int:
    written = element.get(name)
    if not written:
        return 1
    value = _DIGITS.match(written)
    number = int(value.group(1)) if value else 1
    if name == "rowspan" and number == 0:
        return 10**9  # rowspan="0": to the end of the table (capped in fill_grid)
    return max(1, min(number, 1000))


def walk(root) -> list[Block]:
    """Blocks under ``root``: paragraphs from block elements and ``<br>`` lines, tables with spans resolved."""
    from lxml import etree

    page = _Flow()
    budget = CopyBudget()  # merged-cell copies, for the whole page
    stack: list[tuple[object, object]] = [(None, page)]  # (element that opened the frame, frame)
    bold = pre = 0
    ordinals: list[int | None] = []  # counters of the open <ol>/<ul> lists (None for <ul>)
    out = page  # where text goes now: the open frame, or the text outside a table's cells

    def flow() -> _Flow:
        frame = stack[-1][1]
        return frame.outside if isinstance(frame, _TableState) else frame

    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        if tag.__class__ is not str:
            tag = None
        if event == "start":
            if tag in _WALK_TAGS:
                frame = stack[-1][1]
                if tag == "table":
                    out.flush()
                    state = _TableState()
                    stack.append((element, state))
                    out = state.outside
                elif tag == "tr" and isinstance(frame, _TableState):
                    frame.close_row()
                    frame.row = []
                elif tag in ("td", "th") and isinstance(frame, _TableState):
                    if frame.row is None:
                        frame.row = []
                    out = _Flow(_span(element, "colspan"), _span(element, "rowspan"))
                    stack.append((element, out))
                elif tag == "br":
                    out.flush()
                elif tag in _BLOCK_TAGS:
                    out.flush()
                    if tag in _HEADINGS:
                        out.style = _HEADINGS[tag]
                    elif tag in ("ol", "ul"):
                        start = re.match(r"\s*(-?\d+)", element.get("start") or "")
                        ordinals.append((int(start.group(1)) if start else 1) if tag == "ol" else None)
                    elif tag == "li" and ordinals and ordinals[-1] is not None:
                        out.add(f"{ordinals[-1]}.", bool(bold), False)
                        ordinals[-1] += 1
                if tag in ("b", "strong"):
                    bold += 1
                elif tag == "pre":
                    pre += 1
            if tag and element.text:
                out.add(element.text, bool(bold), bool(pre))
            continue
        # event == "end"
        if tag in _WALK_TAGS:
            frame = stack[-1][1]
            if stack[-1][0] is element:
                stack.pop()
                out = flow()
                if isinstance(frame, _TableState):
                    frame.close_row()
                    frame.outside.flush()
                    table = make_table(frame.rows, budget=budget)
                    table.rows = [row for row in table.rows if row]
                    out.blocks.extend(frame.outside.blocks)
                    out.blocks.append(table)
                else:
                    frame.flush()
                    stack[-1][1].row.append(GridCell(frame.blocks, frame.colspan, frame.rowspan))
            elif tag == "tr" and isinstance(frame, _TableState):
                frame.close_row()
            elif tag in _BLOCK_TAGS:
                out.flush()
                if tag in _HEADINGS:
                    out.style = None
                elif tag in ("ol", "ul") and ordinals:
                    ordinals.pop()
            if tag in ("b", "strong"):
                bold -= 1
            elif tag == "pre":
                pre -= 1
        if element is not root and element.tail:
            out.add(element.tail, bool(bold), bool(pre))
    page.flush()
    return page.blocks


def _label(text: str) -> tuple[str | None, str]:
    """``(label, inline value)`` when a cell is a metadata label (``索 引 号：`` or ``发文字号：渝铜府办〔2022〕1号``)."""
    compact = _SPACES.sub("", text)
    for label in _META_LABELS:
        if compact.startswith(label):
            rest = compact[len(label):]
            if not rest or rest[0] in ":：":
                value = re.sub(r"^[^:：]*[:：]", "", text, count=1).strip() if rest else ""
                return label, value
    return None, ""


def _take_metadata(root, warnings: list) -> dict:
    """Find the site's metadata tables, remove them from the page and return their fields as hints."""
    hints: dict = {}
    for element in [t for t in root.iter("table") if next(t.iterdescendants("table"), None) is None]:
        text = "".join("".join(element.itertext()).split())  # without any space, as _SPACES squeezes
        if sum(label in text for label in _META_LABELS) < 2:
            continue
        tables = [b for b in walk(element) if isinstance(b, Table)]
        if not tables:
            continue
        cells = [c.text for row in tables[0].rows for c in row if c.text.strip()]
        labelled = [text for text in cells if _label(text)[0]]
        if len({_label(t)[0] for t in labelled}) < 2 or len(labelled) < 0.3 * len(cells):
            continue
        for row in tables[0].rows:
            texts = [c.text.strip() for c in row]
            for j, cell_text in enumerate(texts):
                label, value = _label(cell_text)
                field = _META_LABELS.get(label) if label else None
                if not field:
                    continue
                if not value and j + 1 < len(texts) and not _label(texts[j + 1])[0]:
                    value = texts[j + 1]
                if value and field not in hints:
                    _set_hint(hints, field, value, warnings)
        _drop_tree(element)
    return hints


def _set_hint(hints: dict, field: str, value: str, warnings: list) -> None:
    value = re.sub(r"\s+", " ", value).strip()
    if field != "issued_date":
        hints[field] = value
        return
    match = re.search(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})", value)
    try:
        hints[field] = datetime.date(*map(int, match.groups())).isoformat() if match else None
    except ValueError:
        hints[field] = None
    if hints[field] is None:
        del hints[field]
        warnings.append(("metadata", f"成文日期 {value!r} is not a date", {}))
