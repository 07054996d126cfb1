"""Files are written one way: through loops/private_files.py (temp file, fsync, rename,
0600 in a 0700 folder, the folder fsynced). A write anywhere else would skip one of
those steps, so this looks for one in the app's own code."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WRITES = re.compile(
    r"\.write_text\(|\.write_bytes\(|\bopen\([^)]*['\"][wax]b?\+?['\"]|os\.replace\(|"
    r"os\.rename\(|\.rename\(|\.replace\(\w*path|mkstemp\(|NamedTemporaryFile\(|O_CREAT"
)
ALLOWED = {
    ("loops/private_files.py", None): "the one module that writes",
    ("loops/lock.py", "O_CREAT"): "a lock file: flock needs its own descriptor; it holds no data",
    ("loops/stories.py", "O_CREAT"): "the story bank's lock file, likewise",
    ("loops/background.py", ".write_text("): "a developer's generator of a source file",
}


def test_only_private_files_writes_files():
    found = []
    for folder in ("loops", "tui", "scoring"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if (rel, None) in ALLOWED:
                continue
            for n, line in enumerate(path.read_text().splitlines(), 1):
                for match in WRITES.finditer(line):
                    if (rel, match.group(0)) not in ALLOWED:
                        found.append(f"{rel}:{n}: {line.strip()}")
    assert found == [], "write through loops.private_files instead:\n" + "\n".join(found)


def test_the_check_finds_a_write():
    assert WRITES.search('path.write_text("x")') and WRITES.search("os.replace(a, b)")
    assert WRITES.search('open(p, "w")') and not WRITES.search('open(p, "rb")')
