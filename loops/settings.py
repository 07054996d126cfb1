"""User settings: ``<config dir>/settings.toml``, read into a strict typed model.

Every key is optional; an unknown key or a wrong type is a problem naming
the file, line and field, and the defaults are used instead of guessing.

    level = "senior"            # sde1 | sde2 | senior | staff
    rounds = 5                  # 4 to 6, Bar Raiser included
    timing = "strict"           # strict | relaxed | untimed
    main_seconds = 150          # target for a main answer
    follow_up_seconds = 90      # target for a follow-up
    coach = false               # feedback after every answer
    mode = "typed"              # typed | spoken
    self_vote = false           # vote each principle yourself before the debrief

Setup writes level, rounds, timing, coach, mode and self_vote back when a loop starts, so the
next setup opens on the last choices.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from loops import paths
from loops.levels import LEVELS
from loops.planner import MAX_ROUNDS, MIN_ROUNDS
from loops.private_files import atomic_write
from loops.problems import (
    OPTIONAL,
    Field,
    FileProblem,
    FileProblemError,
    Reader,
    load_fields,
    read_toml,
    unknown_fields,
)
from loops.session import DEFAULT_FOLLOW_UP_SECONDS, DEFAULT_MAIN_SECONDS, MODES, TIMINGS


@dataclass(frozen=True)
class Settings:
    level: str = "sde2"
    rounds: int = 5
    timing: str = "relaxed"
    main_seconds: int = DEFAULT_MAIN_SECONDS
    follow_up_seconds: int = DEFAULT_FOLLOW_UP_SECONDS
    coach: bool = False
    mode: str = "typed"
    self_vote: bool = False


@dataclass
class LoadedSettings:
    settings: Settings = field(default_factory=Settings)
    problems: list[FileProblem] = field(default_factory=list)


def settings_path() -> Path:
    return paths.config_dir() / "settings.toml"


TARGET_SECONDS = range(15, 1201)
"""The answer targets a loop may set (main_seconds, follow_up_seconds): 15 s to 20 min.
Session files are checked against the same range."""

_TARGETS = (TARGET_SECONDS.start, TARGET_SECONDS.stop - 1)

FIELDS = (
    Field("level", default=OPTIONAL, choices=tuple(LEVELS)),
    Field("rounds", int, default=OPTIONAL, span=(MIN_ROUNDS, MAX_ROUNDS)),
    Field("timing", default=OPTIONAL, choices=TIMINGS),
    Field("main_seconds", int, default=OPTIONAL, span=_TARGETS),
    Field("follow_up_seconds", int, default=OPTIONAL, span=_TARGETS),
    Field("coach", bool, default=OPTIONAL),
    Field("mode", default=OPTIONAL, choices=MODES),
    Field("self_vote", bool, default=OPTIONAL),
)
"""Every setting, read as every other file is (loops.problems): a key left out, or
one that is wrong (named with its line), takes the default in ``Settings``."""

REMEMBERED = ("level", "rounds", "timing", "coach", "mode", "self_vote")
"""What setup writes back when a loop starts, so the next setup opens on the same choices."""


def remember_choices(choices: dict[str, object], path: Path | None = None) -> bool:
    """Write setup's choices into the settings file, keeping every other key in it.

    A settings file with problems is left as it is (the user is editing it by hand
    and was told what is wrong): returns False then, True once written.
    """
    import tomli_w

    path = path or settings_path()
    data: dict[str, object] = {}
    if path.exists():
        if load_settings(path).problems:
            return False
        data, _text = read_toml(path)
    data.update({key: choices[key] for key in REMEMBERED if key in choices})
    atomic_write(path, tomli_w.dumps(data))
    return True


def load_settings(path: Path | None = None) -> LoadedSettings:
    path = path or settings_path()
    if not path.exists():
        return LoadedSettings()
    try:
        data, text = read_toml(path)
    except FileProblemError as exc:
        return LoadedSettings(problems=exc.problems)
    r = Reader(path, text)
    problems = unknown_fields(r, data, FIELDS, "", None)
    values = load_fields(r, data, FIELDS, "", None, problems)
    return LoadedSettings(Settings(**values), problems)
