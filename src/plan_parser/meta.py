"""Plan metadata read from the front matter: the notice that issues the plan.

Government plans arrive wrapped in a notice (关于印发《…规划》的通知) signed by
an office and dated; the title, issuer, date, document number and region all come
from there, with the plan's own title line as the fallback.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import regex

from .headings import is_numbered
from .model import Meta
from .numerals import chinese_to_int
from .places import CHINA, PlaceMatch, find_place
from .script import HAN, is_han

#: ``warn(code, message, location)``, as the builder's.
Warn = Callable[[str, str, dict], None]

_QUOTED_TITLE = re.compile(r"《([^《》]{4,120})》")
_ISSUE_TITLE = re.compile(r"关于印发(.+?规划.*?)的(?:通\s*知)?(?:[（(][^（）()]*号[）)])?$")
_ISSUER_OF_NOTICE = re.compile(r"^(.{2,40}?)关于印发")
# A plan period by name: 十四五 → 14, “十五” → 10, 第十四个五年 → 14 (docs/schema.md).
_PERIOD_NAME = re.compile(r"第([一二三四五六七八九十]{1,3})个五年|(十[一二三四五六七八九])五|“([一二三四五六七八九十])五”")
# A notice's own sentence puts 印发 after the plan's name (《…》已经…同意，现印发给你们) or
# right before it (现印发《…》); 某某印发《…》 elsewhere reports another document.
_OWN_NOTICE_BEFORE = ("现印发", "现将", "特印发", "予以印发")
# A title line: no sentence punctuation, and it ends as plan titles do.
_TITLE_PUNCT = re.compile(r"[，。；：！？,;:!?《》〈〉]")
_TITLE_END = re.compile(r"(?:规划|纲要|计划|方案)(?:[（(][^（）()]*[）)])?$|[（(][^（）()]*年[）)]$")
# Issuers that speak for the country beyond places.NATIONAL_OPENINGS (which find_place
# already reads as 中国): 中国… bodies, and the ministries (…部, …部办公厅).
_NATIONAL_ISSUER = re.compile(r"^中国(?!共产党)|^[^省市区县州盟旗]{2,12}部(?:办公厅|办公室)?$")
_NATIONAL_DOC_NUMBER = re.compile(r"^(?:国发|国办发|国函|国办函)")
_PERIOD = re.compile(r"(20\d\d)\s*[—–\-－~～至到]+\s*(20\d\d)\s*年")
_DATE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
_CN_DATE = re.compile(r"^\s*([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日\s*$")
_DOC_NUMBER = regex.compile(HAN + r"{1,12}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d+\s*号")
_ISSUER_SUFFIX = re.compile(r"(人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|局|厅|部|委"
                            r"|联合会|妇联|残联|文联|侨联|科协|工商联|工会|红十字会|人民法院|人民检察院)$")


def iso_date(text: str) -> str | None:
    """``2022年7月4日`` or ``二〇二二年七月四日`` → ``2022-07-04``."""
    m = _DATE.match(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _CN_DATE.match(text)
        if not m:
            return None
        try:
            y, mo, d = (chinese_to_int(g) for g in m.groups())
        except ValueError:
            return None
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def region_of(text: str | None) -> tuple[str | None, str | None]:
    """The place a title or issuer opens with and its level: ``重庆市铜梁区…`` → (铜梁区, 区).

    Read against the national list of administrative divisions (:mod:`plan_parser.places`).
    """
    match = find_place(text)
    if match is None:
        return None, None
    return match.written, match.level


def five_year_plan_years(ordinal: int) -> tuple[int, int]:
    """The years of the n-th five-year plan: 14 → (2021, 2025), 10 → (2001, 2005).

    The first two ran 1953–1957 and 1958–1962; after the 1963–1965 adjustment the
    third began in 1966 and every later one five years on.
    """
    start = {1: 1953, 2: 1958}.get(ordinal, 1966 + 5 * (ordinal - 3))
    return start, start + 4


def plan_period_name(start: int | None) -> str | None:
    """The short name of the plan period that starts in ``start``: 2021 → ``十四五``,
    2001 → ``十五``, 1996 → ``九五``; None for a year no five-year plan starts in.
    The inverse of :func:`five_year_plan_years`."""
    if start is None:
        return None
    ordinal = {1953: 1, 1958: 2}.get(start)
    if ordinal is None and start >= 1966 and (start - 1966) % 5 == 0:
        ordinal = 3 + (start - 1966) // 5
    if ordinal is None or ordinal > 99:
        return None
    digits = "一二三四五六七八九"
    tens, units = divmod(ordinal, 10)
    name = ((digits[tens - 1] if tens > 1 else "") + "十" if tens else "") + (digits[units - 1] if units else "")
    return name + "五"


def period_from_name(text: str | None) -> tuple[int, int] | None:
    """The years of the plan period a title names: ``“十四五”数字经济发展规划`` → (2021, 2025).

    ``十X五`` (十三五, 十四五, 十五五), ``“十五”``/``“九五”``/``“一五”`` in quotes, ``第十四个五年``.
    """
    if not text:
        return None
    m = _PERIOD_NAME.search(text)
    if not m:
        return None
    words = m.group(1) or m.group(2) or m.group(3)
    try:
        ordinal = chinese_to_int(words)
    except ValueError:
        return None
    return five_year_plan_years(ordinal) if 1 <= ordinal <= 30 else None


def read_meta(front: list[str], hints: dict, warn: Warn | None = None) -> Meta:
    """Read :class:`Meta` from the front-matter paragraphs (before the first heading).

    ``hints`` are fields a reader found stated outright (an HTML metadata table);
    they win over what is inferred from the text.  ``warn`` receives the doubts
    about the plan's place (a name several places bear, a place not in the list).
    """
    meta = Meta()
    hinted_title = hints.get("title")
    # The notice's 《…》 names the plan itself; a page's 标题 usually names the notice.
    meta.title = (_quoted_title(front) or _issue_title(front) or (hinted_title and _title([hinted_title]))
                  or hinted_title or _title(front))
    for i, text in enumerate(front):
        date = iso_date(text)
        if date and meta.issued_date is None:
            meta.issued_date = date
            issuer = _issuer_before(front, i)
            if issuer:
                meta.issuer = issuer
        if meta.doc_number is None:
            meta.doc_number = _own_doc_number(text)
    if meta.issuer is None:
        meta.issuer = next((t for t in front[:3] if _looks_like_issuer(t)), None) or _notice_issuer(front)
    for key, value in hints.items():
        if value and hasattr(meta, key) and key != "title":
            setattr(meta, key, value)
    if meta.title and (m := _PERIOD.search(meta.title)):
        meta.period_start, meta.period_end = int(m.group(1)), int(m.group(2))
    elif years := period_from_name(meta.title):
        meta.period_start, meta.period_end = years
    _set_place(meta, front, warn or (lambda code, message, location: None))
    return meta


def _set_place(meta: Meta, front: list[str], warn: Warn) -> None:
    """region, level, adcode and the parent, from the title, else the issuer.

    A plan of the whole country (issued by 国务院, a ministry, 国家…; a title that
    opens with 中华人民共和国 or with the plan period and names no place) is of 中国.
    A place the list does not know is read from its name only when it is a placeholder
    (某某区) or the front matter shows a government of that name; the latter is warned about.
    """
    def has_government(name: str) -> bool:
        government = re.compile(re.escape(name) + r"(?:人民政府|管理委员会|管委会|人民代表大会|委员会|党委|委)")
        return any(government.search(t) for t in front) or (meta.issuer or "").startswith(name)

    match = find_place(meta.title, has_government) or find_place(meta.issuer, has_government)
    if match is None and _is_national(meta):
        match = PlaceMatch(CHINA.name, CHINA, CHINA.level)
    if match is None:
        return
    meta.region, meta.level = match.written, match.level
    if match.place is not None:
        meta.adcode = match.place.adcode
    parent = match.place.parent if match.place is not None else match.parent
    if parent is not None:
        meta.parent_adcode, meta.parent = parent.adcode, parent.name
    elif match.parent_name:
        meta.parent = match.parent_name
    if match.warning:
        warn(match.code or "place_unlisted", match.warning, {})


def _is_national(meta: Meta) -> bool:
    bodies = issuing_bodies(meta.issuer or "")
    if bodies and _NATIONAL_ISSUER.search(bodies[0]):
        return True
    if meta.doc_number and _NATIONAL_DOC_NUMBER.match(meta.doc_number):
        return True
    # Local plans put their place first (山东省“十四五”…); a title that opens with the
    # period itself (“十四五”智能制造发展规划) is a national one.
    title = (meta.title or "").lstrip("“\"《〈")
    return bool(title) and _PERIOD_NAME.match(title) is not None


def _own_doc_number(text: str) -> str | None:
    """The document number a line gives, unless it cites another document's:
    落实《国务院关于印发…的通知》（国发〔2017〕35号） and 《…规划（国发〔2017〕35号）》
    name the cited document's number."""
    for m in _DOC_NUMBER.finditer(text):
        before = text[:m.start()]
        inside_quote = before.count("《") + before.count("«") > before.count("》") + before.count("»")
        if not inside_quote and not re.search(r"[》»]\s*[（(]$", before):
            return re.sub(r"\s+", "", m.group(0))
    return None


