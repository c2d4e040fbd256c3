"""plan_parser.segment: jieba's dictionary read in first-character shards gives jieba's own cut.

The expectation is jieba itself (its fully built default dictionary, as ``jieba.Tokenizer`` makes
it), run on every line of the reference plan and the constructed city plan."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from plan_parser import segment

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [line.strip() for name in ("tongliang_hrss_14th.txt", "constructed_city_chongqing_hrss_14th.txt")
         for line in (ROOT / "samples" / name).read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def whole_jieba():
    import jieba

    jieba.setLogLevel(logging.CRITICAL + 10)
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """A process-fresh segmenter whose shard cache lives in tmp_path/cache."""
    monkeypatch.setattr(segment, "_SEGMENTER", None)
    monkeypatch.setenv("PLAN_PARSER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "jieba_shards.bin"


def test_sharded_cut_is_jiebas_cut(whole_jieba, fresh):
    assert len(TEXTS) > 300
    for text in TEXTS:
        assert segment.tokens(text) == [t for t in whole_jieba.lcut(text, HMM=True) if t.strip()], text
    assert segment.tokens("城镇新增就业人数") == ["城镇", "新增", "就业人数"]
    assert fresh.is_file()  # the cache was written on first use …
    stamp = fresh.stat().st_mtime_ns
    segment._SEGMENTER = None  # … and a second "process" reads it as it is
    assert segment.tokens("城镇调查失业率") == [t for t in whole_jieba.lcut("城镇调查失业率", HMM=True) if t.strip()]
    assert fresh.stat().st_mtime_ns == stamp


def test_a_corrupt_cache_is_rebuilt(whole_jieba, fresh):
    fresh.parent.mkdir(parents=True)
    fresh.write_bytes(b"not a cache\n\x00\x01")
    assert segment.tokens("高技能人才总量") == [t for t in whole_jieba.lcut("高技能人才总量", HMM=True) if t.strip()]
    assert fresh.read_bytes()[:1] == b"{"


def test_cache_dir_that_is_a_file_serves_from_memory(whole_jieba, fresh):
    """A cache path that cannot be a directory (here a file) is no error: the shards stay in memory."""
    fresh.parent.write_text("a file, not a directory", "utf-8")
    assert segment.tokens("社会保障卡持卡人数") == [t for t in whole_jieba.lcut("社会保障卡持卡人数", HMM=True)
                                                  if t.strip()]


def test_proper_nouns_are_jiebas_tagged_names():
    from plan_parser import segment

    # jieba's dict.txt: 青溪 67 ns, 白石山 2 nr, 口袋 996 n; 松河 is not in it
    assert segment.proper_noun("青溪") and segment.proper_noun("白石山")
    assert not segment.proper_noun("口袋") and not segment.proper_noun("松河")
    # 平原 7457 ns, 英雄 5354 ns: tagged, but a common noun
    assert not segment.proper_noun("平原") and not segment.proper_noun("英雄")
    assert not segment.proper_noun("")
