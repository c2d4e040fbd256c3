"""Word (.docx) reader.

python-docx opens the package (its lxml parser does not resolve entities, and
libxml2 refuses XML nested deeper than 256 levels), but the body is walked here,
element by element, because python-docx's own API loses what plans rely on: it
repeats merged cells (``row.cells``), its paragraph text reads only runs and
hyperlinks (not content controls, smart tags, fields or text boxes), and it never
shows automatic list numbers, which is where many plans keep their ``1.`` /
``一、`` item numbers.

Locations: ``{"block": i}`` where ``i`` is the index of the element among the
children of ``w:body`` (empty paragraphs count, so a location always points at the
same XML element).  A body element that yields several blocks (a paragraph with
line breaks, a text box, a content control) numbers them ``{"block": i, "part": k}``.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib

from ..blocks import Block, Paragraph, ReadResult
from ..errors import PlanParseError
from ._grid import CopyBudget, GridCell, locate, make_table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

#: limits on the package: inflated bytes are counted as they come out of zlib, so a
#: member that understates its size (with a CRC forged to match) cannot inflate further
MAX_PART_SIZE = 200 * 1024 * 1024
MAX_TOTAL_SIZE = 400 * 1024 * 1024
MAX_RATIO = 500
MAX_MEMBERS = 10_000
_CHUNK = 1024 * 1024
#: only XML parts hold text; the rest (images, fonts, embedded files) are kept as empty
#: parts, because python-docx loads every part of the package
_XML_PARTS = (".xml", ".rels")

_SKIP = {W + t for t in ("pPr", "rPr", "del", "moveFrom", "delText", "instrText", "delInstrText",
                         "rt", "sdtPr", "sdtEndPr", "footnoteReference", "endnoteReference",
                         "commentReference", "sym", "tblPr", "trPr", "tcPr")} | {MC + "Fallback"}
_FALSE = {"0", "false", "off", "none"}
#: what the paragraph walk does with an element (absent: look inside it)
_KIND = {W + "r": "r", W + "t": "t", W + "tab": "tab", W + "ptab": "tab", W + "noBreakHyphen": "-",
         W + "cr": "cr", W + "br": "br", W + "txbxContent": "box", MC + "AlternateContent": "alt",
         W + "object": "object",
         **{tag: "skip" for tag in _SKIP}}


def read_docx(data: bytes) -> ReadResult:
    """Read a .docx into blocks in body order (see the module docstring for locations)."""
    document = _open(data)
    reader = _BodyReader(_part_element(document, "styles"), _part_element(document, "numbering"))
    blocks: list[Block] = []
    for i, child in enumerate(document.element.body):
        reader.where = {"block": i}
        produced = reader.blocks_of(child)
        for k, block in enumerate(produced):
            locate(block, {"block": i, "part": k} if len(produced) > 1 else {"block": i})
        blocks.extend(produced)
    return ReadResult(blocks=blocks, format="docx", encoding=None, warnings=reader.warnings)


def _unpack(data: bytes) -> bytes:
    """The package re-packed with every member stored (not compressed), after checking it.

    zipfile's one-call ``read()`` (what python-docx uses) asks zlib for up to 2 GB at
    once and only then cuts to the declared size, so a member that understates its
    size (with a CRC forged to match) costs gigabytes.  Here every member is inflated
    in 1 MB chunks and the bytes that come out are counted against the limits; a
    member never yields more than it declares (zipfile stops there and checks the
    CRC).  python-docx then reads stored members, which it cannot inflate.  Images
    and embedded objects become empty parts: they hold no text.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
        raise PlanParseError(None, f"a damaged zip archive, not a readable .docx ({exc})", "corrupt") from None
    if len(infos) > MAX_MEMBERS:
        raise PlanParseError(None, f"a .docx with {len(infos)} zip members (limit {MAX_MEMBERS})", "too_large")
    if "word/document.xml" not in {info.filename for info in infos}:
        raise PlanParseError(None, "a zip archive without word/document.xml, not a Word .docx", "corrupt")
    out = io.BytesIO()
    total = 0
    # one entry per name, the last as zipfile itself reads a name written twice (and
    # without zipfile's "Duplicate name" warning on stderr)
    members = list({info.filename: info for info in infos}.values())
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as packed:
        for info in members:
            if info.is_dir():
                continue
            if not info.filename.lower().endswith(_XML_PARTS):
                packed.writestr(info.filename, b"")
                continue
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_PART_SIZE or (info.file_size > 10 * 1024 * 1024 and ratio > MAX_RATIO):
                raise PlanParseError(
                    None, f"{info.filename} would inflate to {info.file_size:,} bytes "
                          f"(ratio {ratio:.0f}:1); refusing a possible zip bomb", "too_large")
            chunks = []
            try:
                with archive.open(info) as member:
                    while chunk := member.read(_CHUNK):
                        total += len(chunk)
                        if total > MAX_TOTAL_SIZE:
                            raise PlanParseError(None, f"the .docx inflates to more than {MAX_TOTAL_SIZE:,} bytes",
                                                 "too_large")
                        chunks.append(chunk)
            except PlanParseError:
                raise
            except (zipfile.BadZipFile, zlib.error, NotImplementedError, ValueError, EOFError, OSError,
                    RuntimeError) as exc:
                raise PlanParseError(None, f"{info.filename} cannot be inflated ({exc}); a damaged .docx",
                                     "corrupt") from None
            packed.writestr(info.filename, b"".join(chunks))
    return out.getvalue()


