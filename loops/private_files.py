"""Owner-only files, written whole: the one way mockloop writes a file.

Every write goes to a temporary file in the same folder, is fsynced, then
renamed over the old file and the folder fsynced, so a crash leaves either
the old file or the new one, never half of one. Folders are 0700 and files
0600: on a shared box nobody else can read a candidate's answers, stories or
settings. Sessions, the story bank, settings, exports and the caches all
write through ``atomic_write``.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents owner-only (0700).

    mkdir's mode applies only to the last folder, so each missing one is
    made and chmodded in turn; the umask cannot loosen them either.
    """
    missing = []
    cur = path
    while not cur.exists():
        missing.append(cur)
        cur = cur.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
    os.chmod(path, 0o700)
    return path


TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 60.0
"""A temp file this old is no live save's: a save writes and renames in well under a second."""


def atomic_write(path: Path, text: str, *, private_dir: bool = True) -> None:
    """Replace ``path`` with ``text``: temp file, fsync, rename, 0600.

    ``private_dir`` makes the folder owner-only first; exports pass False,
    since they go to the user's own folder (their Desktop, say), whose
    permissions are not ours to change.
    """
    if private_dir:
        ensure_private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable: without it a crash can undo the rename."""
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def move_into(source: Path, folder: Path) -> Path:
    """Move ``source`` into ``folder`` (made owner-only) under a name not yet taken there.

    A rename, so atomic on one filesystem, and both folders fsynced: the file is in
    one place or the other after a crash, never lost. A name already there gets a
    suffix (``name.2.toml``), so nothing in ``folder`` is overwritten.
    """
    ensure_private_dir(folder)
    target = folder / source.name
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{source.stem}.{n}{source.suffix}"
    os.rename(source, target)
    fsync_dir(source.parent)
    fsync_dir(folder)
    return target


def clean_stale_temp_files(
    folder: Path, *, older_than: float = STALE_TEMP_SECONDS, now: float | None = None
) -> list[Path]:
    """Remove the temp files of saves that were killed before their rename.

    A kill during a save leaves ``.<name>.XXXX.tmp`` beside the file, holding
    the candidate's answers, which nothing would ever remove. Only hidden temp
    files of ours are touched: regular files (not links) owned by this user and
    untouched for ``older_than`` seconds, so a save in progress in another
    mockloop keeps its file. Returns what was removed.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX)):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if (
                stat.S_ISREG(st.st_mode)
                and st.st_uid == os.getuid()
                and now - st.st_mtime >= older_than
            ):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # gone already, or not ours to remove
    return removed
