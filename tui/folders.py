"""Where a screen finds the app's saved sessions, typed, in one place.

The app keeps its sessions folder (``MockloopApp.sessions_dir``: None means the
user's data folder from loops/paths.py; tests give a folder of their own).
Screens are also pushed on bare apps in tests, so they ask through here instead
of each reaching into the app for an attribute it may not have.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from textual.app import App


def sessions_folder(app: App[Any]) -> Path | None:
    """The folder this app saves sessions in, or None for the default one."""
    folder = getattr(app, "sessions_dir", None)
    return folder if isinstance(folder, Path) else None


TOAST_MAX = 60
"""A notice's width (Textual's toast: 60 columns, at most half the screen)."""
TOAST_FRAME = 3
"""Its left edge and a space of padding either side."""


def toast_room(app: App[Any]) -> int:
    """How many characters a line of a notice holds on this screen: 37 at 80 columns."""
    return min(TOAST_MAX, app.size.width // 2) - TOAST_FRAME


def path_lines(path: Path, width: int) -> str:
    """``path`` to read and copy in a notice ``width`` characters wide: under the home
    folder as "~/...", which a shell reads back, and broken only after a "/", so that no
    name is cut in two ("~/.local/share/mockloop/exports/" then "20261201-...md").
    Textual folded a long path at the edge, mid-name, wherever it fell."""
    text = str(path)
    with contextlib.suppress(ValueError, RuntimeError):
        text = "~/" + str(path.relative_to(Path.home()))
    *folders, name = text.split("/")
    lines = [""]
    for piece in [f"{folder}/" for folder in folders] + [name]:
        if lines[-1] and len(lines[-1]) + len(piece) > width:
            lines.append("")
        lines[-1] += piece
    return "\n".join(lines)
