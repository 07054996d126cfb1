"""Where a screen finds the app's saved sessions, typed, in one place.

The app keeps its sessions folder (``MockloopApp.sessions_dir``: None means the
user's data folder from loops/paths.py; tests give a folder of their own).
Screens are also pushed on bare apps in tests, so they ask through here instead
of each reaching into the app for an attribute it may not have.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App


def sessions_folder(app: App[Any]) -> Path | None:
    """The folder this app saves sessions in, or None for the default one."""
    folder = getattr(app, "sessions_dir", None)
    return folder if isinstance(folder, Path) else None
