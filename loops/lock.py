"""One writer per loop: a lock that dies with the process holding it.

Two mockloops playing the same loop would each save from their own memory
every few seconds, so the idle one silently overwrites what the other
records. Whoever opens a loop to answer it takes an exclusive ``flock`` on a
lock file beside the session and keeps that file open; a second process is
refused and told who holds the loop (pid, host, since when). The kernel
drops a flock when its process dies, so a ``kill -9`` never leaves a loop
locked: a stale lock file is simply taken over. Reading a loop (a debrief,
the history) takes no lock; only writing needs one.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from loops.private_files import ensure_private_dir
from loops.session import now_iso
from loops.store import session_path


@dataclass(frozen=True)
class Holder:
    """Who has a loop open: what the refused process tells its user."""

    pid: int | None
    host: str
    since: str
    """ISO time, UTC, when the holder took the loop."""

    def describe(self) -> str:
        if self.pid is None:
            return "another mockloop (it has not said which yet)"
        since = self.since[:16].replace("T", " ")
        return f"mockloop pid {self.pid} on {self.host}, since {since} UTC"


class LoopLocked(Exception):
    """Another live process holds this loop's lock."""

    def __init__(self, path: Path, holder: Holder) -> None:
        super().__init__(f"{path.name} is open in {holder.describe()}")
        self.path, self.holder = path, holder


def lock_path(session_file: Path) -> Path:
    """Beside the session, hidden and not a .toml, so it is never listed as a loop."""
    return session_file.with_name(f".{session_file.stem}.lock")


def _read_holder(fd: int) -> Holder:
    try:
        data = json.loads(os.pread(fd, 4096, 0).decode("utf-8"))
        return Holder(int(data["pid"]), str(data["host"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        # The holder has the lock but has not written its name yet (or a damaged file).
        return Holder(None, "", "")


class SessionLock:
    """A held lock on one loop; ``release`` (or the process ending) gives it back."""

    def __init__(self, session_id: str, path: Path, fd: int) -> None:
        self.session_id, self.path, self._fd = session_id, path, fd

    @property
    def held(self) -> bool:
        return self._fd >= 0

    def release(self) -> None:
        """Remove the file while still holding it, then let go.

        Removing first means nobody can lock this file after we let go and
        believe they hold the loop while a newcomer creates and locks a new
        file of the same name; ``acquire`` checks for exactly that.
        """
        if self._fd < 0:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        os.close(self._fd)
        self._fd = -1


def acquire(session_id: str, folder: Path | None = None) -> SessionLock:
    """Lock the loop ``session_id`` for this process, or raise LoopLocked."""
    path = lock_path(session_path(session_id, folder))
    ensure_private_dir(path.parent)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise LoopLocked(path, holder) from None
        except BaseException:
            os.close(fd)
            raise
        try:
            same_file = os.path.samestat(os.fstat(fd), os.stat(path))
        except FileNotFoundError:
            same_file = False
        if not same_file:
            # The holder released (and removed) the file between our open and our
            # flock: we locked a file nobody will ever look at again. Start over.
            os.close(fd)
            continue
        me = {"pid": os.getpid(), "host": socket.gethostname(), "since": now_iso()}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(me).encode("utf-8"), 0)
        return SessionLock(session_id, path, fd)
