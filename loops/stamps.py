"""What was worked out from each file, kept under the file's stamp: the one file cache.

Reading every saved session to list them (home's index) or to score them
(history) takes seconds once a candidate has hundreds of loops, so each keeps
what it worked out per file in a JSON file, under that file's stamp (its
modification time in nanoseconds and its size): a file whose stamp is
unchanged is not read again. A cache only saves time, so a missing, damaged
or other-version cache is simply empty, and a failed write (a full disk, a
read-only folder) costs the next start its speed, nothing else. JSON, not
TOML: it parses in C, and its file is not taken for a session.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from loops.private_files import atomic_write

Stamp = list[int]
"""[modification time in ns, size in bytes]: a list, as JSON reads it back."""


def stamp_of(st: os.stat_result) -> Stamp:
    return [st.st_mtime_ns, st.st_size]


class StampCache:
    """Values by file name, each kept with the stamp of the file it came from.

    ``version`` says what the values mean (a format, an engine's fingerprint): a
    cache saved under another version is dropped whole. A value may be put with
    no stamp (worked out from a session in memory); ``get`` with a stamp never
    returns it, ``value`` does.
    """

    def __init__(self, path: Path, version: str) -> None:
        self.path, self.version = path, version
        self.entries: dict[str, dict[str, Any]] = {}
        """File name -> {"stamp": Stamp | None, "value": ...}."""
        self.dirty = False

    @classmethod
    def load(cls, path: Path, version: str) -> StampCache:
        """The cache at ``path``; empty when missing, damaged or of another version."""
        cache = cls(path, version)
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return cache
        if not isinstance(data, dict):
            data = {}
        files = data.get("files")
        if data.get("version") != version or not isinstance(files, dict):
            cache.dirty = True  # rewrite it in this version's shape
            return cache
        cache.entries = {
            name: e for name, e in files.items() if isinstance(e, dict) and "value" in e
        }
        return cache

    def get(self, name: str, stamp: Stamp) -> Any:
        """The value kept for file ``name`` if its stamp is still ``stamp``, else None."""
        entry = self.entries.get(name)
        return entry["value"] if entry is not None and entry.get("stamp") == stamp else None

    def value(self, name: str) -> Any:
        """The value kept for file ``name`` whatever its stamp, or None."""
        entry = self.entries.get(name)
        return None if entry is None else entry["value"]

    def put(self, name: str, stamp: Stamp | None, value: Any) -> None:
        entry = {"stamp": stamp, "value": value}
        if self.entries.get(name) != entry:
            self.entries[name] = entry
            self.dirty = True

    def keep_only(self, names: set[str]) -> None:
        """Forget the files not in ``names`` (deleted since)."""
        gone = set(self.entries) - names
        for name in gone:
            del self.entries[name]
        self.dirty = self.dirty or bool(gone)

    def save(self) -> None:
        """Write the cache if anything changed; a failed write is ignored (see above)."""
        if not self.dirty:
            return
        with contextlib.suppress(OSError):
            atomic_write(self.path, json.dumps({"version": self.version, "files": self.entries}))
            self.dirty = False