def _not_plain(content_type: str) -> str | None:
    """What a Word main part that is not a plain document is (``None``: not Word at all)."""
    lowered = content_type.lower()
    if "word" not in lowered:
        return None
    macro = "macroenabled" in lowered
    if "template" in lowered:
        return "a macro-enabled Word template (.dotm)" if macro else "a Word template (.dotx)"
    return "a macro-enabled Word document (.docm)" if macro else None


def _open(data: bytes):
    """Open the package with python-docx; any failure means the file is not a readable .docx."""
    import docx  # lazily: keeps ``import plan_parser`` light

    try:
        return docx.Document(io.BytesIO(_unpack(data)))
    except PlanParseError:
        raise
    except Exception as exc:  # python-docx raises KeyError, ValueError, XMLSyntaxError, ...
        message = str(exc)
        content_type = re.search(r"content type is '([^']*)'", message)
        if content_type:
            kind = _not_plain(content_type.group(1))
            if kind:
                raise PlanParseError(None, f"{kind}; save it as a plain .docx", "unsupported_format") from None
            raise PlanParseError(None, f"the main part's content type is {content_type.group(1)!r}, not a Word "
                                       "document's ([Content_Types].xml is damaged)", "corrupt") from None
        raise PlanParseError(None, f"a damaged .docx ({type(exc).__name__}: {message[:200]})",
                             "corrupt") from None


def _part_element(document, which: str):
    """The root element of the styles or numbering part, or ``None`` when the package has none."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.parser import parse_xml

    try:
        part = document.part.part_related_by(RT.STYLES if which == "styles" else RT.NUMBERING)
    except KeyError:
        return None
    element = getattr(part, "element", None)
    if element is None:
        try:
            element = parse_xml(part.blob)
        except Exception:
            return None
    return element


def _find(element, *tags: str):
    """``element/w:a/w:b`` through ``iterchildren``, which lxml runs in C (``find`` goes through
    the Python ElementPath module and dominated the reading time)."""
    for tag in tags:
        if element is None:
            return None
        element = next(element.iterchildren(W + tag), None)
    return element


def _val(element, name: str = "val") -> str | None:
    return None if element is None else element.get(W + name)


def _on(element) -> bool | None:
    """A Word on/off property: ``None`` when absent, else its truth."""
    if element is None:
        return None
    return (_val(element) or "true").lower() not in _FALSE


def _int(text: str | None, default: int | None = None) -> int | None:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


class _Styles:
    """Paragraph and run styles: heading level, boldness and list numbering, following ``basedOn``."""

    def __init__(self, root):
        self.by_id: dict[str, object] = {}
        self.default_paragraph: str | None = None
        self.default_bold = False
        self._cache: dict = {}
        if root is None:
            return
        for style in root.iter(W + "style"):
            style_id = style.get(W + "styleId")
            if style_id is None:
                continue
            self.by_id[style_id] = style
            if style.get(W + "type") == "paragraph" and _on(_find(style, "default")) is True:
                self.default_paragraph = style_id
        defaults = _find(root, "docDefaults", "rPrDefault", "rPr")
        self.default_bold = bool(_on(_find(defaults, "b")) if defaults is not None else False)

    def chain(self, style_id: str | None):
        """The style and those it is based on, nearest first (cycles cut)."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            style_id = _val(_find(style, "basedOn"))

    def cached(self, what: str, style_id: str | None):
        """``heading``/``bold``/``numbering`` of a style, computed once per style (plans reuse few)."""
        key = (what, style_id)
        if key not in self._cache:
            self._cache[key] = getattr(self, what)(style_id)
        return self._cache[key]

    def heading(self, style_id: str | None) -> str | None:
        """``"headingN"`` or ``"title"`` from the style's name or inherited outline level."""
        for style in self.chain(style_id):
            name = (_val(_find(style, "name")) or "").strip().lower()
            match = re.fullmatch(r"(?:heading|标题)\s*([1-9])", name)
            if match:
                return f"heading{match.group(1)}"
            if name in ("title", "标题"):
                return "title"
            level = _int(_val(_find(style, "pPr", "outlineLvl")))
            if level is not None:  # 9 is Word's "body text" level
                return f"heading{level + 1}" if 0 <= level <= 8 else None
        return None

    def bold(self, style_id: str | None) -> bool | None:
        for style in self.chain(style_id):
            value = _on(_find(style, "rPr", "b"))
            if value is not None:
                return value
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        for style in self.chain(style_id):
            num_pr = _find(style, "pPr", "numPr")
            if num_pr is not None:
                return _val(_find(num_pr, "numId")), _int(_val(_find(num_pr, "ilvl")))
        return None, None


