"""Deleting a loop moves its file aside, never destroys it.

A candidate clears out abandoned loops from home or history; a wrong key
must not cost them an evening's answers. The file moves to
``sessions/.trash/`` (owner-only, hidden, and not a ``*.toml`` in the
sessions folder, so nothing lists it), from where moving it back restores
the loop. A loop open in another mockloop is refused: that process would
save it straight back.
"""

from __future__ import annotations

from pathlib import Path

from loops import lock, paths
from loops.private_files import move_into
from loops.store import session_path

TRASH_NAME = ".trash"


def trash_dir(folder: Path | None = None) -> Path:
    """Where deleted loops go: beside the sessions they came from."""
    return (folder or paths.sessions_dir()) / TRASH_NAME


def trash_session(session_id: str, folder: Path | None = None) -> Path:
    """Move the loop ``session_id`` into the trash and return its new path.

    Raises ``lock.LoopLocked`` when another process is playing it, and
    ``OSError`` when the file cannot be moved. A loop deleted twice (same id,
    restored and deleted again) keeps both copies: the later one gets a suffix.
    """
    source = session_path(session_id, folder)
    held = lock.acquire(session_id, folder)  # no other window may be saving it meanwhile
    try:
        # Same folder tree, same filesystem: a rename, atomic.
        return move_into(source, trash_dir(folder))
    finally:
        held.release()
