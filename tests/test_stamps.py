"""The one file cache (loops.stamps): home's session index and the history both keep
what they worked out per file under the file's stamp, and drop it when the file changes."""

from __future__ import annotations

import json
import os
import stat

from test_store import answer_some, make_session

from loops import paths
from loops.review.history import HistoryCache, cache_path, load_history
from loops.stamps import StampCache, stamp_of
from loops.store import load_summaries, save_session


def test_a_value_is_kept_only_while_its_file_is_unchanged(tmp_path):
    source = tmp_path / "a.toml"
    source.write_text("one")
    cache = StampCache.load(tmp_path / "cache.json", "v1")
    cache.put("a.toml", stamp_of(source.stat()), {"n": 1})
    cache.save()
    again = StampCache.load(tmp_path / "cache.json", "v1")
    assert again.get("a.toml", stamp_of(source.stat())) == {"n": 1}
    source.write_text("one, longer")
    assert again.get("a.toml", stamp_of(source.stat())) is None
    assert again.value("a.toml") == {"n": 1}
    assert StampCache.load(tmp_path / "cache.json", "v2").entries == {}
    assert stat.S_IMODE(os.stat(tmp_path / "cache.json").st_mode) == 0o600


def test_a_cache_that_cannot_be_written_costs_nothing_but_speed(tmp_path):
    blocked = tmp_path / "cache.json"
    blocked.mkdir()  # the rename over it fails, as on a full or read-only disk
    cache = StampCache(blocked, "v1")
    cache.put("a.toml", [1, 2], 3)
    cache.save()  # no exception: the caller's list is complete without the cache
    assert blocked.is_dir() and cache.dirty


def test_home_and_history_keep_their_caches_the_same_way():
    session = make_session()
    answer_some(session, 3)
    path = save_session(session)
    load_summaries()
    load_history()
    index = json.loads(paths.session_index_file(paths.sessions_dir()).read_text())
    history = json.loads(cache_path().read_text())
    stamp = stamp_of(path.stat())
    assert index["files"][path.name]["stamp"] == history["files"][path.name]["stamp"] == stamp
    assert HistoryCache.load().row_for_file(path, path.stat())["answers"] == 3


def test_the_old_toml_history_cache_is_removed():
    """It held every loop's measures; nothing reads it now, so it is not left behind."""
    session = make_session()
    answer_some(session, 1)
    save_session(session)
    old = paths.data_dir() / "history-cache.toml"
    old.write_text('version = 1\nengine = "x"\n')
    load_history()
    assert not old.exists() and cache_path().exists()
