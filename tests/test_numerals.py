"""Chinese numerals: every integer 1..9999 in both written forms, and the hard cases."""
from decimal import Decimal

import pytest

from plan_parser.numerals import (
    chinese_number_to_float,
    chinese_to_decimal,
    chinese_to_int,
    parse_decimal,
)

_DIGITS = "零一二三四五六七八九"


def _positional(n: int) -> str:
    """The standard written form of 1 <= n <= 9999 (一千零五, 十二, 一百一十)."""
    out, gap = "", False
    for size, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // size % 10
        if digit == 0:
            gap = gap or bool(out)
            continue
        out += ("零" if gap else "") + _DIGITS[digit] + name
        gap = False
    return out[1:] if out.startswith("一十") else out


def test_every_positional_numeral_up_to_9999():
    for n in range(1, 10000):
        assert chinese_to_int(_positional(n)) == n, _positional(n)


def test_every_digit_string_up_to_9999():
    for n in range(1, 10000):
        assert chinese_to_int("".join("〇一二三四五六七八九"[int(d)] for d in str(n))) == n


@pytest.mark.parametrize(
    "text, expected",
    [
        ("九十九", 99),
        ("十二", 12),
        ("十", 10),
        ("一十二", 12),
        ("一千零五", 1005),
        ("一千〇五", 1005),
        ("一千零一十", 1010),
        ("一千零十", 1010),
        ("两百", 200),
        ("两千三百", 2300),
        ("一百五", 150),  # spoken abbreviation: 一百五十
        ("一万五", 15000),
        ("十万", 100000),
        ("一万零二", 10002),
        ("三亿五千万", 350000000),
        ("一亿零五百万", 105000000),
        ("一万亿", 10**12),
        ("二〇二五", 2025),
        ("二○二五", 2025),  # ○ (white circle) as often typed for 〇
        ("二零二五", 2025),
        ("一〇〇", 100),
        ("一九九八", 1998),
        ("零", 0),
        ("两", 2),
        (" 十二 ", 12),
        ("12", 12),
        ("１２", 12),
    ],
)
def test_chinese_to_int(text, expected):
    assert chinese_to_int(text) == expected


@pytest.mark.parametrize(
    "garbage",
    ["", "   ", "第十二", "十十", "百", "千", "万", "一百零", "十四五", "一二十",
     "亿亿", "一亿亿", "两〇二五", "一千零零五", "abc", "三点", "1.5"],
)
def test_garbage_raises(garbage):
    with pytest.raises(ValueError):
        chinese_to_int(garbage)


def test_decimals_are_exact():
    assert chinese_to_decimal("三点五") == Decimal("3.5")
    assert chinese_to_decimal("零点三") == Decimal("0.3")
    assert chinese_number_to_float("三万") == 30000.0
    assert chinese_number_to_float("十二点零五") == 12.05
    with pytest.raises(ValueError):
        chinese_to_decimal("三点两")


@pytest.mark.parametrize(
    "text, expected",
    [("8.49", "8.49"), ("1,200", "1200"), ("８．４９", "8.49"), ("-3", "-3"),
     ("+2.5", "2.5"), ("三", "3"), ("二〇", "20"), ("二〇二五", "2025"), ("-三点五", "-3.5")],
)
def test_parse_decimal(text, expected):
    assert parse_decimal(text) == Decimal(expected)


@pytest.mark.parametrize("pair", ["三五", "五六", "七八九", "1,20", "1.2.3", "-"])
def test_parse_decimal_rejects_approximate_pairs_and_junk(pair):
    """三五个 is "three or five", not 35; a digit string needs a zero or four digits."""
    with pytest.raises(ValueError):
        parse_decimal(pair)
