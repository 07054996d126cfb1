"""Every file location mockloop uses, in one place.

MOCKLOOP_HOME, when set, holds both data and config: tests and shared
boxes use it to keep everything in one owner-only folder.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

APP_NAME = "mockloop"


def _home() -> Path | None:
    value = os.environ.get("MOCKLOOP_HOME")
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else platformdirs.user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else platformdirs.user_config_path(APP_NAME, appauthor=False)


def sessions_dir() -> Path:
    return data_dir() / "sessions"


def session_index_file(folder: Path) -> Path:
    """The summary of every session file in ``folder``, so home need not parse them all.

    Beside the sessions it describes (a custom sessions folder gets its own), and
    not a .toml, so it is never taken for a session.
    """
    return folder / ".index.json"


def stories_file() -> Path:
    """The candidate's story bank."""
    return data_dir() / "stories.toml"


def user_questions_dir() -> Path:
    return config_dir() / "questions"


def log_file() -> Path:
    """Where the app logs: never stderr, which Textual draws on."""
    return data_dir() / "mockloop.log"


# --- folders other users could change ------------------------------------------------


def open_to_others(folder: Path) -> bool:
    """True when ``folder`` exists and every user may write in it (o+w, sticky or not).

    Anyone who can write there can plant a question file or a session, or, without
    the sticky bit, move the candidate's files away.
    """
    try:
        mode = folder.stat().st_mode
    except OSError:
        return False
    return bool(mode & stat.S_IWOTH)


def own_folders() -> list[Path]:
    """mockloop's own folders, outermost first: MOCKLOOP_HOME when set, data, config,
    and the sessions and questions folders inside them."""
    home = _home()
    folders = [home] if home else []
    folders += [data_dir(), sessions_dir(), config_dir(), user_questions_dir()]
    return list(dict.fromkeys(folders))


def exposed_folder_warnings() -> list[str]:
    """One warning per existing folder of mockloop's that every user may write in:
    shown at start by the app (a notice) and by every command (stderr)."""
    return [
        f"{folder} can be written by every user: another user could plant question "
        f"files there or move your sessions away. Make it yours alone: chmod 700 {folder}"
        for folder in own_folders()
        if open_to_others(folder)
    ]


def exposed_questions_folder(folder: Path) -> Path | None:
    """The folder that makes the question files in ``folder`` unsafe to read: ``folder``
    itself, or one above it up to mockloop's own root, that every user may write in."""
    root = _home() or config_dir()
    chain = [folder]
    if folder.is_relative_to(root):
        chain += [p for p in folder.parents if p.is_relative_to(root)]
    return next((p for p in chain if open_to_others(p)), None)