class _Numbering:
    """Automatic list numbers as Word shows them, counted per ``numId`` and level."""

    def __init__(self, root, styles: _Styles):
        self.levels: dict[str, dict[int, object]] = {}  # numId -> level -> w:lvl
        self.starts: dict[str, dict[int, int]] = {}  # numId -> level -> startOverride
        self.counters: dict[str, list[int | None]] = {}
        if root is None:
            return
        abstracts = {a.get(W + "abstractNumId"): a for a in root.iter(W + "abstractNum")}
        for num in root.iter(W + "num"):
            num_id = num.get(W + "numId")
            abstract = abstracts.get(_val(_find(num, "abstractNumId")))
            link = _val(_find(abstract, "numStyleLink")) if abstract is not None else None
            if link:  # the definition lives with the numbering style's own num
                linked_num, _ = styles.numbering(link)
                target = next((n for n in root.iter(W + "num") if n.get(W + "numId") == linked_num), None)
                if linked_num and target is not None:
                    abstract = abstracts.get(_val(_find(target, "abstractNumId")), abstract)
            levels = {_int(lvl.get(W + "ilvl"), 0): lvl for lvl in abstract.findall(W + "lvl")} \
                if abstract is not None else {}
            starts = {}
            for override in num.iter(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0)
                if _find(override, "lvl") is not None:
                    levels[ilvl] = _find(override, "lvl")
                start = _int(_val(_find(override, "startOverride")))
                if start is not None:
                    starts[ilvl] = start
            self.levels[num_id] = levels
            self.starts[num_id] = starts

    def label(self, num_id: str | None, ilvl: int) -> str:
        """Advance the counter of ``num_id``/``ilvl`` and return the label Word would draw."""
        levels = self.levels.get(num_id or "")
        if not levels or ilvl not in levels or not 0 <= ilvl <= 8:
            return ""
        counters = self.counters.setdefault(num_id, [None] * 9)
        counters[ilvl] = self._start(num_id, ilvl) if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        lvl = levels[ilvl]
        if (_val(_find(lvl, "numFmt")) or "decimal") == "bullet":
            return ""  # a bullet glyph (often a private-use Symbol character) is not text
        legal = _on(_find(lvl, "isLgl")) is True
        template = _val(_find(lvl, "lvlText")) or ""

        def number(match: re.Match) -> str:
            level = int(match.group(1)) - 1
            if level not in levels:
                return ""
            value = counters[level] if counters[level] is not None else self._start(num_id, level)
            fmt = "decimal" if legal else (_val(_find(levels[level], "numFmt")) or "decimal")
            return format_number(value, fmt)

        text = re.sub(r"%([1-9])", number, template)
        suffix = _val(_find(lvl, "suff")) or "tab"
        return text + ("" if suffix == "nothing" or not text else " ")

    def _start(self, num_id: str, ilvl: int) -> int:
        if ilvl in self.starts.get(num_id, {}):
            return self.starts[num_id][ilvl]
        lvl = self.levels[num_id].get(ilvl)
        return _int(_val(_find(lvl, "start")) if lvl is not None else None, 1)