def _quoted_title(front: list[str]) -> str | None:
    """The 《…》 of the notice sentence (the one that says 印发) that names a plan.

    A foreword's 根据《…规划》 cites the parent plan, never this one, and 某某印发《…》
    or 落实《国务院关于印发…的通知》 report other documents, so only the notice's own
    sentence counts: 《…》 followed by its 印发, or 现将/现印发《…》.
    """
    for text in front:
        if "印发" not in text:
            continue
        for m in _QUOTED_TITLE.finditer(text):
            name = m.group(1)
            if not ("规划" in name or "计划" in name) or re.search(r"关于.*的(?:通知|意见|决定)$", name):
                continue
            before, after = text[:m.start()], text[m.end():]
            if "印发" in after.split("。")[0] or before.endswith(_OWN_NOTICE_BEFORE):
                return name
    return None


def _issue_title(front: list[str]) -> str | None:
    """X of the notice's heading 关于印发X的通知 (〈X〉 and ＜X＞ unwrapped)."""
    for text in front:
        if m := _ISSUE_TITLE.search(text):
            return m.group(1).strip().strip("〈〉＜＞<>《》")
    return None


def _notice_issuer(front: list[str]) -> str | None:
    """The office that heads 国务院关于印发…的通知, when no signature names one."""
    for text in front:
        if _ISSUE_TITLE.search(text) and (m := _ISSUER_OF_NOTICE.match(text.strip())):
            if _looks_like_issuer(m.group(1).strip()):
                return m.group(1).strip()
    return None


