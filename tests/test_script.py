"""plan_parser.script: the one definition of a Han character (Unicode's Han script)."""
from plan_parser.readers.markdown import read_markdown
from plan_parser.readers.ocr import _fix
from plan_parser.script import all_han, han_count, is_cjk_text, is_han


def test_han_is_the_unicode_script_not_a_range_ending_at_9fff():
    assert is_han("中") and is_han("〇") and is_han("々")
    assert is_han("\U00020000")  # 𠀀, CJK Extension B, beyond the old \u4e00-\u9fff range
    assert is_han("\u3400")  # Extension A
    assert not is_han("，") and not is_han("a") and not is_han("1") and not is_han("")


def test_han_count_and_all_han():
    assert han_count("2025年城镇新增就业5万人") == 9
    assert han_count("GDP（%）") == 0
    assert all_han("历下区") and not all_han("历下区2") and not all_han("")


def test_cjk_text_covers_punctuation_a_wrapped_line_joins_without_space():
    assert all(is_cjk_text(ch) for ch in "中，。“”—…·（")
    assert not is_cjk_text("a") and not is_cjk_text(" ")


def test_readers_use_it_an_extension_b_character_joins_without_a_space():
    # Markdown soft-wraps: between Chinese text no space, between Latin words one.
    assert [b.text for b in read_markdown("发展\n𠀀字 abc\nd".encode()).blocks] == ["发展𠀀字 abc d"]
    # OCR: ASCII parentheses beside Chinese (or holding %) become full width.
    assert _fix("城镇新增就业(万人)") == "城镇新增就业（万人）"
    assert _fix("(a)") == "(a)"