_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_SERIES = {
    "ideographTraditional": "甲乙丙丁戊己庚辛壬癸",
    "ideographZodiac": "子丑寅卯辰巳午未申酉戌亥",
    "decimalEnclosedCircle": "".join(chr(0x2460 + i) for i in range(20)),
    "decimalEnclosedCircleChinese": "".join(chr(0x2460 + i) for i in range(20)),
    "decimalEnclosedParen": "".join(chr(0x2474 + i) for i in range(20)),
    "decimalEnclosedFullstop": "".join(chr(0x2488 + i) for i in range(20)),
}


def format_number(value: int, fmt: str) -> str:
    """``value`` in Word's number format ``fmt`` (unknown formats fall back to decimal)."""
    if fmt == "none":
        return ""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return chinese_number(value)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return chinese_number(value, legal=True)
    if fmt in _SERIES and value >= 1:
        series = _SERIES[fmt]
        if fmt.startswith("ideograph"):
            return series[(value - 1) % len(series)]
        if value <= len(series):
            return series[value - 1]
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(d) + 0xFEE0) for d in str(value))
    if fmt in ("upperLetter", "lowerLetter") and value >= 1:
        letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 1 <= value < 4000:
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(value)


def chinese_number(value: int, legal: bool = False) -> str:
    """一、十一、二十、一百零一 … (壹贰叁 with ``legal``); values up to 99999."""
    digits = _CN_LEGAL if legal else _CN_DIGITS
    units = "拾佰仟万" if legal else "十百千万"
    if value <= 0 or value >= 100_000:
        return str(value)
    out, zero = "", False
    for power in range(4, -1, -1):
        digit = value // 10 ** power % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += digits[0]
            zero = False
        unit = units[power - 1] if power else ""
        if not (digit == 1 and power == 1 and not out and not legal):  # 十一, not 一十一
            out += digits[digit]
        out += unit
    return out


def _roman(value: int) -> str:
    out = ""
    for amount, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, value = divmod(value, amount)
        out += numeral * count
    return out


class _BodyReader:
    """Turns body-level elements (and the same inside cells and text boxes) into blocks."""

    def __init__(self, styles_root, numbering_root):
        self.styles = _Styles(styles_root)
        self.numbering = _Numbering(numbering_root, self.styles)
        self.warnings: list[tuple[str, str, dict]] = []
        self.where: dict = {}  # the body element being read, for warnings
        self.budget = CopyBudget()  # merged-cell copies, for the whole document

    def blocks_of(self, element) -> list[Block]:
        """Blocks for one block-level element: a paragraph, a table or a container of them."""
        tag = element.tag
        if tag == W + "p":
            return self.paragraph(element)
        if tag == W + "tbl":
            return [self.table(element)]
        if tag == W + "altChunk":
            self.warnings.append(("unsupported", "an embedded altChunk (imported HTML/RTF) was not read",
                                  dict(self.where)))
            return []
        if tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo", MC + "AlternateContent",
                   MC + "Choice"):
            children = _alternate(element) if tag == MC + "AlternateContent" else element
            out: list[Block] = []
            for child in children:
                if child.tag not in _SKIP:
                    out.extend(self.blocks_of(child))
            return out
        return []

    def paragraph(self, p) -> list[Block]:
        """The paragraph's lines (split at line breaks), then the content of its text boxes."""
        lines, boxes, objects = _paragraph_content(p)
        if objects:
            self.warnings.append(("unsupported", "an embedded object (an OLE Excel sheet or the like) was not read",
                                  dict(self.where)))
        ppr = _find(p, "pPr")
        style_id = _val(_find(ppr, "pStyle")) or self.styles.default_paragraph
        label = self._number_label(ppr, style_id)
        hint = self._heading(ppr, style_id)
        style_bold = self.styles.cached("bold", style_id)
        out: list[Block] = []
        for index, pieces in enumerate(lines):
            text = "".join(text for text, _run in pieces).strip()
            if index == 0 and label and text:
                text = label + text
            if not text:
                continue
            style = hint or ("bold" if self._all_bold(pieces, style_bold) else None)
            out.append(Paragraph(text, {}, style))
        for box in boxes:
            for child in box:
                out.extend(self.blocks_of(child))
        return out

    def _heading(self, ppr, style_id: str | None) -> str | None:
        level = _int(_val(_find(ppr, "outlineLvl")))
        if level is not None:
            return f"heading{level + 1}" if 0 <= level <= 8 else None
        return self.styles.cached("heading", style_id)

    def _number_label(self, ppr, style_id: str | None) -> str:
        """Counted for every numbered paragraph, empty ones too, as Word counts them."""
        num_pr = _find(ppr, "numPr")
        style_num, style_level = self.styles.cached("numbering", style_id)
        num_id = _val(_find(num_pr, "numId")) if num_pr is not None else None
        ilvl = _int(_val(_find(num_pr, "ilvl"))) if num_pr is not None else None
        num_id = num_id if num_id is not None else style_num
        if not num_id or num_id == "0":
            return ""
        return self.numbering.label(num_id, ilvl if ilvl is not None else (style_level or 0))

    def _all_bold(self, pieces, style_bold: bool | None) -> bool:
        runs = [run for text, run in pieces if text.strip()]
        return bool(runs) and all(self._run_bold(run, style_bold) for run in runs)

    def _run_bold(self, run, style_bold: bool | None) -> bool:
        if run is None:
            return False
        rpr = _find(run, "rPr")
        direct = _on(_find(rpr, "b")) if rpr is not None else None
        if direct is not None:
            return direct
        char_style = self.styles.cached("bold", _val(_find(rpr, "rStyle"))) if rpr is not None else None
        for value in (char_style, style_bold):
            if value is not None:
                return value
        return self.styles.default_bold

    def table(self, tbl) -> Block:
        """A table with merges resolved; cell content read as blocks (nested tables included)."""
        rows: list[list[GridCell]] = []
        offsets: list[int] = []
        for tr in _children(tbl, W + "tr"):
            if _find(tr, "trPr", "del") is not None:
                continue  # a row deleted with track changes on
            offsets.append(_int(_val(_find(tr, "trPr", "gridBefore")), 0) or 0)
            row: list[GridCell] = []
            for tc in _children(tr, W + "tc"):
                tc_pr = _find(tc, "tcPr")
                span = _int(_val(_find(tc_pr, "gridSpan")) if tc_pr is not None else None, 1) or 1
                v_merge = _find(tc_pr, "vMerge") if tc_pr is not None else None
                h_merge = _find(tc_pr, "hMerge") if tc_pr is not None else None
                if h_merge is not None and _val(h_merge) != "restart" and row:
                    row[-1].colspan += span  # legacy horizontal merge: widen the cell to the left
                    continue
                blocks = [b for child in tc if child.tag not in _SKIP for b in self.blocks_of(child)]
                continues = v_merge is not None and _val(v_merge) != "restart"
                row.append(GridCell(blocks, colspan=span, continues=continues))
            rows.append(row)
        return make_table(rows, offsets, self.budget)


