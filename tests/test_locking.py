"""One loop, one writer: a second mockloop on the same loop is refused, and told who has it.

The lock is held by a real second process (a subprocess that takes it and
sleeps), as when the same loop is open in two terminals; killing that
process with SIGKILL frees the loop, as the kernel drops its flock.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from loops.bank import load_bank
from loops.lock import LoopLocked, acquire, lock_path
from loops.planner import plan_loop
from loops.session import LoopSettings, Session, new_session_id
from loops.store import save_session, session_path
from tui.app import MockloopApp
from tui.screens.interview import InterviewScreen
from tui.screens.locked import LockedScreen
from tui.screens.schedule import ScheduleScreen

ROOT = Path(__file__).resolve().parents[1]

HOLD = """
import sys, time
from loops.lock import acquire
lock = acquire(sys.argv[1])
print("locked", flush=True)
time.sleep(120)
"""


def unfinished_loop() -> Session:
    plan = plan_loop(load_bank(None), "sde2", 4, 5)
    session = Session(id=new_session_id(), settings=LoopSettings("sde2", 4), plan=plan)
    save_session(session)
    return session


@pytest.fixture
def other_process(mockloop_home: Path) -> Iterator[tuple[Session, subprocess.Popen[str]]]:
    """A second process that holds the lock of an unfinished loop."""
    session = unfinished_loop()
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, session.id],
        cwd=ROOT,
        env={**os.environ, "MOCKLOOP_HOME": str(mockloop_home)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    yield session, proc
    proc.kill()
    proc.wait()


def test_a_second_process_is_refused_and_told_who_holds_the_loop(other_process):
    session, proc = other_process
    with pytest.raises(LoopLocked) as refused:
        acquire(session.id)
    holder = refused.value.holder
    assert holder.pid == proc.pid
    assert holder.host == socket.gethostname()
    assert holder.since  # when it took the loop
    assert f"pid {proc.pid}" in str(refused.value)


def test_a_killed_holder_leaves_no_lock_behind(other_process):
    session, proc = other_process
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    lock = acquire(session.id)  # the kernel dropped the dead process's flock
    assert lock.held
    lock.release()
    assert not lock_path(session_path(session.id)).exists()


async def test_the_second_app_shows_who_has_the_loop_and_never_writes_it(other_process, clock):
    session, proc = other_process
    file = session_path(session.id)
    before = file.read_bytes()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")  # resume the unfinished loop
        await pilot.pause()
        assert isinstance(app.screen, LockedScreen)
        shown = str(app.screen.query_one("#locked-text").render())
        assert f"pid {proc.pid} on {socket.gethostname()}" in shown
        assert "read-only" in shown
        await pilot.press("s")  # look at it instead
        await pilot.pause()
        assert isinstance(app.screen, ScheduleScreen)
        await pilot.press("enter")  # trying to begin asks for the lock again: refused
        await pilot.pause()
        assert isinstance(app.screen, LockedScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, InterviewScreen)
    assert file.read_bytes() == before

    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)  # free again: resumed


async def test_two_apps_in_one_process_cannot_both_play_a_loop(clock):
    """The lock is per open file, so it holds between two apps as between two processes;
    and going back home gives the loop up."""
    session = unfinished_loop()
    first = MockloopApp(clock=clock)
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(first.screen, InterviewScreen)
        with pytest.raises(LoopLocked) as refused:
            acquire(session.id)
        assert refused.value.holder.pid == os.getpid()
    acquire(session.id).release()  # the app let go when it quit


def test_the_debrief_command_reads_a_locked_loop(other_process, capsys):
    from tui.cli import main

    session, _ = other_process
    assert main(["debrief", session.id, "--format", "json"]) == 0
    assert session.id in capsys.readouterr().out
