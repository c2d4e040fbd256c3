"""Chinese numerals as plans write them: 第十二章, 一千零五, 二〇二五年, 三点五, 两个.

Two written forms exist and both must be read: the positional form with place
words (一千零五 = 1005) and the digit-by-digit form used for years and codes
(二〇二五 = 2025).  Everything here is strict: what is not a well-formed numeral
raises ``ValueError``, so callers can tell a number from a word that merely
contains numeral characters (一大批, 十四五).
"""
from __future__ import annotations

import re
from decimal import Decimal

ZERO_CHARS = "零〇○"
_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
# 两 is a digit only before a place word or a measure word (两百, 两个), never in
# a digit string: 二〇二五 is a year, 两〇二五 is not a numeral.
_DIGIT_STRING_CHARS = frozenset(_DIGITS) - {"两"}
_SMALL_PLACES = {"十": 10, "百": 100, "千": 1000}
_LARGE_PLACES = (("亿", 10**8), ("万", 10**4))

DIGIT_CHARS = "".join(_DIGITS)
"""Every character that is a Chinese digit (zeros and 两 included)."""
NUMERAL_CHARS = DIGIT_CHARS + "十百千万亿"
"""Every character a Chinese integer numeral may contain."""

ARABIC_PATTERN = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
"""An unsigned Arabic number: ``1200``, ``1,200``, ``8.49`` (ASCII digits only)."""
_ARABIC = re.compile(ARABIC_PATTERN)

FULLWIDTH_DIGITS = {ord("０") + i: str(i) for i in range(10)} | {ord("．"): "."}
"""``str.translate`` table for full-width digits and point; keeps string length."""


def chinese_to_int(text: str) -> int:
    """The integer a Chinese numeral names: ``"九十九"`` → 99, ``"二〇二五"`` → 2025.

    Accepts the positional form (十二, 一千零五, 两万, 三亿五千万; the spoken
    abbreviations 一百五 = 150 and 一万五 = 15000 too), the digit-by-digit form
    (二〇二五, 一〇〇, with 〇 ○ 零), and plain Arabic digits (ASCII or
    full-width) for callers that meet both, e.g. 第12章.  Leading and trailing
    white space is ignored.  Raises ``ValueError`` on anything else.
    """
    s = text.strip()
    if not s:
        raise ValueError("empty numeral")
    if s.isdecimal():
        return int(s)
    if len(s) == 1 and s in _DIGITS:
        return _DIGITS[s]
    if all(ch in _DIGIT_STRING_CHARS for ch in s):
        return int("".join(str(_DIGITS[ch]) for ch in s))
    return _positional(s, _LARGE_PLACES)


def chinese_to_decimal(text: str) -> Decimal:
    """A Chinese numeral with an optional fraction after 点: ``"三点五"`` → 3.5.

    Exact (a ``Decimal``) so that scaled values such as 万 carry no float noise.
    """
    s = text.strip()
    whole, point, fraction = s.partition("点")
    if not point:
        return Decimal(chinese_to_int(s))
    if not fraction or not all(ch in _DIGIT_STRING_CHARS for ch in fraction):
        raise ValueError(f"not a Chinese decimal: {text!r}")
    digits = "".join(str(_DIGITS[ch]) for ch in fraction)
    return Decimal(f"{chinese_to_int(whole)}.{digits}")


def chinese_number_to_float(text: str) -> float:
    """``chinese_to_decimal`` as a float: ``"三万"`` → 30000.0."""
    return float(chinese_to_decimal(text))


def parse_decimal(text: str) -> Decimal:
    """A number as a quantity writes it: Arabic or Chinese, with an optional sign.

    Arabic numbers may use thousands separators (``1,200``) and full-width
    digits (``８．４９``).  A Chinese digit string of two or three digits
    without a zero is rejected: in running text 三五个 means "three or five",
    not 35.  Years such as 二〇二五 and 一九九八 are four digits and are read
    digit by digit.
    """
    s = text.strip().translate(FULLWIDTH_DIGITS)
    sign = ""
    if s[:1] in ("+", "-"):
        sign, s = s[0].replace("+", ""), s[1:]
    if _ARABIC.fullmatch(s):
        return Decimal(sign + s.replace(",", ""))
    whole = s.partition("点")[0]
    if 2 <= len(whole) <= 3 and all(
        ch in _DIGIT_STRING_CHARS and ch not in ZERO_CHARS for ch in whole
    ):
        raise ValueError(f"approximate pair, not a number: {text!r}")
    value = chinese_to_decimal(s)
    return -value if sign else value


def _positional(s: str, places: tuple[tuple[str, int], ...]) -> int:
    """Read ``s`` by splitting at the largest place word left (亿, then 万)."""
    if not places:
        return _section(s)
    char, size = places[0]
    high, found, low = s.partition(char)
    if not found:
        return _positional(s, places[1:])
    if char in low:
        raise ValueError(f"{char} twice in {s!r}")
    return _positional(high, places[1:]) * size + _remainder(low, size, places[1:])


def _remainder(low: str, size: int, places: tuple[tuple[str, int], ...]) -> int:
    """The part after 万 or 亿: 零五 = 5, a lone digit = the next place (一万五)."""
    if not low:
        return 0
    if low[0] in ZERO_CHARS:
        value = _positional(low[1:], places)
    elif len(low) == 1 and low in _DIGITS:
        value = _DIGITS[low] * size // 10
    else:
        value = _positional(low, places)
    if value >= size:
        raise ValueError(f"{low!r} is too large after the place word")
    return value


def _section(s: str) -> int:
    """A number below 10000 written with 千 百 十 and digits, e.g. 一千零五."""
    if not s:
        raise ValueError("missing digits")
    total, pending, place = 0, None, 10**4
    zero = abbreviated = False
    previous_was_place = False
    for ch in s:
        if ch in _SMALL_PLACES:
            size = _SMALL_PLACES[ch]
            if size >= place or (pending is None and ch != "十"):
                raise ValueError(f"misplaced {ch} in {s!r}")
            total += (1 if pending is None else pending) * size
            place, pending, zero, previous_was_place = size, None, False, True
        elif ch in ZERO_CHARS:
            if pending is not None or zero or place == 10**4:
                raise ValueError(f"misplaced zero in {s!r}")
            zero, previous_was_place = True, False
        elif ch in _DIGITS:
            if pending is not None:
                raise ValueError(f"two digits in a row in {s!r}")
            pending, abbreviated = _DIGITS[ch], previous_was_place and not zero
            previous_was_place = False
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    if pending is None:
        if zero:
            raise ValueError(f"trailing zero in {s!r}")
        return total
    return total + pending * (place // 10 if abbreviated else 1)
