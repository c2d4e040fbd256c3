"""Plan metadata read from the front matter: the notice that issues the plan.

Government plans arrive wrapped in a notice (关于印发《…规划》的通知) signed by
an office and dated; the title, issuer, date, document number and region all come
from there, with the plan's own title line as the fallback.
"""
from __future__ import annotations

import re

from .model import Meta
from .numerals import chinese_to_int
from .places import CHINA, find_place

_QUOTED_TITLE = re.compile(r"《([^《》]{4,120})》")
_ISSUE_TITLE = re.compile(r"关于印发(.+?规划.*?)的(?:通\s*知)?$")
_PERIOD = re.compile(r"(20\d\d)\s*[—–\-－~～至到]+\s*(20\d\d)\s*年")
_DATE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
_CN_DATE = re.compile(r"^\s*([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日\s*$")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d+\s*号")
_ISSUER_SUFFIX = re.compile(r"(人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|局|厅|部|委)$")
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
    return (match.place.name if match.place is CHINA else match.written), match.level


def read_meta(front: list[str], hints: dict) -> Meta:
    """Read :class:`Meta` from the front-matter paragraphs (before the first heading).

    ``hints`` are fields a reader found stated outright (an HTML metadata table);
    they win over what is inferred from the text.
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
        if meta.doc_number is None and (m := _DOC_NUMBER.search(text)):
            meta.doc_number = re.sub(r"\s+", "", m.group(0))
    if meta.issuer is None:
        meta.issuer = next((t for t in front[:3] if _looks_like_issuer(t)), None)
    for key, value in hints.items():
        if value and hasattr(meta, key) and key != "title":
            setattr(meta, key, value)
    if meta.title and (m := _PERIOD.search(meta.title)):
        meta.period_start, meta.period_end = int(m.group(1)), int(m.group(2))
    meta.region, meta.level = region_of(meta.title) if meta.title else (None, None)
    if meta.region is None:
        meta.region, meta.level = region_of(meta.issuer)
    return meta


def _quoted_title(front: list[str]) -> str | None:
    """The 《…》 of the notice sentence (the one that says 印发) that names a plan.

    A foreword's 根据《…规划》 cites the parent plan, never this one, so only the
    notice's own sentence counts.
    """
    for text in front:
        if "印发" not in text:
            continue
        for m in _QUOTED_TITLE.finditer(text):
            if "规划" in m.group(1) or "计划" in m.group(1):
                return m.group(1)
    return None


def _issue_title(front: list[str]) -> str | None:
    """X of the notice's heading 关于印发X的通知."""
    for text in front:
        if m := _ISSUE_TITLE.search(text):
            return m.group(1)
    return None


def _title(front: list[str]) -> str | None:
    """The 《…》 of the notice, else the 关于印发…的通知 line, else a 规划 title line."""
    found = _quoted_title(front) or _issue_title(front)
    if found:
        return found
    for text in front:
        if "规划" in text and len(text) <= 80 and not text.endswith(("。", "：", ":")) and "《" not in text:
            return text
    return None


def _looks_like_issuer(text: str) -> bool:
    return len(text) <= 30 and bool(_ISSUER_SUFFIX.search(text)) and not re.search(r"[，。：；、]", text)


def _issuer_before(front: list[str], index: int) -> str | None:
    """The signature line just above the date."""
    for text in reversed(front[max(0, index - 2):index]):
        if _looks_like_issuer(text):
            return text
    return None
