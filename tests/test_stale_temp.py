"""Temp files left by a save that was killed before its rename are removed at start.

They hold the candidate's answers in full and nothing else would ever remove
them; but a save in progress (a fresh temp file) must keep its file.
"""

from __future__ import annotations

import os
import time

import pytest
from test_locking import unfinished_loop

from loops import paths
from loops.private_files import clean_stale_temp_files, ensure_private_dir
from loops.store import save_session
from tui.app import MockloopApp


def leftover(name: str, age: float) -> str:
    """A temp file as atomic_write names it, last written ``age`` seconds ago."""
    folder = ensure_private_dir(paths.sessions_dir())
    path = folder / name
    path.write_text('answers = "the whole answer, in full"\n')
    then = time.time() - age
    os.utime(path, (then, then))
    return name


async def test_starting_the_app_removes_stale_temp_files_only(clock):
    session = unfinished_loop()
    stale = leftover(f".{session.id}.toml.k3j9x2ab.tmp", age=3600)
    stale_index = leftover(".index.json.q8w7e6r5.tmp", age=120)
    fresh = leftover(f".{session.id}.toml.zz11yy22.tmp", age=1)  # another mockloop's live save
    other = leftover("notes.tmp", age=3600)  # not a temp file of ours
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    names = {p.name for p in paths.sessions_dir().iterdir()}
    assert stale not in names and stale_index not in names
    assert {fresh, other, f"{session.id}.toml"} <= names


def test_links_and_other_files_are_left_alone(tmp_path):
    folder = ensure_private_dir(tmp_path / "sessions")
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    link = folder / ".x.toml.abcdefgh.tmp"
    link.symlink_to(target)
    then = time.time() - 3600
    os.utime(link, (then, then), follow_symlinks=False)
    assert clean_stale_temp_files(folder) == []
    assert link.is_symlink() and target.read_text() == "keep me"


def test_a_save_leaves_no_temp_file_and_is_not_cleaned(tmp_path):
    folder = ensure_private_dir(tmp_path / "sessions")
    session = unfinished_loop()
    path = save_session(session, folder)
    assert clean_stale_temp_files(folder, older_than=0) == []
    assert path.exists()


@pytest.mark.skipif(os.getuid() != 0, reason="only root can give a file to another user")
def test_another_users_temp_file_is_left_alone():
    theirs = leftover(".x.toml.abcdefgh.tmp", age=3600)
    path = paths.sessions_dir() / theirs
    os.chown(path, 4242, 4242)
    os.utime(path, (time.time() - 3600,) * 2)
    assert clean_stale_temp_files(paths.sessions_dir()) == []
    assert path.exists()
