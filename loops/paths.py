"""Every file location mockloop uses, in one place.

MOCKLOOP_HOME, when set, holds both data and config: tests and shared
boxes use it to keep everything in one owner-only folder.
"""

from __future__ import annotations

import os
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