def _title(front: list[str]) -> str | None:
    """The 《…》 of the notice, else the 关于印发…的通知 line, else a 规划 title line.

    A title line holds no sentence punctuation and ends as a title does (规划, 纲要,
    （2021—2025年）): a line of running text that happens to say 规划 is no title, and
    no title is better than a wrong one.
    """
    found = _quoted_title(front) or _issue_title(front)
    if found:
        return found
    for text in front:
        text = text.strip()
        if (("规划" in text or "纲要" in text) and len(text) <= 80 and not _TITLE_PUNCT.search(text)
                and _TITLE_END.search(text) and not is_numbered(text)):
            return text
    return None


_BODY_BREAK = re.compile(r"[\s、]+")


def _office_name(text: str) -> bool:
    # 各区县教育局 addresses offices (各 "each"); an office's own name never opens with it
    return (0 < len(text) <= 30 and bool(_ISSUER_SUFFIX.search(text)) and not text.startswith("各")
            and not re.search(r"[，。：；、]", text))


def issuing_bodies(issuer: str) -> list[str]:
    """The bodies an issuer line names, in order: ``沛水市妇女联合会 沛水市教育局`` → both.  A part
    that is no office's name joins the part after it (``重庆市　铜梁区人民政府办公室``), a bare
    办公厅 or 办公室 the part before it (``重庆市人民政府 办公厅``); a line that does not come
    out as office names is one name, its spaces taken out."""
    bodies: list[str] = []
    pending = ""
    for part in _BODY_BREAK.split(issuer.strip()):
        pending += part
        if pending in ("办公厅", "办公室") and bodies:
            bodies[-1] += pending
            pending = ""
        elif _office_name(pending):
            bodies.append(pending)
            pending = ""
    if pending or not bodies:
        return [_BODY_BREAK.sub("", issuer)] if issuer.strip() else []
    return bodies


def _looks_like_issuer(text: str) -> bool:
    """An office's name (…人民政府办公室, …妇女联合会), or up to eight joint issuers side by side
    (沛陵市妇女联合会 沛陵市教育局 …), each one such name."""
    bodies = issuing_bodies(text)
    return 0 < len(bodies) <= 8 and all(_office_name(body) for body in bodies)


def _issuer_before(front: list[str], index: int) -> str | None:
    """The signature line just above the date, with the signatures above it when several
    bodies sign one per line (…住房和城乡建设厅 / …财政厅 / …水利厅: all three, as written).

    A short line under one that does not end an office's name is the tail of a wrapped
    signature (济南市城乡交通 / 运输局), not an issuer.
    """
    for i in reversed(range(max(0, index - 2), index)):
        text = front[i].strip()
        prev = front[i - 1].strip() if i > 0 else ""
        wrapped = (len(text) <= 4 and 0 < len(prev) <= 20 and is_han(prev[-1])
                   and not _ISSUER_SUFFIX.search(prev))
        if _looks_like_issuer(text) and not wrapped:
            signers = [text]
            for above in reversed(front[max(0, i - 7):i]):
                if not _looks_like_issuer(above.strip()):
                    break
                signers.insert(0, above.strip())
            return " ".join(signers)
    return None