def _children(element, tag: str):
    """Direct children with ``tag``, looking through content controls and custom XML that wrap them."""
    stack = [iter(element)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == tag:
            yield child
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
            stack.append(iter(child))


def _alternate(element) -> list:
    """The one branch of ``mc:AlternateContent`` to read: the first Choice, else the Fallback."""
    for tag in (MC + "Choice", MC + "Fallback"):
        branch = next(element.iterchildren(tag), None)
        if branch is not None:
            return [branch]
    return []


def _paragraph_content(p) -> tuple[list[list[tuple[str, object]]], list, int]:
    """``(lines, text boxes, embedded objects)``: lines are lists of ``(text, run)``, split at breaks.

    Walked with an explicit stack so runs inside hyperlinks, smart tags, fields and
    content controls are read in order; deleted text, field codes and hidden runs
    are not text Word shows, and ``mc:Fallback`` repeats its ``mc:Choice``.
    """
    lines: list[list[tuple[str, object]]] = [[]]
    boxes: list = []
    objects = 0
    stack = [(iter(p), None)]
    while stack:
        iterator, run = stack[-1]
        for child in iterator:
            kind = _KIND.get(child.tag)
            if kind == "t":  # an unresolved entity reference is a child node: keep the text around it
                text = child.text or ""
                if len(child):
                    text += "".join(node.tail or "" for node in child)
                lines[-1].append((text, run))
            elif kind == "r":
                if _on(_find(child, "rPr", "vanish")) is not True:
                    stack.append((iter(child), child))
                    break
            elif kind is None:
                if isinstance(child.tag, str):  # hyperlinks, smart tags, fields, drawings ...: look inside
                    stack.append((iter(child), run))
                    break
            elif kind == "tab":
                lines[-1].append(("\t", run))
            elif kind == "-":
                lines[-1].append(("-", run))
            elif kind == "cr" or (kind == "br" and (_val(child, "type") or "textWrapping") == "textWrapping"):
                lines.append([])
            elif kind == "box":
                boxes.append(child)
            elif kind == "object":
                objects += 1
            elif kind == "alt":
                stack.append((iter(_alternate(child)), run))
                break
        else:
            stack.pop()
    return lines, boxes, objects
