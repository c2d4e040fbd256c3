"""plan_parser.cache: derived files kept between processes, rebuilt when their source changes."""
from __future__ import annotations

import json

from plan_parser import cache
from plan_parser.glossary import VOCABULARY_PATH, _read_vocabulary, vocabulary_tables


def test_a_value_is_built_once_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAN_PARSER_CACHE_DIR", str(tmp_path / "cache"))
    built = []

    def build():
        built.append(1)
        return {"a": ["b", 1]}

    assert cache.cached_json("x.json", {"v": 1}, build) == {"a": ["b", 1]}
    assert cache.cached_json("x.json", {"v": 1}, build) == {"a": ["b", 1]}
    assert len(built) == 1
    # another stamp (the source changed): built again, and kept with the new stamp
    assert cache.cached_json("x.json", {"v": 2}, build) == {"a": ["b", 1]}
    assert len(built) == 2
    assert json.loads((tmp_path / "cache" / "x.json").read_text("utf-8"))["stamp"] == {"v": 2}


def test_a_file_that_is_not_ours_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAN_PARSER_CACHE_DIR", str(tmp_path))
    (tmp_path / "x.json").write_text("not json", encoding="utf-8")
    assert cache.cached_json("x.json", {"v": 1}, lambda: [1, 2]) == [1, 2]
    (tmp_path / "x.json").write_text('["a list, no stamp"]', encoding="utf-8")
    assert cache.cached_json("x.json", {"v": 1}, lambda: [3]) == [3]


def test_no_writable_cache_still_gives_the_value(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("PLAN_PARSER_CACHE_DIR", str(blocker / "below"))  # a directory under a file
    assert cache.cached_json("x.json", {"v": 1}, lambda: {"ok": True}) == {"ok": True}
    assert list(tmp_path.iterdir()) == [blocker]


def test_the_vocabulary_read_from_the_cache_is_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAN_PARSER_CACHE_DIR", str(tmp_path))
    direct = _read_vocabulary(VOCABULARY_PATH)
    assert vocabulary_tables() == direct                 # cold: parsed and kept
    assert (tmp_path / "vocabulary_tables.json").exists()
    assert vocabulary_tables() == direct                 # warm: read back
    assert direct["vocabulary"]["珠江"] == "Pearl River"  # [geographic_names]
    # the warm read is the cache file's (a marked copy proves it), the stamp being the file's
    kept = json.loads((tmp_path / "vocabulary_tables.json").read_text("utf-8"))
    kept["value"]["vocabulary"]["珠江"] = "marked"
    (tmp_path / "vocabulary_tables.json").write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    assert vocabulary_tables()["vocabulary"]["珠江"] == "marked"
    kept["stamp"]["blake2b"] = "0" * 32  # the file is not the one it was read from: read it again
    (tmp_path / "vocabulary_tables.json").write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    assert vocabulary_tables() == direct
    # a value of the wrong shape under the right stamp (a review found a TypeError): read again
    kept = json.loads((tmp_path / "vocabulary_tables.json").read_text("utf-8"))
    for wrong in ([], None, {}, {"vocabulary": {"珠江": 1}}):
        kept["value"] = wrong
        (tmp_path / "vocabulary_tables.json").write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
        assert vocabulary_tables() == direct


def test_a_cache_dir_with_a_tilde_is_the_home_directory(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("PLAN_PARSER_CACHE_DIR", "~/pp-cache")
    assert cache.cache_dir() == tmp_path / "pp-cache"
