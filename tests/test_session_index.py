"""Home lists saved loops from an index, reading only files that changed.

A candidate keeps every loop they play, and parsing a session file costs
milliseconds; without the index, start-up grew with every loop played.
"""

from __future__ import annotations

import json
import os
import stat

import pytest
from test_store import answer_some, make_session

import loops.store as store
from loops import paths
from loops.store import load_sessions, load_summaries, save_session, summarize


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the session files read in full, in order."""
    names: list[str] = []
    real = store.session_from_toml

    def counting(path):
        names.append(path.name)
        return real(path)

    monkeypatch.setattr(store, "session_from_toml", counting)
    return names


def three_sessions() -> list[store.Session]:
    out = []
    for n in range(3):
        s = make_session(f"20261122-00000{n}-abcd", seed=n)
        answer_some(s, n * 2)
        save_session(s)
        out.append(s)
    return out


def test_summaries_say_what_the_full_sessions_say(parsed):
    sessions = three_sessions()
    listed = load_summaries()
    by_id = {s.id: s for s in listed.summaries}
    for s in sessions:
        assert by_id[s.id] == summarize(s, paths.sessions_dir() / f"{s.id}.toml")
    assert [s.id for s in listed.summaries] == [s.id for s in load_sessions().sessions]


def test_a_second_start_reads_no_session_file(parsed):
    three_sessions()
    load_summaries()
    assert len(parsed) == 3
    parsed.clear()
    again = load_summaries()
    assert parsed == []
    assert len(again.summaries) == 3


def test_only_a_changed_file_is_read_again(parsed):
    sessions = three_sessions()
    load_summaries()
    parsed.clear()
    answer_some(sessions[0], 1)
    sessions[0].touch()
    save_session(sessions[0])
    listed = load_summaries()
    assert parsed == [f"{sessions[0].id}.toml"]
    [first] = [s for s in listed.summaries if s.id == sessions[0].id]
    assert first.answers == 1


def test_a_deleted_file_leaves_the_list(parsed):
    sessions = three_sessions()
    load_summaries()
    (paths.sessions_dir() / f"{sessions[1].id}.toml").unlink()
    assert sessions[1].id not in {s.id for s in load_summaries().summaries}
    index = json.loads(paths.session_index_file(paths.sessions_dir()).read_text())
    assert f"{sessions[1].id}.toml" not in index["files"]


def test_a_bad_file_is_reported_every_time_but_read_once(parsed):
    three_sessions()
    bad = paths.sessions_dir() / "broken.toml"
    bad.write_text('version = 1\nid = "x\n')
    first = load_summaries()
    parsed.clear()
    second = load_summaries()
    assert parsed == []
    assert [str(p) for p in second.problems] == [str(p) for p in first.problems]
    [problem] = second.problems
    assert problem.path == bad and problem.line == 2 and "not valid TOML" in problem.message


@pytest.mark.parametrize("damage", ["not json {", '{"version": 1, "files": {"x": 3}}', "[]"])
def test_a_damaged_index_is_rebuilt(parsed, damage):
    three_sessions()
    load_summaries()
    index = paths.session_index_file(paths.sessions_dir())
    index.write_text(damage)
    parsed.clear()
    listed = load_summaries()
    assert len(listed.summaries) == 3 and len(parsed) == 3
    assert json.loads(index.read_text())["version"] == store._INDEX_VERSION


def test_an_index_entry_that_does_not_fit_is_read_from_the_file(parsed):
    sessions = three_sessions()
    load_summaries()
    index = paths.session_index_file(paths.sessions_dir())
    data = json.loads(index.read_text())
    entry = data["files"][f"{sessions[2].id}.toml"]
    del entry["value"]["summary"]["answers"]  # as an older or hand-edited index might hold it
    index.write_text(json.dumps(data))
    parsed.clear()
    by_id = {s.id: s for s in load_summaries().summaries}
    assert parsed == [f"{sessions[2].id}.toml"]
    assert by_id[sessions[2].id].answers == 4


def test_the_index_is_owner_only_and_never_taken_for_a_session():
    os.umask(0o022)
    three_sessions()
    load_summaries()
    index = paths.session_index_file(paths.sessions_dir())
    assert stat.S_IMODE(os.stat(index).st_mode) == 0o600
    assert load_sessions().problems == []
